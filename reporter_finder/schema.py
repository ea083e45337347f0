"""The column schemas of every table reporter_finder produces.

The applicant's vocabularies (tracks, visas, NRSA codes) are
:mod:`reporter_finder.vocabularies`'s; how list cells are written and read back (citations,
co-PIs) is :mod:`reporter_finder.cellformat`'s.

Each schema is an ordered mapping column -> pandas dtype. The table builders, the ranker and the
exporters always return exactly these columns in this order with these dtypes, even for empty
input. This module does no I/O and holds no mutable state.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:  # pragma: no cover - pandas is imported lazily: --help must stay fast
    import pandas as pd

# Each schema is an ordered mapping column -> pandas dtype. The table builders always return
# exactly these columns in this order with these dtypes, even for empty input. "object"
# columns hold Python lists (of int or str) — never None: an empty list when nothing is known.

_INT = "Int64"
_FLOAT = "Float64"
_STR = "string"
_BOOL = "boolean"
_DATE = "datetime64[ns]"
_LIST = "object"

#: One row per ``appl_id`` (one fiscal-year record, or a subproject).
PROJECT_COLUMNS: Final = MappingProxyType(
    {
        "appl_id": _INT,
        "project_num": _STR,
        "core_project_num": _STR,
        "subproject_id": _INT,
        "is_subproject": _BOOL,
        "fiscal_year": _INT,
        "activity_code": _STR,
        "award_type": _STR,
        "project_title": _STR,
        "abstract_text": _STR,
        "phr_text": _STR,
        "pref_terms": _STR,
        "award_amount": _FLOAT,
        "direct_cost_amt": _FLOAT,
        "project_start_date": _DATE,
        "project_end_date": _DATE,
        "budget_start": _DATE,  # start of this record's budget period (the award's "date")
        "budget_end": _DATE,
        # when NIH issued this record's notice of award: what "new since a lead list" compares
        "award_notice_date": _DATE,
        "org_name": _STR,
        "org_city": _STR,
        "org_state": _STR,
        "org_country": _STR,
        "dept_type": _STR,
        "organization_type": _STR,
        "agency_ic_admin": _STR,  # abbreviation, e.g. "NHLBI"
        "study_section": _STR,  # full_study_section.name
        "study_section_code": _STR,  # full_study_section.srg_code
        "program_officers": _LIST,  # list[str], display names
        "contact_pi_profile_id": _INT,
        "pi_profile_ids": _LIST,  # list[int | None], API order, contact first; None = no profile id
        "pi_keys": _LIST,  # list[str], see PI key rule in tables.py; aligns with pi_profile_ids
        "is_active": _BOOL,  # the API's own is_active flag (not the as_of computation)
        "project_detail_url": _STR,
    }
)

#: One row per ``core_project_num`` (fiscal years and supplements collapsed).
GRANT_COLUMNS: Final = MappingProxyType(
    {
        "core_project_num": _STR,
        "latest_appl_id": _INT,
        "activity_code": _STR,
        "project_title": _STR,  # title of the latest fiscal year
        "aim": _STR,  # "determine whether …": the aim stated in the latest abstract (tables.aims)
        "first_fiscal_year": _INT,
        "last_fiscal_year": _INT,
        "n_records": _INT,  # appl_id rows collapsed into this grant
        "project_start_date": _DATE,  # earliest
        "project_end_date": _DATE,  # latest
        # sum of awards in the latest fiscal year (parent + supplements)
        "latest_award_amount": _FLOAT,
        "total_award_amount": _FLOAT,  # sum over every row
        "org_name": _STR,
        "org_city": _STR,
        "org_state": _STR,
        "dept_type": _STR,
        "organization_type": _STR,  # e.g. "SCHOOLS OF MEDICINE", "DOMESTIC FOR-PROFITS"
        "agency_ic_admin": _STR,
        "study_sections": _LIST,  # list[str], distinct, latest first
        "program_officers": _LIST,  # list[str], distinct, latest first
        "contact_pi_profile_id": _INT,
        "pi_keys": _LIST,  # list[str]
        "is_active": _BOOL,  # latest project_end_date >= as_of
        "months_left": _FLOAT,  # months from as_of to latest project_end_date (negative if ended)
        "project_detail_url": _STR,  # of the latest appl_id
        # newest budget start of any record (a type 1 record without one: its project start)
        "latest_award_date": _DATE,
        "new_award_date": _DATE,  # the same, over new (type 1) and renewed (type 2) records only
    }
)

#: One row per PI. ``pi_key`` is the unique key: ``str(profile_id)`` when the API gives one,
#: otherwise ``"name:<last>|<first initial>|<org>"`` (see tables.py).
PI_COLUMNS: Final = MappingProxyType(
    {
        "pi_key": _STR,
        "profile_id": _INT,
        "pi_name": _STR,  # "Ana M Rivera"
        "sort_name": _STR,  # "RIVERA, ANA M"
        "pi_title": _STR,  # latest non-empty academic title, e.g. "Associate Professor"
        "organization": _STR,  # of the PI's most recent grant
        "department": _STR,  # dept_type of the most recent grant
        "organization_type": _STR,  # of the most recent grant, e.g. "DOMESTIC FOR-PROFITS"
        "city": _STR,
        "state": _STR,
        "n_grants": _INT,  # distinct core_project_num
        "n_active_grants": _INT,
        "n_contact_grants": _INT,  # grants on which the PI is contact PI
        "active_funding": _FLOAT,  # sum over active grants of latest_award_amount
        "total_funding": _FLOAT,  # sum of award_amount over all the PI's appl rows
        "first_fiscal_year": _INT,
        "last_fiscal_year": _INT,
        "activity_codes": _LIST,  # list[str], sorted, distinct
    }
)

#: The link table: one row per (PI, appl_id).
PI_GRANT_COLUMNS: Final = MappingProxyType(
    {
        "pi_key": _STR,
        "profile_id": _INT,
        "core_project_num": _STR,
        "appl_id": _INT,
        "fiscal_year": _INT,
        "is_contact_pi": _BOOL,
        "pi_title": _STR,  # the title as given on that record (may be empty/NA)
        "pi_name": _STR,  # display name on that record, "Ana M Rivera"
        "sort_name": _STR,  # "RIVERA, ANA M"
        "is_subproject": _BOOL,  # the appl_id is a subproject (component) record
        "award_amount": _FLOAT,  # that record's award_amount (the whole award, for every PI)
    }
)

#: The lead list users open in Excel: order matters (issue #5).
LEAD_COLUMNS: Final = (
    "rank",
    "score",
    "pi_name",
    "pi_title",
    "profile_id",
    # Where to write (issue #15): an address from the PI's own recent paper, with its source
    "email",  # as printed in the PI's affiliation on a PubMed paper; empty when none is known
    "email_pmid",  # the paper it comes from
    "email_year",  # that paper's year
    "email_match",  # how sure: "local part matches the name", …; "; may be outdated" if > 5 y
    "organization",
    "department",
    "city",
    "state",
    # Can this PI pay you? (issue #15: NRSA rules and hiring signals; docs/ranking.md)
    "funding_for_you",  # likely / limited / none, see FUNDING_FOR_YOU
    "n_grants",
    "n_active_grants",
    "n_active_research_grants",  # active R/U/P/DP-type research grants (not K, T, F, D)
    "active_funding",
    "months_left",  # on the PI's longest-running active grant
    "newest_award_date",  # YYYY-MM-DD: newest budget start of any of the PI's awards
    "new_or_renewed_last_12_months",  # a new (type 1) or renewed (type 2) award in 12 months
    "last_fiscal_year",
    "top_grant_title",
    "top_grant_number",
    "top_grant_url",
    "top_grant_aim",  # its aim as its abstract states it ("determine whether …"), or empty
    "activity_codes",
    "mentor_flags",
    "matched_terms",
    "matched_skills",
    "track_fit",
    "why",
    # Co-PIs of a shared grant shown in this row instead of their own (rank.aggregate.group_co_pis)
    "co_pis",  # "Name (profile id)" each, contact PI first
    # Filled for the top of a ranking only (issue #6); empty (NA), not 0, when not looked up.
    "n_publications",  # PubMed papers acknowledging the PI's grants (RePORTER links)
    "recent_publications",  # the 3 most recent, "Title — Journal Year (PMID n)"
    # The PI's NIH-linked clinical trials (issue #17, leads.trials), for the top of a ranking;
    # n_trials is empty (NA), not 0, when ClinicalTrials.gov was not asked or not reachable.
    "n_trials",  # trials tied to the PI by a grant id or as an official at their organisation
    "n_recruiting_trials",  # of them, recruiting or not yet recruiting
    "trial_nct_ids",  # "NCT…; NCT…", recruiting first
    "trial_contact_email",  # the first contact e-mail those trials give (central, then sites)
    "trial_contact_nct",  # the trial that e-mail comes from
    # What is new since an earlier lead list (issue #16, ``search --since``): empty without it
    "new_pi",  # True: the PI was not on the earlier list
    "new_awards",  # core project numbers with an award notice after the earlier list's date
    # When and from what this list was made, so that a later run can tell what is new
    "listed_on",  # the day the search judged "active" on (its as_of)
    "newest_appl_id",  # the highest appl_id of the PI's records (new records without a date)
)
#: The lead-list columns added by issue #15 (money and hiring signals): a ranked table made
#: before them still makes a lead list, with these cells empty.
PAY_LEAD_COLUMNS: Final = (
    "funding_for_you",
    "n_active_research_grants",
    "months_left",
    "newest_award_date",
    "new_or_renewed_last_12_months",
)
#: The lead-list columns added by issue #16 (what is new since an earlier list): a ranked table
#: made before them still makes a lead list, with these cells empty.
SINCE_LEAD_COLUMNS: Final = ("new_pi", "new_awards", "listed_on", "newest_appl_id")
#: The lead-list columns of the trials look-up (issue #17): empty when it did not run.
TRIAL_LEAD_COLUMNS: Final = (
    "n_trials",
    "n_recruiting_trials",
    "trial_nct_ids",
    "trial_contact_email",
    "trial_contact_nct",
)
#: The lead-list columns that come from the publications look-up, not from the ranker's data.
PUBLICATION_LEAD_COLUMNS: Final = ("n_publications", "recent_publications")
#: The e-mail columns, filled for the top of a ranking (leads.emails.emails_for_leads).
EMAIL_LEAD_COLUMNS: Final = ("email", "email_pmid", "email_year", "email_match")
#: Empty columns appended to a lead list for the applicant to track outreach.
TRACKING_COLUMNS: Final = ("status", "contacted_on", "follow_up_on", "notes")
#: Lead-list columns that hold lists (joined with "; " in CSV/XLSX, lists in JSON).
LEAD_LIST_COLUMNS: Final = frozenset(
    {
        "activity_codes",
        "mentor_flags",
        "matched_terms",
        "matched_skills",
        "co_pis",
        "recent_publications",
        "new_awards",
        "trial_nct_ids",
    }
)

# --- Ranking -----------------------------------------------------------------------------

#: ``rank.relevance.score_projects`` columns: one row per ``appl_id``, in input order.
SCORE_COLUMNS: Final = MappingProxyType(
    {
        "appl_id": _INT,
        "core_project_num": _STR,
        "specialty_score": _FLOAT,  # weighted BM25 of the specialty terms
        "skill_score": _FLOAT,  # weighted BM25 of the skill terms
        "relevance": _FLOAT,  # specialty × (1 + skill_boost × skill / max skill)
        "matched_terms": _LIST,  # list[str], specialty terms found, strongest first
        "matched_skill_terms": _LIST,  # list[str], skill terms found, strongest first
        "clinical_signal": _INT,  # distinct clinical cue words present
        "basic_signal": _INT,  # distinct basic-science cue words present
    }
)

#: Score components appended after the lead columns by ``rank.ranker.rank_pis``.
COMPONENT_COLUMNS: Final = MappingProxyType(
    {
        "pi_key": _STR,
        "text_score": _FLOAT,  # top-k sum + breadth, before normalisation
        "relevance": _FLOAT,  # text_score / best text_score in the pool
        "prior": _FLOAT,  # sum of the weighted prior components below
        "prior_active": _FLOAT,
        "prior_mechanism": _FLOAT,
        "prior_mentoring": _FLOAT,
        "prior_funding": _FLOAT,
        "prior_department": _FLOAT,
        "prior_seniority": _FLOAT,
        "prior_track": _FLOAT,
        "prior_funding_for_you": _FLOAT,  # likely 1, limited 0.4, none 0 (funding_for_you)
        # --track clinical: the weight of a recruiting NIH-linked trial (rank.trials), else 0
        "prior_trial": _FLOAT,
        "n_matching_grants": _INT,
    }
)

# The dtype of each lead-list column, as the ranker produces it.
_LEAD_DTYPES: Final = MappingProxyType(
    {
        "rank": _INT,
        "score": _FLOAT,
        "pi_name": _STR,
        "pi_title": _STR,
        "email": _STR,
        "email_pmid": _INT,
        "email_year": _INT,
        "email_match": _STR,
        "profile_id": _INT,
        "organization": _STR,
        "department": _STR,
        "city": _STR,
        "state": _STR,
        "funding_for_you": _STR,
        "n_grants": _INT,
        "n_active_grants": _INT,
        "n_active_research_grants": _INT,
        "active_funding": _FLOAT,
        "months_left": _FLOAT,
        "newest_award_date": _STR,
        "new_or_renewed_last_12_months": _BOOL,
        "last_fiscal_year": _INT,
        "top_grant_title": _STR,
        "top_grant_number": _STR,
        "top_grant_url": _STR,
        "top_grant_aim": _STR,
        "activity_codes": _LIST,
        "mentor_flags": _LIST,
        "matched_terms": _LIST,
        "matched_skills": _LIST,
        "track_fit": _STR,
        "why": _STR,
        "co_pis": _LIST,
        "n_publications": _INT,
        "recent_publications": _LIST,
        "n_trials": _INT,
        "n_recruiting_trials": _INT,
        "trial_nct_ids": _LIST,
        "trial_contact_email": _STR,
        "trial_contact_nct": _STR,
        "new_pi": _BOOL,
        "new_awards": _LIST,
        "listed_on": _DATE,
        "newest_appl_id": _INT,
    }
)

#: Every column of ``rank.ranker.rank_pis``, in order: :data:`LEAD_COLUMNS`, then the
#: components.
RANK_COLUMNS: Final = MappingProxyType(
    {**{c: _LEAD_DTYPES[c] for c in LEAD_COLUMNS}, **COMPONENT_COLUMNS}
)

# --- Trials ------------------------------------------------------------------------------

#: ``leads.trials.trials_table`` columns: one row per trial of a PI, recruiting first.
TRIAL_COLUMNS: Final = MappingProxyType(
    {
        "nct_id": _STR,
        "url": _STR,  # https://clinicaltrials.gov/study/NCT…
        "title": _STR,  # the brief title
        "status": _STR,  # overallStatus as given: RECRUITING, COMPLETED, …
        "phases": _LIST,  # PHASE2, NA, …
        "start_date": _STR,  # as given: yyyy, yyyy-MM or yyyy-MM-dd
        "primary_completion_date": _STR,
        "enrollment": _INT,
        "conditions": _LIST,
        "route": _STR,  # "grant R01HL123456" or "official: <name as the trial gives it>"
        "contacts": _LIST,  # "Name, e-mail, phone (central | site: facility, city)"
    }
)

# --- Publications ------------------------------------------------------------------------

#: ``leads.publications.publication_links`` columns.
LINK_COLUMNS: Final = MappingProxyType(
    {"core_project_num": "string", "pmid": "Int64", "appl_id": "Int64"}
)
#: ``leads.publications.pi_publications`` columns: one row per (PI, PMID), newest first.
PUBLICATION_COLUMNS: Final = MappingProxyType(
    {
        "pi_key": "string",
        "profile_id": "Int64",
        "pmid": "Int64",
        "core_project_num": "string",  # the PI's grant the paper cites (their latest, if several)
        "title": "string",  # NA when PubMed had no summary or was unreachable
        "journal": "string",  # ISO abbreviation, e.g. "Front Cardiovasc Med"
        "year": "Int64",
        "pub_date": "datetime64[ns]",
        "citation": "string",  # "Title — Journal Year (PMID n)", or "PMID n" without metadata
        "pubmed_url": "string",
    }
)


# --- The lead list: its columns (its cells' format is reporter_finder.cellformat's) ----------

#: Every column of a lead list, in order.
LEAD_LIST_HEADER: Final = (*LEAD_COLUMNS, *TRACKING_COLUMNS)
#: The lead-list columns the terminal table shows, best first: the first five at any width,
#: the others as the width allows (leads.terminal; the full list goes to files). ``reason``
#: is computed there from ``why``.
LEAD_TABLE_COLUMNS: Final = (
    "rank",
    "pi_name",
    "organization",
    "state",
    "reason",
    "score",
    "funding_for_you",
    "n_active_grants",
    "active_funding",
    "months_left",
    "activity_codes",
    "top_grant_title",
    "email",
    "profile_id",
)
#: Columns ``leads.followups.due_followups`` adds to the lead rows it returns.
CONTACTED_DATE: Final = "contacted_date"
DAYS_WAITING: Final = "days_waiting"
#: Columns of ``leads.followups.followup_list``, in order.
FOLLOWUP_LIST_COLUMNS: Final = (
    "rank",
    "pi_name",
    "organization",
    "contacted_on",
    DAYS_WAITING,
    "top_grant_title",
)


# --- building frames to a schema -----------------------------------------------------------


def empty_frame(schema: Mapping[str, str]) -> pd.DataFrame:
    """A frame with no rows and exactly ``schema``'s columns and dtypes."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in schema.items()})


def frame(columns: Mapping[str, Any], schema: Mapping[str, str]) -> pd.DataFrame:
    """A frame with exactly ``schema``'s columns, in order, cast to its dtypes.

    ``columns`` maps a column name to its values (a list, array or Series). A column that is
    missing or ``None`` is all-NA. ``object`` columns keep their Python values (lists);
    ``datetime64[ns]`` columns are parsed from ``YYYY-MM-DD`` text (anything else is NaT).
    """
    import pandas as pd

    n = next((len(v) for v in columns.values() if v is not None), 0)
    data = {}
    for name, dtype_name in schema.items():
        dtype: Any = dtype_name  # the pandas stubs type dtypes as literals; ours are data
        values: Any = columns.get(name)
        if values is None:
            values = [None] * n
        if dtype == "datetime64[ns]":
            series = pd.to_datetime(
                pd.Series(values, dtype="object"), format="%Y-%m-%d", errors="coerce"
            ).astype(dtype)
        elif dtype == "object":
            series = pd.Series(list(values), dtype="object")
        else:
            series = pd.Series(pd.array(values, dtype=dtype))
        data[name] = series.reset_index(drop=True)
    return pd.DataFrame(data, columns=list(schema))
