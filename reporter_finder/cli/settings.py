"""Global options: ``--api-url``, ``--offline`` and ``--cache-dir`` before or after the command.

click binds an option to one command, so ``reporter-finder --api-url URL search …`` would be
refused if only ``search`` declared ``--api-url``. Each global option is therefore declared
twice from the same decorator: on the group (before the command name) and on every command
that uses it (after). The command reads the value with :func:`global_value`, which looks at
both places and keeps, in this order:

1. the value typed after the command name (the most specific),
2. the value typed before it,
3. the environment variable (both declarations read the same one, so they agree),
4. the default.

``-v``/``-q`` work the same way through :func:`~reporter_finder.cli.options.verbosity_options`
(flags that can only turn something on, so there is nothing to rank).

Adding a global option: write its decorator here, add it to :func:`global_options` (the
group) and to the option stack of the commands that use it, and read it with
:func:`global_value`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from reporter_finder.api.cache import CACHE_DIR_ENV, CACHE_FILE_NAME
from reporter_finder.api.limits import API_URL_ENV

F = TypeVar("F", bound=Callable[..., Any])

#: Where a value came from, most specific first (click's "prompt" and default map never
#: occur here: no global option prompts, and no default map is set).
_PRECEDENCE = (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


def api_url_option(f: F) -> F:
    """``--api-url URL`` (``$REPORTER_FINDER_API_URL``): where RePORTER is."""
    return click.option(
        "--api-url", envvar=API_URL_ENV, show_envvar=True, metavar="URL",
        help="RePORTER API root. [default: https://api.reporter.nih.gov/v2]",
    )(f)  # fmt: skip


def offline_option(f: F) -> F:
    """``--offline``: answer from the cache only."""
    return click.option(
        "--offline", is_flag=True, help="Use only cached responses; never touch the network."
    )(f)


def cache_dir_option(f: F) -> F:
    """``--cache-dir DIR`` (``$REPORTER_FINDER_CACHE_DIR``): where the answer cache lives."""
    return click.option(
        "--cache-dir", envvar=CACHE_DIR_ENV, show_envvar=True, metavar="DIR",
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder of the answer cache (created if missing). [default: your user cache "
        "folder, e.g. ~/.cache/reporter-finder]",
    )(f)  # fmt: skip


def global_options(f: F) -> F:
    """The global options as the group declares them (before the command name)."""
    for decorator in (cache_dir_option, offline_option, api_url_option):
        f = decorator(f)
    return f


def global_value(name: str, ctx: click.Context | None = None) -> Any:
    """The value of the global option ``name`` (``"api_url"``…) for the running command.

    Looks at ``ctx`` (default: the current context) and its parents, and keeps the first
    value typed on the command line, innermost first, then one from the environment, then
    the innermost default (see the module docstring).
    """
    ctx = ctx or click.get_current_context()
    declared = []  # (value, source), innermost first
    current: click.Context | None = ctx
    while current is not None:
        if name in current.params:
            declared.append((current.params[name], current.get_parameter_source(name)))
        current = current.parent
    if not declared:
        raise LookupError(f"no command in this invocation declares the option {name!r}")
    for source in _PRECEDENCE:
        for value, where in declared:
            if where == source:
                return value
    return declared[0][0]


def cache_file(cache_dir: Path | None) -> Path | None:
    """The cache's SQLite file in ``cache_dir`` (``None``: the library's default place)."""
    return None if cache_dir is None else cache_dir.expanduser() / CACHE_FILE_NAME


# --- environment variables ------------------------------------------------------------------

#: Variables read by the libraries underneath, not by reporter_finder; listed in the group's
#: help because a user behind a proxy or a narrow terminal needs them.
OTHER_ENVIRONMENT: tuple[tuple[str, str], ...] = (
    ("HTTPS_PROXY", "(requests) the proxy for every request; also HTTP_PROXY, NO_PROXY."),
    ("REQUESTS_CA_BUNDLE", "(requests) the CA file a proxy that inspects HTTPS needs."),
    ("COLUMNS", "the width of the table format. [default: the terminal's]"),
)


def _first_sentence(text: str) -> str:
    text = text.split(" [default", 1)[0].strip()
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def environment_variables(command: click.Command) -> list[tuple[str, str]]:
    """Every environment variable an option of ``command`` or of its subcommands reads, with
    the options that read it and what they do: ``("NCBI_API_KEY", "--ncbi-api-key: …")``.

    Generated from the options themselves, so a new ``envvar=`` shows up in the help
    without further work (``tests/cli/test_environment.py`` checks that nothing the package
    reads is missing).
    """
    found: dict[str, tuple[list[str], str]] = {}

    def visit(cmd: click.Command) -> None:
        for param in cmd.params:
            names = [param.envvar] if isinstance(param.envvar, str) else list(param.envvar or ())
            for env in names:
                options, help_text = found.setdefault(env, ([], ""))
                if param.opts[-1] not in options:
                    options.append(param.opts[-1])
                if not help_text and isinstance(param, click.Option) and param.help:
                    found[env] = (options, _first_sentence(param.help))
        for sub in getattr(cmd, "commands", {}).values():
            visit(sub)

    visit(command)
    return [(env, f"{', '.join(opts)}: {text}") for env, (opts, text) in sorted(found.items())]
