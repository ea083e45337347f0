"""The option decorator stacks the commands declare (``query_options``, ``network_options``, …).

Their values are parsed and packed by :mod:`reporter_finder.cli.values`."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from reporter_finder.api.limits import CTGOV_URL_ENV, EUTILS_URL_ENV
from reporter_finder.cli.settings import (
    api_url_option,
    cache_dir_option,
    cache_file,
    global_value,
    offline_option,
)
from reporter_finder.cli.terminal import _META_QUIET, _META_VERBOSE
from reporter_finder.cli.values import (
    EMAIL_ENV,
    NCBI_API_KEY_ENV,
    ApplicantText,
    Filters,
    Network,
    Output,
    Publications,
    Ranking,
    Trials,
    as_of_callback,
    check_new,
    check_writable,
    mechanisms_callback,
    skills_callback,
    states_callback,
    visa_callback,
    years_callback,
)
from reporter_finder.leads.export import FORMATS, infer_format
from reporter_finder.vocabularies import TRACKS

if TYPE_CHECKING:  # pragma: no cover - typing only; these import pandas/requests
    pass

F = TypeVar("F", bound=Callable[..., Any])

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
        click.option("--years", callback=years_callback, metavar="YEARS",
                     help="Fiscal years: a range 2023-2027 or a list 2024,2025. "
                     "[default: the last five years and active grants]"),
        click.option("--state", "states", multiple=True, callback=states_callback,
                     metavar="XX", help="Two-letter state code; repeat for several (--state NY "
                     "--state MA)."),
        click.option("--city", "cities", multiple=True, metavar="CITY",
                     help="City of the institution; repeatable."),
        click.option("--institution", "institutions", multiple=True, metavar="NAME",
                     help="Institution name as RePORTER spells it (partial names match); "
                     "repeatable."),
        click.option("--mechanism", "mechanisms", multiple=True, callback=mechanisms_callback,
                     metavar="CODE", help="NIH activity code such as R01, K24, U01; repeatable. "
                     "[default: research and training awards]"),
        click.option("--intramural", is_flag=True,
                     help="Also search NIH intramural labs (ZIA… projects; foreign postdocs join "
                     "them through the NIH Visiting Fellow program), flagged 'NIH intramural: "
                     "Visiting Fellow program'. [default: left out]"),
        _pack(Filters, ["specialty", "years", "states", "cities", "institutions", "mechanisms",
                        "active_only", "intramural"], "filters"),
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
        "--as-of", "as_of", callback=as_of_callback, metavar="YYYY-MM-DD",
        help="Judge 'active' and 'months left' on this date, for reproducible runs on saved "
        "records. [default: today]",
    )(f)  # fmt: skip


def ranking_options(f: F) -> F:
    """Skills, track, how many leads to keep, whether companies count and the applicant's visa
    (``search``)."""
    return _stack(
        click.option("--skills", callback=skills_callback, metavar='"A, B, C"',
                     help='Research skills you bring, comma-separated: "echocardiography, '
                     'machine learning".'),
        click.option("--track", type=click.Choice(TRACKS, case_sensitive=False), default="any",
                     show_default=True, help="clinical: patient-oriented research; postdoc: "
                     "lab/computational research; any: both."),
        click.option("--top", type=click.IntRange(min=1), default=50, show_default=True,
                     metavar="N", help="How many PIs to keep."),
        click.option("--include-companies", is_flag=True,
                     help="Also list PIs at for-profit organisations (companies), flagged "
                     "'company' in mentor_flags. [default: left out]"),
        click.option("--visa", callback=visa_callback, metavar="none|J-1|H-1B|F-1|other",
                     help="Your visa: NIH training grants and fellowships (T32, TL1, F-awards: "
                     "Kirschstein-NRSA) cannot pay trainees on a visa, so they earn no credit "
                     "and the row says why. 'none': U.S. citizen or permanent resident. "
                     "[default: no visa constraint]"),
        _pack(Ranking, ["skills", "track", "top", "include_companies", "visa"], "ranking"),
    )(f)  # fmt: skip


def _cache_mode(offline: bool, no_cache: bool, refresh: bool) -> str:
    chosen = [name for name, on in (("--offline", offline), ("--no-cache", no_cache),
                                    ("--refresh", refresh)) if on]  # fmt: skip
    if len(chosen) > 1:
        raise click.UsageError(f"{' and '.join(chosen)} cannot be combined: pick one")
    return "offline" if offline else "off" if no_cache else "refresh" if refresh else "normal"


def network_options(f: F) -> F:
    """API URL, cache mode and folder, timeout, retries and --allow-partial (the first three
    are global options: see :mod:`~reporter_finder.cli.settings`)."""

    def pack(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            # The global options may also have been given before the command name.
            for name in ("api_url", "offline", "cache_dir"):
                kwargs.pop(name)
            offline, api_url = global_value("offline"), global_value("api_url")
            mode = _cache_mode(offline, kwargs.pop("no_cache"), kwargs.pop("refresh"))
            kwargs["network"] = Network(
                api_url, mode, kwargs.pop("timeout"), kwargs.pop("retries"),
                kwargs.pop("allow_partial"), cache_file(global_value("cache_dir")),
            )  # fmt: skip
            return f(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return _stack(
        api_url_option,
        offline_option,
        cache_dir_option,
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
        click.option("--refresh", is_flag=True,
                     help="Ignore cached responses and store fresh ones."),
        click.option("--timeout", type=click.FloatRange(min=1), default=60.0, show_default=True,
                     metavar="SECONDS", help="How long to wait for each answer."),
        click.option("--retries", type=click.IntRange(min=0, max=10), default=4,
                     show_default=True, metavar="N",
                     help="Retries after a failed request (with growing pauses)."),
        click.option("--allow-partial", is_flag=True,
                     help="When RePORTER's answer cannot be proven complete (its data changed "
                     "during the download, pages disagree), write what was fetched, marked "
                     "partial, instead of failing."),
        pack,
    )(f)  # fmt: skip


def load_option(f: F) -> F:
    """``--load FILE``: work on saved records instead of asking RePORTER."""
    return click.option(
        "--load", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="FILE",
        help="Use records saved by 'reporter-finder fetch --save' (or a saved RePORTER JSON "
        "response) instead of the API: no request is made.",
    )(f)  # fmt: skip


def since_option(f: F) -> F:
    """``--since LEADS``: mark what is new since an earlier lead list (``search``)."""
    return click.option(
        "--since", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="LEADS",
        help="An earlier lead list of this search (leads.csv): mark the PIs (new_pi) and awards "
        "(new_awards) that are new since it was made, and say how many. New awards are labs "
        "that can hire now.",
    )(f)  # fmt: skip


def _packed(target: str, build: Callable[..., Any], *names: str) -> Callable[[F], F]:
    """A decorator that pops the options ``names`` and passes ``build(*their values)`` as the
    command's ``target`` argument (a group of options becomes one value object)."""

    def pack(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            kwargs[target] = build(*(kwargs.pop(name) for name in names))
            return f(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return pack


def publication_options(f: F) -> F:
    """``--publications/--no-publications``, ``--ncbi-api-key`` and ``--eutils-url``, packed as
    ``pubs``."""

    return _stack(
        click.option("--publications/--no-publications", "publications", default=None,
                     help="Look up the PIs' papers (RePORTER links, titles from PubMed). "
                     "[default: on, off with --load]"),
        click.option("--ncbi-api-key", envvar=NCBI_API_KEY_ENV, show_envvar=True, metavar="KEY",
                     help="NCBI API key: 10 PubMed requests a second instead of 3."),
        click.option("--eutils-url", envvar=EUTILS_URL_ENV, show_envvar=True, metavar="URL",
                     help="NCBI E-utilities root (esummary.fcgi and efetch.fcgi under it). "
                     "[default: https://eutils.ncbi.nlm.nih.gov/entrez/eutils]"),
        _packed("pubs", Publications, "publications", "ncbi_api_key", "eutils_url"),
    )(f)  # fmt: skip


def trial_options(f: F) -> F:
    """``--trials/--no-trials`` and ``--ctgov-url``, packed as ``trials``."""

    return _stack(
        click.option("--trials/--no-trials", "trials", default=None,
                     help="Look up the PIs' NIH-linked clinical trials on ClinicalTrials.gov. "
                     "[default: on, off with --load]"),
        click.option("--ctgov-url", envvar=CTGOV_URL_ENV, show_envvar=True, metavar="URL",
                     help="ClinicalTrials.gov API root. "
                     "[default: https://clinicaltrials.gov/api/v2]"),
        _packed("trials", Trials, "trials", "ctgov_url"),
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
        click.option("--skills", callback=skills_callback, metavar='"A, B, C"',
                     help="Skills to mention, comma-separated."),
        click.option("--specialty", metavar="NAME", help="Your specialty, e.g. cardiology."),
        click.option("--track", type=click.Choice(TRACKS, case_sensitive=False), default="any",
                     show_default=True, help="The position you want: clinical, postdoc or any."),
        click.option("--duration", metavar='"TEXT"', help='How long, e.g. "12–24 months".'),
        click.option("--visa", metavar="TYPE", help="Your visa, e.g. J-1."),
        _pack(ApplicantText, ["name", "background", "skills", "specialty", "track", "duration",
                              "visa"], "applicant"),
        click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     metavar="FILE", help="Your own template (copy the packaged one; see "
                     "docs/cli.md)."),
    )(f)  # fmt: skip


def force_option(f: F) -> F:
    """``--force``: replace an existing output file. Without it a command that would replace
    one stops before any work (:func:`~reporter_finder.cli.values.check_new`, exit 2).

    Every command that writes files declares it through this decorator, so the flag reads the
    same everywhere; :func:`output_options` includes it.
    """
    return click.option(
        "--force", is_flag=True,
        help="Replace output files that exist. [default: stop, and touch nothing]",
    )(f)  # fmt: skip


def output_options(f: F) -> F:
    """``-o/--output``, ``--format``, ``--wide`` and ``--force``, resolved and checked before
    any work starts (packed as :class:`~reporter_finder.cli.values.Output`)."""

    def pack(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            path, fmt, force = kwargs.pop("output"), kwargs.pop("fmt"), kwargs.pop("force")
            wide = kwargs.pop("wide")
            check_writable(path, "'-o' / '--output'")
            try:
                fmt = infer_format(path, fmt, is_tty=sys.stdout.isatty())
            except ValueError as exc:
                raise click.BadParameter(str(exc), param_hint="'--format'") from None
            check_new(path, force)  # after the usage checks: a typo is reported first
            kwargs["output"] = Output(path, fmt, force, wide)
            return f(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return _stack(
        click.option("-o", "--output", default="-", show_default=True, metavar="FILE",
                     help="Where to write; '-' is stdout. The extension picks the format."),
        click.option("--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False),
                     help="table, csv, xlsx, json or jsonl. [default: from the file extension; "
                     "a table on a terminal, CSV when piped]"),
        click.option("--wide", is_flag=True,
                     help="The table format shows every column, however wide the lines. "
                     "[default: the columns that fit the terminal, most useful first]"),
        force_option,
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
