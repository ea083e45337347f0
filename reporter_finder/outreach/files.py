"""Drafts on disk: a ``.txt`` with the sources of every claim, and an ``.eml`` for a mail program.

Each file is written atomically (:mod:`reporter_finder._files`): a crash never leaves half a
draft.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from reporter_finder._files import atomic_write_text
from reporter_finder.errors import OutreachError
from reporter_finder.outreach.draft import Draft

__all__ = ["draft_with_sources", "write_draft", "write_drafts"]


def write_drafts(
    drafts: Sequence[Draft], out_dir: str | os.PathLike[str], *, from_addr: str | None = None
) -> list[Path]:
    """Write each draft as ``NN-last-first.txt`` (subject, body, then its sources) and
    ``NN-last-first.eml``; ``NN`` is the position in ``drafts`` from 01.

    The folder is created if needed; files of the same name are replaced, each atomically
    (temporary file + :func:`os.replace`).

    Returns:
        The paths written, ``.txt`` then ``.eml`` for each draft.

    Raises:
        OutreachError: the folder or a file cannot be written.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutreachError(f"cannot create {out}: {exc.strerror or exc}") from exc
    width = max(2, len(str(len(drafts))))
    paths: list[Path] = []
    for i, draft in enumerate(drafts, 1):
        stem = f"{i:0{width}d}-{draft.slug}"
        paths.append(_atomic_write(out / f"{stem}.txt", draft_with_sources(draft)))
        paths.append(_atomic_write(out / f"{stem}.eml", draft.as_eml(from_addr=from_addr)))
    return paths


def draft_with_sources(draft: Draft) -> str:
    """The draft as text (subject, body) followed by the sources of its claims about the PI.

    The sources section is for the applicant to check before sending; it is marked as not
    part of the e-mail.
    """
    sources = "\n".join(f"- {fact}" for fact in draft.facts)
    return (
        draft.as_text()
        + "\n-- Sources (check before sending; not part of the e-mail) --\n"
        + sources
        + "\n"
    )


def write_draft(
    draft: Draft, path: str | os.PathLike[str], *, from_addr: str | None = None
) -> Path:
    """Write one draft to ``path``, atomically: an RFC 5322 message if the name ends in
    ``.eml``, else the text with its sources (:func:`draft_with_sources`).

    Raises:
        OutreachError: the file cannot be written.
    """
    target = Path(path)
    if target.suffix.lower() == ".eml":
        return _atomic_write(target, draft.as_eml(from_addr=from_addr))
    return _atomic_write(target, draft_with_sources(draft))


def _atomic_write(path: Path, text: str) -> Path:
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise OutreachError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
