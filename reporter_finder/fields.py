"""API limits, whitelists and the column schemas of every table reporter_finder produces.

This module is the single source of truth shared by the query builder, the client, the table
builders, the ranker and the exporters. It does no I/O and holds no mutable state.

Sources for the limits: ``docs/reporter-api.md`` (NIH RePORTER API v2, checked 2026-11).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

# --- API ---------------------------------------------------------------------------------

DEFAULT_API_URL: Final = "https://api.reporter.nih.gov/v2"
API_URL_ENV: Final = "REPORTER_FINDER_API_URL"
PROJECTS_PATH: Final = "projects/search"
PUBLICATIONS_PATH: Final = "publications/search"

#: Largest page RePORTER serves (``limit`` 1–500).
PAGE_SIZE_MAX: Final = 500
#: RePORTER serves at most offset + limit <= 15,000 project records per query (2023 on;
#: it was 10,000 before). ``meta.total`` still reports the true count.
RESULT_WINDOW: Final = 15_000
#: The publications endpoint accepts offsets up to 9,999.
PUBLICATIONS_OFFSET_MAX: Final = 9_999
#: NIH asks for "no more than one URL request per second".
MIN_REQUEST_INTERVAL: Final = 1.0
#: ``award_amount_range.max_amount`` above int32 makes the API answer an empty-body 500.
AWARD_AMOUNT_MAX: Final = 2**31 - 1
#: Earliest fiscal year with records in RePORTER.
FISCAL_YEAR_MIN: Final = 1985

#: ``criteria`` keys of ``/v2/projects/search`` that the API is known to honour. Anything else
#: is silently ignored by the server (and then *everything* is returned), so we never send it.
PROJECT_CRITERIA_KEYS: Final = frozenset(
    {
        "fiscal_years",
        "include_active_projects",
        "use_relevance",
        "pi_names",
        "multi_pi_only",
        "po_names",
        "pi_profile_ids",
        "org_names",
        "org_names_exact_match",
        "org_cities",
        "org_states",
        "org_countries",
        "dept_types",
        "organization_type",
        "project_nums",
        "appl_ids",
        "agencies",
        "activity_codes",
        "award_types",
        "funding_mechanism",
        "opportunity_numbers",
        "spending_categories",
        "project_start_date",
        "project_end_date",
        "award_notice_date",
        "award_amount_range",
        "exclude_subprojects",
        "sub_project_only",
        "advanced_text_search",
    }
)

#: ``criteria`` keys of ``/v2/publications/search``.
PUBLICATION_CRITERIA_KEYS: Final = frozenset({"pmids", "appl_ids", "core_project_nums"})

#: ``advanced_text_search.search_field`` values. The API wants one comma-joined string.
SEARCH_FIELDS: Final = frozenset({"projecttitle", "abstracttext", "terms"})
DEFAULT_SEARCH_FIELDS: Final = ("projecttitle", "abstracttext")
TEXT_OPERATORS: Final = frozenset({"and", "or", "advanced"})

#: The ``include_fields`` names the table builders read (PascalCase on the request side;
#: the response key is the snake_case form).
INCLUDE_FIELDS: Final = (
    "ApplId",
    "SubprojectId",
    "FiscalYear",
    "ProjectNum",
    "CoreProjectNum",
    "Organization",
    "OrganizationType",
    "AwardType",
    "ActivityCode",
    "AwardAmount",
    "DirectCostAmt",
    "IsActive",
    "PrincipalInvestigators",
    "ContactPiName",
    "ProgramOfficers",
    "AgencyIcAdmin",
    "ProjectStartDate",
    "ProjectEndDate",
    "BudgetStart",
    "BudgetEnd",
    "FullStudySection",
    "ProjectTitle",
    "AbstractText",
    "PhrText",
    "PrefTerms",
    "ProjectDetailUrl",
)

#: Every ``include_fields`` name RePORTER documents; unknown names make it return whole records.
KNOWN_INCLUDE_FIELDS: Final = frozenset(
    {
        *INCLUDE_FIELDS,
        "ProjectSerialNum",
        "ProjectNumSplit",
        "CongDist",
        "GeoLatLon",
        "IndirectCostAmt",
        "IsNew",
        "MechanismCodeDc",
        "FundingMechanism",
        "CfdaCode",
        "ArraFunded",
        "CovidResponse",
        "AgencyIcFundings",
        "AgencyCode",
        "AwardNoticeDate",
        "DateAdded",
        "OpportunityNumber",
        "Terms",
        "SpendingCategories",
        "SpendingCategoriesDesc",
    }
)

#: The 27 NIH institutes and centres (``agency_ic_admin.abbreviation`` / ``agencies``
#: criterion). The client splits over them when one fiscal year exceeds ``RESULT_WINDOW``;
#: records administered by other agencies (AHRQ, CDC, FDA, VA) fall outside that split and
#: show up in its coverage warning.
NIH_AGENCIES: Final = (
    "NCI", "NEI", "NHLBI", "NHGRI", "NIA", "NIAAA", "NIAID", "NIAMS", "NIBIB", "NICHD",
    "NIDA", "NIDCD", "NIDCR", "NIDDK", "NIEHS", "NIGMS", "NIMH", "NIMHD", "NINDS", "NINR",
    "NLM", "NCCIH", "NCATS", "FIC", "CC", "CIT", "OD",
)  # fmt: skip

PROJECT_URL_TEMPLATE: Final = "https://reporter.nih.gov/project-details/{appl_id}"
PUBMED_URL_TEMPLATE: Final = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"

#: Two-letter codes RePORTER uses in ``org_state``: the 50 states, DC, territories and
#: military mail codes. (Canadian provinces also appear in responses; we filter on them only
#: if a user asks, so they are accepted too.)
# SIM905: the 62 codes read better as one block of text than as a list of quoted strings.
US_STATES: Final = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "  # noqa: SIM905
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP FM MH PW "
    "AA AE AP".split()
)
CANADIAN_PROVINCES: Final = frozenset("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())  # noqa: SIM905
STATE_CODES: Final = US_STATES | CANADIAN_PROVINCES

# --- Table schemas -----------------------------------------------------------------------
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
        "budget_end": _DATE,
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
        "agency_ic_admin": _STR,
        "study_sections": _LIST,  # list[str], distinct, latest first
        "program_officers": _LIST,  # list[str], distinct, latest first
        "contact_pi_profile_id": _INT,
        "pi_keys": _LIST,  # list[str]
        "is_active": _BOOL,  # latest project_end_date >= as_of
        "months_left": _FLOAT,  # months from as_of to latest project_end_date (negative if ended)
        "project_detail_url": _STR,  # of the latest appl_id
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
    "organization",
    "department",
    "city",
    "state",
    "n_grants",
    "n_active_grants",
    "active_funding",
    "last_fiscal_year",
    "top_grant_title",
    "top_grant_number",
    "top_grant_url",
    "activity_codes",
    "mentor_flags",
    "matched_terms",
    "matched_skills",
    "track_fit",
    "why",
    # Filled for the top of a ranking only (issue #6); empty (NA), not 0, when not looked up.
    "n_publications",  # PubMed papers acknowledging the PI's grants (RePORTER links)
    "recent_publications",  # the 3 most recent, "Title — Journal Year (PMID n)"
)
#: The lead-list columns that come from the publications look-up, not from the ranker's data.
PUBLICATION_LEAD_COLUMNS: Final = ("n_publications", "recent_publications")
#: Empty columns appended to a lead list for the applicant to track outreach.
TRACKING_COLUMNS: Final = ("status", "contacted_on", "follow_up_on", "notes")
#: Lead-list columns that hold lists (joined with "; " in CSV/XLSX, lists in JSON).
LEAD_LIST_COLUMNS: Final = frozenset(
    {"activity_codes", "mentor_flags", "matched_terms", "matched_skills", "recent_publications"}
)

TRACKS: Final = ("clinical", "postdoc", "any")
