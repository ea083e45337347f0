"""Person names: the one owner of how reporter_finder reads, cases, keys and looks up people.

RePORTER sends names in capitals, lower case or mixed case, split into parts or as one
``"LAST, FIRST M"`` string, with particles ("de la Cruz") and suffixes ("Jr"). Everything that
turns such a name into a display name, a sort name, a matching key or a PI key lives here, so
the tables, the ranking and the e-mail drafts cannot disagree about a person.

PI key rule
    ``pi_key`` is ``str(profile_id)`` when the record gives a profile id. Otherwise (older
    captures, bulk files, ``include_fields`` responses with only ``contact_pi_name``) it is
    ``"name:<last>|<first initial>|<org>"`` where each part is folded by :func:`fold_name`.
    Spellings of one person within one organisation and first initial are merged when their
    folded "first last" names have a rapidfuzz ``token_sort_ratio`` of at least
    :data:`NAME_MERGE_SCORE` (the most frequent spelling names the key). If two different
    people still end up with the same key (John and Jane Smith at one organisation), each of
    their keys gains ``"|<first name>"``. Name keys are never merged into profile-id keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from reporter_finder.schema import PI_COLUMNS, empty_frame
from reporter_finder.tables.clean import is_mapping, to_int

__all__ = [
    "MATCH_SCORE",
    "NAME_MERGE_SCORE",
    "PiEntry",
    "PiLookup",
    "case_name_part",
    "find_pi",
    "fold_name",
    "lookup_pi",
    "name_keys",
    "officer_names",
    "person_names",
    "pi_entries",
    "pretty_title",
    "sort_name_parts",
    "split_full_name",
    "surname_patterns",
]

#: Two names of one person (same organisation and first initial) merge at this score.
NAME_MERGE_SCORE = 92.0

_PARTICLES = frozenset(
    {
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "y",
    }
)
_ROMAN = frozenset({"ii", "iii", "iv", "vi", "vii"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_AFTER_SEPARATOR = re.compile(r"(^|[-./])(\w)")
_ELISION = re.compile(r"^(\w)(['’])(\w)")
_MC = re.compile(r"(^|-)Mc(\w)")

# --- casing ------------------------------------------------------------------------------------


def _cap_token(token: str) -> str:
    low = token.lower()
    if low in _ROMAN:
        return token.upper()
    out = _AFTER_SEPARATOR.sub(lambda m: m.group(1) + m.group(2).upper(), low)
    out = _ELISION.sub(lambda m: m.group(1).upper() + m.group(2) + m.group(3).upper(), out)
    return _MC.sub(lambda m: m.group(1) + "Mc" + m.group(2).upper(), out)


def case_name_part(part: str, *, first_of_name: bool) -> str:
    """Capitalise the words of a name that arrived all upper or all lower case.

    Words already in mixed case ("DiGiovanna", "McDonald", "Titus") are kept as sent;
    particles ("de", "van") stay lower case unless they open the name (``first_of_name``).
    Also used for place names sent in capitals ("NOTRE DAME" → "Notre Dame").
    """
    words = part.split(" ")
    out = []
    for i, word in enumerate(words):
        if word != word.upper() and word != word.lower():
            out.append(word)
        elif word.lower() in _PARTICLES and not (first_of_name and i == 0) and i < len(words) - 1:
            out.append(word.lower())
        else:
            out.append(_cap_token(word))
    return " ".join(out)


@lru_cache(maxsize=65536)
def person_names(first: str, middle: str, last: str) -> tuple[str | None, str | None]:
    """``("Ana M Rivera", "RIVERA, ANA M")`` from cleaned name parts (any may be "")."""
    parts = [
        case_name_part(p, first_of_name=(i == 0)) for i, p in enumerate((first, middle, last)) if p
    ]
    if not parts:
        return None, None
    given = " ".join(p for p in (first, middle) if p).upper()
    sort_name = f"{last.upper()}, {given}" if last and given else (last or given).upper()
    return " ".join(parts), sort_name


def split_full_name(full: str) -> tuple[str, str, str]:
    """(first, middle, last) from "LAST, FIRST M" or "First M Last"."""
    if "," in full:
        last, _, given = full.partition(",")
        tokens = given.split()
        last = last.strip()
    else:
        tokens = full.split()
        last = tokens.pop() if tokens else ""
        if last.lower().rstrip(".") in _SUFFIXES and len(tokens) > 1:
            last = f"{tokens.pop()} {last}"
        # "Maria de la Cruz": particles before the surname belong to it.
        while len(tokens) > 1 and tokens[-1].lower() in _PARTICLES:
            last = f"{tokens.pop()} {last}"
    first = tokens[0] if tokens else ""
    return first, " ".join(tokens[1:]), last


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """Case-folded, accent-free, letters/digits and single spaces: for keys and matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", stripped).split())


_TITLE_SMALL = frozenset({"of", "and", "in", "for", "the", "at", "to", "on", "&"})
_TITLE_UPPER = frozenset(
    {"pi", "pd", "pd/pi", "md", "dvm", "mph", "rn", "nih", "va", "us", "usa", "hhmi", "ai"}
)


@lru_cache(maxsize=4096)
def pretty_title(title: str) -> str:
    """ "ASSOCIATE PROFESSOR OF MEDICINE" → "Associate Professor of Medicine"; mixed case kept."""
    if title != title.upper():
        return title
    words = []
    for i, word in enumerate(title.lower().split(" ")):
        bare = word.strip(",;:()")
        if bare in _TITLE_UPPER:
            words.append(word.upper())
        elif bare == "phd":
            words.append(word.replace("phd", "PhD"))
        elif i and bare in _TITLE_SMALL:
            words.append(word)
        else:
            words.append(_AFTER_SEPARATOR.sub(lambda m: m.group(1) + m.group(2).upper(), word))
    return " ".join(words)


# --- people on a record ------------------------------------------------------------------------

#: (profile_id, first, middle, last, title, is_contact) of one PI of one record.
PiEntry = tuple[int | None, str, str, str, str | None, bool]


def _name_parts(person: Mapping[str, Any], clean: Callable[[Any], Any]) -> tuple[str, str, str]:
    first = clean(person.get("first_name")) or ""
    middle = clean(person.get("middle_name")) or ""
    last = clean(person.get("last_name")) or ""
    if not (first or last):
        first, middle, last = split_full_name(clean(person.get("full_name")) or "")
    return first, middle, last


def pi_entries(rec: Mapping[str, Any], clean: Callable[[Any], Any]) -> list[PiEntry]:
    """The PIs of one record, contact first, no repeats; ``clean`` cleans each text field."""
    raw = rec.get("principal_investigators")
    people = [p for p in raw if is_mapping(p)] if type(raw) is list else []
    entries: list[PiEntry] = []
    if not people:
        # include_fields responses often carry only "LAST, FIRST M " for the contact PI.
        contact = clean(rec.get("contact_pi_name"))
        if contact:
            first, middle, last = split_full_name(contact)
            entries.append((None, first, middle, last, None, True))
        return entries
    seen: set[Any] = set()
    for person in people:
        profile_id = to_int(person.get("profile_id"))
        first, middle, last = _name_parts(person, clean)
        if not (first or last or profile_id is not None):
            continue
        marker = profile_id if profile_id is not None else (first.casefold(), last.casefold())
        if marker in seen:
            continue
        seen.add(marker)
        is_contact = person.get("is_contact_pi") is True
        entries.append((profile_id, first, middle, last, clean(person.get("title")), is_contact))
    if len(entries) == 1 and not entries[0][5]:
        # A lone PI is the contact PI even where older records leave the flag unset.
        entries[0] = (*entries[0][:5], True)
    entries.sort(key=lambda e: not e[5])  # stable: contact first, the rest in API order
    return entries


def officer_names(value: Any, clean: Callable[[Any], Any]) -> list[str]:
    """Display names of a record's ``program_officers``, distinct, in API order."""
    names: list[str] = []
    if type(value) is not list:
        return names
    for officer in value:
        if not is_mapping(officer):
            continue
        display = person_names(*_name_parts(officer, clean))[0]
        if display and display not in names:
            names.append(display)
    return names


_Variant = tuple[str, str, str, str]  # (first initial, org, first, last), all folded


def _canonical_variants(variants: Counter[_Variant]) -> dict[_Variant, _Variant]:
    """Each spelling → the spelling that names its cluster (see the module docstring)."""
    groups: dict[tuple[str, str], list[_Variant]] = {}
    # Most frequent spelling first, so it becomes the canonical name of its cluster.
    for variant, _count in sorted(variants.items(), key=lambda item: (-item[1], item[0])):
        groups.setdefault(variant[:2], []).append(variant)
    canonical: dict[_Variant, _Variant] = {}
    for members in groups.values():
        heads: list[_Variant] = []
        for variant in members:
            name = f"{variant[2]} {variant[3]}"
            scores = [fuzz.token_sort_ratio(name, f"{h[2]} {h[3]}", processor=None) for h in heads]
            best = int(np.argmax(scores)) if scores else -1
            if best >= 0 and scores[best] >= NAME_MERGE_SCORE:
                canonical[variant] = heads[best]
            else:
                heads.append(variant)
                canonical[variant] = variant
    return canonical


def name_keys(people: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
    """PI keys for people without a profile id: (first, last, org) → "name:last|i|org"."""
    variants: Counter[_Variant] = Counter()
    raw_to_variant: dict[tuple[str, str, str], _Variant] = {}
    for person in people:
        first, last, org = (fold_name(part) for part in person)
        variant = (first[:1], org, first, last)
        raw_to_variant[person] = variant
        variants[variant] += 1
    canonical = _canonical_variants(variants)
    base = {head: f"name:{head[3]}|{head[0]}|{head[1]}" for head in set(canonical.values())}
    clashes = Counter(base.values())
    keys = {head: (key if clashes[key] == 1 else f"{key}|{head[2]}") for head, key in base.items()}
    return {person: keys[canonical[variant]] for person, variant in raw_to_variant.items()}


# --- lookup --------------------------------------------------------------------------------------

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
    return words[:-1] if len(words) > 1 and words[-1] in _SUFFIXES else words


def _readings(name: str) -> list[tuple[list[str], list[str]]]:
    """The ways to read a typed name as (given words, surname words), all folded.

    "Last, First M" has one reading. Without a comma every cut of the words is a reading, in
    both orders ("Ana Rivera", "Rivera Ana"), plus all words as the surname ("Haire Joshu").
    """
    text = unicodedata.normalize("NFKC", name).strip()
    if "," in text:
        last, _, given = text.partition(",")
        given_words = [w for w in _typed_words(given) if w not in _SUFFIXES]
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
    if want in _PARTICLES:
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


def sort_name_parts(sort_name: object) -> tuple[str, str, str]:
    """(first, middle, last) from a ``sort_name`` such as "RIVERA, ANA M" ("" when missing)."""
    last, _, given = str(sort_name or "").partition(",")
    words = given.split()
    return (words[0] if words else "", " ".join(words[1:]), last.strip())


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
    skip = _HONORIFICS | _SUFFIXES
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
