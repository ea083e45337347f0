"""Every environment variable the package reads is named in ``reporter-finder --help`` and in
docs/troubleshooting.md.

The package source is read with :mod:`ast`: a read is ``os.environ.get(X)``,
``os.environ[X]``, ``os.getenv(X)``, ``X in os.environ`` or an option's ``envvar=X``, where
``X`` is a string or the name of a string constant defined anywhere in the package
(``API_URL_ENV``, ``limits.API_URL_ENV``). A plain-text count of the same forms guards the
walker: a read it cannot resolve fails the test instead of being skipped. A new variable
(``REPORTER_FINDER_CTGOV_URL``, say) declared through a click option's ``envvar=`` reaches the
help by itself; it only needs its line in docs/troubleshooting.md.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest
from click.testing import CliRunner

from reporter_finder.cli import cli
from reporter_finder.cli.settings import OTHER_ENVIRONMENT

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "reporter_finder"
TROUBLESHOOTING = ROOT / "docs" / "troubleshooting.md"
_TEXTUAL = re.compile(r"os\.environ\b|os\.getenv\(|\benvvar=")


def _code_only(text: str) -> str:
    """``text`` without comments and strings (docstrings may mention ``os.environ``)."""
    skip = {tokenize.COMMENT, tokenize.STRING, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT}
    skip.add(getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING))  # Python 3.12+
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return "".join(t.string for t in tokens if t.type not in skip)


def _sources() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


def _string_constants(trees: dict[Path, ast.Module]) -> dict[str, str]:
    """``NAME = "text"`` and ``NAME: Final = "text"`` at the top of any module."""
    found: dict[str, str] = {}
    for tree in trees.values():
        for node in tree.body:
            targets = (
                node.targets if isinstance(node, ast.Assign) else
                [node.target] if isinstance(node, ast.AnnAssign) else []
            )  # fmt: skip
            value = getattr(node, "value", None)
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                for target in targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = value.value
    return found


def _is_environ(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
        isinstance(node, ast.Name) and node.id == "environ"
    )


def _read_expressions(tree: ast.Module) -> list[ast.expr]:
    """The expressions naming the variable of every environment read in ``tree``."""
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and node.args
                and (
                    (func.attr in ("get", "setdefault", "pop") and _is_environ(func.value))
                    or func.attr == "getenv"
                )
            ):
                found.append(node.args[0])
            found.extend(k.value for k in node.keywords if k.arg == "envvar")
        elif isinstance(node, ast.Subscript) and _is_environ(node.value):
            found.append(node.slice)
        elif isinstance(node, ast.Compare) and any(_is_environ(c) for c in node.comparators):
            found.append(node.left)
    return found


def _name_of(expr: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value
    key = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", None)
    return constants.get(key) if key else None


def variables_read() -> set[str]:
    """Every environment variable the package reads (fails on a read it cannot name)."""
    trees = _sources()
    constants = _string_constants(trees)
    names: set[str] = set()
    for path, tree in trees.items():
        expressions = _read_expressions(tree)
        textual = len(_TEXTUAL.findall(_code_only(path.read_text(encoding="utf-8"))))
        where = path.relative_to(ROOT)
        assert len(expressions) == textual, (
            f"{where}: {textual} environment reads in the text, {len(expressions)} understood; "
            "read variables as os.environ.get(NAME) or envvar=NAME"
        )
        for expr in expressions:
            name = _name_of(expr, constants)
            assert name, f"{where} line {expr.lineno}: which variable is read here?"
            names.add(name)
    return names


READ = sorted(variables_read())


def test_the_walker_finds_the_variables_we_know_of() -> None:
    assert {"REPORTER_FINDER_API_URL", "REPORTER_FINDER_CACHE_DIR", "NCBI_API_KEY"} <= set(READ)


@pytest.fixture(scope="module")
def group_help() -> str:
    result = CliRunner().invoke(cli, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    return result.stdout.split("Environment variables", 1)[1]


@pytest.mark.parametrize("name", READ)
def test_the_group_help_lists_every_variable(group_help: str, name: str) -> None:
    # Listed in the help's variable section, reachable by a command-line option.
    assert re.search(rf"^\s+{name}\s+--[a-z-]+", group_help, re.MULTILINE), (
        f"{name} is read by the package but not listed by 'reporter-finder --help': give it "
        "a click option with envvar="
    )


def _documented_variables() -> set[str]:
    text = TROUBLESHOOTING.read_text(encoding="utf-8")
    section = text.split("## Environment variables", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\|\s*`([A-Z][A-Z0-9_]+)`", section, re.MULTILINE))


@pytest.mark.parametrize("name", READ)
def test_troubleshooting_md_lists_every_variable(name: str) -> None:
    assert name in _documented_variables(), (
        f"{name}: add a row to the 'Environment variables' table of docs/troubleshooting.md"
    )


def test_troubleshooting_md_lists_no_variable_nobody_reads() -> None:
    others = {name for entry, _ in OTHER_ENVIRONMENT for name in re.findall(r"[A-Z_]+", entry)}
    others |= {"HTTP_PROXY", "NO_PROXY"}  # named in HTTPS_PROXY's line
    assert _documented_variables() - set(READ) <= others
