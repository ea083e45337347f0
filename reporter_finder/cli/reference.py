"""The reference commands: ``specialties`` (the vocabulary) and ``cache`` (the HTTP cache)."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from reporter_finder.cli.errors import EXIT_USAGE, CliError, ReporterGroup
from reporter_finder.cli.group import cli
from reporter_finder.cli.options import output_options, verbosity_options
from reporter_finder.cli.settings import cache_dir_option, cache_file, global_value
from reporter_finder.cli.terminal import say
from reporter_finder.cli.values import Output

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

    from reporter_finder.leads.export import write_table
    from reporter_finder.rank.lexicon import load_lexicon
    from reporter_finder.rank.resolve import resolve_specialty

    if show is None:
        table = pd.DataFrame(
            [{"key": s.key, "name": s.name, "category": s.category, "aliases": list(s.aliases)}
             for s in load_lexicon().specialties.values()],
            columns=["key", "name", "category", "aliases"],
        )  # fmt: skip
        write_table(table, output.path, output.fmt, list_columns={"aliases"},
                    overwrite=output.force, wide=output.wide)  # fmt: skip
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
    write_table(pd.DataFrame([details]), output.path, output.fmt, list_columns=lists,
                overwrite=output.force, wide=output.wide)  # fmt: skip


# --- cache ----------------------------------------------------------------------------------


@cli.group(cls=ReporterGroup)
def cache() -> None:
    """Look at or empty the HTTP cache of RePORTER answers (kept 7 days).

    The cache lives in your user cache directory, or in --cache-dir DIR
    ($REPORTER_FINDER_CACHE_DIR).

    \b
    Examples:
      reporter-finder cache info
      reporter-finder cache clear
    """


@cache.command("info")
@cache_dir_option
@verbosity_options
def cache_info_command(cache_dir: Path | None) -> None:
    """Where the cache is, its size, and how many answers it holds.

    \b
    Example:
      reporter-finder cache info
    """
    from reporter_finder.api.cache import CacheSettings, cache_info

    info = cache_info(CacheSettings(path=cache_file(global_value("cache_dir"))))
    for key, value in info.items():
        shown = (
            value.isoformat(timespec="seconds") if isinstance(value, datetime.datetime) else value
        )
        click.echo(f"{key}: {'' if shown is None else shown}")


@cache.command("clear")
@cache_dir_option
@verbosity_options
def cache_clear_command(cache_dir: Path | None) -> None:
    """Delete every cached answer (the next search asks RePORTER again).

    \b
    Example:
      reporter-finder cache clear
    """
    from reporter_finder.api.cache import CacheSettings, clear_cache

    settings = CacheSettings(path=cache_file(global_value("cache_dir")))
    removed = clear_cache(settings)
    plural = "" if removed == 1 else "s"
    say(f"Removed {removed} cached answer{plural} from {settings.resolved_path}.")
