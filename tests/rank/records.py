"""Hand-made RePORTER records and rank inputs shared by the tests of reporter_finder.rank."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pandas as pd

from reporter_finder.rank.lexicon import Skill, Specialty

AS_OF = date(2025, 6, 1)

CARDIOLOGY = Specialty(
    key="cardiology",
    name="Cardiology",
    aliases=("cards",),
    core_terms=("heart failure", "atrial fibrillation", "cardiomyopathy", "cardiac"),
    broad_terms=("hypertension", "echocardiography"),
    institutes=("NHLBI",),
    dept_types=("INTERNAL MEDICINE/MEDICINE",),
    category="medicine",
    exclude_terms=("cardiac arrest simulation",),
)
ECHO = Skill("echo", "Echocardiography", (), ("echocardiography", "ejection fraction"), "clinical")
ML = Skill("ml", "Machine learning", (), ("machine learning", "prediction model"), "either")
BENCH = Skill("bench", "Wet lab", (), ("mouse model", "in vitro"), "basic")

HF = "We study heart failure and atrial fibrillation in adults with cardiomyopathy."
ONC = "We study tumor growth, metastasis and chemotherapy resistance in breast cancer."

_next_appl = iter(range(10_000_000, 20_000_000))


def pi(pid: int | None, contact: bool | None = True, title: str = "", last: str = "") -> dict:
    return {
        "profile_id": pid,
        "first_name": "Ann",
        "middle_name": "",
        "last_name": last or f"Doe{pid}",
        "full_name": f"Ann Doe{pid}",
        "is_contact_pi": contact,
        "title": title,
    }


def record(
    core: str,
    pis: list[dict],
    abstract: str,
    *,
    fy: int = 2025,
    title: str | None = None,
    code: str | None = None,
    end: str = "2027-06-30T00:00:00",
    award: float = 500_000,
    dept: str | None = "INTERNAL MEDICINE/MEDICINE",
    org: str = "UNIVERSITY OF EXAMPLE",
) -> dict[str, Any]:
    appl = next(_next_appl)
    code = code or core[:3]
    return {
        "appl_id": appl,
        "subproject_id": None,
        "fiscal_year": fy,
        "project_num": f"5{core}-0{fy - 2019}",
        "core_project_num": core,
        "activity_code": code,
        "award_type": "5",
        "award_amount": award,
        "is_active": True,
        "principal_investigators": pis,
        "contact_pi_name": "",
        "organization": {
            "org_name": org,
            "org_city": "BALTIMORE",
            "org_state": "MD",
            "org_country": "UNITED STATES",
            "dept_type": dept,
        },
        "agency_ic_admin": {"abbreviation": "NHLBI"},
        "project_start_date": f"{fy - 2}-07-01T00:00:00",
        "project_end_date": end,
        "budget_end": end,
        "project_title": title or f"Project {core}",
        "abstract_text": abstract,
        "phr_text": "",
        "pref_terms": "",
        "project_detail_url": f"https://reporter.nih.gov/project-details/{appl}",
    }


def deep_copy_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` that shares nothing with it, list cells included.

    ``DataFrame.copy(deep=True)`` and ``copy.deepcopy`` copy the object arrays but not the
    lists inside them, so a function that appends to a cell's list would change the "before"
    copy too and pass a no-mutation test.
    """
    out = frame.copy(deep=True)
    for name, dtype in frame.dtypes.items():
        if dtype == "object":
            out[name] = pd.Series(
                [copy.deepcopy(v) for v in frame[name].tolist()], index=frame.index, dtype=object
            )
    return out
