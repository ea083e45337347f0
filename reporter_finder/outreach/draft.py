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
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from importlib import resources
from pathlib import Path
from string import Template
from typing import Final

from reporter_finder.errors import OutreachError
from reporter_finder.outreach.wording import join_words
from reporter_finder.schema import TRACK_POSITIONS

__all__ = [
    "BANNED_WORDS",
    "MAX_WORDS",
    "PLACEHOLDERS",
    "Applicant",
    "Draft",
    "applicant_values",
    "load_template",
    "render",
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

_TEMPLATE_FILES: Final = {"email": "email.txt", "followup": "followup.txt"}


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
        to_addr: the PI's address, when a source shows one (the lead list's ``email``, from
            the PI's own paper); the ``.eml`` draft's ``To:``.
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
    to_addr: str | None = None

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
        set only when an address is known: ``to_addr``, else the draft's own (a sourced one;
        RePORTER has no e-mail addresses).
        """
        msg = EmailMessage(policy=email.policy.SMTP)
        msg["Subject"] = self.subject
        sender = from_addr or self.from_addr
        if sender:
            msg["From"] = f"{self.applicant_name} <{sender}>" if self.applicant_name else sender
        recipient = to_addr or self.to_addr
        if recipient:
            msg["To"] = f"{self.to_name} <{recipient}>"
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


def render(template: str, values: Mapping[str, str]) -> tuple[str, str]:
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


def applicant_values(applicant: Applicant) -> dict[str, str]:
    skills = join_words(list(applicant.skills))
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
