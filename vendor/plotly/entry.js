'use strict';
// The dashboard's plotly.js: its core (which holds the scatter trace) and the trace types the
// dashboard's charts draw, nothing else. A chart builder that starts drawing another trace type
// must add it here (tests/browser/test_chart_bundle.py fails until it is).
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/scattergeo'),
]);

module.exports = Plotly;
