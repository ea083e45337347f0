"""Benchmark: wall time of a multi-page fetch with the real 1 s throttle and simulated RTT.

Starts the local RePORTER stand-in with ~2,600 synthetic records (distinct appl_ids) and an
80 ms delay per request, fetches them (6 pages of <= 500) with caching off and the default
one-request-per-second throttle, and compares the wall time with two ideals:

* start-to-start spacing (what the throttle enforces): (N-1)·interval + RTT
* the naive bound from the brief, as if waits added to round trips: (N-1)·interval + N·RTT

Run:  python benchmarks/bench_client.py [--records 2600] [--rtt 0.08] [--interval 1.0]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reporter_finder import CacheSettings, ProjectQuery, ReporterClient  # noqa: E402
from tests.standin import StandIn, load_records, synthetic_records  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2_600)
    parser.add_argument("--rtt", type=float, default=0.08)
    parser.add_argument("--interval", type=float, default=1.0)
    args = parser.parse_args()

    templates = load_records(ROOT / "tests" / "fixtures" / "projects-common-fund.json")
    records = synthetic_records(templates, args.records)
    for record in records:
        record["subproject_id"] = None
    query = ProjectQuery(fiscal_years=range(2020, 2027), agencies=["OD"])  # all are OD
    with StandIn(records, delay=args.rtt) as server:
        with ReporterClient(
            server.url,
            cache=CacheSettings(mode="off"),
            min_interval=args.interval,
            progress=False,
        ) as client:
            started = time.perf_counter()
            got = client.fetch_projects(query)
            wall = time.perf_counter() - started
        pages = len(server.requests)
        starts = [r.started for r in server.requests]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    ideal_spacing = (pages - 1) * args.interval + args.rtt
    ideal_naive = (pages - 1) * args.interval + pages * args.rtt
    print(f"records fetched      {len(got):>8,}  (of {len(records):,})")
    print(f"pages (requests)     {pages:>8}")
    print(f"wall time            {wall:>8.3f} s")
    print(f"ideal start-to-start {ideal_spacing:>8.3f} s   overhead {wall - ideal_spacing:+.3f} s")
    print(f"ideal (N-1)·i + N·RTT{ideal_naive:>8.3f} s   overhead {wall - ideal_naive:+.3f} s")
    print(f"request start gaps   min {min(gaps):.3f} s, max {max(gaps):.3f} s")


if __name__ == "__main__":
    main()
