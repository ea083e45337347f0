"""``--visa`` (search) and ``--intramural`` (search, grants, fetch): parsing, and an end-to-end
run against the RePORTER stand-in (issue #15, section 3)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reporter_finder.cli import cli
from reporter_finder.cli.values import visa_callback
from reporter_finder.schema import LEAD_LIST_HEADER
from reporter_finder.vocabularies import INTRAMURAL_ACTIVITY_CODES, INTRAMURAL_FLAG
from tests.rank.records import HF, pi, record

J1_T32 = "T32 (NRSA): cannot pay trainees on a J-1 or H-1B visa"


def _records() -> list[dict[str, Any]]:
    """A PI with only a T32, one with an R01 and a T32, and an NIH intramural lab."""
    return [
        record("T32HL000501", [pi(501)], HF, code="T32", title="Cardiology training"),
        record("R01HL000502", [pi(502)], HF, code="R01", title="Heart failure cohort"),
        record("T32HL000503", [pi(502)], HF, code="T32", title="Cardiovascular training"),
        record("ZIAHL000504", [pi(504)], HF, code="ZIA", title="Intramural heart failure lab"),
    ]


def _csv(result: Any) -> dict[str, dict[str, str]]:
    assert result.exit_code == 0, result.stderr
    return {row["profile_id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(_records()), encoding="utf-8")
    return path


def _search(saved: Path, *extra: str) -> dict[str, dict[str, str]]:
    args = ["search", "cardiology", "--load", str(saved), "--as-of", "2025-06-01", "--format",
            "csv", *extra]  # fmt: skip
    return _csv(CliRunner().invoke(cli, args, catch_exceptions=False))


@pytest.mark.parametrize(
    ("typed", "value"),
    [(None, None), ("none", "none"), ("J-1", "J-1"), ("j1", "J-1"), ("H1B", "H-1B"),
     ("f-1", "F-1"), ("OTHER", "other")],
)  # fmt: skip
def test_visa_values_are_parsed(typed: str | None, value: str | None) -> None:
    assert visa_callback(None, None, typed) == value  # type: ignore[arg-type]


def test_an_unknown_visa_exits_2_naming_the_choices(saved: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "cardiology", "--load", str(saved), "--visa", "B2"])
    assert result.exit_code == 2
    assert "'B2' is not one of none, J-1, H-1B, F-1, other" in result.stderr


def test_the_options_are_where_they_belong() -> None:
    runner = CliRunner()
    search_help = runner.invoke(cli, ["search", "--help"]).stdout
    assert "--visa none|J-1|H-1B|F-1|other" in search_help
    for command in ("search", "grants", "fetch"):
        assert "--intramural" in runner.invoke(cli, [command, "--help"]).stdout, command
    result = runner.invoke(cli, ["grants", "cardiology", "--visa", "J-1"])
    assert result.exit_code == 2
    assert "No such option '--visa'" in result.stderr


def test_search_without_a_visa_credits_the_t32(saved: Path) -> None:
    rows = _search(saved)
    assert sorted(rows) == ["501", "502"]  # no intramural lab without --intramural
    assert rows["501"]["mentor_flags"] == "T32 training grant"
    assert rows["501"]["funding_for_you"] == "limited"
    assert rows["502"]["funding_for_you"] == "likely"


def test_search_with_a_j1_visa_says_why_the_t32_cannot_pay(saved: Path) -> None:
    rows = _search(saved, "--visa", "J-1")
    assert [rows[k]["rank"] for k in ("502", "501")] == ["1", "2"]
    assert rows["501"]["mentor_flags"] == J1_T32
    assert J1_T32 in rows["501"]["why"]
    assert rows["501"]["funding_for_you"] == "none"
    assert rows["502"]["mentor_flags"] == J1_T32
    assert rows["502"]["funding_for_you"] == "likely"
    assert rows["502"]["n_active_research_grants"] == "1"
    assert rows["502"]["months_left"] == "24.9"


def test_search_with_intramural_flags_the_lab(saved: Path) -> None:
    rows = _search(saved, "--intramural")
    assert rows["504"]["mentor_flags"] == INTRAMURAL_FLAG
    assert rows["504"]["funding_for_you"] == "likely"


@pytest.mark.e2e
def test_search_end_to_end_on_the_stand_in(reporter_server: Any) -> None:
    reporter_server.set_records(_records())
    args = ["search", "cardiology", "--visa", "J-1", "--intramural", "--as-of", "2025-06-01",
            "--no-publications", "--format", "csv", "--api-url", reporter_server.url]  # fmt: skip
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].split(",") == list(LEAD_LIST_HEADER)
    rows = _csv(result)
    assert sorted(rows) == ["501", "502", "504"]
    assert rows["501"]["mentor_flags"] == J1_T32
    assert rows["501"]["funding_for_you"] == "none"
    assert rows["504"]["mentor_flags"] == INTRAMURAL_FLAG
    sent = [r for r in reporter_server.requests if r.path.endswith("projects/search")]
    codes = sent[-1].body["criteria"]["activity_codes"]
    assert set(INTRAMURAL_ACTIVITY_CODES) <= set(codes)
