"""Cold e-mail drafts to PIs: the applicant, the draft, and the templates that word them.

A draft has the four parts a careful applicant writes (composed by
:mod:`reporter_finder.outreach.compose`):

1. **About their work** (1–2 sentences): the PI's newest relevant paper — year, journal,
   title — or else their newest matching grant, by title and number, with its aim when the
   abstract states one in a short clause. Never RePORTER's machine-made ``terms``.
2. **The bridge** (1 sentence): the applicant's target specialty, and the applicant's skills
   that occur in the cited text — nothing else.
3. **About the applicant** (1–2 sentences): only what the applicant gave; each skill once.
4. **Call to action**: CV attached, 15 minutes for a call.

Every statement about the PI rests on a source listed in :attr:`Draft.facts` (grant number
and link, PMID and link), which is never part of the e-mail. There is no flattery: the
packaged templates never use the words in :data:`BANNED_WORDS`, and a user template that
does is refused.

Templates are Jinja2 text (``templates/email.txt``, ``templates/followup.txt`` are the
examples): the first line is ``Subject: …``, the rest is the body, and ``{{ field }}``
names one of :data:`FIELDS`. A template that uses any other name is refused with a one-line
error naming it.
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
from typing import Any, Final

from reporter_finder.errors import OutreachError
from reporter_finder.outreach.wording import join_words
from reporter_finder.vocabularies import TRACK_POSITIONS

__all__ = [
    "BANNED_WORDS",
    "FIELDS",
    "MAX_WORDS",
    "MIN_WORDS",
    "Applicant",
    "Draft",
    "about_you",
    "applicant_values",
    "load_template",
    "render",
]

#: A cold e-mail a busy PI reads to the end is short; drafts outside 90–200 words are logged.
MIN_WORDS = 90
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
#: The fields a template may use (``{{ name }}``), with what each holds.
FIELDS: Final = {
    "applicant_name": "your name",
    "applicant_email": "your address, or empty",
    "background": "the phrase completing 'I am <name>, …'",
    "skills": "your skills, a list",
    "specialty": "your target specialty, or empty",
    "position": "'a clinical research position', 'a postdoctoral research position', …",
    "duration": "how long, or empty",
    "visa": "your visa, or empty",
    "pi_name": "the PI's name",
    "pi_last_name": "the PI's surname",
    "salutation": "'Dr. <surname>'",
    "organization": "the PI's organisation",
    "topic": "a topic of at most six words, from the cited work",
    "topic_phrase": "the topic to continue a sentence with ('integrating 4DN data')",
    "grant_number": "the cited grant's core project number",
    "grant_title": "its title, in sentence case when written in capitals",
    "grant_url": "its RePORTER page",
    "grant_aim": "its aim in a clause ('determine whether …'), or empty",
    "paper_title": "the cited paper's title, or empty",
    "paper_journal": "its journal, or empty",
    "paper_year": "its year, or empty",
    "pmid": "its PMID, or empty",
    "about_work": "part 1: the sentences about the PI's work",
    "bridge": "part 2: the sentence on why this PI",
    "about_you": "part 3: the sentences about you",
    "first_subject": "follow-ups: the subject of the first e-mail",
    "sent_on": "follow-ups: ' on 3 November' when the first e-mail's date is known, or empty",
}

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
        rank: the lead's rank in its lead list, which numbers the draft's files.
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
    rank: int | None = None

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


def render(template: str, values: Mapping[str, Any]) -> tuple[str, str]:
    """Fill a Jinja2 template; return (subject, body).

    Raises:
        OutreachError: the template uses flattery, a field not in :data:`FIELDS`, the old
            ``${name}`` syntax or broken Jinja2; or its first line is not ``Subject: …``.
    """
    text = template.replace("\r\n", "\n").replace("\r", "\n")
    banned = [w for w in BANNED_WORDS if re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE)]
    if banned:
        raise OutreachError(
            f"the template uses generic flattery: {', '.join(banned)}",
            hint="Say something specific about the PI's work instead.",
        )
    old = re.search(r"\$\{(\w+)\}", text)
    if old:
        raise OutreachError(
            f"the template uses ${{{old.group(1)}}}: templates are Jinja2 now",
            hint=f"Write {{{{ {old.group(1)} }}}} instead.",
        )
    filled = _compile(text).render({k: values.get(k, "") for k in FIELDS})
    first, _, rest = filled.partition("\n")
    if not first.lower().startswith("subject:"):
        raise OutreachError("the template's first line must be 'Subject: …'")
    subject = " ".join(first.split(":", 1)[1].split())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in rest.split("\n")))
    return subject, body.strip("\n")


def _compile(text: str) -> Any:
    """The parsed template; unknown fields and syntax errors are one-line errors."""
    from jinja2 import StrictUndefined, TemplateSyntaxError, meta
    from jinja2.sandbox import SandboxedEnvironment

    # Plain-text e-mail, not HTML: nothing to escape. The sandbox keeps a shared template
    # from reaching into Python objects.
    env = SandboxedEnvironment(
        undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
        lstrip_blocks=True, autoescape=False,
    )  # fmt: skip
    try:
        parsed = env.parse(text)
    except TemplateSyntaxError as exc:
        raise OutreachError(
            f"the template has an error on line {exc.lineno}: {exc.message}"
        ) from None
    unknown = sorted(meta.find_undeclared_variables(parsed) - FIELDS.keys())
    if unknown:
        raise OutreachError(
            f"the template uses an unknown field: {unknown[0]}",
            hint=f"Known fields: {', '.join(FIELDS)}.",
        )
    return env.from_string(text)


def applicant_values(applicant: Applicant) -> dict[str, Any]:
    """The template fields that describe the applicant, as given."""
    return {
        "applicant_name": applicant.name,
        "applicant_email": applicant.email or "",
        "background": applicant.background,
        "skills": list(applicant.skills),
        "specialty": applicant.specialty or "",
        "position": TRACK_POSITIONS[applicant.track],
        "duration": applicant.duration or "",
        "visa": applicant.visa or "",
    }


def _article(word: str) -> str:
    """ "a" or "an" by sound: "an H-1B", "an F-1", "a J-1", "an O-1"."""
    first = word[:1]
    if not first:
        return "a"
    spelled = len(word) > 1 and not word[1:2].islower()  # H-1B, J-1: letters said by name
    return "an" if first.upper() in ("AEFHILMNORSX" if spelled else "AEIOU") else "a"


def about_you(applicant: Applicant, named_skills: list[str]) -> str:
    """Part 3: who the applicant is and what they look for, from their own words only; the
    skills already named in the bridge (``named_skills``) are not repeated."""
    said = {s.lower() for s in named_skills}
    others = [s for s in applicant.skills if s.lower() not in said]
    wish = f"I am looking for {TRACK_POSITIONS[applicant.track]}"
    if applicant.duration:
        wish += f" for {applicant.duration}"
    if applicant.visa and applicant.visa.lower() != "none":
        wish += f", on {_article(applicant.visa)} {applicant.visa} visa"
    second = wish + "."
    if others:
        verb = "I also work with" if named_skills else "I work with"
        second = f"{verb} {join_words(others)}, and {wish}."
    return f"I am {applicant.name}, {applicant.background}. {second}"
