"""ClinicalTrials.gov API v2 studies → :class:`Trial` values, and official-name matching.

Pure: no I/O. :func:`parse_study` reads exactly the pieces the client asks for with
``fields=`` (see :data:`STUDY_FIELDS`), from the v2 shape: camelCase keys under
``protocolSection``, UPPER_SNAKE enums, ISO dates of varying precision
(``docs/pubmed-ctgov.md`` §12, §14). The classic (v1) shape is not read.

Officials carry no e-mail or phone in v2; contacts (central and per site) do. Names come as
``"First M Last, MD, PhD"`` (sometimes ``"Last, First"``); :func:`name_matches` compares the
folded surname and first initial, degrees stripped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reporter_finder.api.grantids import core_project_numbers

__all__ = [
    "RECRUITING_STATUSES",
    "STUDY_FIELDS",
    "STUDY_URL_TEMPLATE",
    "Trial",
    "TrialContact",
    "TrialOfficial",
    "name_matches",
    "parse_study",
]

STUDY_URL_TEMPLATE = "https://clinicaltrials.gov/study/{nct_id}"
#: The modules :func:`parse_study` reads, as ``fields=`` piece names (the API keeps their
#: nesting and leaves the rest out: a whole study averages ~17 KB, results included).
STUDY_FIELDS = (
    "IdentificationModule",
    "StatusModule",
    "DesignModule",
    "ConditionsModule",
    "SponsorCollaboratorsModule",
    "ContactsLocationsModule",
)
#: Statuses in which a trial takes new participants who ask. ENROLLING_BY_INVITATION is left
#: out on purpose: such a trial enrols only people its team invites, so for someone looking
#: for an open study it is not "recruiting" (it is still an active trial; ``status`` says so).
#: UNKNOWN with a ``last_known_status`` of RECRUITING is not recruiting either: nobody has
#: confirmed it for two years.
RECRUITING_STATUSES = frozenset({"RECRUITING", "NOT_YET_RECRUITING"})
#: Secondary-id types that are never grant numbers (registry and regulatory ids).
_NOT_GRANT_TYPES = frozenset({"EUDRACT_NUMBER", "CTIS", "REGISTRY"})


@dataclass(frozen=True)
class TrialContact:
    """A person to ask about a trial: a central contact or one site's contact.

    Attributes:
        name: as given (often with degrees: ``"Camille Heslot, MD"``).
        role: as given (``"CONTACT"``, ``"PRINCIPAL_INVESTIGATOR"`` …), ``""`` if none.
        email: the address, or ``None``.
        phone: the number as given, with ``" ext. <phoneExt>"`` when there is one, or the
            ``phoneExt`` first when it is a country code (``"+33 01.49.95.81.69"``); or
            ``None``.
        where: ``"central"`` or ``"site: <facility>, <city>"``.
    """

    name: str
    role: str
    email: str | None
    phone: str | None
    where: str


@dataclass(frozen=True)
class TrialOfficial:
    """An overall official (no e-mail or phone in v2: see the contacts).

    Attributes:
        name: as given, degrees included (``"Neil H White, M.D."``).
        affiliation: as given; may be a department string.
        role: as given, e.g. ``"PRINCIPAL_INVESTIGATOR"``, ``"STUDY_CHAIR"``; ``""`` if none.
    """

    name: str
    affiliation: str
    role: str


@dataclass(frozen=True)
class Trial:
    """One ClinicalTrials.gov study, reduced to what a lead list and a draft need.

    Dates are kept as given (``yyyy``, ``yyyy-MM`` or ``yyyy-MM-dd``): a month is not a day.
    ``grant_ids`` are the raw secondary ids of every type plus the sponsor's own study id
    when its type is ``NIH``; ``cores`` are the RePORTER core project numbers found in the
    ids that can be grant numbers (registry and EudraCT/CTIS ids left out).
    """

    nct_id: str
    title: str
    official_title: str
    status: str
    last_known_status: str | None
    phases: tuple[str, ...]
    start_date: str | None
    primary_completion_date: str | None
    enrollment: int | None
    conditions: tuple[str, ...]
    grant_ids: tuple[str, ...]
    cores: tuple[str, ...]
    officials: tuple[TrialOfficial, ...]
    contacts: tuple[TrialContact, ...]
    lead_sponsor: str

    @property
    def url(self) -> str:
        """The study's page: ``https://clinicaltrials.gov/study/<nct_id>``."""
        return STUDY_URL_TEMPLATE.format(nct_id=self.nct_id)

    @property
    def is_recruiting(self) -> bool:
        """RECRUITING or NOT_YET_RECRUITING (see :data:`RECRUITING_STATUSES` for why
        ENROLLING_BY_INVITATION is not)."""
        return self.status in RECRUITING_STATUSES


# --- parsing -----------------------------------------------------------------------------


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _maps(value: Any) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _opt(value: Any) -> str | None:
    return _text(value) or None


def _strings(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else []
    return tuple(t for t in (_text(v) for v in items) if t)


def _enrollment(info: Mapping[str, Any]) -> int | None:
    try:
        return int(info["count"])
    except (KeyError, TypeError, ValueError):
        return None


def parse_study(study: Mapping[str, Any]) -> Trial | None:
    """A :class:`Trial` from one v2 study object (a ``studies[]`` item or ``/studies/{id}``).

    Missing modules give empty values, never an error; ``None`` only when the study has no
    ``nctId`` (not a study). The input is not modified.

    Example:
        >>> trial = parse_study({"protocolSection": {"identificationModule": {
        ...     "nctId": "NCT05594173", "secondaryIdInfos": [{"id": "R01DC011020",
        ...     "type": "NIH"}]}, "statusModule": {"overallStatus": "COMPLETED"}}})
        >>> trial.cores, trial.status, trial.url
        (('R01DC011020',), 'COMPLETED', 'https://clinicaltrials.gov/study/NCT05594173')
    """
    protocol = _map(study.get("protocolSection"))
    ident = _map(protocol.get("identificationModule"))
    nct_id = _text(ident.get("nctId")).upper()
    if not nct_id:
        return None
    status = _map(protocol.get("statusModule"))
    design = _map(protocol.get("designModule"))
    sponsors = _map(protocol.get("sponsorCollaboratorsModule"))
    people = _map(protocol.get("contactsLocationsModule"))
    ids = _grant_ids(ident)
    return Trial(
        nct_id=nct_id,
        title=_text(ident.get("briefTitle")),
        official_title=_text(ident.get("officialTitle")),
        status=_text(status.get("overallStatus")),
        last_known_status=_opt(status.get("lastKnownStatus")),
        phases=_strings(design.get("phases")),
        start_date=_opt(_map(status.get("startDateStruct")).get("date")),
        primary_completion_date=_opt(_map(status.get("primaryCompletionDateStruct")).get("date")),
        enrollment=_enrollment(_map(design.get("enrollmentInfo"))),
        conditions=_strings(_map(protocol.get("conditionsModule")).get("conditions")),
        grant_ids=tuple(raw for raw, _ in ids),
        cores=_cores(raw for raw, kind in ids if kind not in _NOT_GRANT_TYPES),
        officials=tuple(
            TrialOfficial(_text(o.get("name")), _text(o.get("affiliation")), _text(o.get("role")))
            for o in _maps(people.get("overallOfficials"))
            if _text(o.get("name"))
        ),
        contacts=_contacts(people),
        lead_sponsor=_text(_map(sponsors.get("leadSponsor")).get("name")),
    )


def _grant_ids(ident: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(raw id, type) of every secondary id, and of the org study id when its type is NIH."""
    found = [
        (_text(s.get("id")), _text(s.get("type"))) for s in _maps(ident.get("secondaryIdInfos"))
    ]
    org = _map(ident.get("orgStudyIdInfo"))
    if _text(org.get("type")) == "NIH":
        found.append((_text(org.get("id")), "NIH"))
    return list(dict.fromkeys((raw, kind) for raw, kind in found if raw))


def _cores(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(core for raw in ids for core in core_project_numbers(raw)))


def _contact(entry: Mapping[str, Any], where: str) -> TrialContact | None:
    phone, ext = _opt(entry.get("phone")), _opt(entry.get("phoneExt"))
    if phone and ext:
        # Some studies put the country code in phoneExt ("+33" in NCT06171568).
        phone = f"{ext} {phone}" if ext.startswith("+") else f"{phone} ext. {ext}"
    contact = TrialContact(
        name=_text(entry.get("name")),
        role=_text(entry.get("role")),
        email=_opt(entry.get("email")),
        phone=phone,
        where=where,
    )
    return contact if contact.name or contact.email or contact.phone else None


def _contacts(people: Mapping[str, Any]) -> tuple[TrialContact, ...]:
    """Central contacts first, then each site's contacts in the order given."""
    found = [_contact(c, "central") for c in _maps(people.get("centralContacts"))]
    for site in _maps(people.get("locations")):
        place = ", ".join(p for p in (_text(site.get("facility")), _text(site.get("city"))) if p)
        found += [_contact(c, f"site: {place}") for c in _maps(site.get("contacts"))]
    return tuple(dict.fromkeys(c for c in found if c is not None))


# --- names -------------------------------------------------------------------------------

#: Degrees and certifications written after a name. Those that are also surnames or given
#: names (Ma, Do, Pa, Od …) are stripped only when they stand alone after a comma.
_DEGREE_WORDS = (
    "md phd mph mbbs mbchb dds dmd dvm pharmd drph scd psyd edd dnp msn bsn rn faan facp facs "
    "facc faha fasco frcpc frcp frcs ccrp lcsw aprn crnp fnp dpt mhs msc mscr mba bsc mrcp "
    "dsc mas jd"
)
_DEGREES = frozenset(_DEGREE_WORDS.split())
_AMBIGUOUS_DEGREES = frozenset({"ma", "ms", "do", "pa", "ba", "bs", "od", "np", "pt", "ot"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_TITLES = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx"})


def _fold(text: str) -> str:
    # The rule of reporter_finder.tables.people.fold_name (tests keep the two equal); api
    # sits below tables and may not import it. Dots are dropped first so "M.D." is "md".
    decomposed = unicodedata.normalize("NFKD", text.replace(".", ""))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+|_", " ", stripped).split())


def _name_tokens(name: str) -> tuple[list[str], list[str]] | None:
    """(given tokens, surname tokens) of "Last, First", or (all tokens, []) of "First Last"."""
    parts = [p for p in (_fold(part).split() for part in name.split(",")) if p]
    if not parts:
        return None
    kept = [
        parts[0],
        *(p for p in parts[1:] if not set(p) <= _DEGREES | _AMBIGUOUS_DEGREES | _SUFFIXES),
    ]
    if len(kept) >= 2:  # "Arbelaez, Ana Maria"
        return kept[1], kept[0]
    words = list(kept[0])
    while len(words) > 2 and words[-1] in _DEGREES | _SUFFIXES:
        words.pop()
    while len(words) > 2 and words[0] in _TITLES:
        words.pop(0)
    return words, []


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def name_matches(name: str, last_name: str, first_name: str) -> bool:
    """Whether the trial's ``name`` can be the person ``last_name``, ``first_name``.

    Folded (case, accents, punctuation) surname plus first initial; degrees (``MD``,
    ``M.D.``, ``PhD`` …) and titles are ignored. In ``"First M Last"`` the surname may be any
    run of words after the first (``"Armando Pérez de Prado"`` is Pérez de Prado and Prado);
    in ``"Last, First"`` it must be in the part before the comma. An empty ``first_name``
    checks the surname only.

    Example:
        >>> name_matches("Neil H White, M.D.", "WHITE", "NEIL")
        True
        >>> name_matches("Neil H White, M.D.", "White", "Catherine")
        False
    """
    surname, given = _fold(last_name).split(), _fold(first_name)
    tokens = _name_tokens(name)
    if not surname or tokens is None:
        return False
    first_words, last_words = tokens
    # "Last, First" names the surname part; in "First M Last" it is any run after the first.
    found = _contains(last_words or first_words[1:], surname)
    return found and (not given or first_words[0][:1] == given[:1])
