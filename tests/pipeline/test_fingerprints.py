"""The fingerprints under data/fingerprints/ are what dashboard.pipeline.curate.fingerprints writes from the
documents in ../shared/seeds, byte for byte; and the quote check they serve passes for every quote."""

from __future__ import annotations

import subprocess
import sys

from dashboard.core.paths import DATA_DIR, ROOT
from dashboard.pipeline import checks
from dashboard.pipeline.curate import fingerprints as cf
from tests.helpers.shared import SEEDS, need_shared

COMMITTED = DATA_DIR / cf.FOLDER


def test_committed_fingerprints_are_reproduced(tmp_path):
    need_shared()
    assert cf.main([str(SEEDS), "--out", str(tmp_path)]) == 0
    produced = {p.name: p.read_bytes() for p in (tmp_path / cf.FOLDER).glob("*.txt")}
    committed = {p.name: p.read_bytes() for p in COMMITTED.glob("*.txt")}
    assert sorted(produced) == sorted(committed), "data/fingerprints/ does not hold one file per document source"
    for name in produced:
        assert produced[name] == committed[name], f"data/fingerprints/{name} differs from a fresh run; re-run python -m dashboard.pipeline.curate fingerprints"


def test_cli_runs_as_module(tmp_path):
    need_shared()
    run = subprocess.run([sys.executable, "-m", "dashboard.pipeline.curate", "fingerprints", str(SEEDS), "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / cf.FOLDER / "cepa_2025.txt").is_file()


def test_every_document_source_has_a_fingerprint():
    sources = cf.seed_files(DATA_DIR)
    assert sources, "no source in data/sources.csv has a seed_file"
    assert sorted(p.stem for p in COMMITTED.glob("*.txt")) == sorted(sources)
    for source_id, seed_file in sources.items():
        fields, hashes = cf.read_fingerprint(cf.fingerprint_path(DATA_DIR, source_id))
        assert fields["source_id"] == source_id and fields["seed_file"] == seed_file
        assert int(fields["shingles"]) == len(hashes) > 1000
        assert all(len(h) == cf.HASH_HEX and int(h, 16) >= 0 for h in hashes)


def test_words_ignore_punctuation_quotes_and_whitespace_but_keep_case():
    assert cf.words("Russia’s  “fog of\nwar”… 2016–2017.12") == ["Russia", "s", "fog", "of", "war", "2016", "2017", "12"]
    assert cf.shingle_hashes("a b c") == []
    assert len(cf.shingle_hashes("a b c d e")) == 2
    assert cf.shingle_hashes("Fog of war, here.") == cf.shingle_hashes("Fog  of “war” here")
    assert cf.shingle_hashes("Fog of war here") != cf.shingle_hashes("fog of war here")


def test_a_quote_passes_and_a_changed_one_fails_against_the_real_fingerprint():
    _, known = cf.read_fingerprint(cf.fingerprint_path(DATA_DIR, "cepa_2025"))
    real = "Additionally, Russia supplied China with 10 Su-35 fighters"
    assert all(h in known for h in cf.shingle_hashes(real))
    assert not all(h in known for h in cf.shingle_hashes(real.replace("10", "24")))
    assert checks._gist(real.replace("10", "24"), known) == "no passage reads 'supplied China with 24'"
