"""Table cells as plain Python values, and as the text CSV, XLSX and the terminal show.

Shared by every writer of :mod:`reporter_finder.leads.export`. Importing this module does not
import pandas (the CLI's ``--help`` imports the exporter); :func:`plain_rows` imports it when
called.
"""

from __future__ import annotations

import math
import numbers
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final

from reporter_finder.cellformat import LIST_SEPARATOR

if TYPE_CHECKING:  # pragma: no cover - typing only; pandas is imported lazily
    import pandas as pd

#: First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")


def plain_rows(df: pd.DataFrame) -> list[list[Any]]:
    """The table as rows of plain Python values (None, bool, int, float, str, date, list)."""
    # Imported once per table, not once per cell: this runs for every cell of a large table.
    import numpy as np
    import pandas as pd

    def plain(value: Any) -> Any:
        if isinstance(value, str):
            return value
        if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
            return [plain(item) for item in value]
        if value is None or value is pd.NA or value is pd.NaT:
            return None
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, numbers.Real):
            number = float(value)
            return None if math.isnan(number) or math.isinf(number) else number
        if isinstance(value, np.datetime64):
            value = pd.Timestamp(value)
            if value is pd.NaT:
                return None
        if isinstance(value, datetime):
            if isinstance(value, pd.Timestamp):
                value = value.to_pydatetime()
            value = value.replace(tzinfo=None) if value.tzinfo is not None else value
            # RePORTER dates carry a meaningless midnight: a date is what users expect.
            return value.date() if value.time() == datetime.min.time() else value
        if isinstance(value, date):
            return value
        return str(value)

    return [[plain(value) for value in row] for row in df.itertuples(index=False, name=None)]


def neutralize(text: str) -> str:
    """Make third-party text safe for a spreadsheet cell: a leading apostrophe before a
    formula character (see :mod:`reporter_finder.leads.export`)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_text(value: Any) -> str:
    """One plain cell as text for CSV and the terminal: ISO dates, plain numbers, joined lists."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(csv_text(item) for item in value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float):
        # Money is a whole number of dollars: write 250000, not 250000.0.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def as_list(value: Any) -> list[Any]:
    """A list cell as a list: missing → ``[]``, a bare string → ``[string]``."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple, set, frozenset)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return items if isinstance(items, list) else [items]
    return []
