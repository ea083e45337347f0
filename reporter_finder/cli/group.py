"""The top-level click group, :func:`cli`; the command modules register on it."""

from __future__ import annotations

from typing import Any

import click

from reporter_finder import __version__
from reporter_finder.cli.errors import ReporterGroup
from reporter_finder.cli.options import verbosity_options
from reporter_finder.cli.settings import global_options

CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=ReporterGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="reporter-finder")
@global_options
@verbosity_options
def cli(**global_values: Any) -> None:
    """Find NIH-funded research mentors (PIs) in NIH RePORTER.

    Searches NIH RePORTER for grants in your specialty and ranks the principal
    investigators behind them as prospective research mentors. Data goes to stdout or -o
    FILE; messages go to stderr.

    \b
    Example:
      reporter-finder search cardiology --skills "echocardiography" --state NY -o leads.csv

    --api-url, --offline, --cache-dir, -v and -q work before or after the command name;
    after it, they win.
    """
    # The global options stay in this context's params, where the commands read them
    # (reporter_finder.cli.settings.global_value): nothing to do here.
