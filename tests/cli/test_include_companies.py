"""``search --include-companies``: company PIs are left out of the lead list unless asked for."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reporter_finder.cli import cli
from tests.rank.records import HF, pi, record


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """Saved records: a medical-school lab, a company lab and three co-PIs of one grant."""
    school = {"name": "SCHOOLS OF MEDICINE", "code": "10", "is_other": False}
    company = {"name": "DOMESTIC FOR-PROFITS", "code": "40", "is_other": False}
    records = [
        {**record("R01HL000301", [pi(301)], HF, title="Heart failure in adults"),
         "organization_type": school},
        {**record("R01HL000302", [pi(302)], HF + " Heart failure devices.",
                  title="A heart failure device", org="EXAMPLE DEVICES INC"),
         "organization_type": company},
        {**record("R01HL000303", [pi(304, False), pi(303, True), pi(305, False)],
                  HF + " Cardiomyopathy.", title="Cardiomyopathy in families"),
         "organization_type": school},
    ]  # fmt: skip
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def _search(saved: Path, *extra: str) -> list[dict[str, str]]:
    args = ["search", "cardiology", "--load", str(saved), "--as-of", "2025-06-01"]
    result = CliRunner().invoke(cli, [*args, "--format", "csv", *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_search_leaves_company_pis_out_and_groups_co_pis(saved: Path) -> None:
    rows = _search(saved)
    assert [row["profile_id"] for row in rows] == ["301", "303"]
    assert [row["rank"] for row in rows] == ["1", "2"]
    assert rows[0]["co_pis"] == ""
    assert rows[1]["co_pis"] == "Ann Doe304 (304); Ann Doe305 (305)"


def test_include_companies_lists_them_flagged(saved: Path) -> None:
    rows = {row["profile_id"]: row for row in _search(saved, "--include-companies")}
    assert sorted(rows) == ["301", "302", "303"]
    assert rows["302"]["mentor_flags"] == "company (for-profit organisation)"
    assert rows["302"]["organization"] == "EXAMPLE DEVICES INC"
    assert rows["301"]["mentor_flags"] == ""


def test_the_flag_is_a_search_option_only() -> None:
    runner = CliRunner()
    assert "--include-companies" in runner.invoke(cli, ["search", "--help"]).stdout
    result = runner.invoke(cli, ["grants", "cardiology", "--include-companies"])
    assert result.exit_code == 2
    assert "No such option '--include-companies'" in result.stderr
