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

Extension (issue 14, queries q43-q79): a query with a ``form`` field ("phrase": a free phrase that
is not a specialty name; "abbreviation": an abbreviation or subspecialty/composite name added
with the phrases) goes to the strata ``<form>+<extra>`` of ``NEW_KINDS``, which come after the six
original strata. The 42 original queries have no ``form`` and fill the first 42 places of the
walk exactly as before (an even count), so their splits cannot move; the new strata are dealt
from place 42 on with the same seed.

Families for reporting: ``name`` (the ``name`` strata), ``phrase``, ``abbreviation`` (the
original ``variant`` strata: abbreviations, shorthands, typos; and the new ``abbreviation`` ones).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

SEED = "issue-12"
EXTRAS = ("skills", "track", "specialty")
ORIGINAL_KINDS = tuple(f"{typed}+{extra}" for extra in EXTRAS for typed in ("name", "variant"))
NEW_KINDS = tuple(f"{typed}+{extra}" for extra in EXTRAS for typed in ("phrase", "abbreviation"))
KINDS = ORIGINAL_KINDS + NEW_KINDS  # dealing order: never insert before the end
FAMILIES = ("name", "phrase", "abbreviation")
_FAMILY = {
    "name": "name",
    "variant": "abbreviation",
    "phrase": "phrase",
    "abbreviation": "abbreviation",
}


def query_kind(query: Mapping[str, Any]) -> str:
    """The stratum of a query, e.g. ``"variant+track"`` for "cards" on the clinical track."""
    form = query.get("form")
    if form is not None:
        if form not in ("phrase", "abbreviation"):
            raise ValueError(f"unknown form {form!r} for query {query.get('id')}")
        typed = str(form)
    else:
        means = {m.lower() for m in query["means"]}
        typed = "name" if str(query["specialty"]).lower() in means else "variant"
    if query.get("skills"):
        return f"{typed}+skills"
    return f"{typed}+track" if query.get("track", "any") != "any" else f"{typed}+specialty"


def query_family(query: Mapping[str, Any]) -> str:
    """``name``, ``phrase`` or ``abbreviation`` (variants count as abbreviations)."""
    return _FAMILY[query_kind(query).split("+")[0]]


def assign_splits(queries: Iterable[Mapping[str, Any]], seed: str = SEED) -> dict[str, str]:
    """``{query id: "dev" | "test"}`` by the stratified, seeded rule of this module."""
    rows = list(queries)
    order: list[str] = []
    for kind in KINDS:
        ids = [str(q["id"]) for q in rows if query_kind(q) == kind]
        order += sorted(ids, key=lambda qid: hashlib.sha256(f"{seed}:{qid}".encode()).hexdigest())
    return {qid: ("test" if i % 2 == 0 else "dev") for i, qid in enumerate(order)}
