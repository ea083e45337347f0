"""Drafts on disk: the e-mail as ``.txt`` and ``.eml``, its sources in a file of their own.

A first draft to the lead ranked 3rd, Dr. Ana Rivera, is written as::

    03-rivera-ana.txt           Subject line and body: what you send
    03-rivera-ana.eml           the same as an unsent e-mail for a mail program
    03-rivera-ana.sources.txt   the source of every claim (never part of the e-mail)

and its follow-up as ``03-rivera-ana.followup.txt`` and ``.followup.eml``. No existing file
is replaced unless ``overwrite=True``: the names of a batch are all checked before the
first is written, so a refused batch writes nothing. Each file is written atomically
(:mod:`reporter_finder._files`): a crash never leaves half a draft.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from reporter_finder._files import atomic_write_text
from reporter_finder.errors import OutputExistsError, OutreachError
from reporter_finder.outreach.draft import Draft

__all__ = [
    "draft_stem",
    "draft_with_sources",
    "first_subject",
    "sources_text",
    "write_draft",
    "write_drafts",
]

FOLLOWUP = "followup"


def draft_stem(draft: Draft, position: int, width: int = 2) -> str:
    """``NN-last-first``: ``NN`` is the draft's lead rank (else its ``position``, from 1)."""
    return f"{draft.rank or position:0{width}d}-{draft.slug}"


def write_drafts(
    drafts: Sequence[Draft],
    out_dir: str | os.PathLike[str],
    *,
    from_addr: str | None = None,
    kind: str = "first",
    overwrite: bool = False,
) -> list[Path]:
    """Write each draft as ``NN-last-first.txt``, ``.eml`` and ``.sources.txt``
    (``kind="first"``) or as ``NN-last-first.followup.txt`` and ``.followup.eml``
    (``kind="followup"``). The folder is created if needed.

    Returns:
        The paths written, in order.

    Raises:
        OutputExistsError: a file exists and ``overwrite`` is false (nothing is written).
        OutreachError: the folder or a file cannot be written.
    """
    if kind not in ("first", FOLLOWUP):
        raise OutreachError(f"kind must be 'first' or 'followup'; got {kind!r}")
    out = Path(out_dir)
    width = max(2, len(str(max((d.rank or 0 for d in drafts), default=0))), len(str(len(drafts))))
    planned: list[tuple[Path, str]] = []
    for position, draft in enumerate(drafts, 1):
        stem = draft_stem(draft, position, width)
        if kind == FOLLOWUP:
            stem += f".{FOLLOWUP}"
        planned.append((out / f"{stem}.txt", draft.as_text()))
        planned.append((out / f"{stem}.eml", draft.as_eml(from_addr=from_addr)))
        if kind == "first":
            planned.append((out / f"{stem}.sources.txt", sources_text(draft)))
    _refuse_existing([path for path, _ in planned], overwrite)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutreachError(f"cannot create {out}: {exc.strerror or exc}") from exc
    return [_atomic_write(path, text) for path, text in planned]


def _refuse_existing(paths: Sequence[Path], overwrite: bool) -> None:
    existing = [p for p in paths if p.exists()]
    if existing and not overwrite:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise OutputExistsError(
            f"{existing[0]} exists{more}; nothing was written",
            path=str(existing[0]),
            hint="Pass overwrite=True to replace the drafts, or write to another folder.",
        )


def sources_text(draft: Draft) -> str:
    """The sources of a draft's claims, for the applicant to check before sending."""
    lines = [
        f"Sources of the draft to {draft.to_name} (check before sending; not part of the e-mail)",
        f"Subject: {draft.subject}",
        "",
        *(f"- {fact}" for fact in draft.facts),
    ]
    return "\n".join(lines) + "\n"


def draft_with_sources(draft: Draft) -> str:
    """The draft as text (subject, body) followed by the sources of its claims, marked as
    not part of the e-mail (for one draft shown on a screen)."""
    facts = "\n".join(f"- {fact}" for fact in draft.facts)
    return (
        draft.as_text()
        + "\n-- Sources (check before sending; not part of the e-mail) --\n"
        + facts
        + "\n"
    )


def first_subject(out_dir: str | os.PathLike[str], draft: Draft) -> str | None:
    """The subject of the first draft to the same PI in ``out_dir``, as the applicant left
    it (``NN-last-first.txt``); None when there is no such file."""
    name = re.compile(rf"\d+-{re.escape(draft.slug)}\.txt")
    found = sorted(p for p in Path(out_dir).glob(f"*-{draft.slug}.txt") if name.fullmatch(p.name))
    # Prefer the file of the same rank: two leads may share a name slug.
    same = [p for p in found if draft.rank is not None and int(p.name.split("-")[0]) == draft.rank]
    for path in same or found[:1]:
        try:
            first_line = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
        except (OSError, UnicodeDecodeError):
            return None
        if first_line.lower().startswith("subject:"):
            return first_line.split(":", 1)[1].strip() or None
    return None


def write_draft(
    draft: Draft,
    path: str | os.PathLike[str],
    *,
    from_addr: str | None = None,
    overwrite: bool = False,
) -> Path:
    """Write one draft to ``path``, atomically: an RFC 5322 message if the name ends in
    ``.eml``, else the text with its sources (:func:`draft_with_sources`).

    Raises:
        OutputExistsError: the file exists and ``overwrite`` is false.
        OutreachError: it cannot be written.
    """
    target = Path(path)
    _refuse_existing([target], overwrite)
    if target.suffix.lower() == ".eml":
        return _atomic_write(target, draft.as_eml(from_addr=from_addr))
    return _atomic_write(target, draft_with_sources(draft))


def _atomic_write(path: Path, text: str) -> Path:
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise OutreachError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
