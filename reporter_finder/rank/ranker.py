"""Rank principal investigators as research mentors for a target specialty, skills and track.

The model is document-centric expert finding (Balog's "Model 2", see
``docs/ranking-notes.md`` §2 and §7): every project is scored against the query, then the
scores are aggregated to the PIs on the project, and mentor priors re-rank the topically
relevant PIs. Everything here is pure: no I/O, inputs are never modified, outputs have a fixed
column schema and empty input gives an empty frame with that schema.

1. **Project relevance** (:func:`score_projects`). BM25 (``bm25s``, Lucene variant, PyStemmer
   English stems) of the specialty's core terms (weight 1.0) and broad terms (0.5) over
   title + abstract + public-health relevance text + the project's ``pref_terms`` (once, minus
   the generic ones). Multi-word terms are matched as phrases. Skill terms are scored the same
   way, but only *re-weight* projects that already match the specialty:
   ``relevance = specialty × (1 + skill_boost × skill / max skill)``.
2. **PI text score.** Per distinct ``core_project_num``: the best fiscal year's relevance,
   divided by a pool reference (a high quantile) and capped at 1 so that one mega-abstract
   cannot dominate, times the role weight (contact PI 1.0, other multi-PI 0.6) and a recency
   decay ``exp(−years since the last fiscal year / 3)``. A PI's text score is the sum of their
   best ``top_k`` (3) grants plus ``λ·log(1 + n matching grants)``; volume beyond that earns
   only the logarithmic breadth bonus. ``relevance`` = text score / best text score in the pool.
3. **Mentor prior** ``a·active + b·mechanism + c·mentoring + d·funding + e·department
   + f·track + g·seniority``; each component is in [0, 1] (track in [−1, 1]) and is 0 when its
   field is missing, so missing data is neutral.
4. **Final** ``score = relevance × (1 + prior) / (1 + max prior)``, in [0, 1]. The prior
   re-orders topically relevant PIs and never lifts an off-topic one: PIs below
   ``min_text_score`` relevance are not ranked at all.

Ties are broken by score (descending), then ``profile_id`` (ascending, missing last), then
``pi_key``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from reporter_finder.dates import DAYS_PER_MONTH, nih_fiscal_year
from reporter_finder.rank.termindex import score_terms
from reporter_finder.schema import LEAD_COLUMNS, TRACKS, empty_frame, frame

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.rank.lexicon import Skill, Specialty
    from reporter_finder.tables.build import Tables

__all__ = [
    "COMPONENT_COLUMNS",
    "RANK_COLUMNS",
    "SCORE_COLUMNS",
    "RankWeights",
    "rank_pis",
    "score_projects",
]


# --- weights -------------------------------------------------------------------------------

_TIER_A = frozenset(
    [
        "R01",
        "R35",
        "R37",
        "RF1",
        "R33",
        "U01",
        "UM1",
        "UG3",
        "UH3",
        "U19",
        "P01",
        "P50",
        "P30",
        "P20",
        "P60",
        "U54",
        "DP1",
        "DP2",
        "DP5",
        "R61",
    ]
)
_TIER_B = frozenset(["R21", "R03", "R34", "R56", "R15", "R24", "U24", "U2C", "K24", "K26", "K05"])
_JUNIOR = frozenset(["K01", "K07", "K08", "K22", "K23", "K25", "K43", "K76", "K99", "R00"])
_COMPANY = frozenset(["R41", "R42", "R43", "R44", "U43", "U44", "SB1"])
_CENTRE = frozenset(["P01", "P20", "P30", "P50", "P60", "P2C", "U54", "U19", "UL1", "U2C", "P42"])
_CLINICAL_CODES = frozenset(["K23", "K24", "UG3", "UH3", "R34", "U01", "UM1", "KL2"])
_MENTORING = (
    ("K24", "K24 mentoring award"),
    ("K26", "K26 mentoring award"),
    ("K05", "K05 senior scientist (mentoring)"),
    ("T32", "T32 training grant"),
    ("T35", "T35 short-term training"),
    ("T90", "T90 training grant"),
    ("TL1", "TL1 training program"),
    ("KL2", "KL2 scholars program"),
    ("K12", "K12 career-development program"),
    ("R25", "R25 research education program"),
    ("D43", "D43 international (Fogarty) training"),
    ("D71", "D71 international training planning"),
)
_CLINICAL_CUES = (
    "patient", "clinical trial", "randomized", "randomised", "cohort", "registry",
    "electronic health record", "ehr", "medical record", "chart review", "enrollment",
    "participants", "hospital", "clinic", "pragmatic", "comparative effectiveness",
    "real-world", "epidemiology", "outcomes research", "bedside",
)  # fmt: skip
_BASIC_CUES = (
    "mouse", "mice", "murine", "rat", "zebrafish", "drosophila", "cell line", "cell culture",
    "in vitro", "crispr", "knockout", "transgenic", "organoid", "sequencing", "single-cell",
    "molecular mechanism", "signaling pathway", "gene expression", "protein structure",
    "animal model", "biochemical", "induced pluripotent",
)  # fmt: skip


@dataclass(frozen=True)
class RankWeights:
    """Every number the ranker uses, in one place (``docs/ranking-notes.md`` §6–§7).

    The defaults were set by reasoning on a handful of example queries (cardiology + echo,
    oncology for the postdoc track, psychiatry with no skills), *not* fitted to evaluation
    labels. Use :func:`dataclasses.replace` to change some, or :meth:`text_only` for a
    prior-free ranker.

    Text relevance:
        core_weight: weight of a specialty core term in the BM25 query (1.0).
        broad_weight: weight of a broad (adjacent) term (0.5). For a known specialty, broad
            terms count only in a grant that also matches a core term.
        skill_term_weight: weight of each skill term in the skill BM25 query (1.0).
        skill_boost: how much skills can raise a matching project:
            ``relevance = specialty × (1 + skill_boost × skill/max skill)``; skills never make
            an off-specialty project relevant (0.5).
        bm25_k1, bm25_b: BM25 saturation and length normalisation (1.5, 0.75).
        pref_terms_max_df: RePORTER ``pref_terms`` present in more than this share of the
            distinct term lists are generic ("Address", "Data") and not indexed (0.30).
        relevance_quantile: project relevance is divided by this quantile of the nonzero
            project relevances and capped at 1, so a centre grant whose abstract names every
            term counts no more than a solid R01 (0.95).
        min_project_relevance: a grant whose capped relevance is below this is not a
            "matching grant" and contributes nothing (0.10).
        contact_weight / other_pi_weight: association of a PI with a grant: contact PI 1.0,
            other PI of a multi-PI grant 0.6. Missing flag: contact weight if the grant lists
            one PI, else the other-PI weight.
        recency_years: decay constant τ of ``exp(−Δyears/τ)``, Δ = NIH fiscal year of
            ``as_of`` minus the grant's last fiscal year (3.0).
        top_k: number of best grants summed per PI (3).
        breadth: λ of the breadth bonus ``λ·log(1 + n matching grants)`` (0.2).
        min_text_score: PIs whose relevance (text score / best in pool) is below this are not
            ranked at all (0.05).

    Mentor prior (each component in [0, 1]; 0 when unknown):
        active (a): grants still running: ``min(1, max months left / active_full_months)``.
        active_full_months: months left that earn the full active credit (12: a fellow's year).
        mechanism (b): best award tier: tier A (independent research / centre) 1.0, tier B
            (smaller research, K24/K26) 0.6, junior career awards 0.3 ("near-peer").
        mentoring (c): 1 if the PI holds a mentoring or training award (``mentoring_codes``).
        funding (d): ``log1p(active $ / 100k) / log1p(funding_cap / 100k)``, active $ summed
            over active grants with each centre grant credited at most ``centre_credit_cap``.
        department (e): 1 if a department of the PI's grants is one of the specialty's
            ``dept_types``.
        track (f): ``target × orientation``, where orientation ∈ [−1, 1] is the clinical (+)
            vs basic (−) balance of the PI's matching grants and target is +1 for "clinical",
            −1 for "postdoc", and for "any" the mean orientation of the chosen skills. Can be
            negative: a mouse-model lab is a poor fit for a clinical fellow.
        seniority (g): academic title: professor/chair/director 1.0, associate 0.7,
            assistant 0.4, instructor/research staff 0.15.
        funding_cap: active dollars beyond which funding earns nothing more ($2M).
        centre_credit_cap: credit of one centre grant (P/U54…) toward funding ($600k, about
            one R01 with indirects).
        non_primary_factor: multiplies the score of a PI whose grants are all SBIR/STTR
            (company) awards (0.5); PIs holding only F* fellowships are trainees and are not
            ranked when ``exclude_trainees`` is true.

    Mechanism data (tuples/frozensets so the dataclass stays hashable):
        tier_a_codes, tier_b_codes, junior_codes, company_codes, centre_codes,
        clinical_codes (award kinds that signal patient-oriented work: K23, K24, UG3…),
        mentoring_codes (code, flag label) pairs, clinical_cues and basic_cues (words and
        phrases whose presence marks a project clinical or basic).
    """

    core_weight: float = 1.0
    broad_weight: float = 0.5
    skill_term_weight: float = 1.0
    skill_boost: float = 0.5
    bm25_k1: float = 1.5
    bm25_b: float = 0.75
    pref_terms_max_df: float = 0.30
    relevance_quantile: float = 0.95
    min_project_relevance: float = 0.10
    contact_weight: float = 1.0
    other_pi_weight: float = 0.6
    recency_years: float = 3.0
    top_k: int = 3
    breadth: float = 0.2
    min_text_score: float = 0.05
    active: float = 0.25
    active_full_months: float = 12.0
    mechanism: float = 0.15
    mentoring: float = 0.20
    funding: float = 0.10
    department: float = 0.10
    track: float = 0.40
    seniority: float = 0.10
    funding_cap: float = 2_000_000.0
    centre_credit_cap: float = 600_000.0
    non_primary_factor: float = 0.5
    exclude_trainees: bool = True
    tier_a_codes: frozenset[str] = _TIER_A
    tier_b_codes: frozenset[str] = _TIER_B
    junior_codes: frozenset[str] = _JUNIOR
    company_codes: frozenset[str] = _COMPANY
    centre_codes: frozenset[str] = _CENTRE
    clinical_codes: frozenset[str] = _CLINICAL_CODES
    mentoring_codes: tuple[tuple[str, str], ...] = _MENTORING
    clinical_cues: tuple[str, ...] = _CLINICAL_CUES
    basic_cues: tuple[str, ...] = _BASIC_CUES

    @property
    def max_prior(self) -> float:
        """The largest prior a PI can reach (all components at 1)."""
        return (
            self.active
            + self.mechanism
            + self.mentoring
            + self.funding
            + self.department
            + self.track
            + self.seniority
        )

    def text_only(self) -> RankWeights:
        """These weights with every prior switched off (text relevance alone)."""
        return replace(
            self,
            active=0.0,
            mechanism=0.0,
            mentoring=0.0,
            funding=0.0,
            department=0.0,
            track=0.0,
            seniority=0.0,
            non_primary_factor=1.0,
        )


# --- schemas -------------------------------------------------------------------------------

#: Columns of :func:`score_projects` (one row per ``appl_id``).
SCORE_COLUMNS: Mapping[str, str] = {
    "appl_id": "Int64",
    "core_project_num": "string",
    "specialty_score": "Float64",  # weighted BM25 of the specialty terms
    "skill_score": "Float64",  # weighted BM25 of the skill terms
    "relevance": "Float64",  # specialty × (1 + skill_boost × skill / max skill)
    "matched_terms": "object",  # list[str], specialty terms found, strongest first
    "matched_skill_terms": "object",  # list[str], skill terms found, strongest first
    "clinical_signal": "Int64",  # distinct clinical cue words present
    "basic_signal": "Int64",  # distinct basic-science cue words present
}

#: Score components appended after the lead columns by :func:`rank_pis`.
COMPONENT_COLUMNS: Mapping[str, str] = {
    "pi_key": "string",
    "text_score": "Float64",  # top-k sum + breadth, before normalisation
    "relevance": "Float64",  # text_score / best text_score in the pool
    "prior": "Float64",  # sum of the weighted prior components below
    "prior_active": "Float64",
    "prior_mechanism": "Float64",
    "prior_mentoring": "Float64",
    "prior_funding": "Float64",
    "prior_department": "Float64",
    "prior_seniority": "Float64",
    "prior_track": "Float64",
    "months_left": "Float64",  # of the PI's longest-running active grant
    "n_matching_grants": "Int64",
}

_LEAD_DTYPES: Mapping[str, str] = {
    "rank": "Int64",
    "score": "Float64",
    "pi_name": "string",
    "pi_title": "string",
    "profile_id": "Int64",
    "organization": "string",
    "department": "string",
    "city": "string",
    "state": "string",
    "n_grants": "Int64",
    "n_active_grants": "Int64",
    "active_funding": "Float64",
    "last_fiscal_year": "Int64",
    "top_grant_title": "string",
    "top_grant_number": "string",
    "top_grant_url": "string",
    "activity_codes": "object",
    "mentor_flags": "object",
    "matched_terms": "object",
    "matched_skills": "object",
    "track_fit": "string",
    "why": "string",
    "n_publications": "Int64",
    "recent_publications": "object",
}

#: Every column of :func:`rank_pis`, in order: ``schema.LEAD_COLUMNS`` then the components.
RANK_COLUMNS: Mapping[str, str] = {
    **{c: _LEAD_DTYPES[c] for c in LEAD_COLUMNS},
    **COMPONENT_COLUMNS,
}

_MAX_TERMS_SHOWN = 6
_EXPLAIN_COLUMNS = (
    "top_grant_title", "top_grant_number", "top_grant_url", "mentor_flags", "matched_terms",
    "matched_skills", "track_fit", "why", "n_matching_grants",
)  # fmt: skip
_WHY_TERMS = 3


def _texts(series: pd.Series) -> list[str]:
    return series.astype("object").where(series.notna(), "").tolist()


# --- project scoring -----------------------------------------------------------------------


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
        One row per project row, in input order, with the columns of :data:`SCORE_COLUMNS`.
        Lists are Python lists (empty when nothing matched).

    Example:
        >>> scored = score_projects(tables.projects, resolve_specialty("cardiology").specialty)
    """
    w = weights or RankWeights()
    skills = tuple(skills)
    if projects.empty:
        return empty_frame(SCORE_COLUMNS)
    spec_terms: dict[str, float] = {}
    for term in specialty.core_terms:
        spec_terms.setdefault(term, w.core_weight)
    for term in specialty.broad_terms:
        spec_terms.setdefault(term, w.broad_weight)
    skill_terms: dict[str, float] = {}
    for skill in skills:
        for term in skill.terms:
            skill_terms.setdefault(term, w.skill_term_weight)
    all_terms = list(dict.fromkeys([*spec_terms, *skill_terms, *w.clinical_cues, *w.basic_cues]))
    row_of = {t: i for i, t in enumerate(all_terms)}

    codes, docs = _documents(projects, w.pref_terms_max_df)
    matrix = score_terms(
        docs, all_terms, exclude=tuple(specialty.exclude_terms), k1=w.bm25_k1, b=w.bm25_b
    ).scores.astype(np.float64)

    def weighted(terms: Mapping[str, float]) -> np.ndarray:
        if not terms:
            return np.zeros((0, len(docs)))
        rows = [row_of[t] for t in terms]
        return matrix[rows] * np.array(list(terms.values()))[:, None]

    spec_contrib = weighted(spec_terms)
    skill_contrib = weighted(skill_terms)
    if specialty.is_known and len(spec_terms):
        # Broad terms ("hypertension", "community" for family medicine) only strengthen a
        # grant that already speaks the specialty's core language; on their own, many
        # adjacent words add up to outrank the grants that are squarely in the field.
        is_core = np.array([t in set(specialty.core_terms) for t in spec_terms])
        core_hit = spec_contrib[is_core].sum(axis=0) > 0
        spec_contrib = np.where(is_core[:, None] | core_hit[None, :], spec_contrib, 0.0)
    spec_score = spec_contrib.sum(axis=0) if len(spec_terms) else np.zeros(len(docs))
    skill_score = skill_contrib.sum(axis=0) if len(skill_terms) else np.zeros(len(docs))
    on_topic = spec_score > 0
    skill_max = float(skill_score[on_topic].max()) if on_topic.any() else 0.0
    skill_norm = skill_score / skill_max if skill_max > 0 else np.zeros(len(docs))
    relevance = spec_score * (1.0 + w.skill_boost * skill_norm)

    cue_present = matrix > 0
    clinical = cue_present[[row_of[c] for c in w.clinical_cues]].sum(axis=0)
    basic = cue_present[[row_of[c] for c in w.basic_cues]].sum(axis=0)

    used = np.unique(codes)
    spec_lists = _term_lists(spec_contrib, list(spec_terms), used[on_topic[used]])
    skill_lists = _term_lists(skill_contrib, list(skill_terms), used[on_topic[used]])
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


# --- PI ranking ----------------------------------------------------------------------------

_SENIORITY = (
    (re.compile(r"\b(assistant|asst)\b.*\bprof"), 0.4),
    (re.compile(r"\b(associate|assoc)\b.*\bprof"), 0.7),
    (re.compile(r"\bprof|\bchair|\bchief\b|\bdirector\b|\bdean\b"), 1.0),
    (re.compile(r"\binstructor\b|\blecturer\b|\bresearch(er)?\b|\bscientist\b|\bfellow\b"), 0.15),
)


def _seniority(title: Any) -> float:
    if not isinstance(title, str) or not title.strip():
        return 0.0
    text = title.lower()
    for pattern, value in _SENIORITY:
        if pattern.search(text):
            return value
    return 0.0


def _pretty(text: str) -> str:
    return "".join(p.capitalize() if p.isalpha() else p for p in re.split(r"(\W+)", text.lower()))


def _target_orientation(track: str, skills: Sequence[Skill]) -> float | None:
    if track == "clinical":
        return 1.0
    if track == "postdoc":
        return -1.0
    signs = [{"clinical": 1.0, "basic": -1.0}.get(s.orientation, 0.0) for s in skills]
    mean = sum(signs) / len(signs) if signs else 0.0
    return mean if mean != 0 else None


def _fit_label(target: float | None, orientation: float | None) -> str:
    if orientation is None:
        return "unknown"
    if target is None:
        # Track "any" and no oriented skills: describe the PI instead of judging a fit.
        if orientation >= 0.33:
            return "clinical"
        return "basic" if orientation <= -0.33 else "mixed"
    fit = (1.0 + math.copysign(1.0, target) * orientation) / 2.0
    if fit >= 0.7:
        return "strong"
    return "partial" if fit >= 0.4 else "weak"


def _validate_track(track: str) -> str:
    value = (track or "any").strip().lower()
    if value not in TRACKS:
        from reporter_finder.errors import QueryError

        raise QueryError(f"track must be one of {', '.join(TRACKS)}, not {track!r}")
    return value


def _as_bool(series: pd.Series) -> pd.Series:
    return series.astype("boolean")


def rank_pis(
    tables: Tables,
    specialty: Specialty,
    skills: Iterable[Skill] = (),
    track: str = "any",
    *,
    weights: RankWeights | None = None,
    as_of: date | None = None,
) -> pd.DataFrame:
    """Rank the PIs of ``tables`` as mentors for a specialty, skills and track.

    Args:
        tables: the four tables from :func:`reporter_finder.tables.build_tables`. Not modified.
        specialty: the specialty (:func:`~reporter_finder.rank.lexicon.resolve_specialty`).
        skills: the applicant's skills; they re-rank within the specialty and set the
            orientation for track "any".
        track: "clinical" (patient-oriented research fellow), "postdoc" (bench, translational
            or computational) or "any".
        weights: the :class:`RankWeights`; default ``RankWeights()``.
        as_of: the date recency and months left are judged on; default ``tables.as_of``.

    Returns:
        One row per ranked PI, best first, with ``schema.LEAD_COLUMNS`` then ``pi_key`` and the
        score components (:data:`RANK_COLUMNS`). ``score`` is in [0, 1] (4 decimals); ``rank``
        is 1..n. ``track_fit`` is "strong" / "partial" / "weak" for the clinical and postdoc
        tracks (and for "any" when the skills have an orientation), "clinical" / "basic" /
        "mixed" describing the PI for "any" otherwise, and "unknown" when no grant text says.
        ``why`` is one readable line.

    Raises:
        QueryError: for an unknown track.

    Example:
        >>> ranked = rank_pis(tables, cardiology, resolve_skills("echo, R"), track="clinical")
        >>> ranked[["rank", "pi_name", "score", "why"]].head()
    """
    track = _validate_track(track)
    w = weights or RankWeights()
    skills = tuple(skills)
    day = as_of or tables.as_of
    projects, grants, pis, links = tables.projects, tables.grants, tables.pis, tables.pi_grants
    if projects.empty or pis.empty or links.empty:
        return empty_frame(RANK_COLUMNS)

    scored = score_projects(projects, specialty, skills, weights=w)

    # Per appl_id -> per core project: the best fiscal year's relevance and its explanation.
    rows = pd.DataFrame(
        {
            "core": scored["core_project_num"].astype("object"),
            "rel": scored["relevance"].to_numpy(dtype=float, na_value=0.0),
            "fy": projects["fiscal_year"].to_numpy(dtype=float, na_value=np.nan),
            "clinical": scored["clinical_signal"].to_numpy(dtype=float, na_value=0.0),
            "basic": scored["basic_signal"].to_numpy(dtype=float, na_value=0.0),
        }
    )
    rows = rows[rows["core"].notna()]
    if rows.empty:
        return empty_frame(RANK_COLUMNS)
    best_row = rows.sort_values("rel", ascending=False, kind="stable").drop_duplicates("core")
    core = pd.DataFrame(
        {
            "rel": best_row.set_index("core")["rel"],
            "clinical": rows.groupby("core")["clinical"].max(),
            "basic": rows.groupby("core")["basic"].max(),
            "last_fy": rows.groupby("core")["fy"].max(),
        }
    )
    core["terms"] = pd.Series(
        scored["matched_terms"].to_numpy()[best_row.index.to_numpy()], index=best_row["core"]
    )
    core["skill_terms"] = pd.Series(
        scored["matched_skill_terms"].to_numpy()[best_row.index.to_numpy()],
        index=best_row["core"],
    )
    positive = core["rel"][core["rel"] > 0]
    if positive.empty:
        return empty_frame(RANK_COLUMNS)
    reference = float(positive.quantile(w.relevance_quantile))
    core["rel_norm"] = np.clip(core["rel"] / reference, 0.0, 1.0)
    core["matching"] = core["rel_norm"] >= w.min_project_relevance
    fy_now = nih_fiscal_year(day)
    years_since = (fy_now - core["last_fy"]).clip(lower=0).fillna(0.0)
    core["decay"] = np.exp(-years_since / w.recency_years)

    # Grant facts (activity, money, end date), keyed by core project.
    g = grants.set_index("core_project_num")
    g = g[~g.index.duplicated()]
    end = pd.to_datetime(g["project_end_date"])
    months_left = (end - pd.Timestamp(day)).dt.days / DAYS_PER_MONTH
    facts = pd.DataFrame(
        {
            "code": g["activity_code"].astype("object"),
            "award": g["latest_award_amount"].to_numpy(dtype=float, na_value=np.nan),
            "months_left": months_left.to_numpy(dtype=float, na_value=np.nan),
            "dept": g["dept_type"].astype("object"),
            "title": g["project_title"].astype("object"),
            "url": g["project_detail_url"].astype("object"),
            "n_pis": g["pi_keys"].map(lambda v: len(v) if isinstance(v, list) else 0),
        },
        index=g.index,
    )

    # PI x core links, with the role on that grant (contact on any fiscal year counts).
    contact_raw = links["is_contact_pi"].astype("boolean")
    lk = pd.DataFrame(
        {
            "pi_key": links["pi_key"].astype("object"),
            "core": links["core_project_num"].astype("object"),
            "contact": contact_raw.astype("Float64").to_numpy(dtype=float, na_value=np.nan),
        }
    )
    lk = lk[lk["pi_key"].notna() & lk["core"].notna()]
    lk = lk.groupby(["pi_key", "core"], sort=False, as_index=False)["contact"].max()
    lk = lk.join(core[["rel_norm", "matching", "decay", "clinical", "basic"]], on="core")
    lk = lk.join(facts, on="core")
    lk["code"] = lk["code"].fillna("")
    single = lk["n_pis"].fillna(0).to_numpy() <= 1
    contact = lk["contact"].to_numpy()
    lk["role"] = np.where(
        np.isnan(contact),
        np.where(single, w.contact_weight, w.other_pi_weight),
        np.where(contact == 1.0, w.contact_weight, w.other_pi_weight),
    )
    lk["rel_norm"] = lk["rel_norm"].fillna(0.0)
    lk["matching"] = lk["matching"].fillna(False).astype(bool)
    lk["contrib"] = np.where(
        lk["matching"], lk["role"] * lk["rel_norm"] * lk["decay"].fillna(1.0), 0.0
    )
    lk = lk.sort_values(["pi_key", "contrib", "core"], ascending=[True, False, True], kind="stable")
    lk["pos"] = lk.groupby("pi_key", sort=False).cumcount()
    pi_of = lk["pi_key"]
    top_sum = lk["contrib"].where(lk["pos"] < w.top_k, 0.0).groupby(pi_of, sort=False).sum()
    n_match = lk["matching"].groupby(pi_of, sort=False).sum()
    text = top_sum + w.breadth * np.log1p(n_match)
    best = float(text.max()) if len(text) else 0.0
    if best <= 0:
        return empty_frame(RANK_COLUMNS)
    text_norm = text / best

    has_code = lk["code"] != ""
    not_trainee = has_code & ~lk["code"].str.startswith("F")
    trainee_only = (
        has_code.groupby(pi_of, sort=False).any() & ~not_trainee.groupby(pi_of, sort=False).any()
    )
    keep = (text_norm >= w.min_text_score) & (n_match > 0)
    if w.exclude_trainees:
        keep &= ~trainee_only
    chosen = keep[keep].index
    if len(chosen) == 0:
        return empty_frame(RANK_COLUMNS)
    lk = lk[lk["pi_key"].isin(chosen)]
    pi_of = lk["pi_key"]

    # Prior components, one value per chosen PI; 0 wherever the field is missing.
    running = lk["months_left"] > 0
    max_months = lk["months_left"].where(running).groupby(pi_of, sort=False).max().reindex(chosen)
    prior_active = (max_months / w.active_full_months).clip(upper=1.0).fillna(0.0)
    credit = lk["award"].where(running)
    credit = credit.where(~lk["code"].isin(w.centre_codes), credit.clip(upper=w.centre_credit_cap))
    dollars = credit.groupby(pi_of, sort=False).sum().reindex(chosen).fillna(0.0)
    dollars = dollars.clip(upper=w.funding_cap)
    prior_funding = np.log1p(dollars / 1e5) / math.log1p(w.funding_cap / 1e5)
    tier = pd.Series(
        np.select(
            [
                lk["code"].isin(w.tier_a_codes),
                lk["code"].isin(w.tier_b_codes),
                lk["code"].isin(w.junior_codes),
            ],
            [1.0, 0.6, 0.3],
            0.0,
        ),
        index=lk.index,
    )
    prior_mechanism = tier.groupby(pi_of, sort=False).max().reindex(chosen).fillna(0.0)

    codes_of: dict[str, set[str]] = {k: set() for k in chosen}
    depts_of: dict[str, set[str]] = {k: set() for k in chosen}
    for key, code, dept in zip(
        pi_of.tolist(), lk["code"].tolist(), lk["dept"].tolist(), strict=True
    ):
        if code:
            codes_of[key].add(code)
        if isinstance(dept, str):
            depts_of[key].add(dept.strip().casefold())
    mentoring = dict(w.mentoring_codes)
    prior_mentoring = pd.Series(
        [1.0 if codes_of[k] & mentoring.keys() else 0.0 for k in chosen], index=chosen
    )

    pi_rows = pis.drop_duplicates("pi_key").set_index("pi_key").reindex(chosen)
    spec_depts = {d.strip().casefold() for d in specialty.dept_types}
    dept_hit: dict[str, str | None] = {}
    for key, own in zip(chosen, pi_rows["department"].astype("object").tolist(), strict=True):
        depts = depts_of[key] | ({own.strip().casefold()} if isinstance(own, str) else set())
        matched = sorted(depts & spec_depts)
        dept_hit[key] = matched[0] if matched else None
    prior_department = pd.Series([1.0 if dept_hit[k] else 0.0 for k in chosen], index=chosen)
    titles = pi_rows["pi_title"].astype("object")
    prior_seniority = pd.Series([_seniority(t) for t in titles.tolist()], index=chosen)

    # Orientation of the matching grants (clinical +, basic −), weighted by contribution.
    m = lk[lk["matching"]]
    c_sig = m["clinical"].fillna(0.0) + 2.0 * m["code"].isin(w.clinical_codes)
    b_sig = m["basic"].fillna(0.0)
    total = c_sig + b_sig
    orient = (c_sig - b_sig) / total.where(total > 0)
    weight = m["contrib"].where(orient.notna(), 0.0)
    num = (orient.fillna(0.0) * weight).groupby(m["pi_key"], sort=False).sum()
    den = weight.groupby(m["pi_key"], sort=False).sum()
    orientation = (num / den.where(den > 0)).reindex(chosen)
    target = _target_orientation(track, skills)
    prior_track = orientation.fillna(0.0) * (target or 0.0)

    prior = (
        w.active * prior_active
        + w.mechanism * prior_mechanism
        + w.mentoring * prior_mentoring
        + w.funding * prior_funding
        + w.department * prior_department
        + w.track * prior_track
        + w.seniority * prior_seniority
    )
    company_only = pd.Series(
        [bool(codes_of[k]) and codes_of[k] <= w.company_codes for k in chosen], index=chosen
    )
    rel = text_norm.reindex(chosen)
    factor = np.where(company_only, w.non_primary_factor, 1.0)
    score = rel * (1.0 + prior) / (1.0 + w.max_prior) * factor

    # Explanations: one pass over the matching links of the ranked PIs (best grant first).
    skill_of_term: dict[str, str] = {}
    for skill in skills:
        for term in skill.terms:
            skill_of_term.setdefault(term, skill.name)
    skill_order = {s.name: i for i, s in enumerate(skills)}
    per_pi: dict[str, list[tuple[str, float, float]]] = {}
    for key, core_num, role, months in zip(
        m["pi_key"].tolist(),
        m["core"].tolist(),
        m["role"].tolist(),
        m["months_left"].tolist(),
        strict=True,
    ):
        per_pi.setdefault(key, []).append((core_num, role, months))
    core_terms = core["terms"].to_dict()
    core_skill_terms = core["skill_terms"].to_dict()
    cols: dict[str, list[Any]] = {name: [] for name in _EXPLAIN_COLUMNS}
    for key in chosen:
        held = per_pi.get(key, [])
        terms: list[str] = []
        skill_names: set[str] = set()
        for i, (core_num, _, _) in enumerate(held):
            if i < w.top_k:
                terms.extend(core_terms.get(core_num) or ())
            skill_names.update(
                skill_of_term.get(t, t) for t in core_skill_terms.get(core_num) or ()
            )
        terms = list(dict.fromkeys(terms))[:_MAX_TERMS_SHOWN]
        skills_found = sorted(skill_names, key=lambda s: (skill_order.get(s, len(skill_order)), s))
        top = held[0][0] if held else None
        cols["top_grant_title"].append(facts.at[top, "title"] if top in facts.index else None)
        cols["top_grant_number"].append(top)
        cols["top_grant_url"].append(facts.at[top, "url"] if top in facts.index else None)

        codes = codes_of[key]
        flags = [label for code, label in w.mentoring_codes if code in codes]
        if codes & w.junior_codes and not codes & w.tier_a_codes:
            junior = ", ".join(sorted(codes & w.junior_codes))
            flags.append(f"career-development awardee ({junior}): near-peer mentor")
        if company_only[key]:
            flags.append("SBIR/STTR awards only")
        o = orientation[key]
        label = _fit_label(target, None if pd.isna(o) else float(o))

        n_active = sum(1 for _, _, months in held if months > 0)
        role_word = "Contact PI" if any(r >= w.contact_weight for _, r, _ in held) else "Co-PI"
        line = f"{role_word} on {len(held)} matching grant{'' if len(held) == 1 else 's'}"
        if n_active:
            line += f" ({n_active} active)"
        if terms:
            line += ": " + ", ".join(terms[:_WHY_TERMS])
        parts = [line]
        if skills_found:
            parts.append("skills: " + ", ".join(skills_found))
        parts.extend(flags[:2])
        dept = dept_hit[key]
        if dept:
            parts.append(f"{_pretty(dept)} dept")
        if track != "any":
            parts.append(f"{track} track: {label} fit")
        elif label in ("strong", "partial", "weak"):
            parts.append(f"skills orientation: {label} fit")
        elif label != "unknown":
            parts.append(f"{label} research")

        cols["mentor_flags"].append(flags)
        cols["matched_terms"].append(terms)
        cols["matched_skills"].append(skills_found)
        cols["track_fit"].append(label)
        cols["why"].append("; ".join(parts))
        cols["n_matching_grants"].append(len(held))

    out = pd.DataFrame(
        {
            "score": np.round(score.to_numpy(dtype=float), 4),
            "pi_name": pi_rows["pi_name"].astype("object").to_numpy(),
            "pi_title": titles.to_numpy(),
            "profile_id": pi_rows["profile_id"].to_numpy(),
            "organization": pi_rows["organization"].astype("object").to_numpy(),
            "department": pi_rows["department"].astype("object").to_numpy(),
            "city": pi_rows["city"].astype("object").to_numpy(),
            "state": pi_rows["state"].astype("object").to_numpy(),
            "n_grants": pi_rows["n_grants"].to_numpy(),
            "n_active_grants": pi_rows["n_active_grants"].to_numpy(),
            "active_funding": pi_rows["active_funding"].to_numpy(),
            "last_fiscal_year": pi_rows["last_fiscal_year"].to_numpy(),
            "activity_codes": [
                list(v) if isinstance(v, list) else [] for v in pi_rows["activity_codes"]
            ],
            "pi_key": list(chosen),
            "text_score": np.round(text.reindex(chosen).to_numpy(dtype=float), 4),
            "relevance": np.round(rel.to_numpy(dtype=float), 4),
            "prior": np.round(prior.to_numpy(dtype=float), 4),
            "prior_active": np.round(prior_active.to_numpy(dtype=float), 4),
            "prior_mechanism": prior_mechanism.to_numpy(dtype=float),
            "prior_mentoring": prior_mentoring.to_numpy(dtype=float),
            "prior_funding": np.round(prior_funding.to_numpy(dtype=float), 4),
            "prior_department": prior_department.to_numpy(dtype=float),
            "prior_seniority": prior_seniority.to_numpy(dtype=float),
            "prior_track": np.round(prior_track.to_numpy(dtype=float), 4),
            "months_left": np.round(max_months.to_numpy(dtype=float), 1),
            # Publications are looked up after ranking, for the top PIs only
            # (publications.publications_for_leads): until then "not looked up", never 0.
            "n_publications": [None] * len(chosen),
            "recent_publications": [[] for _ in chosen],
            **cols,
        }
    )
    out["_pid"] = out["profile_id"].astype("Float64").fillna(np.inf).astype(float)
    out = out.sort_values(
        ["score", "_pid", "pi_key"], ascending=[False, True, True], kind="stable"
    ).drop(columns="_pid")
    out["rank"] = np.arange(1, len(out) + 1)
    return frame({c: out[c].to_numpy() for c in RANK_COLUMNS}, RANK_COLUMNS)
