"""Mentor priors: what makes a topically relevant PI a better mentor (ranking-notes §6).

Step 3 of the ranking. The prior is ``a·active + b·mechanism + c·mentoring + d·funding
+ e·department + f·track + g·seniority``; each component is in [0, 1] (track in [−1, 1]) and is
0 when its field is missing, so missing data is neutral. The weights and the code tiers are in
:class:`~reporter_finder.rank.weights.RankWeights`.

Each function takes the links of the *chosen* PIs (the rows of
:func:`~reporter_finder.rank.aggregate.pi_grant_contributions` for them) and returns one value
per chosen PI, indexed and ordered by ``chosen``.

Two facts are not prior components but mentor sanity checks (``docs/ranking.md``, "Mentor
sanity"): :func:`company_reasons` (a PI at a for-profit organisation: left out of the ranking
unless asked for) and :func:`is_trainee_title` (a PI whose title says trainee: demoted by
``trainee_title_factor``). Both are flagged in ``mentor_flags``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from reporter_finder.rank.weights import RankWeights
from reporter_finder.vocabularies import is_intramural, nrsa_blocked, nrsa_reason

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.rank.lexicon import Skill, Specialty

__all__ = [
    "PayFacts",
    "Priors",
    "active_prior",
    "award_codes",
    "company_reason",
    "company_reasons",
    "department_match",
    "funding_prior",
    "is_trainee_title",
    "mechanism_prior",
    "mentor_priors",
    "orientation",
    "pay_facts",
    "seniority",
    "target_orientation",
]

# Checked in order: "assistant professor" must not score as "professor".
_SENIORITY = (
    (re.compile(r"\b(assistant|asst)\b.*\bprof"), 0.4),
    (re.compile(r"\b(associate|assoc)\b.*\bprof"), 0.7),
    (re.compile(r"\bprof|\bchair|\bchief\b|\bdirector\b|\bdean\b"), 1.0),
    (re.compile(r"\binstructor\b|\blecturer\b|\bresearch(er)?\b|\bscientist\b|\bfellow\b"), 0.15),
)


def seniority(title: Any) -> float:
    """Seniority (0–1) of an academic title; 0 for a missing or unrecognised title.

    Example:
        >>> seniority("Associate Professor of Medicine")
        0.7
    """
    if not isinstance(title, str) or not title.strip():
        return 0.0
    text = title.lower()
    for pattern, value in _SENIORITY:
        if pattern.search(text):
            return value
    return 0.0


@lru_cache(maxsize=32)
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive regular expression matching any of ``patterns`` (None if none)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _matches(patterns: tuple[str, ...], text: str) -> bool:
    pattern = _any_of(patterns)
    return pattern is not None and pattern.search(text) is not None


def is_trainee_title(title: Any, w: RankWeights) -> bool:
    """Whether an academic title says trainee (``w.trainee_titles``) and names no faculty rank or
    senior post (``w.faculty_titles``); False for a missing title.

    Example:
        >>> w = RankWeights()
        >>> [is_trainee_title(t, w) for t in ("Postdoctoral Fellow", "Fellow of the AHA",
        ...                                    "Associate Professor", "Chief Resident")]
        [True, False, False, True]
    """
    if not isinstance(title, str) or not title.strip():
        return False
    text = " ".join(title.split())
    return _matches(w.trainee_titles, text) and not _matches(w.faculty_titles, text)


#: ``mentor_flags`` reasons of :func:`company_reason`.
FOR_PROFIT = "for-profit organisation"
SBIR_ONLY = "SBIR/STTR awards only"
_UNKNOWN_TYPES = frozenset({"", "unavailable", "unknown", "n/a", "na", "none"})


def company_reason(org_type: Any, codes: set[str], w: RankWeights) -> str | None:
    """Why a PI counts as a company, or None when they do not.

    :data:`FOR_PROFIT` when their organisation type is a company's (``w.for_profit_types``);
    when the type is unknown (missing, "Unavailable"), :data:`SBIR_ONLY` when every award they
    hold is an SBIR/STTR award (``w.company_codes``; small-business awards go to companies).
    A known non-profit type is never a company, whatever the awards.

    Example:
        >>> company_reason("DOMESTIC FOR-PROFITS", {"R01"}, RankWeights())
        'for-profit organisation'
    """
    text = " ".join(org_type.split()) if isinstance(org_type, str) else ""
    if text.casefold() not in _UNKNOWN_TYPES:
        return FOR_PROFIT if _matches(w.for_profit_types, text) else None
    return SBIR_ONLY if codes and codes <= w.company_codes else None


def company_reasons(lk: pd.DataFrame, people: pd.DataFrame, w: RankWeights) -> dict[str, str]:
    """:func:`company_reason` of each PI of ``people`` (``pis`` rows indexed by ``pi_key``) that
    is a company, from their ``organization_type`` and the codes of their grant links ``lk``;
    PIs that are not companies are absent."""
    codes_of, _ = award_codes(lk, people.index)
    return _companies(people, codes_of, w)


def _companies(
    people: pd.DataFrame, codes_of: dict[str, set[str]], w: RankWeights
) -> dict[str, str]:
    # A pis table built before organisation types were carried has none: the awards decide.
    column = people.get("organization_type")
    types = [None] * len(people) if column is None else column.astype("object").tolist()
    return {
        key: reason
        for key, org_type in zip(people.index, types, strict=True)
        if (reason := company_reason(org_type, codes_of[key], w)) is not None
    }


def target_orientation(track: str, skills: Sequence[Skill]) -> float | None:
    """The orientation the applicant wants: +1 clinical, −1 basic, or for track "any" the mean
    orientation of the skills; ``None`` when nothing says (no fit is judged then)."""
    if track == "clinical":
        return 1.0
    if track == "postdoc":
        return -1.0
    signs = [{"clinical": 1.0, "basic": -1.0}.get(s.orientation, 0.0) for s in skills]
    mean = sum(signs) / len(signs) if signs else 0.0
    return mean if mean != 0 else None


def active_prior(lk: pd.DataFrame, chosen: pd.Index, w: RankWeights) -> tuple[pd.Series, pd.Series]:
    """(active prior, months left on the longest-running active grant; NA if none runs)."""
    running = lk["months_left"] > 0
    max_months = (
        lk["months_left"].where(running).groupby(lk["pi_key"], sort=False).max().reindex(chosen)
    )
    return (max_months / w.active_full_months).clip(upper=1.0).fillna(0.0), max_months


def funding_prior(lk: pd.DataFrame, chosen: pd.Index, w: RankWeights) -> pd.Series:
    """``log1p(active $ / 100k) / log1p(cap / 100k)``, a centre grant credited at most
    ``centre_credit_cap`` and the total capped at ``funding_cap``."""
    running = lk["months_left"] > 0
    credit = lk["award"].where(running)
    credit = credit.where(~lk["code"].isin(w.centre_codes), credit.clip(upper=w.centre_credit_cap))
    dollars = credit.groupby(lk["pi_key"], sort=False).sum().reindex(chosen).fillna(0.0)
    dollars = dollars.clip(upper=w.funding_cap)
    return np.log1p(dollars / 1e5) / math.log1p(w.funding_cap / 1e5)


def mechanism_prior(lk: pd.DataFrame, chosen: pd.Index, w: RankWeights) -> pd.Series:
    """The best award tier held: tier A 1.0, tier B 0.6, junior career award 0.3, else 0."""
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
    return tier.groupby(lk["pi_key"], sort=False).max().reindex(chosen).fillna(0.0)


def award_codes(
    lk: pd.DataFrame, chosen: pd.Index
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(activity codes, case-folded department types) of each chosen PI's grants."""
    codes_of: dict[str, set[str]] = {k: set() for k in chosen}
    depts_of: dict[str, set[str]] = {k: set() for k in chosen}
    for key, code, dept in zip(
        lk["pi_key"].tolist(), lk["code"].tolist(), lk["dept"].tolist(), strict=True
    ):
        if code:
            codes_of[key].add(code)
        if isinstance(dept, str):
            depts_of[key].add(dept.strip().casefold())
    return codes_of, depts_of


def department_match(
    depts_of: dict[str, set[str]],
    own_departments: Sequence[Any],
    chosen: pd.Index,
    specialty: Specialty,
) -> dict[str, str | None]:
    """Per PI: the first (alphabetically) of their grants' or own departments that is one of the
    specialty's ``dept_types``, case-folded; ``None`` if none is."""  # fmt: skip
    spec_depts = {d.strip().casefold() for d in specialty.dept_types}
    dept_hit: dict[str, str | None] = {}
    for key, own in zip(chosen, own_departments, strict=True):
        depts = depts_of[key] | ({own.strip().casefold()} if isinstance(own, str) else set())
        matched = sorted(depts & spec_depts)
        dept_hit[key] = matched[0] if matched else None
    return dept_hit


def orientation(lk: pd.DataFrame, chosen: pd.Index, w: RankWeights) -> pd.Series:
    """Clinical (+1) vs basic (−1) balance of each PI's matching grants, weighted by their
    contribution; NA when no matching grant has a cue. Clinical award codes count as 2 cues."""
    m = lk[lk["matching"]]
    c_sig = m["clinical"].fillna(0.0) + 2.0 * m["code"].isin(w.clinical_codes)
    b_sig = m["basic"].fillna(0.0)
    total = c_sig + b_sig
    orient = (c_sig - b_sig) / total.where(total > 0)
    weight = m["contrib"].where(orient.notna(), 0.0)
    num = (orient.fillna(0.0) * weight).groupby(m["pi_key"], sort=False).sum()
    den = weight.groupby(m["pi_key"], sort=False).sum()
    return (num / den.where(den > 0)).reindex(chosen)


@dataclass(frozen=True)
class PayFacts:
    """Can the PI pay the applicant, and the hiring signals (issue #15), per chosen PI (Series
    indexed by ``pi_key``).

    Attributes:
        funding_for_you: "likely", "limited" or "none" (:func:`pay_facts`).
        prior: the ``prior_funding_for_you`` component: 1, ``w.funding_for_you_limited`` or 0.
        n_active_research: active major or small research grants.
        newest_award_date: newest award date (budget start) on or before the day,
            ``YYYY-MM-DD``; None when the data have none.
        new_award: a new (type 1) or renewed (type 2) award in the last
            ``w.new_award_months`` months.
        nrsa: per PI, the ``mentor_flags`` reasons of the NRSA awards that cannot pay the
            applicant (empty without a visa constraint).
        intramural: the PIs holding an NIH intramural (Z-series) project.
    """

    funding_for_you: pd.Series
    prior: pd.Series
    n_active_research: pd.Series
    newest_award_date: pd.Series
    new_award: pd.Series
    nrsa: dict[str, list[str]]
    intramural: frozenset[str]


def _any_per_pi(mask: pd.Series, lk: pd.DataFrame, chosen: pd.Index) -> pd.Series:
    return mask.groupby(lk["pi_key"], sort=False).any().reindex(chosen, fill_value=False)


def pay_facts(
    lk: pd.DataFrame, chosen: pd.Index, w: RankWeights, visa: str | None, day: date
) -> PayFacts:
    """What can pay the applicant, from each chosen PI's grant links ``lk``.

    ``funding_for_you`` is "likely" with an active major research grant
    (``w.major_research_codes``: R01, R35, U01, P01, DP2…) with at least
    ``w.likely_min_months`` left, or an active NIH intramural project (Visiting Fellow
    program); "limited" with only other active grants (K-awards, small R03/R21-type grants,
    major grants ending sooner, training grants); "none" with nothing active, or, for an
    applicant whose ``visa`` NRSA awards cannot pay, nothing active but NRSA awards.
    """
    blocked = nrsa_blocked(visa)
    code = lk["code"].astype("object")
    months = lk["months_left"].astype(float)
    active = months > 0
    nrsa = code.isin(w.nrsa_codes)
    intramural = code.map(is_intramural).astype(bool)
    payable = active & ~(nrsa & blocked)
    major = code.isin(w.major_research_codes) & (months >= w.likely_min_months)
    likely = _any_per_pi(payable & (major | intramural), lk, chosen).to_numpy(dtype=bool)
    limited = _any_per_pi(payable, lk, chosen).to_numpy(dtype=bool)
    level = np.select([likely, limited], ["likely", "limited"], "none")
    prior = np.select([likely, limited], [1.0, w.funding_for_you_limited], 0.0)
    research = active & code.isin(w.major_research_codes | w.small_research_codes)
    n_research = research.groupby(lk["pi_key"], sort=False).sum().reindex(chosen, fill_value=0)
    today = pd.Timestamp(day)
    award = pd.to_datetime(lk["latest_award_date"])
    newest = award.where(award <= today).groupby(lk["pi_key"], sort=False).max().reindex(chosen)
    new = pd.to_datetime(lk["new_award_date"])
    since = today - pd.DateOffset(months=int(w.new_award_months))
    recent = _any_per_pi((new <= today) & (new > since), lk, chosen)
    nrsa_of: dict[str, list[str]] = {}
    if blocked and visa is not None:
        for key, held in zip(lk["pi_key"][nrsa].tolist(), code[nrsa].tolist(), strict=True):
            nrsa_of.setdefault(key, []).append(held)
        nrsa_of = {k: [nrsa_reason(c, visa) for c in sorted(set(v))] for k, v in nrsa_of.items()}
    return PayFacts(
        funding_for_you=pd.Series(level, index=chosen, dtype="object"),
        prior=pd.Series(prior, index=chosen),
        n_active_research=n_research.astype(int),
        newest_award_date=pd.Series(
            [None if pd.isna(d) else d.strftime("%Y-%m-%d") for d in newest],
            index=chosen,
            dtype="object",
        ),
        new_award=recent.astype(bool),
        nrsa=nrsa_of,
        intramural=frozenset(lk["pi_key"][intramural].tolist()),
    )


@dataclass(frozen=True)
class Priors:
    """The prior components of the chosen PIs (Series indexed by ``pi_key``) and the facts the
    explanation reuses.

    Attributes:
        active, mechanism, mentoring, funding, department, seniority, track: the components.
        total: the weighted sum of the components.
        months_left: months left on the longest-running active grant (NA if none).
        orientation: clinical (+) vs basic (−) balance of the matching grants (NA if unknown).
        target: the applicant's orientation (:func:`target_orientation`).
        codes: activity codes held, per PI.
        department_hit: the matching department, per PI (:func:`department_match`).
        company: why a PI counts as a company (:func:`company_reason`), for those who do.
        trainee: True for a PI whose title says trainee (:func:`is_trainee_title`).
        pay: funding for the applicant and hiring signals (:func:`pay_facts`); its ``prior``
            is the ``funding_for_you`` component. None only for hand-built priors.
        visa: the applicant's visa (:data:`~reporter_finder.vocabularies.VISAS`; None: no
            constraint).
    """

    active: pd.Series
    mechanism: pd.Series
    mentoring: pd.Series
    funding: pd.Series
    department: pd.Series
    seniority: pd.Series
    track: pd.Series
    total: pd.Series
    months_left: pd.Series
    orientation: pd.Series
    target: float | None
    codes: dict[str, set[str]]
    department_hit: dict[str, str | None]
    company: dict[str, str]
    trainee: pd.Series
    pay: PayFacts | None = field(default=None)
    visa: str | None = None


def mentor_priors(
    lk: pd.DataFrame,
    people: pd.DataFrame,
    specialty: Specialty,
    skills: Sequence[Skill],
    track: str,
    w: RankWeights,
    *,
    visa: str | None = None,
    day: date | None = None,
) -> Priors:
    """Every prior component of the PIs in ``people`` (``pis`` rows indexed by ``pi_key``, in
    ranking-pool order), from their grant links ``lk``. Missing fields contribute 0.

    With a ``visa`` NRSA awards cannot pay
    (:func:`~reporter_finder.vocabularies.nrsa_blocked`), NRSA awards earn no active, funding
    or mentoring credit (``months_left`` still counts them: it describes the PI). ``day`` is
    the date recent awards are judged on (default today)."""
    chosen = people.index
    paying = lk[~lk["code"].isin(w.nrsa_codes)] if nrsa_blocked(visa) else lk
    prior_active, _ = active_prior(paying, chosen, w)
    _, max_months = active_prior(lk, chosen, w)
    prior_funding = funding_prior(paying, chosen, w)
    prior_mechanism = mechanism_prior(lk, chosen, w)
    codes_of, depts_of = award_codes(lk, chosen)
    mentoring = {
        code: label for code, label in w.mentoring_codes
        if not (nrsa_blocked(visa) and code in w.nrsa_codes)
    }  # fmt: skip
    prior_mentoring = pd.Series(
        [1.0 if codes_of[k] & mentoring.keys() else 0.0 for k in chosen], index=chosen
    )
    own = people["department"].astype("object").tolist()
    dept_hit = department_match(depts_of, own, chosen, specialty)
    prior_department = pd.Series([1.0 if dept_hit[k] else 0.0 for k in chosen], index=chosen)
    titles = people["pi_title"].astype("object").tolist()
    prior_seniority = pd.Series([seniority(t) for t in titles], index=chosen)
    orient = orientation(lk, chosen, w)
    target = target_orientation(track, skills)
    prior_track = orient.fillna(0.0) * (target or 0.0)
    pay = pay_facts(lk, chosen, w, visa, day or date.today())
    total = (
        w.active * prior_active
        + w.mechanism * prior_mechanism
        + w.mentoring * prior_mentoring
        + w.funding * prior_funding
        + w.department * prior_department
        + w.track * prior_track
        + w.seniority * prior_seniority
        + w.funding_for_you * pay.prior
    )
    company = _companies(people, codes_of, w)
    trainee = pd.Series([is_trainee_title(t, w) for t in titles], index=chosen, dtype=bool)
    return Priors(
        active=prior_active, mechanism=prior_mechanism, mentoring=prior_mentoring,
        funding=prior_funding, department=prior_department, seniority=prior_seniority,
        track=prior_track, total=total, months_left=max_months, orientation=orient,
        target=target, codes=codes_of, department_hit=dept_hit, company=company, trainee=trainee,
        pay=pay, visa=visa,
    )  # fmt: skip
