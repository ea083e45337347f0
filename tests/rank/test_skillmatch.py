"""Tests of finding short or ambiguous skills ("R", "SAS", "C", "ML") by their patterns."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

from reporter_finder.errors import LexiconError
from reporter_finder.rank import skillmatch
from reporter_finder.rank.lexicon import Skill, load_lexicon
from reporter_finder.rank.skillmatch import compile_patterns, matches, pattern_counts

SKILLS = load_lexicon().skills
PATTERNED = [skill for skill in SKILLS.values() if skill.patterns]
EXAMPLES = [
    pytest.param(
        skill,
        text,
        expected,
        id=f"{skill.key}-{'match' if expected else 'no_match'}-{number}",
    )
    for skill in PATTERNED
    for number, (text, expected) in enumerate(skill.examples)
]


def _skill(key: str, *patterns: str) -> Skill:
    return Skill(
        key=key,
        name=key,
        aliases=(),
        terms=(key,),
        orientation="either",
        patterns=patterns,
    )


def _per_document(docs: list[str], skills: list[Skill]) -> np.ndarray:
    """The reference: each skill's combined pattern run over each document on its own."""
    out = np.zeros((len(skills), len(docs)), dtype=np.int64)
    for i, skill in enumerate(skills):
        pattern = compile_patterns(skill)
        if pattern is not None:
            out[i] = [sum(1 for m in pattern.finditer(d) if m.end() > m.start()) for d in docs]
    return out


# --- the packaged lexicon --------------------------------------------------------------------


@pytest.mark.parametrize(("skill", "text", "expected"), EXAMPLES)
def test_every_example_of_every_skill(skill: Skill, text: str, expected: bool) -> None:
    assert matches(skill, text) is expected


def test_the_short_and_ambiguous_skills_have_patterns() -> None:
    keys = {skill.key for skill in PATTERNED}
    assert {
        "r_programming",
        "python",
        "biostatistics",  # SAS, Stata, SPSS
        "machine_learning",  # ML, AI
        "nlp",
        "gis",
        "ehr_informatics",
        "echocardiography",  # echo
        "ct_imaging",  # CT
    } <= keys


@pytest.mark.parametrize("skill", PATTERNED, ids=lambda s: s.key)
def test_every_patterned_skill_documents_itself(skill: Skill) -> None:
    positive = [text for text, expected in skill.examples if expected]
    negative = [text for text, expected in skill.examples if not expected]
    assert len(positive) >= 3
    assert len(negative) >= 3
    assert skill.terms  # the loader requires them, though patterns replace them for matching


@pytest.mark.parametrize("skill", PATTERNED, ids=lambda s: s.key)
def test_every_packaged_skill_takes_the_fast_path(skill: Skill) -> None:
    # A pattern without a literal of 3+ characters or with an unbounded repeat is still
    # counted exactly, but by a full scan that takes seconds on 15,000 abstracts.
    plan = skillmatch._plan(skill.key, skill.patterns)
    assert plan.triggers, "add a literal of 3+ characters and use bounded repeats"
    assert not plan.anchored


def test_r_is_not_regression() -> None:
    r = SKILLS["r_programming"]
    assert r.patterns
    assert "regression" in r.terms  # kept in the data, no longer used for matching
    assert not matches(r, "We will use logistic regression and mixed-effects regression.")
    assert not matches(r, "R01 renewal; during the R21 phase, IL-1R signalling was studied.")
    assert matches(r, "All analyses will be done in R (version 4.3).")
    docs = ["Multivariable regression in an R01 cohort.", "We will release an R package."]
    assert pattern_counts(docs, [r]).tolist() == [[0, 1]]
    # Regression is a statistics skill, not an R one.
    assert matches(SKILLS["biostatistics"], "Multivariable logistic regression models.")


def test_windowed_counts_equal_a_scan_of_each_document() -> None:
    sentences = [text for skill in PATTERNED for text, _ in skill.examples]
    docs = [
        " ".join(sentences[i : i + 7]) + (" in R" if i % 3 else " using SAS")
        for i in range(0, len(sentences), 5)
    ]
    docs += ["", "R", "in R", "Python", "CT scan", "ArcGIS\nGIS", "é İstanbul in R ı ſ µCT μCT"]
    assert np.array_equal(pattern_counts(docs, PATTERNED), _per_document(docs, PATTERNED))


# --- counts: shape and values ----------------------------------------------------------------


def test_counts_shape_and_values_on_a_tiny_corpus() -> None:
    r, sas, python = SKILLS["r_programming"], SKILLS["biostatistics"], SKILLS["python"]
    docs = [
        "Analyses in R and SAS 9.4; an R package and Bioconductor workflows.",
        "The Burmese python genome. An R01 on logistic regression.",
        "Pipelines in Python with NumPy.",
    ]
    counts = pattern_counts(docs, [r, sas, python])
    assert counts.shape == (3, 3)
    assert counts.dtype == np.int64
    # R: "in R", "R package", "Bioconductor"; biostatistics: "SAS 9.4", "logistic regression".
    assert counts.tolist() == [[3, 0, 0], [1, 1, 0], [0, 0, 2]]


def test_a_skill_without_patterns_counts_zero() -> None:
    chart = SKILLS["chart_review"]
    assert not chart.patterns
    assert compile_patterns(chart) is None
    assert not matches(chart, "a retrospective chart review of electronic health records")
    counts = pattern_counts(["chart review", "in R"], [chart, SKILLS["r_programming"]])
    assert counts.tolist() == [[0, 0], [0, 1]]


def test_no_documents_or_no_skills() -> None:
    r = SKILLS["r_programming"]
    assert pattern_counts([], [r]).shape == (1, 0)
    assert pattern_counts(["in R"], []).shape == (0, 1)


def test_matches_are_counted_without_overlap() -> None:
    skill = _skill("aa", "aaa", "aa")
    assert pattern_counts(["aaaa aa", "aaaaa"], [skill]).tolist() == [[2, 2]]


def test_a_match_never_spans_two_documents() -> None:
    skill = _skill("wide", r"end\W{0,3}start", r"(?i:spss)")
    docs = ["the end", "start here", "end . start", "SPSS"]
    assert pattern_counts(docs, [skill]).tolist() == [[0, 0, 1, 1]]


# --- patterns the fast path cannot plan are still counted exactly ----------------------------


@pytest.mark.parametrize(
    "patterns",
    [
        (r"\bR\b",),  # a one-character literal: no trigger
        (r"\bin\s+R\b", r"Bioconductor"),  # an unbounded repeat
        (r"^Aims", r"Bioconductor"),  # anchored: document by document
        (r"(?i)bioconductor",),  # a leading global flag becomes a scoped one
        (r"(\w{2,4})-\1",),  # a back-reference
    ],
)
def test_unplanned_patterns_are_counted_exactly(patterns: tuple[str, ...]) -> None:
    skill = _skill("custom", *patterns)
    docs = ["Aims: in  R with BIOCONDUCTOR.", "R-R in\nR", "ab-ab Aims", "", "no"]
    assert np.array_equal(pattern_counts(docs, [skill]), _per_document(docs, [skill]))


def test_documents_containing_the_separator_are_counted_one_by_one() -> None:
    r = SKILLS["r_programming"]
    docs = ["code in R\x00 in R", "RStudio"]
    assert pattern_counts(docs, [r]).tolist() == [[2, 1]]


def test_patterns_that_cannot_be_combined_raise_a_lexicon_error() -> None:
    skill = _skill("clash", r"(?P<x>SAS)", r"(?P<x>SPSS)")
    with pytest.raises(LexiconError, match="clash"):
        compile_patterns(skill)


def test_module_examples() -> None:
    assert doctest.testmod(skillmatch).failed == 0
