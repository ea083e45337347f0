"""End to end: the installed ``reporter-finder`` executable, in a subprocess, over real sockets
against the local RePORTER stand-in (tests/standin.py)."""

from __future__ import annotations

import csv
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reporter_finder.schema import LEAD_LIST_HEADER
from tests.conftest import closed_port, load_fixture

pytestmark = pytest.mark.e2e

SPECIALTY = "oncology"
BROWN = "8406715"


def _executable() -> str:
    beside = Path(sys.executable).with_name("reporter-finder")
    found = str(beside) if beside.exists() else shutil.which("reporter-finder")
    if found is None:
        pytest.fail("the reporter-finder executable is not installed (pip install -e .)")
    return found


def _run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> Any:
    return subprocess.run(
        [_executable(), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_search_writes_the_lead_csv(
    tmp_path: Path, reporter_server: Any, pubmed_server: Any
) -> None:
    out = tmp_path / "leads.csv"
    result = _run(
        "search", SPECIALTY, "--top", "10", "-o", str(out),
        env={"REPORTER_FINDER_API_URL": reporter_server.url,
             "REPORTER_FINDER_EMAIL": "ana@example.org"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    rows = _read_csv(out)
    assert list(rows[0]) == list(LEAD_LIST_HEADER)
    assert 0 < len(rows) <= 10
    assert [int(row["rank"]) for row in rows] == list(range(1, len(rows) + 1))
    scores = [float(row["score"]) for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert all(row["top_grant_url"].startswith("https://reporter.nih.gov/") for row in rows)
    assert all(row[column] == "" for row in rows for column in ("status", "notes"))
    assert f"Wrote {len(rows)} PIs to {out}" in result.stderr
    assert reporter_server.requests, "the stand-in was never asked"
    # Publications of the listed PIs: from the stand-in's links, titles from the PubMed one.
    assert all(row["n_publications"].isdigit() for row in rows)
    with_papers = [row for row in rows if int(row["n_publications"]) > 0]
    assert len(with_papers) >= 3
    for row in with_papers:
        assert 1 <= len(re.findall(r"PMID \d+", row["recent_publications"])) <= 3
    assert all(row["recent_publications"] == "" for row in rows if row["n_publications"] == "0")
    assert len(reporter_server.bodies("publications/search")) == 1  # one batch for ten PIs
    assert pubmed_server.requests
    assert all(q["tool"] == ["reporter_finder"] for q in pubmed_server.requests)
    assert all(q["email"] == ["ana@example.org"] for q in pubmed_server.requests)


def test_search_publications_titles_then_offline_from_the_cache(
    tmp_path: Path, reporter_server: Any, pubmed_server: Any
) -> None:
    # Jian Ma's R03OD039980 papers have PubMed summaries in the stand-in's fixture.
    args = ["search", "machine learning", "--top", "5", "--api-url", reporter_server.url]
    online = _run(*args, "-o", str(tmp_path / "online.csv"))
    assert online.returncode == 0, online.stderr
    rows = {row["pi_name"]: row for row in _read_csv(tmp_path / "online.csv")}
    assert " — " in rows["Jian Ma"]["recent_publications"]  # "Title — Journal Year (PMID n)"
    asked = (len(reporter_server.requests), len(pubmed_server.requests))
    offline = _run(*args, "--offline", "-o", str(tmp_path / "offline.csv"))
    assert offline.returncode == 0, offline.stderr
    assert (len(reporter_server.requests), len(pubmed_server.requests)) == asked
    assert "WARNING" not in offline.stderr
    assert (tmp_path / "offline.csv").read_bytes() == (tmp_path / "online.csv").read_bytes()


def test_search_goes_on_without_titles_when_pubmed_is_down(
    tmp_path: Path, reporter_server: Any, pubmed_server: Any
) -> None:
    pubmed_server.fail_next(503, times=10)
    out = tmp_path / "leads.csv"
    result = _run("search", SPECIALTY, "--top", "10", "--api-url", reporter_server.url,
                  "--retries", "1", "-o", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = _read_csv(out)
    assert sum(int(row["n_publications"]) for row in rows) > 0
    cells = [c for row in rows for c in row["recent_publications"].split("; ") if c]
    assert cells
    assert all(re.fullmatch(r"PMID \d+", c) for c in cells)
    assert result.stderr.count("PubMed could not be reached") == 1


def test_search_csv_on_stdout_with_state_filter(reporter_server: Any) -> None:
    result = _run("search", SPECIALTY, "--state", "CA", "--api-url", reporter_server.url,
                  "--no-publications")  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split(",") == list(LEAD_LIST_HEADER)  # piped: CSV, not the terminal table
    rows = list(csv.DictReader(lines))
    assert {row["state"] for row in rows} <= {"CA"}
    criteria = reporter_server.bodies("projects/search")[0]["criteria"]
    assert criteria["org_states"] == ["CA"]


def _next_year(record: dict[str, Any], appl_id: int, notice: str | None) -> dict[str, Any]:
    """The following year's record of a grant: a new ``appl_id``, awarded on ``notice``."""
    return {
        **record,
        "appl_id": appl_id,
        "fiscal_year": 2026,
        "award_notice_date": notice,
        "project_num": record["project_num"].replace("1R03", "5R03").replace("-01", "-02"),
    }


def _new_grant(record: dict[str, Any], appl_id: int) -> dict[str, Any]:
    """A new grant like ``record``, of a PI who was on no earlier list."""
    pi = {
        **record["principal_investigators"][0],
        "profile_id": 99000001,
        "first_name": "Nova",
        "middle_name": "",
        "last_name": "Newman",
        "full_name": "Nova Newman",
    }
    return {**record, "appl_id": appl_id, "project_num": "1R03OD099999-01",
            "core_project_num": "R03OD099999", "award_notice_date": "2026-09-01T00:00:00",
            "principal_investigators": [pi], "contact_pi_name": "NEWMAN, NOVA"}  # fmt: skip


def test_search_since_marks_what_is_new(tmp_path: Path, reporter_server: Any) -> None:
    env = {"REPORTER_FINDER_API_URL": reporter_server.url}
    first = _run("search", SPECIALTY, "--as-of", "2026-07-01", "--no-publications",
                 "-o", str(tmp_path / "leads.csv"), env=env)  # fmt: skip
    assert first.returncode == 0, first.stderr
    old = {row["profile_id"]: row for row in _read_csv(tmp_path / "leads.csv")}
    assert {row["listed_on"] for row in old.values()} == {"2026-07-01"}
    assert {row["new_pi"] + row["new_awards"] for row in old.values()} == {""}
    # RePORTER since then: a renewal noticed in August (Bishehsari), a record without a notice
    # date but a higher appl_id (Zhou), and a new PI's new grant.
    by_core = {
        r["core_project_num"]: r for r in load_fixture("projects-common-fund.json")["results"]
    }
    reporter_server.add_records_after(0, [
        _next_year(by_core["R03OD039982"], 11_600_001, "2026-08-14T00:00:00"),
        _next_year(by_core["R03OD034498"], 11_600_002, None),
        _new_grant(by_core["R03OD036498"], 11_600_003),
    ])  # fmt: skip
    new = tmp_path / "new.csv"
    # No --refresh: --since asks RePORTER afresh itself, or the first run's cached answers
    # (kept for a week) would hide everything new.
    second = _run("search", SPECIALTY, "--as-of", "2026-09-15", "--no-publications",
                  "--since", str(tmp_path / "leads.csv"), "-o", str(new), env=env)  # fmt: skip
    assert second.returncode == 0, second.stderr
    assert second.stderr.splitlines()[-1] == "new since 2026-07-01: 1 PI, 3 awards"
    rows = {row["profile_id"]: row for row in _read_csv(new)}
    marked = {pid: (row["new_pi"], row["new_awards"]) for pid, row in rows.items()
              if row["new_pi"] == "True" or row["new_awards"]}  # fmt: skip
    assert marked == {
        "11204459": ("False", "R03OD039982"),
        "14960622": ("False", "R03OD034498"),
        "99000001": ("True", "R03OD099999"),
    }
    assert all(row["new_pi"] == "False" for pid, row in rows.items() if pid in old)
    assert {row["listed_on"] for row in rows.values()} == {"2026-09-15"}
    assert rows["14960622"]["newest_appl_id"] == "11600002"


def test_search_since_a_list_without_listed_on(tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    old.write_text("rank,pi_name,profile_id\r\n1,Ana Rivera,1\r\n", encoding="utf-8")
    saved = str(Path(__file__).parent.parent / "fixtures" / "projects-common-fund.json")
    result = _run("search", SPECIALTY, "--load", saved, "--since", str(old),
                  "-o", str(tmp_path / "new.csv"))  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {old} has no listed_on column (made before")
    assert not (tmp_path / "new.csv").exists()


def test_fetch_save_then_load_offline(tmp_path: Path, reporter_server: Any) -> None:
    saved = tmp_path / "saved.json"
    fetched = _run("fetch", SPECIALTY, "--api-url", reporter_server.url, "--save", str(saved))
    assert fetched.returncode == 0, fetched.stderr
    unreachable = f"http://127.0.0.1:{closed_port()}/v2"
    out = tmp_path / "leads.xlsx"
    ranked = _run(
        "search", SPECIALTY, "--load", str(saved), "--api-url", unreachable, "-o", str(out)
    )
    assert ranked.returncode == 0, ranked.stderr
    assert out.stat().st_size > 0


def test_pi_from_the_stand_in(reporter_server: Any, pubmed_server: Any) -> None:
    result = _run("pi", BROWN, "--api-url", reporter_server.url, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert {row["profile_id"] for row in rows} == {BROWN}
    assert sorted(row["n_publications"] for row in rows) == ["0", "1"]


NO_NETWORK = (
    "Error: Cannot reach {host} (no network?). Use --offline for cached answers or --load FILE "
    "for saved records.\n"
)
#: Runs the CLI with a resolver that fails every look-up, as without a network (and without
#: sending a DNS query anywhere).
_WITHOUT_DNS = """
import socket, sys
def _fail(host, *args, **kwargs):
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
socket.getaddrinfo = _fail
from reporter_finder.cli import main
sys.argv[0] = "reporter-finder"
main()
"""


def test_unreachable_api(tmp_path: Path) -> None:
    # Regression: a refused connection was retried like a 503, with one warning per retry.
    port = closed_port()
    out = tmp_path / "leads.csv"
    result = _run("search", SPECIALTY, "--api-url", f"http://127.0.0.1:{port}/v2", "-o", str(out))
    assert result.returncode == 1
    assert result.stderr == NO_NETWORK.format(host=f"127.0.0.1:{port}")  # one line, no WARNING
    assert not out.exists()  # no half-written (or empty) lead list


def test_the_readme_command_without_network(tmp_path: Path) -> None:
    # Regression: four retry warnings, then the error after ~16 s (a DNS failure retried).
    out = tmp_path / "leads.csv"
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_DNS, "search", "cardiology", "--skills",
         "echocardiography, R, machine learning", "--track", "clinical", "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == NO_NETWORK.format(host="api.reporter.nih.gov")
    assert not out.exists()


def test_load_with_publications_without_reporter(tmp_path: Path) -> None:
    port = closed_port()
    out = tmp_path / "leads.csv"
    saved = str(Path(__file__).parent.parent / "fixtures" / "projects-common-fund.json")
    result = _run("search", SPECIALTY, "--load", saved, "--publications",
                  "--api-url", f"http://127.0.0.1:{port}/v2", "-o", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = _read_csv(out)
    assert rows
    assert all(row["n_publications"] == row["recent_publications"] == "" for row in rows)
    assert result.stderr.splitlines() == [
        f"Warning: the publication columns need the network (cannot reach 127.0.0.1:{port}); "
        "the lead list is written without them.",
        f"Wrote {len(rows)} PIs to {out} (csv).",
    ]


def test_bad_years_exit_2() -> None:
    result = _run("search", SPECIALTY, "--years", "2027-2023")
    assert result.returncode == 2
    assert "runs backwards" in result.stderr.strip().splitlines()[-1]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_exits_130(reporter_server: Any) -> None:
    reporter_server.faults.delay(3.0)  # the first answer is slow: interrupt while waiting
    process = subprocess.Popen(
        [_executable(), "pi", BROWN, "--api-url", reporter_server.url, "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 20
    while not reporter_server.requests and time.monotonic() < deadline:
        time.sleep(0.05)
    assert reporter_server.requests, "the command never reached the stand-in"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.strip().splitlines()[-1] == "Interrupted."
    assert "Traceback" not in stderr
    assert stdout == ""


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reporter_finder", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("reporter-finder, version ")
