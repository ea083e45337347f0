"""Helpers shared by the tests of reporter_finder.search, retrieval and investigator."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reporter_finder.api.query import ProjectQuery
from reporter_finder.api.reporter import Records


class FakeClient:
    """Stands in for ReporterClient: records every query, answers from a fixed list."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records
        self.queries: list[ProjectQuery] = []
        self.closed = False

    def iter_projects(self, query: ProjectQuery) -> Iterator[dict[str, Any]]:
        self.queries.append(query)
        yield from self.records

    def fetch_projects(self, query: ProjectQuery, *, allow_partial: bool = False) -> Records:
        return Records(self.iter_projects(query))

    def close(self) -> None:  # pragma: no cover - must not be called on a caller's client
        self.closed = True
