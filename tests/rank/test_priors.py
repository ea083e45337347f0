"""reporter_finder.rank.priors: each mentor-prior component on hand-made grant links."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from reporter_finder.rank.priors import (
    active_prior,
    funding_prior,
    mechanism_prior,
    orientation,
    seniority,
    target_orientation,
)
from reporter_finder.rank.weights import RankWeights
from tests.rank.records import BENCH, ECHO, ML, deep_copy_frame

W = RankWeights()


def _links(rows: list[dict]) -> pd.DataFrame:
    """Links of the chosen PIs with only the columns the priors read; defaults neutral."""
    base = {"code": "R01", "months_left": 24.0, "award": 500_000.0, "matching": True}
    base |= {"clinical": 0.0, "basic": 0.0, "contrib": 1.0, "dept": None}
    return pd.DataFrame([{**base, **row} for row in rows])


@pytest.mark.parametrize(
    ("title", "value"),
    [
        ("PROFESSOR OF MEDICINE", 1.0),
        ("Associate Professor", 0.7),
        ("ASST PROFESSOR", 0.4),
        ("Research Scientist", 0.15),
        ("", 0.0),
        (None, 0.0),
        ("Nurse", 0.0),
    ],
)
def test_seniority_of_academic_titles(title: str | None, value: float) -> None:
    assert seniority(title) == value


def test_target_orientation_follows_the_track_then_the_skills() -> None:
    assert target_orientation("clinical", [BENCH]) == 1.0
    assert target_orientation("postdoc", [ECHO]) == -1.0
    assert target_orientation("any", [ECHO, BENCH, ECHO]) == pytest.approx(1 / 3)
    assert target_orientation("any", [ML]) is None
    assert target_orientation("any", []) is None


def test_active_prior_saturates_at_a_year_and_ignores_ended_grants() -> None:
    lk = _links(
        [
            {"pi_key": "a", "months_left": 6.0},
            {"pi_key": "b", "months_left": 30.0},
            {"pi_key": "c", "months_left": -3.0},
        ]
    )
    chosen = pd.Index(["a", "b", "c"])
    before = deep_copy_frame(lk)
    prior, months = active_prior(lk, chosen, W)
    assert prior.tolist() == [0.5, 1.0, 0.0]
    assert months["c"] is pd.NA or math.isnan(months["c"])
    pd.testing.assert_frame_equal(lk, before)


def test_a_centre_grant_counts_as_at_most_one_r01_toward_funding() -> None:
    lk = _links(
        [
            {"pi_key": "centre", "code": "U54", "award": 12_000_000.0},
            {"pi_key": "r01", "code": "R01", "award": 600_000.0},
            {"pi_key": "ended", "code": "R01", "award": 900_000.0, "months_left": -1.0},
        ]
    )
    prior = funding_prior(lk, pd.Index(["centre", "r01", "ended"]), W)
    assert prior["centre"] == prior["r01"]
    expected = math.log1p(6.0) / math.log1p(W.funding_cap / 1e5)
    assert prior["r01"] == pytest.approx(expected)
    assert prior["ended"] == 0.0


def test_mechanism_prior_is_the_best_tier_held() -> None:
    lk = _links(
        [
            {"pi_key": "a", "code": "K23"},
            {"pi_key": "a", "code": "R21"},
            {"pi_key": "b", "code": "R01"},
            {"pi_key": "c", "code": "F32"},
        ]
    )
    assert mechanism_prior(lk, pd.Index(["a", "b", "c"]), W).tolist() == [0.6, 1.0, 0.0]


def test_orientation_balances_clinical_and_basic_cues_of_matching_grants() -> None:
    lk = _links(
        [
            {"pi_key": "clinic", "clinical": 3.0},
            {"pi_key": "lab", "basic": 2.0},
            {"pi_key": "lab", "clinical": 5.0, "matching": False},  # not a matching grant
            {"pi_key": "k23", "code": "K23"},  # a clinical award code counts as two cues
            {"pi_key": "silent"},
        ]
    )
    got = orientation(lk, pd.Index(["clinic", "lab", "k23", "silent"]), W)
    assert got[["clinic", "lab", "k23"]].tolist() == [1.0, -1.0, 1.0]
    assert pd.isna(got["silent"])
