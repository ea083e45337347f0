"""Benchmark: what proving a result complete costs, in requests and in CPU time.

Against the local RePORTER stand-in (no throttle, no cache), it fetches a text search whose
records fill N pages and counts the requests: the pages themselves plus the checks (one count
without the text). It then shrinks the 15,000-record window (to --window, on both sides) so
that the same search must be split, and counts again. Finally it times the per-record checks
(order, uniqueness, criteria) alone over 15,000 records, which is what a full window adds to a
download that takes at least 30 s at one request per second.

Run:  python benchmarks/bench_completeness.py [--records 2600] [--window 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reporter_finder import CacheSettings, ProjectQuery, ReporterClient  # noqa: E402
from reporter_finder.api import limits  # noqa: E402
from reporter_finder.api.pages import check_key  # noqa: E402
from reporter_finder.api.verify import check_record  # noqa: E402
from tests.standin import StandIn, load_records, synthetic_records  # noqa: E402

CODES = ("R01", "R21", "K23", "U01", "P30", "T32")


def fetch(server: StandIn, query: ProjectQuery) -> tuple[int, int]:
    """(records, requests) of one fetch."""
    server.reset_log()
    with ReporterClient(
        server.url, cache=CacheSettings(mode="off"), min_interval=0.0, progress=False
    ) as client:
        got = client.fetch_projects(query)
    return len(got), len(server.requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2_600)
    parser.add_argument("--window", type=int, default=1_000)
    args = parser.parse_args()

    templates = load_records(ROOT / "tests" / "fixtures" / "projects-common-fund.json")
    records = synthetic_records(
        templates, args.records, fiscal_year=2025, subproject_id=None,
        vary=lambda i, r: {**r, "activity_code": CODES[i % len(CODES)],
                           "project_title": f"Sepsis study {i}"},
    )  # fmt: skip
    others = synthetic_records(templates, 300, start=40_000_000, fiscal_year=2025,
                               subproject_id=None, activity_code="R01")  # fmt: skip
    query = ProjectQuery(text="sepsis", fiscal_years=[2025], activity_codes=CODES)
    pages = -(-args.records // limits.PAGE_SIZE_MAX)
    with StandIn([*records, *others]) as server:
        n, requests = fetch(server, query)
        print(f"one window: {n:,} records, {pages} pages, {requests} requests "
              f"({requests - pages} for the checks)")  # fmt: skip
        limits_window = limits.RESULT_WINDOW
        limits.RESULT_WINDOW = args.window
        server.set_result_window(args.window)
        try:
            n, requests = fetch(server, query)
        finally:
            limits.RESULT_WINDOW = limits_window
        print(f"split (window {args.window:,}): {n:,} records, {requests} requests")

    many = synthetic_records(templates, limits.RESULT_WINDOW, fiscal_year=2025,
                             subproject_id=None, activity_code="R01")  # fmt: skip
    full = ProjectQuery(text="x", fiscal_years=[2024, 2025], activity_codes=CODES,
                        agencies=["OD"])  # fmt: skip
    started = time.perf_counter()
    seen: set[int] = set()
    last = None
    for record in many:
        check_record(record, full, "bench")
        last = check_key(record, last, seen, "bench", "bench")
        seen.add(last)
    elapsed = time.perf_counter() - started
    print(f"checks of {len(many):,} records: {elapsed * 1000:.0f} ms "
          f"({elapsed / len(many) * 1e6:.1f} µs a record)")  # fmt: skip


if __name__ == "__main__":
    main()
