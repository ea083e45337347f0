"""A PI's e-mail address, taken from the affiliation of the PI in their own PubMed papers.

Pure: parsed efetch records (:mod:`reporter_finder.api.efetch`) in, one
:class:`EmailFinding` (or ``None``) out. The rules:

* Papers are read newest first; the first paper that yields an address wins.
* The PI is the author whose last name and first initial match and whose full name is close
  (rapidfuzz); when both the PI and an author carry an ORCID, the ORCID decides.
* Only addresses in *that author's* affiliations count. An address whose local part matches the
  PI's name is taken ("local part matches the name"). Otherwise the single address on the
  PI's affiliations is taken only when no other author carries it and the affiliation lists no
  other ("only author with this address"). An address on an affiliation shared with co-authors
  belongs to whoever it names, so without a name match it is left alone.
* An address is never made up from a pattern (``first.last@institution``).

Name folding comes from :mod:`reporter_finder.tables.people`, the one owner of name rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd
from rapidfuzz import fuzz

from reporter_finder.api.efetch import PubmedAuthor, PubmedRecord, normalize_orcid
from reporter_finder.api.pubmed import is_outage
from reporter_finder.errors import (
    InvalidResponseError,
    OfflineCacheMissError,
    ReporterError,
)
from reporter_finder.schema import EMAIL_LEAD_COLUMNS, RANK_COLUMNS
from reporter_finder.tables.people import fold_name, sort_name_parts

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.api.pubmed import PubMedClient
    from reporter_finder.api.reporter import ReporterClient
    from reporter_finder.tables.build import Tables

__all__ = [
    "AUTHOR_MATCH_SCORE",
    "DEFAULT_EMAIL_TOP",
    "MATCH_LOCAL_PART",
    "MATCH_ONLY_AUTHOR",
    "MATCH_ORCID",
    "OUTDATED_AFTER_YEARS",
    "PAPERS_PER_PI",
    "EmailFinding",
    "attribute_email",
    "emails_for_leads",
    "find_pi_author",
    "local_part_matches",
    "pi_emails",
]

#: ``email_match`` values. With an ORCID match the reason reads e.g.
#: ``"ORCID; local part matches the name"``.
MATCH_LOCAL_PART = "local part matches the name"
MATCH_ONLY_AUTHOR = "only author with this address"
MATCH_ORCID = "ORCID"
#: Addresses from papers more than this many years before ``as_of`` are flagged: about 18% of
#: MEDLINE addresses were invalid in 2019, ~2% more each year.
OUTDATED_AFTER_YEARS = 5
#: Minimum rapidfuzz score of the full given names (first + middle) when both sides spell a
#: first name out; initials alone are compared letter by letter.
AUTHOR_MATCH_SCORE = 80.0

_LETTERS = re.compile(r"[^a-z]+")


@dataclass(frozen=True)
class EmailFinding:
    """An address attributed to a PI, with its provenance.

    Attributes:
        email: the address, as printed (domain lower-cased).
        email_pmid: the paper it was found in.
        email_year: that paper's year (``None`` if PubMed gives none).
        email_match: why the address is the PI's (:data:`MATCH_LOCAL_PART`,
            :data:`MATCH_ONLY_AUTHOR`, prefixed ``"ORCID; "`` when the author was found by
            ORCID).
        outdated: the paper is more than :data:`OUTDATED_AFTER_YEARS` years older than
            ``as_of`` (or has no year): the address may no longer work.
        author: the author's name as printed in the paper.
    """

    email: str
    email_pmid: int
    email_year: int | None
    email_match: str
    outdated: bool
    author: str


# --- names -----------------------------------------------------------------------------------


def _compact(text: str) -> str:
    """Folded letters only: "Haire-Joshu" → "hairejoshu", "Yi-Jia" → "yijia"."""
    return _LETTERS.sub("", fold_name(text))


@dataclass(frozen=True)
class _Name:
    first: str  # compact
    middle: str  # compact
    last: str  # compact
    last_parts: tuple[str, ...]  # compact parts of a compound last name
    given: str  # folded "first middle"

    @classmethod
    def of(cls, first: str, middle: str, last: str) -> _Name:
        parts = tuple(p for p in (_compact(w) for w in fold_name(last).split()) if len(p) > 1)
        return cls(
            _compact(first),
            _compact(middle),
            _compact(last),
            parts,
            fold_name(f"{first} {middle}"),
        )

    @property
    def initials(self) -> str:
        return "".join(p[:1] for p in (self.first, self.middle) if p)


def _author_name(author: PubmedAuthor) -> _Name:
    fore = author.fore_name
    words = fore.split()
    if not words and author.initials:
        # "McMahon K K": initials only.
        words = list(author.initials)
    return _Name.of(words[0] if words else "", " ".join(words[1:]), author.last_name)


def _is_initials(text: str) -> bool:
    return len(text) <= 1


def _name_score(pi: _Name, author: _Name) -> float | None:
    """How well ``author`` matches ``pi`` (0–100), or ``None`` when last name or first
    initial disagree."""
    if not pi.last or pi.last != author.last:
        return None
    if not author.first or not pi.first:
        return None
    # A middle name used as the first name ("C. Titus Brown" publishing as "Titus Brown").
    initial_ok = author.first[0] == pi.first[0] or (pi.middle[:1] == author.first[0])
    if not initial_ok:
        return None
    if _is_initials(pi.first) or _is_initials(author.first):
        return 90.0 if author.first[0] == pi.first[0] else 80.0
    if pi.first.startswith(author.first) or author.first.startswith(pi.first):
        return 100.0
    if pi.middle and (author.first == pi.middle):
        return 90.0
    return max(
        fuzz.ratio(pi.first, author.first),
        fuzz.token_sort_ratio(pi.given, fold_name(" ".join([author.first, author.middle]))),
    )


def find_pi_author(
    record: PubmedRecord, pi_first: str, pi_middle: str, pi_last: str, orcid: str | None = None
) -> int | None:
    """The index in ``record.authors`` of the author who is the PI, or ``None``.

    By ORCID when the PI's is given and an author carries it; else by last name and first
    initial (or the PI's middle initial), then rapidfuzz on the given names
    (:data:`AUTHOR_MATCH_SCORE`; initials alone need only agree). An author whose ORCID differs
    from the PI's is someone else. Two co-authors matching equally well give ``None``.

    Example:
        >>> from reporter_finder.api.efetch import PubmedAuthor, PubmedRecord
        >>> paper = PubmedRecord(1, authors=(PubmedAuthor("Moore", "Bradley S", "BS"),))
        >>> find_pi_author(paper, "BRADLEY", "S", "MOORE")
        0
    """
    found = _find_author(record, _Name.of(pi_first, pi_middle, pi_last), normalize_orcid(orcid))
    return None if found is None else found[0]


def _find_author(record: PubmedRecord, pi: _Name, orcid: str | None) -> tuple[int, bool] | None:
    """(index, found by ORCID) of the PI among the authors of ``record``, or ``None``."""
    people = [(i, a) for i, a in enumerate(record.authors) if a.is_person]
    if orcid:
        for i, author in people:
            if author.orcid == orcid:
                return i, True
    scored: list[tuple[float, int]] = []
    for i, author in people:
        if orcid and author.orcid and author.orcid != orcid:
            continue  # both sides have an ORCID and they differ: another person
        score = _name_score(pi, _author_name(author))
        if score is not None and score >= AUTHOR_MATCH_SCORE:
            scored.append((score, i))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two co-authors match equally well: cannot tell which is the PI
    return scored[0][1], False


def local_part_matches(email: str, first: str, middle: str, last: str) -> bool:
    """Whether the part of ``email`` before ``@`` names this person.

    The letters of the local part must hold the last name (or one part of a compound last
    name), and what is left must be empty, start with the first or middle initial, or hold the
    first or middle name; or the letters must be the person's initials ("lh" for Liu Hong,
    "bsm"...). Digits and separators are ignored.

    Example:
        >>> local_part_matches("bsmoore@ucsd.edu", "Bradley", "S", "Moore")
        True
        >>> local_part_matches("eric.oliver@dal.ca", "Robert", "W", "Schlegel")
        False
    """
    return _local_matches(email, _Name.of(first, middle, last))


def _rest_names(rest: str, name: _Name) -> bool:
    """Whether ``rest`` (the local part without the last name) fits the given names."""
    if not rest:
        return True
    if len(rest) <= 3 and rest[0] in name.initials:
        return True  # "bs" + moore, "h" + yu, "meg" + sions
    for given in (name.first, name.middle):
        if len(given) > 2 and given in rest:
            return True  # "irenechen" + wang, "jonathan" + abbatt
        if len(rest) > 1 and given.startswith(rest):
            return True  # "yi" + li for Yi-Jia Li
    return False


def _local_matches(email: str, name: _Name) -> bool:
    tokens = [t for t in _LETTERS.split(email.partition("@")[0].lower()) if t]
    if not tokens or not name.last:
        return False
    for last in dict.fromkeys((name.last, *name.last_parts)):
        for i, token in enumerate(tokens):
            others = "".join(tokens[:i] + tokens[i + 1 :])
            # The last name is a whole token, or opens or closes one ("bsmoore", "liushao").
            if token == last or token.endswith(last):
                head = token[: len(token) - len(last)]
                if _rest_names(head + others, name):
                    return True
            if token.startswith(last) and _rest_names(token[len(last) :] + others, name):
                return True
    letters = "".join(tokens)
    fi, li = name.first[:1], name.last[0]
    combos = {fi + li, li + fi, name.initials + li, li + name.initials}
    return len(letters) <= 3 and letters in {c for c in combos if len(c) > 1}


# --- attribution -----------------------------------------------------------------------------


def _sort_key(record: PubmedRecord) -> tuple[date, int]:
    return (record.pub_date or date(record.year or 1, 1, 1), record.pmid)


def _from_record(record: PubmedRecord, index: int, name: _Name) -> tuple[str, str] | None:
    """(address, reason) for the PI at ``index`` of ``record``, or ``None``."""
    pi_author = record.authors[index]
    own = pi_author.emails
    if not own:
        return None
    carriers: dict[str, set[int]] = {}
    for i, author in enumerate(record.authors):
        for email in author.emails:
            carriers.setdefault(email.casefold(), set()).add(i)
    matching = [e for e in own if _local_matches(e, name)]
    for email in matching:
        # The address must not name a co-author who carries it as well ("wang@…" on an
        # affiliation shared by two Wangs).
        others = carriers[email.casefold()] - {index}
        if not any(
            record.authors[i].is_person and _local_matches(email, _author_name(record.authors[i]))
            for i in others
        ):
            return email, MATCH_LOCAL_PART
    if len(own) != 1:
        return None  # several addresses, none naming the PI: owner unknown
    email = own[0]
    if carriers[email.casefold()] != {index}:
        return None  # shared with co-authors and not naming the PI: owner unknown
    return email, MATCH_ONLY_AUTHOR


def attribute_email(
    records: Iterable[PubmedRecord],
    pi_first: str,
    pi_middle: str,
    pi_last: str,
    orcid: str | None = None,
    *,
    as_of: date | None = None,
) -> EmailFinding | None:
    """The PI's address from their newest paper that names one, or ``None``.

    Args:
        records: parsed efetch records of the PI's papers (any order).
        pi_first, pi_middle, pi_last: the PI's name parts (any case, accents or not; "" when
            unknown).
        orcid: the PI's ORCID, if known (bare or URL form).
        as_of: the date ``outdated`` is measured from (default: today).

    Returns:
        The finding with its provenance, or ``None`` when no paper carries an address that
        can be attributed to the PI (never a guessed address).

    Example:
        >>> attribute_email([], "Bradley", "S", "Moore") is None
        True
    """
    as_of = as_of or date.today()
    name = _Name.of(pi_first, pi_middle, pi_last)
    pi_orcid = normalize_orcid(orcid)
    for record in sorted(records, key=_sort_key, reverse=True):
        found = _find_author(record, name, pi_orcid)
        if found is None:
            continue
        index, by_orcid = found
        picked = _from_record(record, index, name)
        if picked is None:
            continue
        email, reason = picked
        return EmailFinding(
            email=email,
            email_pmid=record.pmid,
            email_year=record.year,
            email_match=f"{MATCH_ORCID}; {reason}" if by_orcid else reason,
            outdated=record.year is None or as_of.year - record.year > OUTDATED_AFTER_YEARS,
            author=record.authors[index].display_name,
        )
    return None


# --- the lead list -----------------------------------------------------------------------------

#: How many of the best-ranked PIs a lead list looks up addresses for, by default: each costs
#: PubMed requests, and an applicant writes to the top of the list first.
DEFAULT_EMAIL_TOP = 25
#: Newest linked papers read per PI: an address in a recent paper is the one to use, and ten
#: papers keep a lead list of 25 PIs to a couple of efetch requests.
PAPERS_PER_PI = 10


def _cannot_read(exc: ReporterError) -> bool:
    """PubMed is out (:func:`is_outage`), answering broken XML, or not cached (offline)."""
    return is_outage(exc) or isinstance(exc, (InvalidResponseError, OfflineCacheMissError))


def pi_emails(
    pubs: pd.DataFrame | None,
    tables: Tables,
    pi_keys: Sequence[str],
    *,
    pubmed_client: PubMedClient,
    as_of: date | None = None,
) -> tuple[dict[str, dict[str, Any]], str | None]:
    """Each PI's sourced address: ``{pi_key: {email, email_pmid, email_year, email_match}}``.

    ``pubs`` is :func:`~reporter_finder.leads.publications.pi_publications` of those PIs (their
    papers, newest first; at most :data:`PAPERS_PER_PI` are read each). The address is the one
    :func:`attribute_email` can show in the PI's own affiliation, never a guess;
    ``email_match`` says how sure, and ends with "; may be outdated" for a paper more than five
    years old. PIs without an address are left out.

    Returns:
        The addresses, and ``None`` or one sentence saying why addresses are missing (PubMed
        unreachable, rate-limited, failing or answering broken XML), for the caller to show.

    Raises:
        ReporterError: PubMed failures other than the above.
    """
    newest: dict[str, list[int]] = {}
    if pubs is not None:
        for key, pmid in zip(pubs["pi_key"], pubs["pmid"], strict=True):
            papers = newest.setdefault(str(key), [])
            if len(papers) < PAPERS_PER_PI:
                papers.append(int(pmid))
    problem = None
    records: dict[int, PubmedRecord] = {}
    wanted = sorted({p for papers in newest.values() for p in papers})
    try:
        for batch in pubmed_client.iter_record_batches(wanted):
            records.update((r.pmid, r) for r in batch)
    except ReporterError as exc:
        if not _cannot_read(exc):
            raise
        problem = f"PubMed could not be read ({exc.message})"
    names = dict(zip(tables.pis["pi_key"].astype(str), tables.pis["sort_name"], strict=True))
    found: dict[str, dict[str, Any]] = {}
    for key in pi_keys:
        own = [records[p] for p in newest.get(key, []) if p in records]
        finding = attribute_email(own, *sort_name_parts(names.get(key)), as_of=as_of)
        if finding is not None:
            outdated = "; may be outdated" if finding.outdated else ""
            found[key] = {
                "email": finding.email,
                "email_pmid": finding.email_pmid,
                "email_year": finding.email_year,
                "email_match": f"{finding.email_match}{outdated}",
            }
    if problem is not None:
        problem += f": {len(pi_keys) - len(found)} of {len(pi_keys)} PIs have no address"
    return found, problem


def emails_for_leads(
    ranked: pd.DataFrame,
    tables: Tables,
    *,
    reporter_client: ReporterClient,
    pubmed_client: PubMedClient,
    top: int | None = None,
    as_of: date | None = None,
) -> tuple[pd.DataFrame, str | None]:
    """Fill ``email``, ``email_pmid``, ``email_year`` and ``email_match`` for the best ``top``
    (:func:`pi_emails`; the papers come from ``ranked.attrs["publications"]`` when
    :func:`~reporter_finder.leads.publications.publications_for_leads` left them there).

    Returns:
        A copy of ``ranked`` with the four columns (empty where no address was found or the
        PI was not looked up), and ``None`` or one sentence saying why addresses are missing.

    Raises:
        ReporterError: RePORTER failures, and PubMed failures other than an outage.
    """
    from reporter_finder.leads.publications import pi_publications

    order = ranked.sort_values("rank", kind="stable") if "rank" in ranked.columns else ranked
    keys = [str(k) for k in order["pi_key"].head(len(order) if top is None else top)]
    pubs = ranked.attrs.get("publications")  # no second round of RePORTER links
    offline = None
    if pubs is None and keys:
        try:
            pubs = pi_publications(tables, keys, reporter_client=reporter_client)
        except OfflineCacheMissError:
            offline = "the papers' links are not in the cache (offline mode)"
            pubs = None
    found, problem = pi_emails(pubs, tables, keys, pubmed_client=pubmed_client, as_of=as_of)
    if offline is not None:
        problem = f"{offline}: {len(keys) - len(found)} of {len(keys)} PIs have no address"
    out = ranked.copy()
    for column in EMAIL_LEAD_COLUMNS:
        values = [found.get(str(k), {}).get(column, pd.NA) for k in out["pi_key"]]
        out[column] = pd.Series(values, index=out.index, dtype=RANK_COLUMNS[column])
    return out, problem
