"""leads.trials and rank.trials: a PI's trials by grant or as an official at their organisation,
the lead-list columns, the per-trial table, and the clinical track's trial component."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from reporter_finder.api.ctgov import Trial, TrialContact, TrialOfficial
from reporter_finder.errors import ReporterConnectionError
from reporter_finder.leads.trials import (
    TrialMatch,
    pi_trials,
    same_organization,
    trial_columns,
    trials_for_leads,
    trials_table,
)
from reporter_finder.rank.trials import trial_reason, with_recruiting_trials
from reporter_finder.schema import TRIAL_COLUMNS, TRIAL_LEAD_COLUMNS
from reporter_finder.tables.build import Tables
from tests.conftest import load_fixture
from tests.frames import assert_unchanged, snapshot

ORG = "UNIVERSITY OF PITTSBURGH AT PITTSBURGH"


def trial(nct: str, status: str = "RECRUITING", **fields: Any) -> Trial:
    values: dict[str, Any] = {
        "nct_id": nct,
        "title": f"Trial {nct}",
        "official_title": "",
        "status": status,
        "last_known_status": None,
        "phases": ("PHASE2",),
        "start_date": "2024-03",
        "primary_completion_date": "2027-12-31",
        "enrollment": 120,
        "conditions": ("Heart Failure",),
        "grant_ids": (),
        "cores": (),
        "officials": (),
        "contacts": (),
        "lead_sponsor": "",
    }
    values.update(fields)
    return Trial(**values)


def contact(email: str | None, where: str = "central") -> TrialContact:
    return TrialContact(
        name="Study Coordinator", role="CONTACT", email=email, phone=None, where=where
    )


def official(name: str, affiliation: str) -> TrialOfficial:
    return TrialOfficial(name=name, affiliation=affiliation, role="PRINCIPAL_INVESTIGATOR")


# --- organisations and routes ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("affiliation", "organization", "same"),
    [
        ("University of Pittsburgh", ORG, True),
        ("Mayo Clinic", "MAYO CLINIC ROCHESTER", True),
        ("UPMC / Univ. of Pittsburgh School of Medicine", ORG, True),
        ("University of Pennsylvania", ORG, False),
        ("Department of Medicine", ORG, False),  # a department says nothing about where
        ("", ORG, False),
        ("Stanford University", "", False),
    ],
)
def test_same_organization(affiliation: str, organization: str, same: bool) -> None:
    assert same_organization(affiliation, organization) is same


def test_pi_trials_joins_both_routes_and_keeps_each_trial_once() -> None:
    by_grant = trial("NCT00000001", "COMPLETED", start_date="2019")
    both = trial(
        "NCT00000002", officials=(official("Ana M Rivera, MD", "University of Pittsburgh"),)
    )
    pitt = official("Ana Rivera, M.D.", "University of Pittsburgh")
    by_name = trial("NCT00000003", "NOT_YET_RECRUITING", start_date="2026-01", officials=(pitt,))
    namesake = trial("NCT00000004", officials=(official("Ana Rivera", "Stanford University"),))
    sponsor = trial("NCT00000005", officials=(official("Ana Rivera", "Department of Surgery"),),
                    lead_sponsor="University of Pittsburgh")  # fmt: skip
    matches = pi_trials(
        ORG,
        ["R01HL123456", "R21HL000001"],
        {"R01HL123456": [by_grant, both], "R21HL000001": []},
        [both, by_name, namesake, sponsor],
        last_name="RIVERA",
    )
    assert [(m.trial.nct_id, m.route) for m in matches] == [
        ("NCT00000003", "official: Ana Rivera, M.D."),  # recruiting first, newest start first
        ("NCT00000002", "grant R01HL123456"),  # the grant route wins for a trial found twice
        ("NCT00000005", "official: Ana Rivera"),  # the sponsor is the PI's organisation
        ("NCT00000001", "grant R01HL123456"),
    ]


def test_trial_columns_count_and_source_the_contact() -> None:
    done = trial("NCT00000001", "COMPLETED", contacts=(contact("old@pitt.edu"),))
    site = trial("NCT00000002", contacts=(contact(None), contact("site@pitt.edu", "site: UPMC")))
    soon = trial("NCT00000003", "NOT_YET_RECRUITING", start_date="2026-01")
    cells = trial_columns([TrialMatch(done, "grant R01"), TrialMatch(site, "grant R01"),
                           TrialMatch(soon, "grant R01")])  # fmt: skip
    assert cells == {
        "n_trials": 3,
        "n_recruiting_trials": 2,
        "trial_nct_ids": ["NCT00000003", "NCT00000002", "NCT00000001"],
        "trial_contact_email": "site@pitt.edu",  # a recruiting trial's before a completed one's
        "trial_contact_nct": "NCT00000002",
    }
    empty = trial_columns([])
    assert empty == {"n_trials": 0, "n_recruiting_trials": 0, "trial_nct_ids": [],
                     "trial_contact_email": None, "trial_contact_nct": None}  # fmt: skip


def test_trials_table_has_every_detail_recruiting_first() -> None:
    matches = [
        TrialMatch(trial("NCT00000001", "COMPLETED"), "grant R01HL123456"),
        TrialMatch(trial("NCT00000002", contacts=(contact("a@b.org"),)), "official: A Rivera"),
    ]
    table = trials_table(matches)
    assert list(table.columns) == list(TRIAL_COLUMNS)
    first = table.iloc[0]
    assert first["nct_id"] == "NCT00000002"
    assert first["url"] == "https://clinicaltrials.gov/study/NCT00000002"
    assert first["contacts"] == ["Study Coordinator, a@b.org (central)"]
    assert first["phases"] == ["PHASE2"]
    assert first["enrollment"] == 120
    assert list(trials_table([]).columns) == list(TRIAL_COLUMNS)


# --- the top of a ranking --------------------------------------------------------------------


@pytest.fixture(scope="module")
def search() -> Any:
    from reporter_finder.search import find_mentors

    return find_mentors(
        "medical genetics",
        records=load_fixture("projects-common-fund.json")["results"],
        track="clinical",
        as_of=date(2026, 11, 24),
    )


@pytest.fixture(scope="module")
def tables(search: Any) -> Tables:
    return search.tables


class FakeClient:
    """The client's two calls, answered from a dict; records what was asked."""

    def __init__(self, by_core: dict[str, list[Trial]], by_name: dict[str, list[Trial]],
                 error: Exception | None = None) -> None:  # fmt: skip
        self.by_core, self.by_name, self.error = by_core, by_name, error
        self.asked: list[Any] = []

    def trials_for_grants(self, cores: Any) -> dict[str, list[Trial]]:
        cores = list(cores)
        self.asked.append(("grants", cores))
        if self.error:
            raise self.error
        return {c: self.by_core.get(c, []) for c in cores}

    def trials_for_officials(self, names: Any) -> dict[tuple[str, str], list[Trial]]:
        names = list(names)
        self.asked.append(("officials", names))
        return {(last, first): self.by_name.get(last, []) for last, first in names}


@pytest.fixture
def ranked(search: Any) -> pd.DataFrame:
    return search.ranked


def test_trials_for_leads_fills_the_top_and_leaves_the_rest_not_looked_up(
    tables: Tables, ranked: pd.DataFrame
) -> None:
    second = ranked.iloc[1]
    core = next(c for c, ks in zip(tables.grants.core_project_num, tables.grants.pi_keys,
                                   strict=True) if second.pi_key in ks)  # fmt: skip
    client = FakeClient({core: [trial("NCT05000001", contacts=(contact("trial@x.org"),))]}, {})
    before = snapshot(ranked)
    out, problem = trials_for_leads(ranked, tables, client=client, top=3, track="any")  # type: ignore[arg-type]
    assert problem is None
    assert_unchanged(ranked, before)
    assert [a[0] for a in client.asked] == ["grants", "officials"]  # two batched searches
    assert len(client.asked[1][1]) == 3
    row = out.set_index("pi_key").loc[second.pi_key]
    assert (row.n_trials, row.n_recruiting_trials, row.trial_nct_ids) == (1, 1, ["NCT05000001"])
    assert (row.trial_contact_email, row.trial_contact_nct) == ("trial@x.org", "NCT05000001")
    looked = out.head(3)
    assert list(looked.n_trials) == [0, 1, 0]  # looked up: zero is a fact …
    assert out.iloc[3:]["n_trials"].isna().all()  # … the rest were not asked: empty, not 0
    assert list(out["rank"]) == list(ranked["rank"])  # track "any": no re-ordering
    assert set(TRIAL_LEAD_COLUMNS) <= set(out.columns)


def test_an_outage_leaves_the_columns_empty_and_says_why(
    tables: Tables, ranked: pd.DataFrame
) -> None:
    client = FakeClient({}, {}, ReporterConnectionError("Cannot reach clinicaltrials.gov"))
    out, problem = trials_for_leads(ranked, tables, client=client, top=3)  # type: ignore[arg-type]
    assert problem is not None
    assert out["n_trials"].isna().all()
    assert all(cell == [] for cell in out["trial_nct_ids"])


# --- the clinical track's component ----------------------------------------------------------


def test_trial_reason() -> None:
    assert trial_reason([("NCT1", "COMPLETED")]) is None
    assert trial_reason([("NCT2", "RECRUITING"), ("NCT3", "NOT_YET_RECRUITING")]) == (
        "runs a recruiting NIH-funded trial: NCT2 (+1 more)"
    )
    assert trial_reason([("NCT3", "NOT_YET_RECRUITING")]) == (
        "runs an NIH-funded trial about to recruit: NCT3"
    )


def test_a_recruiting_trial_lifts_a_clinical_pi_and_says_why(ranked: pd.DataFrame) -> None:
    third = ranked.iloc[2]
    before = snapshot(ranked)
    out = with_recruiting_trials(ranked, {str(third.pi_key): [("NCT05000001", "RECRUITING")]})
    assert_unchanged(ranked, before)
    row = out.set_index("pi_key").loc[third.pi_key]
    assert row.prior_trial == pytest.approx(0.15)
    expected = min(1.0, third.score * (1 + third.prior + 0.15) / (1 + third.prior))
    assert row.score == pytest.approx(expected, abs=1e-4)
    assert row.why.endswith("; runs a recruiting NIH-funded trial: NCT05000001")
    assert row["rank"] < third["rank"] or third["rank"] == 1
    assert list(out["rank"]) == list(range(1, len(out) + 1))
    assert (out.drop(index=out.index[out.pi_key == third.pi_key])["prior_trial"] == 0).all()
    # A completed trial changes nothing.
    same = with_recruiting_trials(ranked, {str(third.pi_key): [("NCT1", "COMPLETED")]})
    assert list(same.pi_key) == list(ranked.pi_key)
    assert list(same.score) == list(ranked.score)
