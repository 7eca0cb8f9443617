"""The Briefing page: panels chosen in the link, the period from the sidebar, three downloads (deck,
pack, PDF) made on click, and the command that gives the same files."""

from tests.helpers.apptest import open_page


def test_the_briefing_page_offers_the_files_of_the_chosen_panels(built_db):
    at = open_page("web/pages/briefing.py", params={"period": "since_2022", "panels": ["ru-cn-dual-use-shares", "ru-cn-key-events"]})
    assert at.title[0].value == "Briefing"
    assert at.multiselect[0].value == ["ru-cn-dual-use-shares", "ru-cn-key-events"]
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["Slide deck (PPTX)", "Offline pack (HTML)", "PDF"]
    code = at.code[0].value
    assert code == "python -m dashboard brief --panels ru-cn-dual-use-shares,ru-cn-key-events --period since_2022 --out briefing-since-2022.pptx"


def test_no_panel_chosen_means_the_default_briefing(built_db):
    at = open_page("web/pages/briefing.py")
    assert any("the default briefing: How cooperation changed across the three periods" in c.value for c in at.caption)
    assert at.code[0].value == "python -m dashboard brief --out briefing-all.pptx"
