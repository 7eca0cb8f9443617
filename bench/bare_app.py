"""The floor: a bare Streamlit page with one 30-point Plotly line chart, nothing else.

`python -m bench` serves it with the same Streamlit, the same command and the same
.streamlit/config.toml as the dashboard, and divides each page's time by this page's.
`?charts=N` (1–8) draws N such charts: the stack's own cost of a page with as many charts as a
dashboard page has. `?draw=dashboard` draws them as the dashboard's pages draw theirs (its chart
element and plotly.js bundle, dashboard/web/chart_view.py) instead of with st.plotly_chart: what
the pages would take with nothing on them but a chart. bench/static is dashboard/static (a link),
so this server serves the bundle at the same path as the dashboard's.
"""

import plotly.graph_objects as go
import streamlit as st

try:
    n = min(8, max(1, int(st.query_params.get("charts", "1"))))
except ValueError:
    n = 1
dashboard_chart = st.query_params.get("draw") == "dashboard"
for i in range(n):
    fig = go.Figure(go.Scatter(x=list(range(30)), y=[(j * 7 + i) % 11 for j in range(30)], mode="lines"))
    if dashboard_chart:
        from dashboard.web import chart_view

        chart_view.plotly_chart(fig, config={"displaylogo": False, "responsive": True}, key=f"chart_{i}")
    else:
        st.plotly_chart(fig, key=f"chart_{i}")
