"""The rule that split the 42 queries into ``dev`` and ``test`` (stored in data/queries.jsonl).

The split was made once, by this rule, before any per-split score was computed; the seed was
fixed first and never changed. ``tests/evaluation`` checks that the stored split still equals
the rule's output, so nobody can move a query between splits by hand without a failing test.

Rule:
1. kind = how the specialty is typed × what else the query gives. ``name``: the text is the
   specialty's name as the labels spell it (case-insensitive); ``variant``: an abbreviation,
   shorthand, synonym or typo ("cards", "GI", "cardiolgy", "pulm/crit care"). Then ``skills``
   (has skills), ``track`` (a clinical/postdoc track and no skills) or ``specialty`` (neither).
2. Strata in the fixed order of ``KINDS``; inside a stratum, queries ordered by
   ``sha256(f"{SEED}:{id}")``.
3. Walk that list and deal test, dev, test, dev, ... so every stratum is halved (±1) and the
   totals are 21 / 21.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

SEED = "issue-12"
KINDS = tuple(
    f"{typed}+{extra}"
    for extra in ("skills", "track", "specialty")
    for typed in ("name", "variant")
)


def query_kind(query: Mapping[str, Any]) -> str:
    """The stratum of a query, e.g. ``"variant+track"`` for "cards" on the clinical track."""
    means = {m.lower() for m in query["means"]}
    typed = "name" if str(query["specialty"]).lower() in means else "variant"
    if query.get("skills"):
        return f"{typed}+skills"
    return f"{typed}+track" if query.get("track", "any") != "any" else f"{typed}+specialty"


def assign_splits(queries: Iterable[Mapping[str, Any]], seed: str = SEED) -> dict[str, str]:
    """``{query id: "dev" | "test"}`` by the stratified, seeded rule of this module."""
    rows = list(queries)
    order: list[str] = []
    for kind in KINDS:
        ids = [str(q["id"]) for q in rows if query_kind(q) == kind]
        order += sorted(ids, key=lambda qid: hashlib.sha256(f"{seed}:{qid}".encode()).hexdigest())
    return {qid: ("test" if i % 2 == 0 else "dev") for i, qid in enumerate(order)}
