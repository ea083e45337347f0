"""The HTTP response cache: a requests-cache SQLite file in the user's cache directory.

RePORTER searches are POSTs, so the cache allows POST and keys on the (normalised) JSON body:
the same query, page and fields hit the same entry. Only 200 responses are stored; entries
expire after 7 days by default (RePORTER's data is updated weekly).

Modes:

* ``normal``: read from the cache, fetch and store what is missing or expired.
* ``refresh``: always fetch, and overwrite the cache with the new responses.
* ``offline``: never touch the network; serve cached responses (even expired ones) and
  raise :class:`~reporter_finder.errors.OfflineCacheMissError` for anything else.
* ``off``: no cache at all (a plain ``requests.Session``).

requests-cache is imported inside the functions, so that importing reporter_finder (and the
CLI's ``--help``) stays fast.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporter_finder.errors import InvalidArgumentError

if TYPE_CHECKING:  # pragma: no cover
    import requests

#: Environment variable that moves the cache directory (tests point it at a temp dir).
CACHE_DIR_ENV = "REPORTER_FINDER_CACHE_DIR"
CACHE_MODES = ("normal", "refresh", "offline", "off")
CACHE_FILE_NAME = "http_cache.sqlite"
#: RePORTER's data is refreshed weekly, so a week-old answer is as good as a new one.
DEFAULT_EXPIRE_AFTER = datetime.timedelta(days=7)


@dataclass(frozen=True)
class CacheSettings:
    """How the HTTP cache behaves.

    Attributes:
        mode: ``"normal"``, ``"refresh"``, ``"offline"`` or ``"off"`` (see the module doc).
        path: the SQLite file; ``None`` means :func:`default_cache_path`.
        expire_after: how long a stored response stays fresh.

    Example:
        >>> CacheSettings(mode="offline").mode
        'offline'
    """

    mode: str = "normal"
    path: Path | None = None
    expire_after: datetime.timedelta = DEFAULT_EXPIRE_AFTER

    def __post_init__(self) -> None:
        if self.mode not in CACHE_MODES:
            raise InvalidArgumentError(
                f"cache mode must be one of {', '.join(CACHE_MODES)}; got {self.mode!r}"
            )
        if self.path is not None and not isinstance(self.path, Path):
            object.__setattr__(self, "path", Path(self.path))
        if self.expire_after <= datetime.timedelta(0):
            raise InvalidArgumentError(f"expire_after must be positive, got {self.expire_after}")

    @property
    def resolved_path(self) -> Path:
        """The SQLite file actually used (``path`` or the default)."""
        return self.path if self.path is not None else default_cache_path()


def default_cache_path() -> Path:
    """The default cache file: ``<user cache dir>/reporter-finder/http_cache.sqlite``.

    The directory is the platform's user cache directory (``~/.cache/reporter-finder`` on
    Linux), or ``$REPORTER_FINDER_CACHE_DIR`` when that is set.
    """
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        directory = Path(override).expanduser()
    else:
        import platformdirs

        directory = Path(platformdirs.user_cache_dir("reporter-finder", appauthor=False))
    return directory / CACHE_FILE_NAME


def make_session(settings: CacheSettings | None = None) -> requests.Session:
    """A session that caches according to ``settings`` (a plain session for mode ``off``).

    The caller owns the returned session and should close it.
    """
    settings = settings or CacheSettings()
    if settings.mode == "off":
        import requests

        return requests.Session()
    import requests_cache

    path = settings.resolved_path
    path.parent.mkdir(parents=True, exist_ok=True)
    offline = settings.mode == "offline"
    session = requests_cache.CachedSession(
        str(path),
        backend="sqlite",
        expire_after=settings.expire_after,
        allowable_methods=("GET", "POST"),
        allowable_codes=(200,),
        # Offline: answer from the cache only (a miss becomes a 504 "Not Cached" response,
        # which the transport turns into OfflineCacheMissError), and accept expired entries.
        only_if_cached=offline,
        stale_if_error=offline,
    )
    if settings.mode == "refresh":
        # "no-cache" makes requests-cache skip the read but still store the new response.
        session.headers["Cache-Control"] = "no-cache"
    return session


def cache_info(settings: CacheSettings | None = None) -> dict[str, Any]:
    """Facts about the cache file: path, size in bytes, number of responses, oldest/newest.

    Returns ``{"path", "exists", "size_bytes", "responses", "fresh_responses", "oldest",
    "newest"}``; ``oldest``/``newest`` are datetimes (UTC) of when responses were stored, or
    ``None`` when the cache is empty.
    """
    settings = settings or CacheSettings()
    path = settings.resolved_path
    info: dict[str, Any] = {
        "path": path,
        "exists": path.exists(),
        "size_bytes": path.stat().st_size if path.exists() else 0,
        "responses": 0,
        "fresh_responses": 0,
        "oldest": None,
        "newest": None,
    }
    if not path.exists():
        return info
    from requests_cache.backends.sqlite import SQLiteCache

    backend = SQLiteCache(str(path))
    try:
        info["responses"] = backend.responses.count()
        info["fresh_responses"] = backend.responses.count(expired=False)
        # Entries are stored with expires = stored-at + expire_after, so the first and last by
        # expiry are the oldest and newest; this deserialises two responses, not all of them.
        first = list(backend.responses.sorted(key="expires", limit=1))
        last = list(backend.responses.sorted(key="expires", reversed=True, limit=1))
    finally:
        backend.close()
    if first and last:
        info["oldest"] = first[0].created_at
        info["newest"] = last[0].created_at
    return info


def clear_cache(settings: CacheSettings | None = None) -> int:
    """Delete every cached response; return how many there were.

    The file itself is kept (emptied), so concurrent sessions keep working.
    """
    settings = settings or CacheSettings()
    path = settings.resolved_path
    if not path.exists():
        return 0
    from requests_cache.backends.sqlite import SQLiteCache

    backend = SQLiteCache(str(path))
    try:
        count = len(backend.responses)
        backend.clear()
    finally:
        backend.close()
    return count
