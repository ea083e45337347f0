"""docs/troubleshooting.md explains every error the command line can print.

Three lists come from the code, so a new error without a line in the page fails here:

* every :class:`~reporter_finder.errors.ReporterError` subclass defined anywhere in the package
  has a row in "Errors from the library", whose exit column holds the code
  :func:`~reporter_finder.cli.error_message` gives it;
* the fixed words of every message the command line raises itself (``CliError``,
  ``click.UsageError``, ``click.BadParameter`` in ``reporter_finder/cli/``) appear in "Errors
  from the command line itself";
* so does every exception type the top-level group turns into a message
  (``ReporterGroup.invoke``'s ``except`` clauses).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import textwrap
from pathlib import Path

import pytest

import reporter_finder
from reporter_finder.cli import error_message
from reporter_finder.cli.errors import ReporterGroup
from reporter_finder.errors import ReporterError

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "troubleshooting.md"
CLI_SOURCES = sorted((ROOT / "reporter_finder" / "cli").glob("*.py"))
#: The calls that print a message of the command line's own.
MESSAGE_CALLS = {"CliError", "UsageError", "BadParameter"}
#: Exception types the group re-raises untouched (click prints its own usage errors).
PASSED_THROUGH = {"ClickException", "Exit", "Abort", "ReporterError"}


def _section(title: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    assert f"\n### {title}\n" in text, f"docs/troubleshooting.md has no '### {title}'"
    part = text.split(f"\n### {title}\n", 1)[1]
    return re.split(r"\n##+ ", part, maxsplit=1)[0]


def _error_classes() -> list[type[ReporterError]]:
    """ReporterError and every subclass the package defines (all its modules imported)."""
    for module in pkgutil.walk_packages(reporter_finder.__path__, "reporter_finder."):
        importlib.import_module(module.name)
    found: dict[str, type[ReporterError]] = {}
    pending: list[type[ReporterError]] = [ReporterError]
    while pending:
        cls = pending.pop()
        if cls.__module__.startswith("reporter_finder"):
            found[cls.__name__] = cls
        pending.extend(cls.__subclasses__())
    return [found[name] for name in sorted(found)]


def _library_rows() -> dict[str, str]:
    """``{class name: exit cell}`` of the library table."""
    rows = re.findall(r"^\|\s*`(\w+)`\s*\|([^|]*)\|", _section("Errors from the library"), re.M)
    return {name: cell.strip() for name, cell in rows}


def test_the_walk_finds_the_error_family() -> None:
    names = {cls.__name__ for cls in _error_classes()}
    assert {"ReporterError", "OfflineCacheMissError", "AmbiguousDateError"} <= names


@pytest.mark.parametrize("cls", _error_classes(), ids=lambda c: c.__name__)
def test_every_library_error_is_explained_with_its_exit_code(cls: type[ReporterError]) -> None:
    rows = _library_rows()
    assert cls.__name__ in rows, (
        f"{cls.__module__}.{cls.__name__}: add a row to 'Errors from the library' in "
        "docs/troubleshooting.md (what the line says, its cause, what to do)"
    )
    message, code = error_message(cls("something went wrong"))
    assert message
    assert str(code) in rows[cls.__name__], (cls.__name__, code, rows[cls.__name__])


def test_the_library_table_names_no_class_that_does_not_exist() -> None:
    assert set(_library_rows()) <= {cls.__name__ for cls in _error_classes()}


def _fixed_words(node: ast.expr) -> list[str]:
    """The literal parts of a message expression (f-strings, concatenations)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant)]
    if isinstance(node, ast.BinOp):
        return _fixed_words(node.left) + _fixed_words(node.right)
    if isinstance(node, ast.Call):  # _one_line(f"…") + " — …"
        return [part for arg in node.args for part in _fixed_words(arg)]
    return []


def _cli_messages() -> list[tuple[str, str]]:
    """``(where, the longest literal part)`` of every message the command line raises."""
    found = []
    for path in CLI_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            parts = [p.strip() for p in _fixed_words(node.args[0])]
            if name in MESSAGE_CALLS and any(len(p) >= 8 for p in parts):
                found.append((f"{path.name}:{node.lineno}", max(parts, key=len)))
    return found


def _normalised(text: str) -> str:
    return " ".join(text.replace("\\|", "|").split())


@pytest.mark.parametrize(("where", "words"), _cli_messages(), ids=lambda v: v[:40])
def test_every_command_line_message_is_explained(where: str, words: str) -> None:
    section = _normalised(_section("Errors from the command line itself"))
    assert _normalised(words) in section, (
        f"{where}: the message {words!r} is not in 'Errors from the command line itself' "
        "of docs/troubleshooting.md"
    )


def _caught_by_the_group() -> set[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(ReporterGroup.invoke)))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            types = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            for t in types:
                names.add(t.id if isinstance(t, ast.Name) else getattr(t, "attr", ""))
    return names - PASSED_THROUGH


def test_every_failure_the_group_maps_is_explained() -> None:
    caught = _caught_by_the_group()
    assert {"KeyboardInterrupt", "OSError", "Exception"} <= caught
    section = _section("Errors from the command line itself")
    for name in sorted(caught):
        assert f"`{name}`" in section, f"ReporterGroup.invoke catches {name}: explain it"
