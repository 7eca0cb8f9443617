"""The ZIP bundle: the CSV, a Frictionless datapackage.json with a field per column, and a README
that states the filters, columns, sources (SIPRI with its data generation date) and the build."""

import csv
import datetime as dt
import io
import json
import re
import zipfile

import pytest

from dashboard.outputs import bundle, export

TODAY = dt.date(2026, 1, 2)


def _open(database, relation, **choices):
    f = export.choose(database, relation, **choices)
    file = bundle.download(database, f, "zip", TODAY)
    return f, file, zipfile.ZipFile(io.BytesIO(file.data))


def test_zip_holds_the_csv_datapackage_and_readme(database):
    f, file, z = _open(database, "exercise_list", period="since_2022", values={"kind": ["patrol"]})
    csv_name = bundle.download_name(database, f, "csv")
    built = database.build_info()["built_at"].date()
    assert file.file_name == f"ru-cn-exercise-list_since-2022_kind-patrol_{built}.zip"
    # the rows, the sources they cite (their foreign key's rows), the package and the README
    assert sorted(z.namelist()) == sorted([csv_name, "sources.csv", "datapackage.json", "README.txt"])
    data = z.read(csv_name)
    assert data == bundle.download(database, f, "csv", TODAY).data
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == file.rows > 0

    package = json.loads(z.read("datapackage.json"))
    assert package["profile"] == "tabular-data-package" and package["licenses"] and package["sources"]
    resource, sources = package["resources"]
    assert sources["path"] == "sources.csv" and sources["schema"]["primaryKey"] == ["source_id"]
    assert resource["schema"]["primaryKey"] == ["exercise_id"]
    assert {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}} in resource["schema"]["foreignKeys"]
    assert resource["path"] == csv_name and resource["profile"] == "tabular-data-resource"
    fields = resource["schema"]["fields"]
    assert [x["name"] for x in fields] == header
    assert all(x["type"] in ("string", "integer", "number", "boolean", "date", "datetime") for x in fields)
    types = {x["name"]: x["type"] for x in fields}
    assert types["year"] == "integer" and types["start_date"] == "date" and types["counted"] == "boolean"
    assert next(x for x in fields if x["name"] == "year")["unit"] == "year"
    assert all(x.get("description") for x in fields if x["name"] in ("kind", "quote", "source_id"))

    readme = z.read("README.txt").decode("utf-8")
    assert "Filters applied:" in readme and "since_2022" in readme and "kind: patrol" in readme
    assert f"Rows: {file.rows}" in readme and "App version:" in readme and "Database built:" in readme
    assert all(f"  - {name} (" in readme for name in header)


def test_sipri_is_cited_with_its_data_generation_date(database):
    _, _, z = _open(database, "arms_tiv_by_year")
    readme = z.read("README.txt").decode("utf-8")
    package = json.loads(z.read("datapackage.json"))
    sipri = [s for s in package["sources"] if "SIPRI" in s["title"]]
    # every release's own words: "data generated" (registers, 2024 on) or "generated" (SIPRI's old tables, 2016 and 2022)
    assert sipri and all(re.search(r"\bgenerated (\d{1,2} (and \d{1,2} )?)?[A-Z][a-z]+ (19|20)\d\d\b", s["title"]) for s in sipri), [s["title"] for s in sipri]
    assert "SIPRI Arms Transfers Database" in readme and "data generated" in readme.lower()
    assert "Data vintage, per source in the file:" in readme and "million TIV" in readme
    # each release's own vintage, not one SIPRI date for all (the view holds one row per release view)
    assert "Data generated 18 May 2026" in readme and "Data generated 12 Feb 2026" in readme and "Generated 28 July 2022" in readme


def test_zip_entries_are_dated_by_the_build_and_the_bytes_repeat(database):
    f, file, z = _open(database, "source_list")
    built = database.build_info()["built_at"]
    assert {i.date_time for i in z.infolist()} == {(*built.timetuple()[:5], built.second // 2 * 2)}
    assert bundle.download(database, f, "zip", TODAY).data == file.data


@pytest.mark.parametrize("relation", ["qualifiers", "sources", "arms_pair_by_year"])
def test_every_kind_of_relation_bundles(database, relation):
    _, file, z = _open(database, relation)
    package = json.loads(z.read("datapackage.json"))
    header = z.read(package["resources"][0]["path"]).decode("utf-8-sig").split("\r\n", 1)[0].split(",")
    assert [x["name"] for x in package["resources"][0]["schema"]["fields"]] == header
