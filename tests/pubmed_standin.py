"""A local stand-in for NCBI E-utilities ``esummary.fcgi`` and ``efetch.fcgi`` (PubMed).

A stdlib ``http.server`` in a daemon thread on 127.0.0.1 (free port). It serves
``GET``/``POST /entrez/eutils/esummary.fcgi?db=pubmed&id=…&retmode=json`` in the real JSON
shape: ``{"header": …, "result": {"uids": [...], "<uid>": {...}}}``, with
``{"uid": …, "error": "cannot get document summary"}`` for ids it does not know, in request
order, like NCBI.

Records come from ``tests/fixtures/pubmed-esummary.json``. Its PMIDs are real RePORTER links
from ``publications-common-fund.json`` (the R03OD034496, R03OD038392, R03OD039979 and
R03OD039980 projects), but their summaries are synthetic ("Synthetic test record …"), written
in the exact esummary record shape; only PMID 40642746 is a verbatim real record.

``GET``/``POST /entrez/eutils/efetch.fcgi?db=pubmed&id=…&retmode=xml`` answers a
``<PubmedArticleSet>`` holding, in request order, the ``<PubmedArticle>`` of each known id,
copied byte for byte from the real efetch samples ``tests/fixtures/pubmed-efetch-*.xml``;
unknown ids are silently left out, and when none is known the answer is NCBI's
``<eFetchResult><ERROR>Empty id list - nothing todo</ERROR></eFetchResult>``, as NCBI does.

Faults can be injected: ``fail_next(status, times)`` answers the next requests with that
status (NCBI's 429 body for 429), ``break_next(times)`` answers the next efetch requests with
XML cut in the middle. Every request's query is recorded in ``requests``, and
``(method, endpoint, query)`` in ``calls``.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.httpserve import serve

FIXTURE = Path(__file__).parent / "fixtures" / "pubmed-esummary.json"
EFETCH_FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("pubmed-efetch-*.xml"))
#: The prologue of every real efetch reply.
EFETCH_HEAD = (
    b'<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
    b'1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
    b"<PubmedArticleSet>\n"
)
EFETCH_TAIL = b"</PubmedArticleSet>\n"
EFETCH_EMPTY = (
    b'<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eFetchResult PUBLIC "-//NLM//DTD '
    b'efetch 20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">\n'
    b"<eFetchResult>\n\t<ERROR>Empty id list - nothing todo</ERROR>\n</eFetchResult>\n"
)
_ARTICLE = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.DOTALL)
_PMID = re.compile(rb"<MedlineCitation[^>]*>\s*<PMID[^>]*>(\d+)</PMID>")
EUTILS_PATH = "/entrez/eutils"
#: NCBI caps a GET at about 200 ids (longer lists must be POSTed).
MAX_GET_IDS = 200


@dataclass
class PubMedStandin:
    """State shared by the handler: the records, the request log and pending faults."""

    records: dict[str, dict[str, Any]]
    articles: dict[str, bytes] = field(default_factory=dict)
    requests: list[dict[str, list[str]]] = field(default_factory=list)
    calls: list[tuple[str, str, dict[str, list[str]]]] = field(default_factory=list)
    faults: list[int] = field(default_factory=list)
    broken: int = 0
    base_url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, status: int, times: int = 1) -> None:
        """Answer the next ``times`` requests with HTTP ``status``."""
        with self.lock:
            self.faults.extend([status] * times)

    def break_next(self, times: int = 1) -> None:
        """Answer the next ``times`` efetch requests with XML cut in the middle (HTTP 200)."""
        with self.lock:
            self.broken += times

    def answer_efetch(self, query: dict[str, list[str]]) -> tuple[int, str, bytes]:
        """(status, content type, body) of one efetch request."""
        with self.lock:
            self.requests.append(query)
            if self.faults:
                status = self.faults.pop(0)
                body = {"error": "API rate limit exceeded", "count": "4", "limit": "3"}
                if status != 429:
                    body = {"error": f"stand-in fault {status}"}
                return status, "application/json", json.dumps(body).encode()
            broken = self.broken > 0
            self.broken -= int(broken)
        if query.get("db", [""])[0] != "pubmed" or query.get("retmode", [""])[0] != "xml":
            return 400, "text/plain", b"stand-in serves only db=pubmed&retmode=xml"
        ids = [i.strip() for i in ",".join(query.get("id", [])).split(",") if i.strip()]
        known = [self.articles[i] for i in ids if i in self.articles]
        if not known:
            return 200, "text/xml", EFETCH_EMPTY
        body = EFETCH_HEAD + b"\n".join(known) + b"\n" + EFETCH_TAIL
        if broken:
            body = body[: len(body) // 2]
        return 200, "text/xml; charset=UTF-8", body

    def answer(self, query: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.requests.append(query)
            if self.faults:
                status = self.faults.pop(0)
                if status == 429:
                    # NCBI's own 429 body.
                    return 429, {"error": "API rate limit exceeded", "count": "4", "limit": "3"}
                return status, {"error": f"stand-in fault {status}"}
        if query.get("db", [""])[0] != "pubmed" or query.get("retmode", [""])[0] != "json":
            return 400, {"error": "stand-in serves only db=pubmed&retmode=json"}
        ids = [i.strip() for i in ",".join(query.get("id", [])).split(",") if i.strip()]
        if not ids:
            return 200, {
                "header": {"type": "esummary", "version": "0.3"},
                "esummaryresult": ["Empty id list - nothing todo"],
            }
        result: dict[str, Any] = {"uids": ids}
        for uid in ids:
            result[uid] = self.records.get(uid) or {
                "uid": uid,
                "error": "cannot get document summary",
            }
        return 200, {"header": {"type": "esummary", "version": "0.3"}, "result": result}


def _handler(state: PubMedStandin) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self, query: dict[str, list[str]]) -> None:
            path = urlsplit(self.path).path
            endpoint = path.rpartition("/")[2]
            with state.lock:
                state.calls.append((self.command, endpoint, query))
            if path not in (f"{EUTILS_PATH}/esummary.fcgi", f"{EUTILS_PATH}/efetch.fcgi"):
                self._send(404, {"error": f"no such path {path}"})
                return
            if (
                self.command == "GET"
                and len(",".join(query.get("id", [])).split(",")) > MAX_GET_IDS
            ):
                self._send(414, {"error": "Request-URI Too Long"})
                return
            if endpoint == "efetch.fcgi":
                self._send_bytes(*state.answer_efetch(query))
                return
            status, body = state.answer(query)
            self._send(status, body)

        def do_GET(self) -> None:
            self._serve(parse_qs(urlsplit(self.path).query))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode("utf-8"))
            self._serve({**parse_qs(urlsplit(self.path).query), **form})

        def _send(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode("utf-8")
            self._send_bytes(status, "application/json; charset=UTF-8", data)

        def _send_bytes(self, status: int, content_type: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Keep the test output quiet."""

    return Handler


def load_records() -> dict[str, dict[str, Any]]:
    """The fixture's esummary documents by uid (error documents left out)."""
    result = json.loads(FIXTURE.read_text(encoding="utf-8"))["result"]
    return {uid: doc for uid in result["uids"] if "error" not in (doc := result[uid])}


def load_articles() -> dict[str, bytes]:
    """Each efetch sample's ``<PubmedArticle>…</PubmedArticle>`` bytes, by PMID."""
    articles: dict[str, bytes] = {}
    for path in EFETCH_FIXTURES:
        for match in _ARTICLE.finditer(path.read_bytes()):
            pmid = _PMID.search(match.group(0))
            if pmid:
                articles[pmid.group(1).decode()] = match.group(0)
    return articles


@contextmanager
def serve_pubmed() -> Iterator[PubMedStandin]:
    """Run the stand-in; yields its state, whose ``base_url`` is the E-utilities root."""
    state = PubMedStandin(records=load_records(), articles=load_articles())
    with serve(_handler(state)) as root:
        state.base_url = f"{root}{EUTILS_PATH}"
        yield state
