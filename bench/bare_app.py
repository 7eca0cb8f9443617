"""The floor: a bare Streamlit page with one 30-point Plotly line chart, nothing else.

`python -m bench` serves it with the same Streamlit, the same command and the same
.streamlit/config.toml as the dashboard, and divides each page's time by this page's.
"""

import plotly.graph_objects as go
import streamlit as st

fig = go.Figure(go.Scatter(x=list(range(30)), y=[(i * 7) % 11 for i in range(30)], mode="lines"))
st.plotly_chart(fig)
