"""``ProjectQuery``: what to ask RePORTER's ``/v2/projects/search``, validated before sending.

A query is an immutable value. It knows nothing about HTTP: :meth:`ProjectQuery.to_payload`
builds the JSON body, and :class:`reporter_finder.api.reporter.ReporterClient` sends it. Every
criteria key it emits is in :data:`reporter_finder.api.limits.PROJECT_CRITERIA_KEYS`, because the
API silently ignores unknown keys and then returns *everything*.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reporter_finder.api import limits
from reporter_finder.api.criteria import (
    as_date,
    date_range,
    dedupe,
    int_tuple,
    pi_name_criterion,
    quote_term,
    str_tuple,
    year_span,
)
from reporter_finder.errors import QueryError

_STR_TUPLES = (
    "terms",
    "search_fields",
    "org_states",
    "org_cities",
    "org_names",
    "dept_types",
    "activity_codes",
    "agencies",
    "pi_names",
    "project_nums",
)
_INT_TUPLES = ("fiscal_years", "pi_profile_ids", "appl_ids")
_DATE_FIELDS = ("project_start_from", "project_start_to", "project_end_from", "project_end_to")
# Fields whose values RePORTER matches case-insensitively or stores in upper case: normalising
# them makes equal queries equal (and share one cache entry).
_UPPER = ("org_states", "activity_codes", "agencies", "dept_types")
_LOWER = ("search_fields",)
# Words the advanced search syntax treats as operators; a term equal to one must be quoted.
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class ProjectQuery:
    """A validated RePORTER project search.

    Lists are accepted anywhere a tuple is expected (and a single string is taken as a
    one-element tuple); codes are upper-cased. Invalid values raise
    :class:`~reporter_finder.errors.QueryError` at construction, saying what to change.

    Text: ``text`` is free text searched with ``operator`` ("and"/"or" between its words, or
    "advanced": a boolean expression sent as is, e.g. ``'(arrhythmia OR "atrial fibrillation")
    AND NOT zebrafish'``). ``terms`` are words or phrases joined by ``operator`` (OR for
    "advanced", ANDed with ``text``); phrases are quoted. ``search_fields`` defaults to title and
    abstract; add ``"terms"`` (RePORTER's noisy concept list) only on purpose.

    Example:
        >>> q = ProjectQuery(terms=["heart failure", "arrhythmia"], fiscal_years=[2024, 2025])
        >>> q.to_criteria()["advanced_text_search"]["search_text"]
        '"heart failure" OR arrhythmia'
    """

    text: str | None = None
    terms: tuple[str, ...] = ()
    operator: str = "or"
    search_fields: tuple[str, ...] = limits.DEFAULT_SEARCH_FIELDS
    fiscal_years: tuple[int, ...] = ()
    include_active: bool = False
    org_states: tuple[str, ...] = ()
    org_cities: tuple[str, ...] = ()
    org_names: tuple[str, ...] = ()
    dept_types: tuple[str, ...] = ()
    activity_codes: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    pi_profile_ids: tuple[int, ...] = ()
    pi_names: tuple[str, ...] = ()
    project_nums: tuple[str, ...] = ()
    appl_ids: tuple[int, ...] = ()
    exclude_subprojects: bool = True
    award_amount_min: int | None = None
    award_amount_max: int | None = None
    project_start_from: datetime.date | None = None
    project_start_to: datetime.date | None = None
    project_end_from: datetime.date | None = None
    project_end_to: datetime.date | None = None
    use_relevance: bool = False
    # Not a field of the query's meaning: cached canonical JSON of the criteria.
    _criteria_json: str = field(default="", init=False, repr=False, compare=False)

    # --- construction ------------------------------------------------------------------

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen dataclass: normalise in place once, here only
        text = self.text.strip() if isinstance(self.text, str) else self.text
        if text is not None and not isinstance(text, str):
            raise QueryError(f"text must be a string, not {type(text).__name__}")
        set_(self, "text", text or None)
        for name in _STR_TUPLES:
            values = str_tuple(name, getattr(self, name))
            if name in _UPPER:
                values = tuple(v.upper() for v in values)
            elif name in _LOWER:
                values = tuple(v.lower() for v in values)
            set_(self, name, dedupe(values))
        for name in _INT_TUPLES:
            set_(self, name, dedupe(int_tuple(name, getattr(self, name))))
        for name in _DATE_FIELDS:
            set_(self, name, as_date(name, getattr(self, name)))
        if not isinstance(self.operator, str):
            raise QueryError("operator must be one of 'and', 'or', 'advanced'")
        set_(self, "operator", self.operator.strip().lower())
        self._validate()
        set_(self, "_criteria_json", json.dumps(self._build_criteria(), sort_keys=True))

    def _validate(self) -> None:
        if self.operator not in limits.TEXT_OPERATORS:
            raise QueryError(
                f"Unknown text operator {self.operator!r}: use one of "
                f"{', '.join(sorted(limits.TEXT_OPERATORS))}."
            )
        unknown = [f for f in self.search_fields if f not in limits.SEARCH_FIELDS]
        if unknown:
            raise QueryError(
                f"Unknown search field(s) {', '.join(map(repr, unknown))}: use "
                f"{', '.join(sorted(limits.SEARCH_FIELDS))}."
            )
        if self.has_text and not self.search_fields:
            raise QueryError(
                "A text search needs at least one search field (RePORTER silently ignores the "
                "text without one): use projecttitle, abstracttext or terms."
            )
        if any('"' in t for t in self.terms):
            raise QueryError(
                'A term may not contain a double quote ("); pass phrases without quotes, '
                "they are quoted for you."
            )
        max_year = datetime.date.today().year + 2
        bad_years = [y for y in self.fiscal_years if not limits.FISCAL_YEAR_MIN <= y <= max_year]
        if bad_years:
            raise QueryError(
                f"Fiscal year(s) {', '.join(map(str, bad_years))} out of range: RePORTER has "
                f"fiscal years {limits.FISCAL_YEAR_MIN}–{max_year}."
            )
        for state in self.org_states:
            if state not in limits.STATE_CODES:
                close = difflib.get_close_matches(
                    state, sorted(limits.STATE_CODES), n=3, cutoff=0.5
                )
                hint = f" Did you mean {' or '.join(close)}?" if close else ""
                raise QueryError(
                    f"Unknown state code {state!r}: use two-letter postal codes "
                    f"(e.g. CA, NY, MA).{hint}"
                )
        for name in ("award_amount_min", "award_amount_max"):
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                raise QueryError(f"{name} must be a whole number of dollars, not {value!r}")
            if value < 0:
                raise QueryError(f"{name} must not be negative (got {value}).")
        if self.award_amount_max is not None and self.award_amount_max > limits.AWARD_AMOUNT_MAX:
            raise QueryError(
                f"award_amount_max {self.award_amount_max:,} is above the API's limit "
                f"{limits.AWARD_AMOUNT_MAX:,} (larger values make it fail with an empty 500): "
                "leave it unset for no upper bound."
            )
        if (
            self.award_amount_min is not None
            and self.award_amount_max is not None
            and self.award_amount_min > self.award_amount_max
        ):
            raise QueryError(
                f"award_amount_min ({self.award_amount_min:,}) is above award_amount_max "
                f"({self.award_amount_max:,}): swap them."
            )
        for what in ("start", "end"):
            low = getattr(self, f"project_{what}_from")
            high = getattr(self, f"project_{what}_to")
            if low is not None and high is not None and low > high:
                raise QueryError(
                    f"project_{what}_from ({low}) is after project_{what}_to ({high}): swap them."
                )
        if not self.has_text and not self._has_filter():
            # Years and "active" only pick a slice of time: alone they still ask for every
            # project of that time (70-100K a year), which no search means to do.
            raise QueryError(
                "The query has no text and no filter beyond fiscal years or active projects, "
                "so it would ask for all of RePORTER in that time: add text or terms, "
                "org_states, activity_codes, PI ids or another filter."
            )

    def _has_filter(self) -> bool:
        """Whether a criterion other than fiscal years / include_active narrows the query."""
        return bool(
            any(getattr(self, n) for n in _STR_TUPLES if n not in ("terms", "search_fields"))
            or self.pi_profile_ids
            or self.appl_ids
            or self.award_amount_min is not None
            or self.award_amount_max is not None
            or any(getattr(self, n) is not None for n in _DATE_FIELDS)
        )

    # --- public surface -----------------------------------------------------------------

    @property
    def has_text(self) -> bool:
        """True when the query searches text (``text`` or ``terms``)."""
        return bool(self.text or self.terms)

    def replace(self, **changes: Any) -> ProjectQuery:
        """Return a copy with ``changes`` applied (validated again).

        Raises:
            QueryError: when the changed query is invalid.
        """
        return dataclasses.replace(self, **changes)

    def with_fiscal_years(self, years: Iterable[int]) -> ProjectQuery:
        """A copy restricted to ``years`` (used to split queries above the 15,000 window)."""
        return self.replace(fiscal_years=tuple(years))

    def with_agencies(self, agencies: Iterable[str]) -> ProjectQuery:
        """A copy restricted to the administering institutes ``agencies`` (e.g. ``"NCI"``)."""
        return self.replace(agencies=tuple(agencies))

    def with_project_start(
        self, start_from: datetime.date | None, start_to: datetime.date | None
    ) -> ProjectQuery:
        """A copy restricted to projects starting within ``start_from``..``start_to``."""
        return self.replace(project_start_from=start_from, project_start_to=start_to)

    def to_criteria(self) -> dict[str, Any]:
        """The ``criteria`` object for ``/v2/projects/search`` (a fresh dict each call)."""
        criteria: dict[str, Any] = json.loads(self._criteria_json)
        return criteria

    def to_payload(
        self,
        offset: int = 0,
        limit: int = limits.PAGE_SIZE_MAX,
        include_fields: Iterable[str] = limits.INCLUDE_FIELDS,
        sort_field: str = "appl_id",
        sort_order: str = "asc",
    ) -> dict[str, Any]:
        """The full JSON body for one page of ``/v2/projects/search``.

        Args:
            offset: 0-based index of the first record.
            limit: page size, 1–500.
            include_fields: PascalCase field names (see ``limits.KNOWN_INCLUDE_FIELDS``).
            sort_field: snake_case sort key; ``appl_id`` gives deterministic pages.
            sort_order: ``"asc"`` or ``"desc"``.

        Raises:
            QueryError: limit outside 1–500, offset + limit beyond the 15,000 window, an
                unknown include field, or a bad sort order.
        """
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise QueryError(f"offset must be a non-negative integer (got {offset!r}).")
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise QueryError(f"limit must be an integer (got {limit!r}).")
        if not 1 <= limit <= limits.PAGE_SIZE_MAX:
            raise QueryError(f"limit must be 1–{limits.PAGE_SIZE_MAX} (got {limit}).")
        if offset + limit > limits.RESULT_WINDOW:
            raise QueryError(
                f"offset + limit = {offset + limit:,} is beyond RePORTER's window of "
                f"{limits.RESULT_WINDOW:,} records: split the query (e.g. by fiscal year)."
            )
        include = list(dict.fromkeys(include_fields))
        unknown = [name for name in include if name not in limits.KNOWN_INCLUDE_FIELDS]
        if unknown:
            raise QueryError(
                f"Unknown include field(s) {', '.join(map(repr, unknown))} (RePORTER would "
                "silently return whole records): use PascalCase names such as 'ProjectTitle'."
            )
        if sort_order.lower() not in ("asc", "desc"):
            raise QueryError(f"sort_order must be 'asc' or 'desc' (got {sort_order!r}).")
        payload: dict[str, Any] = {"criteria": self.to_criteria()}
        if include:
            payload["include_fields"] = include
        payload.update(
            offset=offset, limit=limit, sort_field=sort_field, sort_order=sort_order.lower()
        )
        return payload

    def describe(self, max_chars: int = 160) -> str:
        """A short human summary for logs and error messages.

        Example: ``text "heart failure" OR arrhythmia; FY 2024–2025; states MA, NY``.
        """
        parts: list[str] = []
        search = self._search_text()
        if search:
            parts.append(f"text {search}")
        if self.fiscal_years:
            parts.append("FY " + year_span(self.fiscal_years))
        if self.include_active:
            parts.append("+active")
        labels = (
            ("org_states", "states"),
            ("org_cities", "cities"),
            ("org_names", "orgs"),
            ("dept_types", "depts"),
            ("activity_codes", "activity"),
            ("agencies", "ICs"),
            ("pi_names", "PIs"),
            ("pi_profile_ids", "PI ids"),
            ("project_nums", "projects"),
            ("appl_ids", "appl ids"),
        )
        for name, label in labels:
            values = getattr(self, name)
            if values:
                shown = ", ".join(map(str, values[:4])) + (", …" if len(values) > 4 else "")
                parts.append(f"{label} {shown}")
        if self.award_amount_min is not None or self.award_amount_max is not None:
            high = "∞" if self.award_amount_max is None else f"{self.award_amount_max:,}"
            parts.append(f"award ${self.award_amount_min or 0:,}–{high}")
        if self.project_start_from or self.project_start_to:
            parts.append(f"start {self.project_start_from or '…'}–{self.project_start_to or '…'}")
        if self.project_end_from or self.project_end_to:
            parts.append(f"end {self.project_end_from or '…'}–{self.project_end_to or '…'}")
        summary = "; ".join(parts)
        return summary if len(summary) <= max_chars else summary[: max_chars - 1] + "…"

    def __str__(self) -> str:
        return self.describe()

    # --- criteria ----------------------------------------------------------------------

    def _build_criteria(self) -> dict[str, Any]:
        c: dict[str, Any] = {}
        if self.fiscal_years:
            c["fiscal_years"] = sorted(self.fiscal_years)
        if self.include_active:
            c["include_active_projects"] = True
        if self.use_relevance:
            c["use_relevance"] = True
        if self.pi_names:
            c["pi_names"] = [pi_name_criterion(n) for n in self.pi_names]
        if self.pi_profile_ids:
            c["pi_profile_ids"] = list(self.pi_profile_ids)
        for name in ("org_names", "org_cities", "org_states", "dept_types", "project_nums"):
            if getattr(self, name):
                c[name] = list(getattr(self, name))
        if self.appl_ids:
            c["appl_ids"] = list(self.appl_ids)
        if self.agencies:
            c["agencies"] = list(self.agencies)
        if self.activity_codes:
            c["activity_codes"] = list(self.activity_codes)
        if self.project_start_from or self.project_start_to:
            c["project_start_date"] = date_range(self.project_start_from, self.project_start_to)
        if self.project_end_from or self.project_end_to:
            c["project_end_date"] = date_range(self.project_end_from, self.project_end_to)
        if self.award_amount_min is not None or self.award_amount_max is not None:
            # The API wants both bounds; an open bound becomes the widest value allowed.
            c["award_amount_range"] = {
                "min_amount": self.award_amount_min or 0,
                "max_amount": (
                    self.award_amount_max
                    if self.award_amount_max is not None
                    else limits.AWARD_AMOUNT_MAX
                ),
            }
        if self.exclude_subprojects:
            c["exclude_subprojects"] = True
        search = self._search_text()
        if search:
            operator = self.operator if not self.terms else "advanced"
            c["advanced_text_search"] = {
                "operator": operator,
                # One comma-joined string: a list is not understood (reporter-api.md §5).
                "search_field": ",".join(self.search_fields),
                "search_text": search,
            }
        extra = set(c) - limits.PROJECT_CRITERIA_KEYS
        assert not extra, f"criteria keys outside the whitelist: {extra}"  # programming error
        return c

    def _search_text(self) -> str | None:
        if not self.terms:
            return self.text
        # Terms always go out as an "advanced" expression: the plain "or"/"and" operators put
        # the operator between *every* space-separated word, which would split phrases.
        joiner = " AND " if self.operator == "and" else " OR "
        terms_expr = joiner.join(quote_term(t) for t in self.terms)
        if not self.text:
            return terms_expr
        if self.operator == "advanced":
            return f"({self.text}) AND ({terms_expr})"
        words = [
            m.group(1) if m.group(1) is not None else m.group(2) for m in _TOKEN.finditer(self.text)
        ]
        return joiner.join(quote_term(w) for w in [*words, *self.terms] if w)


# --- helpers (private) -------------------------------------------------------------------
