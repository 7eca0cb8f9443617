"""A short reader table is a Markdown table, drawn as an HTML table (its text read by a screen reader and found by the browser's
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


def test_a_short_table_is_a_markdown_table_with_its_headers_and_links():
    from dashboard.web import ui

    at = _show(ui.STATIC_ROWS)
    assert len(at.table) == 0 and len(at.dataframe) == 0  # no st.table: its Arrow code is ~1.1 MB of JavaScript
    source = at.markdown[0].value
    lines = source.splitlines()
    assert len(lines) == ui.STATIC_ROWS + 2
    assert lines[0] == "| Ship | Kind | Source page |" and lines[1] == "| --- | --- | --- |"
    assert lines[2] == "| Ship 0 | web page | [example\\.org](<https://example.org/0>) |"


def test_a_cell_is_one_line_and_a_pipe_does_not_split_it():
    import pandas as pd
    from markdown_it import MarkdownIt

    from dashboard.web import ui

    frame = pd.DataFrame({"ship": ["Eagle S | tanker\nflag: Cook Islands"], "source_url": ["https://example.org/a|b"]})
    lines = [ui._row(ui.plain(h) for h in ("Ship", "Source page")), ui._row(("---", "---"))]
    lines += [ui._row(ui._cell(v, link_to=c == "source_url") for c, v in zip(frame.columns, r)) for r in frame.itertuples(index=False)]
    html = MarkdownIt("commonmark").enable("table").render("\n".join(lines))
    assert html.count("<td>") == 2, html
    assert "Eagle S | tanker flag: Cook Islands" in html and 'href="https://example.org/a%7Cb"' in html, html


def test_a_long_table_is_the_grid_with_the_same_headers_and_link_columns():
    from dashboard.web import ui

    at = _show(ui.STATIC_ROWS + 1)
    assert len(at.table) == 0 and len(at.dataframe) == 1
    grid = at.dataframe[0]
    assert list(grid.value.columns) == ["Ship", "Kind", "Source page"]
    assert grid.value["Kind"].iloc[0] == "web page" and grid.value["Source page"].iloc[0] == "https://example.org/0"
    assert "link_column" in str(grid.proto.columns).lower() or "link" in str(grid.proto).lower()
