"""reporter_finder: find and rank NIH-funded research mentors from NIH RePORTER.

The public surface, about 30 names, is re-exported here; everything else lives in the
subpackages (``api``, ``tables``, ``rank``, ``leads``, ``outreach``) and in
:mod:`reporter_finder.errors` (the whole exception family). Names are imported lazily
(PEP 562) so that the command line starts fast: ``import reporter_finder`` does not import
pandas or requests until a name that needs them is used. ``docs/library.md`` shows each entry
point with a runnable example.

Example:
    >>> from reporter_finder import ProjectQuery
    >>> ProjectQuery(text="atrial fibrillation", fiscal_years=(2024, 2025)).fiscal_years
    (2024, 2025)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module (below reporter_finder) that defines it
_EXPORTS: dict[str, str] = {
    "ReporterError": "errors",
    "QueryError": "errors",
    "DataFormatError": "errors",
    "ProjectQuery": "api.query",
    "ReporterClient": "api.reporter",
    "PubMedClient": "api.pubmed",
    "ClinicalTrialsClient": "api.ctgov",
    "CacheSettings": "api.cache",
    "Tables": "tables.build",
    "build_tables": "tables.build",
    "load_records": "tables.records",
    "find_pi": "tables.lookup",
    "load_lexicon": "rank.lexicon",
    "resolve_specialty": "rank.resolve",
    "resolve_skills": "rank.resolve",
    "RankWeights": "rank.weights",
    "rank_pis": "rank.ranker",
    "find_mentors": "search",
    "MentorSearch": "search",
    "lead_list": "leads.listing",
    "write_leads": "leads.export",
    "write_table": "leads.export",
    "read_leads": "leads.sheet",
    "due_followups": "leads.followups",
    "mark_followups": "leads.followups",
    "publications_for_leads": "leads.publications",
    "trials_for_leads": "leads.trials",
    "Applicant": "outreach.draft",
    "Draft": "outreach.draft",
    "draft_batch": "outreach.compose",
    "draft_followup": "outreach.compose",
    "write_drafts": "outreach.files",
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
    from reporter_finder.api.cache import CacheSettings
    from reporter_finder.api.ctgov import ClinicalTrialsClient
    from reporter_finder.api.pubmed import PubMedClient
    from reporter_finder.api.query import ProjectQuery
    from reporter_finder.api.reporter import ReporterClient
    from reporter_finder.errors import DataFormatError, QueryError, ReporterError
    from reporter_finder.leads.export import write_leads, write_table
    from reporter_finder.leads.followups import due_followups, mark_followups
    from reporter_finder.leads.listing import lead_list
    from reporter_finder.leads.publications import publications_for_leads
    from reporter_finder.leads.sheet import read_leads
    from reporter_finder.leads.trials import trials_for_leads
    from reporter_finder.outreach.compose import draft_batch, draft_followup
    from reporter_finder.outreach.draft import Applicant, Draft
    from reporter_finder.outreach.files import write_drafts
    from reporter_finder.rank.lexicon import load_lexicon
    from reporter_finder.rank.ranker import rank_pis
    from reporter_finder.rank.resolve import resolve_skills, resolve_specialty
    from reporter_finder.rank.weights import RankWeights
    from reporter_finder.search import MentorSearch, find_mentors
    from reporter_finder.tables.build import Tables, build_tables
    from reporter_finder.tables.lookup import find_pi
    from reporter_finder.tables.records import load_records
