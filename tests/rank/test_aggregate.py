"""reporter_finder.rank.aggregate: each stage from project scores to per-PI text scores, alone."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import pytest

from reporter_finder.dates import nih_fiscal_year
from reporter_finder.rank.aggregate import (
    TextScores,
    grant_facts,
    grant_relevance,
    pi_grant_contributions,
    pi_text_scores,
    select_pis,
)
from reporter_finder.rank.relevance import score_projects
from reporter_finder.rank.weights import RankWeights
from reporter_finder.tables.build import build_tables
from tests.rank.records import AS_OF, CARDIOLOGY, HF, ONC, deep_copy_frame, pi, record

W = RankWeights()


def _links(rows: list[tuple[str, str, float, bool, str]]) -> pd.DataFrame:
    """Hand-made output of pi_grant_contributions: (pi, core, contrib, matching, code)."""
    lk = pd.DataFrame(rows, columns=["pi_key", "core", "contrib", "matching", "code"])
    lk = lk.sort_values(["pi_key", "contrib", "core"], ascending=[True, False, True])
    lk["pos"] = lk.groupby("pi_key", sort=False).cumcount()
    return lk


def test_grant_relevance_keeps_the_best_fiscal_year_and_decays_by_the_last_one() -> None:
    recs = [
        record("R01HL000201", [pi(201)], HF, fy=2021),
        record("R01HL000201", [pi(201)], "Heart failure.", fy=2023),
        record("R01CA000202", [pi(202)], ONC, fy=2025),
    ]
    tables = build_tables(recs, as_of=AS_OF)
    scored = score_projects(tables.projects, CARDIOLOGY)
    before = deep_copy_frame(scored)
    core = grant_relevance(tables.projects, scored, W, AS_OF)
    assert core is not None
    pd.testing.assert_frame_equal(scored, before)
    best = scored[scored["core_project_num"] == "R01HL000201"]["relevance"].max()
    assert core.at["R01HL000201", "rel"] == best
    assert core.at["R01HL000201", "last_fy"] == 2023
    years = nih_fiscal_year(AS_OF) - 2023
    assert core.at["R01HL000201", "decay"] == pytest.approx(math.exp(-years / 3))
    assert core.at["R01HL000201", "rel_norm"] == 1.0  # the pool's only relevant grant
    assert bool(core.at["R01CA000202", "matching"]) is False
    assert core.at["R01HL000201", "terms"][0] in CARDIOLOGY.core_terms


def test_grant_relevance_is_none_when_nothing_is_relevant() -> None:
    tables = build_tables([record("R01CA000203", [pi(203)], ONC)], as_of=AS_OF)
    scored = score_projects(tables.projects, CARDIOLOGY)
    assert grant_relevance(tables.projects, scored, W, AS_OF) is None


def test_contributions_weigh_contact_other_and_unflagged_pis() -> None:
    recs = [
        record("R01HL000211", [pi(211, True), pi(212, False)], HF),
        record("R01HL000213", [pi(213, None)], HF),  # one PI, no flag: the contact PI
    ]
    tables = build_tables(recs, as_of=AS_OF)
    core = grant_relevance(tables.projects, score_projects(tables.projects, CARDIOLOGY), W, AS_OF)
    assert core is not None
    facts = grant_facts(tables.grants, AS_OF)
    lk = pi_grant_contributions(tables.pi_grants, core, facts, W).set_index("pi_key")
    assert lk.at["211", "role"] == W.contact_weight
    assert lk.at["212", "role"] == W.other_pi_weight
    assert lk.at["213", "role"] == W.contact_weight
    assert lk.at["212", "contrib"] == pytest.approx(W.other_pi_weight * lk.at["211", "contrib"])
    assert facts.at["R01HL000211", "n_pis"] == 2
    assert facts.at["R01HL000211", "months_left"] > 12


def test_text_score_sums_the_top_k_grants_plus_a_log_breadth_bonus() -> None:
    lk = _links([("a", f"G{i}", c, True, "R01") for i, c in enumerate([0.9, 0.8, 0.7, 0.6])])
    scores = pi_text_scores(lk, W)
    assert scores is not None
    assert scores.text["a"] == pytest.approx(0.9 + 0.8 + 0.7 + W.breadth * math.log1p(4))
    assert scores.n_matching["a"] == 4
    assert scores.relevance["a"] == 1.0


def test_text_scores_are_none_when_every_contribution_is_zero() -> None:
    assert pi_text_scores(_links([("a", "G1", 0.0, False, "R01")]), W) is None


def test_select_pis_drops_trainees_low_relevance_and_pis_without_a_matching_grant() -> None:
    lk = _links(
        [
            ("mentor", "G1", 0.9, True, "R01"),
            ("fellow", "G2", 0.9, True, "F32"),
            ("faint", "G3", 0.01, True, "R01"),
            ("none", "G4", 0.0, False, "R01"),
        ]
    )
    scores = pi_text_scores(lk, W)
    assert isinstance(scores, TextScores)
    # Pool order (by pi_key); "faint" has relevance (0.01 + breadth·log 2) / best ≈ 0.14.
    assert list(select_pis(lk, scores, W)) == ["faint", "mentor"]
    assert list(select_pis(lk, scores, replace(W, min_text_score=0.2))) == ["mentor"]
    keep_fellows = replace(W, exclude_trainees=False)
    assert list(select_pis(lk, scores, keep_fellows)) == ["faint", "fellow", "mentor"]
