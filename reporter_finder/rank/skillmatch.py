"""Finding short or ambiguous skills in grant text by their regular-expression patterns.

A skill such as "R", "SAS", "C" or "ML" cannot be searched by its vocabulary: "regression" is
not R, and "R01", "IL-1R", "vitamin C" or "10 mL" are not skills at all. Such skills carry
``patterns`` in ``data/skills.json`` (see :class:`~reporter_finder.rank.lexicon.Skill`):
case-sensitive regular expressions for the forms of text that mean the skill ("in R",
"R package", "Bioconductor"). When a skill has patterns, they replace its ``terms`` for
matching. This module counts their matches; turning counts into scores is
:mod:`reporter_finder.rank.relevance`'s job.

Rules for patterns (what :func:`compile_patterns` relies on):

* A skill's patterns are joined into one alternation, so each must be a valid regular
  expression on its own, use only *scoped* inline flags (``(?i:...)``; a leading global flag
  such as ``(?i)`` is turned into a scoped one), no numbered back-references and no group
  name that another pattern of the skill repeats.
* Matches are counted non-overlapping, leftmost first, as :meth:`re.Pattern.finditer` finds
  them in each document on its own; empty matches are not counted.
* For speed, every pattern should consume a literal of three or more characters (``"R "``
  followed by ``package``, ``"in R"``, ``"Bioconductor"``; a literal inside a look-ahead does
  not count) and use only bounded repeats (``\\w{0,12}``, ``\\s{1,3}``; not ``*`` or ``+``).
  A skill whose patterns do not is still counted exactly, by a full scan of every document,
  which takes seconds, not milliseconds, for 15,000 abstracts.

How counting stays fast: Python's ``re`` tries a many-branched pattern at every position of
the text (~4 MB/s here, 5–10 s per skill for 15,000 abstracts). So the patterns are parsed
once to find, for each, a set of *trigger* literals one of which every match must contain,
and an upper bound on how far a match and the text its look-arounds inspect can reach. The
documents are joined into one string; trigger candidates are found for all skills at once
with numpy (three-character keys looked up in a table, then checked in full), and the real
pattern only runs in small windows around the triggers, each clipped to its document. This
gives the same counts as scanning each document in full (a test checks it on the packaged
patterns), with one caveat: a look-behind at a document's very start sees the NUL that joins
the documents, where a document on its own has nothing, so ``(?<=\\W)`` can match there; the
usual negative look-behinds and ``\\b`` behave the same. For 15,000 abstracts of ~2,000
characters on a 2-core machine with other jobs running: 0.2–0.4 s for one skill, 0.7 s for all nine
packaged ones (a full scan: ~60 s).

Example:
    >>> from reporter_finder.rank.lexicon import load_lexicon
    >>> r = load_lexicon().skills["r_programming"]
    >>> matches(r, "Analyses will be done in R (version 4.3)."), matches(r, "logistic regression")
    (True, False)
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from reporter_finder.errors import LexiconError

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.rank.lexicon import Skill

__all__ = ["compile_patterns", "matches", "pattern_counts"]

# The regular-expression parser of the standard library (``re._parser`` since 3.11,
# ``sre_parse`` before). Private, but stable for decades; it is only used to *plan* a scan, and
# a pattern it cannot plan is scanned in full.
_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_MAXREPEAT: Final[int] = int(_PARSER.MAXREPEAT)
_IGNORECASE: Final[int] = int(re.IGNORECASE)

_SEPARATOR: Final = "\x00"  # joins documents; never in grant text, neither word nor space
_LEADING_FLAGS: Final = re.compile(r"^\(\?([aiLmsux]+)\)")
# Constructs whose meaning depends on where the string starts or ends: such a pattern is
# applied document by document.
_ANCHORED: Final = re.compile(r"\\[AZ]|(?<![\\\[])\^|(?<!\\)\$")
_MAX_STRINGS: Final = 512  # the most literal strings one trigger set may have
_MAX_CLASS: Final = 8  # a character class of at most this many characters is a literal choice
_MIN_TRIGGER: Final = 3  # triggers are found by their three-character keys
# Case-insensitive ``re`` also equates these characters with a partner; both the text and the
# triggers are folded the same way, so the triggers stay a superset of what can match.
_PARTNERS: Final = (
    ("İ", "i"),
    ("ı", "i"),
    ("ſ", "s"),
    ("μ", "µ"),
    ("K", "k"),
    ("Å", "å"),
    ("Ÿ", "ÿ"),
)
# Latin-1 byte -> its lower case (bytes.translate: fast on a long text, unlike str.lower).
_LOWER: Final = bytes(
    ord(c.lower()) if len(c.lower()) == 1 and ord(c.lower()) < 256 else i
    for i, c in enumerate(map(chr, range(256)))
)
# Characters that are common in English text: keys made of them select many positions.
_COMMON: Final = frozenset(" etaoinsrhlcdu")


def _fold(text: str) -> str:
    """``text`` lower-cased as case-insensitive matching sees it (one character for one)."""
    for char, partner in _PARTNERS:
        if char in text:
            text = text.replace(char, partner)
    return text.lower()


def _latin1(text: str) -> bytes:
    """One byte per character: characters outside Latin-1 become ``?`` (3 NULs appended)."""
    return text.encode("latin-1", "replace") + b"\0\0\0"


def _folded_latin1(text: str) -> bytes:
    """:func:`_latin1` of :func:`_fold` of ``text``, computed on bytes."""
    for char, partner in _PARTNERS:
        if char in text:
            text = text.replace(char, partner)
    return _latin1(text).translate(_LOWER)


# --- compiling -------------------------------------------------------------------------------


def _scoped(pattern: str) -> str:
    """``pattern`` with a leading global inline flag (``(?i)...``) made scoped (``(?i:...)``)."""
    found = _LEADING_FLAGS.match(pattern)
    if found is None:
        return pattern
    return f"(?{found.group(1)}:{pattern[found.end() :]})"


@lru_cache(maxsize=256)
def _compile(key: str, patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that matches wherever any of ``patterns`` does (cached)."""
    combined = "|".join(f"(?:{_scoped(p)})" for p in patterns)
    try:
        return re.compile(combined)
    except re.error as exc:
        raise LexiconError(
            f"skill {key!r}: its patterns cannot be combined into one regular expression: {exc}",
            hint="use scoped flags such as (?i:...), and no back-references or repeated "
            "group names across a skill's patterns",
        ) from None


def compile_patterns(skill: Skill) -> re.Pattern[str] | None:
    """The skill's patterns as one compiled alternation, or ``None`` if it has none.

    The result is cached per ``(key, patterns)``, so calling this for every query is cheap.

    Raises:
        LexiconError: the patterns are valid one by one but not together (a global inline
            flag in the middle of a pattern, a repeated group name, ...).

    Example:
        >>> from reporter_finder.rank.lexicon import load_lexicon
        >>> compile_patterns(load_lexicon().skills["r_programming"]) is not None
        True
    """
    if not skill.patterns:
        return None
    return _compile(skill.key, tuple(skill.patterns))


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Non-empty, non-overlapping matches of ``pattern`` in ``text``."""
    return sum(1 for m in pattern.finditer(text) if m.end() > m.start())


def matches(skill: Skill, text: str) -> bool:
    """Whether ``text`` mentions the skill in one of the forms its patterns describe.

    A skill without patterns never matches here (its ``terms`` are scored by BM25 instead).

    Example:
        >>> from reporter_finder.rank.lexicon import load_lexicon
        >>> matches(load_lexicon().skills["python"], "digestion in the Burmese python")
        False
    """
    pattern = compile_patterns(skill)
    if pattern is None:
        return False
    return any(m.end() > m.start() for m in pattern.finditer(text))


# --- planning: trigger literals and reach ----------------------------------------------------


@dataclass(frozen=True)
class _Lang:
    """A finite set of strings an item can match; ``exact`` if case matters for all of them."""

    strings: frozenset[str]
    exact: bool


def _lang_union(parts: Iterable[_Lang]) -> _Lang | None:
    parts = list(parts)
    exact = all(p.exact for p in parts)
    strings = frozenset(s if exact else _fold(s) for p in parts for s in p.strings)
    return _Lang(strings, exact) if len(strings) <= _MAX_STRINGS else None


def _lang_concat(a: _Lang, b: _Lang) -> _Lang | None:
    if len(a.strings) * len(b.strings) > _MAX_STRINGS:
        return None
    exact = a.exact and b.exact
    strings = frozenset(x + y for x, y in product(a.strings, b.strings))
    return _Lang(strings if exact else frozenset(map(_fold, strings)), exact)


_EMPTY: Final = _Lang(frozenset({""}), True)


def _char(code: int, flags: int) -> _Lang:
    char = chr(code)
    cased = char.lower() != char.upper()
    if flags & _IGNORECASE and cased:
        return _Lang(frozenset({_fold(char)}), False)
    return _Lang(frozenset({char}), True)


def _language(op: str, av: Any, flags: int) -> _Lang | None:
    """The finite set of strings one parsed item matches, or ``None`` if it is not small."""
    if op == "LITERAL":
        return _char(av, flags)
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return _EMPTY  # zero width: neutral in a concatenation
    if op == "IN":
        chars: list[_Lang] = []
        for kind, value in av:
            if str(kind) == "LITERAL":
                chars.append(_char(value, flags))
            elif str(kind) == "RANGE" and value[1] - value[0] < _MAX_CLASS:
                chars.extend(_char(c, flags) for c in range(value[0], value[1] + 1))
            else:
                return None
        return _lang_union(chars) if len(chars) <= _MAX_CLASS else None
    if op == "SUBPATTERN":
        return _seq_language(av[3], (flags | av[1]) & ~av[2])
    if op == "BRANCH":
        alternatives = [_seq_language(alt, flags) for alt in av[1]]
        if any(a is None for a in alternatives):
            return None
        return _lang_union(a for a in alternatives if a is not None)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[1] <= 3:
        body = _seq_language(av[2], flags)
        if body is None:
            return None
        powers, power = [], _EMPTY
        for times in range(av[1] + 1):
            if times >= av[0]:
                powers.append(power)
            step = _lang_concat(power, body)
            if step is None:
                return None
            power = step
        return _lang_union(powers)
    return None


def _seq_language(items: Any, flags: int) -> _Lang | None:
    result: _Lang | None = _EMPTY
    for op, av in items:
        part = _language(str(op), av, flags)
        if part is None or result is None:
            return None
        result = _lang_concat(result, part)
    return result


def _prefix(items: Any, flags: int) -> _Lang:
    """Strings one of which every match of the sequence ``items`` starts with."""
    result = _EMPTY
    for op, av in items:
        name = str(op)
        part = _language(name, av, flags)
        if part is None:
            head = _head(name, av, flags)
            joined = _lang_concat(result, head) if head is not None else None
            return joined or result
        step = _lang_concat(result, part)
        if step is None:
            return result
        result = step
    return result


def _head(name: str, av: Any, flags: int) -> _Lang | None:
    """Strings one of which every match of a (not finite) item starts with, if known."""
    if name == "SUBPATTERN":
        return _prefix(av[3], (flags | av[1]) & ~av[2])
    if name == "BRANCH":
        return _lang_union(_prefix(alt, flags) for alt in av[1])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
        return _prefix(av[2], flags)
    return None


def _score(lang: _Lang) -> tuple[int, int]:
    # Longer literals select fewer positions; exact-case ones fewer still ("in R" vs "in r").
    return (min(map(len, lang.strings)) + (3 if lang.exact else 0), -len(lang.strings))


def _required(items: Any, flags: int) -> _Lang | None:
    """Literals one of which every match of the sequence ``items`` contains, or ``None``."""
    candidates: list[_Lang] = []
    run = _EMPTY
    for op, av in items:
        name = str(op)
        part = _language(name, av, flags)
        if part is not None:
            joined = _lang_concat(run, part)
            if joined is None:
                candidates.append(run)
                run = part
            else:
                run = joined
            continue
        head = _head(name, av, flags)
        extended = _lang_concat(run, head) if head is not None else None
        candidates.extend(c for c in (run, extended) if c is not None)
        run = _EMPTY
        inner: _Lang | None = None
        if name == "SUBPATTERN":
            inner = _required(av[3], (flags | av[1]) & ~av[2])
        elif name == "ATOMIC_GROUP":
            inner = _required(av, flags)
        elif name == "BRANCH":
            alternatives = [_required(alt, flags) for alt in av[1]]
            if all(a is not None for a in alternatives):
                inner = _lang_union(a for a in alternatives if a is not None)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            inner = _required(av[2], flags)
        if inner is not None:
            candidates.append(inner)
    candidates.append(run)
    usable = [c for c in candidates if c.strings and "" not in c.strings]
    return max(usable, key=_score, default=None)


def _reach(items: Any) -> int | None:
    """Most characters a match of ``items`` plus the text its look-arounds read can span."""
    total = 0
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL", "IN", "ANY"):
            total += 1
        elif name == "AT":
            total += 1  # \b reads a character on each side
        elif name in ("ASSERT", "ASSERT_NOT", "ATOMIC_GROUP", "SUBPATTERN"):
            # ASSERT*: (direction, items); ATOMIC_GROUP: items; SUBPATTERN: (..., items)
            body = av if name == "ATOMIC_GROUP" else av[1] if name.startswith("ASSERT") else av[3]
            inner = _reach(body)
            if inner is None:
                return None
            total += inner
        elif name == "BRANCH":
            widths = [_reach(alt) for alt in av[1]]
            if any(w is None for w in widths):
                return None
            total += max(w for w in widths if w is not None)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            body = _reach(av[2])
            if body is None or av[1] >= _MAXREPEAT:
                return None
            total += av[1] * body
        else:
            return None  # back-references, conditionals: not planned
    return total


@dataclass(frozen=True)
class _Plan:
    """How to count one skill: its pattern and, when it can be prefiltered, its triggers.

    ``triggers[i]`` is a ``(literal, exact case)`` pair that every match of the patterns
    ``alternatives[i]`` (indices into the skill's patterns) contains, and ``reach[i]`` bounds how
    far from the literal such a match, with the text its look-arounds read, can extend. No
    triggers: the patterns are scanned in full.
    """

    key: str
    patterns: tuple[str, ...]
    pattern: re.Pattern[str]
    anchored: bool
    triggers: tuple[tuple[str, bool], ...] = ()
    alternatives: tuple[frozenset[int], ...] = ()
    reach: tuple[int, ...] = ()

    def restricted(self, indices: frozenset[int]) -> re.Pattern[str]:
        """The combined pattern of only ``indices`` (in their order in the skill)."""
        if len(indices) == len(self.patterns):
            return self.pattern
        return _compile(self.key, tuple(self.patterns[i] for i in sorted(indices)))


@lru_cache(maxsize=256)
def _plan(key: str, patterns: tuple[str, ...]) -> _Plan:
    pattern = _compile(key, patterns)
    plain = _Plan(key, patterns, pattern, _ANCHORED.search(pattern.pattern) is not None)
    if plain.anchored:
        return plain
    found: dict[tuple[str, bool], tuple[set[int], int]] = {}
    for index, source in enumerate(patterns):
        try:
            parsed = list(_PARSER.parse(_scoped(source)))
            required = _required(parsed, 0)
            width = _reach(parsed)
        except Exception:  # an unexpected parse tree: scan in full
            return plain
        if required is None or width is None:
            return plain
        if min(map(len, required.strings)) < _MIN_TRIGGER:
            return plain
        for literal in required.strings:
            alternatives, reach = found.setdefault((literal, required.exact), (set(), 0))
            alternatives.add(index)
            found[literal, required.exact] = (alternatives, max(reach, width + 2))
    triggers = tuple(sorted(found))
    return _Plan(
        key,
        patterns,
        pattern,
        False,
        triggers,
        tuple(frozenset(found[t][0]) for t in triggers),
        tuple(found[t][1] for t in triggers),
    )


# --- counting --------------------------------------------------------------------------------


def _key(chars: bytes) -> int:
    """The three-character key of the first three bytes of ``chars``."""
    return chars[0] | chars[1] << 8 | chars[2] << 16


def _best_offset(literal: str) -> int:
    """Where in ``literal`` the three-character key with the rarest characters starts."""
    rarity = [sum(c not in _COMMON for c in literal[i : i + 3]) for i in range(len(literal) - 2)]
    return int(np.argmax(rarity))


class _Corpus:
    """The joined documents with what trigger search needs, computed once per call."""

    def __init__(self, docs: Sequence[str]) -> None:
        self.docs = docs
        self.text = _SEPARATOR.join(docs)
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        self.starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1])).astype(np.int64)
        self.ends = self.starts + lengths
        self.exact_raw = _latin1(self.text)
        self.folded_raw = _folded_latin1(self.text)
        self.exact_codes = np.frombuffer(self.exact_raw, dtype=np.uint8)
        self.folded_codes = np.frombuffer(self.folded_raw, dtype=np.uint8)

    @staticmethod
    def _positions(raw: bytes, table: np.ndarray) -> np.ndarray:
        """Positions in ``raw`` whose three-character key is marked in ``table``."""
        found = []
        size = len(raw) - 3
        for offset in range(4):
            # Unaligned little-endian words at offset, offset+4, ...: the low three bytes are
            # the key of that position. No copy, one AND and one table look-up per position.
            count = (size - offset + 3) // 4
            words = np.frombuffer(raw, dtype="<u4", offset=offset, count=count)
            found.append(np.flatnonzero(table[words & 0xFFFFFF]) * 4 + offset)
        return np.concatenate(found)

    def find(self, triggers: Sequence[tuple[str, bool]]) -> tuple[np.ndarray, np.ndarray]:
        """(start, trigger index) of every occurrence of the triggers, by start.

        Exact-case triggers are looked for in the text as it is, the others in its folded
        form. Exact for Latin-1 text; other characters compare as ``?``, which can only add
        occurrences.
        """
        found_starts: list[np.ndarray] = []
        found_ids: list[np.ndarray] = []
        size = len(self.text)
        for exact, raw_text, codes in (
            (True, self.exact_raw, self.exact_codes),
            (False, self.folded_raw, self.folded_codes),
        ):
            wanted: dict[int, list[tuple[bytes, int, int]]] = {}
            for index, (literal, is_exact) in enumerate(triggers):
                if is_exact != exact:
                    continue
                raw = (_latin1(literal) if exact else _folded_latin1(literal))[:-3]
                offset = _best_offset(raw.decode("latin-1"))
                wanted.setdefault(_key(raw[offset : offset + 3]), []).append((raw, offset, index))
            if not wanted:
                continue
            table = np.zeros(1 << 24, dtype=bool)
            table[list(wanted)] = True
            hits = self._positions(raw_text, table)
            hit_keys = (
                codes[hits].astype(np.int64)
                | codes[hits + 1].astype(np.int64) << 8
                | codes[hits + 2].astype(np.int64) << 16
            )
            order = np.argsort(hit_keys, kind="stable")
            hits, hit_keys = hits[order], hit_keys[order]
            for key, literals in wanted.items():
                lo, hi = np.searchsorted(hit_keys, [key, key + 1])
                for raw, offset, index in literals:
                    start = hits[lo:hi] - offset
                    start = start[(start >= 0) & (start + len(raw) <= size)]
                    for j, byte in enumerate(raw):
                        start = start[codes[start + j] == byte]
                    found_starts.append(start)
                    found_ids.append(np.full(len(start), index, dtype=np.int64))
        if not found_starts:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        starts, ids = np.concatenate(found_starts), np.concatenate(found_ids)
        order = np.argsort(starts, kind="stable")
        return starts[order], ids[order]

    def doc_of(self, positions: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.starts, positions, side="right") - 1


def _windowed_counts(
    plan: _Plan, corpus: _Corpus, starts: np.ndarray, ids: np.ndarray
) -> np.ndarray:
    """Counts from scanning only the windows around trigger occurrences.

    Each occurrence opens a window of its trigger's reach on either side, clipped to its
    document; overlapping windows merge. A match of the full scan contains a trigger of its
    pattern, so it lies, with all the text it depends on, inside one merged window; a match
    found in a window contains a trigger too, so its context is inside the window as well. A
    window is scanned with only the patterns whose triggers occur in it (the others cannot
    match there), which keeps the leftmost-first order of the full alternation.

    ``starts`` and ``ids`` are the trigger occurrences (:meth:`_Corpus.find`, sorted by start).
    """
    counts = np.zeros(len(corpus.docs), dtype=np.int64)
    if not len(starts):
        return counts
    doc = corpus.doc_of(starts)
    reach = np.array(plan.reach, dtype=np.int64)[ids]
    lengths = np.array([len(t) for t, _ in plan.triggers], dtype=np.int64)[ids]
    lo = np.maximum(starts - reach, corpus.starts[doc])
    hi = np.minimum(starts + lengths + reach, corpus.ends[doc])
    order = np.argsort(lo, kind="stable")
    lo, hi, ids = lo[order], hi[order], ids[order]
    # Merge overlapping windows (never across documents: each is clipped to its own).
    reach_so_far = np.maximum.accumulate(hi)
    new = np.ones(len(lo), dtype=bool)
    new[1:] = lo[1:] > reach_so_far[:-1]
    first = np.flatnonzero(new)
    last = np.append(first[1:], len(lo))
    text, found = corpus.text, list[int]()
    alternatives = plan.alternatives
    for a, b, window_lo, window_hi in zip(
        first.tolist(),
        last.tolist(),
        lo[first].tolist(),
        reach_so_far[last - 1].tolist(),
        strict=True,
    ):
        present = frozenset().union(*(alternatives[i] for i in set(ids[a:b].tolist())))
        pattern = plan.restricted(present)
        found.extend(
            m.start() for m in pattern.finditer(text, window_lo, window_hi) if m.end() > m.start()
        )
    if found:
        counts += np.bincount(corpus.doc_of(np.array(found, dtype=np.int64)), minlength=len(counts))
    return counts


def _full_counts(pattern: re.Pattern[str], corpus: _Corpus) -> np.ndarray:
    """Counts from one scan of the joined documents (slow for many-branched patterns)."""
    counts = np.zeros(len(corpus.docs), dtype=np.int64)
    spans = np.array(
        [m.span() for m in pattern.finditer(corpus.text) if m.end() > m.start()], dtype=np.int64
    ).reshape(-1, 2)
    if not len(spans):
        return counts
    doc = corpus.doc_of(spans[:, 0])
    inside = spans[:, 1] <= corpus.ends[doc]
    counts += np.bincount(doc[inside], minlength=len(counts))
    if not inside.all():
        # A match across a separator: recount every document it touched, on its own.
        last = corpus.doc_of(spans[~inside, 1] - 1)
        touched: set[int] = set()
        for a, b in zip(doc[~inside].tolist(), last.tolist(), strict=True):
            touched.update(range(a, b + 1))
        for d in touched:
            counts[d] = _count(pattern, corpus.docs[d])
    return counts


def pattern_counts(docs: Sequence[str], skills: Sequence[Skill]) -> np.ndarray:
    """How often each skill's patterns match in each document.

    Args:
        docs: document texts (e.g. title + abstract + public-health relevance).
        skills: the skills; those without ``patterns`` get a row of zeros.

    Returns:
        An ``int64`` array of shape ``(len(skills), len(docs))``: the number of non-overlapping,
        non-empty matches of skill *i*'s combined patterns in document *j*, as ``finditer`` on
        that document alone finds them.

    Raises:
        LexiconError: a skill's patterns cannot be combined (see :func:`compile_patterns`).

    Example:
        >>> from reporter_finder.rank.lexicon import load_lexicon
        >>> r = load_lexicon().skills["r_programming"]
        >>> pattern_counts(["analysed in R 4.3 with lme4", "an R01 on regression"], [r]).tolist()
        [[2, 0]]
    """
    counts = np.zeros((len(skills), len(docs)), dtype=np.int64)
    plans = [_plan(s.key, tuple(s.patterns)) if s.patterns else None for s in skills]
    if not docs or all(p is None for p in plans):
        return counts
    if any(_SEPARATOR in d for d in docs):
        for i, plan in enumerate(plans):
            if plan is not None:
                counts[i] = [_count(plan.pattern, d) for d in docs]
        return counts
    corpus = _Corpus(docs)
    # The trigger search costs a pass over the corpus: one pass for all the skills.
    windowed = [(i, plan) for i, plan in enumerate(plans) if plan and plan.triggers]
    first_id = np.cumsum([0] + [len(plan.triggers) for _, plan in windowed])
    starts, ids = corpus.find([t for _, plan in windowed for t in plan.triggers])
    owner = np.searchsorted(first_id, ids, side="right") - 1
    for j, (i, plan) in enumerate(windowed):
        mine = owner == j
        counts[i] = _windowed_counts(plan, corpus, starts[mine], ids[mine] - first_id[j])
    for i, plan in enumerate(plans):
        if plan is None or plan.triggers:
            continue
        if plan.anchored:
            counts[i] = [_count(plan.pattern, d) for d in docs]
        else:
            counts[i] = _full_counts(plan.pattern, corpus)
    return counts
