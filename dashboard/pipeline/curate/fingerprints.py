"""Regenerate data/fingerprints/<source_id>.txt: a fingerprint of each source document, so that the
build can check every quote against its document without the document being in the project.

Usage::

    python -m dashboard.pipeline.curate fingerprints [SEEDS_DIR] [--out DATA_DIR]

SEEDS_DIR is ``../shared/seeds`` (the default). For every row of ``data/sources.csv`` with a
``seed_file``, the command reads ``SEEDS_DIR/<seed_file>`` and writes
``DATA_DIR/fingerprints/<source_id>.txt`` (DATA_DIR defaults to the project's ``data/``).

Design:

* A document's *words* are its runs of letters and digits (:func:`words`, Python's ``\\w+``), case
  kept. Everything else (whitespace, line breaks, punctuation, straight or curly quotes, dashes,
  ellipses, footnote dots) only separates words, so a quote that is verbatim "whitespace aside"
  (``tests/pipeline/test_quotes.py``) has the same words as its passage of the document.
* A *shingle* is a run of :data:`SHINGLE_WORDS` (4) consecutive words, joined by one space. Its
  hash is the first :data:`HASH_HEX` (12) hex digits of the SHA-256 of its UTF-8 bytes.
* The fingerprint file is two ``#`` comment lines (source, seed file and its SHA-256, the rule),
  then every distinct shingle hash of the document, sorted, one a line; UTF-8, LF. The text cannot
  be read back from it, and the document itself is never copied into the project.
* The build (:mod:`dashboard.pipeline.checks`) requires every shingle of a quote to be in its source's
  fingerprint. A quote needs at least four words: shorter ones are refused rather than checked
  against a list of single words (which would pass almost anything).

Running the command again on the same documents reproduces the files byte for byte
(``tests/pipeline/test_fingerprints.py``). Nothing here reads ../shared at build or app time.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

from dashboard.core.paths import DATA_DIR, ROOT

SEEDS_DIR = ROOT.parent / "shared" / "seeds"
FOLDER = "fingerprints"

SHINGLE_WORDS = 4
HASH_HEX = 12
RULE = f"first {HASH_HEX} hex digits of the SHA-256 of each run of {SHINGLE_WORDS} words (\\w+ runs, case kept, joined by one space)"

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text: runs of letters and digits, case kept; all else separates them."""
    return _WORD.findall(text)


def shingle_hashes(text: str) -> list[str]:
    """The hash of every run of SHINGLE_WORDS consecutive words of ``text``, in order (empty when
    the text has fewer words)."""
    w = words(text)
    return [hashlib.sha256(" ".join(w[i:i + SHINGLE_WORDS]).encode("utf-8")).hexdigest()[:HASH_HEX] for i in range(len(w) - SHINGLE_WORDS + 1)]


def fingerprint_text(source_id: str, seed_file: str, document: bytes) -> str:
    """The fingerprint file of one document, exactly as committed."""
    hashes = sorted(set(shingle_hashes(document.decode("utf-8"))))
    head = [
        f"# source_id={source_id} seed_file={seed_file} seed_sha256={hashlib.sha256(document).hexdigest()} shingles={len(hashes)}",
        f"# {RULE}; regenerate with: python -m dashboard.pipeline.curate fingerprints ../shared/seeds",
    ]
    return "\n".join(head + hashes) + "\n"


def fingerprint_path(data_dir: Path, source_id: str) -> Path:
    return data_dir / FOLDER / f"{source_id}.txt"


def read_fingerprint(path: Path) -> tuple[dict[str, str], set[str]]:
    """A fingerprint file's header fields (source_id, seed_file, ...) and its set of hashes."""
    fields: dict[str, str] = {}
    hashes: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if not fields:
                fields = dict(part.split("=", 1) for part in line[1:].split() if "=" in part)
        elif line:
            hashes.add(line)
    return fields, hashes


def seed_files(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """source_id → seed_file for every source of data/sources.csv that has a seed file."""
    with open(data_dir / "sources.csv", encoding="utf-8", newline="") as f:
        return {row["source_id"]: row["seed_file"] for row in csv.DictReader(f) if row["seed_file"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.pipeline.curate fingerprints", description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path, nargs="?", default=SEEDS_DIR, help="folder of the source documents (default: ../shared/seeds)")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="data folder to write fingerprints/ into (default: data/)")
    parser.add_argument("--sources", type=Path, default=DATA_DIR, help="data folder whose sources.csv names the seed files (default: data/)")
    args = parser.parse_args(argv)
    sources = seed_files(args.sources)
    missing = [name for name in sources.values() if not (args.seeds / name).is_file()]
    if missing:
        print(f"not found in {args.seeds}: {', '.join(missing)}", file=sys.stderr)
        return 2
    folder = args.out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for source_id, seed_file in sorted(sources.items()):
        text = fingerprint_text(source_id, seed_file, (args.seeds / seed_file).read_bytes())
        path = fingerprint_path(args.out, source_id)
        path.write_bytes(text.encode("utf-8"))
        print(f"wrote {path} ({text.count(chr(10)) - 2} shingles of {seed_file})")
    stale = sorted(p.name for p in folder.glob("*.txt") if p.stem not in sources)
    if stale:
        print(f"note: {folder} also holds {', '.join(stale)}, for no source with a seed_file; remove them", file=sys.stderr)
    return 0
