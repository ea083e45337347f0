"""One page of a RePORTER search answer: reading it, and checking it continues the answer.

A page shorter than ``meta.total`` and the offset say it must be, a ``meta.total`` that differs
from the first page's, a sort other than the ``appl_id`` order asked for, a record seen before
or out of order: each means the pages do not join into the whole result, and the client
re-fetches or raises instead of returning less.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reporter_finder.errors import IncompleteResultError, InvalidResponseError

__all__ = ["Page", "check_key", "check_page", "check_page_length", "parse_page", "record_key"]


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
        raise IncompleteResultError(
            f"RePORTER returned {len(page.results)} {noun} at offset {offset} where "
            f"{expected} were expected ({total:,} in total) for {describe}",
            expected=total,
            url=url,
            hint="RePORTER's data may have changed during the download; run it again.",
        )


def check_page(
    page: Page, offset: int, total: int, describe: str, url: str, *, ordered: bool = True
) -> None:
    """Raise :class:`IncompleteResultError` unless ``page`` continues a stable, ordered answer.

    Its ``meta.total`` must equal the first page's ``total`` (else the data changed during the
    download), the sort RePORTER echoes must be the ``appl_id`` ascending order paging relies
    on (when ``ordered``), and it must be as long as promised (:func:`check_page_length`).
    """
    if page.total != total:
        raise IncompleteResultError(
            f"RePORTER's count for {describe} changed from {total:,} to {page.total:,} "
            "during the download",
            expected=page.total,
            url=url,
        )
    if ordered:
        _check_sort_echo(page.meta, describe, url)
    check_page_length(page, offset, page.limit, total, describe, url)


def check_key(
    record: dict[str, Any], last: int | None, seen: set[int], describe: str, url: str,
    *, ordered: bool = True,
) -> int:  # fmt: skip
    """A record's ``appl_id``, checked to be new and (when ``ordered``) above ``last``.

    Raises:
        IncompleteResultError: the id came before (pages overlap) or out of order (pages
            shifted: records may have been skipped).
        InvalidResponseError: the record has no usable ``appl_id``.
    """
    key = record_key(record)
    if key is None:
        raise InvalidResponseError(
            f"RePORTER returned a record without an appl_id for {describe}",
            url=url,
            status=200,
            body=json.dumps(record)[:500],
        )
    if key in seen:
        raise IncompleteResultError(
            f"record {key} came twice for {describe}: the pages overlap", url=url
        )
    if ordered and last is not None and key < last:
        raise IncompleteResultError(
            f"records came out of appl_id order for {describe} ({key} after {last}), so "
            "paging may have skipped some",
            url=url,
        )
    return key


def record_key(record: Mapping[str, Any]) -> int | None:
    """A record's ``appl_id`` as an int (it was a string in one capture), or None."""
    value = record.get("appl_id")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _check_sort_echo(meta: dict[str, Any], describe: str, url: str) -> None:
    # RePORTER echoes the sort it applied; it may leave sort_field null, but it must not say
    # it sorted by something else.
    field = meta.get("sort_field")
    order = meta.get("sort_order")
    wrong = []
    if meta.get("sorted_by_relevance") is True:
        wrong.append("by relevance")
    if isinstance(field, str) and field and field.replace("_", "").lower() != "applid":
        wrong.append(f"by {field}")
    if isinstance(order, str) and order and order.lower() != "asc":
        wrong.append(order)
    if wrong:
        raise IncompleteResultError(
            f"RePORTER sorted {describe} {' '.join(wrong)} instead of by appl_id ascending, "
            "so its pages cannot be joined safely",
            url=url,
        )
