"""The ranker's numbers: :class:`RankWeights` and the activity-code tiers it defaults to.

Every weight, threshold and vocabulary of cue words the ranker uses lives here, in one frozen
(hashable) dataclass, so that a ranking is reproducible from its weights alone
(the team's ranking notes §6–§7). Nothing here computes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reporter_finder.vocabularies import NRSA_ACTIVITY_CODES

__all__ = ["RankWeights"]

# Activity-code tiers (ranking-notes §6.2). Tiers, not per-code weights: the evidence ranks
# kinds of award, it does not price them.
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
# Research grants for funding_for_you (issue #15): "major" ones (R01/R35/U01/P01/DP-type) can
# pay a fellow for a year; "small" ones (R03, R21…: two years, a small budget) rarely can.
_MAJOR_RESEARCH = _TIER_A | frozenset(["RM1", "P2C", "P42"])
_SMALL_RESEARCH = frozenset(["R03", "R15", "R16", "R21", "R24", "R34", "R56", "R00", "U24", "U2C"])
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

# Organisation types of companies. RePORTER spells them "DOMESTIC FOR-PROFITS" (and older data
# "Domestic For-Profits", "Small Business"); "Other Domestic Non-Profits" is not one.
_FOR_PROFIT_TYPES = (r"\bfor[- ]?profits?\b", r"\bsmall business")
# A trainee's title. "fellow" is a trainee ("Research Fellow", "Fellow in Cardiology") unless it
# is an honour ("Fellow of the …"); "resident" is not "President", "intern" not "internal".
_TRAINEE_TITLES = (
    r"\bpost-?\s?doc(toral)?\b", r"\bpre-?\s?doc(toral)?\b", r"\bfellow\b(?!\s+of\b)",
    r"\bresident\b", r"\bintern\b", r"\btrainee\b", r"\bstudent\b",
    r"\bgraduate (research )?assistant\b",
)  # fmt: skip
# Faculty ranks and senior posts overrule a trainee word in the same title ("Professor; Fellow,
# AHA", "Residency Program Director", "Senior Research Fellow").
_FACULTY_TITLES = (
    r"\bprof", r"\bchair", r"\bdirector\b", r"\bdean\b", r"\binstructor\b", r"\blecturer\b",
    r"\bprincipal investigator\b", r"\b(senior|distinguished) (research )?fellow\b",
)  # fmt: skip


@dataclass(frozen=True)
class RankWeights:
    """Every number the ranker uses, in one place (the team's ranking notes §6–§7).

    The defaults were first set by reasoning on a handful of example queries; two of them (the
    track prior, and broad terms counting only alongside a core term) were then adjusted while
    looking at all 42 evaluation queries, so the evaluation's test split is not held out for
    them (``evaluation/README.md``). Tune new weights on the dev split only. Use
    :func:`dataclasses.replace` to change some, or :meth:`text_only` for a prior-free ranker.

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
        trainee_title_factor: multiplies the score of a PI whose title says trainee
            (``trainee_titles``: postdoc, research/clinical fellow, resident, student…) (0.5).
            PIs holding only F* fellowships are trainees too and are not ranked at all when
            ``exclude_trainees`` is true.

    Can the PI pay you (issue #15, ``docs/ranking.md`` "Money an IMG can be paid from"):
        funding_for_you (h): weight of ``prior_funding_for_you``: 1 for "likely" (an active
            major research grant, ``major_research_codes``, with at least
            ``likely_min_months`` left), ``funding_for_you_limited`` for "limited" (only
            K-awards, small research grants, grants ending sooner, or training grants), 0 for
            "none" (0.10).
        funding_for_you_limited: the credit of "limited" (0.4).
        recruiting_trial: ``--track clinical`` only: what a recruiting or not-yet-recruiting
            NIH-linked trial adds to the prior of a looked-up PI (0.15, a judgement: the
            evaluation corpus has no trials, so no split could tune it; see rank.trials).
        likely_min_months: months left that make a major research grant "likely" (6).
        new_award_months: a new or renewed award this recent is a hiring signal (12).
        nrsa_codes: Kirschstein-NRSA awards (T32, T35, TL1, T90, F-awards…,
            :data:`~reporter_finder.vocabularies.NRSA_ACTIVITY_CODES`). With a visa
            (:data:`~reporter_finder.vocabularies.VISAS` other than "none") they earn no active,
            funding, mentoring or funding_for_you credit and the row says why.
        major_research_codes, small_research_codes: research grants; both count in
            ``n_active_research_grants``.

    Mentor sanity (the team's issue #14, item 6; ``docs/ranking.md`` "Mentor sanity"):
        for_profit_types: regular expressions (case-insensitive) an ``organization_type`` that
            is a company matches ("DOMESTIC FOR-PROFITS", "Small Business"); "Other Domestic
            Non-Profits" must not match. A PI whose organisation type is unknown counts as a
            company when all their awards are SBIR/STTR (``company_codes``).
        trainee_titles: regular expressions (case-insensitive) a trainee's title matches;
            ``faculty_titles`` (professor, chair, director, senior fellow…) overrule them, and
            "Fellow of the …" is an honour, not a trainee. "Research Associate" is deliberately
            absent (a staff position at most US institutions; "Research Associate Professor"
            is faculty).
        group_co_pis: show the co-PIs of a multi-PI grant once, in the row of its contact PI
            (:func:`~reporter_finder.rank.aggregate.group_co_pis`) (True).

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
    funding_for_you: float = 0.10
    funding_for_you_limited: float = 0.4
    recruiting_trial: float = 0.15
    likely_min_months: float = 6.0
    new_award_months: float = 12.0
    funding_cap: float = 2_000_000.0
    centre_credit_cap: float = 600_000.0
    trainee_title_factor: float = 0.5
    exclude_trainees: bool = True
    group_co_pis: bool = True
    tier_a_codes: frozenset[str] = _TIER_A
    tier_b_codes: frozenset[str] = _TIER_B
    junior_codes: frozenset[str] = _JUNIOR
    company_codes: frozenset[str] = _COMPANY
    centre_codes: frozenset[str] = _CENTRE
    clinical_codes: frozenset[str] = _CLINICAL_CODES
    mentoring_codes: tuple[tuple[str, str], ...] = _MENTORING
    nrsa_codes: frozenset[str] = NRSA_ACTIVITY_CODES
    major_research_codes: frozenset[str] = _MAJOR_RESEARCH
    small_research_codes: frozenset[str] = _SMALL_RESEARCH
    clinical_cues: tuple[str, ...] = _CLINICAL_CUES
    basic_cues: tuple[str, ...] = _BASIC_CUES
    for_profit_types: tuple[str, ...] = _FOR_PROFIT_TYPES
    trainee_titles: tuple[str, ...] = _TRAINEE_TITLES
    faculty_titles: tuple[str, ...] = _FACULTY_TITLES

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
            + self.funding_for_you
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
            funding_for_you=0.0,
            recruiting_trial=0.0,
            trainee_title_factor=1.0,
        )
