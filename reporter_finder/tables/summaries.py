"""The ``grants`` and ``pis`` tables: per-grant and per-PI summaries of the projects.

Both are computed from the flattened tables (:mod:`reporter_finder.tables.projects`), never
from raw records. Grouping runs on integer codes (``pd.factorize``) rather than on the key
strings: sorting and hashing strings was the slow part at 100,000 records.

Active
    ``grants.is_active`` is computed, not copied: the grant's latest ``project_end_date`` is on
    or after ``as_of`` (default: today). ``projects.is_active`` is the API's own flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import pandas as pd

from reporter_finder.dates import DAYS_PER_MONTH
from reporter_finder.errors import DataFormatError
from reporter_finder.schema import GRANT_COLUMNS, PI_COLUMNS, PI_GRANT_COLUMNS, empty_frame
from reporter_finder.tables.aims import aim_clause
from reporter_finder.tables.clean import SUPPLEMENT_SUFFIX, conform
from reporter_finder.tables.people import pretty_title

__all__ = ["grants_table", "pis_table"]


def _require(frame: pd.DataFrame, columns: Iterable[str], table: str) -> None:
    """Refuse a frame that is not the table asked for (rather than fail on a KeyError)."""
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise DataFormatError(
            f"not a {table} table: it lacks {', '.join(missing)}",
            hint=f"pass the {table} table from build_tables()",
        )


def _as_of(as_of: date | None) -> pd.Timestamp:
    return pd.Timestamp(as_of if as_of is not None else date.today())


def _is_supplement(projects: pd.DataFrame) -> pd.Series:
    suffix = projects["project_num"].str.extract(r"-\d{2}([A-Z0-9]*)$", expand=False)
    by_suffix = suffix.str.contains(SUPPLEMENT_SUFFIX.pattern, regex=True)
    by_type = projects["award_type"].eq("3")
    return (by_suffix.fillna(False) | by_type.fillna(False)).astype(bool)


def _distinct_lists(
    groups: pd.Series, values: pd.Series, keys: pd.Index, *, explode: bool
) -> pd.Series:
    """Per key, the distinct non-missing values in row order.

    A plain loop: ``groupby().agg(list)`` builds one Series per group and is ~50x slower.
    """
    out: dict[Any, list[Any]] = {}
    seen: set[tuple[Any, Any]] = set()
    for group, cell in zip(groups.tolist(), values.tolist(), strict=True):
        for value in cell if explode else (cell,):
            if isinstance(value, str) and (group, value) not in seen:
                seen.add((group, value))
                out.setdefault(group, []).append(value)
    return pd.Series([out.get(key, []) for key in keys], index=keys, dtype="object")


# --- grants --------------------------------------------------------------------------------------

# projects columns grants_table reads, and those taken from each grant's latest record
_GRANT_HEAD = (
    "appl_id", "activity_code", "project_title", "org_name", "org_city", "org_state",
    "dept_type", "organization_type", "agency_ic_admin", "contact_pi_profile_id",
    "project_detail_url",
)  # fmt: skip
_GRANT_INPUTS = [
    *_GRANT_HEAD, "fiscal_year", "project_start_date", "project_end_date", "award_amount",
    "is_subproject", "project_num", "award_type", "study_section", "program_officers", "pi_keys",
    "budget_start", "abstract_text",
]  # fmt: skip


def _grant_rows(projects: pd.DataFrame) -> tuple[pd.DataFrame, Any]:
    """The rows that count towards grants, latest first within each grant, and the core numbers.

    ``_g`` codes the core number (codes follow the sorted numbers); ``_parent`` marks
    non-supplement rows. The first row of each grant is its latest fiscal year's parent record.
    """
    rows = projects[projects["core_project_num"].notna()]
    # Integer codes in core-number order: sorting and grouping on them is much cheaper than on
    # the strings, and the output comes out sorted by core number.
    codes, keys = pd.factorize(rows["core_project_num"], sort=True)
    rows = rows.loc[:, _GRANT_INPUTS].assign(_g=codes)
    is_sub = rows["is_subproject"].fillna(False).to_numpy(dtype=bool)
    has_parent = pd.Series(~is_sub, index=rows.index).groupby(codes).transform("any")
    rows = rows[~is_sub | ~has_parent.to_numpy(dtype=bool)]
    rows = rows.assign(_parent=~_is_supplement(rows))
    rows = rows.sort_values(
        ["_g", "fiscal_year", "_parent", "appl_id"],
        ascending=[True, False, False, False],
        kind="stable",
        na_position="last",
    )
    return rows, keys


def _award_dates(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Per grant code ``_g``: the newest award date of any record, and of new (type 1) or
    renewed (type 2) records only. A record's award date is its budget start; a type 1 record
    without one falls back to its project start (a new award's first budget starts then)."""
    kind = rows["award_type"].astype("string").str.strip().str[:1]
    new = kind.isin(["1", "2"]).fillna(False).to_numpy(dtype=bool)
    fallback = rows["project_start_date"].where(kind.eq("1").fillna(False))
    when = rows["budget_start"].fillna(fallback)
    latest = when.groupby(rows["_g"]).max()
    newest_new = when[new].groupby(rows["_g"][new]).max()
    return latest, newest_new


def grants_table(projects: pd.DataFrame, *, as_of: date | None = None) -> pd.DataFrame:
    """One row per ``core_project_num`` (``schema.GRANT_COLUMNS``) from a projects table.

    Fiscal years, amendments and supplements (``3…S1``) collapse into one grant: earliest
    start, latest end, first/last fiscal year, ``latest_award_amount`` = sum of awards in the
    latest fiscal year (parent plus that year's supplements), ``total_award_amount`` = sum of
    every row. Title, activity code, organisation and URL come from the latest fiscal year's
    parent (non-supplement) record when there is one. Subproject rows are left out of every
    figure (a parent's award already includes its components) unless a grant has only
    subproject rows. ``aim`` is the aim clause of the latest abstract
    (:func:`~reporter_finder.tables.aims.aim_clause`), NA when it states none.
    ``latest_award_date`` is the newest budget start of any record (a new,
    type 1, record without one: its project start); ``new_award_date`` the same over new
    (type 1) and renewed (type 2) records only (NA when the data hold none). Rows without a
    core project number are not grants and are skipped.
    ``is_active`` is ``project_end_date >= as_of`` (default today; pass ``as_of`` for
    reproducible results); ``months_left`` is the distance in average months (negative once
    ended).

    Raises:
        DataFormatError: ``projects`` has rows but is not a projects table.
    """
    if not projects.empty:
        _require(projects, ["core_project_num", *_GRANT_INPUTS], "projects")
    if projects.empty or projects["core_project_num"].isna().all():
        return empty_frame(GRANT_COLUMNS)
    rows, keys = _grant_rows(projects)
    grouped = rows.groupby("_g", sort=True)
    head = grouped[list(_GRANT_HEAD)].first()  # latest non-missing value per column
    last_fy = grouped["fiscal_year"].max()
    in_last_fy = rows["fiscal_year"].eq(rows["_g"].map(last_fy)).fillna(False)
    latest_award = (
        rows.loc[in_last_fy.to_numpy(dtype=bool)].groupby("_g")["award_amount"].sum(min_count=1)
    )
    index = head.index
    end = grouped["project_end_date"].max()
    award_date, new_award_date = _award_dates(rows)
    as_of_ts = _as_of(as_of)
    out = pd.DataFrame(
        {
            "core_project_num": pd.Series(keys.take(index.to_numpy()), index=index),
            "latest_appl_id": head["appl_id"],
            "first_fiscal_year": grouped["fiscal_year"].min(),
            "last_fiscal_year": last_fy,
            "n_records": grouped.size(),
            "project_start_date": grouped["project_start_date"].min(),
            "project_end_date": end,
            "latest_award_amount": latest_award.reindex(index),
            "total_award_amount": grouped["award_amount"].sum(min_count=1),
            "study_sections": _distinct_lists(
                rows["_g"], rows["study_section"], index, explode=False
            ),
            "program_officers": _distinct_lists(
                rows["_g"], rows["program_officers"], index, explode=True
            ),
            "pi_keys": _distinct_lists(rows["_g"], rows["pi_keys"], index, explode=True),
            "is_active": pd.Series(end >= as_of_ts, dtype="boolean").where(end.notna()),
            "months_left": (end - as_of_ts).dt.days / DAYS_PER_MONTH,
            "latest_award_date": award_date.reindex(index),
            "new_award_date": new_award_date.reindex(index),
            # The aim as the latest abstract states it (tables.aims), for drafts and lead lists.
            "aim": grouped["abstract_text"].first().map(aim_clause).replace("", None),
            **{column: head[column] for column in _GRANT_HEAD if column != "appl_id"},
        }
    )
    return conform(out, GRANT_COLUMNS)


# --- PIs -----------------------------------------------------------------------------------------

_PI_GRANT_FACTS = (
    "is_active", "latest_award_amount", "project_end_date", "activity_code", "org_name",
    "dept_type", "organization_type", "org_city", "org_state",
)  # fmt: skip


def _pi_total_funding(links: pd.DataFrame, everyone: pd.RangeIndex) -> pd.Series:
    """Sum of ``award_amount`` per PI, skipping subproject rows where the same PI holds the
    parent record of that grant and year."""
    sub = links["is_subproject"].fillna(False).to_numpy(dtype=bool)
    slot = [links["_pi"], links["_grant"], links["fiscal_year"].fillna(-1)]
    has_parent = pd.Series(~sub, index=links.index).groupby(slot).transform("any")
    paid = links[~sub | ~has_parent.to_numpy(dtype=bool)]
    return paid.groupby("_pi")["award_amount"].sum(min_count=1).reindex(everyone)


def _pi_grant_pairs(links: pd.DataFrame, grants: pd.DataFrame, cores: Any) -> pd.DataFrame:
    """One row per PI and grant, with the grant's facts (missing where ``grants`` lacks it)."""
    pairs = (
        links[links["_grant"] >= 0]
        .groupby(["_pi", "_grant"], sort=True)
        .agg(pi_last_fy=("fiscal_year", "max"), contact=("is_contact_pi", "any"))
        .reset_index()
    )
    # Grant facts aligned with the grant codes.
    facts = grants.drop_duplicates("core_project_num").set_index("core_project_num")
    facts = facts.reindex(pd.Index(cores, dtype="string"))
    at = pairs["_grant"].to_numpy()
    for column in _PI_GRANT_FACTS:
        pairs[column] = facts[column].array.take(at)
    active = pairs["is_active"].fillna(False).to_numpy(dtype=bool)
    pairs["_active_amount"] = pairs["latest_award_amount"].where(active)
    pairs["_active"] = active
    pairs["_contact"] = pairs["contact"].fillna(False).to_numpy(dtype=bool)
    return pairs


def _pi_recent_org(pairs: pd.DataFrame, everyone: pd.RangeIndex) -> pd.DataFrame:
    """Organisation, its type and place of each PI's most recent grant (latest fiscal year the PI
    is on it, then latest end date)."""
    # The most recent grant's own row (NA included), hence drop_duplicates, not groupby.last.
    return (
        pairs.sort_values(
            ["_pi", "pi_last_fy", "project_end_date", "_grant"], na_position="first", kind="stable"
        )
        .drop_duplicates("_pi", keep="last")
        .set_index("_pi")[["org_name", "dept_type", "organization_type", "org_city", "org_state"]]
        .reindex(everyone)
    )


def pis_table(
    projects: pd.DataFrame,
    grants: pd.DataFrame,
    pi_grants: pd.DataFrame,
    *,
    records: Iterable[Mapping[str, Any]] | None = None,
) -> pd.DataFrame:
    """One row per PI (``schema.PI_COLUMNS``) from the other three tables.

    Names, titles and amounts travel in ``pi_grants``; grant status and organisation come from
    ``grants``. ``projects`` and ``records`` are accepted so callers can pass what they have;
    neither is needed (``records`` is ignored, names are already in ``pi_grants``).

    Name and sort name come from the PI's latest record; ``pi_title`` is the latest non-empty
    title, title-cased when sent in capitals; organisation, department, city and state are those
    of the PI's most recent grant (latest fiscal year the PI is on it, then latest end date).
    ``n_grants`` counts distinct core project numbers, multi-PI grants counting for every PI.
    ``active_funding`` sums ``latest_award_amount`` over the PI's active grants;
    ``total_funding`` sums ``award_amount`` over the PI's records (a subproject record is
    skipped where the PI is also on the parent record of that grant and year).

    Raises:
        DataFormatError: ``pi_grants`` has rows but it or ``grants`` is not the table named.
    """
    del projects, records  # see docstring: everything needed is in pi_grants and grants
    if pi_grants.empty:
        return empty_frame(PI_COLUMNS)
    _require(pi_grants, PI_GRANT_COLUMNS, "pi_grants")
    _require(grants, ["core_project_num", *_PI_GRANT_FACTS], "grants")
    # Integer codes in key order for every sort and groupby (strings are slow to sort/hash);
    # -1 marks a link without a core project number.
    pi_codes, pi_keys = pd.factorize(pi_grants["pi_key"], sort=True)
    grant_codes, cores = pd.factorize(pi_grants["core_project_num"], sort=True)
    everyone = pd.RangeIndex(len(pi_keys))
    links = pi_grants.assign(_pi=pi_codes, _grant=grant_codes).sort_values(
        ["_pi", "fiscal_year", "appl_id"], kind="stable", na_position="first"
    )
    by_pi = links.groupby("_pi", sort=True)
    # the latest non-missing name, sort name and profile id
    latest = by_pi[["profile_id", "pi_name", "sort_name"]].last().reindex(everyone)
    pairs = _pi_grant_pairs(links, grants, cores)
    per_pi = pairs.groupby("_pi", sort=True)
    recent = _pi_recent_org(pairs, everyone)
    by_code = pairs.sort_values(["_pi", "activity_code"], kind="stable")
    code_lists = _distinct_lists(by_code["_pi"], by_code["activity_code"], everyone, explode=False)
    titles = links.dropna(subset=["pi_title"]).groupby("_pi")["pi_title"].last()
    out = pd.DataFrame(
        {
            "pi_key": pd.Series(pi_keys, index=everyone),
            "profile_id": latest["profile_id"],
            "pi_name": latest["pi_name"],
            "sort_name": latest["sort_name"],
            "pi_title": titles.reindex(everyone).map(pretty_title, na_action="ignore"),
            "organization": recent["org_name"],
            "department": recent["dept_type"],
            "organization_type": recent["organization_type"],
            "city": recent["org_city"],
            "state": recent["org_state"],
            "n_grants": per_pi.size().reindex(everyone, fill_value=0),
            "n_active_grants": per_pi["_active"].sum().reindex(everyone, fill_value=0),
            "n_contact_grants": per_pi["_contact"].sum().reindex(everyone, fill_value=0),
            "active_funding": per_pi["_active_amount"].sum().reindex(everyone, fill_value=0.0),
            "total_funding": _pi_total_funding(links, everyone),
            "first_fiscal_year": by_pi["fiscal_year"].min().reindex(everyone),
            "last_fiscal_year": by_pi["fiscal_year"].max().reindex(everyone),
            "activity_codes": code_lists,
        }
    )
    return conform(out, PI_COLUMNS)
