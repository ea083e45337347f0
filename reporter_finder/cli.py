"""The ``reporter-finder`` command line: a thin skin over the library.

Layout, so that adding a command is a matter of one function:

* **Option stacks** (:func:`query_options`, :func:`ranking_options`, :func:`network_options`,
  :func:`publication_options`, :func:`applicant_options`, :func:`load_option`,
  :func:`output_options`, :func:`verbosity_options`) are decorators. Each one packs its
  options into one small value object (:class:`Filters`, :class:`Ranking`, :class:`Network`,
  :class:`Publications`, :class:`ApplicantText`, :class:`Output`) handed to the command, so
  commands stay short.
* **Every command** is a :class:`ReporterCommand`: it configures logging from ``-v``/``-q``
  for the duration of the command (and restores it after, which matters inside tests).
* **Errors are mapped in one place**, :meth:`ReporterGroup.invoke`: library errors become one
  line ``Error: <what> — <what to do>`` on stderr with exit code 1 (2 for a query the user
  typed wrong), Ctrl-C exits with 130, and a traceback is shown only with ``-v``.

Data goes to stdout (or ``-o FILE``); messages, warnings and progress bars go to stderr.
pandas, requests and openpyxl are imported inside the commands so that ``--help`` is fast.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import difflib
import functools
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from reporter_finder import __version__
from reporter_finder.exceptions import (
    DataFormatError,
    IncompleteResultsError,
    InvalidResponseError,
    LexiconError,
    OfflineCacheMissError,
    OutreachError,
    QueryError,
    RateLimitError,
    ReporterConnectionError,
    ReporterError,
    ReporterHTTPError,
    ResultWindowError,
)
from reporter_finder.export import FORMATS, infer_format
from reporter_finder.fields import API_URL_ENV, FISCAL_YEAR_MIN, STATE_CODES, TRACKS

if TYPE_CHECKING:  # pragma: no cover - typing only; these import pandas/requests
    import pandas as pd

    from reporter_finder.client import ReporterClient
    from reporter_finder.outreach import Applicant
    from reporter_finder.publications import PubMedClient
    from reporter_finder.tables import Tables

F = TypeVar("F", bound=Callable[..., Any])

logger = logging.getLogger(__name__)

CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: Exit codes (documented in README.md, "Errors and exit codes").
EXIT_RUNTIME = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_META_VERBOSE = "reporter_finder.verbose"
_META_QUIET = "reporter_finder.quiet"
_META_API_URL = "reporter_finder.api_url"
_META_CLIENT = "reporter_finder.client"

#: Environment variables of the options that carry personal settings.
EMAIL_ENV = "REPORTER_FINDER_EMAIL"
NCBI_API_KEY_ENV = "NCBI_API_KEY"

#: What to do about each kind of library error, when the error carries no hint of its own.
_DEFAULT_HINTS: tuple[tuple[type[ReporterError], str], ...] = (
    (OfflineCacheMissError, "run the same command once without --offline to fill the cache"),
    (DataFormatError, "pass a file saved by 'reporter-finder fetch --save', or a RePORTER "
     "projects/search response saved as JSON"),
    (RateLimitError, "RePORTER is limiting requests: wait a few minutes and try again"),
    (ResultWindowError, "narrow the search with --years, --state or --mechanism"),
    (IncompleteResultsError, "try again; RePORTER ended a page early"),
    (InvalidResponseError, "try again later; rerun with -v to see the requests"),
    (ReporterHTTPError, "RePORTER may be down: try again later, or use --offline for cached "
     "searches"),
    (LexiconError, "reinstall reporter-finder: its packaged vocabulary is damaged"),
    (OutreachError, "check the applicant options, the template and the lead list (see "
     "'reporter-finder draft --help')"),
    (QueryError, "check the options you gave (see --help)"),
)  # fmt: skip
_UNREACHABLE_HINT = "check your connection, or use --offline for cached searches"


# --- logging --------------------------------------------------------------------------------


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A handler that writes to whatever ``sys.stderr`` is *now*.

    click's test runner swaps ``sys.stderr`` for each invocation; a handler holding on to the
    stream it was created with would write into a closed buffer.
    """

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        """Ignored: the stream is always the current ``sys.stderr``."""


@contextlib.contextmanager
def _logging_to_stderr(verbose: bool, quiet: bool) -> Iterator[None]:
    """Route reporter_finder's log records to stderr for one command, then restore logging.

    Default: warnings and errors. ``-v``: DEBUG, including every HTTP request (urllib3 logs
    each one). ``-q``: errors only.
    """
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    handler = _StderrHandler()
    handler.setLevel(level)
    handler.setFormatter(
        logging.Formatter(
            "%(asctime)s %(levelname)s %(name)s: %(message)s"
            if verbose
            else "%(levelname)s: %(message)s"
        )
    )
    names = ["reporter_finder", *(["urllib3"] if verbose else [])]
    saved = []
    for name in names:
        target = logging.getLogger(name)
        saved.append((target, target.level))
        target.setLevel(level)
        target.addHandler(handler)
    try:
        yield
    finally:
        for target, old_level in saved:
            target.removeHandler(handler)
            target.setLevel(old_level)


def _quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get(_META_QUIET))


def say(message: str) -> None:
    """Tell the user something on stderr (silenced by ``-q``)."""
    if not _quiet():
        click.echo(message, err=True)


def _stdin_is_terminal() -> bool:
    """Whether a person can answer a question (not a pipe, a script or CI)."""
    return sys.stdin.isatty()


def _progress_wanted() -> bool:
    return not _quiet() and sys.stderr.isatty()


# --- errors ---------------------------------------------------------------------------------


class CliError(click.ClickException):
    """One line ``Error: <message>`` on stderr and the given exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_RUNTIME) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _root_reason(exc: BaseException) -> str | None:
    """The operating system's words for a network failure ("Connection refused")."""
    seen: set[int] = set()
    current: BaseException | None = exc
    reason = None
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.strerror:
            reason = current.strerror
        elif isinstance(current, TimeoutError):
            reason = "timed out"
        current = current.__cause__ or current.__context__
    return reason


def error_message(exc: ReporterError, api_url: str | None = None) -> tuple[str, int]:
    """The one-line message (``<what> — <what to do>``) and exit code for a library error."""
    if isinstance(exc, ReporterConnectionError):
        # Timeouts and refused connections both mean "RePORTER is not answering us".
        reason = _root_reason(exc) or exc.message
        where = api_url or exc.url or "the configured URL"
        return (
            _one_line(f"cannot reach RePORTER at {where}: {reason}") + f" — {_UNREACHABLE_HINT}",
            EXIT_RUNTIME,
        )
    what = exc.message
    if exc.status is not None and f"{exc.status}" not in what:
        what += f" (HTTP {exc.status})"
    if isinstance(exc, QueryError) and exc.status is not None and exc.body:
        what += f": {exc.body}"  # the server's words say which value it rejected
    default = next((h for cls, h in _DEFAULT_HINTS if isinstance(exc, cls)), None)
    # The library's offline hint speaks of cache modes; on the command line it is a flag.
    hint = default if isinstance(exc, OfflineCacheMissError) else exc.hint or default
    hint = hint.rstrip(".") if hint else "rerun with -v for details"
    # A QueryError raised before any request is a value the user typed: a usage error.
    code = EXIT_USAGE if isinstance(exc, QueryError) and exc.status is None else EXIT_RUNTIME
    first_word = hint.split(" ", 1)[0]
    if first_word[1:].islower():  # "Check …" reads "— check …"; "RePORTER …" stays as it is
        hint = hint[:1].lower() + hint[1:]
    return _one_line(what.rstrip(".")) + f" — {hint}", code


class ReporterCommand(click.Command):
    """A command that logs to stderr according to ``-v``/``-q`` while it runs."""

    def invoke(self, ctx: click.Context) -> Any:
        verbose, quiet = bool(ctx.meta.get(_META_VERBOSE)), bool(ctx.meta.get(_META_QUIET))
        if verbose and quiet:
            raise click.UsageError("-v/--verbose and -q/--quiet contradict each other: pick one")
        with _logging_to_stderr(verbose, quiet):
            return super().invoke(ctx)


class ReporterGroup(click.Group):
    """The command group; the top-level one maps every error to one line and an exit code."""

    command_class = ReporterCommand

    def invoke(self, ctx: click.Context) -> Any:
        if ctx.parent is not None:  # a nested group (``cache``): the top level handles errors
            return super().invoke(ctx)
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader (``| head``) went away: stop quietly, as shell tools do.
            with contextlib.suppress(Exception):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            raise click.exceptions.Exit(EXIT_RUNTIME) from None
        except ReporterError as exc:
            _traceback_if_verbose(ctx)
            message, code = error_message(exc, ctx.meta.get(_META_API_URL))
            raise CliError(message, code) from exc
        except OSError as exc:
            _traceback_if_verbose(ctx)
            where = f" {exc.filename}" if exc.filename else ""
            raise CliError(
                _one_line(f"cannot use{where}: {exc.strerror or exc}")
                + " — check the path and its permissions"
            ) from exc
        except Exception as exc:
            _traceback_if_verbose(ctx)
            raise CliError(
                _one_line(f"unexpected {type(exc).__name__}: {exc}")
                + " — this is a bug: rerun with -v and report the traceback"
            ) from exc


ReporterGroup.group_class = ReporterGroup


def _traceback_if_verbose(ctx: click.Context) -> None:
    if ctx.meta.get(_META_VERBOSE):
        click.echo(traceback.format_exc().rstrip(), err=True)


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
        from reporter_finder.cache import CacheSettings
        from reporter_finder.client import ReporterClient

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
        from reporter_finder.cache import CacheSettings
        from reporter_finder.publications import PubMedClient

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
        from reporter_finder.outreach import Applicant

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


# --- the group ------------------------------------------------------------------------------


@click.group(cls=ReporterGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="reporter-finder")
@verbosity_options
def cli() -> None:
    """Find NIH-funded research mentors (PIs) in NIH RePORTER.

    Searches NIH RePORTER for grants in your specialty and ranks the principal
    investigators behind them as prospective research mentors. Data goes to stdout or -o
    FILE; messages go to stderr.

    \b
    Example:
      reporter-finder search cardiology --skills "echocardiography" --state NY -o leads.csv
    """


# --- search and grants ----------------------------------------------------------------------


def _find(
    filters: Filters, network: Network, load: Path | None, ranking: Ranking | None,
    as_of: datetime.date | None,
) -> Any:  # fmt: skip
    """Run the library's mentor search from the command's options."""
    from reporter_finder.mentors import find_mentors
    from reporter_finder.tables import load_records

    result = find_mentors(
        filters.specialty,
        skills=ranking.skills if ranking else (),
        track=ranking.track if ranking else "any",
        years=filters.years,
        states=filters.states,
        cities=filters.cities,
        institutions=filters.institutions,
        activity_codes=filters.mechanisms,
        active_only=filters.active_only,
        client=None if load else network.client(),
        records=load_records(load) if load else None,
        as_of=as_of,
    )
    _note_specialty(result.specialty)
    return result


def _note_specialty(match: Any) -> None:
    """An unknown specialty is not an error: say what was searched and what is close."""
    if match is None or match.is_known:
        return
    names = list(match.suggestions)[:3]  # display names, closest first
    nearest = f" Nearest known specialties: {', '.join(names)}." if names else ""
    say(
        f"Note: {match.query!r} is not a specialty I know, so I searched your own words."
        f"{nearest} See 'reporter-finder specialties'."
    )


def _widen_hint(filters: Filters, noun: str) -> None:
    tips = ["more fiscal years (--years 2015-2026)"]
    if filters.states or filters.cities or filters.institutions:
        tips.append("fewer --state/--city/--institution filters")
    if filters.mechanisms:
        tips.append("no --mechanism")
    if filters.active_only:
        tips.append("--include-inactive")
    tips.append("fewer --skills or another wording of the specialty")
    say(f"No {noun} matched {filters.specialty!r}. Try widening the search: {'; '.join(tips)}.")


def _written(filters: Filters, output: Output, count: int, noun: str) -> None:
    """After ``search`` or ``grants`` wrote ``count`` rows: how to widen an empty result, or what
    was written where."""
    if count == 0:
        _widen_hint(filters, noun)
    output.done(count, noun)


@cli.command()
@active_option
@query_options
@ranking_options
@network_options
@load_option
@as_of_option
@publication_options
@email_option
@output_options
@verbosity_options
def search(
    filters: Filters,
    ranking: Ranking,
    network: Network,
    load: Path | None,
    as_of: datetime.date | None,
    pubs: Publications,
    email: str | None,
    output: Output,
) -> None:
    """Rank PIs as prospective mentors for SPECIALTY: the lead list.

    SPECIALTY is a specialty or topic in your words ("cardiology", "sickle cell disease").
    Known specialties (see 'reporter-finder specialties') are expanded into their research
    terms; anything else is searched as typed. The lead list has one row per PI, best first,
    with the papers linked to each PI's grants (n_publications, recent_publications; looked up
    for the listed PIs only) and empty status/contacted_on/follow_up_on/notes columns for your
    outreach.

    \b
    Examples:
      reporter-finder search cardiology --state NY --state NJ -o leads.csv
      reporter-finder search "heart failure" --skills "echocardiography, machine learning" \\
          --track clinical --years 2022-2026 --top 30 -o leads.xlsx
      reporter-finder search nephrology --load saved.json --format json
    """
    from reporter_finder.export import lead_list, write_leads

    pubmed = network.pubmed_client(pubs, email) if pubs.wanted(load) else None  # checks --email
    result = _find(filters, network, load, ranking, as_of)
    ranked = result.ranked
    if pubmed is not None:
        from reporter_finder.publications import publications_for_leads

        ranked = publications_for_leads(ranked, result.tables, reporter_client=network.client(),
                                        pubmed_client=pubmed, top=ranking.top)  # fmt: skip
    leads = lead_list(ranked, top=ranking.top)
    count = write_leads(leads, output.path, output.fmt)
    _written(filters, output, count, "PIs")


#: Columns of the ``grants`` table in the terminal view (files get every column).
GRANT_TABLE_COLUMNS = (
    "relevance",
    "core_project_num",
    "activity_code",
    "project_title",
    "org_name",
    "org_state",
    "last_fiscal_year",
    "latest_award_amount",
    "is_active",
)


@cli.command()
@active_option
@query_options
@network_options
@load_option
@as_of_option
@output_options
@verbosity_options
def grants(
    filters: Filters, network: Network, load: Path | None, as_of: datetime.date | None,
    output: Output,
) -> None:  # fmt: skip
    """The grants behind a SPECIALTY search: one row per project, most relevant first.

    Same query options as 'search', for when you want the grants rather than the people.

    \b
    Examples:
      reporter-finder grants cardiology --state MA --years 2023-2026 -o grants.csv
      reporter-finder grants "sickle cell disease" --mechanism R01 --active-only
    """
    from reporter_finder.export import write_table
    from reporter_finder.mentors import relevant_grants

    result = _find(filters, network, load, None, as_of)
    table = relevant_grants(result, active_only=filters.active_only)
    count = write_table(table, output.path, output.fmt, table_columns=GRANT_TABLE_COLUMNS)
    _written(filters, output, count, "grants")


# --- pi -------------------------------------------------------------------------------------

PI_TABLE_COLUMNS = (
    "core_project_num",
    "project_title",
    "first_fiscal_year",
    "last_fiscal_year",
    "latest_award_amount",
    "is_active",
    "role",
    "n_publications",
)


def _shown(value: Any, missing: str) -> str:
    """A cell for a sentence: ``missing`` for NA or blank (``NA or "x"`` raises in pandas)."""
    import pandas as pd

    return missing if value is None or pd.isna(value) or not str(value).strip() else str(value)


def _choose_pi(matches: pd.DataFrame, who: str) -> str:
    """The ``pi_key`` of the PI meant by ``who``; ask (or fail) when several match."""
    if matches.empty:
        raise CliError(
            f"no PI matches {who!r} — check the spelling, try 'Last, First', or give the "
            "RePORTER profile id",
            EXIT_RUNTIME,
        )
    scores = matches["match_score"].astype(float).tolist()
    if len(matches) == 1 or scores[0] >= 100 > scores[1] or scores[0] - scores[1] >= 10:
        return str(matches["pi_key"].iloc[0])
    lines = [
        f"  {i}. {row.pi_name} — {row.organization or 'organization unknown'}"
        f" (profile id {row.profile_id if row.profile_id is not None else 'none'})"
        for i, row in enumerate(matches.itertuples(), start=1)
    ]
    if _stdin_is_terminal() and not _quiet():
        click.echo(f"Several PIs match {who!r}:\n" + "\n".join(lines), err=True)
        choice = click.prompt("Which one", type=click.IntRange(1, len(matches)), err=True)
        return str(matches["pi_key"].iloc[choice - 1])
    click.echo(f"Several PIs match {who!r}:\n" + "\n".join(lines), err=True)
    raise CliError(
        f"{len(matches)} PIs match {who!r} — rerun with one of the profile ids above", EXIT_USAGE
    )


def _pi_tables(
    who: str, network: Network, load: Path | None, as_of: datetime.date | None
) -> Tables:
    """The tables of one PI's projects: from ``--load``, or asked for by profile id or name.

    ``as_of`` (``None``: today) is the day the grants' "active" and "months left" are judged on.
    """
    from reporter_finder.mentors import pi_query
    from reporter_finder.tables import build_tables, load_records

    records = load_records(load) if load else network.client().fetch_projects(pi_query(who))
    return build_tables(records, as_of=as_of)


def _pi_publications(
    tables: Tables, pi_key: str, network: Network, pubs: Publications, email: str | None,
    load: Path | None,
) -> pd.DataFrame | None:  # fmt: skip
    """One PI's papers when publications are wanted (``None``: not looked up)."""
    if not pubs.wanted(load):
        return None
    from reporter_finder.publications import publications_if_cached_or_online

    pubmed = network.pubmed_client(pubs, email)
    return publications_if_cached_or_online(
        tables, [pi_key], reporter_client=network.client(), pubmed_client=pubmed
    )


@cli.command()
@click.argument("who", metavar="PROFILE_ID_OR_NAME")
@network_options
@load_option
@as_of_option
@publication_options
@email_option
@output_options
@verbosity_options
def pi(
    who: str, network: Network, load: Path | None, as_of: datetime.date | None,
    pubs: Publications, email: str | None, output: Output,
) -> None:  # fmt: skip
    """One PI: title, organization, every grant, program officers, study sections, links, and
    the papers linked to the grants (most recent first, with PMID and PubMed link).

    PROFILE_ID_OR_NAME is a RePORTER profile id (the profile_id column of a lead list) or a
    name ("Rivera, Ana" or "Ana Rivera"); when several PIs match, you are asked which one.

    \b
    Examples:
      reporter-finder pi 1234567
      reporter-finder pi "Rivera, Ana" -o rivera.json
      reporter-finder pi 1234567 --email you@example.org --ncbi-api-key "$NCBI_API_KEY"
    """
    from reporter_finder.export import write_table
    from reporter_finder.mentors import pi_grant_details
    from reporter_finder.tables import find_pi

    who = " ".join(who.split())
    tables = _pi_tables(who, network, load, as_of)
    pi_key = _choose_pi(find_pi(tables.pis, who), who)
    papers = _pi_publications(tables, pi_key, network, pubs, email, load)
    rows = pi_grant_details(tables, pi_key, publications=papers)
    if output.fmt == "table":
        person = rows.iloc[0]
        click.echo(f"{person.pi_name} — {_shown(person.pi_title, 'title not given')}, "
                   f"{person.organization}, {_shown(person.department, 'department not given')} "
                   f"(profile id {person.profile_id})")  # fmt: skip
    write_table(rows, output.path, output.fmt, table_columns=PI_TABLE_COLUMNS)
    if output.fmt == "table" and output.to_stdout and papers is not None:
        click.echo(f"\nPublications linked to these grants ({len(papers)}, most recent first):")
        for citation, url in zip(papers["citation"], papers["pubmed_url"], strict=True):
            click.echo(f"  {citation}  {url}")
    output.done(len(rows), "grants")


# --- specialties ----------------------------------------------------------------------------


@cli.command()
@click.option("--show", metavar="NAME", help="Show the terms, institutes and departments "
              "behind one specialty.")  # fmt: skip
@output_options
@verbosity_options
def specialties(show: str | None, output: Output) -> None:
    """The specialties the search knows, with their aliases.

    Any other wording works too: it is searched as typed.

    \b
    Examples:
      reporter-finder specialties
      reporter-finder specialties --show cardiology
    """
    import pandas as pd

    from reporter_finder.export import write_table
    from reporter_finder.lexicon import load_lexicon, resolve_specialty

    if show is None:
        table = pd.DataFrame(
            [{"key": s.key, "name": s.name, "category": s.category, "aliases": list(s.aliases)}
             for s in load_lexicon().specialties.values()],
            columns=["key", "name", "category", "aliases"],
        )  # fmt: skip
        write_table(table, output.path, output.fmt, list_columns={"aliases"})
        return
    match = resolve_specialty(show)
    if not match.is_known:
        names = list(match.suggestions)[:3]
        raise CliError(
            f"unknown specialty {show!r} — "
            + (
                f"did you mean {', '.join(names)}?"
                if names
                else "see 'reporter-finder specialties'"
            ),
            EXIT_USAGE,
        )
    spec = match.specialty
    details = {"key": spec.key, "name": spec.name, "category": spec.category,
               "aliases": list(spec.aliases), "core_terms": list(spec.core_terms),
               "broad_terms": list(spec.broad_terms), "institutes": list(spec.institutes),
               "dept_types": list(spec.dept_types)}  # fmt: skip
    if output.fmt == "table" and output.to_stdout:  # one specialty reads best as a list
        for key, value in details.items():
            click.echo(f"{key}: {'; '.join(value) if isinstance(value, list) else value}")
        return
    lists = set(details) - {"key", "name", "category"}
    write_table(pd.DataFrame([details]), output.path, output.fmt, list_columns=lists)


# --- cache ----------------------------------------------------------------------------------


@cli.group(cls=ReporterGroup)
def cache() -> None:
    """Look at or empty the HTTP cache of RePORTER answers (kept 7 days).

    The cache lives in your user cache directory, or in $REPORTER_FINDER_CACHE_DIR.

    \b
    Examples:
      reporter-finder cache info
      reporter-finder cache clear
    """


@cache.command("info")
@verbosity_options
def cache_info_command() -> None:
    """Where the cache is, its size, and how many answers it holds.

    \b
    Example:
      reporter-finder cache info
    """
    from reporter_finder.cache import CacheSettings, cache_info

    info = cache_info(CacheSettings())
    for key, value in info.items():
        shown = (
            value.isoformat(timespec="seconds") if isinstance(value, datetime.datetime) else value
        )
        click.echo(f"{key}: {'' if shown is None else shown}")


@cache.command("clear")
@verbosity_options
def cache_clear_command() -> None:
    """Delete every cached answer (the next search asks RePORTER again).

    \b
    Example:
      reporter-finder cache clear
    """
    from reporter_finder.cache import CacheSettings, clear_cache

    settings = CacheSettings()
    removed = clear_cache(settings)
    plural = "" if removed == 1 else "s"
    say(f"Removed {removed} cached answer{plural} from {settings.resolved_path}.")


# --- fetch ----------------------------------------------------------------------------------


@cli.command()
@query_options
@network_options
@click.option("--save", required=True, metavar="FILE",
              help="JSON file to write the raw records to ('-' for stdout).")  # fmt: skip
@verbosity_options
def fetch(filters: Filters, network: Network, save: str) -> None:
    """Download the raw RePORTER records of a SPECIALTY search to a JSON file.

    Rank them later, as often as you like and without the network, with --load.

    \b
    Examples:
      reporter-finder fetch cardiology --years 2022-2026 --save cardiology.json
      reporter-finder search cardiology --load cardiology.json --skills "MRI" -o leads.csv
    """
    check_writable(save, "'--save'")  # before the download, not after it
    from reporter_finder.export import write_records
    from reporter_finder.lexicon import resolve_specialty
    from reporter_finder.mentors import default_query, fetch_records, split_query

    match = resolve_specialty(filters.specialty)
    _note_specialty(match)
    # The very queries 'search' sends, so that 'search --load' ranks the same records.
    queries = split_query(default_query(
        match.specialty, years=filters.years, states=filters.states, cities=filters.cities,
        institutions=filters.institutions, activity_codes=filters.mechanisms,
    ))  # fmt: skip
    client = network.client()
    records = fetch_records(queries, client)
    fetched_at = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    meta = {"queries": [q.to_criteria() for q in queries], "api_url": client.base_url,
            "fetched_at": fetched_at}  # fmt: skip
    count = write_records(records, save, meta=meta)
    if count == 0:
        _widen_hint(filters, "records")
    if save != "-":
        say(f"Saved {count} records to {save}.")


# --- draft ----------------------------------------------------------------------------------


def _template_text(template: Path | None, kind: str) -> str:
    from reporter_finder.outreach import load_template

    return load_template(template, kind=kind)


@cli.command()
@click.argument("profile_id", required=False, metavar="[PROFILE_ID]")
@click.option(
    "--from",
    "from_csv",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="LEADS.csv",
    help="Batch mode: draft for the top leads of a lead list.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    metavar="N",
    help="Batch mode: how many leads, in rank order.",
)
@click.option(
    "--out",
    "out_dir",
    default="drafts",
    show_default=True,
    metavar="DIR",
    help="Batch mode: folder for the .txt and .eml files.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    metavar="FILE",
    help="One PI: where to write the draft; '-' is stdout, a .eml name writes an e-mail file.",
)
@applicant_options
@email_option
@network_options
@load_option
@as_of_option
@publication_options
@verbosity_options
def draft(
    profile_id: str | None, from_csv: Path | None, top: int, out_dir: str, output: str,
    applicant: ApplicantText, template: Path | None, email: str | None, network: Network,
    load: Path | None, as_of: datetime.date | None, pubs: Publications,
) -> None:  # fmt: skip
    """Draft a short e-mail to a PI (four parts: their grant, the bridge, you, a call).

    Give one PI's PROFILE_ID (the draft goes to stdout; its sources to stderr), or a lead list
    with --from to write one .txt and one .eml per lead into --out. Batch mode uses the lead
    list's columns only and makes no request.

    \b
    Examples:
      reporter-finder draft 10519021 --name "Ana Rivera" \\
          --background "an internal medicine graduate from Peru" --skills "R, REDCap" \\
          --specialty oncology --track postdoc --duration "12–24 months" --visa J-1
      reporter-finder draft --from leads.csv --top 10 --out drafts/ --name "Ana Rivera" \\
          --background "an internal medicine graduate from Peru"
    """
    if (profile_id is None) == (from_csv is None):
        raise click.UsageError("give one PI's PROFILE_ID or --from LEADS.csv (not both)")
    if profile_id is not None and not profile_id.isdigit():
        raise click.BadParameter(f"{profile_id!r} is not a RePORTER profile id (digits only)",
                                 param_hint="PROFILE_ID")  # fmt: skip
    check_writable(output, "'-o' / '--output'")
    from reporter_finder.outreach import draft_batch, draft_for_pi, write_draft, write_drafts

    who, text = applicant.applicant(email), _template_text(template, "email")
    if from_csv is not None:
        from reporter_finder.followups import read_leads

        tables = _pi_tables("", network, load, as_of) if load else None  # better grants when given
        drafts = draft_batch(read_leads(from_csv), tables, who, top=top, template=text)
        paths = write_drafts(drafts, out_dir, from_addr=email)
        say(f"Wrote {len(drafts)} drafts to {out_dir}: {', '.join(p.name for p in paths)}")
        return
    assert profile_id is not None  # exactly one of PROFILE_ID and --from: checked above
    tables = _pi_tables(profile_id, network, load, as_of)
    papers = _pi_publications(tables, profile_id, network, pubs, email, load)
    letter = draft_for_pi(tables, profile_id, who, publications=papers, template=text)
    if output == "-":
        click.echo(letter.as_text(), nl=False)
        say("Sources (check before sending):\n" + "\n".join(f"- {f}" for f in letter.facts))
    else:
        say(f"Wrote the draft to {write_draft(letter, output, from_addr=email)}.")


# --- followups ------------------------------------------------------------------------------


@cli.command()
@click.argument("leads_csv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--days",
    type=click.IntRange(min=0),
    default=7,
    show_default=True,
    metavar="N",
    help="Due when contacted_on is at least N days ago.",
)
@click.option(
    "--write",
    is_flag=True,
    help="Write follow_up_on into LEADS_CSV for the due leads (your other edits are kept).",
)
@click.option(
    "--on",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="With --write: the date to write. [default: today]",
)
@click.option(
    "--draft",
    "with_drafts",
    is_flag=True,
    help="Also write a follow-up draft per due lead into --out.",
)
@click.option(
    "--out",
    "out_dir",
    default="drafts",
    show_default=True,
    metavar="DIR",
    help="With --draft: folder for the .txt and .eml files.",
)
@applicant_options
@email_option
@output_options
@verbosity_options
def followups(
    leads_csv: Path, days: int, write: bool, on: datetime.datetime | None, with_drafts: bool,
    out_dir: str, applicant: ApplicantText, template: Path | None, email: str | None,
    output: Output,
) -> None:  # fmt: skip
    """The leads due for their one follow-up: contacted at least --days ago, no reply yet.

    Reads the lead list you have been editing (status, contacted_on, follow_up_on) and lists
    the due leads, oldest contact first.

    \b
    Examples:
      reporter-finder followups leads.csv --days 7
      reporter-finder followups leads.csv --days 7 --write
      reporter-finder followups leads.csv --draft --name "Ana Rivera" --background "…"
    """
    if on is not None and not write:
        raise click.UsageError("--on sets the date --write writes: add --write")
    from reporter_finder.export import write_table
    from reporter_finder.followups import due_followups, followup_list, mark_followups, read_leads
    from reporter_finder.outreach import draft_followup, write_drafts

    who = applicant.applicant(email) if with_drafts else None  # fail before writing anything
    due = due_followups(read_leads(leads_csv), days=days)
    write_table(followup_list(due), output.path, output.fmt)
    say(f"{len(due)} lead{'' if len(due) == 1 else 's'} due for a follow-up "
        f"(contacted at least {days} days ago, no reply).")  # fmt: skip
    if write and len(due):
        when = on.date() if on else datetime.date.today()
        mark_followups(leads_csv, due, on=when)
        say(f"Set follow_up_on to {when.isoformat()} on {len(due)} rows of {leads_csv}.")
    if who is not None and len(due):
        text = _template_text(template, "followup")
        drafts = [draft_followup({str(k): v for k, v in row.items()}, who, template=text)
                  for _, row in due.iterrows()]  # fmt: skip
        paths = write_drafts(drafts, out_dir, from_addr=email)
        say(f"Wrote {len(drafts)} follow-up drafts to {out_dir}: "
            f"{', '.join(p.name for p in paths)}")  # fmt: skip


# --- entry point ----------------------------------------------------------------------------


def main() -> None:
    """Console-script entry point (``reporter-finder``)."""
    cli(prog_name="reporter-finder")


__all__ = ["cli", "main"]
