"""The command line through click's CliRunner: stdout (data) and stderr (messages) apart."""

from __future__ import annotations

import csv
import io
import json
import logging
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import openpyxl
import pytest
from click.testing import CliRunner, Result

from reporter_finder import __version__
from reporter_finder.cli import cli, error_message, parse_years
from reporter_finder.exceptions import (
    DataFormatError,
    IncompleteResultsError,
    InvalidResponseError,
    OfflineCacheMissError,
    QueryError,
    RateLimitError,
    ReporterConnectionError,
    ReporterHTTPError,
    ReporterTimeoutError,
    ResultWindowError,
)
from reporter_finder.export import LEAD_LIST_HEADER
from reporter_finder.fields import GRANT_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures"
COMMON_FUND = str(FIXTURES / "projects-common-fund.json")
PUBLICATIONS = str(FIXTURES / "publications-common-fund.json")
#: A specialty whose vocabulary matches grants of the Common Fund fixture.
SPECIALTY = "oncology"
BROWN = "8406715"  # C. Titus Brown: two grants in the fixture


def run(*args: str, catch: bool = True, **kwargs: Any) -> Result:
    """Invoke the CLI; stdout and stderr stay separate (click >= 8.2)."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=catch, **kwargs)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_commands(command, (*prefix, name)))
    return found


ALL_COMMANDS = _commands(cli)


# --- help and version -----------------------------------------------------------------------


@pytest.mark.parametrize("command", [(), *ALL_COMMANDS], ids=lambda c: " ".join(c) or "main")
def test_help_shows_an_example(command: tuple[str, ...]) -> None:
    result = run(*command, "--help", catch=False)
    assert result.exit_code == 0
    assert "Example" in result.stdout
    leaf = command[-1] if command else "search"
    assert f"reporter-finder {' '.join(command) or leaf}" in result.stdout
    assert result.stderr == ""


def test_all_issue_commands_exist() -> None:
    names = {c[0] for c in ALL_COMMANDS}
    assert names >= {"search", "grants", "pi", "specialties", "cache", "fetch"}
    assert {("cache", "info"), ("cache", "clear")} <= set(ALL_COMMANDS)


def test_version() -> None:
    result = run("--version", catch=False)
    assert result.exit_code == 0
    assert result.stdout.strip() == f"reporter-finder, version {__version__}"


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from reporter_finder.cli import cli\n"
        "try:\n    cli(['search', '--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'pandas', 'numpy', 'requests', 'openpyxl', 'bm25s', 'requests_cache'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


# --- search ---------------------------------------------------------------------------------


def test_search_csv_to_stdout(tmp_path: Path) -> None:
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--top", "5", catch=False)
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert result.stdout.splitlines()[0].split(",") == list(LEAD_LIST_HEADER)
    assert 0 < len(rows) <= 5
    assert [row["rank"] for row in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert all(row["status"] == "" for row in rows)
    assert "rank,score" not in result.stderr  # data never goes to stderr


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "json", "jsonl"])
def test_search_format_from_extension(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"leads.{suffix}"
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "-o", str(out), catch=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"to {out}" in result.stderr
    if suffix == "csv":
        assert out.read_text(encoding="utf-8").splitlines()[0].split(",") == list(LEAD_LIST_HEADER)
    elif suffix == "xlsx":
        header = [cell.value for cell in openpyxl.load_workbook(out).active[1]]
        assert header == list(LEAD_LIST_HEADER)
    elif suffix == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert list(data[0]) == list(LEAD_LIST_HEADER)
        assert isinstance(data[0]["activity_codes"], list)
    else:
        first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        assert list(first) == list(LEAD_LIST_HEADER)


def test_search_explicit_format_wins(tmp_path: Path) -> None:
    out = tmp_path / "leads.txt"
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "-o", str(out), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))


def test_search_table_format(tmp_path: Path) -> None:
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--format", "table", "--top", "3")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].split()[:3] == ["rank", "score", "pi_name"]


def test_search_filters_apply_to_loaded_records() -> None:
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--state", "ca", catch=False)
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert rows
    assert {row["state"] for row in rows} == {"CA"}


def test_search_unknown_specialty_is_a_note_not_an_error() -> None:
    result = run("search", "data ecosystem engagement", "--load", COMMON_FUND, catch=False)
    assert result.exit_code == 0, result.stderr
    assert "not a specialty I know" in result.stderr
    assert "Nearest known specialties" in result.stderr
    assert csv_rows(result.stdout)


def test_search_nothing_matches_writes_the_header_and_suggests_widening(tmp_path: Path) -> None:
    out = tmp_path / "leads.csv"
    result = run(
        "search", SPECIALTY, "--load", COMMON_FUND, "--state", "WY", "-o", str(out), catch=False
    )
    assert result.exit_code == 0
    assert out.read_bytes().decode("utf-8") == ",".join(LEAD_LIST_HEADER) + "\r\n"
    assert "No PIs matched" in result.stderr
    assert "--state" in result.stderr


def test_quiet_silences_everything_but_data(tmp_path: Path) -> None:
    out = tmp_path / "leads.csv"
    result = run("search", "data ecosystem engagement", "--load", COMMON_FUND, "-q", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert out.exists()


def test_quiet_before_the_command_name() -> None:
    result = run("-q", "search", "data ecosystem engagement", "--load", COMMON_FUND)
    assert result.exit_code == 0
    assert result.stderr == ""


def test_logging_is_restored_after_a_command() -> None:
    package = logging.getLogger("reporter_finder")
    before = (list(package.handlers), package.level)
    run("-v", "pi", BROWN, "--load", COMMON_FUND)
    assert (list(package.handlers), package.level) == before


# --- grants ---------------------------------------------------------------------------------


def test_grants_is_the_project_table() -> None:
    result = run("grants", SPECIALTY, "--load", COMMON_FUND, catch=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].split(",") == ["relevance", *GRANT_COLUMNS]
    rows = csv_rows(result.stdout)
    relevance = [float(row["relevance"]) for row in rows]
    assert relevance
    assert relevance == sorted(relevance, reverse=True)
    assert min(relevance) > 0  # loaded records are not text-searched: off-topic grants dropped


def test_grants_active_only() -> None:
    result = run("grants", SPECIALTY, "--load", COMMON_FUND, "--active-only", catch=False)
    assert result.exit_code == 0, result.stderr
    assert {row["is_active"] for row in csv_rows(result.stdout)} == {"True"}


# --- pi -------------------------------------------------------------------------------------


def test_pi_by_profile_id() -> None:
    result = run("pi", BROWN, "--load", COMMON_FUND, catch=False)
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert len(rows) == 2
    assert {row["pi_name"] for row in rows} == {"C. Titus Brown"}
    assert {row["role"] for row in rows} <= {"contact PI", "PI (multi-PI)"}
    assert all(row["project_detail_url"].startswith("https://reporter.nih.gov/") for row in rows)
    assert all(row["program_officers"] and row["study_sections"] for row in rows)


def test_pi_by_name_json() -> None:
    result = run("pi", "Brown, C", "--load", COMMON_FUND, "--format", "json", catch=False)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {row["profile_id"] for row in data} == {int(BROWN)}
    assert isinstance(data[0]["program_officers"], list)


def test_pi_table_has_a_summary_line() -> None:
    result = run("pi", BROWN, "--load", COMMON_FUND, "--format", "table", catch=False)
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("C. Titus Brown — Associate Professor, UNIVERSITY OF CALIFORNIA")


def test_pi_ambiguous_name_lists_candidates() -> None:
    result = run("pi", "Wang", "--load", COMMON_FUND)
    assert result.exit_code == 2
    assert "Wei Wang" in result.stderr
    assert "Yue Wang" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: 2 PIs match 'Wang'")
    assert result.stdout == ""


def test_pi_ambiguous_name_prompts_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reporter_finder.cli._stdin_is_terminal", lambda: True)
    result = run("pi", "Wang", "--load", COMMON_FUND, input="2\n")
    assert result.exit_code == 0, result.stderr
    assert "Which one" in result.stderr
    assert {row["pi_name"] for row in csv_rows(result.stdout)} == {"Yue Wang"}


def test_pi_over_the_network(reporter_server: Any) -> None:
    result = run("pi", BROWN, "--api-url", reporter_server.url, "--no-cache", catch=False)
    assert result.exit_code == 0, result.stderr
    assert len(csv_rows(result.stdout)) == 2
    body = reporter_server.bodies("projects/search")[0]
    assert body["criteria"]["pi_profile_ids"] == [int(BROWN)]


# --- specialties ----------------------------------------------------------------------------


def test_specialties_lists_keys_and_aliases() -> None:
    result = run("specialties", "--format", "csv", catch=False)
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert {"key", "name", "category", "aliases"} == set(rows[0])
    assert "cardiology" in {row["key"] for row in rows}


def test_specialties_show() -> None:
    result = run("specialties", "--show", "cardiolgy", "--format", "table", catch=False)
    assert result.exit_code == 0, result.stderr
    assert "key: cardiology" in result.stdout
    assert "core_terms: " in result.stdout


def test_specialties_show_json() -> None:
    result = run("specialties", "--show", "cardiology", "--format", "json", catch=False)
    assert json.loads(result.stdout)[0]["core_terms"]


# --- cache ----------------------------------------------------------------------------------


def test_cache_info_and_clear(tmp_path: Path) -> None:
    info = run("cache", "info", catch=False)
    assert info.exit_code == 0
    assert info.stdout.startswith("path: ")
    assert "responses: 0" in info.stdout
    cleared = run("cache", "clear", catch=False)
    assert cleared.exit_code == 0
    assert cleared.stdout == ""
    assert cleared.stderr.startswith("Removed 0 cached answers")


def test_cache_fills_and_clears(reporter_server: Any) -> None:
    assert run("pi", BROWN, "--api-url", reporter_server.url).exit_code == 0
    assert "responses: 0" not in run("cache", "info").stdout
    # Offline now answers from the cache, without a request.
    requests_before = len(reporter_server.requests)
    offline = run("pi", BROWN, "--api-url", reporter_server.url, "--offline")
    assert offline.exit_code == 0, offline.stderr
    assert len(reporter_server.requests) == requests_before
    assert "Removed 1 cached answer " in run("cache", "clear").stderr


# --- fetch ----------------------------------------------------------------------------------


def test_fetch_then_search_with_load(tmp_path: Path, reporter_server: Any) -> None:
    saved = tmp_path / "saved.json"
    fetched = run(
        "fetch", SPECIALTY, "--api-url", reporter_server.url, "--no-cache", "--save", str(saved),
        catch=False,
    )  # fmt: skip
    assert fetched.exit_code == 0, fetched.stderr
    assert fetched.stdout == ""
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["meta"]["total"] == len(data["results"]) > 0
    assert f"Saved {len(data['results'])} records" in fetched.stderr
    ranked = run("search", SPECIALTY, "--load", str(saved), catch=False)
    assert ranked.exit_code == 0, ranked.stderr
    assert csv_rows(ranked.stdout)


# --- bad inputs: one line, the right exit code, no traceback --------------------------------


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now: connections are refused
    return port


def _not_reporter_json(tmp_path: Path) -> str:
    path = tmp_path / "other.json"
    path.write_text('{"hello": "world"}', encoding="utf-8")
    return str(path)


BAD_INPUTS: list[tuple[str, list[str], int, str]] = [
    ("backwards years", ["search", "x", "--years", "2027-2023"], 2, "runs backwards"),
    ("ancient year", ["search", "x", "--years", "1900"], 2, "outside RePORTER's fiscal years"),
    ("future year", ["search", "x", "--years", "2024-2099"], 2, "outside RePORTER's fiscal years"),
    ("not a year", ["search", "x", "--years", "recent"], 2, "is not a year or a range"),
    ("empty years", ["search", "x", "--years", ","], 2, "no year given"),
    ("unknown state", ["search", "x", "--state", "XY"], 2, "unknown state code 'XY'"),
    ("state typo", ["grants", "x", "--state", "NYC"], 2, "unknown state code 'NYC'"),
    ("bad mechanism", ["search", "x", "--mechanism", "R1"], 2, "is not an NIH activity code"),
    ("unknown format", ["search", "x", "--format", "docx"], 2, "Invalid value for '--format'"),
    ("unknown extension", ["search", "x", "-o", "leads.docx"], 2, "cannot tell the format"),
    ("missing dir", ["search", "x", "-o", "/nonexistent/d/leads.csv"], 2, "does not exist"),
    ("output is a dir", ["search", "x", "-o", "/tmp"], 2, "it is a directory"),
    ("bad track", ["search", "x", "--track", "surgeon"], 2, "Invalid value for '--track'"),
    ("zero top", ["search", "x", "--top", "0"], 2, "Invalid value for '--top'"),
    ("two cache modes", ["search", "x", "--offline", "--refresh"], 2, "cannot be combined"),
    ("verbose and quiet", ["pi", "1", "-v", "-q"], 2, "contradict each other"),
    ("missing load file", ["search", "x", "--load", "nope.json"], 2, "does not exist"),
    ("unknown specialty --show", ["specialties", "--show", "zzqqx"], 2, "unknown specialty"),
    ("empty specialty", ["search", " ", "--load", COMMON_FUND], 2, "no specialty given"),
    ("no such PI", ["pi", "Nobody Atall", "--load", COMMON_FUND], 1, "no PI matches"),
    ("publications as load", ["pi", "1", "--load", PUBLICATIONS], 1, "publications/search"),
    ("save to missing dir", ["fetch", "x", "--save", "/nonexistent/x.json"], 2, "does not exist"),
]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input(args: list[str], code: int, message: str) -> None:
    result = run(*args)
    assert result.exit_code == code, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: ")
    assert message in last
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_load_file_that_is_not_reporter_json(tmp_path: Path) -> None:
    for command in (["search", SPECIALTY], ["pi", BROWN]):
        result = run(*command, "--load", _not_reporter_json(tmp_path))
        assert result.exit_code == 1
        last = result.stderr.strip().splitlines()[-1]
        assert last.startswith("Error: ")
        assert "none of the RePORTER project fields" in last


def test_unreachable_api_is_one_line_and_exit_1() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/v2"
    result = run("pi", BROWN, "--api-url", url, "--retries", "0", "--no-cache")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: cannot reach RePORTER at {url}: Connection refused — check your connection, "
        "or use --offline for cached searches"
    )
    assert "Traceback" not in result.stderr


def test_api_url_from_the_environment() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/v2"
    result = run("pi", BROWN, "--retries", "0", env={"REPORTER_FINDER_API_URL": url})
    assert f"cannot reach RePORTER at {url}" in result.stderr


def test_offline_with_nothing_cached() -> None:
    result = run("pi", BROWN, "--offline", "--api-url", "http://127.0.0.1:9/v2")
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: Offline mode: this RePORTER request is not in the cache")
    assert last.endswith("— run the same command once without --offline to fill the cache")


def test_api_errors_after_retries(reporter_server: Any) -> None:
    reporter_server.faults.status(503, times=2)
    result = run("pi", BROWN, "--api-url", reporter_server.url, "--retries", "1", "--no-cache")
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: RePORTER answered HTTP 503")
    assert "try again later" in last


def test_verbose_shows_the_traceback(tmp_path: Path) -> None:
    result = run("-v", "pi", BROWN, "--load", _not_reporter_json(tmp_path))
    assert result.exit_code == 1
    assert "Traceback" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: ")


def test_verbose_logs_each_request(reporter_server: Any) -> None:
    result = run("pi", BROWN, "-v", "--api-url", reporter_server.url, "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert "/v2/projects/search" in result.stderr
    assert "DEBUG" in result.stderr


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(path: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr("reporter_finder.tables.load_records", interrupted)
    result = run("pi", BROWN, "--load", COMMON_FUND)
    assert result.exit_code == 130
    assert result.stderr.strip() == "Interrupted."


def test_unexpected_errors_are_one_line_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr("reporter_finder.tables.load_records", broken)
    result = run("pi", BROWN, "--load", COMMON_FUND)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: unexpected RuntimeError: boom — this is a bug: rerun with -v and report the "
        "traceback"
    )


# --- pieces ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2023-2025", (2023, 2024, 2025)),
        ("2024,2025", (2024, 2025)),
        ("2019, 2022-2023", (2019, 2022, 2023)),
        ("2025–2026", (2025, 2026)),
        ("2024", (2024,)),
        ("2024,2024", (2024,)),
    ],
)
def test_parse_years(text: str, years: tuple[int, ...]) -> None:
    assert parse_years(text) == years


@pytest.mark.parametrize(
    ("error", "expected", "code"),
    [
        (QueryError("Unknown state code 'XX'"), "Unknown state code 'XX' — check the options", 2),
        (
            QueryError(
                "RePORTER rejected the request",
                status=400,
                body="bad field",
                hint="Check the query values.",
            ),
            "RePORTER rejected the request (HTTP 400): bad field — check the query values",
            1,
        ),
        (RateLimitError("Too many", status=429), "Too many (HTTP 429) — RePORTER is limiting", 1),
        (ReporterHTTPError("RePORTER answered HTTP 502", status=502), "HTTP 502 — ", 1),
        (InvalidResponseError("not JSON"), "not JSON — try again later", 1),
        (ResultWindowError("too many"), "too many — narrow the search with --years", 1),
        (IncompleteResultsError("short page"), "short page — try again", 1),
        (OfflineCacheMissError("not cached"), "not cached — run the same command once", 1),
        (DataFormatError("f.json: bad", hint="Save it again."), "f.json: bad — save it again", 1),
        (
            ReporterTimeoutError("slow", url="http://h/v2/projects/search"),
            "cannot reach RePORTER at http://h/v2: slow — check your connection",
            1,
        ),
        (
            ReporterConnectionError("gone", url="http://h/v2/projects/search"),
            "cannot reach RePORTER at http://h/v2: gone — check your connection",
            1,
        ),
    ],
)
def test_error_messages(error: Exception, expected: str, code: int) -> None:
    message, exit_code = error_message(error, "http://h/v2")  # type: ignore[arg-type]
    assert expected in message
    assert "\n" not in message
    assert exit_code == code
