"""dashboard/ is layered, and its folders say so: core imports no other layer, the pipeline only
core, the outputs core and the pipeline, the web app any of them, and nothing imports the web app
but the entry point; no module imports one that imports it back (lazy imports inside functions
count too)."""

from __future__ import annotations

import ast
from pathlib import Path

from dashboard.core.paths import ROOT

PACKAGE = ROOT / "dashboard"
#: What each layer may import besides itself.
ALLOWED = {
    "core": set(),
    "pipeline": {"core"},
    "outputs": {"core", "pipeline"},
    "web": {"core", "pipeline", "outputs"},
    "entry": {"core", "pipeline", "outputs", "web"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ALLOWED) else "entry"


def imports(path: Path) -> set[str]:
    """Every dashboard module `path` imports, at the top or inside a function."""
    found = set()
    known = {module_name(p) for p in PACKAGE.rglob("*.py")}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("dashboard")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dashboard"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return {m for m in found if m in known and m != "dashboard"}


GRAPH = {module_name(p): imports(p) for p in PACKAGE.rglob("*.py")}


def test_the_layers_are_folders():
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} == {"core", "pipeline", "outputs", "web", "static"}
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "app.py", "server.py"], "only the entry points stay at the top of dashboard/"


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for module, targets in GRAPH.items():
        for target in targets:
            if layer(target) != layer(module) and layer(target) not in ALLOWED[layer(module)]:
                wrong.append(f"{module} imports {target}")
    assert not wrong, wrong


def find_loops(graph: dict[str, set[str]]) -> list[str]:
    loops = set()

    def visit(module: str, stack: list[str]) -> None:
        for target in sorted(graph.get(module, ())):
            if target in stack:
                loops.add(" -> ".join(stack[stack.index(target):] + [target]))
            elif len(stack) < 30:
                visit(target, stack + [target])

    for module in graph:
        visit(module, [module])
    return sorted(loops)


def test_no_import_loops():
    assert not find_loops(GRAPH)


def test_the_checks_can_fail(tmp_path):
    """A loop, and a lazy import inside a function, are both seen."""
    assert find_loops({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    lazy = tmp_path / "lazy.py"
    lazy.write_text("def f():\n    from dashboard.pipeline.build import build\n")
    assert imports(lazy) == {"dashboard.pipeline.build"}
    assert layer("dashboard.web.ui") == "web" and "web" not in ALLOWED["pipeline"]
