"""RePORTER API v2 limits, endpoints, criteria and ``include_fields`` whitelists, state codes.

Shared by the query builder and the client. It does no I/O and holds no mutable state.

Sources for the limits: ``docs/reporter-api.md`` (NIH RePORTER API v2, checked 2026-11).
"""

from __future__ import annotations

from typing import Final

# --- API ---------------------------------------------------------------------------------

DEFAULT_API_URL: Final = "https://api.reporter.nih.gov/v2"
API_URL_ENV: Final = "REPORTER_FINDER_API_URL"
#: Moves the NCBI E-utilities root (PubMed esummary and efetch), like ``API_URL_ENV``.
EUTILS_URL_ENV: Final = "REPORTER_FINDER_EUTILS_URL"
#: Moves the ClinicalTrials.gov API v2 root, like ``API_URL_ENV``.
CTGOV_URL_ENV: Final = "REPORTER_FINDER_CTGOV_URL"
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
    "AwardNoticeDate",
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

#: The NIH institutes and centres (``agency_ic_admin.abbreviation`` / ``agencies`` criterion),
#: with the former names older fiscal years use (NCRR, NCMHD, NCCAM).
NIH_AGENCIES: Final = (
    "NCI", "NEI", "NHLBI", "NHGRI", "NIA", "NIAAA", "NIAID", "NIAMS", "NIBIB", "NICHD",
    "NIDA", "NIDCD", "NIDCR", "NIDDK", "NIEHS", "NIGMS", "NIMH", "NIMHD", "NINDS", "NINR",
    "NLM", "NCCIH", "NCATS", "FIC", "CC", "CIT", "OD", "CSR", "NCRR", "NCMHD", "NCCAM",
)  # fmt: skip
#: The other HHS and federal agencies whose projects RePORTER also lists (AHRQ, ACF, CDC and its
#: centres, FDA, VA …). No list is known to be complete, which is why the client checks that
#: a split by agency covers its parent's count, and falls back to date windows when not.
OTHER_AGENCIES: Final = (
    "AHRQ", "ACF", "ACL", "CDC", "ATSDR", "NCBDDD", "NCCDPHP", "NCEH", "NCEZID", "NCHHSTP",
    "NCHS", "NCIPC", "NCIRD", "NIOSH", "OPHPR", "CGH", "FDA", "HRSA", "SAMHSA", "VA", "IHS",
    "ASPR", "EPA", "DOD",
)  # fmt: skip
#: Every agency the client splits over when one slice exceeds ``RESULT_WINDOW``.
AGENCIES: Final = (*NIH_AGENCIES, *OTHER_AGENCIES)

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
