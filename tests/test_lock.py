"""What was tested is what installs: the environment running these tests holds exactly the
versions of requirements-test.lock, every pin has hashes, and every dependency pyproject.toml
names is pinned there (so `make test` on a fresh machine installs what passed here)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from dashboard.core.paths import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: str) -> dict[str, str]:
    return {canonical(n): v for n, v in PIN.findall((ROOT / lock).read_text(encoding="utf-8"))}


def declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = project["dependencies"] + (project["optional-dependencies"][extra] if extra else [])
    return {canonical(re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0]) for r in reqs}


def test_every_declared_dependency_is_pinned():
    assert declared() <= set(pins("requirements.lock")), declared() - set(pins("requirements.lock"))
    assert declared("test") <= set(pins("requirements-test.lock"))


def test_every_pin_has_a_hash():
    for lock in ("requirements.lock", "requirements-test.lock"):
        blocks = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / lock).read_text(encoding="utf-8"))
        unhashed = [b.split()[0] for b in blocks if PIN.match(b) and "--hash=sha256:" not in b]
        assert not unhashed, f"{lock}: pins without a hash: {unhashed}"


def test_the_app_lock_agrees_with_the_test_lock():
    app, test = pins("requirements.lock"), pins("requirements-test.lock")
    assert {n: v for n, v in app.items() if test.get(n) != v} == {}


def test_the_running_environment_is_the_lock():
    wanted = pins("requirements-test.lock")
    installed = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    wrong = {n: (v, installed.get(n)) for n, v in wanted.items() if installed.get(n) != v}
    assert not wrong, f"installed versions differ from requirements-test.lock (name: (locked, installed)): {wrong}; run make test from a clean .venv, or make upgrade"


def test_the_checks_can_fail(tmp_path):
    assert PIN.findall("plotly==7.1.0 \\\n    --hash=sha256:ab\n") == [("plotly", "7.1.0")]
    assert canonical("Typing_Extensions") == "typing-extensions"
