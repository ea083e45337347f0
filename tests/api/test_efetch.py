"""efetch: the defusedxml parser on the real PubMed samples, and PubMedClient.fetch_records
end to end over sockets against the PubMed stand-in (tests/pubmed_standin.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reporter_finder.api.cache import CacheSettings
from reporter_finder.api.efetch import (
    PubmedGrant,
    emails_in,
    normalize_orcid,
    parse_efetch,
)
from reporter_finder.api.pubmed import (
    EFETCH_BATCH_SIZE,
    INTERVAL_WITH_KEY,
    INTERVAL_WITHOUT_KEY,
    PubMedClient,
    PubmedRecord,
)
from reporter_finder.errors import (
    InvalidResponseError,
    OfflineCacheMissError,
    QueryError,
    RateLimitError,
    ReporterHTTPError,
)
from tests.conftest import FIXTURES
from tests.fakeclock import FakeClock
from tests.pubmed_standin import PubMedStandin, serve_pubmed

SAMPLES = sorted(FIXTURES.glob("pubmed-efetch-*.xml"))


def sample(pmid: int) -> bytes:
    (path,) = FIXTURES.glob(f"pubmed-efetch-{pmid}-*.xml")
    return path.read_bytes()


def record(pmid: int) -> PubmedRecord:
    (only,) = parse_efetch(sample(pmid))
    return only


# --- the parser ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name.split("-")[2])
def test_every_real_sample_parses_to_one_record_with_its_pmid(path: Path) -> None:
    (only,) = parse_efetch(path.read_bytes())
    assert only.pmid == int(path.name.split("-")[2])
    assert only.year is not None
    assert only.authors
    assert only.doi


def test_authors_carry_fore_and_last_names_initials_orcid_and_affiliation_emails() -> None:
    abbatt, wang = record(31712796).authors
    assert (abbatt.last_name, abbatt.fore_name, abbatt.initials) == (
        "Abbatt",
        "Jonathan P D",
        "JPD",
    )
    assert abbatt.orcid == "0000-0002-3372-334X"
    assert wang.orcid == "0000-0001-9565-8777"
    # One shared affiliation string ending with two addresses: both are read, for both authors.
    assert abbatt.affiliations[0].text == wang.affiliations[0].text
    assert abbatt.emails == ("jonathan.abbatt@utoronto.ca", "irenechen.wang@mail.utoronto.ca")
    assert abbatt.display_name == "Jonathan P D Abbatt"


def test_pmid_year_journal_title_doi_and_grants_are_read_by_explicit_path() -> None:
    rec = record(33967209)
    assert rec.pmid == 33967209
    assert rec.journal == "Curr Opin Crit Care"
    assert rec.title.startswith("Hemodynamic monitoring in cardiogenic sh")
    assert rec.doi == "10.1097/MCC.0000000000000838"
    assert len(rec.grants) == 6
    assert PubmedGrant("R01 EB029751", "EB", "NIBIB NIH HHS", "United States") in rec.grants
    assert rec.emails == ()


def test_comments_corrections_pmids_do_not_replace_the_record_pmid() -> None:
    rec = record(27797938)
    assert rec.pmid == 27797938
    assert len(rec.grants) == 35
    # Several <AffiliationInfo> per author are all kept.
    assert max(len(a.affiliations) for a in rec.authors) >= 2


def test_year_is_the_earlier_of_issue_and_electronic_dates() -> None:
    # ArticleDate 2019-11-12, issue 2020 Jan.
    assert record(31712796).pub_date == date(2019, 11, 12)
    assert record(31712796).year == 2019


def test_a_1987_record_without_affiliations_or_grants() -> None:
    rec = record(11618220)
    assert rec.year == 1987
    assert [a.affiliations for a in rec.authors] == [()]
    assert rec.grants == ()
    assert (rec.authors[0].last_name, rec.authors[0].initials) == ("McMahon", "K")


def test_forty_three_authors_keep_byline_order() -> None:
    rec = record(39142283)
    assert len(rec.authors) == 43
    assert rec.authors[0].emails == ("michael.parsons@qimrberghofer.edu.au",)
    assert rec.authors[-1].emails == ("amanda.spurdle@qimrberghofer.edu.au",)
    assert rec.emails == (
        "michael.parsons@qimrberghofer.edu.au",
        "amanda.spurdle@qimrberghofer.edu.au",
    )


def test_the_same_address_in_two_affiliations_is_one_address() -> None:
    schuster = record(38878148).authors[-1]
    assert len(schuster.affiliations) == 2
    assert all(a.emails == ("andreas_schuster@gmx.net",) for a in schuster.affiliations)
    assert schuster.emails == ("andreas_schuster@gmx.net",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Duarte, CA 91010, USA. Electronic address: yili@coh.org.", ("yili@coh.org",)),
        ("Halifax, Canada; email: eric.oliver@dal.ca.", ("eric.oliver@dal.ca",)),
        (
            "Toronto, Canada. jonathan.abbatt@utoronto.ca irenechen.wang@mail.utoronto.ca.",
            ("jonathan.abbatt@utoronto.ca", "irenechen.wang@mail.utoronto.ca"),
        ),
        ("Xiamen, China, 17786126601@163.com.", ("17786126601@163.com",)),
        ("Changsha\xa0410008,\xa0China. Electronic address: a_b@CSU.edu.CN..", ("a_b@csu.edu.cn",)),
        ("x@y.org and again X@Y.ORG", ("x@y.org",)),
        ("Department of Medicine, Boston, MA.", ()),
        ("@handle on social media; user@localhost", ()),
    ],
)
def test_emails_in_affiliation_text(text: str, expected: tuple[str, ...]) -> None:
    assert emails_in(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0000-0002-3372-334X", "0000-0002-3372-334X"),
        ("http://orcid.org/0000-0002-3372-334x", "0000-0002-3372-334X"),
        ("https://orcid.org/0000000233723340", "0000-0002-3372-3340"),
        ("not an orcid", None),
        (None, None),
    ],
)
def test_orcid_is_normalised(value: str | None, expected: str | None) -> None:
    assert normalize_orcid(value) == expected


def test_broken_xml_is_a_typed_error_carrying_the_parser_message() -> None:
    with pytest.raises(InvalidResponseError, match="not usable XML") as info:
        parse_efetch(sample(31712796)[:500], url="https://eutils.example.org/efetch.fcgi")
    assert info.value.url == "https://eutils.example.org/efetch.fcgi"
    assert info.value.body


@pytest.mark.parametrize(
    "body",
    [
        # billion laughs (shortened)
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<PubmedArticleSet>&b;</PubmedArticleSet>",
        # external entity (XXE)
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<PubmedArticleSet>&x;</PubmedArticleSet>",
    ],
    ids=["entity-expansion", "external-entity"],
)
def test_entities_are_refused_not_expanded(body: bytes) -> None:
    with pytest.raises(InvalidResponseError, match="not usable XML"):
        parse_efetch(body)


def test_ncbi_error_reply_carries_ncbi_words() -> None:
    body = b"<eFetchResult><ERROR>Cannot retrieve query: Backend failed</ERROR></eFetchResult>"
    with pytest.raises(InvalidResponseError, match="Backend failed"):
        parse_efetch(body)


def test_empty_id_list_reply_means_no_records() -> None:
    body = b"<eFetchResult>\n\t<ERROR>Empty id list - nothing todo</ERROR>\n</eFetchResult>"
    assert parse_efetch(body) == []


def test_a_maintenance_page_is_not_pubmed_xml() -> None:
    body = b"<html><body><h1>down_bethesda: maintenance</h1></body></html>"
    with pytest.raises(InvalidResponseError, match=r"not a PubmedArticleSet.*maintenance"):
        parse_efetch(body)


def test_a_book_article_is_read_from_its_book_document() -> None:
    body = (
        b"<PubmedArticleSet><PubmedBookArticle><BookDocument><PMID>20301295</PMID>"
        b"<Book><BookTitle>GeneReviews</BookTitle><PubDate><Year>2008</Year></PubDate></Book>"
        b"<AuthorList><Author><LastName>Smith</LastName><ForeName>Ann</ForeName>"
        b"<AffiliationInfo><Affiliation>Seattle. ann@uw.edu</Affiliation></AffiliationInfo>"
        b"</Author></AuthorList></BookDocument></PubmedBookArticle></PubmedArticleSet>"
    )
    (book,) = parse_efetch(body)
    assert (book.pmid, book.year, book.title) == (20301295, 2008, "GeneReviews")
    assert book.authors[0].emails == ("ann@uw.edu",)


# --- PubMedClient.fetch_records over sockets ---------------------------------------------------


@pytest.fixture
def standin() -> Iterator[PubMedStandin]:
    with serve_pubmed() as state:
        yield state


def client(standin: PubMedStandin, fake: FakeClock, **kwargs: Any) -> PubMedClient:
    kwargs.setdefault("cache", CacheSettings(mode="off"))
    return PubMedClient(
        base_url=standin.base_url,
        email="dev@example.org",
        clock=fake.clock,
        sleep=fake.sleep,
        **kwargs,
    )


def test_fetch_records_gets_the_samples_and_counts_the_missing_pmid(
    standin: PubMedStandin, fake: FakeClock
) -> None:
    with client(standin, fake) as pubmed:
        records = pubmed.fetch_records(["38170905", 31712796, 99999999, 31712796])
    assert [r.pmid for r in records] == [31712796, 38170905]
    assert records.missing == (99999999,)
    assert records.missing_count == 1
    assert records[1].authors[-1].emails == ("bsmoore@ucsd.edu",)
    ((method, endpoint, query),) = standin.calls
    assert (method, endpoint) == ("GET", "efetch.fcgi")
    assert query["id"] == ["31712796,38170905,99999999"]
    assert query["db"] == ["pubmed"]
    assert query["retmode"] == ["xml"]
    assert query["tool"] == ["reporter_finder"]
    assert query["email"] == ["dev@example.org"]


def test_only_unknown_pmids_give_no_records_and_count_them_all(
    standin: PubMedStandin, fake: FakeClock
) -> None:
    with client(standin, fake) as pubmed:
        records = pubmed.fetch_records([1, 2, 3])
    assert list(records) == []
    assert records.missing == (1, 2, 3)


@pytest.mark.parametrize(("api_key", "interval"), [("", INTERVAL_WITHOUT_KEY), ("k3y", 0.11)])
def test_long_id_lists_are_posted_in_throttled_batches_of_200(
    standin: PubMedStandin, fake: FakeClock, api_key: str, interval: float
) -> None:
    known = [int(p) for p in standin.articles]
    unknown = list(range(10_000_000, 10_000_000 + 2 * EFETCH_BATCH_SIZE + 27))
    with client(standin, fake, api_key=api_key) as pubmed:
        records = pubmed.fetch_records(known + unknown)
    assert sorted(r.pmid for r in records) == sorted(known)
    assert records.missing_count == len(unknown)
    sizes = [len(q["id"][0].split(",")) for _, _, q in standin.calls]
    assert sizes == [200, 200, len(known) + len(unknown) - 400]
    # 200 ids do not fit in a URL; the last 50 or so do.
    assert [m for m, _, _ in standin.calls] == ["POST", "POST", "GET"]
    for _, _, query in standin.calls:
        assert query["tool"] == ["reporter_finder"]
        assert query["email"] == ["dev@example.org"]
        assert query.get("api_key") == ([api_key] if api_key else None)
    assert fake.sleeps == [pytest.approx(interval)] * 2
    assert INTERVAL_WITH_KEY == 0.11
    assert 1 / interval <= (3.0 if not api_key else 10.0)


def test_a_broken_xml_body_is_fetched_again(standin: PubMedStandin, fake: FakeClock) -> None:
    standin.break_next(1)
    with client(standin, fake) as pubmed:
        records = pubmed.fetch_records([35195805])
    assert [r.pmid for r in records] == [35195805]
    assert len(standin.calls) == 2


def test_xml_broken_on_every_attempt_is_a_typed_error(
    standin: PubMedStandin, fake: FakeClock
) -> None:
    standin.break_next(5)
    with (
        client(standin, fake, max_attempts=2) as pubmed,
        pytest.raises(InvalidResponseError, match="not usable XML") as info,
    ):
        pubmed.fetch_records([35195805, 24084238])
    assert info.value.url == f"{standin.base_url}/efetch.fcgi"
    assert len(standin.calls) == 2


def test_a_429_is_retried_then_answered(standin: PubMedStandin, fake: FakeClock) -> None:
    standin.fail_next(429, times=1)
    with client(standin, fake) as pubmed:
        assert [r.pmid for r in pubmed.fetch_records([24084238])] == [24084238]
    assert len(standin.calls) == 2


def test_persistent_429_is_a_rate_limit_error(standin: PubMedStandin, fake: FakeClock) -> None:
    standin.fail_next(429, times=3)
    with client(standin, fake, max_attempts=3) as pubmed, pytest.raises(RateLimitError):
        pubmed.fetch_records([24084238])


def test_bad_pmids_are_query_errors(standin: PubMedStandin, fake: FakeClock) -> None:
    with client(standin, fake) as pubmed, pytest.raises(QueryError):
        pubmed.fetch_records(["PMC123"])
    assert standin.calls == []


def test_a_second_fetch_is_served_from_the_cache(
    standin: PubMedStandin, fake: FakeClock, tmp_path: Path
) -> None:
    cache = CacheSettings(path=tmp_path / "cache.sqlite")
    long_list = [int(p) for p in standin.articles] + list(range(10_000_000, 10_000_150))
    for _ in range(2):
        with client(standin, fake, cache=cache) as pubmed:
            assert len(pubmed.fetch_records(long_list)) == len(standin.articles)
            assert len(pubmed.fetch_records([38713950])) == 1
    assert [m for m, _, _ in standin.calls] == ["POST", "GET"]


def test_the_api_key_of_a_posted_batch_is_not_stored_in_the_cache(
    standin: PubMedStandin, fake: FakeClock, tmp_path: Path
) -> None:
    cache = CacheSettings(path=tmp_path / "http.sqlite")
    long_list = [int(p) for p in standin.articles] + list(range(10_000_000, 10_000_150))
    for _ in range(2):
        with client(standin, fake, cache=cache, api_key="s3cret-key") as pubmed:
            assert pubmed.fetch_records(long_list).missing_count == 150
    assert [m for m, _, _ in standin.calls] == ["POST"]
    assert standin.calls[0][2]["api_key"] == ["s3cret-key"]
    with sqlite3.connect(tmp_path / "http.sqlite") as db:
        blobs = [bytes(v) for (v,) in db.execute("SELECT value FROM responses")]
    assert blobs
    assert not any(b"s3cret-key" in blob for blob in blobs)


def test_offline_mode_raises_on_a_cache_miss(
    standin: PubMedStandin, fake: FakeClock, tmp_path: Path
) -> None:
    offline = CacheSettings(mode="offline", path=tmp_path / "c.sqlite")
    with client(standin, fake, cache=offline) as pubmed, pytest.raises(OfflineCacheMissError):
        pubmed.fetch_records([38170905])
    assert standin.calls == []


def test_fetched_records_feed_the_email_attribution(
    standin: PubMedStandin, fake: FakeClock
) -> None:
    from reporter_finder.leads.emails import MATCH_LOCAL_PART, attribute_email

    with client(standin, fake) as pubmed:
        records = pubmed.fetch_records([38170905, 36917814, 99999999])
    assert records.missing_count == 1
    found = attribute_email(records, "BRADLEY", "S", "MOORE", as_of=date(2026, 12, 1))
    assert found is not None
    assert (found.email, found.email_pmid, found.email_year, found.email_match) == (
        "bsmoore@ucsd.edu",
        38170905,
        2024,
        MATCH_LOCAL_PART,
    )
    assert found.outdated is False
    assert attribute_email(records, "Vikram", "V", "Shende") is None


def test_batches_fetched_before_a_failure_are_kept(standin: PubMedStandin, fake: FakeClock) -> None:
    known = sorted(int(p) for p in standin.articles)
    pmids = [*known, *range(90_000_000, 90_000_000 + EFETCH_BATCH_SIZE)]  # two batches
    kept: list[PubmedRecord] = []
    with client(standin, fake, max_attempts=1) as pubmed:
        batches = pubmed.iter_record_batches(pmids)
        first = next(batches)
        kept += first
        standin.fail_next(503)
        with pytest.raises(ReporterHTTPError):
            next(batches)
    assert [r.pmid for r in kept] == known
    assert first.missing_count == EFETCH_BATCH_SIZE - len(known)
