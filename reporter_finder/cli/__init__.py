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

Modules: :mod:`~reporter_finder.cli.terminal` (logging, :func:`say`),
:mod:`~reporter_finder.cli.errors` (error mapping, exit codes),
:mod:`~reporter_finder.cli.options` (option values and stacks),
:mod:`~reporter_finder.cli.group` (the group), and one module per family of commands:
:mod:`~reporter_finder.cli.leads` (``search``, ``grants``, ``fetch``),
:mod:`~reporter_finder.cli.investigator` (``pi``), :mod:`~reporter_finder.cli.outreach`
(``draft``, ``followups``) and :mod:`~reporter_finder.cli.reference` (``specialties``,
``cache``).
"""

from __future__ import annotations

import logging

# Importing the command modules registers their commands on the group.
from reporter_finder.cli import investigator, leads, outreach, reference  # noqa: F401
from reporter_finder.cli.errors import error_message
from reporter_finder.cli.group import cli
from reporter_finder.cli.values import parse_years

logger = logging.getLogger(__name__)


# --- entry point ----------------------------------------------------------------------------


def main() -> None:
    """Console-script entry point (``reporter-finder``)."""
    cli(prog_name="reporter-finder")


__all__ = ["cli", "error_message", "main", "parse_years"]
