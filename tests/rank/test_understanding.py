"""What the search makes of a typed text: a typo, a modifier with a specialty, or a phrase; and
how each is retrieved and scored (the must-match rules, pseudo-relevance feedback)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest

from reporter_finder.errors import QueryError
from reporter_finder.rank.lexicon import Lexicon, Modifier, load_lexicon, medical_stopwords
from reporter_finder.rank.relevance import score_projects
from reporter_finder.rank.resolve import resolve_specialty
from reporter_finder.retrieval import default_query, split_query
from reporter_finder.schema import PROJECT_COLUMNS, frame

PEDIATRIC = Modifier(
    key="pediatric",
    name="Pediatric",
    aliases=("peds", "paediatric"),
    terms=("children", "child", "pediatric", "infants", "congenital"),
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    """The packaged lexicon with one known modifier (the data file may hold more)."""
    packaged = load_lexicon()
    return Lexicon(
        specialties=packaged.specialties,
        skills=packaged.skills,
        dept_types=packaged.dept_types,
        modifiers={**packaged.modifiers, "pediatric": PEDIATRIC},
    )


def projects(*texts: str) -> pd.DataFrame:
    """A projects table with one grant per (title) text."""
    n = len(texts)
    return frame(
        {
            "appl_id": list(range(1, n + 1)),
            "core_project_num": [f"R01XX{i:06d}" for i in range(n)],
            "project_title": list(texts),
            "abstract_text": [""] * n,
            "phr_text": [""] * n,
            "pref_terms": [None] * n,
        },
        PROJECT_COLUMNS,
    )


# --- resolving ------------------------------------------------------------------------------


def test_a_name_is_a_name_and_a_typo_says_so(lexicon: Lexicon) -> None:
    assert resolve_specialty("cardiology", lexicon).how == "name"
    typo = resolve_specialty("cardiolgy", lexicon)
    assert (typo.how, typo.specialty.key) == ("typo", "cardiology")


def test_a_modifier_with_a_specialty_is_their_intersection(lexicon: Lexicon) -> None:
    match = resolve_specialty("paediatric cardiology research", lexicon)
    cardiology = lexicon.specialty("cardiology")
    assert match.how == "composed"
    assert match.is_known
    assert match.specialty.core_terms == cardiology.core_terms
    assert match.specialty.must_match_any == PEDIATRIC.terms
    assert match.specialty.qualifier == "Pediatric"
    assert match.specialty.key == "pediatric_cardiology"


def test_a_phrase_is_the_exact_phrase_or_all_its_content_words(lexicon: Lexicon) -> None:
    match = resolve_specialty("Sickle cell disease", lexicon)
    assert match.how == "phrase"
    assert not match.is_known
    assert match.specialty.core_terms == ("sickle cell disease", "sickle", "cell")
    assert match.specialty.must_match_all == ("sickle", "cell")  # "disease" is generic


def test_generic_words_never_stand_alone(lexicon: Lexicon) -> None:
    match = resolve_specialty("suicide prevention", lexicon)
    assert match.specialty.core_terms == ("suicide prevention", "suicide")
    assert "prevention" in medical_stopwords()


def test_suggestions_come_from_the_vocabularies(lexicon: Lexicon) -> None:
    match = resolve_specialty("sickle cell disease", lexicon)
    assert match.related_keys[0] == "hematology"
    assert match.suggestions[0] == "Hematology"


def test_a_phrase_no_specialty_uses_has_no_related_specialty(lexicon: Lexicon) -> None:
    match = resolve_specialty("data ecosystem engagement", lexicon)
    assert match.related_keys == ()
    assert len(match.suggestions) == 3  # the closest names, for the error when nothing matches


@pytest.mark.parametrize("text", ["clinical research", "the disease", "health care outcomes"])
def test_only_generic_words_are_refused(lexicon: Lexicon, text: str) -> None:
    with pytest.raises(QueryError, match="has only generic words"):
        resolve_specialty(text, lexicon)


# --- retrieving -----------------------------------------------------------------------------


def _search_text(text: str, lexicon: Lexicon) -> str:
    query = default_query(resolve_specialty(text, lexicon).specialty, today=date(2026, 12, 1))
    return str(query.to_criteria()["advanced_text_search"]["search_text"])


def test_a_phrase_is_retrieved_as_itself_or_its_words_anded(lexicon: Lexicon) -> None:
    assert _search_text("sickle cell disease", lexicon) == (
        '"sickle cell disease" OR (sickle AND cell)'
    )
    assert _search_text("sepsis", lexicon) == "sepsis"


def test_a_composition_is_retrieved_as_both_vocabularies(lexicon: Lexicon) -> None:
    query = default_query(
        resolve_specialty("peds cardiology", lexicon).specialty, today=date(2026, 12, 1)
    )
    text = query.to_criteria()["advanced_text_search"]["search_text"]
    assert text.startswith("(children OR child OR pediatric OR infants OR congenital) AND (")
    assert '"heart failure"' in text
    # A long OR-list is split, and every part keeps the modifier's side.
    parts = split_query(query, max_chars=200)
    assert len(parts) > 1
    assert all(p.text == query.text for p in parts)


# --- scoring --------------------------------------------------------------------------------


def test_a_grant_sharing_only_a_generic_word_scores_nothing(lexicon: Lexicon) -> None:
    table = projects(
        "Sickle cell disease pain crises in adolescents",
        "Chronic kidney disease progression",  # only "disease"
        "Red cell sickling under hypoxia: sickle hemoglobin polymers",  # both words, no phrase
    )
    scored = score_projects(table, resolve_specialty("sickle cell disease", lexicon).specialty)
    assert scored["specialty_score"].tolist()[1] == 0
    assert scored["specialty_score"].tolist()[0] > 0
    assert scored["specialty_score"].tolist()[2] > 0


def test_a_composition_needs_the_modifiers_vocabulary(lexicon: Lexicon) -> None:
    table = projects(
        "Heart failure in children with congenital heart disease",
        "Heart failure in older adults",
        "Retinoblastoma in children",
    )
    specialty = resolve_specialty("pediatric cardiology", lexicon).specialty
    scores = score_projects(table, specialty)["specialty_score"].tolist()
    assert scores[0] > 0
    assert scores[1:] == [0, 0]


def test_feedback_reorders_the_matches_and_adds_none(lexicon: Lexicon) -> None:
    # Three grants about firearm suicide share "lethal means" and "veterans"; the fourth
    # mentions suicide once among other topics. Feedback learns the shared words, lifting the
    # grants that use them; a grant without "suicide" never scores.
    table = projects(
        "Suicide prevention: lethal means counseling for veterans with firearms",
        "Lethal means safety and suicide risk among veterans in primary care",
        "Suicide in veterans: firearm storage and lethal means counseling",
        "Sleep, suicide ideation and physical activity in adolescents",
        "Lethal means counseling for veterans with firearms",
    )
    specialty = resolve_specialty("suicide", lexicon).specialty
    with_feedback = score_projects(table, specialty)
    without = score_projects(table, dataclasses.replace(specialty, is_known=True))
    assert with_feedback["specialty_score"].tolist()[4] == 0
    learned = {t for terms in with_feedback["matched_terms"] for t in terms} - {"suicide"}
    assert {"lethal", "veterans"} <= learned
    gain = with_feedback["specialty_score"] - without["specialty_score"]
    assert gain[:3].min() > gain[3]


def test_a_short_form_matches_its_spelled_out_form(lexicon: Lexicon) -> None:
    specialty = resolve_specialty("medical AI", lexicon).specialty
    assert specialty.must_match_all == ("ai",)
    assert specialty.word_forms == (("artificial intelligence",),)
    assert (
        _search_text("medical AI", lexicon) == '"medical ai" OR ((ai OR "artificial intelligence"))'
    )
    table = projects(
        "Artificial intelligence for diabetic retinopathy screening",
        "Medical students' wellbeing during clerkships",  # only the generic word
    )
    scores = score_projects(table, specialty)["specialty_score"].tolist()
    assert scores[0] > 0
    assert scores[1] == 0


def test_some_of_a_phrases_words_count_less_than_all(lexicon: Lexicon) -> None:
    table = projects(
        "Antimicrobial resistance in hospital-acquired infections",
        "Antibiotic stewardship in nursing homes",  # the rarer word (as its other form)
        "Insulin resistance in adolescents",  # only the commoner word: not the topic
        "Resistance training after stroke",
    )
    scores = score_projects(
        table, resolve_specialty("antimicrobial resistance", lexicon).specialty
    )["specialty_score"].tolist()
    assert scores[0] > scores[1] > 0
    assert scores[2:] == [0, 0]


def test_a_term_several_specialties_list_weighs_less(lexicon: Lexicon) -> None:
    owners = lexicon.term_owners
    shared = next(t for t, k in owners.items() if k >= 4)
    own = next(
        t for t in lexicon.specialty("cardiology").core_terms if owners.get(t, 1) == 1 and " " in t
    )
    holder = next(s for s in lexicon.specialties.values() if shared in s.core_terms)
    table = projects(f"A study of {shared}", f"A study of {own}")
    solo = dataclasses.replace(holder, core_terms=(shared, own), broad_terms=())
    scores = score_projects(table, solo)["specialty_score"].tolist()
    assert scores[0] < scores[1]


def test_the_skill_r_is_the_language_never_regression(lexicon: Lexicon) -> None:
    from reporter_finder.rank.resolve import resolve_skills

    table = projects(
        "Heart failure readmissions: analyses in R (version 4.3) with an R package we release",
        "Heart failure readmissions: logistic regression of registry data",
    )
    r_skill = resolve_skills("R", lexicon)
    assert r_skill[0].patterns  # matched by its patterns, not its statistics terms
    scored = score_projects(table, lexicon.specialty("cardiology"), r_skill)
    assert scored["skill_score"].tolist()[0] > 0
    assert scored["skill_score"].tolist()[1] == 0
    assert scored["matched_skill_terms"].tolist() == [["R"], []]
