// A dashboard chart, drawn in the page (no iframe) by the dashboard's own plotly.js bundle
// (dashboard/static/vendor/: plotly.js core with the bar and scattergeo traces, 1.4 MB) from the
// figure Python built. st.plotly_chart loads the whole of plotly.js (4.6 MB of JavaScript), which
// took about a second of a page's main thread in Chromium before any chart was drawn.
// The bundle is loaded once per page and shared by its charts (dashboard/web/chart_view.py).

// The app's root as the browser sees it: dashboard/server.py sets it for Streamlit's client.
function root() {
  const set = window.__streamlit && window.__streamlit.BACKEND_BASE_URL;
  return set || new URL('/', window.location.href).href;
}

function plotly(src) {
  const loads = window.__dashboardPlotly || (window.__dashboardPlotly = {});
  if (!loads[src]) {
    loads[src] = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error('plotly.js did not start')));
      script.onerror = () => reject(new Error('plotly.js could not be loaded from this server'));
      document.head.appendChild(script);
    });
    loads[src].catch(() => { delete loads[src]; }); // the next chart tries again
  }
  return loads[src];
}

export default function (component) {
  const { data, parentElement } = component;
  let box = parentElement.querySelector(':scope > [data-chart]');
  if (!box) {
    box = document.createElement('div');
    box.setAttribute('data-chart', 'plotly');
    const plot = document.createElement('div');
    box.appendChild(plot);
    parentElement.appendChild(box);
  }
  const plot = box.firstElementChild;
  const state = box.__chart || (box.__chart = { width: 0 });
  const figure = JSON.parse(data.figure);
  const config = Object.assign({}, data.config);
  if (config.topojsonURL) config.topojsonURL = new URL(config.topojsonURL, root()).href;

  plotly(new URL(data.src, root()).href)
    .then((Plotly) => Plotly.react(plot, figure.data, figure.layout, config))
    .then(() => {
      state.width = box.clientWidth;
      box.removeAttribute('data-chart-error');
    })
    .catch((err) => {
      box.setAttribute('data-chart-error', '');
      plot.textContent = `This chart could not be drawn (${err.message}). The rows behind it are under “Data behind this chart”.`;
    });

  // Redrawn when its column's width changes (the sidebar opened or closed), not when the chart's
  // own drawing changes its height.
  if (!state.observer) {
    state.observer = new ResizeObserver(() => {
      const width = box.clientWidth;
      if (!plot._fullLayout || !window.Plotly || !width || width === state.width) return; // hidden (width 0: a page or tab leaving): nothing to draw
      state.width = width;
      window.Plotly.Plots.resize(plot).catch(() => { state.width = 0; }); // hidden before the redraw: redrawn when next seen
    });
    state.observer.observe(box);
  }
  // Streamlit calls this when the element goes, and also when a newer draw overtook this one while
  // it was loading: only a chart no longer in the page is taken down.
  return () => {
    setTimeout(() => {
      if (box.isConnected) return;
      state.observer.disconnect();
      if (window.Plotly && plot._fullLayout) window.Plotly.purge(plot);
    });
  };
}
