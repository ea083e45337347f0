"""The clinical track end to end: RePORTER (stand-in) ranks the PIs, ClinicalTrials.gov
(stand-in, real v2 study files with their ids and officials set per test) gives each top PI's
trials by grant id and by official name at the PI's organisation, and the lead list, the
ranking, ``pi`` and ``draft`` show them."""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import pytest
from click.testing import CliRunner, Result

import reporter_finder.api.transport as transport
from reporter_finder.cli import cli
from tests.conftest import FIXTURES

pytestmark = pytest.mark.e2e

TEMPLATE = "ctgov-v2-study-NCT06171568-two-officials-central-contact-emails.json"
BASE = ["medical genetics", "--no-cache", "--no-publications", "--as-of", "2026-11-24",
        "--track", "clinical", "--format", "csv", "--top", "7"]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    real = transport.Throttle
    monkeypatch.setattr(transport, "Throttle", lambda interval, **kw: real(0.0, **kw))


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def rows(result: Result) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(result.stdout)))


def study(nct: str, status: str, *, grant: str | None = None,
          official: tuple[str, str] | None = None) -> dict[str, Any]:  # fmt: skip
    """A real v2 study with its NCT id, status, secondary ids and officials replaced."""
    data = copy.deepcopy(json.loads((FIXTURES / TEMPLATE).read_text(encoding="utf-8")))
    section = data["protocolSection"]
    section["identificationModule"]["nctId"] = nct
    section["identificationModule"]["secondaryIdInfos"] = (
        [{"id": grant, "type": "NIH"}] if grant else []
    )
    section["statusModule"]["overallStatus"] = status
    people = section["contactsLocationsModule"]
    people["overallOfficials"] = (
        [{"name": official[0], "affiliation": official[1], "role": "PRINCIPAL_INVESTIGATOR"}]
        if official else []
    )  # fmt: skip
    return data


@pytest.fixture
def ranked(reporter_server: Any) -> list[dict[str, str]]:
    """The clinical-track ranking without trials: who is where."""
    result = run("search", *BASE, "--api-url", reporter_server.url, "--no-trials")
    assert result.exit_code == 0, result.stderr
    found = rows(result)
    assert len(found) == 7
    return found


@pytest.fixture
def trials(ctgov_server: Any, ranked: list[dict[str, str]]) -> dict[str, Any]:
    """Rank 6 runs a recruiting trial citing their grant in another spelling; rank 4 is an
    official of a not-yet-recruiting trial at their organisation; a namesake of rank 4 leads
    a trial elsewhere; rank 2 has a completed trial."""
    by_grant, by_name, done = ranked[5], ranked[3], ranked[1]
    core = by_grant["top_grant_number"]  # e.g. R03OD039976
    spelled = f"5{core[:3]} {core[3:5]}-{core[5:]}-02"  # "5R03 OD-039976-02"
    first, last = by_name["pi_name"].split()[0], by_name["pi_name"].split()[-1]
    org = by_name["organization"].title()
    ctgov_server.add_study(study("NCT09000001", "RECRUITING", grant=spelled))
    ctgov_server.add_study(
        study("NCT09000002", "NOT_YET_RECRUITING", official=(f"{first} {last}, MD", org))
    )
    ctgov_server.add_study(
        study("NCT09000003", "RECRUITING", official=(f"{first} {last}", "Nowhere Institute"))
    )
    ctgov_server.add_study(study("NCT09000004", "COMPLETED", grant=done["top_grant_number"]))
    return {"grant": by_grant, "name": by_name, "done": done}


def test_the_lead_list_carries_each_pis_trials(
    reporter_server: Any, ctgov_server: Any, trials: dict[str, Any]
) -> None:
    result = run("search", *BASE, "--api-url", reporter_server.url)
    assert result.exit_code == 0, result.stderr
    assert "Warning" not in result.stderr
    by_key = {r["profile_id"]: r for r in rows(result)}
    grant = by_key[trials["grant"]["profile_id"]]
    assert (grant["n_trials"], grant["n_recruiting_trials"], grant["trial_nct_ids"]) == (
        "1",
        "1",
        "NCT09000001",
    )
    # The template's central contact, and the trial it comes from.
    assert grant["trial_contact_email"]
    assert grant["trial_contact_nct"] == "NCT09000001"
    named = by_key[trials["name"]["profile_id"]]
    assert named["trial_nct_ids"] == "NCT09000002"  # not the namesake's NCT09000003
    done = by_key[trials["done"]["profile_id"]]
    assert (done["n_trials"], done["n_recruiting_trials"]) == ("1", "0")
    others = [r for k, r in by_key.items() if k not in {p["profile_id"] for p in trials.values()}]
    assert {r["n_trials"] for r in others} == {"0"}  # looked up, none: 0, not empty


def test_the_clinical_track_lifts_a_pi_with_a_recruiting_trial_and_says_why(
    reporter_server: Any, ctgov_server: Any, trials: dict[str, Any], ranked: list[dict[str, str]]
) -> None:
    result = run("search", *BASE, "--api-url", reporter_server.url)
    assert result.exit_code == 0, result.stderr
    after = {r["profile_id"]: r for r in rows(result)}
    lifted = after[trials["grant"]["profile_id"]]
    assert lifted["why"].endswith("; runs a recruiting NIH-funded trial: NCT09000001")
    assert int(lifted["rank"]) < int(trials["grant"]["rank"])
    assert after[trials["name"]["profile_id"]]["why"].endswith(
        "; runs an NIH-funded trial about to recruit: NCT09000002"
    )
    assert "trial" not in after[trials["done"]["profile_id"]]["why"]  # completed: no credit
    # The postdoc track does not weigh trials: the same order as without them.
    postdoc = [a if a != "clinical" else "postdoc" for a in BASE]
    plain = run("search", *postdoc, "--api-url", reporter_server.url, "--no-trials")
    with_trials = run("search", *postdoc, "--api-url", reporter_server.url)
    assert [r["profile_id"] for r in rows(with_trials)] == [r["profile_id"] for r in rows(plain)]


def test_clinicaltrials_gov_down_leaves_the_columns_empty_with_one_line(
    reporter_server: Any, ctgov_server: Any
) -> None:
    ctgov_server.fail_next(503, "Service Unavailable", times=50)
    result = run("search", *BASE, "--api-url", reporter_server.url, "--retries", "0")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "ClinicalTrials.gov" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith("Warning: ClinicalTrials.gov could not be asked (")
    assert warnings[0].endswith("; the trial columns are empty.")
    found = rows(result)
    assert len(found) == 7  # the lead list is still written …
    assert {r["n_trials"] for r in found} == {""}  # … with "not looked up", never 0


def test_pi_shows_the_trials_in_every_format(
    reporter_server: Any, ctgov_server: Any, trials: dict[str, Any]
) -> None:
    pid = trials["grant"]["profile_id"]
    as_csv = run("pi", pid, "--api-url", reporter_server.url, "--no-cache", "--no-publications",
                 "--format", "csv")  # fmt: skip
    assert as_csv.exit_code == 0, as_csv.stderr
    assert {(r["n_trials"], r["trial_nct_ids"]) for r in rows(as_csv)} == {("1", "NCT09000001")}
    as_json = run("pi", pid, "--api-url", reporter_server.url, "--no-cache", "--no-publications",
                  "--format", "json")  # fmt: skip
    assert {row["trial_contact_nct"] for row in json.loads(as_json.stdout)} == {"NCT09000001"}
    table = run("pi", pid, "--api-url", reporter_server.url, "--no-cache", "--no-publications",
                "--format", "table")  # fmt: skip
    lines = table.stdout.splitlines()
    start = lines.index("Clinical trials (1, recruiting first):")
    assert lines[start + 1].startswith("  NCT09000001  RECRUITING  ")
    assert "grant " in lines[start + 1]
    assert "https://clinicaltrials.gov/study/NCT09000001" in lines[start + 1]
    assert lines[start + 2].startswith("      contact: ")


def test_a_clinical_draft_cites_the_recruiting_trial(
    reporter_server: Any, ctgov_server: Any, trials: dict[str, Any]
) -> None:
    pid = trials["grant"]["profile_id"]
    result = run("draft", pid, "--api-url", reporter_server.url, "--no-cache",
                 "--no-publications", "--name", "Kwame Mensah", "--background",
                 "a physician from Ghana", "--specialty", "medical genetics",
                 "--track", "clinical")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "I read about your NIH-funded trial " in result.stdout
    assert "(NCT09000001), which is recruiting participants" in result.stdout
    assert "https://clinicaltrials.gov/study/NCT09000001" in result.stderr  # the sources
