"""Drafting: the four-part cold e-mail to a PI, a batch from a lead list, and the follow-up.

The parts and the rule that every claim about the PI comes from the data are described in
:mod:`reporter_finder.outreach.draft`; what is cited is chosen by
:mod:`reporter_finder.outreach.sources`; the files are written by
:mod:`reporter_finder.outreach.files`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder.dates import parse_sheet_date
from reporter_finder.errors import OutreachError
from reporter_finder.outreach.draft import (
    MAX_WORDS,
    Applicant,
    Draft,
    applicant_values,
    load_template,
    render,
)
from reporter_finder.outreach.sources import (
    choose_grant,
    choose_paper,
    find_pi_row,
    grant_from_lead,
    has_pi_key,
    own_grants,
    paper_from_lead,
    pi_key_of,
    profile_id_of,
    terms_of,
    whole_number,
)
from reporter_finder.outreach.wording import (
    grant_topic,
    join_words,
    last_name,
    name_slug,
    quotable_title,
)
from reporter_finder.schema import cell_text

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.tables.build import Tables

logger = logging.getLogger(__name__)

__all__ = ["draft_batch", "draft_email", "draft_followup", "draft_for_pi"]


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
        OutreachError: no grant of the PI can be cited, the template is invalid, or
            ``publications`` lacks the columns a citation needs.

    Example:
        >>> draft = draft_email(pi_row, pi_grants, Applicant("Ana Rivera", "…"))  # doctest: +SKIP
    """
    pi_name = cell_text(pi.get("pi_name"))
    if not pi_name:
        raise OutreachError("the PI row has no pi_name")
    pi_key = pi_key_of(pi)
    profile_id = profile_id_of(pi.get("profile_id"))
    grant, title_terms = choose_grant(
        own_grants(grants, pi_key, pi_name),
        [*(t for t in (applicant.specialty,) if t), *applicant.skills, *matched_terms],
    )
    number = cell_text(grant.get("core_project_num"))
    raw_title = cell_text(grant.get("project_title"))
    grant_values, grant_fact = _grant_values(grant)
    facts = [grant_fact]
    paper = choose_paper(publications, pi_key, profile_id, number)
    paper_values: dict[str, str] = {}
    if paper is not None:
        paper_values, paper_fact = _paper_values(paper, number)
        facts.append(paper_fact)

    bridge, bridge_fact = _bridge(applicant, title_terms, list(matched_terms), number)
    if bridge_fact:
        facts.append(bridge_fact)
    last = last_name(pi_name, cell_text(pi.get("sort_name")))
    values = {
        **applicant_values(applicant),
        **paper_values,
        "pi_name": pi_name,
        "pi_last_name": last,
        "salutation": f"Dr. {last}",
        "organization": cell_text(pi.get("organization")),
        **grant_values,
        "bridge_sentence": bridge,
    }
    subject, body = render(template if template is not None else load_template(), values)
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
        slug=name_slug(pi_name, cell_text(pi.get("sort_name"))),
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


def _grant_values(grant: pd.Series) -> tuple[dict[str, str], str]:
    """The template values that cite the grant, and the fact they rest on."""
    number = cell_text(grant.get("core_project_num"))
    raw_title = cell_text(grant.get("project_title"))
    first_fy = whole_number(grant.get("first_fiscal_year"))
    last_fy = whole_number(grant.get("last_fiscal_year"))
    years = (
        f"{first_fy}–{last_fy}"
        if first_fy and last_fy and first_fy != last_fy
        else str(last_fy or first_fy or "")
    )
    url = cell_text(grant.get("project_detail_url"))
    fact = (
        f'grant {number}: "{raw_title}"'
        + (f", fiscal year{'s' if '–' in years else ''} {years}" if years else "")
        + (f", {url}" if url else "")
    )
    values = {
        "grant_title": quotable_title(raw_title),
        "grant_number": number,
        "grant_years": f", funded {years}" if years else "",
        "grant_url": url,
        "topic": grant_topic(raw_title),
    }
    return values, fact


def _paper_values(paper: pd.Series, number: str) -> tuple[dict[str, str], str]:
    """The template values that cite the paper, and the fact they rest on; ``number`` is the
    grant the draft cites (the paper is "from that grant" when it cites the same one)."""
    pmid = int(paper["pmid"])
    paper_title = cell_text(paper["title"]).rstrip(".").replace('"', "'")
    journal = cell_text(paper.get("journal"))
    year = whole_number(paper.get("year"))
    source = ", ".join(p for p in (journal, str(year) if year else "") if p)
    paper_core = cell_text(paper.get("core_project_num")) or number
    link = "that grant" if paper_core == number else f"your grant {paper_core}"
    values = {
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
    fact = (
        f'paper PMID {pmid}: "{paper_title}" {source}; RePORTER links it to grant '
        f"{paper_core}; https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    )
    return values, fact


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
            f"I am writing to you because the project's work on {join_words(title_terms)} "
            f"matches {' and '.join(parts)}.",
            f"terms found in the title of grant {number}: {', '.join(title_terms)}",
        )
    if matched_terms:
        shown = matched_terms[:3]
        interest = f"my interest in {applicant.specialty}" if applicant.specialty else "my goals"
        return (
            f"I am writing to you because your NIH-funded work on {join_words(shown)} "
            f"matches {interest}.",
            f"terms the ranking matched in the PI's grants: {', '.join(shown)}",
        )
    # No overlap in the data: say why the applicant writes, claim nothing about the PI.
    wish = f"my {applicant.specialty} training" if applicant.specialty else "my training"
    if applicant.skills:
        wish += f" and my skills in {join_words(list(applicant.skills[:3]))}"
    return f"I would like to bring {wish} to a project like this one.", None


def _it_or(terms: list[str], all_terms: list[str]) -> str:
    # "…work on machine learning matches my experience with it" instead of naming it twice.
    if terms == all_terms:
        return "it" if len(terms) == 1 else "them"
    return join_words(terms)


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
    row = find_pi_row(tables, pi)
    if row is None:
        raise OutreachError(
            f"PI {pi!r} is not in the data",
            hint="Check the profile id (the number in the PI's RePORTER profile URL).",
        )
    key = cell_text(row.get("pi_key"))
    grants = tables.grants[tables.grants["pi_keys"].map(lambda keys: has_pi_key(keys, key))]
    return draft_email(
        row,
        grants,
        applicant,
        publications=publications,
        matched_terms=matched_terms,
        template=template,
    )


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
        terms = terms_of(row.get("matched_terms"))
        found = (
            find_pi_row(tables, pi_key_of(row)) if tables is not None and pi_key_of(row) else None
        )
        if tables is not None and found is not None:
            key = cell_text(found.get("pi_key"))
            owned = tables.grants["pi_keys"].map(lambda keys, k=key: has_pi_key(keys, k))
            grants = tables.grants[owned]
            pi_row = {**row, **found}
        else:
            grants = grant_from_lead(row)
            pi_row = row
        pubs = publications if publications is not None else paper_from_lead(row)
        draft = draft_email(
            pi_row,
            grants,
            applicant,
            publications=pubs,
            matched_terms=terms,
            template=template,
        )
        address = cell_text(row.get("email"))  # sourced from the PI's paper, or empty
        drafts.append(dataclasses.replace(draft, to_addr=address) if address else draft)
    return drafts


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
        name = cell_text(original.get("pi_name"))
        key, profile = pi_key_of(original), profile_id_of(original.get("profile_id"))
        number = cell_text(original.get("top_grant_number"))
        raw_title = cell_text(original.get("top_grant_title"))
        salutation = f"Dr. {last_name(name, cell_text(original.get('sort_name')))}"
        slug = name_slug(name, cell_text(original.get("sort_name")))
        if contacted_on is None:
            try:
                contacted_on = parse_sheet_date(original.get("contacted_on"))
            except ValueError:
                contacted_on = None
    if not number or not raw_title:
        raise OutreachError(f"no grant to refer to in the follow-up to {name or 'the PI'}")
    sent_on = f" of {contacted_on:%B} {contacted_on.day}" if contacted_on else ""
    values = {
        **applicant_values(applicant),
        "pi_name": name,
        "pi_last_name": salutation.removeprefix("Dr. "),
        "salutation": salutation,
        "grant_title": quotable_title(raw_title),
        "grant_number": number,
        "topic": grant_topic(raw_title),
        "sent_on": sent_on,
    }
    text = template if template is not None else load_template(kind="followup")
    subject, body = render(text, values)
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
