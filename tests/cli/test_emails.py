"""The lead list's sourced e-mail addresses, end to end: RePORTER links the PIs' grants to
papers, PubMed's efetch (the stand-in serving real records) shows who wrote them, and the
address in the PI's own affiliation lands in the list with its provenance."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner, Result

import reporter_finder.api.transport as transport
from reporter_finder.cli import cli
from tests.conftest import load_fixture
from tests.standin import StandIn, synthetic_records

pytestmark = pytest.mark.e2e

#: PIs named as authors of the real efetch samples: (first, last, core project, PMID).
PIS = [
    ("Hua", "Yu", "R01CA900001", 35649368),  # "hyu@coh.org" on her own affiliation
    ("Eric", "Oliver", "R01CA900002", 32976730),  # one address on three authors: his name
    ("Lena", "Nobody", "R01CA900003", 24084238),  # a paper without any address
]


def _pi(first: str, last: str, pid: int) -> dict[str, Any]:
    return {"profile_id": pid, "first_name": first, "middle_name": "", "last_name": last,
            "full_name": f"{first} {last}", "is_contact_pi": True,
            "title": "PROFESSOR"}  # fmt: skip


@pytest.fixture
def server() -> Iterator[StandIn]:
    template = [r for r in load_fixture("projects-common-fund.json")["results"]
                if r["subproject_id"] is None][:1]  # fmt: skip
    records = []
    for i, (first, last, core, _pmid) in enumerate(PIS):
        record = synthetic_records(template, 1, start=60_000_000 + i)[0]
        record.update(
            core_project_num=core, project_num=f"5{core}-02", activity_code="R01",
            fiscal_year=2026, is_active=True, principal_investigators=[_pi(first, last, 900 + i)],
            project_title=f"Cancer genomics and tumor evolution, part {i}",
            abstract_text="We study cancer genomics, tumor evolution and metastasis.",
        )  # fmt: skip
        records.append(record)
    links = [{"coreproject": core, "pmid": pmid, "applid": 60_000_000 + i}
             for i, (_f, _l, core, pmid) in enumerate(PIS)]  # fmt: skip
    with StandIn(records, links) as standin:
        yield standin


@pytest.fixture(autouse=True)
def _no_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    real = transport.Throttle
    monkeypatch.setattr(transport, "Throttle", lambda interval, **kw: real(0.0, **kw))


def search(server: StandIn, *extra: str) -> Result:
    return CliRunner().invoke(cli, [
        "search", "oncology", "--api-url", server.url, "--no-cache", "--email", "me@example.org",
        "--as-of", "2026-06-01", "--format", "csv", *extra,
    ])  # fmt: skip


def by_name(result: Result) -> dict[str, dict[str, str]]:
    return {row["pi_name"]: row for row in csv.DictReader(io.StringIO(result.stdout))}


def test_the_lead_list_carries_sourced_addresses(server: StandIn, pubmed_server: Any) -> None:
    result = search(server)
    assert result.exit_code == 0, result.stderr
    rows = by_name(result)
    yu, oliver, nobody = rows["Hua Yu"], rows["Eric Oliver"], rows["Lena Nobody"]
    assert (yu["email"], yu["email_pmid"], yu["email_year"]) == ("hyu@coh.org", "35649368", "2022")
    assert yu["email_match"] == "local part matches the name"
    assert (oliver["email"], oliver["email_pmid"]) == ("eric.oliver@dal.ca", "32976730")
    assert oliver["email_match"] == "local part matches the name; may be outdated"  # 2020
    assert (nobody["email"], nobody["email_pmid"], nobody["email_match"]) == ("", "", "")


def test_an_address_from_an_old_paper_is_marked(server: StandIn, pubmed_server: Any) -> None:
    rows = by_name(search(server))
    assert rows["Eric Oliver"]["email_year"] == "2020"  # more than five years before 2026-06
    assert rows["Eric Oliver"]["email_match"].endswith("; may be outdated")
    assert rows["Hua Yu"]["email_year"] == "2022"
    assert not rows["Hua Yu"]["email_match"].endswith("may be outdated")


def test_pubmed_down_writes_the_list_and_says_why(server: StandIn, pubmed_server: Any) -> None:
    pubmed_server.fail_next(503, times=20)
    result = search(server, "--retries", "0")
    assert result.exit_code == 0, result.stderr
    assert {row["email"] for row in by_name(result).values()} == {""}
    line = [x for x in result.stderr.splitlines() if "no address" in x]
    assert len(line) == 1
    assert line[0].startswith("Warning: PubMed could not be read (")
    assert line[0].endswith(": 3 of 3 PIs have no address; the email columns are empty for them.")


def test_require_email_turns_it_into_a_failure(server: StandIn, pubmed_server: Any) -> None:
    pubmed_server.fail_next(503, times=20)
    result = search(server, "--retries", "0", "--require-email")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1].startswith("Error: PubMed could not be read (")


def test_pi_output_repeats_the_address_on_every_grant_row(
    server: StandIn, pubmed_server: Any
) -> None:
    result = CliRunner().invoke(cli, [
        "pi", "900", "--api-url", server.url, "--no-cache", "--email", "me@example.org",
        "--as-of", "2026-06-01", "--format", "csv",
    ])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    assert {(r["email"], r["email_pmid"], r["email_year"], r["email_match"]) for r in rows} == {
        ("hyu@coh.org", "35649368", "2022", "local part matches the name")
    }


def test_the_eml_draft_is_addressed_to_the_sourced_address(
    server: StandIn, pubmed_server: Any, tmp_path: Any
) -> None:
    out = tmp_path / "yu.eml"
    result = CliRunner().invoke(cli, [
        "draft", "900", "--api-url", server.url, "--no-cache", "--email", "me@example.org",
        "--name", "Ana Rivera", "--background", "an internal medicine graduate from Peru",
        "--as-of", "2026-06-01", "-o", str(out),
    ])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "To: Hua Yu <hyu@coh.org>" in out.read_text(encoding="utf-8")


def test_drafts_from_a_lead_list_use_its_email_column(
    server: StandIn, pubmed_server: Any, tmp_path: Any
) -> None:
    leads = tmp_path / "leads.csv"
    made = search(server, "-o", str(leads))
    assert made.exit_code == 0, made.stderr
    result = CliRunner().invoke(cli, [
        "draft", "--from", str(leads), "--top", "3", "--out", str(tmp_path / "drafts"),
        "--name", "Ana Rivera", "--background", "an internal medicine graduate from Peru",
        "--email", "me@example.org",
    ])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    emls = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "drafts").glob("*.eml")}
    to = sorted(line for text in emls.values() for line in text.splitlines()
                if line.startswith("To:"))  # fmt: skip
    assert to == ["To: Eric Oliver <eric.oliver@dal.ca>", "To: Hua Yu <hyu@coh.org>"]


def test_broken_pubmed_xml_writes_the_list_and_says_why(
    server: StandIn, pubmed_server: Any
) -> None:
    pubmed_server.break_next(times=20)  # every efetch answer cut in the middle
    result = search(server, "--retries", "1")
    assert result.exit_code == 0, result.stderr
    assert {row["email"] for row in by_name(result).values()} == {""}
    assert "PIs have no address; the email columns are empty for them." in result.stderr


def test_eutils_url_option_points_at_another_root(
    server: StandIn, pubmed_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPORTER_FINDER_EUTILS_URL")
    result = search(server, "--eutils-url", pubmed_server.base_url)
    assert result.exit_code == 0, result.stderr
    assert by_name(result)["Hua Yu"]["email"] == "hyu@coh.org"
