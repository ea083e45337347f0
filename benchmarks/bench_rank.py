"""Benchmark: build the tables for 15,000 synthetic project records, then rank the PIs.

Target (issue #4): ranking 15,000 projects (about 10,000 PIs) in at most 2 s on the 2-core
reference machine. This is a benchmark, not a test: it prints timings and never fails.

    python -m benchmarks.bench_rank            # 15,000 records, 3 repeats
    python -m benchmarks.bench_rank 30000 5    # other size / repeats
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from datetime import date

from benchmarks.synthetic import generate_records
from reporter_finder.rank.ranker import rank_pis
from reporter_finder.rank.resolve import resolve_skills, resolve_specialty
from reporter_finder.tables.build import build_tables

TARGET_SECONDS = 2.0
AS_OF = date(2025, 6, 1)
QUERIES = (
    ("cardiology", "echocardiography, machine learning", "clinical"),
    ("oncology", "CRISPR, mouse models", "postdoc"),
    ("psychiatry", "", "any"),
    ("sickle cell disease", "", "any"),  # a phrase: scored twice (pseudo-relevance feedback)
    ("suicide prevention", "R", "clinical"),
)
FEEDBACK_TARGET_SECONDS = 0.3


def main(n: int = 15_000, repeats: int = 3) -> None:
    """Time table building and ranking; print the median of ``repeats`` runs per query."""
    records = generate_records(n, seed=0)
    start = time.perf_counter()
    tables = build_tables(records, as_of=AS_OF)
    build_s = time.perf_counter() - start
    print(
        f"{n:,} records -> {len(tables.projects):,} projects, {len(tables.grants):,} grants, "
        f"{len(tables.pis):,} PIs"
    )
    print(f"build_tables: {build_s:.2f} s")
    worst = 0.0
    for specialty, skills, track in QUERIES:
        spec = resolve_specialty(specialty).specialty
        resolved = resolve_skills(skills) if skills else ()
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            ranked = rank_pis(tables, spec, resolved, track, as_of=AS_OF)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        worst = max(worst, median)
        print(
            f"rank_pis {specialty:<19} track={track:<8} {len(ranked):>5,} PIs ranked: "
            f"median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f})"
        )
        if not spec.is_known:  # the same ranking without the feedback round
            plain = dataclasses.replace(spec, is_known=True)
            without = []
            for _ in range(repeats):
                start = time.perf_counter()
                rank_pis(tables, plain, resolved, track, as_of=AS_OF)
                without.append(time.perf_counter() - start)
            cost = median - statistics.median(without)
            verdict = "meets" if cost <= FEEDBACK_TARGET_SECONDS else "MISSES"
            print(f"  feedback round: {cost:+.2f} s ({verdict} the "
                  f"{FEEDBACK_TARGET_SECONDS} s budget)")  # fmt: skip
    verdict = "meets" if worst <= TARGET_SECONDS else "MISSES"
    print(f"slowest query median {worst:.2f} s: {verdict} the {TARGET_SECONDS:.0f} s target")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
