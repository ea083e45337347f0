"""The README documents every command and every lead-list column (sqlite-utils' test_docs)."""

from __future__ import annotations

import csv
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest

from reporter_finder.cli import cli
from reporter_finder.schema import LEAD_COLUMNS, TRACKING_COLUMNS

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


# --- the two newcomer commands ------------------------------------------------------------

REPO = README.parent


def _tagged_line(readme: str, tag: str) -> str:
    lines = [line for line in readme.splitlines() if line.rstrip().endswith(f"# {tag}")]
    assert len(lines) == 1, f"README needs exactly one command line tagged '# {tag}'"
    return re.sub(rf"\s*# {tag}\s*$", "", lines[0])


@pytest.mark.parametrize("tag", ["main job", "tests"])
def test_newcomer_commands_start_from_a_fresh_virtual_environment(readme: str, tag: str) -> None:
    command = _tagged_line(readme, tag)
    assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")


def test_ci_runs_exactly_the_readme_test_command(readme: str) -> None:
    # .ci/run extracts its command from the README; run that same extraction and compare.
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    extraction = re.search(r"^test_cmd=\$\((.*)\)$", ci, re.MULTILINE)
    assert extraction, ".ci/run no longer extracts the README's test command"
    found = subprocess.run(
        ["bash", "-c", extraction.group(1)], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == _tagged_line(readme, "tests")
    assert found.endswith("&& python -m pytest")
    assert 'bash -euo pipefail -c "$test_cmd"' in ci


def _reporter_finder_part(command: str) -> list[str]:
    part = command.split("&& ")[-1]
    words = shlex.split(part)
    assert words[0] == "reporter-finder"
    return words[1:]


def _executable() -> str:
    beside = Path(sys.executable).with_name("reporter-finder")
    found = str(beside) if beside.exists() else shutil.which("reporter-finder")
    assert found, "the reporter-finder executable is not installed"
    return found


@pytest.mark.e2e
def test_readme_main_job_prints_a_ranked_list_from_the_api(
    readme: str, reporter_server: Any, pubmed_server: Any
) -> None:
    args = _reporter_finder_part(_tagged_line(readme, "main job"))
    result = subprocess.run(
        [_executable(), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "REPORTER_FINDER_API_URL": reporter_server.url},
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))  # not a terminal: CSV on stdout
    assert rows, result.stderr
    assert [row["rank"] for row in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert all(row["why"] for row in rows)
    assert len(reporter_server.requests) >= 1


def test_readme_offline_route_ranks_the_bundled_snapshot_without_requests(readme: str) -> None:
    route = "--load examples/reporter-snapshot.json"
    lines = [line for line in readme.splitlines() if route in line]
    assert lines, "README shows no --load route on the bundled snapshot"
    args = _reporter_finder_part(lines[0].strip())
    result = subprocess.run(
        [_executable(), *args, "--format", "csv"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        # A dead API URL proves that no request is made.
        env={**os.environ, "REPORTER_FINDER_API_URL": "http://127.0.0.1:9/v2"},
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) >= 5
    assert rows[0]["rank"] == "1"
    assert rows[0]["pi_name"]
    assert rows[0]["why"]
