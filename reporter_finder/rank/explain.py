"""Why each PI is ranked: top grant, matched terms and skills, mentor flags, track fit, ``why``.

Step 4 of the ranking (the team's ranking notes §7.6: the applicant must be able to see
*why*). Reads what the earlier stages computed; computes no score.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder.rank.weights import RankWeights
from reporter_finder.vocabularies import INTRAMURAL_FLAG

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.rank.lexicon import Skill
    from reporter_finder.rank.priors import PayFacts, Priors

__all__ = [
    "COMPANY_FLAG",
    "EXPLAIN_COLUMNS",
    "TRAINEE_FLAG",
    "explain",
    "fit_label",
    "hiring_text",
    "mentor_flags",
]

#: The columns :func:`explain` returns.
EXPLAIN_COLUMNS = (
    "top_grant_title", "top_grant_number", "top_grant_url", "top_grant_aim", "mentor_flags",
    "matched_terms",
    "matched_skills", "track_fit", "why", "n_matching_grants",
)  # fmt: skip
_MAX_TERMS_SHOWN = 6  # in the matched_terms column
_WHY_TERMS = 3  # in the one-line why: more would not fit on a line
_MAX_FLAGS_IN_WHY = 2

# (core_project_num, role weight, months left) of one matching grant.
_Held = tuple[str, float, float]


def _pretty(text: str) -> str:
    return "".join(p.capitalize() if p.isalpha() else p for p in re.split(r"(\W+)", text.lower()))


def fit_label(target: float | None, orientation: float | None) -> str:
    """The ``track_fit`` label of a PI with ``orientation`` for an applicant with ``target``.

    "strong" / "partial" / "weak" when the applicant has a target orientation; "clinical" /
    "basic" / "mixed" describing the PI when not; "unknown" when no grant text says.

    Example:
        >>> fit_label(1.0, 0.8), fit_label(None, -0.5), fit_label(-1.0, None)
        ('strong', 'basic', 'unknown')
    """
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


#: The ``mentor_flags`` of a PI at a company (with its reason) and of a PI with a trainee title.
COMPANY_FLAG = "company"
TRAINEE_FLAG = "trainee title"


def mentor_flags(
    codes: set[str],
    company: str | None,
    trainee: bool,
    w: RankWeights,
    *,
    nrsa: Sequence[str] = (),
    intramural: bool = False,
) -> list[str]:
    """Readable flags for a PI holding ``codes``: the sanity warnings first (company, with its
    reason: "company (for-profit organisation)" or "company (SBIR/STTR awards only)"; "trainee
    title"), then the ``nrsa`` reasons (NRSA awards that cannot pay the applicant's visa, e.g.
    "T32 (NRSA): cannot pay trainees on a J-1 or H-1B visa"), then "NIH intramural: Visiting
    Fellow program", then mentoring and training awards (in ``w.mentoring_codes`` order; not an
    NRSA award named by ``nrsa``), then a near-peer career awardee.

    Example:
        >>> mentor_flags({"K24", "R01"}, None, True, RankWeights())
        ['trainee title', 'K24 mentoring award']
    """
    flags = [f"{COMPANY_FLAG} ({company})"] if company else []
    if trainee:
        flags.append(TRAINEE_FLAG)
    flags.extend(nrsa)
    if intramural:
        flags.append(INTRAMURAL_FLAG)
    unpaid = w.nrsa_codes if nrsa else frozenset()
    flags.extend(label for code, label in w.mentoring_codes if code in codes - unpaid)
    if codes & w.junior_codes and not codes & w.tier_a_codes:
        junior = ", ".join(sorted(codes & w.junior_codes))
        flags.append(f"career-development awardee ({junior}): near-peer mentor")
    return flags


def hiring_text(pay: PayFacts, key: str, months_left: float) -> str:
    """The ``why`` part on money and hiring signals, e.g. "funding for you: likely (2 active
    research grants, 41 months left, new or renewed award 2025-03-01)"."""
    details = []
    n = int(pay.n_active_research[key])
    if n:
        details.append(f"{n} active research grant{'' if n == 1 else 's'}")
    level = pay.funding_for_you[key]
    if months_left > 0 and level != "none":  # "none" with months left: grants that cannot pay
        details.append(f"{months_left:.0f} months left")
    newest = pay.newest_award_date[key]
    if bool(pay.new_award[key]):
        details.append(f"new or renewed award in the last 12 months (newest award {newest})")
    elif newest:
        details.append(f"newest award {newest}")
    text = f"funding for you: {level}"
    return f"{text} ({', '.join(details)})" if details else text


def _held_grants(matching: pd.DataFrame) -> dict[str, list[_Held]]:
    """The matching grants of each PI, in link order (best contribution first)."""
    per_pi: dict[str, list[_Held]] = {}
    for key, core_num, role, months in zip(
        matching["pi_key"].tolist(),
        matching["core"].tolist(),
        matching["role"].tolist(),
        matching["months_left"].tolist(),
        strict=True,
    ):
        per_pi.setdefault(key, []).append((core_num, role, months))
    return per_pi


class _Vocabulary:
    """The matched terms of every grant and the skill each skill term stands for, as dicts:
    looked up once per grant of every ranked PI, so they must be cheap."""

    def __init__(self, core: pd.DataFrame, skills: Sequence[Skill]) -> None:
        self.terms: dict[Hashable, list[str]] = core["terms"].to_dict()
        self.skill_terms: dict[Hashable, list[str]] = core["skill_terms"].to_dict()
        self.skill_of_term: dict[str, str] = {}
        for skill in skills:
            for term in skill.terms:
                self.skill_of_term.setdefault(term, skill.name)
        self.skill_order = {s.name: i for i, s in enumerate(skills)}

    def matched(self, held: list[_Held], top_k: int) -> tuple[list[str], list[str]]:
        """(specialty terms of the best ``top_k`` grants, skill names found in any grant)."""
        terms: list[str] = []
        skill_names: set[str] = set()
        for i, (core_num, _, _) in enumerate(held):
            if i < top_k:
                terms.extend(self.terms.get(core_num) or ())
            skill_names.update(
                self.skill_of_term.get(t, t) for t in self.skill_terms.get(core_num) or ()
            )
        terms = list(dict.fromkeys(terms))[:_MAX_TERMS_SHOWN]
        order = self.skill_order
        found = sorted(skill_names, key=lambda s: (order.get(s, len(order)), s))
        return terms, found


def _why(
    held: list[_Held],
    terms: list[str],
    skills_found: list[str],
    flags: list[str],
    dept: str | None,
    track: str,
    label: str,
    w: RankWeights,
    hiring: str | None = None,
) -> str:
    """The one-line reason: role and grants, terms, skills, flags, department, fit, money.

    The first ``_MAX_FLAGS_IN_WHY`` flags are shown, and every NRSA or intramural flag."""
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
    parts.extend(flags[:_MAX_FLAGS_IN_WHY])
    parts.extend(f for f in flags[_MAX_FLAGS_IN_WHY:] if "(NRSA)" in f or f == INTRAMURAL_FLAG)
    if dept:
        parts.append(f"{_pretty(dept)} dept")
    if track != "any":
        parts.append(f"{track} track: {label} fit")
    elif label in ("strong", "partial", "weak"):
        parts.append(f"skills orientation: {label} fit")
    elif label != "unknown":
        parts.append(f"{label} research")
    if hiring:
        parts.append(hiring)
    return "; ".join(parts)


def explain(
    lk: pd.DataFrame,
    core: pd.DataFrame,
    facts: pd.DataFrame,
    priors: Priors,
    skills: Sequence[Skill],
    track: str,
    w: RankWeights,
) -> dict[str, list[Any]]:
    """The explanation columns (:data:`EXPLAIN_COLUMNS`) of the PIs of ``priors``, in order.

    Args:
        lk: the grant links of the chosen PIs
            (:func:`~reporter_finder.rank.aggregate.pi_grant_contributions`).
        core: per-grant relevance (:func:`~reporter_finder.rank.aggregate.grant_relevance`).
        facts: per-grant facts (:func:`~reporter_finder.rank.aggregate.grant_facts`).
        priors: :func:`~reporter_finder.rank.priors.mentor_priors` of the chosen PIs.
        skills: the applicant's skills, in the order they were given.
        track: the validated track.
        w: the weights.
    """
    per_pi = _held_grants(lk[lk["matching"]])
    vocabulary = _Vocabulary(core, skills)
    cols: dict[str, list[Any]] = {name: [] for name in EXPLAIN_COLUMNS}
    for key in priors.total.index:
        held = per_pi.get(key, [])
        terms, skills_found = vocabulary.matched(held, w.top_k)
        top = held[0][0] if held else None
        cols["top_grant_title"].append(facts.at[top, "title"] if top in facts.index else None)
        cols["top_grant_number"].append(top)
        cols["top_grant_url"].append(facts.at[top, "url"] if top in facts.index else None)
        cols["top_grant_aim"].append(facts.at[top, "aim"] if top in facts.index else None)
        pay = priors.pay
        flags = mentor_flags(
            priors.codes[key], priors.company.get(key), bool(priors.trainee[key]), w,
            nrsa=pay.nrsa.get(key, ()) if pay else (),
            intramural=pay is not None and key in pay.intramural,
        )  # fmt: skip
        months = priors.months_left[key]
        hiring = hiring_text(pay, key, 0.0 if pd.isna(months) else float(months)) if pay else None
        o = priors.orientation[key]
        label = fit_label(priors.target, None if pd.isna(o) else float(o))
        dept = priors.department_hit[key]
        cols["mentor_flags"].append(flags)
        cols["matched_terms"].append(terms)
        cols["matched_skills"].append(skills_found)
        cols["track_fit"].append(label)
        cols["why"].append(_why(held, terms, skills_found, flags, dept, track, label, w, hiring))
        cols["n_matching_grants"].append(len(held))
    return cols
