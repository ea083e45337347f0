"""Mentor sanity (issue #14, item 6): companies left out, trainee titles demoted, co-PIs grouped."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
import pytest

from reporter_finder.cellformat import format_co_pi, parse_co_pi
from reporter_finder.rank.aggregate import group_co_pis
from reporter_finder.rank.priors import company_reason, is_trainee_title
from reporter_finder.rank.ranker import rank_pis
from reporter_finder.rank.weights import RankWeights
from reporter_finder.schema import RANK_COLUMNS
from reporter_finder.tables.build import build_tables
from tests.rank.records import AS_OF, CARDIOLOGY, HF, ONC, deep_copy_frame, pi, record

W = RankWeights()


def ranked(records: list[dict], **options: Any) -> pd.DataFrame:
    tables = build_tables(records, as_of=AS_OF)
    return rank_pis(tables, CARDIOLOGY, (), "any", as_of=AS_OF, **options)


def by_id(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("profile_id")


def order(frame: pd.DataFrame) -> list[int]:
    return [int(v) for v in frame["profile_id"]]


def typed(rec: dict[str, Any], org_type: str | None) -> dict[str, Any]:
    """``rec`` with an ``organization_type`` as RePORTER sends it."""
    kind = None if org_type is None else {"name": org_type, "code": "10", "is_other": False}
    return {**rec, "organization_type": kind}


# --- companies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("org_type", "codes", "reason"),
    [
        ("DOMESTIC FOR-PROFITS", {"R01"}, "for-profit organisation"),
        ("Domestic For-Profits", {"R44"}, "for-profit organisation"),
        ("FOREIGN FOR-PROFIT", {"R01"}, "for-profit organisation"),
        ("Small Business", {"R43"}, "for-profit organisation"),
        ("Other Domestic Non-Profits", {"R01"}, None),
        ("SCHOOLS OF MEDICINE", {"R01"}, None),
        ("Research Institutes", {"R44"}, None),  # a known non-profit type wins over the codes
        (None, {"R43", "R44"}, "SBIR/STTR awards only"),
        ("Unavailable", {"R41"}, "SBIR/STTR awards only"),
        (None, {"R44", "R01"}, None),
        (None, set(), None),
    ],
)
def test_company_reason(org_type: str | None, codes: set[str], reason: str | None) -> None:
    assert company_reason(org_type, codes, W) == reason


def _lab_and_company() -> list[dict]:
    return [
        typed(record("R01HL000201", [pi(201)], HF), "SCHOOLS OF MEDICINE"),
        typed(record("R01HL000202", [pi(202)], HF + " Heart failure."), "DOMESTIC FOR-PROFITS"),
    ]


def test_a_company_pi_is_left_out_by_default() -> None:
    out = ranked(_lab_and_company())
    assert order(out) == [201]
    assert out["rank"].tolist() == [1]


def test_include_companies_ranks_and_flags_them_and_changes_no_one_elses_score() -> None:
    without = ranked(_lab_and_company())
    out = ranked(_lab_and_company(), include_companies=True)
    assert order(out) == [202, 201]
    rows = by_id(out)
    assert rows.at[202, "mentor_flags"] == ["company (for-profit organisation)"]
    assert "company (for-profit organisation)" in rows.at[202, "why"]
    assert rows.at[201, "mentor_flags"] == []
    assert rows.at[201, "score"] == by_id(without).at[201, "score"]


def test_a_pis_table_without_organisation_types_falls_back_on_the_awards() -> None:
    recs = [record("R44HL000215", [pi(215)], HF, code="R44"), record("R01HL000216", [pi(216)], HF)]
    tables = build_tables(recs, as_of=AS_OF)
    old = replace(tables, pis=tables.pis.drop(columns="organization_type"))
    assert order(rank_pis(old, CARDIOLOGY, as_of=AS_OF)) == [216]


def test_only_companies_give_the_empty_schema() -> None:
    out = ranked([typed(record("R01HL000211", [pi(211)], HF), "DOMESTIC FOR-PROFITS")])
    assert out.empty
    assert list(out.columns) == list(RANK_COLUMNS)


# --- trainee titles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Research Fellow", "POSTDOCTORAL FELLOW", "Postdoctoral Scholar", "Postdoc",
        "Post-Doctoral Research Associate", "Resident", "Chief Resident", "Graduate Student",
        "Trainee", "Clinical Fellow", "Fellow in Cardiology", "FELLOW", "Predoctoral Fellow",
        "Intern",
    ],
)  # fmt: skip
def test_trainee_titles(title: str) -> None:
    assert is_trainee_title(title, W)


@pytest.mark.parametrize(
    "title",
    [
        "Fellow of the American Heart Association", "Associate Professor", "Research Associate",
        "Research Associate Professor", "Professor; Fellow, American College of Cardiology",
        "President", "Instructor in Internal Medicine", "Senior Research Fellow",
        "Residency Program Director", "Fellowship Director", "Principal Investigator", "", None,
    ],
)  # fmt: skip
def test_titles_that_are_not_trainees(title: str | None) -> None:
    assert not is_trainee_title(title, W)


def test_a_trainee_title_is_demoted_by_its_factor_and_flagged() -> None:
    # "Postdoctoral Fellow" and "Research Scientist" earn the same seniority (0.15), so the
    # scores differ by the trainee factor alone.
    recs = [
        record("R01HL000221", [pi(221, title="POSTDOCTORAL FELLOW")], HF),
        record("R01HL000222", [pi(222, title="RESEARCH SCIENTIST")], HF),
    ]
    out = ranked(recs)
    assert order(out) == [222, 221]
    rows = by_id(out)
    # prior 0.25 active + 0.15 R01 + 0.1 × 0.5885 funding + 0.1 department + 0.1 × 0.15 title
    # + 0.1 funding for you (likely: an active R01)
    assert rows.at[221, "prior"] == rows.at[222, "prior"] == 0.6739
    assert rows.at[222, "score"] == 0.6974  # 1.6739 / (1 + 1.4)
    assert rows.at[221, "score"] == 0.3487  # × 0.5
    assert rows.at[221, "mentor_flags"] == ["trainee title"]
    assert "; trainee title" in rows.at[221, "why"]
    assert rows.at[222, "mentor_flags"] == []
    plain = ranked(recs, weights=replace(W, trainee_title_factor=1.0))
    assert by_id(plain).at[221, "score"] == by_id(plain).at[222, "score"]


def test_an_honorific_fellow_is_not_demoted() -> None:
    recs = [
        record("R01HL000231", [pi(231, title="Professor; Fellow of the Royal Society")], HF),
        record("R01HL000232", [pi(232, title="PROFESSOR")], HF),
    ]
    rows = by_id(ranked(recs))
    assert rows.at[231, "mentor_flags"] == []
    assert rows.at[231, "score"] == rows.at[232, "score"]


# --- co-PIs of one grant -------------------------------------------------------------------


def test_three_co_pis_of_one_grant_are_one_row_naming_the_other_two() -> None:
    recs = [
        record("R01HL000241", [pi(243, False), pi(241, True), pi(242, False)], HF),
        record("R01HL000244", [pi(244)], HF + " Cardiomyopathy."),
    ]
    out = ranked(recs)
    assert order(out) == [244, 241]  # the contact PI stays; ranks are renumbered
    assert out["rank"].tolist() == [1, 2]
    rows = by_id(out)
    assert rows.at[241, "co_pis"] == ["Ann Doe242 (242)", "Ann Doe243 (243)"]
    assert rows.at[244, "co_pis"] == []
    ungrouped = ranked(recs, weights=replace(W, group_co_pis=False))
    assert sorted(order(ungrouped)) == [241, 242, 243, 244]
    assert by_id(ungrouped).at[241, "score"] == rows.at[241, "score"]


def test_without_a_contact_pi_the_best_scored_co_pi_keeps_the_row() -> None:
    shared = [pi(251, None), pi(252, None, title="PROFESSOR"), pi(253, None)]
    out = ranked([record("R01HL000251", shared, HF)])
    assert order(out) == [252]
    assert by_id(out).at[252, "co_pis"] == ["Ann Doe251 (251)", "Ann Doe253 (253)"]


def test_a_co_pi_with_a_matching_grant_of_their_own_keeps_their_row() -> None:
    recs = [
        record("R01HL000261", [pi(261, True), pi(262, False), pi(263, False)], HF),
        record("R21HL000263", [pi(263)], HF, code="R21"),
        # 262's other grant does not match: nothing of 262's own is relevant.
        record("R01CA000262", [pi(262)], ONC),
    ]
    rows = by_id(ranked(recs))
    assert sorted(rows.index) == [261, 263]
    assert rows.at[261, "co_pis"] == ["Ann Doe262 (262)"]
    assert rows.at[263, "co_pis"] == []


def _links(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "pi_key": [r[0] for r in rows],
            "core": [r[1] for r in rows],
            "contact": [r[2] for r in rows],
            "matching": [True] * len(rows),
        }
    )


def _ranking(keys: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rank": pd.array(range(1, len(keys) + 1), dtype="Int64"),
            "pi_key": keys,
            "pi_name": [f"PI {k}" for k in keys],
            "profile_id": pd.array([int(k) for k in keys], dtype="Int64"),
            "co_pis": [[] for _ in keys],
        }
    )


def test_group_co_pis_names_a_folded_contact_pi_first_and_is_pure() -> None:
    # G1: contact 1, others 2 and 3; G2: contact 3, other 1. Everything 3 and 2 match is on
    # 1's grants, so both fold into 1; 3 is a contact PI (of G2), so 3 is named first.
    ranking = _ranking(["1", "2", "3"])
    links = _links([("1", "G1", 1.0), ("2", "G1", 0.0), ("3", "G1", 0.0),
                    ("3", "G2", 1.0), ("1", "G2", 0.0)])  # fmt: skip
    before = deep_copy_frame(ranking)
    out = group_co_pis(ranking, links)
    assert out["pi_key"].tolist() == ["1"]
    assert out["co_pis"].tolist() == [["PI 3 (3)", "PI 2 (2)"]]
    assert out["rank"].tolist() == [1]
    pd.testing.assert_frame_equal(ranking, before)


def test_group_co_pis_ignores_grants_that_do_not_match_and_is_empty_safe() -> None:
    ranking = _ranking(["1", "2"])
    links = _links([("1", "G1", 1.0), ("2", "G1", 0.0)]).assign(matching=[False, False])
    assert group_co_pis(ranking, links)["pi_key"].tolist() == ["1", "2"]
    assert group_co_pis(ranking.iloc[:0], links).empty
    assert group_co_pis(ranking, links.iloc[:0])["pi_key"].tolist() == ["1", "2"]


def test_co_pi_cells_round_trip() -> None:
    assert format_co_pi("Ana M Rivera", 12345) == "Ana M Rivera (12345)"
    assert format_co_pi("Ana M Rivera", 12345.0) == "Ana M Rivera (12345)"
    assert format_co_pi("Ana M Rivera", pd.NA) == "Ana M Rivera"
    assert parse_co_pi("Ana M Rivera (12345)") == ("Ana M Rivera", 12345)
    assert parse_co_pi(" Ana M Rivera ") == ("Ana M Rivera", None)
    assert parse_co_pi("(12345)") == ("(12345)", None)
