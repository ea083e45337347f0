"""The terminal table: the key columns at 80 characters, more when wider, every one with
``wide``, plain text off a terminal, long cells cut readably."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from reporter_finder.cli import cli
from reporter_finder.leads.export import write_leads
from reporter_finder.leads.listing import lead_list
from reporter_finder.leads.terminal import short_reason, write_terminal_table
from reporter_finder.schema import LEAD_LIST_HEADER, LEAD_TABLE_COLUMNS

SNAPSHOT = str(Path(__file__).parents[2] / "examples" / "reporter-snapshot.json")
KEY = ["rank", "pi_name", "organization", "state", "reason"]
ANSI = re.compile(r"\x1b\[")
WHY = (
    "Contact PI on 2 matching grants (1 active): heart failure, cardiomyopathy, "
    "echocardiography; skills: Echocardiography; K24 mentoring award"
)


def _leads(n: int = 3) -> pd.DataFrame:
    rows = [{
        "rank": i, "score": 0.9 - i / 10, "pi_name": "Jason Daniel Buenrostro-Longname",
        "profile_id": 1000 + i, "organization": "ICAHN SCHOOL OF MEDICINE AT MOUNT SINAI",
        "state": "NY", "funding_for_you": "likely", "n_active_grants": 2,
        "active_funding": 812345.0, "months_left": 41.0, "activity_codes": ["R01", "K24"],
        "top_grant_title": "A very long grant title about heart failure " * 3, "why": WHY,
    } for i in range(1, n + 1)]  # fmt: skip
    return lead_list(pd.DataFrame(rows).reindex(columns=LEAD_LIST_HEADER[:-4]))


def _table(leads: pd.DataFrame, width: int, **kwargs: Any) -> list[str]:
    out = io.StringIO()
    rows = [list(r) for r in leads.itertuples(index=False)]
    write_terminal_table(out, list(leads.columns), rows, LEAD_TABLE_COLUMNS, width=width, **kwargs)
    return out.getvalue().splitlines()


def test_at_80_columns_the_key_columns_fit() -> None:
    lines = _table(_leads(), 80)
    assert lines[0].split() == KEY
    assert set(lines[1]) <= {"-", " "}
    assert all(len(line) <= 80 for line in lines)
    assert len(lines) == 2 + 3  # one line per PI
    # Middle names go, then the first name is initialled; organisations are abbreviated.
    assert lines[2].startswith("   1  J. Buenrostro-Longna…  ICAHN SCH OF MED AT…   NY     heart")


def test_wider_terminals_show_more_columns_in_priority_order() -> None:
    lines = _table(_leads(), 160)
    header = lines[0].split()
    assert header[:5] == KEY
    assert header[5:] == list(LEAD_TABLE_COLUMNS[5 : len(header)])
    assert len(header) > 7
    assert all(len(line) <= 160 for line in lines)
    assert "812,345" in _table(_leads(), 220)[2]  # thousands separators for people


def test_wide_shows_every_column() -> None:
    header = _table(_leads(), 80, wide=True)[0].split()
    assert header[:5] == KEY
    assert set(header) == {*LEAD_LIST_HEADER, "reason"}


def test_long_cells_are_cut_after_a_whole_word() -> None:
    for width in (80, 100, 120):
        reason = _table(_leads(1), width)[2].split("  NY")[1].strip().split("  ")[0]
        whole = short_reason(WHY)
        assert reason.endswith("…")
        assert whole.startswith(reason[:-1])
        assert whole[len(reason) - 1] in " ,"  # the next character ends a word


def test_short_reason_puts_the_matched_terms_first() -> None:
    assert short_reason(WHY) == (
        "heart failure, cardiomyopathy, echocardiography (contact PI, 2 grants, 1 active)"
    )
    assert short_reason("Co-PI on 1 matching grant") == "(co-PI, 1 grant)"
    assert short_reason("something else; more") == "something else"


def test_a_plain_stream_gets_no_colour_and_no_trailing_spaces() -> None:
    lines = _table(_leads(), 120)
    assert not any(ANSI.search(line) for line in lines)
    assert all(line == line.rstrip() for line in lines)


def test_colour_only_when_asked_or_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    rows = [list(r) for r in _leads().itertuples(index=False)]
    write_terminal_table(out, list(_leads().columns), rows, LEAD_TABLE_COLUMNS, width=80)
    assert ANSI.search(out.getvalue())
    assert ANSI.search("\n".join(_table(_leads(), 80, color=True)))


def test_partial_results_keep_their_first_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    write_leads(_leads(), "-", "table", partial="PARTIAL RESULT: records may be missing (x)")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "# PARTIAL RESULT: records may be missing (x)"
    assert lines[1].split() == KEY


# --- the command line ---------------------------------------------------------------------

SEARCH = ["search", "medical genetics", "--load", SNAPSHOT, "--as-of", "2025-06-01",
          "--top", "5", "--format", "table"]  # fmt: skip


@pytest.mark.parametrize("width", [80, 100, 160])
def test_search_fits_the_terminal_width(width: int) -> None:
    result = CliRunner(env={"COLUMNS": str(width)}).invoke(cli, SEARCH)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:5] == KEY
    assert max(len(line) for line in lines) <= width
    assert not ANSI.search(result.stdout)  # CliRunner's stdout is no terminal


def test_search_shows_more_at_160_than_at_80() -> None:
    narrow = CliRunner(env={"COLUMNS": "80"}).invoke(cli, SEARCH).stdout.splitlines()[0]
    wide = CliRunner(env={"COLUMNS": "160"}).invoke(cli, SEARCH).stdout.splitlines()[0]
    assert narrow.split() == KEY
    assert len(wide.split()) > len(narrow.split())


def test_search_wide_shows_every_column() -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, [*SEARCH, "--wide"])
    assert result.exit_code == 0, result.stderr
    assert set(result.stdout.splitlines()[0].split()) == {*LEAD_LIST_HEADER, "reason"}


@pytest.mark.parametrize("command", [["grants", "medical genetics"], ["pi", "Deanne Taylor"]])
def test_grant_tables_fit_80_columns(command: list[str]) -> None:
    args = [*command, "--load", SNAPSHOT, "--as-of", "2025-06-01", "--format", "table"]
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    table = [line for line in result.stdout.splitlines() if "—" not in line]  # pi: a title line
    assert table[0].split()[:2] == ["core_project_num", "project_title"]
    assert max(len(line) for line in table) <= 80
