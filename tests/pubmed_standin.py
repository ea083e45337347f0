"""A local stand-in for NCBI E-utilities ``esummary.fcgi`` (PubMed), for end-to-end tests.

A stdlib ``http.server`` in a daemon thread on 127.0.0.1 (free port). It serves
``GET``/``POST /entrez/eutils/esummary.fcgi?db=pubmed&id=…&retmode=json`` in the real JSON
shape: ``{"header": …, "result": {"uids": [...], "<uid>": {...}}}``, with
``{"uid": …, "error": "cannot get document summary"}`` for ids it does not know, in request
order, like NCBI.

Records come from ``tests/fixtures/pubmed-esummary.json``. Its PMIDs are real RePORTER links
from ``publications-common-fund.json`` (the R03OD034496, R03OD038392, R03OD039979 and
R03OD039980 projects), but their summaries are synthetic ("Synthetic test record …"), written
in the exact esummary record shape; only PMID 40642746 is a verbatim real record.

Faults can be injected: ``fail_next(status, times)`` answers the next requests with that
status (NCBI's 429 body for 429), and every request's query is recorded in ``requests``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

FIXTURE = Path(__file__).parent / "fixtures" / "pubmed-esummary.json"
EUTILS_PATH = "/entrez/eutils"
#: NCBI caps a GET at about 200 ids (longer lists must be POSTed).
MAX_GET_IDS = 200


@dataclass
class PubMedStandin:
    """State shared by the handler: the records, the request log and pending faults."""

    records: dict[str, dict[str, Any]]
    requests: list[dict[str, list[str]]] = field(default_factory=list)
    faults: list[int] = field(default_factory=list)
    base_url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, status: int, times: int = 1) -> None:
        """Answer the next ``times`` requests with HTTP ``status``."""
        with self.lock:
            self.faults.extend([status] * times)

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
            if path != f"{EUTILS_PATH}/esummary.fcgi":
                self._send(404, {"error": f"no such path {path}"})
                return
            if (
                self.command == "GET"
                and len(",".join(query.get("id", [])).split(",")) > MAX_GET_IDS
            ):
                self._send(414, {"error": "Request-URI Too Long"})
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
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
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


@contextmanager
def serve_pubmed() -> Iterator[PubMedStandin]:
    """Run the stand-in; yields its state, whose ``base_url`` is the E-utilities root."""
    state = PubMedStandin(records=load_records())
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    state.base_url = f"http://{host}:{port}{EUTILS_PATH}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
