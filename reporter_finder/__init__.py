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
    # query and client
    "ProjectQuery": "query",
    "ReporterClient": "client",
    "CacheSettings": "cache",
    # vocabulary
    "Specialty": "lexicon",
    "Skill": "lexicon",
    "SpecialtyMatch": "lexicon",
    "Lexicon": "lexicon",
    "load_lexicon": "lexicon",
    "resolve_specialty": "lexicon",
    "resolve_skills": "lexicon",
    "specialty_terms": "lexicon",
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
        QueryError,
        RateLimitError,
        ReporterConnectionError,
        ReporterError,
        ReporterHTTPError,
        ReporterTimeoutError,
        ResultWindowError,
    )
    from reporter_finder.export import lead_list, write_leads, write_table
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
    from reporter_finder.query import ProjectQuery
