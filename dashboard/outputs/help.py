"""The relations `python -m dashboard export --help` lists, each with its title and its filters."""

from __future__ import annotations

from pathlib import Path

from dashboard.core.db import Database
from dashboard.core.errors import BuildError
from dashboard.outputs.filters import ROLLUPS, period_applies
from dashboard.pipeline import catalog


def relation_list(path: Path) -> str:
    """Every table and view the build created, with its title and how it can be filtered."""
    from dashboard.pipeline.build import ensure_built

    try:
        ensure_built(path.resolve())
        database = Database(path.resolve())
    except (BuildError, Exception) as err:  # help must print whatever the database's state
        return f"(the relations could not be listed: {str(err).splitlines()[0]})"
    try:
        lines = ["relations (VIEW), with their titles and filters:"]
        for name in database.relations():
            info = catalog.relation_info(database, name)
            how = {"period": "period", "year": "period via year", None: "no period"}[period_applies(database, name)]
            extras = [how] + (["years"] if "year" in database.columns[name] else []) + (["--per-deal"] if name in ROLLUPS else [])
            columns = catalog.filter_columns(database, name)
            if columns:
                extras.append("--filter " + "/".join(columns))
            title = info["title"] or (info["description"] or "").split(". ")[0][:100] or "(no title)"
            lines.append(f"  {name} ({info['kind']}): {title} [{'; '.join(extras)}]")
        return "\n".join(lines)
    finally:
        database.close()
