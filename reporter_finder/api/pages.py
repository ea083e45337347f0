"""One page of a RePORTER search answer: reading it, and checking it is as long as promised.

A page that is shorter than ``meta.total`` and the offset say it must be means the data
changed, or the server cut the answer: the client raises instead of returning less.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from reporter_finder.errors import IncompleteResultsError, InvalidResponseError

__all__ = ["Page", "check_page_length", "parse_page"]


@dataclass(frozen=True)
class Page:
    """The parts of a search answer the client pages with."""

    total: int
    results: list[dict[str, Any]]
    meta: dict[str, Any]
    limit: int  # the limit we asked for (to tell a short page from the last page)


def parse_page(data: Any, url: str, limit: int) -> Page:
    """A decoded search answer as a :class:`Page`.

    Raises:
        InvalidResponseError: the JSON has no integer ``meta.total`` or no list of records.
    """
    meta = data.get("meta") if isinstance(data, dict) else None
    results = data.get("results") if isinstance(data, dict) else None
    total = meta.get("total") if isinstance(meta, dict) else None
    if (
        not isinstance(meta, dict)
        or isinstance(total, bool)
        or not isinstance(total, int)
        or not isinstance(results, list)
        or not all(isinstance(r, dict) for r in results)
    ):
        raise InvalidResponseError(
            "RePORTER answered with JSON that is not a search result (no meta.total/results)",
            url=url,
            status=200,
            body=json.dumps(data)[:500],
        )
    return Page(total=total, results=results, meta=meta, limit=limit)


def check_page_length(
    page: Page,
    offset: int,
    limit: int,
    total: int,
    describe: str,
    url: str,
    noun: str = "records",
) -> None:
    """Raise when a page is shorter than ``limit`` records while more than that remain.

    A short page that is not the last one means records were skipped: fail rather than return
    partial data (projects and publication links alike).
    """
    expected = min(limit, max(total - offset, 0))
    if len(page.results) < expected:
        raise IncompleteResultsError(
            f"RePORTER returned {len(page.results)} {noun} at offset {offset} where "
            f"{expected} were expected ({total:,} in total) for {describe}",
            url=url,
            hint="RePORTER's data may have changed during the download; run it again.",
        )
