"""``python -m dashboard.pipeline.curate sipri|exercises|fingerprints ...``: regenerate the
project's files from ../shared/ (see each command's --help)."""

from __future__ import annotations

import sys

from dashboard.pipeline.curate import exercises, fingerprints, sipri

COMMANDS = {
    "sipri": (sipri.main, "data/sipri_*.csv from the raw SIPRI files"),
    "exercises": (exercises.main, "data/exercises.csv from the compiled list of joint exercises"),
    "fingerprints": (fingerprints.main, "data/fingerprints/*.txt from the source documents"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        lines = [f"  {name:<13} {what}" for name, (_, what) in COMMANDS.items()]
        print("usage: python -m dashboard.pipeline.curate {sipri,exercises,fingerprints} ...\n" + "\n".join(lines), file=sys.stderr)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    command, _ = COMMANDS[argv[0]]
    return command(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
