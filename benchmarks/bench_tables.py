"""Time and memory of ``build_tables`` on synthetic records (issue #3 targets).

Targets on the 2-core reference machine: 15,000 records ≤ 1 s, 100,000 ≤ 5 s, peak ≤ 1.5 GB.

Run: ``python -m benchmarks.bench_tables [N ...]`` (default 15000 100000).

Two figures per size, from separate runs so the tracer does not slow the timing:

- ``wall``/``CPU``: best of ``--repeat`` runs, wall clock (``time.perf_counter``) and this
  process's CPU time (``time.process_time``; steadier when other jobs share the cores);
- ``peak``: tracemalloc peak of Python *and* numpy allocations made during one
  ``build_tables`` call (numpy reports its buffers to tracemalloc), i.e. memory on top of the
  records already in memory; plus the process's max RSS (``resource.getrusage``), which also
  counts the records, the interpreter and imported libraries.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
from datetime import date

from benchmarks.synthetic import generate_records
from reporter_finder.tables.build import build_tables

AS_OF = date(2025, 6, 1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[15_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    build_tables(generate_records(200, seed=1), as_of=AS_OF)  # warm imports and caches
    for n in args.sizes:
        records = generate_records(n, seed=0)
        times, cpu = [], []
        for _ in range(args.repeat):
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            tables = build_tables(records, as_of=AS_OF)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        del tables
        gc.collect()
        tracemalloc.start()
        tables = build_tables(records, as_of=AS_OF)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        max_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        print(
            f"{n:>7,} records -> {len(tables.projects):,} projects, {len(tables.grants):,} grants, "
            f"{len(tables.pis):,} PIs, {len(tables.pi_grants):,} links | "
            f"wall best {min(times):.2f} s (runs {', '.join(f'{t:.2f}' for t in times)}), "
            f"CPU best {min(cpu):.2f} s | "
            f"tracemalloc peak {peak / 2**20:.0f} MiB | "
            f"process max RSS {max_rss_kb / 2**10:.0f} MiB"
        )
        del tables, records
        gc.collect()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
