"""The bare page served the same way as the dashboard: Streamlit's st.App with the dashboard's
own middleware (dashboard.server.ClientBaseURL), so the ratio compares pages, not servers."""

import streamlit as st
from starlette.middleware import Middleware

from dashboard.server import ClientBaseURL

app = st.App("bare_app.py", middleware=[Middleware(ClientBaseURL)])
