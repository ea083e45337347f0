"""The package's layering: data flows one way, api → tables → rank → search → leads/outreach → cli.

A module may import from its own layer or a lower one, never from a higher one; the shared
owners (errors, schema, vocabularies, cellformat, dates, _files) sit below everything. A lazy
import inside a function that runs upward must be listed in ``ALLOWED_UPWARD`` with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import reporter_finder

PACKAGE = Path(reporter_finder.__file__).parent

LAYERS = {
    "errors": 0,
    "schema": 0,
    "vocabularies": 0,
    "cellformat": 0,
    "dates": 0,
    "_files": 0,
    "api": 1,
    "tables": 2,
    "rank": 3,
    "search": 4,
    "retrieval": 4,
    "investigator": 4,
    "leads": 5,
    "outreach": 5,
    "cli": 6,
    "__main__": 6,
}

# (importing module, imported module): why the upward import is acceptable.
ALLOWED_UPWARD = {
    # MentorSearch.to_csv/to_excel are conveniences over the lead-list writer; the import is
    # inside the methods so that importing search never loads leads.
    ("reporter_finder.search", "reporter_finder.leads.export"): "MentorSearch.to_csv/to_excel",
    ("reporter_finder.search", "reporter_finder.leads.listing"): "MentorSearch.to_csv/to_excel",
}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "reporter_finder" or len(parts) < 2:
        return None
    return LAYERS.get(parts[1])


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_every_subpackage_and_module_has_a_layer() -> None:
    for path in PACKAGE.iterdir():
        name = path.stem
        if name.startswith("__pycache__") or name in {"__init__", "py"}:
            continue
        if path.suffix == ".py" or (path.is_dir() and (path / "__init__.py").exists()):
            assert name in LAYERS, f"reporter_finder.{name} has no layer in LAYERS"


def test_no_import_runs_back_up() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = _module_name(path)
        own = _layer(importer)
        if own is None:  # the package's own __init__: the lazy public surface
            continue
        for imported in _imports(path):
            theirs = _layer(imported)
            if theirs is not None and theirs > own and (importer, imported) not in ALLOWED_UPWARD:
                upward.append(f"{importer} imports {imported}")
    assert not upward, "imports that run against the data flow:\n" + "\n".join(upward)
