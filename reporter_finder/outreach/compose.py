"""Drafting: the four-part cold e-mail to a PI, a batch from a lead list, and the follow-up.

The parts and the rule that every claim about the PI comes from the data are described in
:mod:`reporter_finder.outreach.draft`; what is cited is chosen by
:mod:`reporter_finder.outreach.sources`; the files are written by
:mod:`reporter_finder.outreach.files`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder.cellformat import cell_text
from reporter_finder.dates import parse_sheet_date
from reporter_finder.errors import DataFormatError, OutreachError
from reporter_finder.outreach.cite import Cited, cite
from reporter_finder.outreach.describe import in_sentence, source_form
from reporter_finder.outreach.draft import (
    MAX_WORDS,
    MIN_WORDS,
    Applicant,
    Draft,
    about_you,
    applicant_values,
    load_template,
    render,
)
from reporter_finder.outreach.sources import (
    choose_grant,
    choose_paper,
    find_pi_row,
    found_in,
    grant_abstracts,
    grant_from_lead,
    has_pi_key,
    own_grants,
    paper_from_lead,
    pi_key_of,
    profile_id_of,
    terms_of,
)
from reporter_finder.outreach.wording import join_words, last_name, name_slug

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.leads.trials import TrialMatch
    from reporter_finder.tables.build import Tables

logger = logging.getLogger(__name__)

__all__ = [
    "draft_batch",
    "draft_email",
    "draft_followup",
    "draft_for_pi",
    "followup_for_lead",
]


def draft_email(
    pi: Mapping[str, Any],
    grants: pd.DataFrame,
    applicant: Applicant,
    *,
    publications: pd.DataFrame | None = None,
    matched_terms: Iterable[str] = (),
    template: str | None = None,
    abstracts: Mapping[str, str] | None = None,
    trials: Sequence[TrialMatch] | None = None,
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
        matched_terms: terms the ranker matched in the PI's grants: they help choose what to
            cite, and are never written into the e-mail.
        template: template text (see :func:`load_template`); default the packaged one.
        abstracts: grant abstracts by core project number
            (:func:`~reporter_finder.outreach.sources.grant_abstracts`), for the grant's aim.
        trials: the PI's trials (:func:`~reporter_finder.leads.trials.pi_trial_matches`). For
            the clinical track, a recruiting (or soon recruiting) one is cited instead of a
            paper, by its brief title, NCT id and conditions.

    Returns:
        The :class:`Draft`; a body outside :data:`MIN_WORDS`–:data:`MAX_WORDS` words is logged.

    Raises:
        OutreachError: no grant of the PI can be cited, the template is invalid, or
            ``publications`` lacks the columns a citation needs.

    Example:
        >>> draft = draft_email(pi_row, pi_grants, Applicant("Ana Rivera", "…"))  # doctest: +SKIP
    """
    pi_name = cell_text(pi.get("pi_name"))
    if not pi_name:
        raise OutreachError("the PI row has no pi_name")
    pi_key, profile_id = pi_key_of(pi), profile_id_of(pi.get("profile_id"))
    own = own_grants(grants, pi_key, pi_name)
    terms = [*(t for t in (applicant.specialty,) if t), *applicant.skills, *matched_terms]
    trial = _recruiting_trial(trials) if applicant.track == "clinical" else None
    paper = None if trial is not None else choose_paper(publications, pi_key, profile_id, terms)[0]
    cited = _cite(own, terms, abstracts or {}, paper, trial)
    named, bridge_text = _bridge(applicant, cited)
    last = last_name(pi_name, cell_text(pi.get("sort_name")))
    topic = cited.topic(applicant)
    values = {
        **applicant_values(applicant),
        **cited.values,
        "pi_name": pi_name,
        "pi_last_name": last,
        "salutation": f"Dr. {last}",
        "organization": cell_text(pi.get("organization")),
        "topic": topic,
        "topic_phrase": in_sentence(topic),
        "about_work": cited.sentences(),
        "bridge": bridge_text,
        "about_you": about_you(applicant, named),
    }
    subject, body = render(template if template is not None else load_template(), values)
    draft = Draft(
        subject=subject,
        body=body,
        to_name=pi_name,
        profile_id=profile_id,
        facts=(*cited.facts, *_skill_facts(named, cited)),
        pi_key=pi_key,
        grant_number=cited.number,
        grant_title=cited.raw_title,
        pmid=cited.pmid,
        topic=topic,
        salutation=values["salutation"],
        slug=name_slug(pi_name, cell_text(pi.get("sort_name"))),
        from_addr=applicant.email,
        applicant_name=applicant.name,
    )
    _check_length(draft)
    return draft


def _cite(
    own: pd.DataFrame,
    terms: Sequence[str],
    abstracts: Mapping[str, str],
    paper: pd.Series | None,
    trial: TrialMatch | None,
) -> Cited:
    """What part 1 cites: the trial or the paper, with the grant it acknowledges when that is
    one of the PI's; else the newest matching grant."""
    grant = None
    if trial is not None and trial.route.startswith("grant "):
        grant = _core_grant(own, trial.route.removeprefix("grant "))
    elif paper is not None:
        grant = _core_grant(own, cell_text(paper.get("core_project_num")))
    if grant is None:
        grant = choose_grant(own, terms, abstracts)[0]
    number = cell_text(grant.get("core_project_num"))
    return cite(grant, paper, abstracts.get(number), trial)


def _core_grant(own: pd.DataFrame, core: str) -> pd.Series | None:
    hit = own[own["core_project_num"].astype("string") == core] if core else own.iloc[0:0]
    return None if hit.empty else hit.iloc[0]


def _recruiting_trial(trials: Sequence[TrialMatch] | None) -> TrialMatch | None:
    """The trial a clinical-track draft cites: recruiting before not-yet-recruiting, a trial
    tied by a grant before one tied by name (the input is recruiting-first already)."""
    open_now = [m for m in trials or () if m.trial.is_recruiting]
    open_now.sort(key=lambda m: (m.trial.status != "RECRUITING", not m.route.startswith("grant")))
    return open_now[0] if open_now else None


def _bridge(applicant: Applicant, cited: Cited) -> tuple[list[str], str]:
    """Part 2 and the skills it names: the applicant's specialty, and their skills that occur
    in the cited text (spelled as the text spells them)."""
    named = [source_form(s, cited.texts) for s in found_in(applicant.skills, cited.text)]
    uses = f"your work uses {join_words(named)}, which I already work with" if named else ""
    if applicant.specialty:
        aim = f"I want to build my research in {applicant.specialty} around questions like these"
        return named, f"I am writing because {aim}{', and ' + uses if uses else ''}."
    if uses:
        return named, f"I am writing because {uses}."
    return named, "I am writing because I would like to contribute to research like this."


def _skill_facts(named: list[str], cited: Cited) -> list[str]:
    return [f'bridge: "{skill}" occurs in {cited.where(skill)}' for skill in named]


def _check_length(draft: Draft) -> None:
    if not MIN_WORDS <= draft.word_count <= MAX_WORDS:
        logger.warning(
            "the draft to %s has %d words; aim for %d–%d (adjust --background or --skills)",
            draft.to_name,
            draft.word_count,
            MIN_WORDS,
            MAX_WORDS,
        )


def draft_for_pi(
    tables: Tables,
    pi: str | int,
    applicant: Applicant,
    *,
    publications: pd.DataFrame | None = None,
    matched_terms: Iterable[str] = (),
    template: str | None = None,
    trials: Sequence[TrialMatch] | None = None,
) -> Draft:
    """:func:`draft_email` for one PI of ``tables``, named by ``pi_key`` or profile id; the
    grants' abstracts come from ``tables.projects``.

    Raises:
        OutreachError: the PI is not in ``tables`` or has no grant to cite.
    """
    row = find_pi_row(tables, pi)
    if row is None:
        raise OutreachError(
            f"PI {pi!r} is not in the data",
            hint="Check the profile id (the number in the PI's RePORTER profile URL).",
        )
    grants = _pi_grants(tables, cell_text(row.get("pi_key")))
    return draft_email(
        row,
        grants,
        applicant,
        publications=publications,
        matched_terms=matched_terms,
        template=template,
        abstracts=grant_abstracts(tables, grants["core_project_num"]),
        trials=trials,
    )


def _pi_grants(tables: Tables, key: str) -> pd.DataFrame:
    return tables.grants[tables.grants["pi_keys"].map(lambda keys: has_pi_key(keys, key))]


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

    With ``tables``, each PI's grants and their abstracts come from the tables. Without them,
    or for a lead not in them, the lead's own ``top_grant_title`` / ``top_grant_number`` /
    ``top_grant_url`` are cited, and its ``recent_publications`` cell supplies the papers
    when ``publications`` is not given, so a saved lead list is enough. Each draft carries
    the lead's ``rank`` (which numbers its files) and its sourced ``email`` as ``To:``.

    Raises:
        OutreachError: a lead has no grant to cite (nothing is drafted then: fix the list).
    """
    if top < 1:
        raise OutreachError(f"top must be >= 1 (got {top})")
    drafts: list[Draft] = []
    for position, (_, lead) in enumerate(_by_rank(leads).head(top).iterrows(), 1):
        row: dict[str, Any] = {str(k): v for k, v in lead.items()}
        draft = _draft_lead(row, tables, applicant, publications, template)
        rank = profile_id_of(row.get("rank")) or position
        address = cell_text(row.get("email"))  # sourced from the PI's paper, or empty
        drafts.append(dataclasses.replace(draft, rank=rank, to_addr=address or None))
    return drafts


def _by_rank(leads: pd.DataFrame) -> pd.DataFrame:
    if "rank" not in leads.columns:
        return leads
    ranks = pd.to_numeric(leads["rank"], errors="coerce")
    return leads.assign(_rank=ranks).sort_values("_rank", kind="mergesort", na_position="last")


def _draft_lead(
    row: dict[str, Any],
    tables: Tables | None,
    applicant: Applicant,
    publications: pd.DataFrame | None,
    template: str | None,
) -> Draft:
    """One lead's draft: from the tables when the PI is in them, else from the lead's cells."""
    key = pi_key_of(row)
    found = find_pi_row(tables, key) if tables is not None and key else None
    abstracts: dict[str, str] = {}
    if tables is not None and found is not None:
        grants = _pi_grants(tables, cell_text(found.get("pi_key")))
        abstracts = grant_abstracts(tables, grants["core_project_num"])
        pi_row = {**row, **found}
    else:
        grants, pi_row = grant_from_lead(row), row
    draft = draft_email(
        pi_row,
        grants,
        applicant,
        publications=publications if publications is not None else paper_from_lead(row),
        matched_terms=terms_of(row.get("matched_terms")),
        template=template,
        abstracts=abstracts,
    )
    address = cell_text(row.get("email"))
    if address:  # where the To: comes from, like every other claim
        source = cell_text(row.get("email_pmid"))
        draft = dataclasses.replace(
            draft,
            facts=(*draft.facts, f"address {address}: the lead list's email"
                   + (f", from PMID {source}" if source else "")),
        )  # fmt: skip
    return draft


def draft_followup(
    original: Draft | Mapping[str, Any],
    applicant: Applicant,
    *,
    contacted_on: date | None = None,
    first_subject: str | None = None,
    template: str | None = None,
) -> Draft:
    """A short follow-up to a first e-mail (send once, 7–10 days later): a reply to it
    ("Re: <first subject>"), three sentences, the same grant.

    Args:
        original: the first :class:`Draft`, or a lead row (see :func:`followup_for_lead`).
        contacted_on: the day the first e-mail went out, if known.
        first_subject: the subject actually sent, when it differs from ``original.subject``
            (e.g. read back from the first draft's file, which the applicant may have edited).

    Raises:
        OutreachError: the template is invalid (or the lead row has no grant to refer to).
    """
    if not isinstance(original, Draft):
        return followup_for_lead(
            original, applicant, first_subject=first_subject, template=template
        )
    subject = first_subject or original.subject
    sent_on = f" on {contacted_on.day} {contacted_on:%B}" if contacted_on else ""
    values = {
        **applicant_values(applicant),
        "pi_name": original.to_name,
        "pi_last_name": original.salutation.removeprefix("Dr. "),
        "salutation": original.salutation,
        "grant_number": original.grant_number or "",
        "topic": original.topic,
        "topic_phrase": in_sentence(original.topic),
        "first_subject": subject.removeprefix("Re: "),
        "sent_on": sent_on,
    }
    text = template if template is not None else load_template(kind="followup")
    subject, body = render(text, values)
    facts = [f"a follow-up to the first draft: {original.subject}"]
    if contacted_on is not None:
        facts.append(f"first e-mail sent on {contacted_on.isoformat()} (contacted_on)")
    return dataclasses.replace(original, subject=subject, body=body, facts=tuple(facts))


def followup_for_lead(
    lead: Mapping[str, Any],
    applicant: Applicant,
    *,
    tables: Tables | None = None,
    first_subject: str | Callable[[Draft], str | None] | None = None,
    template: str | None = None,
    contacted_on: date | None = None,
) -> Draft:
    """The follow-up for a row of a lead list: the first draft is rebuilt from the lead (as
    ``draft --from`` wrote it); ``contacted_on`` is read from the row when not given.

    ``first_subject`` is the subject actually sent, or a function that finds it for the
    rebuilt first draft (e.g. :func:`~reporter_finder.outreach.files.first_subject` on the
    drafts folder); ``None`` or a ``None`` answer replies to the rebuilt subject.

    Raises:
        OutreachError: the lead has no grant to refer to, or a template is invalid.
        DataFormatError: ``contacted_on`` is not a date, or is ambiguous (03/12/2026: pass
            the date read with an explicit order).
    """
    row = {str(k): v for k, v in lead.items()}
    rank = profile_id_of(row.get("rank"))
    first = dataclasses.replace(_draft_lead(row, tables, applicant, None, None), rank=rank)
    sent = first_subject(first) if callable(first_subject) else first_subject
    contacted = contacted_on
    if contacted is None:
        try:
            contacted = parse_sheet_date(row.get("contacted_on"))
        except DataFormatError:
            raise
        except ValueError as exc:
            raise DataFormatError(f"contacted_on of {first.to_name}: {exc}") from exc
    follow = draft_followup(
        first, applicant, contacted_on=contacted, first_subject=sent, template=template
    )
    address = cell_text(row.get("email"))
    return dataclasses.replace(follow, rank=rank, to_addr=address or None)
