"""How long ``reporter-finder --help`` takes to start (target: at most 0.3 s).

Runs the installed console script N times in fresh subprocesses (so nothing is warm in this
process) and prints the median and the worst wall time, then the ten slowest imports reported
by ``python -X importtime`` for the same command. The heavy libraries (pandas, numpy,
requests, openpyxl, bm25s) must not appear among them: the CLI imports them inside commands.

Usage::

    python benchmarks/bench_startup.py [-n 20] [--command "search --help"]

Exit status 1 when the median is over the target, so CI or a pre-commit hook can use it.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_SECONDS = 0.3
#: Modules that must stay out of ``--help``; each costs 50–500 ms to import.
HEAVY = ("pandas", "numpy", "requests", "requests_cache", "openpyxl", "bm25s", "tqdm", "rapidfuzz")


def executable() -> list[str]:
    """The installed ``reporter-finder`` script (next to this interpreter, else on PATH)."""
    beside = Path(sys.executable).with_name("reporter-finder")
    found = str(beside) if beside.exists() else shutil.which("reporter-finder")
    if found is None:
        raise SystemExit("reporter-finder is not installed: pip install -e . first")
    return [found]


def time_runs(command: list[str], runs: int) -> list[float]:
    """Wall time of ``runs`` fresh runs of ``command`` (after one untimed warm-up run)."""
    subprocess.run(command, check=True, capture_output=True)  # warm the OS file cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def import_times(args: list[str]) -> list[tuple[int, str]]:
    """Every import of ``reporter-finder ARGS``: (cumulative µs, module), slowest first."""
    code = "from reporter_finder.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *args], capture_output=True, text=True
    )
    rows = []
    for line in result.stderr.splitlines():
        # "import time:  self [us] | cumulative | imported package"
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self_us, cumulative, name = line.split(":", 1)[1].split("|")
        rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=20, help="timed runs (default 20)")
    parser.add_argument("--command", default="--help", help="arguments to time (default --help)")
    options = parser.parse_args()
    args = shlex.split(options.command)

    times = time_runs([*executable(), *args], options.runs)
    median, worst = statistics.median(times), max(times)
    print(f"reporter-finder {options.command}: {options.runs} runs")
    print(f"  median {median * 1000:.0f} ms, max {worst * 1000:.0f} ms", end="")
    print(f" (target {TARGET_SECONDS * 1000:.0f} ms)")
    imports = import_times(args)
    print("  slowest imports (cumulative):")
    for cumulative, name in imports[:10]:
        print(f"    {cumulative / 1000:7.1f} ms  {name}")
    heavy = sorted({name.split(".")[0] for _, name in imports} & set(HEAVY))
    if heavy:
        print(f"  HEAVY modules imported at startup: {', '.join(heavy)}")
    return 0 if median <= TARGET_SECONDS and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
