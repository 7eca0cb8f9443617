"""Entry point that serves the app: `streamlit run dashboard/server.py` (Streamlit's own server,
st.App, running dashboard/app.py), with one addition to the HTML page Streamlit sends.

Every page but the Overview lives at a sub-path (/arms-transfers, …). Opening one, Streamlit's
client first asks /arms-transfers/_stcore/health, gets a 404, waits its minimum retry delay
(100 ms) and then asks /_stcore/health: measured, 0.03-0.10× of a page's load time, paid on every
sub-path page and never by a page at /. The client takes the server's address from
window.__streamlit.BACKEND_BASE_URL where that is set, and then asks the right address first.
`ClientBaseURL` sets it, in an inline script at the top of the HTML page: the app's own root
(server.baseUrlPath), on the origin the browser used. Nothing else changes; if a Streamlit
release stops reading the setting, the client probes as before (slower, never broken).
tests/browser/test_server_base_url.py checks that no 404 is asked for.
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

# The client's own setting, read once when its code loads (before it connects). JSON-safe:
# the base path comes from our config, is quoted with json.dumps, and holds no data.
_SCRIPT = "<script>window.__streamlit=window.__streamlit||{{BACKEND_BASE_URL:new URL({path},window.location.origin).href}};</script>"
# Streamlit's own routes: never the HTML page, and left exactly as they are.
_NOT_THE_PAGE = ("/_stcore/", "/static/", "/media/", "/component/", "/app/static/")


def base_path() -> str:
    """The app's root path as the browser sees it: "/" or "/<server.baseUrlPath>/"."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/" if base else "/"


def client_script() -> bytes:
    import json

    return _SCRIPT.format(path=json.dumps(base_path())).encode()


class ClientBaseURL:
    """ASGI middleware: in the HTML page Streamlit serves for a page's URL, insert client_script()
    after <head>. Only a 200 answer to a GET request for a page (not Streamlit's API, assets or
    media) is touched (a 304 passes as it is: the browser's copy already has the script); for those
    the request asks for no compression, so the page's bytes can be read (the page is ~8 kB), and
    the Content-Length is set to the new length."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or any(p in scope.get("path", "") for p in _NOT_THE_PAGE):
            await self.app(scope, receive, send)
            return
        scope = {**scope, "headers": [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]}
        start: dict | None = None
        chunks: list[bytes] = []

        async def capture(message):
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict((k.lower(), v) for k, v in message.get("headers", []))
                if message.get("status") != 200 or not headers.get(b"content-type", b"").startswith(b"text/html") or b"content-encoding" in headers:
                    capture.passthrough = True
                    await send(message)
                    return
                start = message
                return
            if getattr(capture, "passthrough", False):
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks).replace(b"<head>", b"<head>" + client_script(), 1)
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})

        capture.passthrough = False
        await self.app(scope, receive, capture)


app = st.App("app.py", middleware=[Middleware(ClientBaseURL)])
