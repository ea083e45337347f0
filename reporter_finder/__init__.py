"""reporter_finder: find and rank NIH-funded research mentors from NIH RePORTER.

The public surface is re-exported here. Names are imported lazily (PEP 562) so that the
command line starts fast: ``import reporter_finder`` does not import pandas or requests until
a name that needs them is used.

Example:
    >>> from reporter_finder import ProjectQuery, ReporterClient
    >>> query = ProjectQuery(text="atrial fibrillation", fiscal_years=(2024, 2025))
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # exceptions
    "ReporterError": "exceptions",
    "QueryError": "exceptions",
    "ReporterHTTPError": "exceptions",
    "RateLimitError": "exceptions",
    "ReporterConnectionError": "exceptions",
    "ReporterTimeoutError": "exceptions",
    "InvalidResponseError": "exceptions",
    "ResultWindowError": "exceptions",
    "IncompleteResultsError": "exceptions",
    "OfflineCacheMissError": "exceptions",
    "DataFormatError": "exceptions",
    "LexiconError": "exceptions",
    "OutreachError": "exceptions",
    # query and client
    "ProjectQuery": "query",
    "ReporterClient": "client",
    "CacheSettings": "cache",
    # tables (issue #3)
    "Tables": "tables",
    "build_tables": "tables",
    "projects_table": "tables",
    "grants_table": "tables",
    "pis_table": "tables",
    "pi_grants_table": "tables",
    "load_records": "tables",
    "find_pi": "tables",
    # vocabulary
    "Specialty": "lexicon",
    "Skill": "lexicon",
    "SpecialtyMatch": "lexicon",
    "Lexicon": "lexicon",
    "load_lexicon": "lexicon",
    "resolve_specialty": "lexicon",
    "resolve_skills": "lexicon",
    "specialty_terms": "lexicon",
    # publications, outreach drafts, follow-ups (issue #6)
    "PubMedClient": "publications",
    "PubMedSummary": "publications",
    "publication_links": "publications",
    "pi_publications": "publications",
    "attach_publications": "publications",
    "publications_for_leads": "publications",
    "Applicant": "outreach",
    "Draft": "outreach",
    "draft_email": "outreach",
    "draft_for_pi": "outreach",
    "draft_batch": "outreach",
    "draft_followup": "outreach",
    "write_drafts": "outreach",
    "read_leads": "followups",
    "due_followups": "followups",
    "mark_followups": "followups",
    # ranking and the find_mentors facade (issue #4)
    "RankWeights": "rank",
    "rank_pis": "rank",
    "score_projects": "rank",
    "find_mentors": "mentors",
    "MentorSearch": "mentors",
    "default_query": "mentors",
    "fetch_records": "mentors",
    "relevant_grants": "mentors",
    # exports
    "lead_list": "export",
    "write_leads": "export",
    "write_table": "export",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reporter_finder' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"reporter_finder.{module}"), name)
    globals()[name] = value  # cache: later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from reporter_finder.cache import CacheSettings
    from reporter_finder.client import ReporterClient
    from reporter_finder.exceptions import (
        DataFormatError,
        IncompleteResultsError,
        InvalidResponseError,
        LexiconError,
        OfflineCacheMissError,
        OutreachError,
        QueryError,
        RateLimitError,
        ReporterConnectionError,
        ReporterError,
        ReporterHTTPError,
        ReporterTimeoutError,
        ResultWindowError,
    )
    from reporter_finder.export import lead_list, write_leads, write_table
    from reporter_finder.followups import due_followups, mark_followups, read_leads
    from reporter_finder.lexicon import (
        Lexicon,
        Skill,
        Specialty,
        SpecialtyMatch,
        load_lexicon,
        resolve_skills,
        resolve_specialty,
        specialty_terms,
    )
    from reporter_finder.mentors import (
        MentorSearch,
        default_query,
        fetch_records,
        find_mentors,
        relevant_grants,
    )
    from reporter_finder.outreach import (
        Applicant,
        Draft,
        draft_batch,
        draft_email,
        draft_followup,
        draft_for_pi,
        write_drafts,
    )
    from reporter_finder.publications import (
        PubMedClient,
        PubMedSummary,
        attach_publications,
        pi_publications,
        publication_links,
        publications_for_leads,
    )
    from reporter_finder.query import ProjectQuery
    from reporter_finder.rank import RankWeights, rank_pis, score_projects
    from reporter_finder.tables import (
        Tables,
        build_tables,
        find_pi,
        grants_table,
        load_records,
        pi_grants_table,
        pis_table,
        projects_table,
    )
