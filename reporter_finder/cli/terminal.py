"""Where the command line talks to the user: logging to stderr from ``-v``/``-q``, :func:`say`,
and whether a person is watching (``-q``, a terminal on stdin or stderr)."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from typing import Any

import click

_META_VERBOSE = "reporter_finder.verbose"
_META_QUIET = "reporter_finder.quiet"


# --- logging --------------------------------------------------------------------------------


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A handler that writes to whatever ``sys.stderr`` is *now*.

    click's test runner swaps ``sys.stderr`` for each invocation; a handler holding on to the
    stream it was created with would write into a closed buffer.
    """

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        """Ignored: the stream is always the current ``sys.stderr``."""


@contextlib.contextmanager
def _logging_to_stderr(verbose: bool, quiet: bool) -> Iterator[None]:
    """Route reporter_finder's log records to stderr for one command, then restore logging.

    Default: warnings and errors. ``-v``: DEBUG, including every HTTP request (urllib3 logs
    each one). ``-q``: errors only.
    """
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    handler = _StderrHandler()
    handler.setLevel(level)
    handler.setFormatter(
        logging.Formatter(
            "%(asctime)s %(levelname)s %(name)s: %(message)s"
            if verbose
            else "%(levelname)s: %(message)s"
        )
    )
    names = ["reporter_finder", *(["urllib3"] if verbose else [])]
    saved = []
    for name in names:
        target = logging.getLogger(name)
        saved.append((target, target.level))
        target.setLevel(level)
        target.addHandler(handler)
    try:
        yield
    finally:
        for target, old_level in saved:
            target.removeHandler(handler)
            target.setLevel(old_level)


def _quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get(_META_QUIET))


def say(message: str) -> None:
    """Tell the user something on stderr (silenced by ``-q``)."""
    if not _quiet():
        click.echo(message, err=True)


def warn_partial(note: str | None, where: str) -> None:
    """Say on stderr that ``where`` holds a partial result (even with ``-q``: it matters)."""
    if note is not None:
        click.echo(f"Warning: {where} holds a {note}", err=True)


def _stdin_is_terminal() -> bool:
    """Whether a person can answer a question (not a pipe, a script or CI)."""
    return sys.stdin.isatty()


def _progress_wanted() -> bool:
    return not _quiet() and sys.stderr.isatty()
