"""reporter_finder.rank.explain and the final score: labels, flags and the score formula."""

from __future__ import annotations

import pandas as pd
import pytest

from reporter_finder.rank.explain import fit_label, mentor_flags
from reporter_finder.rank.priors import Priors
from reporter_finder.rank.ranker import final_score
from reporter_finder.rank.weights import RankWeights

W = RankWeights()


@pytest.mark.parametrize(
    ("target", "orient", "label"),
    [
        (1.0, 0.8, "strong"),
        (1.0, 0.0, "partial"),
        (1.0, -0.6, "weak"),
        (-1.0, -1.0, "strong"),
        (0.2, 0.5, "strong"),  # only the sign of a skills-derived target matters
        (None, 0.5, "clinical"),
        (None, -0.5, "basic"),
        (None, 0.1, "mixed"),
        (1.0, None, "unknown"),
    ],
)
def test_fit_label(target: float | None, orient: float | None, label: str) -> None:
    assert fit_label(target, orient) == label


def test_mentor_flags_warnings_first_then_the_weights_order_plus_near_peer() -> None:
    assert mentor_flags({"T32", "K24", "R01"}, None, False, W) == [
        "K24 mentoring award",
        "T32 training grant",
    ]
    assert mentor_flags({"K23", "R21"}, None, False, W) == [
        "career-development awardee (K23): near-peer mentor"
    ]
    assert mentor_flags({"K23", "R01"}, None, False, W) == []  # an R01 holder is not a near-peer
    assert mentor_flags({"R44"}, "SBIR/STTR awards only", False, W) == [
        "company (SBIR/STTR awards only)"
    ]
    assert mentor_flags({"K24"}, "for-profit organisation", True, W) == [
        "company (for-profit organisation)",
        "trainee title",
        "K24 mentoring award",
    ]


def test_final_score_scales_by_the_prior_and_demotes_trainee_titles() -> None:
    index = pd.Index(["lab", "postdoc"])
    zero = pd.Series([0.0, 0.0], index=index)
    priors = Priors(
        active=zero, mechanism=zero, mentoring=zero, funding=zero, department=zero,
        seniority=zero, track=zero, total=pd.Series([0.5, 0.5], index=index),
        months_left=zero, orientation=zero, target=None, codes={}, department_hit={},
        company={}, trainee=pd.Series([False, True], index=index),
    )  # fmt: skip
    score = final_score(pd.Series([1.0, 1.0], index=index), priors, W)
    assert score["lab"] == pytest.approx(1.5 / (1.0 + W.max_prior))
    assert score["postdoc"] == pytest.approx(0.5 * score["lab"])
    assert W.trainee_title_factor == 0.5
