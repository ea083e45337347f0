"""Shared fixtures. The autouse guard below makes any real network connection fail a test:
only loopback addresses (the local RePORTER stand-in, Jupyter kernels) may be reached."""

from __future__ import annotations

import importlib.util
import ipaddress
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.fakeclock import FakeClock


def load_script(path: Path, name: str | None = None) -> ModuleType:
    """Import a script that is not part of a package (docs/*.py, notebooks' generator,
    evaluation/*.py) once, under ``name`` (default: the file's stem) in ``sys.modules``, where
    dataclasses and a script's siblings look modules up."""
    key = name or path.stem
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


FIXTURES = Path(__file__).parent / "fixtures"
#: A loopback E-utilities root where nothing listens (port 9, discard).
NO_PUBMED_URL = "http://127.0.0.1:9/entrez/eutils"
#: A loopback ClinicalTrials.gov root where nothing listens.
NO_CTGOV_URL = "http://127.0.0.1:9/api/v2"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: Any) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NetworkBlockedError(RuntimeError):
    """Raised when a test tries to reach a non-loopback address."""


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if not _is_loopback(address):
        raise NetworkBlockedError(f"test tried to reach the network: {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    if not _is_loopback(address):
        raise NetworkBlockedError(f"test tried to reach the network: {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Keep tests away from the user's cache, config, API URL, NCBI key and e-mail, NCBI and
    ClinicalTrials.gov."""
    cache_dir = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("REPORTER_FINDER_CACHE_DIR", str(cache_dir))
    monkeypatch.delenv("REPORTER_FINDER_API_URL", raising=False)
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    monkeypatch.delenv("REPORTER_FINDER_EMAIL", raising=False)
    # Never NCBI's host name: a command that looks up publications without the PubMed
    # stand-in (the pubmed_server fixture) gets "connection refused" on loopback instead.
    monkeypatch.setenv("REPORTER_FINDER_EUTILS_URL", NO_PUBMED_URL)
    # The same for ClinicalTrials.gov (the ctgov_server fixture points it at its stand-in).
    monkeypatch.setenv("REPORTER_FINDER_CTGOV_URL", NO_CTGOV_URL)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connecting to it is refused."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    sock.close()
    return port


@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every host name fails to resolve, as without a network; the names looked up."""
    asked: list[str] = []

    def fail(host: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    return asked


def load_fixture(name: str) -> Any:
    """Parse a JSON file from ``tests/fixtures``."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def common_fund_records() -> list[dict[str, Any]]:
    """155 real RePORTER records (full fields) from the Common Fund sample."""
    return load_fixture("projects-common-fund.json")["results"]


@pytest.fixture
def reporter_server() -> Any:
    """A running RePORTER stand-in (tests/standin.py) on 127.0.0.1 with the Common Fund
    records and publication links. Yields the ``StandIn``: ``.url`` (the /v2 base URL),
    ``.requests`` (log), ``.faults`` (queue), ``.set_records(...)``, ``.set_fake_total(...)``."""
    from tests.standin import StandIn

    server = StandIn(
        load_fixture("projects-common-fund.json")["results"],
        load_fixture("publications-common-fund.json")["results"],
    )
    with server:
        yield server


@pytest.fixture
def pubmed_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A running PubMed esummary stand-in (tests/pubmed_standin.py); for the test's duration
    ``REPORTER_FINDER_EUTILS_URL`` points at it (subprocesses inherit it). Yields its state:
    ``.base_url``, ``.requests`` (each request's query), ``.fail_next(status, times)``."""
    from tests.pubmed_standin import serve_pubmed

    with serve_pubmed() as standin:
        monkeypatch.setenv("REPORTER_FINDER_EUTILS_URL", standin.base_url)
        yield standin


@pytest.fixture
def ctgov_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A running ClinicalTrials.gov API v2 stand-in (tests/ctgov_standin.py) serving the
    ``ctgov-*`` fixtures; for the test's duration ``REPORTER_FINDER_CTGOV_URL`` points at it.
    Yields its state: ``.base_url``, ``.requests``, ``.add_study(...)``, ``.fail_next(...)``,
    ``.drop_between_pages(...)``."""
    from tests.ctgov_standin import serve_ctgov

    with serve_ctgov() as standin:
        monkeypatch.setenv("REPORTER_FINDER_CTGOV_URL", standin.base_url)
        yield standin


@pytest.fixture
def fake() -> FakeClock:
    """A fake monotonic clock and sleep, so throttle and retry tests run instantly."""
    return FakeClock()
