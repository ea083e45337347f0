"""BM25 term scores: false-friend phrases silence only their own occurrences."""

from __future__ import annotations

from reporter_finder.rank.termindex import score_terms

DOCS = [
    "Heart failure in adults after myocardial infarction",
    "Metabolism is at the heart of this proposal on tumor growth",
    "Tumor necrosis factor signalling in arthritis",
]


def test_a_false_friend_of_stopwords_and_one_word_does_not_silence_that_word() -> None:
    # "at the heart of" analyses to the single stem "heart" once its stopwords are dropped; it
    # must not erase every "heart" (a regression: cardiology's "heart failure" scored nothing).
    scores = score_terms(DOCS, ["heart failure"], exclude=["at the heart of"]).scores
    assert scores[0, 0] > 0


def test_a_false_friend_phrase_silences_its_words_inside_it_only() -> None:
    scores = score_terms(DOCS, ["tumor"], exclude=["tumor necrosis factor"]).scores
    assert scores[0, 1] > 0
    assert scores[0, 2] == 0


def test_a_one_word_false_friend_silences_that_word() -> None:
    scores = score_terms(["cardia of the stomach", "cardiac output"], ["cardia"],
                         exclude=["cardia"]).scores  # fmt: skip
    assert scores.sum() == 0
