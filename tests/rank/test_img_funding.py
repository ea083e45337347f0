"""Money an IMG can be paid from (issue #15, section 3): NRSA awards and the visa, the
``funding_for_you`` column and component, hiring signals, and NIH intramural projects."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from reporter_finder.errors import QueryError
from reporter_finder.leads.export import write_leads
from reporter_finder.leads.listing import lead_list
from reporter_finder.leads.sheet import read_leads
from reporter_finder.rank.ranker import rank_pis
from reporter_finder.rank.resolve import resolve_specialty
from reporter_finder.rank.weights import RankWeights
from reporter_finder.retrieval import MENTOR_ACTIVITY_CODES, default_query
from reporter_finder.schema import LEAD_LIST_HEADER, PAY_LEAD_COLUMNS
from reporter_finder.search import find_mentors
from reporter_finder.tables.build import build_tables
from reporter_finder.vocabularies import (
    INTRAMURAL_ACTIVITY_CODES,
    INTRAMURAL_FLAG,
    VISAS,
    normalise_visa,
    nrsa_reason,
)
from tests.rank.records import AS_OF, CARDIOLOGY, HF, pi, record

J1_T32 = "T32 (NRSA): cannot pay trainees on a J-1 or H-1B visa"


def ranked(records: list[dict[str, Any]], **options: Any) -> pd.DataFrame:
    tables = build_tables(records, as_of=AS_OF)
    return rank_pis(tables, CARDIOLOGY, (), "any", as_of=AS_OF, **options).set_index("profile_id")


def awarded(rec: dict[str, Any], award_type: str, budget_start: str | None) -> dict[str, Any]:
    return {**rec, "award_type": award_type, "budget_start": budget_start}


# --- the visa vocabulary ------------------------------------------------------------------


def test_visa_vocabulary_and_spellings() -> None:
    assert VISAS == ("none", "J-1", "H-1B", "F-1", "other")
    assert [normalise_visa(v) for v in ("J1", "j-1", "H1B", "h-1b", "F 1", "Other", "NONE")] == [
        "J-1", "J-1", "H-1B", "H-1B", "F-1", "other", "none",
    ]  # fmt: skip
    assert normalise_visa("green card") == normalise_visa("US citizen") == "none"
    assert normalise_visa(None) is None
    assert normalise_visa("  ") is None
    with pytest.raises(QueryError, match="visa must be one of none, J-1, H-1B, F-1, other"):
        normalise_visa("B-2")


def test_nrsa_reason_wording() -> None:
    assert nrsa_reason("T32", "J-1") == nrsa_reason("T32", "H-1B") == J1_T32
    assert nrsa_reason("F32", "F-1") == "F32 (NRSA): cannot pay trainees on an F-1 visa"
    assert nrsa_reason("TL1", "other") == "TL1 (NRSA): cannot pay trainees on a temporary visa"


# --- NRSA awards and the visa ---------------------------------------------------------------


def _t32_only() -> list[dict[str, Any]]:
    return [record("T32HL000401", [pi(401)], HF, code="T32")]


def test_a_pi_with_only_a_t32_without_a_visa_constraint() -> None:
    for visa in (None, "none"):
        row = ranked(_t32_only(), visa=visa).loc[401]
        # 0.25 active + 0.2 mentoring + 0.1 × 0.5885 funding + 0.1 department + 0.1 × 0.4
        assert row["prior"] == 0.6489
        assert row["prior_active"] == 1.0
        assert row["prior_mentoring"] == 1.0
        assert row["prior_funding"] == 0.5885
        assert row["prior_funding_for_you"] == 0.4
        assert row["funding_for_you"] == "limited"
        assert row["score"] == 0.687  # 1.6489 / (1 + 1.4)
        assert row["mentor_flags"] == ["T32 training grant"]
        assert "(NRSA)" not in row["why"]


def test_a_pi_with_only_a_t32_gets_no_credit_for_a_j1_visa_and_says_why() -> None:
    row = ranked(_t32_only(), visa="J-1").loc[401]
    assert row["prior"] == 0.1  # the department alone
    assert row["prior_active"] == row["prior_mentoring"] == row["prior_funding"] == 0.0
    assert row["prior_funding_for_you"] == 0.0
    assert row["funding_for_you"] == "none"
    assert row["score"] == 0.4583  # 1.1 / 2.4
    assert row["mentor_flags"] == [J1_T32]
    assert J1_T32 in row["why"]
    assert row["why"].endswith("funding for you: none")
    assert row["months_left"] == 24.9  # still the PI's longest grant: a fact, not a credit
    assert row["n_active_research_grants"] == 0


def test_h1b_and_f1_and_other_visas_block_nrsa_too() -> None:
    assert ranked(_t32_only(), visa="H-1B").loc[401, "mentor_flags"] == [J1_T32]
    f1 = ranked(_t32_only(), visa="F-1").loc[401]
    assert f1["mentor_flags"] == ["T32 (NRSA): cannot pay trainees on an F-1 visa"]
    assert f1["funding_for_you"] == "none"
    other = ranked(_t32_only(), visa="other").loc[401]
    assert other["mentor_flags"] == ["T32 (NRSA): cannot pay trainees on a temporary visa"]


def _r01_and_t32() -> list[dict[str, Any]]:
    return [
        record("R01HL000402", [pi(402)], HF, code="R01"),
        record("T32HL000403", [pi(402)], HF, code="T32"),
    ]


def test_a_pi_with_an_r01_and_a_t32_still_ranks_through_the_r01() -> None:
    free = ranked(_r01_and_t32()).loc[402]
    j1 = ranked(_r01_and_t32(), visa="J-1").loc[402]
    # No visa: 0.25 + 0.15 R01 + 0.2 T32 + 0.1 × 0.7876 ($1M) + 0.1 dept + 0.1 likely
    assert free["prior"] == 0.8788
    assert free["prior_funding"] == 0.7876
    assert free["mentor_flags"] == ["T32 training grant"]
    # J-1: the T32 earns nothing, the R01 everything it did: 0.25 + 0.15 + 0.1 × 0.5885 + 0.1 + 0.1
    assert j1["prior"] == 0.6589
    assert j1["prior_mentoring"] == 0.0
    assert j1["prior_funding"] == 0.5885
    assert j1["prior_active"] == j1["prior_mechanism"] == 1.0
    assert free["funding_for_you"] == j1["funding_for_you"] == "likely"
    assert j1["mentor_flags"] == [J1_T32]
    assert j1["why"].startswith("Contact PI on 2 matching grants (2 active)")
    assert J1_T32 in j1["why"]
    assert j1["n_active_research_grants"] == free["n_active_research_grants"] == 1


def test_the_visa_moves_a_t32_only_pi_below_an_r21_pi() -> None:
    recs = [*_t32_only(), record("R21HL000404", [pi(404)], HF, code="R21")]
    assert list(ranked(recs).index) == [401, 404]
    assert list(ranked(recs, visa="J-1").index) == [404, 401]


def test_an_unknown_visa_is_refused() -> None:
    with pytest.raises(QueryError, match="visa must be one of"):
        ranked(_t32_only(), visa="tourist")


# --- funding_for_you ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "end", "expected", "component"),
    [
        ("R01", "2027-06-30T00:00:00", "likely", 1.0),  # 24.9 months left
        ("R35", "2025-12-15T00:00:00", "likely", 1.0),  # 6.5 months left
        ("U01", "2025-10-01T00:00:00", "limited", 0.4),  # 4 months: ending
        ("R21", "2027-06-30T00:00:00", "limited", 0.4),  # small grant
        ("R03", "2025-09-30T00:00:00", "limited", 0.4),  # small and ending
        ("K23", "2027-06-30T00:00:00", "limited", 0.4),  # pays the PI's own salary
        ("R01", "2024-12-31T00:00:00", "none", 0.0),  # ended
    ],
)  # fmt: skip
def test_funding_for_you_each_case(code: str, end: str, expected: str, component: float) -> None:
    row = ranked([record(f"{code}HL000410", [pi(410)], HF, code=code, end=end)]).loc[410]
    assert row["funding_for_you"] == expected
    assert row["prior_funding_for_you"] == component


def test_funding_for_you_weight_is_a_visible_component() -> None:
    recs = [record("R01HL000411", [pi(411)], HF, code="R01")]
    base = ranked(recs).loc[411]
    off = ranked(recs, weights=RankWeights(funding_for_you=0.0)).loc[411]
    assert round(base["prior"] - off["prior"], 4) == 0.1
    assert RankWeights().text_only().funding_for_you == 0.0


# --- hiring signals -----------------------------------------------------------------------


def test_hiring_signals() -> None:
    recs = [
        awarded(record("R01HL000421", [pi(421)], HF, code="R01", fy=2025), "1", "2025-01-15"),
        awarded(record("R21HL000422", [pi(421)], HF, code="R21", end="2026-01-31T00:00:00"),
                "5", "2024-08-01"),
        awarded(record("K24HL000423", [pi(421)], HF, code="K24"), "5", "2024-09-01"),
        # a renewal of 2023 and a continuation of 2025 for another PI
        awarded(record("R01HL000424", [pi(422)], HF, code="R01", fy=2023), "2", "2023-04-01"),
        awarded(record("R01HL000424", [pi(422)], HF, code="R01", fy=2025), "5", "2025-04-01"),
        # an award starting after as_of is not yet "newest"
        awarded(record("R01HL000425", [pi(423)], HF, code="R01"), "1", "2025-07-01"),
    ]  # fmt: skip
    out = ranked(recs)
    a, b, c = out.loc[421], out.loc[422], out.loc[423]
    assert a["newest_award_date"] == "2025-01-15"
    assert bool(a["new_or_renewed_last_12_months"]) is True
    assert a["n_active_research_grants"] == 2  # the R01 and the R21, not the K24
    assert a["n_active_grants"] == 3
    assert a["active_funding"] == 1_500_000.0
    assert a["months_left"] == 24.9
    assert a["why"].endswith(
        "funding for you: likely (2 active research grants, 25 months left, new or renewed "
        "award in the last 12 months (newest award 2025-01-15))"
    )
    assert b["newest_award_date"] == "2025-04-01"
    assert bool(b["new_or_renewed_last_12_months"]) is False  # the renewal is from 2023
    assert b["why"].endswith("(1 active research grant, 25 months left, newest award 2025-04-01)")
    assert pd.isna(c["newest_award_date"])
    assert bool(c["new_or_renewed_last_12_months"]) is False


def test_a_new_award_without_a_budget_start_dates_from_its_project_start() -> None:
    rec = awarded(record("R01HL000431", [pi(431)], HF, code="R01"), "1", None)
    rec["project_start_date"] = "2024-09-01T00:00:00"
    row = ranked([rec]).loc[431]
    assert row["newest_award_date"] == "2024-09-01"
    assert bool(row["new_or_renewed_last_12_months"]) is True


# --- NIH intramural -----------------------------------------------------------------------


def test_default_query_leaves_intramural_out_unless_asked() -> None:
    spec = resolve_specialty("cardiology").specialty
    plain = default_query(spec, today=date(2025, 6, 1))
    assert plain.activity_codes == MENTOR_ACTIVITY_CODES
    assert not set(plain.activity_codes) & set(INTRAMURAL_ACTIVITY_CODES)
    with_z = default_query(spec, today=date(2025, 6, 1), intramural=True)
    assert with_z.activity_codes == (*MENTOR_ACTIVITY_CODES, *INTRAMURAL_ACTIVITY_CODES)
    assert "ZIA" in with_z.activity_codes
    own = default_query(spec, activity_codes=("R01", "ZIA"), intramural=True)
    assert own.activity_codes == ("R01", "ZIA", *INTRAMURAL_ACTIVITY_CODES[1:])


def test_intramural_projects_are_found_and_flagged_only_with_the_option() -> None:
    recs = [
        record("ZIAHL000441", [pi(441)], HF, code="ZIA"),
        record("R01HL000442", [pi(442)], HF, code="R01"),
    ]
    plain = find_mentors("cardiology", records=recs, as_of=AS_OF)
    assert 441 not in set(plain.ranked["profile_id"])
    search = find_mentors("cardiology", records=recs, as_of=AS_OF, intramural=True)
    rows = search.ranked.set_index("profile_id")
    assert rows.loc[441, "mentor_flags"] == [INTRAMURAL_FLAG]
    assert INTRAMURAL_FLAG in rows.loc[441, "why"]
    assert rows.loc[441, "funding_for_you"] == "likely"
    assert rows.loc[442, "mentor_flags"] == []
    assert "ZIA" in search.query.activity_codes


def test_find_mentors_takes_the_visa() -> None:
    search = find_mentors("cardiology", records=_r01_and_t32(), as_of=AS_OF, visa="j1")
    assert search.visa == "J-1"
    row = search.ranked.iloc[0]
    assert row["mentor_flags"] == [J1_T32]
    assert search.explain(402)["funding_for_you"] == "likely"


# --- the lead list ------------------------------------------------------------------------


def test_lead_list_columns_round_trip_and_old_tables_still_make_one(tmp_path: Path) -> None:
    recs = [awarded(record("R01HL000451", [pi(451)], HF, code="R01"), "1", "2025-01-15")]
    search = find_mentors("cardiology", records=recs, as_of=AS_OF)
    path = tmp_path / "leads.csv"
    assert search.to_csv(path) == 1
    back = read_leads(path)
    assert tuple(back.columns) == LEAD_LIST_HEADER
    cells = back.loc[0, list(PAY_LEAD_COLUMNS)].tolist()
    assert cells == ["likely", "1", "24.9", "2025-01-15", "True"]
    header = list(LEAD_LIST_HEADER)
    assert header.index("state") + 1 == header.index("funding_for_you")
    assert header.index("active_funding") + 1 == header.index("months_left")
    # A ranked table from before issue #15 has none of them: they are empty, not an error.
    old = search.ranked.drop(columns=list(PAY_LEAD_COLUMNS))
    leads = lead_list(old)
    assert tuple(leads.columns) == LEAD_LIST_HEADER
    assert leads[list(PAY_LEAD_COLUMNS)].isna().all().all()
    write_leads(leads, tmp_path / "old.csv", "csv")
    assert read_leads(tmp_path / "old.csv").loc[0, "funding_for_you"] == ""
