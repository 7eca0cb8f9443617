"""Every data file has a metadata sidecar that describes exactly its columns and names real sources."""

import csv

import pytest

from dashboard.core.paths import DATA_DIR
from dashboard.pipeline.metadata import REQUIRED_KEYS, load_sidecar

DATA_FILES = sorted(DATA_DIR.glob("*.csv"))


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.stem for p in DATA_FILES])
def test_sidecar_describes_the_file(path, db):
    sidecar = load_sidecar(path)
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert set(sidecar.columns) == set(header), f"{path.name}: sidecar columns differ from the header"
    for key in ("title", "description", "producer", "licence", "processing"):
        assert getattr(sidecar, key).strip(), f"{path.name}: {key} is empty"
    known = {r[0] for r in db.execute("select source_id from sources").fetchall()}
    assert set(sidecar.sources) <= known, f"{path.name}: unknown sources {set(sidecar.sources) - known}"
    if path.stem.startswith("sipri_") and path.stem != "sipri_weapon_categories":
        assert sidecar.citation and "SIPRI" in sidecar.citation and sidecar.data_vintage, f"{path.name}: SIPRI data must be cited with its generation date"


def test_required_keys_are_the_documented_ones():
    assert set(REQUIRED_KEYS) == {"title", "description", "unit", "producer", "citation", "url", "date_published", "data_vintage", "licence", "processing", "sources", "columns"}
