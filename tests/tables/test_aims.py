"""tables.aims: a grant's aim in the abstract's own words, or nothing."""

from __future__ import annotations

import pytest

from reporter_finder.tables.aims import AIM_MAX_WORDS, aim_clause


@pytest.mark.parametrize(
    ("abstract", "aim"),
    [
        ("Background. The overall goal of this proposal is to determine whether statins "
         "prevent delirium in older adults. Aim 1 will …", "determine whether statins prevent "
         "delirium in older adults"),
        ("The objective of the R01 study is to test a nurse-led transition program (Aim 1).",
         "test a nurse-led transition program"),
        ("This project will develop a registry of rare kidney diseases; it will …",
         "develop a registry of rare kidney diseases"),
        ("Our long-term goal is to reduce readmissions after heart failure.",
         "reduce readmissions after heart failure"),
        ("Here, we aim to define a multi-organ catalog of exerkines.",
         "define a multi-organ catalog of exerkines"),
        ("We propose to leverage human bio-\nsamples for pre- and post-treatment analysis.",
         "leverage human bio-samples for pre- and post-treatment analysis"),
    ],
)  # fmt: skip
def test_the_aim_is_taken_word_for_word(abstract: str, aim: str) -> None:
    assert aim_clause(abstract) == aim


@pytest.mark.parametrize(
    "abstract",
    [
        "",
        "NO LOWER CASE: THE GOAL OF THIS PROJECT IS TO STUDY X.",
        "The goal of this project is to extend our model of sepsis.",  # first person
        "We aim to close this gap in care.",  # leans on its context
        "We aim to test the hypothesis that X causes Y.",  # which hypothesis?
        "This study will not only improve X but also Y.",  # no verb first
        "Tissue-associated biomarkers (TABs) matter. We aim to uncover TABs in GTEx.",
        "The goal of this project is to " + "study " * AIM_MAX_WORDS + "things.",  # too long
    ],
)
def test_no_aim_rather_than_a_wrong_one(abstract: str) -> None:
    assert aim_clause(abstract) == ""
