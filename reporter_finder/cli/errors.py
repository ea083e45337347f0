"""Errors on the command line: :class:`CliError`, :func:`error_message` (a library error → one
line and an exit code), and the :class:`ReporterCommand`/:class:`ReporterGroup` classes that map
every error in one place."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from typing import Any

import click

from reporter_finder.cli.terminal import _META_QUIET, _META_VERBOSE, _logging_to_stderr
from reporter_finder.errors import (
    DataFormatError,
    FilterIgnoredError,
    IncompleteResultError,
    InvalidResponseError,
    LexiconError,
    OfflineCacheMissError,
    OutputExistsError,
    OutreachError,
    QueryError,
    RateLimitError,
    ReporterConnectionError,
    ReporterError,
    ReporterHTTPError,
    ReporterTimeoutError,
    ResultWindowError,
)

#: Exit codes (documented in docs/cli.md, "Errors and exit codes").
EXIT_RUNTIME = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_META_API_URL = "reporter_finder.api_url"

#: What to do about each kind of library error, when the error carries no hint of its own.
_DEFAULT_HINTS: tuple[tuple[type[ReporterError], str], ...] = (
    (OfflineCacheMissError, "run the same command once without --offline to fill the cache"),
    (OutputExistsError, "pass --force to replace it"),
    (DataFormatError, "pass a file saved by 'reporter-finder fetch --save', or a RePORTER "
     "projects/search response saved as JSON"),
    (RateLimitError, "RePORTER is limiting requests: wait a few minutes and try again"),
    (ResultWindowError, "narrow the search with --years, --state or --mechanism"),
    (IncompleteResultError, "try again later, or pass --allow-partial to keep what was "
     "fetched, marked partial"),
    (FilterIgnoredError, "RePORTER ignored part of the query; use --load with saved records "
     "meanwhile, and report it"),
    (InvalidResponseError, "try again later; rerun with -v to see the requests"),
    (ReporterHTTPError, "RePORTER may be down: try again later, or use --offline for cached "
     "searches"),
    (LexiconError, "reinstall reporter-finder: its packaged vocabulary is damaged"),
    (OutreachError, "check the applicant options, the template and the lead list (see "
     "'reporter-finder draft --help')"),
    (QueryError, "check the options you gave (see --help)"),
)  # fmt: skip
_UNREACHABLE_HINT = "check your connection, or use --offline for cached searches"
#: A name that does not resolve or a refused connection: most likely no network at all.
_NO_NETWORK = (
    "Cannot reach {host} (no network?). Use --offline for cached answers or --load FILE for "
    "saved records."
)


# --- errors ---------------------------------------------------------------------------------


class CliError(click.ClickException):
    """One line ``Error: <message>`` on stderr and the given exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_RUNTIME) -> None:
        super().__init__(message)
        # click declares exit_code a ClassVar, yet reads it from the instance: one class
        # serves every exit code (1 runtime, 2 usage) instead of a subclass per code.
        self.exit_code = exit_code  # type: ignore[misc]


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


def network_problem(exc: ReporterError) -> str:
    """A few words on why a request failed for want of the network, naming the host.

    ``"cannot reach api.reporter.nih.gov"``, ``"api.reporter.nih.gov did not answer in time"``,
    or ``"not in the cache, and --offline is on"``.
    """
    from reporter_finder.api.transport import url_host  # imports requests: only when needed

    if isinstance(exc, OfflineCacheMissError):
        return "not in the cache, and --offline is on"
    host = url_host(exc.url) if exc.url else "the service"
    if isinstance(exc, ReporterTimeoutError):
        return f"{host} did not answer in time"
    return f"cannot reach {host}"


def error_message(exc: ReporterError, api_url: str | None = None) -> tuple[str, int]:
    """The one-line message (``<what> — <what to do>``) and exit code for a library error."""
    from reporter_finder.api.transport import no_network_reason, url_host  # imports requests

    if (
        isinstance(exc, ReporterConnectionError)
        and not isinstance(exc, ReporterTimeoutError)
        and exc.url
        and no_network_reason(exc) is not None
    ):
        return _NO_NETWORK.format(host=url_host(exc.url)), EXIT_RUNTIME
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
    # The library's offline and overwrite hints speak of Python; on the command line: flags.
    hint = (
        default
        if isinstance(exc, (OfflineCacheMissError, OutputExistsError))
        else (exc.hint or default)
    )
    hint = hint.rstrip(".") if hint else "rerun with -v for details"
    # A QueryError raised before any request is a value the user typed: a usage error.
    # So is a file that exists (the same exit as the check before the work, check_new).
    code = (
        EXIT_USAGE
        if isinstance(exc, OutputExistsError)
        or (isinstance(exc, QueryError) and exc.status is None)
        else EXIT_RUNTIME
    )
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

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The top-level help ends with every environment variable the commands read."""
        super().format_epilog(ctx, formatter)
        if ctx.parent is not None:
            return
        from reporter_finder.cli.settings import OTHER_ENVIRONMENT, environment_variables

        with formatter.section("Environment variables (an option on the command line wins)"):
            formatter.write_dl([*environment_variables(self), *OTHER_ENVIRONMENT])

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
