"""The one way reporter_finder writes a file: atomically, so a crash never leaves half a file.

The data goes to a temporary file in the target's own folder (so the final rename stays on one
file system), is flushed and fsynced, gets its mode, and is renamed over the target with
:func:`os.replace`. On any failure the temporary file is removed and the target is untouched.

Modes: a file being replaced keeps its mode; a new output file gets what a normally created
file would get (``0666`` less the umask: ``0644`` under the usual umask 022), because
:func:`tempfile.mkstemp` creates ``0600`` files that a user's other tools could not read.
Private files (caches) pass ``mode=0o600``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_open", "atomic_write_text"]


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str],
    *,
    binary: bool = False,
    encoding: str = "utf-8",
    mode: int | None = None,
    replace: bool = True,
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; when the block ends without error, move it there.

    Text is written with ``newline=""``: callers (the csv module, a user's own line endings)
    choose their line endings. ``mode`` forces the file mode; by default see the module doc.
    ``replace=False`` never replaces an existing ``path``: the temporary file is hard-linked
    to it (an atomic "create if absent") instead of renamed over it.

    Raises:
        FileExistsError: ``replace`` is false and ``path`` exists (it is untouched).
        OSError: the folder is not writable, the disk is full, … (``path`` is unchanged).
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        if binary:
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _target_mode(target) if mode is None else mode)
        if replace:
            os.replace(temp, target)
        else:
            _link_new(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _link_new(temp: Path, target: Path) -> None:
    """Move ``temp`` to ``target`` only if ``target`` does not exist, atomically where the file
    system has hard links (elsewhere: check, then rename)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some network and FAT file systems)
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(temp, target)
        return
    temp.unlink()


def atomic_write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", mode: int | None = None
) -> Path:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_open`); returns the path.

    Raises:
        OSError: as :func:`atomic_open`.
    """
    with atomic_open(path, encoding=encoding, mode=mode) as handle:
        handle.write(text)
    return Path(path)


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777  # keep the mode of the file being replaced
    except OSError:
        # os.umask can only be read by setting it; restore it at once.
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
