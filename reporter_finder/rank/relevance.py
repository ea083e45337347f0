"""Text relevance of each project to the query: BM25 of the specialty and skill vocabularies.

Step 1 of the ranking (the team's ranking notes §7). BM25 (Lucene variant, PyStemmer English
stems; :mod:`~reporter_finder.rank.termindex`) of the specialty's core terms (weight 1.0) and
broad terms (0.5) over title + abstract + public-health relevance text + the project's
``pref_terms`` (once, minus the generic ones). Multi-word terms are matched as phrases; a term
several specialties list weighs less. Then:

* **Must-match rules.** A specialty composed with a modifier ("pediatric cardiology") counts
  only in grants that also speak the modifier's vocabulary; a phrase, only in grants with the
  exact phrase or its content words (some of them, with the rarest, count by their share).
* **Feedback.** A phrase is scored twice: the best grants of the first scoring lend their most
  distinctive words to the second (pseudo-relevance feedback), re-ordering the matches.
* **Skills** only *re-weight* projects that already match the specialty:
  ``relevance = specialty × (1 + skill_boost × skill / max skill)``; a skill with patterns
  ("R" the language) is found by them (:mod:`~reporter_finder.rank.skillmatch`), the others
  by their vocabulary.

The same pass counts the clinical and basic-science cue words that the track prior reads later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from reporter_finder.rank.lexicon import load_lexicon, medical_stopwords
from reporter_finder.rank.skillmatch import pattern_counts
from reporter_finder.rank.termindex import STOPWORDS, Corpus, score_terms, tokenise
from reporter_finder.rank.weights import RankWeights
from reporter_finder.schema import SCORE_COLUMNS, empty_frame, frame

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.rank.lexicon import Skill, Specialty

__all__ = ["score_projects"]


def _texts(series: pd.Series) -> list[str]:
    # NA becomes "" so that the document texts can be joined and factorised.
    return series.astype("object").where(series.notna(), "").tolist()


def _generic_pref_terms(projects: pd.DataFrame, max_df: float) -> frozenset[str]:
    """Case-folded pref_terms listed on more than ``max_df`` of the grants.

    Shares are over distinct ``(core_project_num, pref_terms)`` pairs, so a grant's fiscal
    years (which repeat one list) count once.
    """
    pairs = projects[["core_project_num", "pref_terms"]].astype("object")
    pairs = pairs[pairs["pref_terms"].notna()].drop_duplicates()
    if pairs.empty:
        return frozenset()
    counts: dict[str, int] = {}
    for text, times in pairs["pref_terms"].value_counts(sort=False).items():
        for term in {t.strip().casefold() for t in str(text).split(";")}:
            counts[term] = counts.get(term, 0) + int(times)
    limit = max_df * len(pairs)
    return frozenset(t for t, c in counts.items() if c > limit and t)


def _documents(projects: pd.DataFrame, max_df: float) -> tuple[np.ndarray, list[str]]:
    """(code per project row, distinct document texts): title, abstract, PHR, pref_terms."""
    pref = _texts(projects["pref_terms"])
    generic = _generic_pref_terms(projects, max_df)
    cleaned: dict[str, str] = {"": ""}
    for text in dict.fromkeys(pref):
        if text not in cleaned:
            kept = (t.strip() for t in text.split(";"))
            cleaned[text] = "; ".join(t for t in kept if t and t.casefold() not in generic)
    parts = zip(
        _texts(projects["project_title"]),
        _texts(projects["abstract_text"]),
        _texts(projects["phr_text"]),
        (cleaned[p] for p in pref),
        strict=True,
    )
    # Fiscal years of a grant usually repeat one text: factorising scores each text once.
    joined = ["\n".join(p) for p in parts]
    codes, uniques = pd.factorize(pd.Series(joined, dtype="object"))
    return codes, list(uniques)


def _term_lists(
    contrib: np.ndarray, names: Sequence[str], docs: np.ndarray
) -> dict[int, list[str]]:
    """For each doc index in ``docs``: names with contribution > 0, strongest first."""
    out: dict[int, list[str]] = {}
    if contrib.size == 0:
        return out
    for d in docs.tolist():
        col = contrib[:, d]
        hit = np.flatnonzero(col > 0)
        if len(hit) == 0:
            continue
        order = hit[np.argsort(-col[hit], kind="stable")]
        out[d] = list(dict.fromkeys(names[i] for i in order))
    return out


#: Weight of a modifier's terms ("children" in pediatric cardiology): they must match, and
#: add to the score half as much as a broad term, so that the specialty's own vocabulary leads.
MODIFIER_WEIGHT = 0.25
#: Pseudo-relevance feedback for a phrase (RM3-like): the best ``FEEDBACK_DOCS`` documents
#: of the first scoring lend their ``FEEDBACK_TERMS`` most distinctive words, each weighted
#: ``FEEDBACK_WEIGHT``, to a second scoring. Only documents that already match the phrase can
#: gain from them.
FEEDBACK_DOCS = 10
FEEDBACK_TERMS = 10
FEEDBACK_WEIGHT = 0.6
_FEEDBACK_WORD = re.compile(r"[a-z][a-z-]{3,}")
#: A phrase's grant with only some of its content words keeps (share of words) ** this.
PARTIAL_POWER = 1.0
#: A specialty's term listed by k specialties weighs 1 / k ** this (chosen on dev).
SHARED_TERM_POWER = 0.5


def _query_terms(
    specialty: Specialty, skills: Sequence[Skill], w: RankWeights
) -> tuple[dict[str, float], dict[str, float]]:
    """(specialty term -> weight, skill term -> weight); a term listed twice keeps its first."""
    spec_terms: dict[str, float] = {}
    for term in specialty.core_terms:
        spec_terms.setdefault(term, w.core_weight)
    for term in specialty.broad_terms:
        spec_terms.setdefault(term, w.broad_weight)
    if specialty.is_known:
        # A term several specialties list ("type 2 diabetes": family medicine, endocrinology
        # …) says less about any one of them.
        owners = load_lexicon().term_owners
        spec_terms = {t: v / owners.get(t, 1) ** SHARED_TERM_POWER for t, v in spec_terms.items()}
    for term in specialty.must_match_any:
        spec_terms.setdefault(term, MODIFIER_WEIGHT)
    skill_terms: dict[str, float] = {}
    for skill in skills:
        if skill.patterns:  # found by its patterns instead (_pattern_contrib)
            continue
        for term in skill.terms:
            skill_terms.setdefault(term, w.skill_term_weight)
    return spec_terms, skill_terms


def _pattern_contrib(
    docs: Sequence[str], skills: Sequence[Skill], on_topic: np.ndarray, w: RankWeights
) -> np.ndarray:
    """BM25-like scores (idf × saturated count, no length norm) of the skills found by their
    patterns ("R" as the language, never "regression"), on the on-topic documents only."""
    rows = np.zeros((len(skills), len(docs)))
    where = np.flatnonzero(on_topic)
    if not skills or not len(where):
        return rows
    counts = pattern_counts([docs[i] for i in where.tolist()], skills).astype(np.float64)
    df = (counts > 0).sum(axis=1)
    idf = np.log1p((len(where) - df + 0.5) / (df + 0.5))
    rows[:, where] = idf[:, None] * counts / (counts + w.bm25_k1) * w.skill_term_weight
    return rows


def _weighted(
    matrix: np.ndarray, row_of: Mapping[str, int], terms: Mapping[str, float]
) -> np.ndarray:
    """The rows of ``matrix`` for ``terms``, each times its weight (terms × documents)."""
    if not terms:
        return np.zeros((0, matrix.shape[1]))
    rows = [row_of[t] for t in terms]
    return matrix[rows] * np.array(list(terms.values()))[:, None]


def _gate_broad_terms(
    contrib: np.ndarray, spec_terms: Mapping[str, float], specialty: Specialty
) -> np.ndarray:
    """``contrib`` with broad-term scores zeroed in documents that match no core term.

    Broad terms ("hypertension", "community" for family medicine) only strengthen a grant that
    already speaks the specialty's core language; on their own, many adjacent words add up to
    outrank the grants that are squarely in the field. A fallback specialty (``is_known``
    False) is left alone: its borrowed broad terms are its best vocabulary.
    """
    if not (specialty.is_known and len(spec_terms)):
        return contrib
    is_core = np.array([t in set(specialty.core_terms) for t in spec_terms])
    core_hit = contrib[is_core].sum(axis=0) > 0
    return np.where(is_core[:, None] | core_hit[None, :], contrib, 0.0)


def _required(
    contrib: np.ndarray, spec_terms: Mapping[str, float], specialty: Specialty
) -> np.ndarray:
    """How much of each document's score stands under the specialty's must-match rules, 0–1.

    ``must_match_any`` (a modifier's vocabulary): 1 with one of those terms, else 0.
    ``must_match_all`` (a phrase's content words): 1 with the exact phrase (the first core
    term) or every word; with only some of the words, among them the rarest in the corpus,
    their share to the power :data:`PARTIAL_POWER` ("antibiotic resistance" grants still
    count, below the exact ones, for "antimicrobial resistance"; "insulin resistance" does
    not); 0 otherwise. Generic words are no content words, so they never carry a document.
    """
    n_docs = contrib.shape[1]
    weight = np.ones(n_docs)
    row = {t: i for i, t in enumerate(spec_terms)}
    if specialty.must_match_any:
        rows = [row[t] for t in specialty.must_match_any if t in row]
        weight *= (contrib[rows].sum(axis=0) > 0) if rows else 0.0
    if specialty.must_match_all:
        words = specialty.must_match_all
        forms = specialty.word_forms or tuple(() for _ in words)
        has = np.zeros((len(words), n_docs), dtype=bool)
        for i, (word, others) in enumerate(zip(words, forms, strict=True)):
            rows = [row[f] for f in (word, *others) if f in row]
            has[i] = contrib[rows].sum(axis=0) > 0 if rows else False
        # A part of the phrase stands only with its rarest word: "sickle" in "sickle cell
        # disease", never "cell" alone.
        rarest = has[int(np.argmin(has.sum(axis=1)))]
        share = np.where(rarest, has.sum(axis=0) / len(words), 0.0)
        first = specialty.core_terms[0] if specialty.core_terms else None
        phrase = contrib[row[first]] > 0 if first in row else np.zeros(n_docs, dtype=bool)
        weight *= np.where(phrase, 1.0, share**PARTIAL_POWER)
    return weight


def _feedback_terms(
    docs: Sequence[str], spec_score: np.ndarray, specialty: Specialty, stopwords: frozenset[str]
) -> list[str]:
    """Words that distinguish the best-scored documents (RM3's expansion, simplified).

    Each word's weight is its share of the top documents' text, weighted by their scores;
    words in fewer than two of those documents, stop-words and the query's own words are left
    out. The collection-frequency penalty happens in the caller (the words' BM25 idf).
    """
    top = np.argsort(-spec_score, kind="stable")[:FEEDBACK_DOCS]
    top = top[spec_score[top] > 0]
    if len(top) < 3:
        return []
    own = {w for term in specialty.core_terms for w in term.lower().split()}
    weight: dict[str, float] = {}
    seen_in: dict[str, int] = {}
    total = float(spec_score[top].sum())
    for d in top.tolist():
        words = [w for w in _FEEDBACK_WORD.findall(docs[d].lower()) if w not in stopwords]
        if not words:
            continue
        share = float(spec_score[d]) / total / len(words)
        for word in set(words):
            seen_in[word] = seen_in.get(word, 0) + 1
        for word in words:
            weight[word] = weight.get(word, 0.0) + share
    candidates = [w for w in weight if seen_in[w] >= 2 and w not in own]
    return sorted(candidates, key=lambda w: (-weight[w], w))[: FEEDBACK_TERMS * 2]


def _combine(
    spec_contrib: np.ndarray, skill_contrib: np.ndarray, n_docs: int, w: RankWeights
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(specialty score, skill score, relevance) per document.

    Skills are normalised by the best skill score among on-topic documents, so they can at
    most multiply a specialty score by ``1 + skill_boost`` and never create one.
    """
    spec_score = spec_contrib.sum(axis=0) if len(spec_contrib) else np.zeros(n_docs)
    skill_score = skill_contrib.sum(axis=0) if len(skill_contrib) else np.zeros(n_docs)
    on_topic = spec_score > 0
    skill_max = float(skill_score[on_topic].max()) if on_topic.any() else 0.0
    skill_norm = skill_score / skill_max if skill_max > 0 else np.zeros(n_docs)
    relevance = spec_score * (1.0 + w.skill_boost * skill_norm)
    return spec_score, skill_score, relevance


def _cue_counts(
    matrix: np.ndarray, row_of: Mapping[str, int], w: RankWeights
) -> tuple[np.ndarray, np.ndarray]:
    """(distinct clinical cues, distinct basic cues) present in each document."""
    cue_present = matrix > 0
    clinical = cue_present[[row_of[c] for c in w.clinical_cues]].sum(axis=0)
    basic = cue_present[[row_of[c] for c in w.basic_cues]].sum(axis=0)
    return clinical, basic


def _with_feedback(
    docs: Sequence[str],
    corpus: Corpus,
    spec_terms: dict[str, float],
    spec_contrib: np.ndarray,
    required: np.ndarray,
    specialty: Specialty,
    w: RankWeights,
) -> tuple[dict[str, float], np.ndarray]:
    """``spec_terms`` and ``spec_contrib`` with the feedback terms of a first scoring added."""
    first = spec_contrib.sum(axis=0)
    candidates = _feedback_terms(docs, first, specialty, STOPWORDS | medical_stopwords())
    candidates = [c for c in candidates if c not in spec_terms]
    if not candidates:
        return spec_terms, spec_contrib
    exclude = tuple(specialty.exclude_terms)
    extra = score_terms(
        docs, candidates, exclude=exclude, k1=w.bm25_k1, b=w.bm25_b, corpus=corpus
    ).scores.astype(np.float64)
    top = np.argsort(-first, kind="stable")[:FEEDBACK_DOCS]
    # BM25 in the top documents already weighs a word by its rarity in the collection (idf):
    # the words that score highest there are the distinctive ones.
    strength = extra[:, top].sum(axis=1)
    best = [i for i in np.argsort(-strength, kind="stable")[:FEEDBACK_TERMS] if strength[i] > 0]
    if not best:
        return spec_terms, spec_contrib
    terms = {**spec_terms, **{candidates[i]: FEEDBACK_WEIGHT for i in best}}
    matched = np.where(first > 0, required, 0.0)  # feedback re-orders the matches, adds none
    rows = extra[best] * FEEDBACK_WEIGHT * matched[None, :]
    return terms, np.vstack([spec_contrib, rows])


def score_projects(
    projects: pd.DataFrame,
    specialty: Specialty,
    skills: Iterable[Skill] = (),
    *,
    weights: RankWeights | None = None,
) -> pd.DataFrame:
    """Score every project (``appl_id``) against a specialty's vocabulary and the skills.

    Args:
        projects: a ``projects`` table (``schema.PROJECT_COLUMNS``; only ``appl_id``,
            ``core_project_num`` and the four text columns are read). Not modified.
        specialty: the target specialty (its ``core_terms``, ``broad_terms`` and
            ``exclude_terms`` are used).
        skills: the applicant's skills (their ``terms``).
        weights: the :class:`RankWeights`; default ``RankWeights()``.

    Returns:
        One row per project row, in input order, with the columns of
        :data:`reporter_finder.schema.SCORE_COLUMNS`. Lists are Python lists (empty when
        nothing matched).

    Example:
        >>> scored = score_projects(tables.projects, resolve_specialty("cardiology").specialty)
    """
    w = weights or RankWeights()
    skills = tuple(skills)
    if projects.empty:
        return empty_frame(SCORE_COLUMNS)
    spec_terms, skill_terms = _query_terms(specialty, skills, w)
    all_terms = list(dict.fromkeys([*spec_terms, *skill_terms, *w.clinical_cues, *w.basic_cues]))
    row_of = {t: i for i, t in enumerate(all_terms)}

    codes, docs = _documents(projects, w.pref_terms_max_df)
    corpus = tokenise(docs)
    matrix = score_terms(
        docs, all_terms, exclude=tuple(specialty.exclude_terms), k1=w.bm25_k1, b=w.bm25_b,
        corpus=corpus,
    ).scores.astype(np.float64)  # fmt: skip
    raw = _weighted(matrix, row_of, spec_terms)
    required = _required(raw, spec_terms, specialty)
    spec_contrib = _gate_broad_terms(raw, spec_terms, specialty) * required[None, :]
    if not specialty.is_known:  # a phrase: learn its vocabulary from its best matches
        spec_terms, spec_contrib = _with_feedback(
            docs, corpus, spec_terms, spec_contrib, required, specialty, w
        )
    skill_contrib = _weighted(matrix, row_of, skill_terms)
    by_pattern = [skill for skill in skills if skill.patterns]
    if by_pattern:
        on = spec_contrib.sum(axis=0) > 0
        skill_contrib = np.vstack([skill_contrib, _pattern_contrib(docs, by_pattern, on, w)])
    spec_score, skill_score, relevance = _combine(spec_contrib, skill_contrib, len(docs), w)
    on_topic = spec_score > 0
    clinical, basic = _cue_counts(matrix, row_of, w)

    used = np.unique(codes)
    spec_lists = _term_lists(spec_contrib, list(spec_terms), used[on_topic[used]])
    skill_names = [*skill_terms, *(skill.name for skill in by_pattern)]  # rows of skill_contrib
    skill_lists = _term_lists(skill_contrib, skill_names, used[on_topic[used]])
    return frame(
        {
            "appl_id": projects["appl_id"].to_numpy(),
            "core_project_num": projects["core_project_num"].to_numpy(),
            "specialty_score": spec_score[codes],
            "skill_score": np.where(on_topic, skill_score, 0.0)[codes],
            "relevance": relevance[codes],
            "matched_terms": [list(spec_lists.get(c, ())) for c in codes.tolist()],
            "matched_skill_terms": [list(skill_lists.get(c, ())) for c in codes.tolist()],
            "clinical_signal": clinical[codes],
            "basic_signal": basic[codes],
        },
        SCORE_COLUMNS,
    )
