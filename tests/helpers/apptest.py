"""Helper for the AppTest tests: open one page of the real app, as a reader's browser would."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard.core.paths import ROOT

APP = str(ROOT / "dashboard" / "app.py")


def open_page(page: str, *, params: dict[str, str] | None = None, timeout: float = 60) -> AppTest:
    """Run the app with `params` in the URL, switch to `page` (e.g. "web/pages/overview.py") and
    run it; fail on any exception the page shows."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params.update(params or {})
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
