"""The command line through click's CliRunner: stdout (data) and stderr (messages) apart."""

from __future__ import annotations

import csv
import datetime
import email
import io
import json
import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import click
import openpyxl
import pytest
import requests
import responses
from click.testing import CliRunner, Result

from reporter_finder import __version__
from reporter_finder.cli import cli, error_message, parse_years
from reporter_finder.errors import (
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
from reporter_finder.schema import GRANT_COLUMNS, LEAD_LIST_HEADER
from reporter_finder.search import find_mentors
from reporter_finder.tables.records import load_records
from tests.conftest import closed_port

FIXTURES = Path(__file__).parent.parent / "fixtures"
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
    assert names >= {
        "search",
        "grants",
        "pi",
        "specialties",
        "cache",
        "fetch",
        "draft",
        "followups",
    }
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
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--format", "table", "--top", "3",
                 env={"COLUMNS": "80"})  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].split()[:3] == ["rank", "pi_name", "organization"]


def test_search_filters_apply_to_loaded_records() -> None:
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--state", "ca", catch=False)
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert rows
    assert {row["state"] for row in rows} == {"CA"}


def test_search_a_phrase_says_how_it_was_understood() -> None:
    result = run("search", "data ecosystem engagement", "--load", COMMON_FUND, catch=False)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        'Searching "data ecosystem engagement" as a phrase (no specialty I know uses these '
        "words; see 'reporter-finder specialties').\n"
    )
    assert csv_rows(result.stdout)


def test_search_a_phrase_names_the_specialty_whose_vocabulary_it_uses() -> None:
    result = run("search", "sickle cell disease", "--load", COMMON_FUND)
    assert result.stderr.splitlines()[0] == (
        'Searching "sickle cell disease" as a phrase; closest specialty: Hematology '
        '(search "Hematology" to widen).'
    )


def test_search_a_typo_is_announced() -> None:
    result = run("search", "oncolgy", "--load", COMMON_FUND)
    assert result.stderr.splitlines()[0] == (
        'Searching "oncolgy" as Medical Oncology (the closest spelling).'
    )


@pytest.mark.parametrize("phrase", ["clinical research", "the disease", "   "])
def test_search_of_only_generic_words_is_one_line_and_exit_2(tmp_path: Path, phrase: str) -> None:
    out = tmp_path / "leads.csv"
    result = run("search", phrase, "--load", COMMON_FUND, "-o", str(out))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("Error: ")
    assert not out.exists()


def test_search_nothing_matches_is_one_line_exit_1_and_no_file(tmp_path: Path) -> None:
    out = tmp_path / "leads.csv"
    result = run(
        "search", SPECIALTY, "--load", COMMON_FUND, "--state", "WY", "-o", str(out), catch=False
    )
    assert result.exit_code == 1
    assert not out.exists()
    assert result.stderr == (
        "Error: no PIs matched 'oncology', so nothing was written — try more fiscal years "
        "(--years 2015-2026); fewer --state/--city/--institution filters\n"
    )


def test_a_phrase_that_matches_nothing_suggests_the_nearest_specialties(tmp_path: Path) -> None:
    out = tmp_path / "leads.csv"
    result = run("search", "sickle cell disease", "--load", COMMON_FUND, "-o", str(out))
    assert result.exit_code == 1
    assert not out.exists()
    line = result.stderr.splitlines()[-1]
    assert line.startswith("Error: no PIs matched 'sickle cell disease', so nothing was written")
    assert 'try a specialty ("Hematology", ' in line


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
    roles = {row["core_project_num"]: row["role"] for row in rows}
    assert roles == {"R03OD030596": "contact PI", "R03OD034502": "PI (multi-PI)"}
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
    # A bare last name names everyone who has it: six Wangs in the fixture.
    assert result.stderr.strip().splitlines()[-1].startswith("Error: 6 PIs match 'Wang'")
    assert result.stdout == ""


def test_pi_ambiguous_name_prompts_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reporter_finder.cli.terminal._stdin_is_terminal", lambda: True)
    result = run("pi", "Wang", "--load", COMMON_FUND, input="2\n")
    assert result.exit_code == 0, result.stderr
    assert "Which one" in result.stderr
    assert {row["pi_name"] for row in csv_rows(result.stdout)} == {"Yue Wang"}


def test_pi_over_the_network(reporter_server: Any, pubmed_server: Any) -> None:
    result = run("pi", BROWN, "--api-url", reporter_server.url, "--no-cache", catch=False)
    assert result.exit_code == 0, result.stderr
    rows = {row["core_project_num"]: row for row in csv_rows(result.stdout)}
    assert len(rows) == 2
    body = reporter_server.bodies("projects/search")[0]
    assert body["criteria"]["pi_profile_ids"] == [int(BROWN)]
    # RePORTER links one paper to R03OD034502 and none to R03OD030596.
    assert reporter_server.bodies("publications/search")[0]["criteria"]["core_project_nums"] == [
        "R03OD034502",
        "R03OD030596",
    ]
    assert rows["R03OD034502"]["n_publications"] == "1"
    assert rows["R03OD034502"]["pubmed_urls"].startswith("https://pubmed.ncbi.nlm.nih.gov/")
    assert rows["R03OD030596"]["n_publications"] == "0"
    assert pubmed_server.requests[0]["tool"] == ["reporter_finder"]


def test_pi_table_lists_publications_newest_first_with_pmid_and_link(
    reporter_server: Any, pubmed_server: Any
) -> None:
    hu_li = "10519021"  # 16 linked papers over two grants, some with PubMed summaries
    result = run("pi", hu_li, "--api-url", reporter_server.url, "--format", "table", "--no-trials",
                 catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("Publications linked to these grants (16, most recent first):")
    papers = lines[start + 1 :]
    assert len(papers) == 16
    assert all(re.search(r"\(PMID (\d+)\)  https://pubmed\.ncbi\.nlm\.nih\.gov/\1/$", p)
               for p in papers)  # fmt: skip
    assert " — " in papers[0]  # the newest has a PubMed summary: title — journal year
    assert result.stderr == ""


def test_pi_with_load_does_not_look_up_publications() -> None:
    result = run("pi", BROWN, "--load", COMMON_FUND, "--format", "json", catch=False)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(row["n_publications"], row["publications"]) for row in data] == [(None, [])] * 2


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
    assert run("pi", BROWN, "--api-url", reporter_server.url, "--no-publications").exit_code == 0
    assert "responses: 0" not in run("cache", "info").stdout
    # Offline now answers from the cache, without a request.
    requests_before = len(reporter_server.requests)
    offline = run("pi", BROWN, "--api-url", reporter_server.url, "--offline", "--no-publications")
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


# --- publications in the lead list (both APIs mocked with responses) ------------------------

REPORTER = "https://reporter.example.org/v2"
EUTILS = "https://eutils.example.org/entrez/eutils"
ESUMMARY = f"{EUTILS}/esummary.fcgi"
HU_LI = "10519021"


@pytest.fixture
def mocked_apis(monkeypatch: pytest.MonkeyPatch) -> Iterator[responses.RequestsMock]:
    """RePORTER's publications/search (Common Fund links) and esummary (the PubMed fixture)."""
    links = json.loads(Path(PUBLICATIONS).read_text(encoding="utf-8"))["results"]
    docs = json.loads((FIXTURES / "pubmed-esummary.json").read_text(encoding="utf-8"))

    def publications(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        body = json.loads(request.body or b"{}")
        wanted = set(body["criteria"]["core_project_nums"])
        found = [link for link in links if link["coreproject"] in wanted]
        page = found[body["offset"] : body["offset"] + body["limit"]]
        meta = {"total": len(found), "offset": body["offset"], "limit": body["limit"]}
        return 200, {}, json.dumps({"meta": meta, "results": page})

    def esummary(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        ids = _query(request.url)["id"][0].split(",")
        result: dict[str, Any] = {"uids": ids}
        for uid in ids:
            result[uid] = docs["result"].get(uid) or {"uid": uid, "error": "cannot get summary"}
        return 200, {}, json.dumps({"header": docs["header"], "result": result})

    monkeypatch.setenv("REPORTER_FINDER_EUTILS_URL", EUTILS)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.add_callback("POST", f"{REPORTER}/publications/search", callback=publications)
        rsps.add_callback("GET", ESUMMARY, callback=esummary)
        yield rsps


def _query(url: str | None) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url or "").query)


def _calls(rsps: responses.RequestsMock, path: str) -> list[Any]:
    return [call for call in rsps.calls if urlsplit(call.request.url).path.endswith(path)]


def _own_cores(profile_ids: list[str], specialty: str) -> set[str]:
    """The core project numbers of these PIs' own (non-component) grants in the search."""
    links = find_mentors(specialty, records=load_records(COMMON_FUND)).tables.pi_grants
    mine = links[links["pi_key"].isin(profile_ids) & ~links["is_subproject"].fillna(False)]
    return set(mine["core_project_num"])


def _linked_pmids(cores: set[str]) -> list[str]:
    links = json.loads(Path(PUBLICATIONS).read_text(encoding="utf-8"))["results"]
    return sorted({str(link["pmid"]) for link in links if link["coreproject"] in cores}, key=int)


def test_search_looks_up_publications_for_the_top_pis_only(
    mocked_apis: responses.RequestsMock,
) -> None:
    topic = "machine learning"  # Jian Ma (R03OD039980, in the PubMed fixture) is in the top 5
    everyone = csv_rows(run("search", topic, "--load", COMMON_FUND, "--top", "1000").stdout)
    result = run(
        "search", topic, "--load", COMMON_FUND, "--publications", "--top", "5",
        "--api-url", REPORTER, "--email", "ana@example.org", "--no-cache", catch=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert len(rows) == 5 < len(everyone)
    top_cores = _own_cores([row["profile_id"] for row in rows], topic)
    # One batched RePORTER request with the top five PIs' grants, and nobody else's.
    [reporter_call] = _calls(mocked_apis, "/publications/search")
    sent = json.loads(reporter_call.request.body)["criteria"]["core_project_nums"]
    assert set(sent) == top_cores
    assert len(sent) == len(top_cores)
    # One esummary GET with every linked PMID, and NCBI's tool and email parameters.
    [pubmed_call] = _calls(mocked_apis, "/esummary.fcgi")
    query = _query(pubmed_call.request.url)
    assert query["id"][0].split(",") == _linked_pmids(top_cores)
    assert query["tool"] == ["reporter_finder"]
    assert query["email"] == ["ana@example.org"]
    assert query["db"] == ["pubmed"]
    assert "api_key" not in query
    # The lead list: each PI's count of distinct linked papers, at most three citations each.
    counts = [int(row["n_publications"]) for row in rows]
    assert counts == [len(_linked_pmids(_own_cores([row["profile_id"]], topic))) for row in rows]
    assert sum(counts) > 0
    for row, count in zip(rows, counts, strict=True):
        citations = re.findall(r"PMID \d+", row["recent_publications"])
        assert len(citations) == min(count, 3)
    assert any(" — " in row["recent_publications"] for row in rows)  # a PubMed title
    assert "WARNING" not in result.stderr


def test_search_sends_the_ncbi_api_key_from_the_environment(
    mocked_apis: responses.RequestsMock,
) -> None:
    result = run(
        "search", SPECIALTY, "--load", COMMON_FUND, "--publications", "--top", "3",
        "--api-url", REPORTER, "--no-cache", env={"NCBI_API_KEY": "abc123"}, catch=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [pubmed_call] = _calls(mocked_apis, "/esummary.fcgi")
    assert _query(pubmed_call.request.url)["api_key"] == ["abc123"]
    assert "email" not in _query(pubmed_call.request.url)  # optional: none given


def test_search_keeps_pmids_and_warns_once_when_pubmed_is_down(
    mocked_apis: responses.RequestsMock,
) -> None:
    mocked_apis.replace(responses.GET, ESUMMARY, status=503, body="down")
    result = run(
        "search", SPECIALTY, "--load", COMMON_FUND, "--publications", "--top", "5",
        "--api-url", REPORTER, "--no-cache", "--retries", "0", "--format", "json", catch=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert sum(row["n_publications"] for row in data) > 0
    citations = [c for row in data for c in row["recent_publications"]]
    assert citations
    assert all(re.fullmatch(r"PMID \d+", c) for c in citations)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1
    assert "PubMed could not be reached" in warnings[0]


def test_search_offline_without_cached_publications_warns_and_leaves_them_empty() -> None:
    result = run(
        "search", SPECIALTY, "--load", COMMON_FUND, "--publications", "--offline",
        "--api-url", REPORTER, "--top", "5", catch=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert len(rows) == 5
    assert {(row["n_publications"], row["recent_publications"]) for row in rows} == {("", "")}
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1
    assert "not in the cache (offline mode)" in warnings[0]


def test_search_with_load_makes_no_request_and_leaves_publications_empty() -> None:
    # No responses mock and no stand-in: any request would fail the run.
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--top", "5", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(row["n_publications"], row["recent_publications"]) for row in data] == [(None, [])] * 5


def test_search_rejects_a_malformed_email_before_any_request() -> None:
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--publications", "--email", "ana@")
    assert result.exit_code == 2
    assert "'ana@' does not look like an e-mail address" in result.stderr.splitlines()[-1]
    assert result.stdout == ""


# --- draft ----------------------------------------------------------------------------------

APPLICANT = (
    "--name", "Ana Rivera", "--background", "an internal medicine graduate from Peru",
    "--skills", "machine learning, R", "--specialty", "oncology",
    "--duration", "12–24 months", "--visa", "J-1",
)  # fmt: skip


def test_draft_one_pi_from_loaded_records_goes_to_stdout() -> None:
    result = run("draft", HU_LI, "--load", COMMON_FUND, *APPLICANT, "--email", "ana@example.org",
                 catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "Subject: Research Inquiry: Ana Rivera – Uncovering therapeutic-associated biomarkers "
        "via machine learning\n"
    )
    assert "Dear Dr. Li," in result.stdout
    assert "(R03OD034496, funded 2022)" in result.stdout
    assert "for 12–24 months, on a J-1 visa." in result.stdout
    assert result.stdout.rstrip().endswith("Ana Rivera\nana@example.org")
    # The sources are for checking, not for sending: stderr.
    assert "Sources" not in result.stdout
    assert result.stderr.startswith("Sources (check before sending):\n- grant R03OD034496")


def test_draft_one_pi_cites_a_recent_paper_from_pubmed(
    mocked_apis: responses.RequestsMock,
) -> None:
    result = run("draft", HU_LI, "--load", COMMON_FUND, "--publications", *APPLICANT,
                 "--api-url", REPORTER, "--no-cache", catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert re.search(r'I read "[^"]+" \([^)]+, \d{4}\), a paper supported by your NIH '
                     r"grant R03OD0\d+", result.stdout)  # fmt: skip
    assert re.search(r"paper PMID \d+: .*https://pubmed\.ncbi\.nlm\.nih\.gov/", result.stderr)


def test_draft_to_an_eml_file(tmp_path: Path) -> None:
    out = tmp_path / "li.eml"
    result = run("draft", HU_LI, "--load", COMMON_FUND, *APPLICANT, "-o", str(out), catch=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"Wrote the draft to {out}.\n"
    message = email.message_from_bytes(out.read_bytes())
    assert message["X-Unsent"] == "1"
    assert message["Subject"].startswith("Research Inquiry: Ana Rivera")


def _lead_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(LEAD_LIST_HEADER), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({column: row.get(column, "") for column in LEAD_LIST_HEADER}
                         for row in rows)  # fmt: skip
    return path


def test_draft_batch_from_a_lead_list_writes_txt_and_eml_per_lead(tmp_path: Path) -> None:
    leads = tmp_path / "leads.csv"
    made = run("search", SPECIALTY, "--load", COMMON_FUND, "--top", "5", "-o", str(leads))
    assert made.exit_code == 0, made.stderr
    out = tmp_path / "drafts"
    result = run("draft", "--from", str(leads), "--top", "3", "--out", str(out), *APPLICANT,
                 catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 9
    assert [f[:3] for f in files] == ["01-"] * 3 + ["02-"] * 3 + ["03-"] * 3  # ranks
    stems = sorted({name.split(".")[0] for name in files})
    written = [f"{stem}{ext}" for stem in stems for ext in (".txt", ".eml", ".sources.txt")]
    assert result.stderr == f"Wrote 3 drafts to {out}: {', '.join(written)}\n"
    first_lead = csv_rows(leads.read_text(encoding="utf-8"))[0]
    first = (out / f"{stems[0]}.txt").read_text(encoding="utf-8")
    assert first_lead["top_grant_number"] in first
    assert "Sources" not in first  # what you send, only
    sources = (out / f"{stems[0]}.sources.txt").read_text(encoding="utf-8")
    assert f"- grant {first_lead['top_grant_number']}:" in sources
    # A second run refuses to replace them, and writes nothing.
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run("draft", "--from", str(leads), "--top", "3", "--out", str(out), *APPLICANT)
    assert again.exit_code == 2
    assert again.stderr.strip().splitlines()[-1] == (
        f"Error: {out / written[0]} exists (and 8 more); nothing was written — pass --force to "
        "replace it"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    forced = run("draft", "--from", str(leads), "--top", "3", "--out", str(out), *APPLICANT,
                 "--force")  # fmt: skip
    assert forced.exit_code == 0, forced.stderr


def test_draft_batch_reads_the_xlsx_lead_list_search_wrote(tmp_path: Path) -> None:
    drafts = {}
    for ext in ("csv", "xlsx"):
        leads = tmp_path / f"leads.{ext}"
        made = run("search", SPECIALTY, "--load", COMMON_FUND, "--top", "3", "-o", str(leads))
        assert made.exit_code == 0, made.stderr
        out = tmp_path / ext
        result = run("draft", "--from", str(leads), "--out", str(out), *APPLICANT, catch=False)
        assert result.exit_code == 0, result.stderr
        drafts[ext] = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.txt")}
    assert len(drafts["xlsx"]) == 3 * 2  # the e-mails and their sources
    assert drafts["xlsx"] == drafts["csv"]  # the same lead list, whichever format holds it


def test_draft_batch_cites_the_lead_lists_own_paper_without_pubmed(tmp_path: Path) -> None:
    leads = _lead_csv(tmp_path / "leads.csv", [{
        "rank": "1", "pi_name": "Hu Li", "profile_id": HU_LI,
        "top_grant_title": "Uncovering therapeutic-associated biomarkers via machine learning",
        "top_grant_number": "R03OD034496", "n_publications": "2",
        "recent_publications": "A new model — PLoS Comput Biol 2025 (PMID 41263098); PMID 7",
    }])  # fmt: skip
    out = tmp_path / "drafts"
    result = run("draft", "--from", str(leads), "--out", str(out), *APPLICANT, catch=False)
    assert result.exit_code == 0, result.stderr
    text = (out / "01-li-hu.txt").read_text(encoding="utf-8")
    assert 'I read "A new model" (PLoS Comput Biol, 2025), a paper from your' in text
    assert "paper PMID 41263098" in (out / "01-li-hu.sources.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give one PI's PROFILE_ID or --from LEADS.csv"),
        ([HU_LI, "--from", PUBLICATIONS], "give one PI's PROFILE_ID or --from LEADS.csv"),
    ],
    ids=["neither", "both"],
)
def test_draft_needs_exactly_one_source(args: list[str], message: str) -> None:
    result = run("draft", *args, *APPLICANT, "--load", COMMON_FUND)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_draft_without_a_name_is_a_usage_error() -> None:
    result = run("draft", HU_LI, "--load", COMMON_FUND, "--background", "a graduate")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == ("Error: drafts need --name (who is writing)")


def test_draft_with_a_bad_template_is_one_line(tmp_path: Path) -> None:
    template = tmp_path / "mine.txt"
    template.write_text("Subject: Hi {{ nickname }}\n\nDear {{ salutation }},\n", encoding="utf-8")
    result = run("draft", HU_LI, "--load", COMMON_FUND, *APPLICANT, "--template", str(template))
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: the template uses an unknown field: nickname — known fields:")
    assert result.stdout == ""


def test_draft_with_a_user_template(tmp_path: Path) -> None:
    template = tmp_path / "mine.txt"
    template.write_text("Subject: About {{ grant_number }}\n\nDear {{ salutation }}, hello.\n",
                        encoding="utf-8")  # fmt: skip
    result = run("draft", HU_LI, "--load", COMMON_FUND, *APPLICANT, "--template", str(template))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Subject: About R03OD034496\n\nDear Dr. Li, hello.\n"


def test_draft_for_a_profile_id_not_in_the_data() -> None:
    result = run("draft", "1", "--load", COMMON_FUND, *APPLICANT)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: PI '1' is not in the data")


# --- --as-of --------------------------------------------------------------------------------

#: A date on which grants of the fixture were running that have ended by now.
AS_OF = "2021-01-01"
#: Fiscal years that keep the same records whatever the date (the default follows --as-of).
FIXTURE_YEARS = ("--years", "2020-2026")


def _active_grants_by_pi(*extra: str) -> dict[str, str]:
    result = run("search", SPECIALTY, "--load", COMMON_FUND, *FIXTURE_YEARS, "--top", "1000",
                 *extra, catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return {row["profile_id"]: row["n_active_grants"] for row in csv_rows(result.stdout)}


def test_search_as_of_counts_the_grants_active_on_that_date() -> None:
    today = _active_grants_by_pi()
    then = _active_grants_by_pi("--as-of", AS_OF)
    assert then.keys() == today.keys()
    assert sum(map(int, then.values())) > sum(map(int, today.values()))
    expected = find_mentors(SPECIALTY, records=load_records(COMMON_FUND), years=range(2020, 2027),
                            as_of=datetime.date(2021, 1, 1)).ranked  # fmt: skip
    assert then == {
        str(pid): str(n)
        for pid, n in zip(expected["profile_id"], expected["n_active_grants"], strict=True)
    }


def test_search_without_as_of_judges_activity_today() -> None:
    expected = find_mentors(SPECIALTY, records=load_records(COMMON_FUND),
                            years=range(2020, 2027)).ranked  # fmt: skip
    assert _active_grants_by_pi() == {str(pid): str(n) for pid, n in
                                      zip(expected["profile_id"], expected["n_active_grants"],
                                          strict=True)}  # fmt: skip


def test_grants_as_of_sets_is_active_and_months_left_from_that_date() -> None:
    result = run("grants", SPECIALTY, "--load", COMMON_FUND, *FIXTURE_YEARS, "--as-of", AS_OF,
                 "--format", "json", catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows
    on = datetime.date(2021, 1, 1)
    for row in rows:
        end = datetime.date.fromisoformat(row["project_end_date"][:10])
        assert row["is_active"] is (end >= on)
        assert row["months_left"] > 0 if end > on else row["months_left"] <= 0
    today = json.loads(run("grants", SPECIALTY, "--load", COMMON_FUND, *FIXTURE_YEARS,
                           "--format", "json").stdout)  # fmt: skip
    assert sum(r["is_active"] for r in rows) > sum(r["is_active"] for r in today)


def test_grants_active_only_keeps_the_grants_active_on_as_of() -> None:
    args = ("grants", SPECIALTY, "--load", COMMON_FUND, *FIXTURE_YEARS, "--active-only")
    then = csv_rows(run(*args, "--as-of", AS_OF, catch=False).stdout)
    today = csv_rows(run(*args, catch=False).stdout)
    assert len(then) > len(today)
    assert {row["is_active"] for row in then} == {"True"}


def test_pi_as_of_judges_the_pis_grants_on_that_date() -> None:
    today = csv_rows(run("pi", BROWN, "--load", COMMON_FUND, catch=False).stdout)
    then = csv_rows(run("pi", BROWN, "--load", COMMON_FUND, "--as-of", AS_OF, catch=False).stdout)
    assert {row["is_active"] for row in today} == {"False"}  # both ended by 2025
    assert {row["is_active"] for row in then} == {"True"}


def test_draft_for_one_pi_builds_its_tables_as_of_the_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The draft cites the grant active on that date first; spy on the date the tables get.
    import reporter_finder.tables.build as tables_module

    seen: list[Any] = []
    real = tables_module.build_tables

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("as_of"))
        return real(*args, **kwargs)

    monkeypatch.setattr(tables_module, "build_tables", spy)
    result = run("draft", HU_LI, "--load", COMMON_FUND, *APPLICANT, "--as-of", AS_OF,
                 catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert seen == [datetime.date(2021, 1, 1)]


@pytest.mark.parametrize("value", ["2021-13-01", "yesterday", "20210101", "2021-1-1"])
def test_as_of_that_is_not_a_date_is_a_one_line_usage_error(value: str) -> None:
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--as-of", value)
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last == (f"Error: Invalid value for '--as-of': {value!r} is not a date — "
                    "use YYYY-MM-DD, e.g. --as-of 2025-06-01")  # fmt: skip
    assert result.stdout == ""


# --- followups ------------------------------------------------------------------------------


def _days_ago(days: int) -> str:
    return (datetime.date.today() - datetime.timedelta(days=days)).isoformat()


@pytest.fixture
def edited_leads(tmp_path: Path) -> Path:
    """A lead list after a few weeks of outreach: two due, three not."""
    return _lead_csv(tmp_path / "leads.csv", [
        {"rank": "1", "pi_name": "Hu Li", "organization": "MAYO", "status": "contacted",
         "contacted_on": _days_ago(8), "top_grant_title": "Biomarkers via machine learning",
         "top_grant_number": "R03OD034496", "notes": "asked about R01, \"maybe\""},
        {"rank": "2", "pi_name": "Jian Ma", "organization": "CMU", "status": "Replied",
         "contacted_on": _days_ago(30), "top_grant_title": "Spatial omics",
         "top_grant_number": "R03OD039980"},
        {"rank": "3", "pi_name": "Sharon Diskin", "organization": "CHOP",
         "contacted_on": _days_ago(20), "top_grant_title": "Pediatric cancer data",
         "top_grant_number": "U24OD038422"},
        {"rank": "4", "pi_name": "Kristin Ardlie", "organization": "BROAD", "status": "sent",
         "contacted_on": _days_ago(2), "top_grant_title": "GTEx", "top_grant_number": "U24X"},
        {"rank": "5", "pi_name": "Titus Brown", "organization": "UC DAVIS", "status": "sent",
         "contacted_on": _days_ago(40), "follow_up_on": _days_ago(30),
         "top_grant_title": "Training", "top_grant_number": "R03OD030596"},
    ])  # fmt: skip


def test_followups_lists_the_due_leads_oldest_first(edited_leads: Path) -> None:
    result = run("followups", str(edited_leads), "--days", "7", "--format", "csv", catch=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "rank,pi_name,organization,contacted_on,days_waiting,top_grant_title"
    )
    rows = csv_rows(result.stdout)
    assert [(r["pi_name"], r["days_waiting"]) for r in rows] == [
        ("Sharon Diskin", "20"),
        ("Hu Li", "8"),
    ]
    assert rows[0]["contacted_on"] == _days_ago(20)
    assert result.stderr == (
        "Follow-ups: 2 due, 1 waiting (contacted less than 7 days ago), 2 done (1 followed up, "
        "1 answered); 0 not contacted yet.\n"
    )


def test_followups_table_format(edited_leads: Path) -> None:
    result = run("followups", str(edited_leads), "--days", "1", "--format", "table", catch=False)
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header == ["rank", "pi_name", "organization", "contacted_on", "days_waiting",
                      "top_grant_title"]  # fmt: skip
    assert len(result.stdout.splitlines()) == 2 + 3  # header, rule, 3 due


def test_followups_write_round_trip_keeps_the_users_edits(edited_leads: Path) -> None:
    before = edited_leads.read_bytes()
    result = run("followups", str(edited_leads), "--write", "--on", "2026-11-24",
                 "--format", "csv", catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert len(csv_rows(result.stdout)) == 2
    assert result.stderr.splitlines()[-1] == (
        f"Set follow_up_on to 2026-11-24 on 2 rows of {edited_leads}."
    )
    after = edited_leads.read_bytes()
    # Only the two follow_up_on cells changed: same bytes once the dates are taken out.
    assert after.count(b"2026-11-24") == 2
    assert after.replace(b"2026-11-24", b"") == before
    rows = {r["pi_name"]: r for r in csv_rows(after.decode("utf-8"))}
    assert rows["Hu Li"]["notes"] == 'asked about R01, "maybe"'
    assert rows["Jian Ma"]["follow_up_on"] == ""
    # Nobody is due any more.
    again = run("followups", str(edited_leads), "--format", "csv", catch=False)
    assert csv_rows(again.stdout) == []
    assert again.stderr.startswith("Follow-ups: 0 due, 1 waiting (contacted less than 7 days "
                                   "ago), 4 done (3 followed up, 1 answered)")  # fmt: skip


def _as_workbook(leads: Path) -> Path:
    path = leads.with_suffix(".xlsx")
    workbook = openpyxl.Workbook()
    workbook.active.title = "leads"
    for row in csv.reader(io.StringIO(leads.read_text(encoding="utf-8"))):
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_followups_write_into_an_xlsx_lead_list(edited_leads: Path) -> None:
    path = _as_workbook(edited_leads)
    result = run("followups", str(path), "--write", "--on", "2026-11-24", "--format", "csv",
                 catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [r["pi_name"] for r in csv_rows(result.stdout)] == ["Sharon Diskin", "Hu Li"]
    assert result.stderr.splitlines()[-1] == f"Set follow_up_on to 2026-11-24 on 2 rows of {path}."
    sheet = openpyxl.load_workbook(path)["leads"]
    header = [c.value for c in sheet[1]]
    name, column = header.index("pi_name") + 1, header.index("follow_up_on") + 1
    written = {sheet.cell(row=r, column=name).value: sheet.cell(row=r, column=column).value
               for r in range(2, 7)}  # fmt: skip
    assert written["Hu Li"] == written["Sharon Diskin"] == datetime.datetime(2026, 11, 24)
    assert written["Jian Ma"] is None
    assert written["Titus Brown"] == _days_ago(30)  # the user's own text, untouched


def test_followups_writes_follow_up_drafts_beside_the_first_ones(
    edited_leads: Path, tmp_path: Path
) -> None:
    out = tmp_path / "drafts"
    first = run("draft", "--from", str(edited_leads), "--top", "3", "--out", str(out), *APPLICANT)
    assert first.exit_code == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = run("followups", str(edited_leads), "--draft", "--out", str(out), *APPLICANT,
                 "--format", "csv", catch=False)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir() if ".followup." in p.name)
    assert names == ["01-li-hu.followup.eml", "01-li-hu.followup.txt",
                     "03-diskin-sharon.followup.eml", "03-diskin-sharon.followup.txt"]  # fmt: skip
    # The first drafts are untouched, and each follow-up replies to its first draft.
    assert {n: b for n, b in ((p.name, p.read_bytes()) for p in out.iterdir()) if n in before} \
        == before  # fmt: skip
    first_subject = (out / "01-li-hu.txt").read_text(encoding="utf-8").split("\n")[0]
    text = (out / "01-li-hu.followup.txt").read_text(encoding="utf-8")
    assert text.startswith(first_subject.replace("Subject: ", "Subject: Re: ") + "\n")
    assert "I wrote to you on " in text
    assert result.stderr.splitlines()[-1].startswith(f"Wrote 2 follow-up drafts to {out}: ")
    # Run again with --write: the follow-ups exist, so nothing is replaced without --force —
    # and nothing else is written: no table, no follow_up_on.
    sheet = edited_leads.read_bytes()
    again = run("followups", str(edited_leads), "--draft", "--out", str(out), *APPLICANT,
                "--format", "csv", "--write")  # fmt: skip
    assert again.exit_code == 2
    assert again.stdout == ""
    assert again.stderr == (
        f"Error: {out / '03-diskin-sharon.followup.txt'} exists (and 3 more); nothing was "
        "written — pass --force to replace it\n"
    )
    assert edited_leads.read_bytes() == sheet


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--on", "2026-11-24"], 2, "--on sets the date --write writes: add --write"),
        (["--draft"], 2, "drafts need --name and --background"),
        (["--days", "-1"], 2, "Invalid value for '--days'"),
        (
            ["--dayfirst", "--monthfirst"],
            2,
            "--dayfirst and --monthfirst contradict each other: pick one",
        ),
    ],
)
def test_followups_usage_errors(
    edited_leads: Path, args: list[str], code: int, message: str
) -> None:
    result = run("followups", str(edited_leads), *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert result.stdout == ""


def test_followups_with_an_unreadable_date_names_the_row(tmp_path: Path) -> None:
    leads = _lead_csv(tmp_path / "leads.csv", [{"pi_name": "A", "contacted_on": "last week"}])
    result = run("followups", str(leads))
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: contacted_on has values that are not dates: row 2: 'last week'")
    assert result.stdout == ""


def test_followups_refuses_an_ambiguous_date_and_writes_nothing(tmp_path: Path) -> None:
    leads = _lead_csv(tmp_path / "leads.csv", [
        {"pi_name": "Hu Li", "contacted_on": "30/10/2026", "top_grant_title": "T",
         "top_grant_number": "R03OD034496"},
        {"pi_name": "Jian Ma", "contacted_on": "03/11/2026", "top_grant_title": "T",
         "top_grant_number": "R03OD039980"},
    ])  # fmt: skip
    before = leads.read_bytes()
    table, drafts = tmp_path / "due.csv", tmp_path / "drafts"
    args = ["followups", str(leads), "-o", str(table), "--write", "--draft", "--out",
            str(drafts), *APPLICANT]  # fmt: skip
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: contacted_on has dates that could be day-first or month-first: row 3: "
        "'03/11/2026' — say which comes first (--dayfirst or --monthfirst; order= in Python), "
        "or write YYYY-MM-DD (row 2 '30/10/2026' is day-first)"
    )
    assert result.stdout == ""
    assert leads.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leads.csv"]  # no table, no drafts

    done = run(*args, "--dayfirst", "--on", "2026-11-24", catch=False)
    assert done.exit_code == 0, done.stderr
    assert [r["contacted_on"] for r in csv_rows(table.read_text(encoding="utf-8"))] == [
        "2026-10-30", "2026-11-03",
    ]  # fmt: skip
    followup = (drafts / "02-ma-jian.followup.txt").read_text(encoding="utf-8")
    assert "I wrote to you on 3 November" in followup
    assert leads.read_bytes().count(b"2026-11-24") == 2


# --- bad inputs: one line, the right exit code, no traceback --------------------------------


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


NO_NETWORK = (
    "Error: Cannot reach {host} (no network?). Use --offline for cached answers or --load FILE "
    "for saved records.\n"
)


def test_unreachable_api_is_one_line_and_exit_1() -> None:
    port = closed_port()
    url = f"http://127.0.0.1:{port}/v2"
    result = run("pi", BROWN, "--api-url", url, "--no-cache")  # default retries
    assert result.exit_code == 1
    assert result.stderr == NO_NETWORK.format(host=f"127.0.0.1:{port}")


def test_no_network_is_one_line_without_retries(tmp_path: Path, no_dns: list[str]) -> None:
    # Regression: the README's first command printed four retry warnings, then failed (~16 s).
    out = tmp_path / "leads.csv"
    result = run("search", "cardiology", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == NO_NETWORK.format(host="api.reporter.nih.gov")
    assert no_dns == ["api.reporter.nih.gov"]  # asked once, not retried
    assert not out.exists()


def test_search_load_with_publications_without_network_writes_the_list(
    tmp_path: Path, no_dns: list[str]
) -> None:
    # Regression: --load … --publications failed as a whole when RePORTER was out of reach.
    out = tmp_path / "leads.csv"
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--publications", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(out.read_text(encoding="utf-8"))
    assert rows
    assert all(row["n_publications"] == row["recent_publications"] == "" for row in rows)
    assert result.stderr.splitlines() == [
        "Warning: the publication columns need the network (cannot reach api.reporter.nih.gov); "
        "the lead list is written without them.",
        f"Wrote {len(rows)} PIs to {out} (csv).",
    ]


def test_search_load_with_publications_when_reporter_times_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporter_finder.api.reporter import ReporterClient

    def slow(*args: Any, **kwargs: Any) -> Any:
        url = "https://api.reporter.nih.gov/v2/publications/search"
        raise ReporterTimeoutError("RePORTER did not answer within 60 s", url=url)

    monkeypatch.setattr(ReporterClient, "iter_publications", slow)
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--publications", "--top", "3")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "Warning: the publication columns need the network (api.reporter.nih.gov did not answer "
        "in time); the lead list is written without them."
    ]
    assert len(csv_rows(result.stdout)) == 3


def test_search_publications_do_not_hide_bugs(monkeypatch: pytest.MonkeyPatch) -> None:
    from reporter_finder.api.reporter import ReporterClient

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("coreproject")

    monkeypatch.setattr(ReporterClient, "iter_publications", broken)
    result = run("search", SPECIALTY, "--load", COMMON_FUND, "--publications")
    assert result.exit_code == 1
    assert "this is a bug" in result.stderr


def test_api_url_from_the_environment() -> None:
    port = closed_port()
    url = f"http://127.0.0.1:{port}/v2"
    result = run("pi", BROWN, "--retries", "0", env={"REPORTER_FINDER_API_URL": url})
    assert f"Cannot reach 127.0.0.1:{port} (no network?)" in result.stderr


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
    result = run("pi", BROWN, "-v", "--api-url", reporter_server.url, "--no-cache",
                 "--no-publications")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "/v2/projects/search" in result.stderr
    assert "DEBUG" in result.stderr


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(path: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr("reporter_finder.tables.records.load_records", interrupted)
    result = run("pi", BROWN, "--load", COMMON_FUND)
    assert result.exit_code == 130
    assert result.stderr.strip() == "Interrupted."


def test_unexpected_errors_are_one_line_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr("reporter_finder.tables.records.load_records", broken)
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


def test_search_since_reads_an_xlsx_lead_list_as_it_reads_the_csv(tmp_path: Path) -> None:
    """--since is "search --load-style reuse" of a lead list: CSV and XLSX alike (listed_on
    is a real date cell in the workbook)."""
    lines, rows = {}, {}
    for ext in ("csv", "xlsx"):
        old = tmp_path / f"leads.{ext}"
        made = run("search", SPECIALTY, "--load", COMMON_FUND, "--as-of", "2025-06-01",
                   "--top", "10", "-o", str(old))  # fmt: skip
        assert made.exit_code == 0, made.stderr
        new = tmp_path / f"new-from-{ext}.csv"
        again = run("search", SPECIALTY, "--load", COMMON_FUND, "--as-of", "2026-06-01",
                    "--top", "10", "--since", str(old), "-o", str(new), catch=False)  # fmt: skip
        assert again.exit_code == 0, again.stderr
        lines[ext] = [line for line in again.stderr.splitlines() if line.startswith("new since")]
        rows[ext] = [(r["pi_name"], r["new_pi"], r["new_awards"]) for r in
                     csv_rows(new.read_text(encoding="utf-8"))]  # fmt: skip
    assert lines["csv"] == lines["xlsx"]
    assert lines["xlsx"][0].startswith("new since 2025-06-01: ")
    assert rows["csv"] == rows["xlsx"]
