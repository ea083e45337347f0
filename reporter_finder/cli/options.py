"""Options: parsing their values (:func:`parse_years` and the callbacks), the value objects
commands receive (:class:`Filters`, :class:`Ranking`, :class:`Network`, :class:`Publications`,
:class:`ApplicantText`, :class:`Output`), and the decorator stacks that declare them."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from reporter_finder.api.limits import API_URL_ENV, FISCAL_YEAR_MIN, STATE_CODES
from reporter_finder.cli.errors import _META_API_URL
from reporter_finder.cli.terminal import _META_QUIET, _META_VERBOSE, _progress_wanted, say
from reporter_finder.leads.export import FORMATS, infer_format
from reporter_finder.schema import TRACKS

if TYPE_CHECKING:  # pragma: no cover - typing only; these import pandas/requests
    from reporter_finder.api.reporter import ReporterClient
    from reporter_finder.leads.publications import PubMedClient
    from reporter_finder.outreach.compose import Applicant

F = TypeVar("F", bound=Callable[..., Any])

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


def _as_of_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
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


def _years_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    return None if value is None else parse_years(value)


def _states_callback(ctx: click.Context, param: click.Parameter, value: Sequence[str]) -> Any:
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


def _mechanisms_callback(ctx: click.Context, param: click.Parameter, value: Sequence[str]) -> Any:
    codes = tuple(dict.fromkeys(code.upper() for code in _split(value)))
    for code in codes:
        if not _ACTIVITY_CODE.match(code):
            raise click.BadParameter(
                f"{code!r} is not an NIH activity code — use codes like R01, K24, U01 or T32"
            )
    return codes or None


def _skills_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    return tuple(_split(value or ""))


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


@dataclasses.dataclass(frozen=True)
class Ranking:
    """How to rank PIs (``search``)."""

    skills: tuple[str, ...]
    track: str
    top: int


@dataclasses.dataclass(frozen=True)
class Network:
    """Where RePORTER is and how to use the cache."""

    api_url: str | None
    cache_mode: str
    timeout: float
    retries: int

    def client(self) -> ReporterClient:
        """The command's RePORTER client (one per command, closed when the command ends)."""
        from reporter_finder.api.cache import CacheSettings
        from reporter_finder.api.reporter import ReporterClient

        ctx = click.get_current_context()
        if _META_CLIENT in ctx.meta:  # projects and publications share one client and cache
            return ctx.meta[_META_CLIENT]  # type: ignore[no-any-return]
        client = ReporterClient(
            self.api_url,
            cache=CacheSettings(mode=self.cache_mode),
            timeout=(min(10.0, self.timeout), self.timeout),
            max_attempts=self.retries + 1,
            progress=_progress_wanted(),
        )
        ctx.meta[_META_API_URL] = client.base_url
        ctx.meta[_META_CLIENT] = client
        ctx.call_on_close(client.close)
        return client

    def pubmed_client(self, publications: Publications, email: str | None) -> PubMedClient:
        """A PubMed client with the same cache mode, timeout and retries as RePORTER's.

        Raises:
            QueryError: ``email`` does not look like an e-mail address (a usage error).
        """
        from reporter_finder.api.cache import CacheSettings
        from reporter_finder.leads.publications import PubMedClient

        client = PubMedClient(
            api_key=publications.api_key,
            email=email,
            cache=CacheSettings(mode=self.cache_mode),
            timeout=(min(10.0, self.timeout), self.timeout),
            max_attempts=self.retries + 1,
        )
        click.get_current_context().call_on_close(client.close)
        return client


@dataclasses.dataclass(frozen=True)
class Publications:
    """Whether to look up publications, and the NCBI API key to do it with."""

    enabled: bool | None  # None: on with the network, off with --load
    api_key: str | None

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
        from reporter_finder.outreach.compose import Applicant

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
    """Where the data goes (``"-"`` = stdout) and in which format."""

    path: str
    fmt: str

    @property
    def to_stdout(self) -> bool:
        """True when the data goes to stdout."""
        return self.path == "-"

    def done(self, count: int, noun: str) -> None:
        """Say on stderr what was written (nothing for a table on the terminal)."""
        if not self.to_stdout:
            say(f"Wrote {count} {noun} to {self.path} ({self.fmt}).")


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


# --- option stacks --------------------------------------------------------------------------


def _stack(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(f: F) -> F:
        for decorator in reversed(decorators):
            f = decorator(f)
        return f

    return apply


def _pack(cls: type, names: Sequence[str], into: str) -> Callable[[F], F]:
    """Replace the keyword arguments ``names`` by one ``cls`` instance passed as ``into``."""

    def decorate(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {n: kwargs.pop(n) for n in names if n in kwargs}
            kwargs[into] = cls(**values)
            return f(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def query_options(f: F) -> F:
    """SPECIALTY plus the filters shared by ``search``, ``grants`` and ``fetch``."""
    return _stack(
        click.argument("specialty"),
        click.option("--years", callback=_years_callback, metavar="YEARS",
                     help="Fiscal years: a range 2023-2027 or a list 2024,2025. "
                     "[default: the last five years and active grants]"),
        click.option("--state", "states", multiple=True, callback=_states_callback,
                     metavar="XX", help="Two-letter state code; repeat for several (--state NY "
                     "--state MA)."),
        click.option("--city", "cities", multiple=True, metavar="CITY",
                     help="City of the institution; repeatable."),
        click.option("--institution", "institutions", multiple=True, metavar="NAME",
                     help="Institution name as RePORTER spells it (partial names match); "
                     "repeatable."),
        click.option("--mechanism", "mechanisms", multiple=True, callback=_mechanisms_callback,
                     metavar="CODE", help="NIH activity code such as R01, K24, U01; repeatable. "
                     "[default: research and training awards]"),
        _pack(Filters, ["specialty", "years", "states", "cities", "institutions", "mechanisms",
                        "active_only"], "filters"),
    )(f)  # fmt: skip


def active_option(f: F) -> F:
    """``--active-only/--include-inactive`` (``search`` and ``grants``); put it above
    :func:`query_options`, which packs it into :class:`Filters`."""
    return click.option(
        "--active-only/--include-inactive", default=False, show_default=True,
        help="Keep only PIs (search) or grants (grants) with funding still running.",
    )(f)  # fmt: skip


def as_of_option(f: F) -> F:
    """``--as-of YYYY-MM-DD``: the day "active" and "months left" are judged on (default today).

    A fixed date makes runs on saved records (``--load``) give the same answer on any day.
    """
    return click.option(
        "--as-of", "as_of", callback=_as_of_callback, metavar="YYYY-MM-DD",
        help="Judge 'active' and 'months left' on this date, for reproducible runs on saved "
        "records. [default: today]",
    )(f)  # fmt: skip


def ranking_options(f: F) -> F:
    """Skills, track and how many leads to keep (``search``)."""
    return _stack(
        click.option("--skills", callback=_skills_callback, metavar='"A, B, C"',
                     help='Research skills you bring, comma-separated: "echocardiography, '
                     'machine learning".'),
        click.option("--track", type=click.Choice(TRACKS, case_sensitive=False), default="any",
                     show_default=True, help="clinical: patient-oriented research; postdoc: "
                     "lab/computational research; any: both."),
        click.option("--top", type=click.IntRange(min=1), default=50, show_default=True,
                     metavar="N", help="How many PIs to keep."),
        _pack(Ranking, ["skills", "track", "top"], "ranking"),
    )(f)  # fmt: skip


def _cache_mode(offline: bool, no_cache: bool, refresh: bool) -> str:
    chosen = [name for name, on in (("--offline", offline), ("--no-cache", no_cache),
                                    ("--refresh", refresh)) if on]  # fmt: skip
    if len(chosen) > 1:
        raise click.UsageError(f"{' and '.join(chosen)} cannot be combined: pick one")
    return "offline" if offline else "off" if no_cache else "refresh" if refresh else "normal"


def network_options(f: F) -> F:
    """API URL, cache mode, timeout and retries."""

    def pack(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            mode = _cache_mode(kwargs.pop("offline"), kwargs.pop("no_cache"), kwargs.pop("refresh"))
            kwargs["network"] = Network(
                kwargs.pop("api_url"), mode, kwargs.pop("timeout"), kwargs.pop("retries")
            )
            return f(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return _stack(
        click.option("--api-url", envvar=API_URL_ENV, show_envvar=True, metavar="URL",
                     help="RePORTER API root. [default: https://api.reporter.nih.gov/v2]"),
        click.option("--offline", is_flag=True,
                     help="Use only cached responses; never touch the network."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
        click.option("--refresh", is_flag=True,
                     help="Ignore cached responses and store fresh ones."),
        click.option("--timeout", type=click.FloatRange(min=1), default=60.0, show_default=True,
                     metavar="SECONDS", help="How long to wait for each answer."),
        click.option("--retries", type=click.IntRange(min=0, max=10), default=4,
                     show_default=True, metavar="N",
                     help="Retries after a failed request (with growing pauses)."),
        pack,
    )(f)  # fmt: skip


def load_option(f: F) -> F:
    """``--load FILE``: work on saved records instead of asking RePORTER."""
    return click.option(
        "--load", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="FILE",
        help="Use records saved by 'reporter-finder fetch --save' (or a saved RePORTER JSON "
        "response) instead of the API: no request is made.",
    )(f)  # fmt: skip


def publication_options(f: F) -> F:
    """``--publications/--no-publications`` and ``--ncbi-api-key``, packed as ``pubs``."""

    def pack(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            kwargs["pubs"] = Publications(kwargs.pop("publications"), kwargs.pop("ncbi_api_key"))
            return f(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return _stack(
        click.option("--publications/--no-publications", "publications", default=None,
                     help="Look up the PIs' papers (RePORTER links, titles from PubMed). "
                     "[default: on, off with --load]"),
        click.option("--ncbi-api-key", envvar=NCBI_API_KEY_ENV, show_envvar=True, metavar="KEY",
                     help="NCBI API key: 10 PubMed requests a second instead of 3."),
        pack,
    )(f)  # fmt: skip


def email_option(f: F) -> F:
    """``--email``: the applicant's address (drafts) and the contact NCBI asks for (PubMed)."""
    return click.option(
        "--email", envvar=EMAIL_ENV, show_envvar=True, metavar="ADDRESS",
        help="Your e-mail: signs drafts, and NCBI may use it to reach you about PubMed use.",
    )(f)  # fmt: skip


def applicant_options(f: F) -> F:
    """Who writes the e-mails (``draft``, ``followups --draft``), plus ``--template``."""
    return _stack(
        click.option("--name", metavar='"NAME"', help='Your full name, e.g. "Ana Rivera".'),
        click.option("--background", metavar='"TEXT"', help='A phrase completing "I am '
                     '<name>, …", e.g. "an internal medicine graduate from Peru".'),
        click.option("--skills", callback=_skills_callback, metavar='"A, B, C"',
                     help="Skills to mention, comma-separated."),
        click.option("--specialty", metavar="NAME", help="Your specialty, e.g. cardiology."),
        click.option("--track", type=click.Choice(TRACKS, case_sensitive=False), default="any",
                     show_default=True, help="The position you want: clinical, postdoc or any."),
        click.option("--duration", metavar='"TEXT"', help='How long, e.g. "12–24 months".'),
        click.option("--visa", metavar="TYPE", help="Your visa, e.g. J-1."),
        _pack(ApplicantText, ["name", "background", "skills", "specialty", "track", "duration",
                              "visa"], "applicant"),
        click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     metavar="FILE", help="Your own template (copy the packaged one; see the "
                     "README)."),
    )(f)  # fmt: skip


def output_options(f: F) -> F:
    """``-o/--output`` and ``--format``, resolved and checked before any work starts."""

    def pack(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            path, fmt = kwargs.pop("output"), kwargs.pop("fmt")
            check_writable(path, "'-o' / '--output'")
            try:
                fmt = infer_format(path, fmt, is_tty=sys.stdout.isatty())
            except ValueError as exc:
                raise click.BadParameter(str(exc), param_hint="'--format'") from None
            kwargs["output"] = Output(path, fmt)
            return f(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return _stack(
        click.option("-o", "--output", default="-", show_default=True, metavar="FILE",
                     help="Where to write; '-' is stdout. The extension picks the format."),
        click.option("--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False),
                     help="table, csv, xlsx, json or jsonl. [default: from the file extension; "
                     "a table on a terminal, CSV when piped]"),
        pack,
    )(f)  # fmt: skip


def _verbosity_callback(key: str) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:  # never unset what the group-level flag set
            ctx.meta[key] = True

    return callback


def verbosity_options(f: F) -> F:
    """``-v/--verbose`` and ``-q/--quiet`` (accepted before or after the command name)."""
    return _stack(
        click.option("-v", "--verbose", is_flag=True, expose_value=False,
                     callback=_verbosity_callback(_META_VERBOSE),
                     help="Show every request and full tracebacks."),
        click.option("-q", "--quiet", is_flag=True, expose_value=False,
                     callback=_verbosity_callback(_META_QUIET),
                     help="Show nothing but errors."),
    )(f)  # fmt: skip
