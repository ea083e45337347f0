"""Benchmark: how long a search takes to fail without a network (target: under 3 s each).

Two ways of having no network, each through the library and through the CLI, with the real
client and default settings (retries, backoff, the 1 s throttle; nothing mocked):

* a host name that does not resolve: ``http://reporter-finder-test.invalid/v2`` (``.invalid``
  never resolves, RFC 6761). This asks the system resolver; if the sandbox's DNS hangs
  instead of answering "no such name", the figure shows it.
* a refused connection: a closed port on 127.0.0.1.

The library case runs ``ReporterClient.count()`` (one request) with the cache off; the CLI case
runs ``python -m reporter_finder search cardiology`` in a subprocess with
``REPORTER_FINDER_API_URL`` set and a temporary ``REPORTER_FINDER_CACHE_DIR``, and also
reports how many stderr lines it printed.

Run:  python benchmarks/bench_offline.py [-n 3]

Exit status 1 when a median is over the target.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reporter_finder import CacheSettings, ProjectQuery, ReporterClient  # noqa: E402
from reporter_finder.errors import ReporterConnectionError  # noqa: E402

TARGET_SECONDS = 3.0
UNRESOLVABLE = "http://reporter-finder-test.invalid/v2"


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connections are refused."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/v2"


def library_run(url: str) -> tuple[float, str]:
    """Seconds until ``ReporterClient.count()`` raises, and the error's message."""
    started = time.perf_counter()
    try:
        with ReporterClient(url, cache=CacheSettings(mode="off")) as client:
            client.count(ProjectQuery(text="cardiology"))
    except ReporterConnectionError as exc:
        return time.perf_counter() - started, str(exc)
    raise SystemExit(f"{url} answered: this benchmark needs a failing URL")


def cli_run(url: str) -> tuple[float, str]:
    """Seconds until ``python -m reporter_finder search cardiology`` exits, and its stderr."""
    with tempfile.TemporaryDirectory() as cache_dir:
        env = {**os.environ, "REPORTER_FINDER_API_URL": url, "REPORTER_FINDER_CACHE_DIR": cache_dir}
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "reporter_finder", "search", "cardiology"],
            capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
    if result.returncode != 1:
        raise SystemExit(f"expected exit 1, got {result.returncode}: {result.stderr}")
    return elapsed, result.stderr


def measure(run: Callable[[str], tuple[float, str]], url: str, runs: int) -> tuple[float, str]:
    """Median seconds over ``runs`` runs, and the output of the last one."""
    times, output = [], ""
    for _ in range(runs):
        seconds, output = run(url)
        times.append(seconds)
    return statistics.median(times), output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=3, help="runs per case (default 3)")
    options = parser.parse_args()

    over = False
    print(f"time until the error, median of {options.runs} (target < {TARGET_SECONDS:.0f} s)")
    for label, url in (("name does not resolve", UNRESOLVABLE),
                       ("connection refused", closed_port_url())):  # fmt: skip
        for how, run in (("library", library_run), ("CLI", cli_run)):
            seconds, output = measure(run, url, options.runs)
            lines = output.strip().splitlines()
            over |= seconds >= TARGET_SECONDS
            print(f"  {label:<22} {how:<8} {seconds:6.2f} s  ({len(lines)} line(s))  {lines[-1]}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
