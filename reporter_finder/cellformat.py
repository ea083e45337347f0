"""How a lead list's list cells are written and read back: citations, co-PIs, "; " lists.

One owner for the cell format: the exporters write it (PubMed citations and co-PIs are
formatted here), and the outreach drafts parse a saved lead list back with the parsers next to
the formatters, so the two cannot drift apart. Pure: no I/O.
"""

from __future__ import annotations

import re
import sys
from typing import Final, NamedTuple

__all__ = [
    "LIST_SEPARATOR",
    "Citation",
    "CoPi",
    "cell_text",
    "format_citation",
    "format_co_pi",
    "parse_citation",
    "parse_co_pi",
    "split_citations",
    "split_list_cell",
]

#: Separator used when a list cell is flattened into one CSV/XLSX/table cell.
LIST_SEPARATOR: Final = "; "


class Citation(NamedTuple):
    """One ``recent_publications`` item, read back by :func:`parse_citation`."""

    pmid: int
    title: str
    journal: str | None
    year: int | None


# The inverse of format_citation for a citation with a title and a journal or year. A title
# alone ("Title (PMID n)") does not match: drafts built from a saved lead list cite no paper
# then, as they always have.
_CITATION: Final = re.compile(
    r"^(?P<title>.+) — (?P<journal>.*?) ?(?P<year>\d{4})? \(PMID (?P<pmid>\d+)\)$"
)
# In a CSV the list is joined with LIST_SEPARATOR, which titles may contain too: a citation
# ends only after "(PMID n)".
_CITATION_END: Final = re.compile(r"\(PMID \d+\)\s*(?:;\s*|$)")
_BARE_PMIDS: Final = re.compile(r"^(?:PMID \d+\s*;\s*)+")


def format_citation(
    pmid: int, title: str | None = None, journal: str | None = None, year: int | None = None
) -> str:
    """Format one publication as ``"Title — Journal Year (PMID n)"``.

    Missing parts are left out; with no title at all the result is ``"PMID n"``.

    Example:
        >>> format_citation(40642746, "Ferroptosis in PH", "Front Cardiovasc Med", 2025)
        'Ferroptosis in PH — Front Cardiovasc Med 2025 (PMID 40642746)'
    """
    if not cell_text(title):
        return f"PMID {int(pmid)}"
    # A year read from a column with gaps arrives as 2019.0.
    year_text = str(int(float(year))) if cell_text(year) else None  # type: ignore[arg-type]
    source = " ".join(str(p) for p in (journal, year_text) if cell_text(p))
    head = f"{title} — {source}" if source else str(title)
    return f"{head} (PMID {int(pmid)})"


def parse_citation(text: str) -> Citation | None:
    """Read back a citation written by :func:`format_citation`; ``None`` if it has no title and
    no journal or year to cite.

    Example:
        >>> parse_citation("Ferroptosis in PH — Front Cardiovasc Med 2025 (PMID 40642746)").journal
        'Front Cardiovasc Med'
    """
    match = _CITATION.match(text)
    if match is None:
        return None
    year = match["year"]
    return Citation(int(match["pmid"]), match["title"], match["journal"] or None,
                    int(year) if year else None)  # fmt: skip


class CoPi(NamedTuple):
    """One ``co_pis`` item, read back by :func:`parse_co_pi`."""

    name: str
    profile_id: int | None


_CO_PI: Final = re.compile(r"^(?P<name>.*?)\s*\((?P<profile_id>\d+)\)$")


def format_co_pi(name: str, profile_id: object = None) -> str:
    """One ``co_pis`` item: ``"Name (profile id)"``, or the name alone without a profile id.

    Example:
        >>> format_co_pi("Ana M Rivera", 12345), format_co_pi("Ana M Rivera", None)
        ('Ana M Rivera (12345)', 'Ana M Rivera')
    """
    profile = cell_text(profile_id)
    # A profile id read from a column with gaps arrives as 12345.0.
    return f"{name} ({int(float(profile))})" if profile else name


def parse_co_pi(text: str) -> CoPi:
    """Read back a ``co_pis`` item written by :func:`format_co_pi` (a list cell read from CSV
    is split with :func:`split_list_cell` first).

    Example:
        >>> parse_co_pi("Ana M Rivera (12345)")
        CoPi(name='Ana M Rivera', profile_id=12345)
    """
    text = cell_text(text)
    match = _CO_PI.match(text)
    if match is None or not match["name"]:
        return CoPi(text, None)
    return CoPi(match["name"], int(match["profile_id"]))


def split_citations(cell: str) -> list[str]:
    """The titled citations of a ``recent_publications`` cell read from CSV, in order.

    Bare ``"PMID n"`` items (no title to cite) are dropped.

    Example:
        >>> split_citations("PMID 1; A; B — J 2020 (PMID 2); C — J 2021 (PMID 3)")
        ['A; B — J 2020 (PMID 2)', 'C — J 2021 (PMID 3)']
    """
    chunks, start = [], 0
    for end in _CITATION_END.finditer(cell):
        chunks.append(cell[start : end.end()].strip().rstrip(";").strip())
        start = end.end()
    return [_BARE_PMIDS.sub("", chunk) for chunk in chunks]


def split_list_cell(text: str) -> list[str]:
    """A list cell read from CSV (items joined with :data:`LIST_SEPARATOR`) as its items."""
    return [item.strip() for item in text.split(LIST_SEPARATOR.strip()) if item.strip()]


def cell_text(value: object) -> str:
    """A lead-list cell as one line of text: ``""`` for a missing value (None, NA, NaN),
    runs of whitespace folded to one space.

    Example:
        >>> cell_text("  Ana   Rivera ") + "|" + cell_text(float("nan"))
        'Ana Rivera|'
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    # pd.NA can only exist once pandas is imported: looking it up here keeps this module free
    # of a pandas import (the CLI's --help imports it and must stay fast).
    pandas = sys.modules.get("pandas")
    if pandas is not None and value is pandas.NA:
        return ""
    return " ".join(str(value).split())
