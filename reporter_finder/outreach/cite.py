"""What one draft cites — a grant, maybe its aim, maybe a paper — and how it says so.

:class:`Cited` holds the cited work as the sources give it, the sentences of part 1 ("about
their work"), the subject's topic and the facts behind each claim. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from reporter_finder.cellformat import cell_text
from reporter_finder.outreach.describe import (
    source_form,
    title_in_sentence,
    topic_of,
)
from reporter_finder.outreach.sources import found_in, whole_number
from reporter_finder.outreach.wording import join_words
from reporter_finder.tables.aims import aim_clause

if TYPE_CHECKING:  # pragma: no cover
    from reporter_finder.outreach.draft import Applicant

__all__ = ["Cited", "cite"]

PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{pmid}/"


@dataclass(frozen=True)
class Cited:
    """The work a draft cites.

    Attributes:
        number, raw_title, url, years: the grant (core project number, title as RePORTER
            gives it, RePORTER page, "2021–2025").
        abstract: the grant's abstract, or "".
        aim: the aim clause taken from the abstract, or "".
        pmid, paper_title, journal, year, paper_core: the paper, when one is cited
            (``paper_core``: the grant RePORTER links it to, "" when unknown).
        nct_id, trial_title, trial_status, trial_conditions, trial_route: the recruiting
            trial cited instead of a paper (clinical track), and how it was tied to the PI
            ("grant R01HL123456" or "official: <name>").
    """

    number: str
    raw_title: str
    url: str = ""
    years: str = ""
    abstract: str = ""
    aim: str = ""
    pmid: int | None = None
    paper_title: str = ""
    journal: str = ""
    year: int | None = None
    paper_core: str = ""
    nct_id: str = ""
    trial_title: str = ""
    trial_status: str = ""
    trial_conditions: tuple[str, ...] = ()
    trial_route: str = ""

    @property
    def title(self) -> str:
        """The grant title to quote (sentence case if written in capitals)."""
        return title_in_sentence(self.raw_title, self.abstract, self.paper_title)

    @property
    def texts(self) -> list[str]:
        """The cited texts: what part 1 quotes or paraphrases, and the abstract behind it."""
        trial = [self.trial_title, *self.trial_conditions]
        return [t for t in (*trial, self.paper_title, self.raw_title, self.abstract) if t]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    def sentences(self) -> str:
        """Part 1: the paper (title, journal, year) and the grant it acknowledges, or the
        grant alone; with its aim when known."""
        which = f", which aims to {self.aim}" if self.aim else ""
        if self.nct_id:
            return self._trial_sentences(which)
        if self.pmid is None:
            funded = f", funded {self.years}" if self.years else ""
            return (
                f'I read about your NIH-funded project "{self.title}" '
                f"({self.number}{funded}){which}."
            )
        # RePORTER links a paper to the grants it acknowledges; they do not say the PI wrote
        # it. So the draft says "a paper supported by your grant", never "your paper".
        source = ", ".join(str(p) for p in (self.journal, self.year or "") if p)
        first = f'I read "{self.paper_title}"' + (f" ({source})" if source else "")
        if self.paper_core == self.number:
            aim = f" The grant aims to {self.aim}." if self.aim else ""
            return f"{first}, a paper supported by your NIH grant {self.number}.{aim}"
        project = self.number if self.aim else f'"{self.title}" ({self.number})'
        return (
            f"{first}, a paper from your NIH-funded research. I also read about your "
            f"NIH-funded project {project}{which}."
        )

    def _trial_sentences(self, which: str) -> str:
        now = "is recruiting" if self.trial_status == "RECRUITING" else "will soon recruit"
        whom = f" participants with {join_words(list(self.trial_conditions[:3]))}" if (
            self.trial_conditions) else " participants"  # fmt: skip
        first = (
            f'I read about your NIH-funded trial "{self.trial_title}" ({self.nct_id}), '
            f"which {now}{whom}."
        )
        if self.trial_route == f"grant {self.number}":
            return f"{first} It is supported by your NIH grant {self.number}{which}."
        return first

    def topic(self, applicant: Applicant) -> str:
        """The subject's topic: a phrase of the cited title (the paper's when one is cited),
        else a term of the applicant's found in the cited text, else the grant number."""
        title = self.trial_title or self.paper_title or self.raw_title
        topic = topic_of(title, *self.texts)
        if not topic and (self.paper_title or self.trial_title):
            topic = topic_of(self.raw_title, *self.texts)
        if topic:
            return topic
        wanted = [t for t in (applicant.specialty, *applicant.skills) if t]
        for term in found_in(wanted, self.text):
            form = source_form(term, self.texts)
            return form[0].upper() + form[1:]
        return f"NIH project {self.number}"

    def where(self, term: str) -> str:
        """Which cited text a term occurs in, for the sources."""
        for label, text in (
            (
                f"the title or conditions of {self.nct_id}",
                " ".join((self.trial_title, *self.trial_conditions)),
            ),
            (f"the title of PMID {self.pmid}", self.paper_title),
            (f"the title of grant {self.number}", self.raw_title),
            (f"the abstract of grant {self.number}", self.abstract),
        ):
            if text and found_in([term], text):
                return label
        return "the cited text"  # pragma: no cover - the bridge names found terms only

    @property
    def facts(self) -> list[str]:
        """The source of each claim part 1 makes."""
        plural = "s" if "–" in self.years else ""
        facts = [
            f'grant {self.number}: "{self.raw_title}"'
            + (f", fiscal year{plural} {self.years}" if self.years else "")
            + (f", {self.url}" if self.url else "")
        ]
        if self.aim:
            facts.append(f'aim of grant {self.number}, from its abstract: "… to {self.aim}"')
        if self.nct_id:
            conditions = f"; conditions: {', '.join(self.trial_conditions)}" if (
                self.trial_conditions) else ""  # fmt: skip
            facts.append(
                f'trial {self.nct_id}: "{self.trial_title}", status {self.trial_status}'
                f"{conditions}; tied to the PI by {self.trial_route}; "
                f"https://clinicaltrials.gov/study/{self.nct_id}"
            )
        if self.pmid is not None:
            source = " ".join(str(p) for p in (self.journal, self.year or "") if p)
            link = f"; RePORTER links it to grant {self.paper_core}" if self.paper_core else ""
            facts.append(
                f'paper PMID {self.pmid}: "{self.paper_title}"'
                + (f", {source}" if source else "")
                + f"{link}; {PUBMED_URL.format(pmid=self.pmid)}"
            )
        return facts

    @property
    def values(self) -> dict[str, str]:
        """The template fields about the cited work."""
        return {
            "grant_number": self.number,
            "grant_title": self.title,
            "grant_url": self.url,
            "grant_aim": self.aim,
            "paper_title": self.paper_title,
            "paper_journal": self.journal,
            "paper_year": str(self.year or ""),
            "pmid": str(self.pmid or ""),
        }


def cite(
    grant: pd.Series, paper: pd.Series | None, abstract: str | None, trial: Any = None
) -> Cited:
    """The :class:`Cited` for a grant row (``GRANT_COLUMNS``), a paper row or None, the
    grant's abstract, and a :class:`~reporter_finder.leads.trials.TrialMatch` or None (a
    trial is cited instead of the paper)."""
    first_fy = whole_number(grant.get("first_fiscal_year"))
    last_fy = whole_number(grant.get("last_fiscal_year"))
    years = (
        f"{first_fy}–{last_fy}"
        if first_fy and last_fy and first_fy != last_fy
        else str(last_fy or first_fy or "")
    )
    text = cell_text(abstract)
    fields: dict[str, Any] = {
        "number": cell_text(grant.get("core_project_num")),
        "raw_title": cell_text(grant.get("project_title")),
        "url": cell_text(grant.get("project_detail_url")),
        "years": years,
        "abstract": text,
        # The grants table (and a lead list's top_grant_aim) carry the aim; else the abstract.
        "aim": cell_text(grant.get("aim")) or aim_clause(text),
    }
    if trial is not None:
        fields.update(
            nct_id=trial.trial.nct_id,
            trial_title=trial.trial.title.rstrip(". "),
            trial_status=trial.trial.status,
            trial_conditions=tuple(trial.trial.conditions),
            trial_route=trial.route,
        )
    elif paper is not None:
        title = cell_text(paper.get("title"))
        fields.update(
            pmid=int(paper["pmid"]),
            paper_title=re.sub(r"\.$", "", title.strip("[] ")).replace('"', "'"),
            journal=cell_text(paper.get("journal")),
            year=whole_number(paper.get("year")) or None,
            paper_core=cell_text(paper.get("core_project_num")),
        )
    return Cited(**fields)
