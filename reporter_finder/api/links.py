"""Project↔publication links from ``/v2/publications/search``, batch by batch, proven complete.

Links come sorted by ``coreproject`` only; the order *within* one project is not stable, so an
answer paged across a project's links can skip one link and repeat another at a page boundary
(reporter-api.md §13). A batch of ids whose links fill more than one page is therefore asked
again in pieces expected to fit in one page each; only a single id with more than 500 links is
paged, and its pages are checked for repeats. Every batch must keep its count on every page,
and every link must belong to an id asked for (:func:`~reporter_finder.api.verify.check_link`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from typing import Any

from reporter_finder.api import limits
from reporter_finder.api.pages import Page, check_page_length, parse_page
from reporter_finder.api.transport import HttpTransport
from reporter_finder.api.verify import check_link
from reporter_finder.errors import IncompleteResultError, ResultWindowError

__all__ = ["PUBLICATIONS_WINDOW", "batch_links", "link_ident"]

logger = logging.getLogger(__name__)

#: The publications endpoint serves offsets 0–9,999: with aligned 500-record pages that is
#: 10,000 records per query.
PUBLICATIONS_WINDOW = limits.PUBLICATIONS_OFFSET_MAX + 1


def link_ident(link: dict[str, Any]) -> tuple[Any, ...]:
    """What makes a link one link: ``(coreproject, pmid, applid)``."""
    return (link.get("coreproject"), link.get("pmid"), link.get("applid"))


def batch_links(transport: HttpTransport, key: str, batch: list[Any]) -> Iterator[dict[str, Any]]:
    """The links of one batch of ids, proven complete.

    Links come sorted by ``coreproject`` only; the order *within* one project is not
    stable, so an answer paged across a project's links can skip one link and repeat
    another at a page boundary. A batch whose links fill more than one page is therefore
    cut into pieces expected to fit in one page each; only a single id with more than
    500 links is paged, and then checked for repeats.
    """
    describe = f"publications of {len(batch)} {key}"
    first = _page(transport, key, batch, 0, describe)
    if first.total > limits.PAGE_SIZE_MAX and len(batch) > 1:
        # Aim below a full page: links per project vary, and a piece that still does
        # not fit costs one request more.
        pieces = min(len(batch), math.ceil(first.total / (limits.PAGE_SIZE_MAX * 0.8)))
        size = math.ceil(len(batch) / pieces)
        logger.info("RePORTER: %d publication links for %d ids; asking in %d pieces",
                    first.total, len(batch), math.ceil(len(batch) / size))  # fmt: skip
        for start in range(0, len(batch), size):
            yield from batch_links(transport, key, batch[start : start + size])
        return
    try:
        links = _read(transport, key, batch, first, describe, fresh=False)
    except IncompleteResultError as exc:
        logger.warning("RePORTER: %s; fetching it again", exc.message)
        first = _page(transport, key, batch, 0, describe, fresh=True)
        try:
            links = _read(transport, key, batch, first, describe, fresh=True)
        except IncompleteResultError as again:
            again.message = f"{again.message} (after one retry)"
            again.args = (again.message,)
            raise
    yield from links


def _read(
    transport: HttpTransport, key: str, batch: list[Any], first: Page, describe: str, *,
    fresh: bool,
) -> list[dict[str, Any]]:  # fmt: skip
    url = transport.url_for(limits.PUBLICATIONS_PATH)
    if first.total > PUBLICATIONS_WINDOW:
        raise ResultWindowError(
            f"{batch[0]} has {first.total:,} publication links, more than the "
            f"{PUBLICATIONS_WINDOW:,} the publications endpoint serves",
            url=url,
        )
    links: list[dict[str, Any]] = []
    earlier: set[tuple[Any, ...]] = set()  # links of the pages before this one
    page, offset = first, 0
    while True:
        if page.total != first.total:
            raise IncompleteResultError(
                f"RePORTER's count of {describe} changed from {first.total:,} to "
                f"{page.total:,} during the download",
                expected=page.total, got=len(links), url=url,
            )  # fmt: skip
        check_page_length(page, offset, limits.PAGE_SIZE_MAX, first.total, describe, url,
                          noun="publication links")  # fmt: skip
        idents = [link_ident(link) for link in page.results]
        for link in page.results:
            check_link(link, key, batch, url)
        repeated = earlier.intersection(idents)
        if repeated:
            raise IncompleteResultError(
                f"publication link {sorted(repeated, key=str)[0]} came twice for "
                f"{describe}: the pages overlap, so others were skipped",
                expected=first.total, got=len(earlier), url=url,
            )  # fmt: skip
        earlier.update(idents)
        links.extend(page.results)
        offset += len(page.results)
        if offset >= first.total:
            return links
        page = _page(transport, key, batch, offset, describe, fresh=fresh)


def _page(
    transport: HttpTransport, key: str, batch: list[Any], offset: int, describe: str, *,
    fresh: bool = False,
) -> Page:  # fmt: skip
    payload = {"criteria": {key: batch}, "offset": offset, "limit": limits.PAGE_SIZE_MAX}
    data = transport.request_json(
        "POST", limits.PUBLICATIONS_PATH, json=payload,
        describe=f"{describe}; offset {offset}", fresh=fresh,
    )  # fmt: skip
    return parse_page(data, transport.url_for(limits.PUBLICATIONS_PATH), limits.PAGE_SIZE_MAX)
