"""A fetch that never lies, through the command line: each way RePORTER can hand back less
(or other) than the query's result ends in one clear error line, exit 1 and no output file,
or, with ``--allow-partial``, in a file marked partial.

The CLI runs in-process (CliRunner) against the stand-in over real sockets, with the
response cache on, so that re-fetches really bypass it. The throttle is set to zero and, for
the partitioning tests, the 15,000-record window is shrunk to 1,000 on both sides.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import reporter_finder.api.transport as transport
from reporter_finder.api import limits
from reporter_finder.cli import cli
from tests.conftest import load_fixture
from tests.standin import StandIn, synthetic_records

pytestmark = pytest.mark.e2e

CF = load_fixture("projects-common-fund.json")["results"]
#: Common Fund records about cancer: "oncology" finds them (its core terms include "cancer").
CANCER = [r for r in CF if "cancer" in (r.get("project_title") or "").lower()]
#: Records no oncology term matches.
OTHER = [
    r
    for r in CF
    if not any(w in f"{r.get('project_title')} {r.get('abstract_text')}".lower()
               for w in ("cancer", "tumor", "oncolog", "neoplas", "malignan", "radiation"))
]  # fmt: skip
N = 1_200  # matching records: three pages


def records(templates: list[dict[str, Any]], n: int, start: int) -> list[dict[str, Any]]:
    """``n`` mentor-eligible, active, current-year records (R01, NCI, no subproject)."""
    return synthetic_records(
        templates, n, start=start, fiscal_year=2026, activity_code="R01", subproject_id=None,
        is_active=True, agency_ic_admin={"abbreviation": "NCI", "code": "CA"},
    )  # fmt: skip


@pytest.fixture(autouse=True)
def _no_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    real = transport.Throttle
    monkeypatch.setattr(transport, "Throttle", lambda interval, **kw: real(0.0, **kw))


@pytest.fixture
def server() -> Iterator[StandIn]:
    with StandIn(records(CANCER, N, 30_000_000) + records(OTHER, 100, 40_000_000)) as standin:
        yield standin


def run(server: StandIn, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--api-url", server.url], catch_exceptions=False)


def fetch(server: StandIn, save: Path, *extra: str) -> Result:
    return run(server, "fetch", "oncology", "--save", str(save), *extra)


def error_line(result: Result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_whole_result_is_written_without_a_mark(server: StandIn, tmp_path: Path) -> None:
    save = tmp_path / "onc.json"
    result = fetch(server, save)
    assert result.exit_code == 0, result.stderr
    saved = json.loads(save.read_text())
    assert saved["meta"]["total"] == N
    assert "partial" not in saved["meta"]
    assert "Warning" not in result.stderr


# --- ignored filters ------------------------------------------------------------------------


def test_an_ignored_text_filter_fails_and_writes_nothing(server: StandIn, tmp_path: Path) -> None:
    server.ignore_criteria("advanced_text_search")
    out = tmp_path / "leads.csv"
    result = run(server, "search", "asthma", "--no-publications", "-o", str(out))
    assert result.exit_code == 1
    line = error_line(result)
    assert line.startswith("Error: RePORTER ignored the text filter: it counts 1,300 records")
    assert "and exactly as many without the text" in line
    assert not out.exists()
    # The check costs one request: the count without the text.
    assert "advanced_text_search" not in server.bodies("projects/search")[1]["criteria"]


def test_an_ignored_state_filter_is_named(server: StandIn, tmp_path: Path) -> None:
    server.ignore_criteria("org_states")
    out = tmp_path / "leads.csv"
    result = run(server, "search", "oncology", "--state", "WY", "--no-publications",
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 1
    assert error_line(result).startswith("Error: RePORTER ignored the org_states filter: record ")
    assert not out.exists()


# --- data changing during the download ------------------------------------------------------


def test_records_landing_mid_fetch_are_fetched_again_and_kept(
    server: StandIn, tmp_path: Path
) -> None:
    server.add_records_after(2, records(CANCER, 7, 50_000_000))  # after page 1 and the count
    save = tmp_path / "onc.json"
    result = fetch(server, save)
    assert result.exit_code == 0, result.stderr
    assert json.loads(save.read_text())["meta"]["total"] == N + 7
    assert "changed from 1,200 to 1,207 during the download; fetching it again" in result.stderr


def test_data_changing_again_during_the_retry_fails_with_the_numbers(
    server: StandIn, tmp_path: Path
) -> None:
    server.add_records_after(2, records(CANCER, 7, 50_000_000))
    server.remove_records_after(5, [30_000_000 + i for i in range(14)])
    save = tmp_path / "onc.json"
    result = fetch(server, save)
    assert result.exit_code == 1
    line = error_line(result)
    assert "changed from 1,207 to 1,193 during the download" in line
    assert "(expected 1,193, got 1,000 after one retry)" in line
    assert "--allow-partial" in line
    assert not save.exists()


def test_allow_partial_writes_what_was_fetched_and_marks_it(
    server: StandIn, tmp_path: Path
) -> None:
    server.add_records_after(2, records(CANCER, 7, 50_000_000))
    server.remove_records_after(5, [30_000_000 + i for i in range(14)])
    save = tmp_path / "onc.json"
    result = fetch(server, save, "--allow-partial")
    assert result.exit_code == 0, result.stderr
    saved = json.loads(save.read_text())
    assert saved["meta"]["total"] == 1_000  # the two pages read before the data changed again
    assert saved["meta"]["partial"].startswith("PARTIAL RESULT: records may be missing (")
    assert f"Warning: {save} holds a PARTIAL RESULT: records may be missing (" in result.stderr


@pytest.mark.parametrize("suffix", [".csv", ".json", ".txt"])
def test_a_partial_lead_list_is_marked_in_every_format(
    server: StandIn, tmp_path: Path, suffix: str
) -> None:
    server.add_records_after(2, records(CANCER, 7, 50_000_000))
    server.remove_records_after(5, [30_000_000 + i for i in range(14)])
    out = tmp_path / f"leads{suffix}"
    result = run(server, "search", "oncology", "--no-publications", "--allow-partial",
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = out.read_text()
    sidecar = tmp_path / f"leads{suffix}.partial.txt"
    if suffix == ".csv":
        assert text.startswith("rank,")  # the columns stay the lead list's
        assert sidecar.read_text().startswith("leads.csv: PARTIAL RESULT: records may be")
    elif suffix == ".json":
        assert json.loads(text)["meta"]["partial"].startswith("PARTIAL RESULT")
    else:
        assert text.startswith("# PARTIAL RESULT: records may be missing (")
    assert "holds a PARTIAL RESULT" in result.stderr


def test_a_whole_result_removes_the_old_partial_mark(server: StandIn, tmp_path: Path) -> None:
    out = tmp_path / "leads.csv"
    (tmp_path / "leads.csv.partial.txt").write_text("leads.csv: PARTIAL RESULT …\n")
    out.write_text("old\n")
    result = run(server, "search", "oncology", "--no-publications", "-o", str(out), "--force")
    assert result.exit_code == 0, result.stderr
    assert not (tmp_path / "leads.csv.partial.txt").exists()


# --- pages that do not join -----------------------------------------------------------------


def test_pages_out_of_order_fail(server: StandIn, tmp_path: Path) -> None:
    server.misorder_pages()
    save = tmp_path / "onc.json"
    result = fetch(server, save)
    assert result.exit_code == 1
    assert "records came out of appl_id order" in error_line(result)
    assert not save.exists()


def test_pages_that_overlap_fail(server: StandIn, tmp_path: Path) -> None:
    server.overlap_pages()
    save = tmp_path / "onc.json"
    result = fetch(server, save)
    assert result.exit_code == 1
    assert "record 30000499 came twice" in error_line(result)
    assert "the pages overlap" in error_line(result)
    assert not save.exists()


def test_a_sort_other_than_the_one_asked_for_fails(server: StandIn, tmp_path: Path) -> None:
    server.set_sort_echo({"sorted_by_relevance": True})
    save = tmp_path / "onc.json"
    result = fetch(server, save)
    assert result.exit_code == 1
    assert "sorted text" in error_line(result)
    assert "by relevance instead of by appl_id ascending" in error_line(result)


# --- partitioning -----------------------------------------------------------------------------


@pytest.fixture
def small_window(server: StandIn, monkeypatch: pytest.MonkeyPatch) -> StandIn:
    monkeypatch.setattr(limits, "RESULT_WINDOW", 1_000)
    server.set_result_window(1_000)
    return server


def test_an_agency_split_with_a_gap_falls_back_to_date_windows(
    small_window: StandIn, tmp_path: Path
) -> None:
    # 200 records of an agency no split list knows: the agency split misses them.
    small_window.hide_under("agencies", range(30_000_000, 30_000_200))
    save = tmp_path / "onc.json"
    result = fetch(small_window, save)
    assert result.exit_code == 0, result.stderr
    assert json.loads(save.read_text())["meta"]["total"] == N
    starts = [b["criteria"].get("project_start_date") for b in small_window.bodies()]
    assert any(starts)


def test_records_outside_every_split_fail_with_the_numbers(
    small_window: StandIn, tmp_path: Path
) -> None:
    hidden = range(30_000_000, 30_000_200)
    small_window.hide_under("agencies", hidden)
    small_window.hide_under("project_start_date", hidden)
    save = tmp_path / "onc.json"
    result = fetch(small_window, save)
    assert result.exit_code == 1
    line = error_line(result)
    assert "no way of splitting" in line
    assert "covers its 1,200 records (by agency: 1,000; by project start date: 1,000)" in line
    assert not save.exists()


# --- publications -----------------------------------------------------------------------------


def test_publication_links_paged_across_an_unstable_tie_fail(
    reporter_server: StandIn, pubmed_server: Any
) -> None:
    # 600 links of one core project: two pages inside one tie of the coreproject sort.
    links = [{"coreproject": "R03OD034502", "pmid": 1_000 + i, "applid": 10577377}
             for i in range(600)]  # fmt: skip
    reporter_server.set_publications(links)
    reporter_server.unstable_publication_ties()
    result = run(reporter_server, "pi", "8406715", "--no-cache")
    assert result.exit_code == 1
    line = error_line(result)
    assert "publication link" in line
    assert "came twice" in line
    assert "(after one retry)" in line
