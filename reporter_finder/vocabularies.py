"""The applicant's vocabularies: tracks, visas, and the award codes that decide who can be paid.

One owner for the words the options, the ranking and the drafts share: the tracks
(``clinical``, ``postdoc``, ``any``) and the positions they name, the visa situations and the
Kirschstein-NRSA awards that cannot pay a visa holder, NIH intramural codes, and the
``funding_for_you`` labels. Pure: no I/O.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

from reporter_finder.errors import QueryError

__all__ = [
    "FUNDING_FOR_YOU",
    "INTRAMURAL_ACTIVITY_CODES",
    "INTRAMURAL_FLAG",
    "NRSA_ACTIVITY_CODES",
    "TRACKS",
    "TRACK_POSITIONS",
    "VISAS",
    "is_intramural",
    "normalise_track",
    "normalise_visa",
    "nrsa_blocked",
    "nrsa_reason",
]

#: The applicant's tracks, the one vocabulary for options, ranking and drafts.
TRACKS: Final = ("clinical", "postdoc", "any")

#: The applicant's visa situation (``--visa``, ``find_mentors(visa=...)``), the one vocabulary
#: for options and ranking. ``none``: no visa needed (U.S. citizen, non-citizen national or
#: permanent resident); ``J-1``, ``H-1B``, ``F-1``: that visa; ``other``: any other temporary
#: visa. Not given (``None``): no visa constraint is applied. Every value but ``none`` means
#: Kirschstein-NRSA awards (:data:`NRSA_ACTIVITY_CODES`) cannot pay the applicant.
VISAS: Final = ("none", "J-1", "H-1B", "F-1", "other")
_VISA_SPELLINGS: Final = MappingProxyType(
    {
        **{re.sub(r"[^a-z0-9]", "", v.lower()): v for v in VISAS},
        "citizen": "none", "uscitizen": "none", "permanentresident": "none",
        "greencard": "none", "j": "J-1", "h1": "H-1B", "f": "F-1",
    }
)  # fmt: skip
#: How a row names the visa an NRSA award cannot pay (``"T32 (NRSA): cannot pay trainees on
#: a J-1 or H-1B visa"``).
_NRSA_VISA_TEXT: Final = MappingProxyType(
    {"J-1": "a J-1 or H-1B visa", "H-1B": "a J-1 or H-1B visa", "F-1": "an F-1 visa",
     "other": "a temporary visa"}
)  # fmt: skip
#: Activity codes of Ruth L. Kirschstein National Research Service Awards: institutional
#: training grants (T32, T34, T35, T90, TL1, TU2) and individual fellowships (F30–F33, F99).
#: They can pay only U.S. citizens, non-citizen nationals and permanent residents. (F05, the
#: international research fellowship, and R90, the non-NRSA half of T90/R90, are not NRSA.)
NRSA_ACTIVITY_CODES: Final = frozenset(
    {"T32", "T34", "T35", "T90", "TL1", "TU2", "F30", "F31", "F32", "F33", "F99"}
)
#: ``funding_for_you`` values, best first: an active research grant with >= 6 months left;
#: only K-awards, small or ending grants (or, without a visa constraint, training grants);
#: nothing active that can pay you.
FUNDING_FOR_YOU: Final = ("likely", "limited", "none")
#: Activity codes of NIH intramural projects (the Z series: ZIA intramural research, ZIC, ZID,
#: ZIE, ZIG, ZIH, ZIJ, ZIK …). Not searched by default; ``--intramural`` adds them. Foreign
#: postdocs join intramural labs through the NIH Visiting Fellow program.
INTRAMURAL_ACTIVITY_CODES: Final = (
    "ZIA", "ZIB", "ZIC", "ZID", "ZIE", "ZIF", "ZIG", "ZIH", "ZIJ", "ZIK", "ZIL",
)  # fmt: skip
#: ``mentor_flags`` item of a PI with an NIH intramural (Z-code) project (``--intramural``).
INTRAMURAL_FLAG: Final = "NIH intramural: Visiting Fellow program"


def is_intramural(code: object) -> bool:
    """Whether an activity code is an NIH intramural (Z-series) project's.

    Example:
        >>> is_intramural("ZIA"), is_intramural("R01")
        (True, False)
    """
    return isinstance(code, str) and len(code) == 3 and code.upper().startswith("Z")


def normalise_visa(visa: str | None) -> str | None:
    """``visa`` spelled as in :data:`VISAS` (case, hyphens and spaces ignored: ``j1``,
    ``H1B``, ``green card``); ``None`` or blank means not given (no visa constraint).

    Raises:
        QueryError: not a visa of :data:`VISAS`.

    Example:
        >>> normalise_visa("j1"), normalise_visa("h-1b"), normalise_visa(None)
        ('J-1', 'H-1B', None)
    """
    if visa is None or not visa.strip():
        return None
    value = _VISA_SPELLINGS.get(re.sub(r"[^a-z0-9]", "", visa.lower()))
    if value is None:
        raise QueryError(f"visa must be one of {', '.join(VISAS)}, not {visa!r}")
    return value


def nrsa_blocked(visa: str | None) -> bool:
    """Whether NRSA awards cannot pay an applicant with ``visa`` (a normalised value)."""
    return visa is not None and visa != "none"


def nrsa_reason(code: str, visa: str) -> str:
    """The ``mentor_flags`` item of an NRSA award that cannot pay an applicant on ``visa``.

    Example:
        >>> nrsa_reason("T32", "J-1")
        'T32 (NRSA): cannot pay trainees on a J-1 or H-1B visa'
    """
    return f"{code} (NRSA): cannot pay trainees on {_NRSA_VISA_TEXT[visa]}"


def normalise_track(track: str | None) -> str:
    """``track`` lower-cased and checked against :data:`TRACKS`; blank means ``"any"``.

    Raises:
        QueryError: the track is not one of :data:`TRACKS`.
    """
    value = (track or "any").strip().lower()
    if value not in TRACKS:
        raise QueryError(f"track must be one of {', '.join(TRACKS)}, not {track!r}")
    return value


#: How a draft names the position sought on each track.
TRACK_POSITIONS: Final = MappingProxyType(
    {
        "clinical": "a clinical research position",
        "postdoc": "a postdoctoral research position",
        "any": "a research position",
    }
)
