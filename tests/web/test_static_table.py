"""A short reader table is HTML (its text read by a screen reader and found by the browser's
search); a long one is the data grid, which draws only the rows in view: 600 incidents as an HTML
table (the ×100 bench) made the Incidents page 4.3 s and a period change over 20 s."""

from streamlit.testing.v1 import AppTest


def _show(rows: int) -> AppTest:
    def script(rows):
        import pandas as pd

        from dashboard.web import ui

        frame = pd.DataFrame({"ship": [f"Ship {i}" for i in range(rows)], "kind": ["web_page"] * rows,
                              "source_url": [f"https://example.org/{i}" for i in range(rows)]})
        ui.static_table(frame, {"ship": "Ship", "kind": "Kind", "source_url": "Source page"}, links=("source_url",))

    at = AppTest.from_function(script, args=(rows,), default_timeout=30)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_short_table_is_html_with_its_headers_and_links():
    from dashboard.web import ui

    at = _show(ui.STATIC_ROWS)
    assert len(at.table) == 1 and len(at.dataframe) == 0
    shown = at.table[0].value
    assert list(shown.columns) == ["Ship", "Kind", "Source page"]
    assert shown["Kind"].iloc[0] == "web page" and "https://example.org/0" in shown["Source page"].iloc[0]


def test_a_long_table_is_the_grid_with_the_same_headers_and_link_columns():
    from dashboard.web import ui

    at = _show(ui.STATIC_ROWS + 1)
    assert len(at.table) == 0 and len(at.dataframe) == 1
    grid = at.dataframe[0]
    assert list(grid.value.columns) == ["Ship", "Kind", "Source page"]
    assert grid.value["Kind"].iloc[0] == "web page" and grid.value["Source page"].iloc[0] == "https://example.org/0"
    assert "link_column" in str(grid.proto.columns).lower() or "link" in str(grid.proto).lower()
