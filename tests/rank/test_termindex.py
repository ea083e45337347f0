"""BM25 term scores: false-friend phrases silence only their own occurrences."""

from __future__ import annotations

import random

import bm25s
import numpy as np
import Stemmer

from reporter_finder.rank.termindex import score_terms, tokenise

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


def _bm25s_reference(docs: list[str], terms: list[str]) -> np.ndarray:
    """Scores of one-word terms from a full ``bm25s`` index (Lucene variant), the reference."""
    tokens = bm25s.tokenize(docs, stopwords="en", stemmer=Stemmer.Stemmer("english"),
                            show_progress=False)  # fmt: skip
    retriever = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
    retriever.index(tokens, show_progress=False)
    stemmer = Stemmer.Stemmer("english")
    out = np.zeros((len(terms), len(docs)))
    for row, term in enumerate(terms):
        stem = stemmer.stemWord(term)
        if stem in tokens.vocab:
            out[row] = retriever.get_scores_from_ids([tokens.vocab[stem]])
    return out


def test_scores_equal_a_full_bm25s_index() -> None:
    rng = random.Random(7)
    words = ["heart", "failure", "kidney", "tumor", "sepsis", "children", "veterans", "of",
             "the", "trial", "cohort", "biology", "mice", "risk"]  # fmt: skip
    docs = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 40))) for _ in range(300)]
    terms = ["heart", "kidney", "sepsis", "veterans", "mice", "absent"]
    ours = score_terms(docs, terms).scores
    assert np.allclose(ours, _bm25s_reference(docs, terms), rtol=1e-5, atol=1e-6)


def test_a_tokenised_corpus_scores_as_the_documents_do() -> None:
    corpus = tokenise(DOCS)
    again = score_terms(DOCS, ["tumor", "heart failure"], corpus=corpus).scores
    assert np.array_equal(again, score_terms(DOCS, ["tumor", "heart failure"]).scores)
