"""A local stand-in for the ClinicalTrials.gov API v2 (``GET /api/v2/studies`` and
``GET /api/v2/studies/{nctId}``).

A stdlib ``http.server`` in a daemon thread on 127.0.0.1 (free port), serving the real v2
study objects of ``tests/fixtures/ctgov-*.json`` (5 full studies and the 10 of the two search
envelopes) plus any a test adds with :meth:`CtgovStandin.add_study` (e.g. a copy of a real
study with other secondary ids or officials).

What it models, from ``docs/pubmed-ctgov.md`` §10–13:

* ``filter.advanced`` and ``query.term`` hold Essie expressions; this stand-in evaluates only
  what the client sends: ``AREA[SecondaryId]…`` / ``AREA[OverallOfficialName]…`` atoms (a
  bare word or a ``"phrase"``) joined by ``AND`` / ``OR`` (AND binds tighter). An atom
  matches when its words occur, in order and adjacent, among the words of one value of that
  field; words are runs of letters and digits, folded for case and accents. So
  ``R01HL123456`` matches ``R01HL123456-03`` and ``HL123456`` matches ``R01 HL123456``, but
  neither matches ``5R01HL123456-03``: a model of the undocumented Essie tokenisation, not
  a record of it. Another area name is a 400, as the real server answers.
* Unknown parameters are a 400 with a ``text/plain`` body (`` `x` is unknown parameter ``).
* ``pageSize`` (default 10, over 1,000 cut to 1,000), ``pageToken`` / ``nextPageToken``
  (the token is bound to the other parameters: reused with others it is a 400 here, where the
  real server silently answers the new query at the old offset), ``countTotal=true`` adds
  ``totalCount`` to the first page only. ``fields`` is accepted and ignored (whole studies
  come back). Studies come in the order they are stored.

Faults: ``fail_next(status, body, retry_after, times)`` answers the next requests with that
status, a ``text/plain`` body and a ``Retry-After`` header; ``drop_between_pages(times)``
deletes a study the client has already seen once a page with a next page has been served,
so the following pages shift and one study is never sent (as when the data is refreshed
while a client pages). Every request's query is in ``requests``, ``(method, path, query)``
in ``calls``.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.httpserve import serve

FIXTURES = Path(__file__).parent / "fixtures"
API_PATH = "/api/v2"
#: Every ``GET /studies`` parameter the real API documents.
KNOWN_PARAMS = frozenset(
    {
        "format", "markupFormat", "query.cond", "query.term", "query.locn", "query.titles",
        "query.intr", "query.outc", "query.spons", "query.lead", "query.id", "query.patient",
        "filter.overallStatus", "filter.geo", "filter.ids", "filter.advanced", "filter.synonyms",
        "postFilter.overallStatus", "postFilter.geo", "postFilter.ids", "postFilter.advanced",
        "postFilter.synonyms", "aggFilters", "geoDecay", "fields", "sort", "countTotal",
        "pageSize", "pageToken",
    }
)  # fmt: skip
#: Parameters a page token is not bound to.
_PAGING = frozenset({"pageToken", "countTotal", "pageSize"})
_ATOM = re.compile(r'AREA\[(\w+)\](?:"([^"]*)"|([^\s"()]+))')
_WORDS = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case, accent-free runs of letters and digits."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _WORDS.findall(plain)


def _values(study: dict[str, Any], area: str) -> list[str]:
    protocol = study.get("protocolSection", {})
    if area == "SecondaryId":
        infos = protocol.get("identificationModule", {}).get("secondaryIdInfos", [])
        return [str(i.get("id", "")) for i in infos]
    if area == "OverallOfficialName":
        officials = protocol.get("contactsLocationsModule", {}).get("overallOfficials", [])
        return [str(o.get("name", "")) for o in officials]
    raise KeyError(area)


def _atom_matches(study: dict[str, Any], area: str, value: str) -> bool:
    wanted = words(value)
    n = len(wanted)
    for text in _values(study, area):
        have = words(text)
        if n and any(have[i : i + n] == wanted for i in range(len(have) - n + 1)):
            return True
    return False


def parse_expression(text: str) -> list[list[tuple[str, str]]]:
    """``a AND b OR c`` → ``[[a, b], [c]]`` (OR of ANDs); ValueError if not understood."""
    groups: list[list[tuple[str, str]]] = [[]]
    pos, expect_atom = 0, True
    text = text.strip()
    while pos < len(text):
        if expect_atom:
            match = _ATOM.match(text, pos)
            if not match:
                raise ValueError(f"mismatched input at {text[pos : pos + 20]!r}")
            if match[1] not in ("SecondaryId", "OverallOfficialName"):
                raise ValueError(f"Unknown area name: {match[1]}")
            groups[-1].append((match[1], match[2] if match[2] is not None else match[3]))
            pos = match.end()
        else:
            op = re.compile(r"\s+(AND|OR)\s+").match(text, pos)
            if not op:
                raise ValueError(f"mismatched input at {text[pos : pos + 20]!r}")
            if op[1] == "OR":
                groups.append([])
            pos = op.end()
        expect_atom = not expect_atom
    if expect_atom:
        raise ValueError("the expression ends with an operator or is empty")
    return groups


def _matches(study: dict[str, Any], groups: list[list[tuple[str, str]]]) -> bool:
    return any(all(_atom_matches(study, a, v) for a, v in group) for group in groups)


def _bind(query: dict[str, str]) -> str:
    bound = sorted((k, v) for k, v in query.items() if k not in _PAGING)
    return hashlib.sha256(json.dumps(bound).encode()).hexdigest()[:16]


def nct_id(study: dict[str, Any]) -> str:
    return str(study["protocolSection"]["identificationModule"]["nctId"])


Answer = tuple[int, str, bytes, dict[str, str]]


@dataclass
class CtgovStandin:
    """State shared by the handler: the studies, the request log and pending faults."""

    studies: list[dict[str, Any]]
    requests: list[dict[str, str]] = field(default_factory=list)
    calls: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    faults: list[tuple[int, str, float | None]] = field(default_factory=list)
    drops: int = 0
    base_url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add_study(self, study: dict[str, Any]) -> None:
        """Serve ``study`` too (a copy), after those already stored."""
        with self.lock:
            self.studies.append(copy.deepcopy(study))

    def fail_next(
        self, status: int, body: str = "", retry_after: float | None = None, times: int = 1
    ) -> None:
        """Answer the next ``times`` requests with ``status``, a text/plain ``body`` and,
        when given, a ``Retry-After`` header."""
        with self.lock:
            self.faults.extend([(status, body, retry_after)] * times)

    def drop_between_pages(self, times: int = 1) -> None:
        """The next ``times`` pages that have a next page each delete their first study from
        the store once served, so the next page starts one study later."""
        with self.lock:
            self.drops += times

    def answer(self, path: str, query: dict[str, str]) -> Answer:
        """(status, content type, body, extra headers) of one GET."""
        with self.lock:
            self.calls.append(("GET", path, query))
            self.requests.append(query)
            if self.faults:
                status, body, retry_after = self.faults.pop(0)
                headers = {} if retry_after is None else {"Retry-After": f"{retry_after:g}"}
                return status, "text/plain", body.encode(), headers
            if path == f"{API_PATH}/studies":
                return self._search(query)
            if path.startswith(f"{API_PATH}/studies/"):
                return self._one(unquote(path.rpartition("/")[2]))
        return _text(404, f"no such path {path}")

    def _one(self, nct: str) -> Answer:
        for study in self.studies:
            if nct_id(study).upper() == nct.upper():
                return 200, "application/json", json.dumps(study).encode(), {}
        return _text(404, f"NCT number {nct} not found")

    def _search(self, query: dict[str, str]) -> Answer:
        for name in query:
            if name not in KNOWN_PARAMS:
                return _text(400, f"`{name}` is unknown parameter")
        groups = []
        for name in ("filter.advanced", "query.term"):
            if name in query:
                try:
                    groups.append(parse_expression(query[name]))
                except ValueError as exc:
                    return _text(400, f"Error parsing query in advanced filter: {exc}")
        matched = [s for s in self.studies if all(_matches(s, g) for g in groups)]
        size = int(query.get("pageSize") or 0) or 10
        size = min(size, 1000)
        offset = 0
        if "pageToken" in query:
            try:
                token = json.loads(base64.urlsafe_b64decode(query["pageToken"].encode()))
            except ValueError:
                return _text(400, "Invalid pageToken")
            if token["bound"] != _bind(query):
                return _text(400, "stand-in: pageToken was issued for other parameters")
            offset = token["offset"]
        page = matched[offset : offset + size]
        body: dict[str, Any] = {"studies": page}
        if query.get("countTotal") == "true" and "pageToken" not in query:
            body["totalCount"] = len(matched)
        if offset + size < len(matched):
            token = {"offset": offset + size, "bound": _bind(query)}
            body["nextPageToken"] = base64.urlsafe_b64encode(json.dumps(token).encode()).decode()
            if self.drops and page:
                self.drops -= 1
                self.studies.remove(page[0])
        return 200, "application/json", json.dumps(body).encode(), {}


def _text(status: int, message: str) -> Answer:
    return status, "text/plain", message.encode(), {}


def _handler(state: CtgovStandin) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
            status, content_type, data, headers = state.answer(parts.path, query)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Keep the test output quiet."""

    return Handler


def load_studies() -> list[dict[str, Any]]:
    """The fixtures' studies: the full-study files, then the search envelopes' studies."""
    studies = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(FIXTURES.glob("ctgov-v2-study-*.json"))
    ]
    for path in sorted(FIXTURES.glob("ctgov-v2-studies-search-envelope-*.json")):
        studies += json.loads(path.read_text(encoding="utf-8"))["studies"]
    return studies


@contextmanager
def serve_ctgov() -> Iterator[CtgovStandin]:
    """Run the stand-in; yields its state, whose ``base_url`` is the API v2 root."""
    state = CtgovStandin(studies=load_studies())
    with serve(_handler(state)) as root:
        state.base_url = f"{root}{API_PATH}"
        yield state
