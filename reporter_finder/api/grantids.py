"""NIH grant numbers as people write them → RePORTER core project numbers (pure functions).

A full NIH grant number reads ``1 R01 CA 123456-01A1``: application type (one digit),
activity code (three characters), institute or centre (two letters), serial number (six
digits), then a support year and suffixes (``A1`` amendment, ``S1`` supplement, ``X1`` …).
RePORTER's ``core_project_num`` keeps only activity + IC + serial: ``R01CA123456``.

ClinicalTrials.gov secondary ids and PubMed ``GrantID`` values write the same number in many
ways (``5R01HL123456-03``, ``R01 HL 123456``, ``R01-HL-123456``, ``R01AG46927`` with the
serial's leading zero dropped, lower case, a Unicode dash). The rule (``pubmed-ctgov.md``
§15): upper-case, NFKC, Unicode dashes → ``-``; find every match that no letter or digit
touches on either side; the core is activity + IC + serial left-padded to six digits.

Not mapped on purpose: contracts (``HHSN272201400041C``, ``272201400041C-0-0-1``), whose
numbers have no IC+serial part, and glued forms such as ``R01HL12345603``, where the serial
and the support year cannot be told apart. Intramural (``ZIA``, ``Z01``) and old ``N01``
contract numbers have the grant shape and are mapped: RePORTER lists some of them. The
activity code is checked for shape only
(letter + two letters or digits): a caller matches the result against real RePORTER core
numbers, which also rules out look-alikes such as VA's ``I01BX004677``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["core_project_numbers", "normalize_grant_text", "serial_key"]

#: Dashes NFKC leaves alone (hyphen, non-breaking hyphen, figure dash, en and em dash,
#: horizontal bar, minus sign); NFKC itself maps the small and full-width hyphen-minus.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))

#: Support year and suffixes: ``-03``, ``-01A1``, ``-04S1``, ``-12A1S2``; a suffix glued to the
#: serial (``R01HL123456S1``) is read too.
_TAIL = r"(?:-\d{1,2})?(?:[ASXPD]\d{1,2})*"
#: One separator between parts: nothing, a space or a hyphen ("R01 HL 123456", "R01-HL-…").
_SEP = r"[ -]?"
_GRANT = re.compile(
    r"(?<![A-Z0-9])"
    rf"(?:[1-9]{_SEP})?"  # application type; "1 R01 CA 123456" is NIH's own spelling
    r"(?P<activity>[A-Z][A-Z0-9]{2})"
    rf"{_SEP}(?P<ic>[A-Z]{{2}}){_SEP}(?P<serial>\d{{4,6}})"
    rf"{_TAIL}"
    r"(?![A-Z0-9])"
)
#: A bare serial id: IC + serial, as in "AR78949" or "HL 123456-02".
_SERIAL = re.compile(
    rf"(?<![A-Z0-9])(?P<ic>[A-Z]{{2}}){_SEP}(?P<serial>\d{{4,6}}){_TAIL}(?![A-Z0-9])"
)


def normalize_grant_text(text: str) -> str:
    """``text`` upper-cased, NFKC-normalised, with every Unicode dash made ``-``.

    Example:
        >>> normalize_grant_text("r01\u2013hl\uff11\uff12\uff13\uff14\uff15\uff16")
        'R01-HL123456'
    """
    return unicodedata.normalize("NFKC", text).translate(_DASHES).upper()


def core_project_numbers(text: str) -> list[str]:
    """Every RePORTER core project number written in ``text``, in order, without repeats.

    Args:
        text: anything that may hold grant numbers: one secondary id, a PubMed ``GrantID``,
            or a sentence with several.

    Returns:
        Core numbers such as ``"R01HL123456"`` (serial zero-padded to 6 digits); ``[]`` when
        nothing looks like an NIH grant number.

    Example:
        >>> core_project_numbers("5R01HL123456-03 and 1 R18 HL 95481-01A1")
        ['R01HL123456', 'R18HL095481']
        >>> core_project_numbers("HHSN272201400041C")
        []
    """
    found: dict[str, None] = {}
    for match in _GRANT.finditer(normalize_grant_text(text)):
        core = match["activity"] + match["ic"] + match["serial"].zfill(6)
        found[core] = None
    return list(found)


def serial_key(text: str) -> str | None:
    """The IC + six-digit serial of a grant number or of a bare serial id; ``None`` if none.

    Trials and papers sometimes write only the serial (``AR78949``); its key matches the
    last eight characters of RePORTER core numbers, which may be several (a K99 and its R00
    share one serial). With several numbers in ``text``, the first one's key.

    Example:
        >>> serial_key("R01HL123456"), serial_key("HL123456"), serial_key("AR78949")
        ('HL123456', 'HL123456', 'AR078949')
    """
    cores = core_project_numbers(text)
    if cores:
        return cores[0][3:]
    match = _SERIAL.search(normalize_grant_text(text))
    return match["ic"] + match["serial"].zfill(6) if match else None
