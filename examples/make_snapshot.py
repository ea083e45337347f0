"""Regenerate ``examples/reporter-snapshot.json`` from the real RePORTER sample in the tests.

The source, ``tests/fixtures/projects-common-fund.json``, is a saved answer of the NIH RePORTER
API v2 (``POST /v2/projects/search``, NIH Common Fund awards, fiscal years 2020–2026; U.S.
government public data). The snapshot keeps its ``meta`` envelope and, of every record, only
the keys the table builders read (``reporter_finder.fields.INCLUDE_FIELDS`` in their
snake_case response form), with values unchanged. Run from anywhere::

    python examples/make_snapshot.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from reporter_finder.api.limits import INCLUDE_FIELDS

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent / "tests" / "fixtures" / "projects-common-fund.json"
TARGET = HERE / "reporter-snapshot.json"


def snake(name: str) -> str:
    """``FullStudySection`` -> ``full_study_section`` (the API's response keys)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def make_snapshot(source: Path = SOURCE) -> dict:
    """The snapshot: the source's ``meta`` and its records cut to ``INCLUDE_FIELDS``."""
    data = json.loads(source.read_text(encoding="utf-8"))
    keys = [snake(name) for name in INCLUDE_FIELDS]
    results = [{key: rec[key] for key in keys if key in rec} for rec in data["results"]]
    return {"meta": data["meta"], "results": results}


def main() -> None:
    snapshot = make_snapshot()
    # One record per line: small, and a regenerated file diffs record by record.
    meta = json.dumps(snapshot["meta"], ensure_ascii=False)
    rows = ",\n".join(json.dumps(rec, ensure_ascii=False) for rec in snapshot["results"])
    text = f'{{"meta": {meta},\n "results": [\n{rows}\n]}}\n'
    TARGET.write_text(text, encoding="utf-8")
    count = len(snapshot["results"])
    sys.stdout.write(f"wrote {TARGET} ({count} records, {len(text):,} characters)\n")


if __name__ == "__main__":
    main()
