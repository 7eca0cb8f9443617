"""Issue #14: exports that describe themselves truthfully. No filter silently does nothing, each
deal once with the TIV of the chosen years, every mart column its own description and unit, one
unit per column, keys and licence parts in datapackage.json, no local paths, names that say what
the file holds, and `export --help` listing the relations."""

import io
import json
import re
import subprocess
import sys
import zipfile

import pytest

from dashboard.core.paths import ROOT
from dashboard.outputs import bundle, export
from dashboard.pipeline import catalog

RU_CN_SINCE_2014 = dict(years=(2014, 2024), values={"supplier": ["Russia"], "recipient": ["China"], "release": ["2025"]}, per_deal=True)


def _cli(built_db, *args):
    return subprocess.run([sys.executable, "-m", "dashboard", "export", *args, "--db", str(built_db)], cwd=ROOT, capture_output=True)


def _zip(database, relation, **choices):
    file = bundle.download(database, export.choose(database, relation, **choices), "zip")
    return zipfile.ZipFile(io.BytesIO(file.data))


# ----------------------------------------------------------------------------- 1. no filter that does nothing


@pytest.mark.parametrize("relation", ["sipri_register", "agreements_and_meetings", "source_list", "partnership_limit_list"])
def test_a_period_on_a_relation_without_date_or_year_is_refused(built_db, relation):
    run = _cli(built_db, relation, "--period", "2014_2022")
    err = run.stderr.decode()
    assert run.returncode == 2 and "cannot be filtered by period" in err and "Traceback" not in err
    assert run.stdout == b""


def test_a_period_applies_through_the_year_column(database):
    f = export.choose(database, "sources", "since_2022")
    rows = export.fetch(database, f)
    every = export.fetch(database, export.choose(database, "sources"))
    assert 0 < len(rows) < len(every) and rows["year"].min() >= 2022
    readme = _zip(database, "sources", period="since_2022").read("README.txt").decode()
    assert "applied to column year by the yearly convention: 2022 to" in readme
    both = export.fetch(database, export.choose(database, "sources", "2014_2022", years=(2020, 2030)))
    assert set(both["year"]) <= set(range(2020, 2022))  # the period's years within the chosen ones


def test_the_data_page_offers_no_filter_that_changes_nothing(built_db, database):
    """sipri_weapon_categories' category and stg_sipri_releases' release... any relation with a
    filter column holding one value: the page does not offer it."""
    from tests.helpers.apptest import open_page

    relation = next(r for r in database.relations() if any(len(catalog.distinct_values(database, r, c)) < 2 for c in catalog.filter_columns(database, r)))
    one_valued = {c for c in catalog.filter_columns(database, relation) if len(catalog.distinct_values(database, relation, c)) < 2}
    at = open_page("web/pages/data_explorer.py", params={"relation": relation})
    assert not at.exception
    offered = {box.key for box in at.multiselect} | {box.key for box in at.selectbox}
    assert offered and not (offered & one_valued), (relation, one_valued)


def test_the_data_page_says_when_the_period_cannot_apply(built_db):
    from tests.helpers.apptest import open_page

    at = open_page("web/pages/data_explorer.py", params={"relation": "sipri_register", "period": "since_2022"})
    assert any("does not apply here" in c.value for c in at.caption)
    assert "--period" not in at.code[0].value


# ----------------------------------------------------------------------------- 2. each deal once


def test_every_russia_china_deal_delivered_since_2014_once_with_its_tiv(database, db):
    rows = export.fetch(database, export.choose(database, "arms_deal_deliveries", **RU_CN_SINCE_2014))
    assert rows["sipri_deal_id"].is_unique and len(rows) > 0
    expected = db.execute(
        "select y.sipri_deal_id, sum(y.tiv_delivered_mtiv) from sipri_deliveries_per_year y join sipri_release_deals d using (release, sipri_deal_id) "
        "where y.release = 2025 and d.supplier = 'Russia' and d.recipient = 'China' and y.delivery_year between 2014 and 2024 group by 1"
    ).fetchall()
    assert {int(k): round(v, 6) for k, v in expected} == {int(k): round(v, 6) for k, v in zip(rows["sipri_deal_id"], rows["tiv_delivered_mtiv"])}
    sipri_yearly = db.execute("select sum(tiv_mtiv) from sipri_dyad_year where release = 2025 and supplier = 'Russia' and recipient = 'China' and year between 2014 and 2024 and method = 'sipri_per_year'").fetchone()[0]
    assert rows["tiv_delivered_mtiv"].sum() == pytest.approx(sipri_yearly)
    assert all(2014 <= int(y) <= 2024 for cell in rows["years_delivered"] for y in cell.split(", "))


def test_per_deal_is_named_and_described(database):
    f = export.choose(database, "arms_deal_deliveries", **RU_CN_SINCE_2014)
    name = bundle.download_name(database, f, "csv")
    assert "sipri-release-2025" in name and "2014-2024" in name and "supplier-russia" in name and name.count("per-deal") == 1
    package = json.loads(_zip(database, "arms_deal_deliveries", **RU_CN_SINCE_2014).read("datapackage.json"))
    schema = package["resources"][0]["schema"]
    assert schema["primaryKey"] == ["release", "sipri_deal_id"]
    fields = {x["name"]: x for x in schema["fields"]}
    assert "chosen years" in fields["tiv_delivered_mtiv"]["description"] or "kept years" in fields["tiv_delivered_mtiv"]["description"]
    assert "TIV" in fields["tiv_delivered_mtiv"]["unit"] and fields["number_delivered"]["type"] == "integer"


# ----------------------------------------------------------------------------- 3. and 4. descriptions, units


ORDINALS = ("sort_order", "raw_line")  # positions, not quantities


def test_every_view_column_has_its_own_description_and_numbers_a_unit(database):
    """Marts and staging views alike: each column described by the view itself (its sidecar
    queries/<layer>/<view>.yaml), never borrowed from a same-named table column."""
    for view in database.views():
        own = database.column_docs(view)
        types = catalog.column_types(database, view)
        assert set(types) <= set(own), (view, sorted(set(types) - set(own)))
        for column, kind in types.items():
            assert (own[column]["description"] or "").strip(), (view, column)
            if kind.split("(")[0] in ("INTEGER", "BIGINT", "DOUBLE", "DECIMAL", "HUGEINT", "SMALLINT") and not column.endswith("_id") and column not in ORDINALS:
                assert own[column]["unit"], f"{view}.{column} is a number without a unit"


def test_arms_tiv_by_year_describes_its_rows_not_a_2024_table(database):
    docs = database.column_docs("arms_tiv_by_year")
    assert "(2024)" not in docs["year"]["description"] and docs["release_view"]["description"] and docs["deals"]["unit"]
    assert "sipri_tiv_2025_04" not in docs["source_id"]["description"]


def test_one_unit_per_column_in_commodity_flows(database):
    rows = export.fetch(database, export.choose(database, "commodity_flow_list"))
    assert (rows["quantity"].notna() == (rows["unit"] == "tons")).all()
    assert (rows["value_million_usd"].notna() == (rows["unit"] == "million_usd")).all()
    docs = database.column_docs("commodity_flow_list")
    assert docs["quantity"]["unit"] == "tonnes" and docs["value_million_usd"]["unit"] == "million US dollars"


# ----------------------------------------------------------------------------- 5. datapackage.json


def test_table_keys_reach_the_package(database):
    package = json.loads(_zip(database, "sipri_register", values={"recipient": ["China"]}).read("datapackage.json"))
    main = package["resources"][0]["schema"]
    assert main["primaryKey"] == ["deal_id"]
    assert {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}} in main["foreignKeys"]
    assert {r["name"] for r in package["resources"]} == {"sipri_register", "sources", "sipri_weapon_categories"}
    categories = next(r for r in package["resources"] if r["name"] == "sipri_weapon_categories")
    assert categories["schema"]["primaryKey"] == ["description"]


def test_licences_per_part(database):
    sipri = json.loads(_zip(database, "sipri_register", values={"recipient": ["China"]}).read("datapackage.json"))["licenses"]
    assert [x["name"] for x in sipri] == ["other-at"] and "SIPRI" in sipri[0]["title"]
    quotes = json.loads(_zip(database, "incident_list").read("datapackage.json"))["licenses"]
    names = [x["name"] for x in quotes]
    assert "other-closed" in names and "CC-BY-4.0" in names
    assert "fair use" in next(x["title"] for x in quotes if x["name"] == "other-closed")
    assert "fair use" not in next(x["title"] for x in quotes if x["name"] == "CC-BY-4.0")


def test_an_empty_result_still_names_its_sources(database):
    z = _zip(database, "exercise_list", text="zz-no-such-text")
    package = json.loads(z.read("datapackage.json"))
    assert package["sources"] and "(none named by these rows)" in z.read("README.txt").decode()


@pytest.mark.parametrize("relation", ["exercise_list", "sipri_raw_files", "sipri_release_files", "sources", "exercises", "sipri_register"])
def test_no_local_path_in_any_note(database, relation):
    z = _zip(database, relation)
    for name in ("datapackage.json", "README.txt"):
        assert "../shared" not in z.read(name).decode() and "/work/" not in z.read(name).decode(), (relation, name)


def test_readme_vintage_is_per_source_in_the_file(database):
    readme = _zip(database, "exercise_list", period="since_2022").read("README.txt").decode()
    assert "SIPRI data vintage" not in readme and "Data vintage, per source in the file:" in readme
    vintage = readme.split("Data vintage, per source in the file:")[1].split("\n\n")[0]
    assert "sipri" not in vintage.lower()


# ----------------------------------------------------------------------------- 6. names and help


def test_file_names_carry_release_and_filters_without_spaces_or_arrows(database):
    names = [
        export.file_name("Russia → India vs ru-cn", "all"),
        export.file_name("ru-cn-arms-largest-deals", "since_2022"),
        bundle.download_name(database, export.choose(database, "sipri_pair_year", values={"release": ["2024"]}), "csv"),
        bundle.download_name(database, export.choose(database, "sipri_register", values={"recipient": ["China"]}), "xlsx"),
    ]
    for name in names:
        assert re.fullmatch(r"[a-z0-9._-]+", name) and "ru-cn-ru-cn" not in name, name
    assert names[0].startswith("ru-cn-russia-to-india-vs-ru-cn_")
    assert "sipri-release-2024" in names[2] and "sipri-2025-03-13" in names[3] and "recipient-china" in names[3]


def test_export_help_lists_the_relations_with_their_titles(built_db, database):
    run = _cli(built_db, "--help")
    out = run.stdout.decode()
    assert run.returncode == 0
    for relation in database.relations():
        assert f"  {relation} (" in out
    assert "SIPRI deliveries by deal and delivery year" in out and "--db" in out and "xlsx" in out and "parquet" in out


def test_view_sidecars_name_only_columns_their_views_have(database):
    """A view changed since its sidecar was written: the build goes on, this test names the entry."""
    from dashboard.core.paths import QUERIES_DIR
    from dashboard.pipeline.metadata import stale_view_sidecar_entries

    stale = {p.stem: stale_view_sidecar_entries(p, database.columns.get(p.stem, [])) for p in QUERIES_DIR.glob("*/*.sql")}
    assert not {k: v for k, v in stale.items() if v}


def test_a_primary_key_that_does_not_hold_stops_the_build(project_copy):
    from dashboard.core.errors import BuildError
    from dashboard.pipeline.build import build

    sidecar = project_copy / "queries" / "marts" / "exercise_list.yaml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("primary_key: [exercise_id]", "primary_key: [kind]"), encoding="utf-8")
    with pytest.raises(BuildError, match="primary_key") as err:
        build(project_copy / "db.duckdb", project_copy / "data", project_copy / "queries")
    assert "exercise_list.yaml" in str(err.value)
