"""One principal investigator: the query that fetches their projects, and their grants in detail.

The library half of the ``pi`` command. It sits beside :mod:`reporter_finder.search` (it uses
the api and tables layers only) rather than inside it: a mentor search ranks many PIs for a
specialty, while this looks at one PI with no specialty at all, and keeping it apart keeps
``search`` to the ranking facade.

Example:
    >>> pi_query("8406715").pi_profile_ids
    (8406715,)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from reporter_finder.api.limits import PUBMED_URL_TEMPLATE
from reporter_finder.api.query import ProjectQuery
from reporter_finder.errors import NotFoundError
from reporter_finder.schema import EMAIL_LEAD_COLUMNS, RANK_COLUMNS, TRIAL_LEAD_COLUMNS
from reporter_finder.tables.build import Tables
from reporter_finder.tables.lookup import surname_patterns

__all__ = ["PI_DETAIL_COLUMNS", "pi_grant_details", "pi_query"]


def pi_query(who: str | int) -> ProjectQuery:
    """The query for one PI's projects: by profile id when ``who`` is all digits, else by name.

    A name is asked for broadly, as one request of ORed ``last_name`` criteria
    (:func:`~reporter_finder.tables.lookup.surname_patterns`: each word that may be the
    surname, wildcards, compound forms); RePORTER's exact-match semantics are not relied on, the
    PI is then picked out of the answer with :func:`~reporter_finder.tables.lookup.lookup_pi`.
    A name of initials only is sent as typed.

    Raises:
        QueryError: ``who`` is empty.

    Example:
        >>> pi_query("8406715").pi_profile_ids
        (8406715,)
        >>> pi_query("Tononi, G").pi_names
        ('TONONI,', 'TONONI*,')
    """
    text = " ".join(str(who).split())
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if text.isdecimal():
        return ProjectQuery(pi_profile_ids=(int(text),))
    patterns = surname_patterns(text)
    # "LAST," is a last_name criterion (api/criteria.py pi_name_criterion).
    return ProjectQuery(pi_names=tuple(f"{p}," for p in patterns) or (text,))


#: Columns of :func:`pi_grant_details`: the PI, then one row per grant, then its papers.
PI_DETAIL_COLUMNS: tuple[str, ...] = (
    "profile_id",
    "pi_name",
    "pi_title",
    *EMAIL_LEAD_COLUMNS,  # the PI's sourced address, repeated on each grant's row
    *TRIAL_LEAD_COLUMNS,  # the PI's clinical trials (leads.trials), repeated likewise
    "organization",
    "department",
    "core_project_num",
    "activity_code",
    "project_title",
    "first_fiscal_year",
    "last_fiscal_year",
    "latest_award_amount",
    "total_award_amount",
    "is_active",
    "role",
    "program_officers",
    "study_sections",
    "project_detail_url",
    "n_publications",
    "publications",
    "pubmed_urls",
)


def pi_grant_details(
    tables: Tables,
    pi_key: str,
    *,
    publications: pd.DataFrame | None = None,
    email: Mapping[str, Any] | None = None,
    trials: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """One PI in detail: one row per grant with the PI's details, role and papers, newest first.

    Args:
        tables: the tables holding the PI.
        pi_key: the PI (``tables.pis.pi_key``).
        publications: :func:`~reporter_finder.leads.publications.pi_publications` for this PI, most
            recent first; ``None`` when they were not looked up.
        email: the PI's sourced address (:func:`~reporter_finder.leads.emails.pi_emails`),
            repeated on every row; ``None`` leaves the e-mail columns empty.
        trials: the PI's trial cells (:func:`~reporter_finder.leads.trials.trial_columns`),
            repeated on every row; ``None`` (not looked up) leaves them empty.

    Returns:
        :data:`PI_DETAIL_COLUMNS`. ``role`` is ``"contact PI"`` when the PI is contact PI on
        any record of the grant, else ``"PI (multi-PI)"``. ``publications`` lists the
        citations (``"Title — Journal Year (PMID n)"``) RePORTER links to the grant and
        ``pubmed_urls`` their PubMed pages, in the same order; without ``publications``,
        ``n_publications`` is ``<NA>`` and both lists are empty.

    Raises:
        NotFoundError: ``pi_key`` is not in ``tables.pis`` (also a ``KeyError``).

    Example:
        >>> pi_grant_details(tables, "8406715")[["core_project_num", "role"]]  # doctest: +SKIP
    """
    people = tables.pis[tables.pis["pi_key"] == pi_key]
    if people.empty:
        raise NotFoundError(
            f"no PI with pi_key {pi_key!r} in these tables",
            hint="look the PI up with find_pi(tables.pis, name) first",
        )
    person = people.iloc[0]
    links = tables.pi_grants[tables.pi_grants["pi_key"] == pi_key]
    contact = links.groupby("core_project_num")["is_contact_pi"].agg(
        lambda s: bool(s.fillna(False).any())
    )
    rows = tables.grants[tables.grants["core_project_num"].isin(contact.index)].copy()
    # bool(): the grouped values are numpy booleans, for which "is True" never holds.
    rows["role"] = [
        "contact PI" if bool(contact.get(num, False)) else "PI (multi-PI)"
        for num in rows["core_project_num"]
    ]
    for column in ("profile_id", "pi_name", "pi_title", "organization", "department"):
        rows[column] = person[column]
    cited: dict[str, list[tuple[str, str]]] = {}
    if publications is not None:
        mine = publications[publications["pi_key"].astype("string") == pi_key]
        for core, citation, pmid in zip(
            mine["core_project_num"], mine["citation"], mine["pmid"], strict=True
        ):
            url = PUBMED_URL_TEMPLATE.format(pmid=int(pmid))
            cited.setdefault(str(core), []).append((str(citation), url))
    numbers = [str(num) for num in rows["core_project_num"]]
    rows["n_publications"] = pd.array(
        [None if publications is None else len(cited.get(n, [])) for n in numbers], dtype="Int64"
    )
    rows["publications"] = [[c for c, _ in cited.get(n, [])] for n in numbers]
    rows["pubmed_urls"] = [[u for _, u in cited.get(n, [])] for n in numbers]
    for column in EMAIL_LEAD_COLUMNS:  # from leads.emails.pi_emails; empty when unknown
        value = (email or {}).get(column, pd.NA)
        rows[column] = pd.Series([value] * len(rows), index=rows.index, dtype=RANK_COLUMNS[column])
    for column in TRIAL_LEAD_COLUMNS:
        value = (trials or {}).get(column, pd.NA)
        if column == "trial_nct_ids":
            rows[column] = [
                list(value) if isinstance(value, list) else [] for _ in range(len(rows))
            ]
        else:
            rows[column] = pd.Series([value] * len(rows), index=rows.index,
                                     dtype=RANK_COLUMNS[column])  # fmt: skip
    rows = rows.sort_values(["last_fiscal_year", "core_project_num"], ascending=[False, True])
    return rows.loc[:, list(PI_DETAIL_COLUMNS)].reset_index(drop=True)
