"""Finding a PI by a name someone typed: "Rivera, Ana", "A. Rivera", "ana rivera md".

:func:`find_pi` scores every PI of a table against the typed name (surname tiers, given-name
levels, rapidfuzz on folded names); :func:`lookup_pi` splits the result into the matches and
the closest other names; :func:`surname_patterns` is what a name search asks RePORTER for.
Names are read and folded by :mod:`reporter_finder.tables.people`, the one owner of names.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from typing import NamedTuple

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from reporter_finder.schema import PI_COLUMNS, empty_frame
from reporter_finder.tables.people import PARTICLES, SUFFIXES, fold_name

__all__ = ["MATCH_SCORE", "PiLookup", "find_pi", "lookup_pi", "surname_patterns"]

#: A :func:`find_pi` score at or above this is a name that matches (see :func:`lookup_pi`).
MATCH_SCORE = 90.0

# Typed words that are no part of a name.
_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms"})
# lookup_pi's closest names score at least this: lower is noise.
_CLOSEST_SCORE = 70.0
# Wildcards only on surname words this long: "LI*" would fetch every Lin, Liu and Liang.
_WILDCARD_MIN_LENGTH = 4


def _typed_words(text: str) -> list[str]:
    words = fold_name(text).split()
    while words and words[0] in _HONORIFICS:
        words.pop(0)
    return words


def _without_suffix(words: list[str]) -> list[str]:
    return words[:-1] if len(words) > 1 and words[-1] in SUFFIXES else words


def _readings(name: str) -> list[tuple[list[str], list[str]]]:
    """The ways to read a typed name as (given words, surname words), all folded.

    "Last, First M" has one reading. Without a comma every cut of the words is a reading, in
    both orders ("Ana Rivera", "Rivera Ana"), plus all words as the surname ("Haire Joshu").
    """
    text = unicodedata.normalize("NFKC", name).strip()
    if "," in text:
        last, _, given = text.partition(",")
        given_words = [w for w in _typed_words(given) if w not in SUFFIXES]
        return [(given_words, _without_suffix(_typed_words(last)))]
    words = _without_suffix(_typed_words(text))
    readings: list[tuple[list[str], list[str]]] = [([], words)]
    for cut in range(1, len(words)):
        readings.append((words[:cut], words[cut:]))
        readings.append((words[cut:], words[:cut]))
    return readings


def _surname_tier(typed: list[str], last: list[str]) -> int:
    """2: the PI's surname, however hyphenated or spaced; 1: a part of a compound surname;
    0: another surname (a near spelling is another surname: it is never a match)."""
    want = "".join(typed)
    if len(want) < 2 or all(len(w) == 1 for w in typed):
        return 0
    forms = [last, _without_suffix(last)]
    if any(want == "".join(form) for form in forms):
        return 2
    if want in PARTICLES:
        return 0
    parts = {
        "".join(last[i:j]) for i in range(len(last)) for j in range(i + 1, len(last) + 1)
    }  # fmt: skip
    return 1 if want in parts else 0


def _close_given(word: str, given: list[str]) -> int | None:
    """Index of a given name ``word`` can stand for as an initial (or the PI's initial).

    Never a near spelling: "Daniel" is not "Danielle", and a wrong person is worse than none.
    """
    for i, name in enumerate(given):
        if len(word) == 1 and name.startswith(word):
            return i
        if len(name) == 1 and word.startswith(name):  # the PI is known by an initial only
            return i
    return None


def _joined_run(word: str, names: list[str]) -> tuple[int, int] | None:
    """(start, stop) of two or more neighbouring ``names`` that written together are ``word``."""
    for i in range(len(names)):
        for j in range(i + 2, len(names) + 1):
            if "".join(names[i:j]) == word:
                return i, j
    return None


def _capital_runs(name: str) -> frozenset[str]:
    """Words of two or three capitals ("GA"), folded: they may be initials written together."""
    return frozenset(
        word.lower() for word in re.findall(r"\w+", name) if 2 <= len(word) <= 3 and word.isupper()
    )


def _given_level(typed: list[str], given: list[str], runs: frozenset[str] = frozenset()) -> int:
    """2: every typed given name is one of the PI's first or middle names (or none was typed);
    1: some only as initials ("G", or "GA" when typed in capitals: ``runs``); 0: a typed given
    name fits none."""
    if not typed or "".join(typed) == "".join(given):  # "Yu Chiao" for "YUCHIAO" and back
        return 2
    free = list(given)
    rest = []
    for word in typed:
        if len(word) > 1 and word in free:
            free.remove(word)
        elif len(word) > 1 and (run := _joined_run(word, free)):
            del free[run[0] : run[1]]  # "Yuchiao" for "Yu-Chiao"
        else:
            rest.append(word)
    for word in rest:
        index = _close_given(word, free)
        if index is not None:
            free.pop(index)
            continue
        # "GA" written for the initials of "Gregory A" ("Bo" stays a name).
        if word not in runs:
            return 0
        for letter in word:
            index = _close_given(letter, free)
            if index is None:
                return 0
            free.pop(index)
    return 1 if rest else 2


def _pi_words(sort_name: str) -> tuple[list[str], list[str]]:
    """(given words, surname words) of a PI, folded, from the ``sort_name`` "LAST, FIRST M"."""
    last, _, given = sort_name.partition(",")
    return fold_name(given).split(), fold_name(last).split()


def _match_ranks(pis: pd.DataFrame, name: str) -> np.ndarray:
    """Per PI: -1 when the typed name does not match, else 0–3 (higher is a closer match).

    A PI matches when some reading of the typed name has the PI's surname (or a part of a
    compound surname) and given names that all fit the PI's first and middle names. The rank
    is 2 × (surname exact) + (given names exact).
    """
    readings = _readings(name)
    runs = _capital_runs(unicodedata.normalize("NFKC", name))
    ranks = np.full(len(pis), -1, dtype=np.int64)
    for row, sort_name in enumerate(pis["sort_name"].fillna("").tolist()):
        given, last = _pi_words(sort_name)
        if not last:
            continue
        for typed_given, typed_last in readings:
            tier = _surname_tier(typed_last, last)
            level = _given_level(typed_given, given, runs) if tier else 0
            if tier and level:
                ranks[row] = max(ranks[row], 2 * (tier - 1) + (level - 1))
    return ranks


def _query_forms(name: str) -> tuple[str, bool]:
    """Folded "first ... last" form of what a user typed, and whether it has initials."""
    text = unicodedata.normalize("NFKC", name).strip()
    if "," in text:
        last, _, given = text.partition(",")
        text = f"{given} {last}"
    query = fold_name(text)
    return query, any(len(token) == 1 for token in query.split())


def _name_scores(pis: pd.DataFrame, query: str, has_initials: bool) -> np.ndarray:
    """The best ``token_sort_ratio`` of ``query`` against each PI's name forms."""
    sort_names = pis["sort_name"].fillna("").tolist()
    display = pis["pi_name"].fillna("").tolist()
    full, first_last, initial_last = [], [], []
    for sort_name, shown in zip(sort_names, display, strict=True):
        last, _, given = sort_name.partition(",") if "," in sort_name else ("", "", sort_name)
        given_tokens = fold_name(given).split()
        last_n = fold_name(last)
        full.append(fold_name(shown))
        first_last.append(" ".join([*given_tokens[:1], last_n]).strip())
        initial_last.append(" ".join([*(t[:1] for t in given_tokens[:1]), last_n]).strip())
    variants = [full, first_last] + ([initial_last] if has_initials else [])
    matrix = process.cdist(
        [query], [v for group in variants for v in group],
        scorer=fuzz.token_sort_ratio, processor=None, dtype=np.float64,
    )[0]  # fmt: skip
    scores: np.ndarray = matrix.reshape(len(variants), len(pis)).max(axis=0)
    return scores


def _ranked(pis: pd.DataFrame, name: str) -> pd.DataFrame:
    """``pis`` with ``match_score`` and ``_rank`` (-1: no match), best first; empty-safe."""
    query_text = name.strip()
    if pis.empty or not query_text:
        return empty_frame({**PI_COLUMNS, "match_score": "Float64"}).assign(
            _rank=pd.Series(dtype="int64")
        )
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if query_text.isdecimal():
        hit = pis["pi_key"].eq(query_text).fillna(False) | pis["profile_id"].eq(
            int(query_text)
        ).fillna(False)
        hits = hit.to_numpy(dtype=bool)
        scores = np.where(hits, 100.0, 0.0)
        ranks = np.where(hits, 3, -1)
    else:
        query, has_initials = _query_forms(query_text)
        if not query:
            return _ranked(pis.iloc[0:0], "")
        fuzzy = _name_scores(pis, query, has_initials)
        ranks = _match_ranks(pis, query_text)
        scores = np.where(
            ranks >= 0,
            np.minimum(100.0, MATCH_SCORE + 2.5 * ranks + fuzzy / 40),
            np.minimum(fuzzy, MATCH_SCORE - 1),
        ).round(1)
    out = pis.assign(match_score=pd.array(scores, dtype="Float64"), _rank=ranks)
    out = out.assign(_active=out["n_active_grants"].fillna(0)).sort_values(
        ["_rank", "match_score", "_active", "pi_name", "pi_key"],
        ascending=[False, False, False, True, True],
        kind="stable",
        na_position="last",
    )
    return out.drop(columns="_active").reset_index(drop=True)


def find_pi(
    pis: pd.DataFrame, name: str, *, limit: int = 5, score_cutoff: float = 60
) -> pd.DataFrame:
    """Rows of ``pis`` that best match what a user typed, with a ``match_score`` column (0–100).

    Accepts "Last, First", "First Last", "Last First", initials with or without dots
    ("G. Aarons", "Aarons, G", "GA Aarons"), a bare last name, a middle name used as the first
    name ("Titus Brown" for "C. Titus Brown"), a compound surname hyphenated, spaced, joined or
    in part ("Haire Joshu", "Hairejoshu", "Haire" for "HAIRE-JOSHU"), any case, accents or
    not, and a profile id ("10456789", an exact match scoring 100).

    A PI whose surname and given names fit the typed name scores :data:`MATCH_SCORE` (90) to
    100, higher for an exact surname (rather than a part of one) and exact given names (rather
    than initials); every other PI scores below 90: its rapidfuzz ``token_sort_ratio`` against
    the typed name, so a near spelling of a surname ranks as a close name, never as a match.
    Best first; ties are broken by more active grants, then name, then ``pi_key``.

    Example:
        >>> find_pi(tables.pis, "Phillips, T")[["pi_name", "match_score"]]  # doctest: +SKIP
    """
    out = _ranked(pis, name)
    out = out[out["match_score"] >= score_cutoff]
    return out.head(limit).loc[:, [*PI_COLUMNS, "match_score"]].reset_index(drop=True)


class PiLookup(NamedTuple):
    """What :func:`lookup_pi` found: the PIs who match, or else the closest names."""

    #: The PIs who match best (one: the answer), best first, as :func:`find_pi` rows.
    matches: pd.DataFrame
    #: When nobody matches: the nearest names (score ≥ 70), best first; else empty.
    closest: pd.DataFrame


def lookup_pi(pis: pd.DataFrame, name: str, *, closest: int = 5) -> PiLookup:
    """The PI a user means by ``name`` (see :func:`find_pi` for the forms accepted).

    ``matches`` holds every PI whose name fits at the best level found: when one PI has the
    exact surname and given names typed, a PI who fits only by initials or by a part of a
    compound surname is left out. Exactly one row is the answer; several are for the user to
    choose from; none leaves ``closest``, which never holds a PI of another surname as a match.

    Example:
        >>> lookup_pi(tables.pis, "Titus Brown").matches["profile_id"].tolist()  # doctest: +SKIP
        [8406715]
    """
    ranked = _ranked(pis, name)
    columns = [*PI_COLUMNS, "match_score"]
    hits = ranked[ranked["_rank"] >= 0]
    if not hits.empty:
        best = hits[hits["_rank"] == hits["_rank"].max()]
        return PiLookup(best.loc[:, columns].reset_index(drop=True), ranked.loc[[], columns])
    near = ranked[ranked["match_score"] >= _CLOSEST_SCORE].head(closest)
    return PiLookup(hits.loc[:, columns], near.loc[:, columns].reset_index(drop=True))


def surname_patterns(name: str) -> tuple[str, ...]:
    """RePORTER ``last_name`` patterns (upper case, ``*`` wildcards) that find a typed PI.

    RePORTER matches ``pi_names`` exactly and ignores middle names, so the lookup asks broadly
    by surname and :func:`lookup_pi` decides. Each word that may be the surname is asked for
    as typed and folded; the surname's words (the part before a comma, else the last word)
    also with a trailing wildcard ("HAIRE*"); two neighbouring words joined and hyphenated
    ("HAIREJOSHU", "HAIRE-JOSHU"). Only trailing wildcards are sent: RePORTER documents ``*``
    without saying where it may stand, and a leading or inner one it refused would fail every
    lookup. Initials are never asked for. Empty when nothing but initials was typed.

    Example:
        >>> surname_patterns("Debra Haire Joshu")[:4]
        ('DEBRA', 'HAIRE', 'JOSHU', 'JOSHU*')
    """
    text = unicodedata.normalize("NFKC", name).strip()
    typed = text.partition(",")[0] if "," in text else text
    skip = _HONORIFICS | SUFFIXES
    # Words split at spaces and hyphens only: "Ma'ayan" is one word ("MAAYAN", "MA*AYAN"), not
    # the common surname "MA" and another.
    pieces = [p for p in re.split(r"[\s\-‐‑–—]+", typed) if p]
    folded = [fold_name(p).split() for p in pieces]
    words = ["".join(sub) for sub in folded if "".join(sub) not in skip]
    long_words = [w for w in words if len(w) > 1]
    wild = long_words if "," in text else long_words[-1:]
    patterns = [w.upper() for w in long_words]
    for word in wild:
        if len(word) >= _WILDCARD_MIN_LENGTH:
            patterns.append(f"{word.upper()}*")
    for first, second in pairwise(words):
        if len(first) > 1 and len(second) > 1:
            a, b = first.upper(), second.upper()
            patterns += [f"{a}{b}", f"{a}-{b}"]
    # As typed too ("MA'AYAN", "MÜLLER"): RePORTER may hold a name the way it was written.
    raw = [
        w.strip(".,").upper()
        for w in typed.split()
        if len(fold_name(w)) > 1 and fold_name(w) not in skip
    ]
    return tuple(dict.fromkeys(patterns + raw))
