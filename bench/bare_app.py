"""The floor: a bare Streamlit page with one 30-point Plotly line chart, nothing else.

`python -m bench` serves it with the same Streamlit, the same command and the same
.streamlit/config.toml as the dashboard, and divides each page's time by this page's.
`?charts=N` (1–8) draws N such charts: the stack's own cost of a page with as many charts as a
dashboard page has (the Arms transfers page has six).
"""

import plotly.graph_objects as go
import streamlit as st

try:
    n = min(8, max(1, int(st.query_params.get("charts", "1"))))
except ValueError:
    n = 1
for i in range(n):
    fig = go.Figure(go.Scatter(x=list(range(30)), y=[(j * 7 + i) % 11 for j in range(30)], mode="lines"))
    st.plotly_chart(fig, key=f"chart_{i}")
