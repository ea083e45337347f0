"""Option values: parsing them (:func:`parse_years` and the click callbacks) and the value
objects commands receive (:class:`Filters`, :class:`Ranking`, :class:`Network`,
:class:`Publications`, :class:`ApplicantText`, :class:`Output`)."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reporter_finder.api.limits import FISCAL_YEAR_MIN, STATE_CODES
from reporter_finder.cli.errors import _META_API_URL, EXIT_USAGE, CliError
from reporter_finder.cli.terminal import _progress_wanted, say
from reporter_finder.errors import QueryError
from reporter_finder.vocabularies import VISAS, normalise_visa

if TYPE_CHECKING:  # pragma: no cover - typing only; these import pandas/requests
    from reporter_finder.api.ctgov import ClinicalTrialsClient
    from reporter_finder.api.pubmed import PubMedClient
    from reporter_finder.api.reporter import ReporterClient
    from reporter_finder.outreach.draft import Applicant

_META_CLIENT = "reporter_finder.api.reporter"

#: Environment variables of the options that carry personal settings.
EMAIL_ENV = "REPORTER_FINDER_EMAIL"
NCBI_API_KEY_ENV = "NCBI_API_KEY"


# --- option values --------------------------------------------------------------------------

_YEAR_PART = re.compile(r"^(\d{4})(?:\s*(?:-|–|\.\.)\s*(\d{4}))?$")
_ACTIVITY_CODE = re.compile(r"^[A-Z][A-Z0-9]{2}$")
_YEARS_EXAMPLE = "e.g. --years 2021-2025 or --years 2024,2025"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_years(text: str) -> tuple[int, ...]:
    """``"2023-2027"``, ``"2024,2025"`` or a mix (``"2019,2022-2024"``) → sorted fiscal years.

    Raises:
        click.BadParameter: not years, a backwards range, or years RePORTER cannot have.
    """
    last = datetime.date.today().year + 2  # RePORTER lists awards up to a year or two ahead
    years: set[int] = set()
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        match = _YEAR_PART.match(part)
        if not match:
            raise click.BadParameter(
                f"{part!r} is not a year or a range of years — {_YEARS_EXAMPLE}"
            )
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if low > high:
            raise click.BadParameter(
                f"{low}-{high} runs backwards — put the earlier year first: {high}-{low}"
            )
        if low < FISCAL_YEAR_MIN or high > last:
            raise click.BadParameter(
                f"{part} is outside RePORTER's fiscal years — use years from "
                f"{FISCAL_YEAR_MIN} to {last}"
            )
        years.update(range(low, high + 1))
    if not years:
        raise click.BadParameter(f"no year given — {_YEARS_EXAMPLE}")
    return tuple(sorted(years))


def as_of_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """``YYYY-MM-DD`` → a date (``None``: the library judges on today).

    The regular expression comes first because ``date.fromisoformat`` also takes forms such as
    ``20210101`` or ``2021-W01-1`` that a user could not tell apart from a typo.
    """
    if value is None:
        return None
    text = value.strip()
    try:
        if not _ISO_DATE.match(text):
            raise ValueError(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date — use YYYY-MM-DD, e.g. --as-of 2025-06-01"
        ) from None


def _split(values: Sequence[str] | str) -> list[str]:
    """Repeated options and comma-separated lists are the same thing: ``--state NY,MA``."""
    items = [values] if isinstance(values, str) else list(values)
    return [part.strip() for item in items for part in re.split(r"[,;]", item) if part.strip()]


def years_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    return None if value is None else parse_years(value)


def states_callback(ctx: click.Context, param: click.Parameter, value: Sequence[str]) -> Any:
    states = tuple(dict.fromkeys(code.upper() for code in _split(value)))
    for code in states:
        if code not in STATE_CODES:
            close = difflib.get_close_matches(code, sorted(STATE_CODES), n=3)
            maybe = f" (did you mean {' or '.join(close)}?)" if close else ""
            raise click.BadParameter(
                f"unknown state code {code!r}{maybe} — use two-letter postal codes such as "
                "NY, CA or MA"
            )
    return states


def mechanisms_callback(ctx: click.Context, param: click.Parameter, value: Sequence[str]) -> Any:
    codes = tuple(dict.fromkeys(code.upper() for code in _split(value)))
    for code in codes:
        if not _ACTIVITY_CODE.match(code):
            raise click.BadParameter(
                f"{code!r} is not an NIH activity code — use codes like R01, K24, U01 or T32"
            )
    return codes or None


def skills_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    return tuple(_split(value or ""))


def visa_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """``--visa``: one of :data:`~reporter_finder.vocabularies.VISAS`, case and hyphens ignored
    (``j1`` is J-1); not given is ``None`` (no visa constraint)."""
    try:
        return normalise_visa(value)
    except QueryError:
        raise click.BadParameter(
            f"{value!r} is not one of {', '.join(VISAS)} — 'none' if you need no visa "
            "(U.S. citizen or permanent resident)"
        ) from None


@dataclasses.dataclass(frozen=True)
class Filters:
    """What to search for and where: the shared query options."""

    specialty: str
    years: tuple[int, ...] | None
    states: tuple[str, ...]
    cities: tuple[str, ...]
    institutions: tuple[str, ...]
    mechanisms: tuple[str, ...] | None
    active_only: bool = False  # search and grants only: fetch keeps every record
    intramural: bool = False  # also NIH intramural (ZIA…) projects


@dataclasses.dataclass(frozen=True)
class Ranking:
    """How to rank PIs (``search``)."""

    skills: tuple[str, ...]
    track: str
    top: int
    include_companies: bool = False
    visa: str | None = None  # vocabularies.VISAS; None: no visa constraint


@dataclasses.dataclass(frozen=True)
class Network:
    """Where RePORTER is and how to use the cache."""

    api_url: str | None
    cache_mode: str
    timeout: float
    retries: int
    allow_partial: bool = False
    cache_path: Path | None = None  # the SQLite file; None: the library's default place

    def client(self) -> ReporterClient:
        """The command's RePORTER client (one per command, closed when the command ends)."""
        from reporter_finder.api.cache import CacheSettings
        from reporter_finder.api.reporter import ReporterClient

        ctx = click.get_current_context()
        if _META_CLIENT in ctx.meta:  # projects and publications share one client and cache
            return ctx.meta[_META_CLIENT]  # type: ignore[no-any-return]
        client = ReporterClient(
            self.api_url,
            cache=CacheSettings(mode=self.cache_mode, path=self.cache_path),
            timeout=(min(10.0, self.timeout), self.timeout),
            max_attempts=self.retries + 1,
            progress=_progress_wanted(),
        )
        ctx.meta[_META_API_URL] = client.base_url
        ctx.meta[_META_CLIENT] = client
        ctx.call_on_close(client.close)
        return client

    def ctgov_client(self, trials: Trials) -> ClinicalTrialsClient:
        """A ClinicalTrials.gov client with the same cache mode, timeout and retries."""
        from reporter_finder.api.cache import CacheSettings
        from reporter_finder.api.ctgov import ClinicalTrialsClient

        client = ClinicalTrialsClient(
            trials.base_url,
            cache=CacheSettings(mode=self.cache_mode),
            timeout=(min(10.0, self.timeout), self.timeout),
            max_attempts=self.retries + 1,
        )
        click.get_current_context().call_on_close(client.close)
        return client

    def pubmed_client(self, publications: Publications, email: str | None) -> PubMedClient:
        """A PubMed client with the same cache mode, timeout and retries as RePORTER's.

        Raises:
            QueryError: ``email`` does not look like an e-mail address (a usage error).
        """
        from reporter_finder.api.cache import CacheSettings
        from reporter_finder.leads.publications import PubMedClient

        client = PubMedClient(
            base_url=publications.base_url,
            api_key=publications.api_key,
            email=email,
            cache=CacheSettings(mode=self.cache_mode, path=self.cache_path),
            timeout=(min(10.0, self.timeout), self.timeout),
            max_attempts=self.retries + 1,
        )
        click.get_current_context().call_on_close(client.close)
        return client


@dataclasses.dataclass(frozen=True)
class Trials:
    """Whether to look up the PIs' clinical trials, and where ClinicalTrials.gov is."""

    enabled: bool | None  # None: on with the network, off with --load
    base_url: str | None = None  # API v2 root; None: $REPORTER_FINDER_CTGOV_URL or the real one

    def wanted(self, load: Path | None) -> bool:
        """On by default, off with ``--load`` (which promises no requests) unless asked for."""
        return self.enabled if self.enabled is not None else load is None


@dataclasses.dataclass(frozen=True)
class Publications:
    """Whether to look up publications, and the NCBI API key to do it with."""

    enabled: bool | None  # None: on with the network, off with --load
    api_key: str | None
    base_url: str | None = None  # E-utilities root; None: $REPORTER_FINDER_EUTILS_URL or NCBI

    def wanted(self, load: Path | None) -> bool:
        """On by default, off with ``--load`` (which promises no requests) unless asked for."""
        return self.enabled if self.enabled is not None else load is None


@dataclasses.dataclass(frozen=True)
class ApplicantText:
    """The applicant's details as typed (``draft`` and ``followups --draft``)."""

    name: str | None
    background: str | None
    skills: tuple[str, ...]
    specialty: str | None
    track: str
    duration: str | None
    visa: str | None

    def applicant(self, email: str | None) -> Applicant:
        """The library's :class:`~reporter_finder.outreach.Applicant` (validates the values).

        Raises:
            click.UsageError: ``--name`` or ``--background`` is missing.
        """
        from reporter_finder.outreach.draft import Applicant

        missing = [o for o, v in (("--name", self.name), ("--background", self.background))
                   if not (v or "").strip()]  # fmt: skip
        if missing:
            raise click.UsageError(f"drafts need {' and '.join(missing)} (who is writing)")
        return Applicant(
            name=self.name or "", background=self.background or "", skills=self.skills,
            specialty=self.specialty, track=self.track, duration=self.duration,
            visa=self.visa, email=email,
        )  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Output:
    """Where the data goes (``"-"`` = stdout), in which format, whether an existing file may
    be replaced (``--force``) and whether a table shows every column (``--wide``)."""

    path: str
    fmt: str
    force: bool = False
    wide: bool = False

    @property
    def to_stdout(self) -> bool:
        """True when the data goes to stdout."""
        return self.path == "-"

    def done(self, count: int, noun: str) -> None:
        """Say on stderr what was written (nothing for a table on the terminal)."""
        if not self.to_stdout:
            say(f"Wrote {count} {noun} to {self.path} ({self.fmt}).")


def check_new(path: str, force: bool) -> None:
    """Fail early (exit 2, one line), before any download, if ``path`` exists and ``--force``
    was not given: no file is replaced unasked. The file is not touched."""
    if force or path == "-" or not os.path.lexists(path):
        return
    raise CliError(f"{path} exists — pass --force to replace it", EXIT_USAGE)


def check_writable(path: str, option: str) -> None:
    """Fail early (exit 2), before any download, if ``path`` cannot be written."""
    if path == "-":
        return
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    problem = None
    if target.is_dir():
        problem = "it is a directory"
    elif not parent.is_dir():
        problem = f"the directory {str(parent)!r} does not exist"
    elif not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        problem = "permission denied"
    if problem:
        raise click.BadParameter(
            f"cannot write {path!r}: {problem} — choose another file or create the directory",
            param_hint=option,
        )
