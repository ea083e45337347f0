"""cache: where the file lives, what is stored (POST bodies in the key, 200 only), the modes,
and cache_info/clear_cache."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import requests
import responses

from reporter_finder.api.cache import (
    CACHE_DIR_ENV,
    CacheSettings,
    cache_info,
    clear_cache,
    default_cache_path,
    make_session,
)
from reporter_finder.api.transport import HttpTransport
from reporter_finder.errors import InvalidArgumentError, OfflineCacheMissError, QueryError
from tests.fakeclock import FakeClock

BASE = "https://api.example.org/v2"
URL = f"{BASE}/projects/search"


def transport(settings: CacheSettings) -> HttpTransport:
    fake = FakeClock()
    return HttpTransport(BASE, session=make_session(settings), clock=fake.clock, sleep=fake.sleep)


def test_default_path_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "here"))
    assert default_cache_path() == tmp_path / "here" / "http_cache.sqlite"
    assert CacheSettings().resolved_path == default_cache_path()


def test_default_path_without_env_is_the_user_cache_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_DIR_ENV)
    path = default_cache_path()
    assert path.name == "http_cache.sqlite"
    assert path.parent.name == "reporter-finder"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"mode": "sometimes"}, "cache mode must be one of"),
        ({"expire_after": datetime.timedelta(0)}, "positive"),
    ],
)
def test_settings_validate(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        CacheSettings(**kwargs)  # type: ignore[arg-type]


def test_off_mode_is_a_plain_session() -> None:
    session = make_session(CacheSettings(mode="off"))
    assert type(session) is requests.Session


def test_normal_mode_caches_post_by_body_with_seven_day_expiry(
    tmp_path: Path, mocked: responses.RequestsMock
) -> None:
    settings = CacheSettings(path=tmp_path / "c.sqlite")
    mocked.post(URL, json={"n": 1})
    mocked.post(URL, json={"n": 2})
    t = transport(settings)
    assert t.request_json("POST", "projects/search", json={"a": 1, "b": 2}) == {"n": 1}
    # same body (keys in another order): cache hit
    assert t.request_json("POST", "projects/search", json={"b": 2, "a": 1}) == {"n": 1}
    # another body: a new request
    assert t.request_json("POST", "projects/search", json={"a": 2}) == {"n": 2}
    assert len(mocked.calls) == 2
    assert t.session.settings.expire_after == datetime.timedelta(days=7)  # type: ignore[attr-defined]
    info = cache_info(settings)
    assert info["responses"] == 2
    assert info["size_bytes"] > 0
    assert info["oldest"] <= info["newest"]


def test_error_responses_are_not_cached(tmp_path: Path, mocked: responses.RequestsMock) -> None:
    settings = CacheSettings(path=tmp_path / "c.sqlite")
    mocked.post(URL, status=400, body="bad")
    mocked.post(URL, json={"ok": True})
    t = transport(settings)
    with pytest.raises(QueryError, match="bad"):
        t.request_json("POST", "projects/search", json={"a": 1})
    assert t.request_json("POST", "projects/search", json={"a": 1}) == {"ok": True}
    assert cache_info(settings)["responses"] == 1


def test_truncated_body_is_not_left_in_the_cache(
    tmp_path: Path, mocked: responses.RequestsMock
) -> None:
    settings = CacheSettings(path=tmp_path / "c.sqlite")
    mocked.post(URL, body='{"trunc')
    mocked.post(URL, json={"whole": True})
    assert transport(settings).request_json("POST", "projects/search", json={}) == {"whole": True}
    assert transport(settings).request_json("POST", "projects/search", json={}) == {"whole": True}
    assert len(mocked.calls) == 2


def test_refresh_mode_always_fetches_and_stores(
    tmp_path: Path, mocked: responses.RequestsMock
) -> None:
    path = tmp_path / "c.sqlite"
    mocked.post(URL, json={"v": "old"})
    mocked.post(URL, json={"v": "new"})
    transport(CacheSettings(path=path)).request_json("POST", "projects/search", json={})
    refreshed = transport(CacheSettings(mode="refresh", path=path))
    assert refreshed.request_json("POST", "projects/search", json={}) == {"v": "new"}
    # normal mode now reads the refreshed entry without a request
    assert transport(CacheSettings(path=path)).request_json("POST", "projects/search", json={}) == {
        "v": "new"
    }
    assert len(mocked.calls) == 2


def test_offline_mode_serves_cached_even_expired_and_never_calls_out(
    tmp_path: Path, mocked: responses.RequestsMock
) -> None:
    path = tmp_path / "c.sqlite"
    mocked.post(URL, json={"v": 1})
    short = CacheSettings(path=path, expire_after=datetime.timedelta(microseconds=1))
    transport(short).request_json("POST", "projects/search", json={"q": 1})
    offline = transport(CacheSettings(mode="offline", path=path))
    assert offline.request_json("POST", "projects/search", json={"q": 1}) == {"v": 1}
    with pytest.raises(OfflineCacheMissError, match=r"not in the cache \(FY 2024\)"):
        offline.request_json("POST", "projects/search", json={"q": 2}, describe="FY 2024")
    assert len(mocked.calls) == 1


def test_cache_info_and_clear_on_missing_file(tmp_path: Path) -> None:
    settings = CacheSettings(path=tmp_path / "none.sqlite")
    info = cache_info(settings)
    assert (info["exists"], info["responses"], info["size_bytes"], info["oldest"]) == (
        False,
        0,
        0,
        None,
    )
    assert clear_cache(settings) == 0


def test_clear_cache_returns_the_number_removed(
    tmp_path: Path, mocked: responses.RequestsMock
) -> None:
    settings = CacheSettings(path=tmp_path / "c.sqlite")
    for i in range(3):
        mocked.post(URL, json={"i": i})
    t = transport(settings)
    for i in range(3):
        t.request_json("POST", "projects/search", json={"i": i})
    t.session.close()
    assert clear_cache(settings) == 3
    assert cache_info(settings)["responses"] == 0
