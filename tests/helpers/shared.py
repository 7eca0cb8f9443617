"""../shared beside the project: where the source documents and raw files are."""

from __future__ import annotations

import os

import pytest

from dashboard.core.paths import ROOT

SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def need_shared() -> None:
    """Tests that read ../shared skip without it on a developer's machine, and fail in CI."""
    if not SHARED.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing; CI runs with ../shared beside the project")
        pytest.skip("../shared is not beside the project")
