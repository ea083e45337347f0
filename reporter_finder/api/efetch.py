"""PubMed ``efetch`` XML → records: authors, affiliations, e-mail addresses, ORCID, grants.

:func:`parse_efetch` is pure (bytes in, :class:`PubmedRecord` list out) and parses with
``defusedxml``, never plain ``xml.etree``, because the body comes from the network: entity
bombs and external entities raise instead of expanding. The DOCTYPE every PubMed reply starts
with is allowed (``forbid_dtd=False``) and never fetched.

Only explicit paths are read (``MedlineCitation/Article/...``, ``PubmedData/ArticleIdList``):
``.//PMID`` would also match the PMIDs of ``CommentsCorrections`` and ``.//ArticleId`` the
references. Text is read with ``itertext()`` (titles and affiliations may hold ``<i>``,
``<sup>``, MathML) and every run of white space, ``&#xa0;`` included, becomes one space.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse

from reporter_finder.dates import YEAR
from reporter_finder.errors import InvalidResponseError

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = [
    "PubmedAffiliation",
    "PubmedAuthor",
    "PubmedGrant",
    "PubmedRecord",
    "emails_in",
    "normalize_orcid",
    "parse_efetch",
]

logger = logging.getLogger(__name__)

#: The root of a normal reply, and of NCBI's error reply (``<ERROR>…</ERROR>`` inside).
ARTICLE_SET = "PubmedArticleSet"
ERROR_RESULT = "eFetchResult"
#: What efetch answers (HTTP 200) when none of the requested PMIDs exists.
EMPTY_ID_LIST = "Empty id list - nothing todo"

# An address anywhere in the text: "Electronic address: x@y.edu.", "; email: x@y.", a bare
# "x@y" at the end, several in a row. The domain ends in a 2+ letter label, so a final "."
# (end of the affiliation sentence) is never part of it.
_EMAIL = re.compile(
    r"(?<![\w.%+'-])([A-Za-z0-9][A-Za-z0-9._%+'-]*)@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?![\w-])"
)
_ORCID = re.compile(r"(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dXx])")
_WS = re.compile(r"\s+")
_MONTHS = {
    name: i
    for i, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@dataclass(frozen=True)
class PubmedAffiliation:
    """One ``<AffiliationInfo>`` of an author.

    Attributes:
        text: the affiliation, white space collapsed.
        emails: the addresses found in it, in order, each once (domain lower-cased, no final
            period).
    """

    text: str
    emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class PubmedAuthor:
    """One ``<Author>`` of the byline: a person, or a group (``collective_name``).

    Attributes:
        last_name, fore_name, initials, suffix: PubMed's name parts ("" when absent).
        collective_name: the group's name for a group author, else "".
        orcid: ``"0000-0002-1825-0097"`` form, or ``None``.
        affiliations: every ``<AffiliationInfo>``, in order.
        valid: ``False`` for ``ValidYN="N"`` (a name PubMed keeps only for retrieval).
    """

    last_name: str
    fore_name: str = ""
    initials: str = ""
    suffix: str = ""
    collective_name: str = ""
    orcid: str | None = None
    affiliations: tuple[PubmedAffiliation, ...] = ()
    valid: bool = True

    @property
    def is_person(self) -> bool:
        """A named person (not a group, not an invalid name)."""
        return self.valid and bool(self.last_name) and not self.collective_name

    @property
    def emails(self) -> tuple[str, ...]:
        """Every address in this author's affiliations, in order, each once."""
        return _unique(e for a in self.affiliations for e in a.emails)

    @property
    def display_name(self) -> str:
        """``"Jonathan P D Abbatt"``, or the group's name."""
        if self.collective_name:
            return self.collective_name
        return " ".join(p for p in (self.fore_name or self.initials, self.last_name) if p)


@dataclass(frozen=True)
class PubmedGrant:
    """One ``<Grant>`` as PubMed records it (not normalised: see the docs on grant ids)."""

    grant_id: str
    acronym: str = ""
    agency: str = ""
    country: str = ""


@dataclass(frozen=True)
class PubmedRecord:
    """What reporter_finder reads from one PubMed article.

    Attributes:
        pmid: the PubMed id.
        title: the article title ("" when absent).
        journal: the journal's ISO abbreviation, else ``MedlineTA``, else its title.
        year: publication year (the earlier of the issue and electronic dates), or ``None``.
        pub_date: the earlier of the issue date and the electronic date, or ``None``.
        authors: the byline, in order (persons and groups).
        authors_complete: ``False`` when PubMed marks the list incomplete (``CompleteYN="N"``).
        grants: the ``GrantList``, in order.
        doi: the DOI from ``PubmedData/ArticleIdList``, or ``None``.
    """

    pmid: int
    title: str = ""
    journal: str = ""
    year: int | None = None
    pub_date: date | None = None
    authors: tuple[PubmedAuthor, ...] = ()
    authors_complete: bool = True
    grants: tuple[PubmedGrant, ...] = ()
    doi: str | None = None

    @property
    def emails(self) -> tuple[str, ...]:
        """Every address on the paper, in byline order, each once."""
        return _unique(e for a in self.authors for e in a.emails)


# --- text helpers ----------------------------------------------------------------------------


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.casefold(), value)
    return tuple(seen.values())


def emails_in(text: str) -> tuple[str, ...]:
    """The e-mail addresses in ``text``, in order, each once; domains lower-cased.

    Example:
        >>> emails_in("Toronto, Canada. a.b@utoronto.ca c@Mail.Utoronto.ca.")
        ('a.b@utoronto.ca', 'c@mail.utoronto.ca')
    """
    found = []
    for match in _EMAIL.finditer(text):
        local = match.group(1).rstrip(".")
        if local:
            found.append(f"{local}@{match.group(2).lower()}")
    return _unique(found)


def normalize_orcid(value: str | None) -> str | None:
    """``"0000-0002-1825-0097"`` from a bare or URL-form ORCID, or ``None``.

    Example:
        >>> normalize_orcid("http://orcid.org/0000000218250097")
        '0000-0002-1825-0097'
    """
    match = _ORCID.search(value or "")
    if not match:
        return None
    return "-".join(match.groups()).upper()


def _text(element: Element | None) -> str:
    if element is None:
        return ""
    return _WS.sub(" ", "".join(element.itertext())).strip()


# --- records ---------------------------------------------------------------------------------


def _author(element: Element) -> PubmedAuthor:
    affiliations = []
    for info in element.findall("AffiliationInfo"):
        text = _text(info.find("Affiliation"))
        if text:
            affiliations.append(PubmedAffiliation(text, emails_in(text)))
    orcid = None
    for ident in element.findall("Identifier"):
        if (ident.get("Source") or "").upper() == "ORCID":
            orcid = normalize_orcid(_text(ident))
            if orcid:
                break
    return PubmedAuthor(
        last_name=_text(element.find("LastName")),
        fore_name=_text(element.find("ForeName")),
        initials=_text(element.find("Initials")),
        suffix=_text(element.find("Suffix")),
        collective_name=_text(element.find("CollectiveName")),
        orcid=orcid,
        affiliations=tuple(affiliations),
        valid=(element.get("ValidYN") or "Y").upper() != "N",
    )


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _date(element: Element | None) -> date | None:
    """A ``PubDate``/``ArticleDate``: Year [Month [Day]] | Year Season | MedlineDate."""
    if element is None:
        return None
    year = _int(_text(element.find("Year")))
    if year is None:
        match = YEAR.search(_text(element.find("MedlineDate")))
        return date(int(match.group(1)), 1, 1) if match else None
    month_text = _text(element.find("Month")).lower()
    month = _int(month_text) or _MONTHS.get(month_text[:3], 1)
    day = _int(_text(element.find("Day"))) or 1
    for candidate in ((year, month, day), (year, month, 1), (year, 1, 1)):
        try:
            return date(*candidate)
        except ValueError:
            continue
    return None  # pragma: no cover - (year, 1, 1) is always valid for a 4-digit year


def _record(article: Element) -> PubmedRecord | None:
    book = article.tag == "PubmedBookArticle"
    citation = article.find("BookDocument" if book else "MedlineCitation")
    if citation is None:
        return None
    pmid = _int(_text(citation.find("PMID")))
    if pmid is None:
        return None
    if book:
        body = citation
        author_list = citation.find("AuthorList")
        dates = [_date(citation.find("Book/PubDate"))]
        title = _text(citation.find("ArticleTitle")) or _text(citation.find("Book/BookTitle"))
        journal = ""
    else:
        article_element = citation.find("Article")
        if article_element is None:
            return None
        body = article_element
        author_list = body.find("AuthorList")
        dates = [_date(body.find("Journal/JournalIssue/PubDate"))]
        dates += [_date(d) for d in body.findall("ArticleDate")]
        title = _text(body.find("ArticleTitle"))
        journal = (
            _text(body.find("Journal/ISOAbbreviation"))
            or _text(citation.find("MedlineJournalInfo/MedlineTA"))
            or _text(body.find("Journal/Title"))
        )
    authors = () if author_list is None else tuple(map(_author, author_list.findall("Author")))
    grant_list = body.find("GrantList")
    grants = tuple(
        PubmedGrant(
            grant_id=_text(g.find("GrantID")),
            acronym=_text(g.find("Acronym")),
            agency=_text(g.find("Agency")),
            country=_text(g.find("Country")),
        )
        for g in ([] if grant_list is None else grant_list.findall("Grant"))
    )
    doi = None
    for ident in article.findall("PubmedData/ArticleIdList/ArticleId"):
        if ident.get("IdType") == "doi" and _text(ident):
            doi = _text(ident)
            break
    known = [d for d in dates if d is not None]
    pub_date = min(known) if known else None
    return PubmedRecord(
        pmid=pmid,
        title=title,
        journal=journal,
        year=pub_date.year if pub_date else None,
        pub_date=pub_date,
        authors=authors,
        authors_complete=(
            author_list is None or (author_list.get("CompleteYN") or "Y").upper() != "N"
        ),
        grants=grants,
        doi=doi,
    )


def parse_efetch(body: bytes, *, url: str | None = None) -> list[PubmedRecord]:
    """Parse a PubMed ``efetch`` XML reply (``db=pubmed&retmode=xml``) into records.

    Records keep the reply's order; articles without a readable PMID are skipped. NCBI's
    "nothing found" reply (``<eFetchResult><ERROR>Empty id list - nothing todo</ERROR>``) is
    an empty list: every PMID asked for is missing.

    Raises:
        InvalidResponseError: the body is not well-formed XML, holds a forbidden entity or
            external reference, is an ``eFetchResult`` with another ``ERROR`` (the message
            carries NCBI's words), or has some other root (e.g. an HTML maintenance page).

    Example:
        >>> parse_efetch(b"<PubmedArticleSet></PubmedArticleSet>")
        []
    """
    records: list[PubmedRecord] = []
    root: Element | None = None
    try:
        for event, element in iterparse(io.BytesIO(body), events=("start", "end")):
            if root is None:
                root = element
                if root.tag != ARTICLE_SET:
                    continue
            if root.tag != ARTICLE_SET or event != "end":
                continue
            if element.tag in ("PubmedArticle", "PubmedBookArticle"):
                record = _record(element)
                if record is not None:
                    records.append(record)
                else:
                    logger.debug("efetch: an article without a readable PMID was skipped")
                element.clear()  # keep memory flat on 200-record replies
    except (ParseError, DefusedXmlException) as exc:
        raise InvalidResponseError(
            f"PubMed efetch answer is not usable XML: {exc}",
            url=url,
            body=body[-300:],
            hint="PubMed may be having problems; try again later.",
        ) from exc
    if root is None:  # pragma: no cover - iterparse raises on an empty body
        raise InvalidResponseError("PubMed efetch answer is empty", url=url)
    if root.tag == ARTICLE_SET:
        return records
    if root.tag == ERROR_RESULT:
        message = "; ".join(_text(e) for e in root.iter("ERROR") if _text(e))
        if message == EMPTY_ID_LIST:
            return []
        raise InvalidResponseError(
            f"PubMed efetch failed: {message or 'no message'}",
            url=url,
            body=body[-300:],
            hint="Check the PMIDs; if they are right, PubMed may be having problems.",
        )
    raise InvalidResponseError(
        f"PubMed efetch answer is not a PubmedArticleSet (root <{root.tag}>): {_text(root)[:200]}",
        url=url,
        body=body[-300:],
        hint="PubMed may be down for maintenance; try again later.",
    )
