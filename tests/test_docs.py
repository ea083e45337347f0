"""The README documents every command and every lead-list column (sqlite-utils' test_docs)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from reporter_finder.cli import cli
from reporter_finder.fields import LEAD_COLUMNS, TRACKING_COLUMNS

README = Path(__file__).resolve().parent.parent / "README.md"


def _command_paths(group: click.Group, prefix: str = "") -> list[str]:
    paths = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix}{name}"
        paths.append(path)
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, prefix=f"{path} "))
    return paths


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", _command_paths(cli))
def test_every_command_is_in_the_readme(readme: str, command: str) -> None:
    assert f"reporter-finder {command}" in readme


@pytest.mark.parametrize("column", [*LEAD_COLUMNS, *TRACKING_COLUMNS])
def test_every_lead_column_is_explained_in_the_readme(readme: str, column: str) -> None:
    # A row of the lead-list table: | `column` | meaning |
    assert re.search(rf"^\|\s*`{re.escape(column)}`\s*\|\s*\S", readme, re.MULTILINE), column


def test_lead_columns_are_listed_in_order(readme: str) -> None:
    rows = re.findall(r"^\|\s*`(\w+)`\s*\|", readme, re.MULTILINE)
    listed = [row for row in rows if row in (*LEAD_COLUMNS, *TRACKING_COLUMNS)]
    start = listed.index("rank")
    assert listed[start : start + len(LEAD_COLUMNS) + len(TRACKING_COLUMNS)] == [
        *LEAD_COLUMNS,
        *TRACKING_COLUMNS,
    ]


@pytest.mark.parametrize("code", ["0", "1", "2", "130"])
def test_exit_codes_are_documented(readme: str, code: str) -> None:
    assert re.search(rf"^\|\s*{code}\s*\|", readme, re.MULTILINE)
