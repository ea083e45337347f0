"""How names and aliases are compared: normalised match keys, and the index built from them.

Shared by :mod:`~reporter_finder.rank.lexicon`, which refuses two entries whose names meet on
one key, and :mod:`~reporter_finder.rank.resolve`, which looks up what users type. Private to
``reporter_finder.rank``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from rapidfuzz.utils import default_process

from reporter_finder.errors import LexiconError

# Match keys this short ("gi", "id", "em", "im", "ent", "derm") are abbreviations: one wrong
# letter makes a different abbreviation, so they are matched exactly and never fuzzily.
EXACT_ONLY_MAX_LEN: Final = 4


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: vocabulary lists written as one string."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Index:
    """Look-up tables for one vocabulary: exact match keys and the forms worth fuzzing."""

    exact: Mapping[str, str]  # match key -> entry key
    fuzzy: tuple[tuple[str, str], ...]  # (normalised spaced form, entry key)
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (match tokens, entry key), for containment


def _singular(token: str) -> str:
    # Crude on purpose: applied identically to the vocabulary and to the query, it only has
    # to make "pediatrics"/"pediatric" and "trials"/"trial" meet, not produce real words.
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def tokens(text: str) -> list[str]:
    """Lower-case alphanumeric tokens, singularised, without "and" (so "&" and "and" agree)."""
    cleaned = default_process(unicodedata.normalize("NFKC", text))
    return [_singular(token) for token in cleaned.split() if token != "and"]


def match_key(words: Iterable[str]) -> str:
    """The key two spellings of a name must share to be one name (``tokens`` joined)."""
    # Joined without spaces so "OB/GYN", "ob-gyn", "ob gyn" and "obgyn" all meet.
    return "".join(words)


def build_index(kind: str, entries: Iterable[tuple[str, Iterable[str]]]) -> Index:
    """The :class:`Index` of ``(entry key, names and aliases)`` pairs.

    Raises:
        LexiconError: a name has no letters, or two entries' names share a match key.
    """
    exact: dict[str, str] = {}
    origin: dict[str, str] = {}
    fuzzy: list[tuple[str, str]] = []
    phrases: list[tuple[tuple[str, ...], str]] = []
    for key, forms in entries:
        for form in forms:
            words = tokens(form)
            key_of_form = match_key(words)
            if not key_of_form:
                raise LexiconError(f"{kind} {key!r}: name or alias {form!r} has no letters")
            owner = exact.get(key_of_form)
            if owner is not None and owner != key:
                raise LexiconError(
                    f"{kind} alias collision: {form!r} of {key!r} matches "
                    f"{origin[key_of_form]!r} of {owner!r}",
                    hint="aliases are compared ignoring case, punctuation, spaces and plurals",
                )
            if owner is None:
                exact[key_of_form] = key
                origin[key_of_form] = form
                if len(key_of_form) > EXACT_ONLY_MAX_LEN:
                    fuzzy.append((" ".join(words), key))
                    phrases.append((tuple(words), key))
    return Index(MappingProxyType(exact), tuple(fuzzy), tuple(phrases))
