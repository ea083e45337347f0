"""A local stand-in for the NIH RePORTER API v2, for end-to-end tests, benchmarks and demos.

It serves ``POST /v2/projects/search`` and ``POST /v2/publications/search`` from in-memory
fixture records with RePORTER's semantics as far as reporter_finder relies on them:
``meta.total``, paging by ``offset``/``limit`` sorted by ``appl_id``, the 500 page cap, HTTP 400
past the 15,000-record window (publications: offsets above 9,999), criteria filtering on the
fields the tests use, unknown criteria keys ignored, ``include_fields`` (snake_case keys).

Test controls: a fault queue (error statuses with ``Retry-After``, truncated JSON, delays), a
request log, a per-request delay (simulated round-trip time) and ``fake_total`` (report a large
``meta.total`` for chosen criteria, to exercise partitioning).

Misbehaviour switches, each a :class:`Backend` attribute whose default is correct behaviour,
with a setter on :class:`StandIn` (``standin.backend`` holds them). They let end-to-end tests
show that a client which proves its results complete catches each fault:

``ignored_criteria`` / ``StandIn.ignore_criteria(*names)``
    criteria keys the server ignores when matching, as RePORTER does with unknown keys (e.g.
    ``{"advanced_text_search"}``: a dropped text filter; ``{"org_states"}``: a dropped filter).
``joining``, ``join_after`` / ``StandIn.add_records_after(n, records)``
    once ``n`` projects requests have been handled, ``records`` join the served records (kept
    sorted by ``appl_id``): RePORTER updating during a multi-page fetch. ``n=0``: from the next one.
``leaving``, ``leave_after`` / ``StandIn.remove_records_after(n, appl_ids)``
    the same, but the records with these ``appl_id`` values are removed.
``misordered_pages`` / ``StandIn.misorder_pages(on=True)``
    every projects page at ``offset > 0`` comes in descending ``appl_id`` order; meta unchanged.
``sort_echo`` / ``StandIn.set_sort_echo(echo)``
    a dict merged over the projects meta (``sort_field``, ``sort_order``,
    ``sorted_by_relevance``), e.g. ``{"sorted_by_relevance": True}``; ``None``: echo the request.
``overlapping_pages`` / ``StandIn.overlap_pages(on=True)``
    a projects page at ``offset = k > 0`` is served from ``matched[k-1 : k-1+limit]`` (and no
    longer than the correct page): it repeats the previous page's last record and the last
    record is never served; ``meta.total`` unchanged.
``hidden_under`` / ``StandIn.hide_under(key, appl_ids)``
    ``{key: appl_ids}``: these records never match a projects request whose criteria have
    ``key`` with a non-empty value (``{"agencies": ids}``: records of an agency missing from an
    agency split; ``{"project_start_date": ids}``: records without a start date), so the parts
    of a split do not sum to their parent.
``result_window`` / ``StandIn.set_result_window(n)``
    the projects result window (default 15,000): HTTP 400 when ``offset + limit`` exceeds it.
``unstable_ties`` / ``StandIn.unstable_publication_ties(on=True)``
    publications stay sorted ``coreproject`` desc, but within one core project the ``pmid``
    order alternates: ascending on even-numbered publications requests (the first is number
    0), descending on odd ones, so paging across a tie skips and doubles links.
``agencies_match_funding`` / ``StandIn.match_agencies_on_funding(on=True)``
    ``agencies`` also matches any ``agency_ic_fundings[].abbreviation``, not only
    ``agency_ic_admin.abbreviation`` (the default).

``projects_handled`` and ``publications_handled`` count the requests each endpoint answered.
``synthetic_records`` makes many records from templates (with overrides or a ``vary``
callback); ``agency_fields`` makes the agency fields of a record of any agency, including
non-NIH ones (AHRQ, CDC, FDA, VA).

Standalone::

    python -m tests.standin --port 8765 --records tests/fixtures/projects-common-fund.json

then point reporter_finder at it: ``REPORTER_FINDER_API_URL=http://127.0.0.1:8765/v2``.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import functools
import json
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PAGE_SIZE_MAX = 500
RESULT_WINDOW = 15_000
PUBLICATIONS_OFFSET_MAX = 9_999

FakeTotal = Callable[[dict[str, Any]], "int | None"]


@dataclass
class Fault:
    """One canned answer, served instead of the real one for the next request."""

    status: int = 503
    body: str = ""
    retry_after: str | None = None
    truncated: bool = False  # serve the real answer cut in half, with status 200
    delay: float = 0.0  # seconds to wait before answering
    path: str | None = None  # only for requests to this path (e.g. "/v2/projects/search")


class Faults:
    """A thread-safe queue of :class:`Fault` objects consumed one per request."""

    def __init__(self) -> None:
        self._queue: collections.deque[Fault] = collections.deque()
        self._lock = threading.Lock()

    def add(self, *faults: Fault) -> None:
        with self._lock:
            self._queue.extend(faults)

    def status(self, status: int, times: int = 1, **kwargs: Any) -> None:
        """Queue ``times`` answers with HTTP ``status``."""
        self.add(*(Fault(status=status, **kwargs) for _ in range(times)))

    def truncated(self, times: int = 1) -> None:
        """Queue ``times`` 200 answers whose JSON body is cut in half."""
        self.add(*(Fault(status=200, truncated=True) for _ in range(times)))

    def delay(self, seconds: float, times: int = 1) -> None:
        """Queue ``times`` normal answers that arrive after ``seconds``."""
        self.add(*(Fault(status=200, delay=seconds) for _ in range(times)))

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()

    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    def take(self, path: str) -> Fault | None:
        with self._lock:
            for i, fault in enumerate(self._queue):
                if fault.path is None or fault.path == path:
                    del self._queue[i]
                    return fault
        return None


@dataclass
class LoggedRequest:
    """A request the stand-in received."""

    method: str
    path: str
    body: Any
    headers: dict[str, str]
    started: float  # time.monotonic() at arrival


@dataclass
class Backend:
    """The stand-in's data and behaviour, independent of HTTP (also usable as a callback)."""

    records: list[dict[str, Any]] = field(default_factory=list)
    publications: list[dict[str, Any]] = field(default_factory=list)
    fake_total: FakeTotal | None = None
    search_id: str = "standin"
    #: every request body handled, oldest first
    bodies: list[Any] = field(default_factory=list)
    # --- misbehaviour switches (see the module docstring); the defaults behave correctly ---
    #: criteria keys ignored when matching, like unknown keys
    ignored_criteria: set[str] = field(default_factory=set)
    #: records added to ``records`` once ``join_after`` projects requests were handled
    joining: list[dict[str, Any]] = field(default_factory=list)
    join_after: int = 0
    #: appl_ids removed from ``records`` once ``leave_after`` projects requests were handled
    leaving: set[int] = field(default_factory=set)
    leave_after: int = 0
    #: projects pages at offset > 0 come in descending appl_id order (meta still says asc)
    misordered_pages: bool = False
    #: merged over the projects meta (sort_field, sort_order, sorted_by_relevance)
    sort_echo: dict[str, Any] | None = None
    #: a projects page at offset k > 0 is served from matched[k-1 : k-1+limit], no longer than
    #: the correct page
    overlapping_pages: bool = False
    #: criteria key -> appl_ids that never match a request whose criteria have that key
    hidden_under: dict[str, set[int]] = field(default_factory=dict)
    #: projects result window: offset + limit above it is HTTP 400
    result_window: int = RESULT_WINDOW
    #: publications: pmid order within one coreproject alternates asc/desc per request
    unstable_ties: bool = False
    #: ``agencies`` also matches agency_ic_fundings[].abbreviation
    agencies_match_funding: bool = False
    #: requests answered per endpoint
    projects_handled: int = 0
    publications_handled: int = 0
    _lock: Any = field(default_factory=threading.RLock, init=False, repr=False, compare=False)

    def set_records(self, records: Iterable[dict[str, Any]]) -> None:
        self.records = sorted(records, key=lambda r: int(r["appl_id"]))

    def handle(self, path: str, body: Any) -> tuple[int, dict[str, str], bytes]:
        """Answer one request: ``(status, headers, body bytes)``."""
        with self._lock:  # the counters and joining/leaving records need one request at a time
            self.bodies.append(body)
            path = "/" + path.strip("/").lower()
            if not isinstance(body, dict):
                return _error(400, "Request body must be a JSON object.")
            if path.endswith("/projects/search"):
                try:
                    return self._projects(body)
                finally:
                    self.projects_handled += 1
            if path.endswith("/publications/search"):
                try:
                    return self._publications(body)
                finally:
                    self.publications_handled += 1
            return _error(404, f"No such endpoint: {path}")

    def _update_records(self) -> None:
        """Apply ``joining`` and ``leaving`` once their number of requests was handled."""
        if self.joining and self.projects_handled >= self.join_after:
            self.set_records([*self.records, *self.joining])
            self.joining = []
        if self.leaving and self.projects_handled >= self.leave_after:
            gone = {int(a) for a in self.leaving}
            self.records = [r for r in self.records if int(r["appl_id"]) not in gone]
            self.leaving = set()

    def _match(self, record: dict[str, Any], criteria: dict[str, Any]) -> bool:
        """``_matches`` with the switches: hidden records, ignored keys, funding agencies."""
        appl_id = int(record["appl_id"])
        for key, hidden in self.hidden_under.items():
            if criteria.get(key) not in (None, "", [], {}) and appl_id in hidden:
                return False
        if self.ignored_criteria:
            criteria = {k: v for k, v in criteria.items() if k not in self.ignored_criteria}
        return _matches(record, criteria, agencies_match_funding=self.agencies_match_funding)

    def _projects(self, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        self._update_records()
        criteria = body.get("criteria") or {}
        offset, limit = int(body.get("offset", 0)), int(body.get("limit", 50))
        if not 1 <= limit <= PAGE_SIZE_MAX:
            return _error(400, f"Limit must be between 1 and {PAGE_SIZE_MAX}.")
        window = self.result_window
        if offset < 0 or offset + limit > window:
            return _error(400, f"offset + limit must not exceed {window}; narrow your search.")
        matched = [r for r in self.records if self._match(r, criteria)]
        if criteria.get("include_active_projects") and "include_active_projects" not in (
            self.ignored_criteria
        ):
            ids = {r["appl_id"] for r in matched}
            extra_criteria = {k: v for k, v in criteria.items() if k != "fiscal_years"}
            matched += [
                r
                for r in self.records
                if r.get("is_active") and r["appl_id"] not in ids and self._match(r, extra_criteria)
            ]
        matched.sort(key=lambda r: int(r["appl_id"]))
        if body.get("sort_order", "asc").lower() == "desc":
            matched.reverse()
        total = len(matched)
        if self.fake_total is not None:
            fake = self.fake_total(criteria)
            if fake is not None:
                total = fake
        served = matched[offset : offset + limit]
        if self.overlapping_pages and offset > 0:  # one record back, same page length
            served = matched[offset - 1 : offset - 1 + len(served)]
        if self.misordered_pages and offset > 0:
            served = sorted(served, key=lambda r: int(r["appl_id"]), reverse=True)
        page = [_select(r, body.get("include_fields")) for r in served]
        meta = {
            "search_id": self.search_id,
            "total": total,
            "offset": offset,
            "limit": limit,
            "sort_field": body.get("sort_field"),
            "sort_order": "ASC" if body.get("sort_order", "asc").lower() == "asc" else "desc",
            "sorted_by_relevance": bool(criteria.get("use_relevance")),
            "properties": {"URL": f"https:/reporter.nih.gov/search/{self.search_id}/projects"},
        }
        if self.sort_echo:
            meta.update(self.sort_echo)
        return _json(200, {"meta": meta, "results": page})

    def _publications(self, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        criteria = body.get("criteria") or {}
        offset, limit = int(body.get("offset", 0)), int(body.get("limit", 50))
        if not 1 <= limit <= PAGE_SIZE_MAX:
            return _error(400, f"Limit must be between 1 and {PAGE_SIZE_MAX}.")
        if offset < 0 or offset > PUBLICATIONS_OFFSET_MAX:
            return _error(400, f"Offset must be between 0 and {PUBLICATIONS_OFFSET_MAX}.")
        cores = {str(c).upper() for c in criteria.get("core_project_nums") or []}
        appls = {int(a) for a in criteria.get("appl_ids") or []}
        pmids = {int(p) for p in criteria.get("pmids") or []}
        matched = [
            p
            for p in self.publications
            if (not cores or str(p["coreproject"]).upper() in cores)
            and (not appls or int(p["applid"]) in appls)
            and (not pmids or int(p["pmid"]) in pmids)
        ]
        if not (cores or appls or pmids):
            matched = []
        matched.sort(key=lambda p: (str(p["coreproject"]), int(p["pmid"])), reverse=True)
        if self.unstable_ties and self.publications_handled % 2 == 0:
            # coreproject still desc, pmid asc within it (odd requests keep pmid desc)
            matched.sort(key=lambda p: int(p["pmid"]))
            matched.sort(key=lambda p: str(p["coreproject"]), reverse=True)
        meta: dict[str, Any] = {
            "search_id": None,
            "total": len(matched),
            "offset": offset,
            "limit": limit,
            "sort_field": "coreproject",
            "sort_order": "desc",
            "sorted_by_relevance": False,
            "properties": {},
        }
        return _json(200, {"meta": meta, "results": matched[offset : offset + limit]})


class StandIn:
    """The stand-in server, running in a background thread on 127.0.0.1.

    Attributes:
        url: the ``/v2`` base URL to give ``ReporterClient``.
        requests: log of :class:`LoggedRequest`, oldest first.
        faults: the :class:`Faults` queue.
        delay: seconds added to every answer (simulated round-trip time).
    """

    def __init__(
        self,
        records: Iterable[dict[str, Any]] = (),
        publications: Iterable[dict[str, Any]] = (),
        *,
        port: int = 0,
        delay: float = 0.0,
    ) -> None:
        self.backend = Backend(publications=list(publications))
        self.backend.set_records(records)
        self.faults = Faults()
        self.requests: list[LoggedRequest] = []
        self.delay = delay
        self._log_lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _make_handler(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v2"

    def set_records(self, records: Iterable[dict[str, Any]]) -> None:
        """Replace the project records served."""
        self.backend.set_records(records)

    def set_publications(self, publications: Iterable[dict[str, Any]]) -> None:
        """Replace the publication links served."""
        self.backend.publications = list(publications)

    def set_fake_total(self, fake_total: FakeTotal | None) -> None:
        """Report ``fake_total(criteria)`` as ``meta.total`` when it returns an int."""
        self.backend.fake_total = fake_total

    # --- misbehaviour switches (see the module docstring) ---------------------------------

    def ignore_criteria(self, *names: str) -> None:
        """Ignore these criteria keys when matching (no names: ignore none)."""
        self.backend.ignored_criteria = set(names)

    def add_records_after(self, n: int, records: Iterable[dict[str, Any]]) -> None:
        """Add ``records`` to the served records once ``n`` projects requests were handled."""
        self.backend.joining = list(records)
        self.backend.join_after = n

    def remove_records_after(self, n: int, appl_ids: Iterable[int]) -> None:
        """Remove the records with these ``appl_ids`` once ``n`` projects requests were handled."""
        self.backend.leaving = {int(a) for a in appl_ids}
        self.backend.leave_after = n

    def misorder_pages(self, on: bool = True) -> None:
        """Serve projects pages at offset > 0 in descending ``appl_id`` order."""
        self.backend.misordered_pages = on

    def set_sort_echo(self, echo: dict[str, Any] | None) -> None:
        """Merge ``echo`` over the projects meta's sort keys (``None``: echo the request)."""
        self.backend.sort_echo = dict(echo) if echo is not None else None

    def overlap_pages(self, on: bool = True) -> None:
        """Start each projects page at offset k > 0 with the previous page's last record."""
        self.backend.overlapping_pages = on

    def hide_under(self, key: str, appl_ids: Iterable[int]) -> None:
        """Never match these records when the criteria have ``key`` (adds to earlier calls)."""
        self.backend.hidden_under.setdefault(key, set()).update(int(a) for a in appl_ids)

    def set_result_window(self, n: int) -> None:
        """Answer HTTP 400 when a projects request's ``offset + limit`` exceeds ``n``."""
        self.backend.result_window = n

    def unstable_publication_ties(self, on: bool = True) -> None:
        """Alternate the pmid order within one coreproject between publications requests."""
        self.backend.unstable_ties = on

    def match_agencies_on_funding(self, on: bool = True) -> None:
        """Let ``agencies`` also match ``agency_ic_fundings[].abbreviation``."""
        self.backend.agencies_match_funding = on

    def bodies(self, path_suffix: str = "") -> list[Any]:
        """The JSON bodies received (optionally only for paths ending with ``path_suffix``)."""
        with self._log_lock:
            return [r.body for r in self.requests if r.path.endswith(path_suffix)]

    def reset_log(self) -> None:
        with self._log_lock:
            self.requests.clear()

    def start(self) -> StandIn:
        self._thread = threading.Thread(
            # A short poll interval makes stop() (and test teardown) fast.
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="reporter-standin",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _log(self, entry: LoggedRequest) -> None:
        with self._log_lock:
            self.requests.append(entry)


def _make_handler(standin: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like the real server

        def log_message(self, format: str, *args: Any) -> None:
            """Silence the default per-request stderr line."""

        def do_GET(self) -> None:
            self._send(405, {"Allow": "POST"}, b"Method Not Allowed")

        def do_POST(self) -> None:
            started = time.monotonic()
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body: Any = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode("utf-8", "replace")
            standin._log(
                LoggedRequest("POST", self.path, body, dict(self.headers.items()), started)
            )
            fault = standin.faults.take(self.path)
            if standin.delay:
                time.sleep(standin.delay)
            if fault is not None and fault.delay:
                time.sleep(fault.delay)
            if fault is not None and not fault.truncated and fault.status != 200:
                headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                self._send(fault.status, headers, fault.body.encode("utf-8"))
                return
            status, headers, payload = standin.backend.handle(self.path, body)
            if fault is not None and fault.truncated:
                payload = payload[: max(1, len(payload) // 2)]
            self._send(status, headers, payload)

        def _send(self, status: int, headers: dict[str, str], payload: bytes) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                if "Content-Type" not in headers:
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (e.g. a read timeout in a test)

    return Handler


# --- criteria semantics -------------------------------------------------------------------

_SEARCH_FIELD_KEYS = {
    "projecttitle": ("project_title",),
    "abstracttext": ("abstract_text",),
    "abstract": ("abstract_text",),
    "terms": ("terms", "pref_terms"),
}


def _matches(
    record: dict[str, Any], criteria: dict[str, Any], *, agencies_match_funding: bool = False
) -> bool:
    org = record.get("organization") or {}
    checks: list[bool] = []
    if criteria.get("fiscal_years"):
        checks.append(record.get("fiscal_year") in set(criteria["fiscal_years"]))
    if criteria.get("org_states"):
        states = {s.upper() for s in criteria["org_states"]}
        checks.append((org.get("org_state") or "").upper() in states)
    if criteria.get("org_cities"):
        cities = {c.lower() for c in criteria["org_cities"]}
        checks.append((org.get("org_city") or "").lower() in cities)
    if criteria.get("org_names"):
        name = (org.get("org_name") or "").lower()
        checks.append(any(n.lower() in name for n in criteria["org_names"]))
    if criteria.get("dept_types"):
        depts = {d.upper() for d in criteria["dept_types"]}
        checks.append((org.get("dept_type") or "").upper() in depts)
    if criteria.get("activity_codes"):
        codes = {c.upper() for c in criteria["activity_codes"]}
        checks.append((record.get("activity_code") or "").upper() in codes)
    if criteria.get("agencies"):
        agencies = {((record.get("agency_ic_admin") or {}).get("abbreviation") or "").upper()}
        if agencies_match_funding:
            fundings = record.get("agency_ic_fundings") or []
            agencies |= {(f.get("abbreviation") or "").upper() for f in fundings}
        checks.append(bool(agencies & {a.upper() for a in criteria["agencies"]}))
    if criteria.get("pi_profile_ids"):
        wanted = {int(p) for p in criteria["pi_profile_ids"]}
        pis = record.get("principal_investigators") or []
        checks.append(any(pi.get("profile_id") in wanted for pi in pis))
    if criteria.get("appl_ids"):
        checks.append(int(record["appl_id"]) in {int(a) for a in criteria["appl_ids"]})
    if criteria.get("project_nums"):
        num = record.get("project_num") or ""
        core = record.get("core_project_num") or ""
        patterns = criteria["project_nums"]
        checks.append(any(_wildcard(p, num) or _wildcard(p, core) for p in patterns))
    if criteria.get("exclude_subprojects"):
        checks.append(record.get("subproject_id") in (None, ""))
    for key, record_key in (
        ("project_start_date", "project_start_date"),
        ("project_end_date", "project_end_date"),
    ):
        if criteria.get(key):
            checks.append(_in_date_range(record.get(record_key), criteria[key]))
    if criteria.get("award_amount_range"):
        rng = criteria["award_amount_range"]
        amount = record.get("award_amount")
        checks.append(
            amount is not None and rng.get("min_amount", 0) <= amount <= rng.get("max_amount")
        )
    if criteria.get("advanced_text_search"):
        checks.append(_text_matches(record, criteria["advanced_text_search"]))
    return all(checks)


def _wildcard(pattern: str, value: str) -> bool:
    regex = "^" + ".*".join(re.escape(p) for p in pattern.split("*")) + "$"
    return re.match(regex, value, re.IGNORECASE) is not None


def _in_date_range(value: str | None, rng: dict[str, str]) -> bool:
    if not value:
        return False
    day = datetime.date.fromisoformat(value[:10])
    low, high = rng.get("from_date") or "", rng.get("to_date") or ""
    if low and day < datetime.date.fromisoformat(low[:10]):
        return False
    return not (high and day > datetime.date.fromisoformat(high[:10]))


def _text_matches(record: dict[str, Any], search: dict[str, Any]) -> bool:
    text = (search.get("search_text") or "").strip()
    fields_spec = str(search.get("search_field") or "")
    names = [f.strip().lower() for f in fields_spec.split(",") if f.strip()]
    if not text:
        return True
    if not names or names == ["all"]:
        names = ["projecttitle", "abstracttext", "terms"]
    if any(n not in _SEARCH_FIELD_KEYS for n in names):
        return True  # like the real API: an unknown search field switches the text filter off
    haystack = " ".join(
        str(record.get(key) or "") for n in names for key in _SEARCH_FIELD_KEYS[n]
    ).lower()
    operator = str(search.get("operator") or "and").lower()
    return _text_hit(haystack, text, operator)


@functools.lru_cache(maxsize=100_000)
def _text_hit(haystack: str, text: str, operator: str) -> bool:
    # Cached: synthetic records repeat a few texts, and every page re-filters every record.
    if operator == "advanced":
        return _BooleanParser(text, haystack).parse()
    tokens = [m.group(1) or m.group(2) for m in re.finditer(r'"([^"]+)"|(\S+)', text)]
    hits = [_contains(haystack, t) for t in tokens]
    return all(hits) if operator == "and" else any(hits)


def _contains(haystack: str, needle: str) -> bool:
    return re.search(r"\b" + re.escape(needle.lower()) + r"\b", haystack) is not None


class _BooleanParser:
    """expr := term (OR term)* ; term := factor ([AND] factor)* ; factor := NOT factor | (expr)
    | "phrase" | word. Case-insensitive, enough for tests."""

    def __init__(self, text: str, haystack: str) -> None:
        self.tokens = re.findall(r'"[^"]*"|\(|\)|[^\s()"]+', text)
        self.pos = 0
        self.haystack = haystack

    def parse(self) -> bool:
        return self._expr() if self.tokens else True

    def _peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _expr(self) -> bool:
        value = self._term()
        while (self._peek() or "").upper() == "OR":
            self.pos += 1
            value = self._term() or value
        return value

    def _term(self) -> bool:
        value = self._factor()
        while (tok := self._peek()) is not None and tok != ")" and tok.upper() != "OR":
            if tok.upper() == "AND":
                self.pos += 1
            value = self._factor() and value
        return value

    def _factor(self) -> bool:
        tok = self._peek()
        if tok is None:
            return True
        self.pos += 1
        if tok.upper() == "NOT":
            return not self._factor()
        if tok == "(":
            value = self._expr()
            if self._peek() == ")":
                self.pos += 1
            return value
        return _contains(self.haystack, tok.strip('"'))


def _select(record: dict[str, Any], include_fields: Any) -> dict[str, Any]:
    if not include_fields:
        return record
    keys = [_snake(name) for name in include_fields]
    if any(key not in _KNOWN_KEYS for key in keys):
        return record  # like the real API: an unknown include name returns whole records
    return {key: record.get(key) for key in keys}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


_KNOWN_KEYS = frozenset(
    re.findall(
        r"\w+",
        """
        appl_id subproject_id fiscal_year project_num project_serial_num project_num_split
        organization organization_type cong_dist geo_lat_lon award_type activity_code
        award_amount direct_cost_amt indirect_cost_amt is_active is_new mechanism_code_dc
        funding_mechanism cfda_code arra_funded covid_response principal_investigators
        contact_pi_name program_officers agency_ic_admin agency_ic_fundings agency_code
        project_start_date project_end_date budget_start budget_end award_notice_date
        date_added opportunity_number full_study_section project_title abstract_text phr_text
        terms pref_terms spending_categories spending_categories_desc project_detail_url
        core_project_num
        """,
    )
)


def _json(status: int, data: Any) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(data).encode()


def _error(status: int, message: str) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "text/plain; charset=utf-8"}, message.encode("utf-8")


# --- fixtures and synthetic data ----------------------------------------------------------


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Project records from a saved RePORTER response (``{"results": [...]}``) or a list."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return list(data["results"] if isinstance(data, dict) else data)


Vary = Callable[[int, dict[str, Any]], "dict[str, Any] | None"]


def synthetic_records(
    templates: list[dict[str, Any]],
    n: int,
    start: int = 20_000_000,
    *,
    vary: Vary | None = None,
    **overrides: Any,
) -> list[dict[str, Any]]:
    """``n`` copies of ``templates`` (cycled) with distinct ``appl_id`` values from ``start``.

    Each copy is shallow: ``overrides`` (e.g. ``fiscal_year=2021``, ``**agency_fields("CDC")``)
    replace top-level fields, then ``vary(i, record)`` may change record ``i`` in place or
    return a new one. Replace nested values (``record["organization"] = {...}``) rather than
    mutate them: they are shared with the template. ``appl_id`` is set last.
    """
    out = []
    for i in range(n):
        record = dict(templates[i % len(templates)])
        record.update(overrides)
        if vary is not None:
            record = vary(i, record) or record
        record["appl_id"] = start + i
        out.append(record)
    return out


#: Synthetic ``(code, name, agency_code)`` for ``agency_fields``; unknown acronyms are NIH ICs.
AGENCIES: dict[str, tuple[str, str, str]] = {
    "AHRQ": ("HS", "Agency for Healthcare Research and Quality", "AHRQ"),
    "CDC": ("CD", "Centers for Disease Control and Prevention", "ALLCDC"),
    "NIOSH": ("OH", "National Institute for Occupational Safety and Health", "ALLCDC"),
    "FDA": ("FD", "Food and Drug Administration", "FDA"),
    "VA": ("BX", "Department of Veterans Affairs", "VA"),
    "NCI": ("CA", "National Cancer Institute", "NIH"),
    "NHLBI": ("HL", "National Heart, Lung, and Blood Institute", "NIH"),
    "OD": ("OD", "NIH Office of the Director", "NIH"),
}


def agency_fields(admin: str, *funding: str, fiscal_year: int | None = None) -> dict[str, Any]:
    """``agency_ic_admin``, ``agency_ic_fundings`` (``admin`` plus ``funding``) and
    ``agency_code`` of a record administered by ``admin`` (e.g. ``"AHRQ"``, ``"NCI"``)."""

    def ic(abbreviation: str) -> tuple[str, str, str]:
        return AGENCIES.get(abbreviation, (abbreviation[:2], abbreviation, "NIH"))

    code, name, agency_code = ic(admin)
    fundings = [
        {
            "fy": fiscal_year,
            "code": ic(a)[0],
            "name": ic(a)[1],
            "abbreviation": a,
            "total_cost": 1,
            "direct_cost_ic": 1,
            "indirect_cost_ic": 0,
        }
        for a in (admin, *funding)
    ]
    return {
        "agency_ic_admin": {"code": code, "abbreviation": admin, "name": name},
        "agency_ic_fundings": fundings,
        "agency_code": agency_code,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Local RePORTER API v2 stand-in.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--records", action="append", default=[], help="projects JSON file")
    parser.add_argument("--publications", action="append", default=[], help="links JSON file")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds per request")
    args = parser.parse_args(argv)
    records = [r for path in args.records for r in load_records(path)]
    links = [p for path in args.publications for p in load_records(path)]
    server = StandIn(records, links, port=args.port, delay=args.delay)
    print(f"RePORTER stand-in with {len(records)} records at {server.url}", flush=True)
    print(f"  export REPORTER_FINDER_API_URL={server.url}", flush=True)
    try:
        server._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._server.server_close()


if __name__ == "__main__":
    main()
