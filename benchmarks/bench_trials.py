"""Benchmark: what the trials look-up costs a search (requests to ClinicalTrials.gov, seconds).

Runs ``find_mentors`` over the Common Fund fixture records, then ``trials_for_leads`` for the
best 25 PIs against the local ClinicalTrials.gov stand-in (tests/ctgov_standin.py), with the
real client and its real 1 request/s throttle, cache off. Prints the number of PIs and grants
asked about, the requests sent and the wall time; a second run with the cache on shows what a
repeated search costs.

Run:  python benchmarks/bench_trials.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reporter_finder import CacheSettings, ClinicalTrialsClient, find_mentors  # noqa: E402
from reporter_finder.leads.trials import trials_for_leads  # noqa: E402
from tests.conftest import load_fixture  # noqa: E402
from tests.ctgov_standin import serve_ctgov  # noqa: E402


def main() -> None:
    search = find_mentors(
        "medical genetics",
        records=load_fixture("projects-common-fund.json")["results"],
        track="clinical",
        as_of=date(2026, 11, 24),
    )
    top = search.ranked.head(25)
    keys = set(top["pi_key"].astype(str))
    grants = search.tables.grants
    n_grants = int(grants["pi_keys"].map(lambda ks: bool(keys & set(ks))).sum())
    with serve_ctgov() as standin, tempfile.TemporaryDirectory() as cache_dir:
        for mode in ("off", "normal", "normal"):
            before = len(standin.requests)
            started = time.perf_counter()
            settings = CacheSettings(mode=mode, path=Path(cache_dir) / "cache.sqlite")
            with ClinicalTrialsClient(standin.base_url, cache=settings) as client:
                _, problem = trials_for_leads(
                    search.ranked, search.tables, client=client, top=25, track="clinical"
                )
            seconds = time.perf_counter() - started
            sent = len(standin.requests) - before
            print(
                f"cache {mode:6}: {len(keys)} PIs, {n_grants} grants -> {sent} requests, "
                f"{seconds:.1f} s{'' if problem is None else f' ({problem})'}"
            )


if __name__ == "__main__":
    main()
