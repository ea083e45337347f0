"""How a draft words the PI, the grant and a list: surname, file slug, quoted title, topic.

Pure text functions shared by :mod:`~reporter_finder.outreach.draft` and
:mod:`~reporter_finder.outreach.compose`; nothing here reads a table or a file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

from reporter_finder.cellformat import cell_text

__all__ = ["grant_topic", "join_words", "last_name", "name_slug", "quotable_title"]

_NAME_SUFFIXES: Final = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "md", "phd", "mph", "dvm", "do", "rn"}
)
_SMALL_WORDS: Final = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the"}
    | {"to", "via", "vs", "with", "without"}
)
_TOPIC_MAX_WORDS: Final = 7
# Words after which a grant title usually turns from "what" to "how" or "where".
_TOPIC_BREAKS: Final = frozenset(
    {"via", "using", "through", "by", "with", "from", "across", "among"}
)


def last_name(pi_name: str, sort_name: str = "") -> str:
    """The surname as displayed: from ``sort_name`` ("DE LA CRUZ, MARIA") cased like
    ``pi_name`` ("Maria de la Cruz") when it appears there."""
    surname = sort_name.split(",", 1)[0].strip() if "," in sort_name else ""
    if surname:
        match = re.search(rf"\b{re.escape(surname)}\b", pi_name, re.IGNORECASE)
        if match:
            return match.group(0)
        return _display_case(surname)
    words = [
        w for w in pi_name.replace(",", " ").split() if w.strip(".").lower() not in _NAME_SUFFIXES
    ]
    return _display_case(words[-1]) if words else pi_name


def _display_case(name: str) -> str:
    if name != name.upper():
        return name
    # "O'BRIEN-SMITH" → "O'Brien-Smith"
    return "-".join(
        "'".join(bit.capitalize() for bit in part.split("'")) for part in name.lower().split("-")
    )


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-") or "pi"


def name_slug(pi_name: str, sort_name: str) -> str:
    # "RIVERA, ANA M" → "rivera-ana"; the middle initial adds nothing to a file name.
    if "," in sort_name:
        last, first = (p.strip() for p in sort_name.split(",", 1))
        first_word = first.split()[0] if first.split() else ""
        return _slug(f"{last} {first_word}")
    words = pi_name.split()
    return _slug(" ".join([words[-1], *words[:1]]) if len(words) > 1 else pi_name)


def quotable_title(title: str) -> str:
    """A grant title fit for a sentence in quotes: sentence case if ALL CAPS, no final period,
    inner double quotes made single."""
    title = cell_text(title).strip().rstrip(".").replace('"', "'").strip("'").strip()
    if title and title == title.upper() and any(c.isalpha() for c in title):
        words = title.lower().split()
        # Tokens with digits (R01, COVID-19, 3D) are identifiers: keep them as written.
        original = title.split()
        words = [o if re.search(r"\d", o) else w for w, o in zip(words, original, strict=True)]
        title = " ".join(words)
        title = title[0].upper() + title[1:]
    return title


def grant_topic(title: str) -> str:
    """A short topic for the subject line, taken from the grant title.

    The part before a colon or dash is usually the project's name or theme; otherwise the
    words before the first "via/using/through/…" ("Uncovering therapeutic-associated
    biomarkers via machine learning …" → "Uncovering therapeutic-associated biomarkers");
    at most :data:`_TOPIC_MAX_WORDS` words, cut at a word boundary.
    """
    title = quotable_title(title)
    for sep in (": ", " - ", " – ", " — "):
        head, found, tail = title.partition(sep)
        if found:
            head_words = head.split()
            if 2 <= len(head_words) <= _TOPIC_MAX_WORDS and not re.fullmatch(r"[A-Z0-9-]+", head):
                return head.strip()
            if len(tail.split()) >= 2:
                title = tail.strip()
            break
    words = title.split()
    for i, word in enumerate(words):
        if i >= 3 and word.lower() in _TOPIC_BREAKS:
            words = words[:i]
            break
    if len(words) <= _TOPIC_MAX_WORDS:
        return " ".join(words).rstrip(",;")
    cut = words[:_TOPIC_MAX_WORDS]
    while cut and cut[-1].lower().strip(",;") in _SMALL_WORDS:
        cut.pop()
    return " ".join(cut).rstrip(",;") + "…"


def join_words(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]
