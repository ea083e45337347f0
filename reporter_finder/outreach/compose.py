"""Cold e-mail drafts to PIs, written from their RePORTER data (four-part format).

A draft has four short parts:

1. **About the professor**: the PI's specific grant, by title and number (and funding years),
   and, when known, a recent paper linked to that PI's grants.
2. **The bridge**: why this PI, stated only through overlaps that exist in the data: the
   applicant's specialty and skill terms found in the grant title, or the terms the ranker
   matched in the PI's grants.
3. **About the applicant**: background, skills, the position sought and its timeline.
4. **Call to action**: CV attached, a 15-minute call.

Every statement about the PI comes from the tables and is recorded in :attr:`Draft.facts`, so
the applicant can check it before sending. There is no flattery: the packaged templates never
use the words in :data:`BANNED_WORDS`, and a user template that does is refused.

The wording lives in package data files (``templates/email.txt``,
``templates/followup.txt``): :class:`string.Template` text with ``${placeholder}`` names
(see :data:`PLACEHOLDERS`). The first line is ``Subject: …``; the rest is the body. A user
template (``--template FILE``) has the same form.
"""

from __future__ import annotations

import email.policy
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder._files import atomic_write_text
from reporter_finder.dates import parse_sheet_date
from reporter_finder.errors import OutreachError
from reporter_finder.schema import TRACK_POSITIONS

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.tables.build import Tables

logger = logging.getLogger(__name__)

__all__ = [
    "BANNED_WORDS",
    "MAX_WORDS",
    "PLACEHOLDERS",
    "Applicant",
    "Draft",
    "draft_batch",
    "draft_email",
    "draft_followup",
    "draft_for_pi",
    "draft_with_sources",
    "load_template",
    "write_draft",
    "write_drafts",
]

#: A cold e-mail a busy PI reads to the end is short; drafts above this are logged.
MAX_WORDS = 200
#: Generic flattery: PIs read it as a mass mailing. Templates containing these are refused.
BANNED_WORDS = (
    "renowned",
    "world-class",
    "world class",
    "esteemed",
    "groundbreaking",
    "ground-breaking",
    "pioneering",
    "prestigious",
    "distinguished",
    "eminent",
    "illustrious",
    "legendary",
)
#: Placeholders a template may use (``${name}``); unknown names are an error.
PLACEHOLDERS = (
    "applicant_name",
    "applicant_email",
    "applicant_email_line",  # "\n<email>" or ""
    "background",
    "skills",  # "R, REDCap and survival analysis"
    "skills_sentence",  # " My skills include …." or ""
    "specialty",
    "specialty_phrase",  # " in <specialty>" or ""
    "track_phrase",  # "a clinical research position" / "a postdoctoral research position" / …
    "duration",
    "visa",
    "timeline_sentence",  # " I am looking for … for 12–24 months, on a J-1 visa." or ""
    "pi_name",
    "pi_last_name",
    "salutation",  # "Dr. Rivera"
    "organization",
    "grant_title",
    "grant_number",
    "grant_years",  # ", funded 2021–2025" or ""
    "grant_url",
    "topic",
    "paper_title",
    "paper_journal",
    "paper_year",
    "pmid",
    "paper_sentence",  # ' I also read "…" (Journal, 2025), a paper from that grant.' or ""
    "bridge_sentence",
    "sent_on",  # follow-ups: " of November 3" or ""
)

_TEMPLATE_FILES = {"email": "email.txt", "followup": "followup.txt"}
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "md", "phd", "mph", "dvm", "do", "rn"})
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the"}
    | {"to", "via", "vs", "with", "without"}
)
_TOPIC_MAX_WORDS = 7
# Words after which a grant title usually turns from "what" to "how" or "where".
_TOPIC_BREAKS = frozenset({"via", "using", "through", "by", "with", "from", "across", "among"})


# --- data classes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Applicant:
    """The person writing the e-mails.

    Attributes:
        name: full name as it should appear in the signature, e.g. ``"Ana Rivera"``.
        background: a phrase completing "I am <name>, …", e.g. ``"an internal medicine
            graduate from Peru with two years of clinical research experience"``.
        skills: skills to mention, e.g. ``("REDCap", "R", "survival analysis")``.
        specialty: the clinical specialty of interest, e.g. ``"cardiology"``.
        track: ``"clinical"``, ``"postdoc"`` or ``"any"`` (the position sought).
        duration: how long, e.g. ``"12–24 months"``.
        visa: e.g. ``"J-1"``.
        email: the applicant's address (signature line and ``From`` of the .eml).

    Raises:
        OutreachError: name or background is blank, or ``track`` is unknown.
    """

    name: str
    background: str
    skills: tuple[str, ...] = ()
    specialty: str | None = None
    track: str = "any"
    duration: str | None = None
    visa: str | None = None
    email: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise OutreachError("the applicant's name is empty", hint="Pass --name.")
        if not self.background.strip():
            raise OutreachError(
                "the applicant's background is empty",
                hint='Pass --background "a phrase completing: I am <name>, …".',
            )
        if self.track not in TRACK_POSITIONS:
            raise OutreachError(
                f"track must be one of {', '.join(TRACK_POSITIONS)}; got {self.track!r}"
            )
        skills = self.skills
        if isinstance(skills, str):  # "R; REDCap" from a CLI option or a CSV cell
            skills = tuple(re.split(r"\s*[;,]\s*", skills))
        object.__setattr__(self, "skills", tuple(s.strip() for s in skills if s and s.strip()))
        # "a graduate …." would end the sentence twice.
        object.__setattr__(self, "background", self.background.strip().rstrip("."))


@dataclass(frozen=True)
class Draft:
    """One e-mail draft and where each statement about the PI came from.

    Attributes:
        subject: ``"Research Inquiry: <Applicant> – <topic>"``.
        body: the e-mail text (greeting to signature), ``\\n`` line endings.
        to_name: the PI's display name.
        profile_id: the PI's RePORTER profile id, if known.
        facts: the data behind each claim about the PI (grant number, title, years, URL;
            PMID, title, journal, year; matched terms), one string each.
        pi_key: the PI's key in the tables (``str(profile_id)`` or a name key).
        grant_number, grant_title: the grant cited.
        pmid: the paper cited, if any.
        topic: the short topic used in the subject.
        salutation: ``"Dr. <Last>"``.
        slug: a file-name-safe ``"last-first"`` form of the PI's name.
        from_addr: the applicant's e-mail address, if given.
    """

    subject: str
    body: str
    to_name: str
    profile_id: int | None
    facts: tuple[str, ...]
    pi_key: str | None = None
    grant_number: str | None = None
    grant_title: str | None = None
    pmid: int | None = None
    topic: str = ""
    salutation: str = ""
    slug: str = "pi"
    from_addr: str | None = None
    applicant_name: str = ""

    @property
    def word_count(self) -> int:
        """Words in the body (whitespace-separated tokens that contain a letter or digit)."""
        return sum(1 for token in self.body.split() if re.search(r"\w", token))

    def as_text(self) -> str:
        """The draft as plain text: ``Subject:`` line, blank line, body."""
        return f"Subject: {self.subject}\n\n{self.body}\n"

    def as_eml(self, from_addr: str | None = None, to_addr: str | None = None) -> str:
        """The draft as an RFC 5322 message (UTF-8, CRLF line endings), for a mail program.

        ``X-Unsent: 1`` makes Outlook and Thunderbird open it as an editable draft. ``To`` is
        set only when ``to_addr`` is given (RePORTER has no e-mail addresses).
        """
        msg = EmailMessage(policy=email.policy.SMTP)
        msg["Subject"] = self.subject
        sender = from_addr or self.from_addr
        if sender:
            msg["From"] = f"{self.applicant_name} <{sender}>" if self.applicant_name else sender
        if to_addr:
            msg["To"] = f"{self.to_name} <{to_addr}>"
        msg["X-Unsent"] = "1"
        msg.set_content(self.body + "\n", charset="utf-8")
        return msg.as_string()


# --- templates -------------------------------------------------------------------------------


def load_template(source: str | os.PathLike[str] | None = None, *, kind: str = "email") -> str:
    """Template text: the packaged one for ``kind`` (``"email"`` or ``"followup"``), or a file.

    Raises:
        OutreachError: the file cannot be read, or ``kind`` is unknown.
    """
    if source is None:
        if kind not in _TEMPLATE_FILES:
            raise OutreachError(f"unknown template kind {kind!r}")
        ref = resources.files("reporter_finder.outreach") / "templates" / _TEMPLATE_FILES[kind]
        return ref.read_text(encoding="utf-8")
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise OutreachError(f"cannot read template {path}: {exc}") from exc


def _render(template: str, values: Mapping[str, str]) -> tuple[str, str]:
    """Fill a template; return (subject, body)."""
    text = template.replace("\r\n", "\n").replace("\r", "\n")
    banned = [w for w in BANNED_WORDS if re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE)]
    if banned:
        raise OutreachError(
            f"the template uses generic flattery: {', '.join(banned)}",
            hint="Say something specific about the PI's work instead.",
        )
    for match in Template.pattern.finditer(text):
        name = match.group("named") or match.group("braced")
        if name and name not in PLACEHOLDERS:
            raise OutreachError(
                f"the template uses an unknown placeholder ${{{name}}}",
                hint=f"Known placeholders: {', '.join(PLACEHOLDERS)}.",
            )
        if match.group("invalid") is not None:
            raise OutreachError(
                "the template has a '$' that is not a placeholder (write $$ for a dollar sign)"
            )
    filled = Template(text).substitute({k: values.get(k, "") for k in PLACEHOLDERS})
    first, _, rest = filled.partition("\n")
    if not first.lower().startswith("subject:"):
        raise OutreachError("the template's first line must be 'Subject: …'")
    subject = " ".join(first.split(":", 1)[1].split())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in rest.split("\n")))
    return subject, body.strip("\n")


# --- names and text --------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return " ".join(str(value).split())


def _last_name(pi_name: str, sort_name: str = "") -> str:
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


def _name_slug(pi_name: str, sort_name: str) -> str:
    # "RIVERA, ANA M" → "rivera-ana"; the middle initial adds nothing to a file name.
    if "," in sort_name:
        last, first = (p.strip() for p in sort_name.split(",", 1))
        first_word = first.split()[0] if first.split() else ""
        return _slug(f"{last} {first_word}")
    words = pi_name.split()
    return _slug(" ".join([words[-1], *words[:1]]) if len(words) > 1 else pi_name)


def _clean_title(title: str) -> str:
    """A grant title fit for a sentence in quotes: sentence case if ALL CAPS, no final period,
    inner double quotes made single."""
    title = _text(title).strip().rstrip(".").replace('"', "'").strip("'").strip()
    if title and title == title.upper() and any(c.isalpha() for c in title):
        words = title.lower().split()
        # Tokens with digits (R01, COVID-19, 3D) are identifiers: keep them as written.
        original = title.split()
        words = [o if re.search(r"\d", o) else w for w, o in zip(words, original, strict=True)]
        title = " ".join(words)
        title = title[0].upper() + title[1:]
    return title


def _topic(title: str) -> str:
    """A short topic for the subject line, taken from the grant title.

    The part before a colon or dash is usually the project's name or theme; otherwise the
    words before the first "via/using/through/…" ("Uncovering therapeutic-associated
    biomarkers via machine learning …" → "Uncovering therapeutic-associated biomarkers");
    at most :data:`_TOPIC_MAX_WORDS` words, cut at a word boundary.
    """
    title = _clean_title(title)
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


def _join(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _term_pattern(term: str) -> re.Pattern[str]:
    # Short terms ("R", "ML", "EHR") match case-sensitively: "r" is inside every title.
    flags = 0 if len(term) <= 3 else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?:s|es)?(?![\w-])", flags)


def _found_in(terms: Iterable[str], text: str) -> list[str]:
    found: list[str] = []
    for term in terms:
        term = _text(term)
        duplicate = term.lower() in (f.lower() for f in found)
        if term and not duplicate and _term_pattern(term).search(text):
            found.append(term)
    return found


def _as_terms(value: Any) -> list[str]:
    """matched_terms from a lead: a list, or a "; "-joined CSV cell."""
    if value is None or value is pd.NA:
        return []
    if isinstance(value, str):
        return [t.strip() for t in value.split(";") if t.strip()]
    if isinstance(value, float) and value != value:
        return []
    return [_text(t) for t in value if _text(t)]


# --- choosing what to cite -------------------------------------------------------------------


def _pi_key(pi: Mapping[str, Any]) -> str | None:
    key = _text(pi.get("pi_key"))
    if key:
        return key
    profile = _profile(pi.get("profile_id"))
    return str(profile) if profile is not None else None


def _profile(value: Any) -> int | None:
    text = _text(value)
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and number > 0 else None


def _own_grants(grants: pd.DataFrame, pi_key: str | None, pi_name: str) -> pd.DataFrame:
    if grants.empty:
        raise OutreachError(
            f"no grants given for {pi_name or 'the PI'}: a draft must cite one of their grants"
        )
    if "pi_keys" not in grants.columns or pi_key is None:
        return grants
    mine = grants[grants["pi_keys"].map(lambda keys: _has_key(keys, pi_key))]
    if mine.empty:
        raise OutreachError(
            f"none of the grants given lists {pi_name or pi_key} as a PI",
            hint="Pass the PI's own grants (tables.grants filtered on pi_keys).",
        )
    return mine


def _has_key(keys: Any, pi_key: str) -> bool:
    if isinstance(keys, str):
        return pi_key in (k.strip() for k in keys.split(";"))
    try:
        return pi_key in {str(k) for k in keys}
    except TypeError:
        return False


def _choose_grant(grants: pd.DataFrame, terms: Sequence[str]) -> tuple[pd.Series, list[str]]:
    """The grant to cite: active first, then one whose title matches the applicant's terms,
    then the most recent. Returns the row and the terms found in its title."""
    best: tuple[Any, ...] | None = None
    chosen: pd.Series | None = None
    chosen_terms: list[str] = []
    for _, row in grants.iterrows():
        title = _text(row.get("project_title"))
        if not title or not _text(row.get("core_project_num")):
            continue
        found = _found_in(terms, title)
        active = row.get("is_active")
        end = row.get("project_end_date")
        key = (
            bool(active) if active is not None and active is not pd.NA else False,
            len(found),
            _int(row.get("last_fiscal_year")),
            pd.Timestamp(end).value if end is not None and not pd.isna(end) else 0,
            _text(row.get("core_project_num")),
        )
        if best is None or key > best:
            best, chosen, chosen_terms = key, row, found
    if chosen is None:
        raise OutreachError("the PI's grants have no title or number to cite")
    return chosen, chosen_terms


def _int(value: Any) -> int:
    try:
        return int(value) if value is not None and not pd.isna(value) else 0
    except (TypeError, ValueError):
        return 0


def _choose_paper(
    publications: pd.DataFrame | None, pi_key: str | None, profile_id: int | None, grant: str
) -> pd.Series | None:
    """The PI's most recent paper with a title, preferring one from the cited grant."""
    if publications is None or publications.empty:
        return None
    pubs = publications
    if pi_key is not None and "pi_key" in pubs.columns:
        pubs = pubs[pubs["pi_key"].astype("string") == pi_key]
    elif profile_id is not None and "profile_id" in pubs.columns:
        pubs = pubs[pubs["profile_id"].map(_profile) == profile_id]
    else:
        return None  # cannot tell whose papers these are: cite none rather than a stranger's
    pubs = pubs[pubs["title"].map(lambda t: bool(_text(t)))]
    if pubs.empty:
        return None
    dates = (
        pd.to_datetime(pubs["pub_date"], errors="coerce")
        if "pub_date" in pubs.columns
        else pd.Series(pd.NaT, index=pubs.index)
    )
    order = pubs.assign(
        _same=pubs["core_project_num"].astype("string") == grant,
        _date=dates,
    ).sort_values(["_same", "_date", "pmid"], ascending=False, na_position="last")
    return order.iloc[0]


# --- drafting --------------------------------------------------------------------------------


def draft_email(
    pi: Mapping[str, Any],
    grants: pd.DataFrame,
    applicant: Applicant,
    *,
    publications: pd.DataFrame | None = None,
    matched_terms: Iterable[str] = (),
    template: str | None = None,
) -> Draft:
    """Write a four-part cold e-mail to one PI from their data.

    Args:
        pi: the PI's row (``pi_name``; ideally ``pi_key``, ``profile_id``, ``sort_name``,
            ``organization``).
        grants: the PI's grants (``GRANT_COLUMNS``; at least ``core_project_num`` and
            ``project_title``). With a ``pi_keys`` column, grants not listing the PI are
            ignored, so a draft never cites someone else's grant.
        applicant: who writes.
        publications: :func:`~reporter_finder.leads.publications.pi_publications` output; only the
            PI's own rows (``pi_key`` / ``profile_id``) with a title are considered.
        matched_terms: terms the ranker matched in the PI's grants (used in the bridge when
            the cited title itself has none of the applicant's terms).
        template: template text (see :func:`load_template`); default the packaged one.

    Returns:
        The :class:`Draft`; a body above :data:`MAX_WORDS` words is logged as a warning.

    Raises:
        OutreachError: no grant of the PI can be cited, or the template is invalid.

    Example:
        >>> draft = draft_email(pi_row, pi_grants, Applicant("Ana Rivera", "…"))  # doctest: +SKIP
    """
    pi_name = _text(pi.get("pi_name"))
    if not pi_name:
        raise OutreachError("the PI row has no pi_name")
    pi_key = _pi_key(pi)
    profile_id = _profile(pi.get("profile_id"))
    grant, title_terms = _choose_grant(
        _own_grants(grants, pi_key, pi_name),
        [*(t for t in (applicant.specialty,) if t), *applicant.skills, *matched_terms],
    )
    number = _text(grant.get("core_project_num"))
    raw_title = _text(grant.get("project_title"))
    title = _clean_title(raw_title)
    first_fy, last_fy = _int(grant.get("first_fiscal_year")), _int(grant.get("last_fiscal_year"))
    years = (
        f"{first_fy}–{last_fy}"
        if first_fy and last_fy and first_fy != last_fy
        else str(last_fy or first_fy or "")
    )
    url = _text(grant.get("project_detail_url"))
    facts = [
        f'grant {number}: "{raw_title}"'
        + (f", fiscal year{'s' if '–' in years else ''} {years}" if years else "")
        + (f", {url}" if url else "")
    ]

    paper = _choose_paper(publications, pi_key, profile_id, number)
    paper_values: dict[str, str] = {}
    if paper is not None:
        pmid = int(paper["pmid"])
        paper_title = _text(paper["title"]).rstrip(".").replace('"', "'")
        journal = _text(paper.get("journal"))
        year = _int(paper.get("year"))
        source = ", ".join(p for p in (journal, str(year) if year else "") if p)
        paper_core = _text(paper.get("core_project_num")) or number
        link = "that grant" if paper_core == number else f"your grant {paper_core}"
        paper_values = {
            "paper_title": paper_title,
            "paper_journal": journal,
            "paper_year": str(year) if year else "",
            "pmid": str(pmid),
            "paper_sentence": (
                f' I also read "{paper_title}"'
                + (f" ({source})" if source else "")
                + f", a paper from {link}."
            ),
        }
        facts.append(
            f'paper PMID {pmid}: "{paper_title}" {source}; RePORTER links it to grant '
            f"{paper_core}; https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
        )

    bridge, bridge_fact = _bridge(applicant, title_terms, list(matched_terms), number)
    if bridge_fact:
        facts.append(bridge_fact)
    last = _last_name(pi_name, _text(pi.get("sort_name")))
    values = {
        **_applicant_values(applicant),
        **paper_values,
        "pi_name": pi_name,
        "pi_last_name": last,
        "salutation": f"Dr. {last}",
        "organization": _text(pi.get("organization")),
        "grant_title": title,
        "grant_number": number,
        "grant_years": f", funded {years}" if years else "",
        "grant_url": url,
        "topic": _topic(raw_title),
        "bridge_sentence": bridge,
    }
    subject, body = _render(template if template is not None else load_template(), values)
    draft = Draft(
        subject=subject,
        body=body,
        to_name=pi_name,
        profile_id=profile_id,
        facts=tuple(facts),
        pi_key=pi_key,
        grant_number=number,
        grant_title=raw_title,
        pmid=int(paper_values["pmid"]) if paper_values else None,
        topic=values["topic"],
        salutation=values["salutation"],
        slug=_name_slug(pi_name, _text(pi.get("sort_name"))),
        from_addr=applicant.email,
        applicant_name=applicant.name,
    )
    if draft.word_count > MAX_WORDS:
        logger.warning(
            "the draft to %s has %d words; aim for under %d (shorten --background or --skills)",
            pi_name,
            draft.word_count,
            MAX_WORDS,
        )
    return draft


def _applicant_values(applicant: Applicant) -> dict[str, str]:
    skills = _join(list(applicant.skills))
    timeline = f" I am looking for {TRACK_POSITIONS[applicant.track]}"
    if applicant.duration:
        timeline += f" for {applicant.duration}"
    if applicant.visa:
        timeline += f", on a {applicant.visa} visa"
    return {
        "applicant_name": applicant.name,
        "applicant_email": applicant.email or "",
        "applicant_email_line": f"\n{applicant.email}" if applicant.email else "",
        "background": applicant.background,
        "skills": skills,
        "skills_sentence": f" My skills include {skills}." if skills else "",
        "specialty": applicant.specialty or "",
        "specialty_phrase": f" in {applicant.specialty}" if applicant.specialty else "",
        "track_phrase": TRACK_POSITIONS[applicant.track],
        "duration": applicant.duration or "",
        "visa": applicant.visa or "",
        "timeline_sentence": timeline + ".",
    }


def _bridge(
    applicant: Applicant, title_terms: list[str], matched_terms: list[str], number: str
) -> tuple[str, str | None]:
    """The "why you" sentence, stating only overlaps found in the data, and its source."""
    skill_hits = [t for t in title_terms if t in applicant.skills]
    other_hits = [t for t in title_terms if t not in applicant.skills]
    if title_terms:
        parts = []
        if other_hits:
            parts.append(f"my interest in {_it_or(other_hits, title_terms)}")
        if skill_hits:
            parts.append(f"my experience with {_it_or(skill_hits, title_terms)}")
        return (
            f"I am writing to you because the project's work on {_join(title_terms)} "
            f"matches {' and '.join(parts)}.",
            f"terms found in the title of grant {number}: {', '.join(title_terms)}",
        )
    if matched_terms:
        shown = matched_terms[:3]
        interest = f"my interest in {applicant.specialty}" if applicant.specialty else "my goals"
        return (
            f"I am writing to you because your NIH-funded work on {_join(shown)} "
            f"matches {interest}.",
            f"terms the ranking matched in the PI's grants: {', '.join(shown)}",
        )
    # No overlap in the data: say why the applicant writes, claim nothing about the PI.
    wish = f"my {applicant.specialty} training" if applicant.specialty else "my training"
    if applicant.skills:
        wish += f" and my skills in {_join(list(applicant.skills[:3]))}"
    return f"I would like to bring {wish} to a project like this one.", None


def _it_or(terms: list[str], all_terms: list[str]) -> str:
    # "…work on machine learning matches my experience with it" instead of naming it twice.
    if terms == all_terms:
        return "it" if len(terms) == 1 else "them"
    return _join(terms)


def draft_for_pi(
    tables: Tables,
    pi: str | int,
    applicant: Applicant,
    *,
    publications: pd.DataFrame | None = None,
    matched_terms: Iterable[str] = (),
    template: str | None = None,
) -> Draft:
    """:func:`draft_email` for one PI of ``tables``, named by ``pi_key`` or profile id.

    Raises:
        OutreachError: the PI is not in ``tables`` or has no grant to cite.
    """
    row = _find_pi(tables, pi)
    if row is None:
        raise OutreachError(
            f"PI {pi!r} is not in the data",
            hint="Check the profile id (the number in the PI's RePORTER profile URL).",
        )
    key = _text(row.get("pi_key"))
    grants = tables.grants[tables.grants["pi_keys"].map(lambda keys: _has_key(keys, key))]
    return draft_email(
        row,
        grants,
        applicant,
        publications=publications,
        matched_terms=matched_terms,
        template=template,
    )


def _find_pi(tables: Tables, pi: Any) -> Mapping[str, Any] | None:
    pis = tables.pis
    text = _text(pi)
    hit = pis[pis["pi_key"].astype("string") == text]
    if hit.empty and _profile(pi) is not None:
        hit = pis[pis["profile_id"] == _profile(pi)]
    return None if hit.empty else {str(k): v for k, v in hit.iloc[0].items()}


def draft_batch(
    leads: pd.DataFrame,
    tables: Tables | None,
    applicant: Applicant,
    *,
    top: int = 10,
    publications: pd.DataFrame | None = None,
    template: str | None = None,
) -> list[Draft]:
    """Drafts for the first ``top`` leads of a lead list (ordered by ``rank`` if present).

    With ``tables``, each PI's grants come from the tables (the best-matching one is cited).
    Without them, or for a lead not in them, the lead's own ``top_grant_title`` /
    ``top_grant_number`` / ``top_grant_url`` are cited, and its ``recent_publications`` cell
    supplies the paper when ``publications`` is not given, so a saved lead CSV is enough.

    Raises:
        OutreachError: a lead has no grant to cite (nothing is drafted then: fix the list).
    """
    if top < 1:
        raise OutreachError(f"top must be >= 1 (got {top})")
    ordered = leads
    if "rank" in leads.columns:
        ranks = pd.to_numeric(leads["rank"], errors="coerce")
        ordered = leads.assign(_rank=ranks).sort_values(
            "_rank", kind="mergesort", na_position="last"
        )
    drafts: list[Draft] = []
    for _, lead in ordered.head(top).iterrows():
        row: dict[str, Any] = {str(k): v for k, v in lead.items()}
        terms = _as_terms(row.get("matched_terms"))
        found = _find_pi(tables, _pi_key(row)) if tables is not None and _pi_key(row) else None
        if tables is not None and found is not None:
            key = _text(found.get("pi_key"))
            owned = tables.grants["pi_keys"].map(lambda keys, k=key: _has_key(keys, k))
            grants = tables.grants[owned]
            pi_row = {**row, **found}
        else:
            grants = _grant_from_lead(row)
            pi_row = row
        pubs = publications if publications is not None else _pubs_from_lead(row)
        drafts.append(
            draft_email(
                pi_row,
                grants,
                applicant,
                publications=pubs,
                matched_terms=terms,
                template=template,
            )
        )
    return drafts


def _grant_from_lead(lead: Mapping[str, Any]) -> pd.DataFrame:
    number, title = _text(lead.get("top_grant_number")), _text(lead.get("top_grant_title"))
    if not number or not title:
        raise OutreachError(
            f"lead {_text(lead.get('pi_name')) or '?'} has no top_grant_number/top_grant_title "
            "to cite",
            hint="Draft from a lead list written by 'reporter-finder search', or pass the data.",
        )
    return pd.DataFrame(
        [
            {
                "core_project_num": number,
                "project_title": title,
                "project_detail_url": _text(lead.get("top_grant_url")),
            }
        ]
    )


_CITATION = re.compile(
    r"^(?P<title>.+) — (?P<journal>.*?) ?(?P<year>\d{4})? \(PMID (?P<pmid>\d+)\)$"
)


def _pubs_from_lead(lead: Mapping[str, Any]) -> pd.DataFrame | None:
    """The first parseable "Title — Journal Year (PMID n)" of a lead's recent_publications."""
    cell = lead.get("recent_publications")
    if isinstance(cell, str):
        # A CSV joins the list with "; ", which titles may contain too: split only after a
        # "(PMID n)" ending, then drop leading bare "PMID n" items (no title to cite).
        chunks, start = [], 0
        for end in re.finditer(r"\(PMID \d+\)\s*(?:;\s*|$)", cell):
            chunks.append(cell[start : end.end()].strip().rstrip(";").strip())
            start = end.end()
        items = [re.sub(r"^(?:PMID \d+\s*;\s*)+", "", chunk) for chunk in chunks]
    else:
        items = list(cell) if isinstance(cell, (list, tuple)) else []
    key = _pi_key(lead)
    for item in items:
        match = _CITATION.match(_text(item))
        if match and key is not None:
            return pd.DataFrame(
                [
                    {
                        "pi_key": key,
                        "pmid": int(match["pmid"]),
                        "title": match["title"],
                        "journal": match["journal"] or None,
                        "year": int(match["year"]) if match["year"] else None,
                        "core_project_num": None,
                        "pub_date": None,
                    }
                ]
            )
    return None


def draft_followup(
    original: Draft | Mapping[str, Any],
    applicant: Applicant,
    *,
    contacted_on: date | None = None,
    template: str | None = None,
) -> Draft:
    """A short, polite follow-up to a first e-mail (send once, 7–10 days later).

    ``original`` is the first :class:`Draft`, or a lead row (``pi_name``,
    ``top_grant_title``, ``top_grant_number``; ``contacted_on`` is read from it when not given).

    Raises:
        OutreachError: the lead has no grant to refer to, or the template is invalid.
    """
    if isinstance(original, Draft):
        name, key, profile = original.to_name, original.pi_key, original.profile_id
        number, raw_title = original.grant_number or "", original.grant_title or ""
        salutation, slug = original.salutation, original.slug
    else:
        name = _text(original.get("pi_name"))
        key, profile = _pi_key(original), _profile(original.get("profile_id"))
        number = _text(original.get("top_grant_number"))
        raw_title = _text(original.get("top_grant_title"))
        salutation = f"Dr. {_last_name(name, _text(original.get('sort_name')))}"
        slug = _name_slug(name, _text(original.get("sort_name")))
        if contacted_on is None:
            try:
                contacted_on = parse_sheet_date(original.get("contacted_on"))
            except ValueError:
                contacted_on = None
    if not number or not raw_title:
        raise OutreachError(f"no grant to refer to in the follow-up to {name or 'the PI'}")
    sent_on = f" of {contacted_on:%B} {contacted_on.day}" if contacted_on else ""
    values = {
        **_applicant_values(applicant),
        "pi_name": name,
        "pi_last_name": salutation.removeprefix("Dr. "),
        "salutation": salutation,
        "grant_title": _clean_title(raw_title),
        "grant_number": number,
        "topic": _topic(raw_title),
        "sent_on": sent_on,
    }
    text = template if template is not None else load_template(kind="followup")
    subject, body = _render(text, values)
    return Draft(
        subject=subject,
        body=body,
        to_name=name,
        profile_id=profile,
        facts=(f'grant {number}: "{raw_title}"',),
        pi_key=key,
        grant_number=number,
        grant_title=raw_title,
        topic=values["topic"],
        salutation=salutation,
        slug=slug,
        from_addr=applicant.email,
        applicant_name=applicant.name,
    )


# --- writing ---------------------------------------------------------------------------------


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
