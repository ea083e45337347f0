"""Remove every trace of the administering institute (IC) from the records a ranker sees.

The silver labels in data/labels.jsonl are derived from each grant's administering IC and study
section, so a ranker that could read "NHLBI" in an abstract, "HL" in a project number or "93.837"
in the CFDA code would be reading the answer key. `mask_records` returns masked deep copies; the
input is never modified.

What is masked:
- IC names and acronyms in project_title, abstract_text, phr_text, pref_terms and terms (replaced
  by "NIH"; a parenthesised acronym after a name is dropped);
- agency_ic_admin, agency_ic_fundings and full_study_section are blanked;
- the IC code inside project_num, core_project_num, project_serial_num, project_num_split.ic_code
  and opportunity_number becomes "XX"; cfda_code is blanked.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import Any

# Names (with common variants) and acronyms of the NIH institutes and centres.
IC_NAMES = [
    "National Heart, Lung, and Blood Institute",
    "National Heart, Lung and Blood Institute",
    "National Cancer Institute",
    "National Institute of Diabetes and Digestive and Kidney Diseases",
    "National Institute of Allergy and Infectious Diseases",
    "National Institute of Arthritis and Musculoskeletal and Skin Diseases",
    "National Institute on Aging",
    "National Institute of Neurological Disorders and Stroke",
    "National Institute of Mental Health",
    "National Institute on Drug Abuse",
    "National Institute on Alcohol Abuse and Alcoholism",
    "Eunice Kennedy Shriver National Institute of Child Health and Human Development",
    "National Institute of Child Health and Human Development",
    "National Eye Institute",
    "National Institute on Deafness and Other Communication Disorders",
    "National Institute of Biomedical Imaging and Bioengineering",
    "National Institute of General Medical Sciences",
    "National Institute on Minority Health and Health Disparities",
    "John E. Fogarty International Center for Advanced Study in the Health Sciences",
    "Fogarty International Center",
    "National Institute of Dental and Craniofacial Research",
    "National Institute of Nursing Research",
    "National Institute of Environmental Health Sciences",
    "National Human Genome Research Institute",
    "National Library of Medicine",
    "National Center for Advancing Translational Sciences",
    "National Center for Complementary and Integrative Health",
    "National Institute on Minority Health",
    "NIH Office of the Director",
]
# fmt: off
# Short code lists read better packed than one per line.
IC_ACRONYMS = [
    "NHLBI", "NCI", "NIDDK", "NIAID", "NIAMS", "NIA", "NINDS", "NIMH", "NIDA", "NIAAA", "NICHD",
    "NEI", "NIDCD", "NIBIB", "NIGMS", "NIMHD", "FIC", "NIDCR", "NINR", "NIEHS", "NHGRI", "NLM",
    "NCATS", "NCCIH",
]
IC_CODES = ["HL", "CA", "DK", "AI", "AR", "AG", "NS", "MH", "DA", "AA", "HD", "EY", "DC", "EB",
            "GM", "MD", "TW", "DE", "NR", "ES", "HG", "LM", "TR", "AT", "OD"]
# fmt: on

_NAME_RE = "|".join(re.escape(n) for n in sorted(IC_NAMES, key=len, reverse=True))
_ACR_RE = "|".join(sorted(IC_ACRONYMS, key=len, reverse=True))
_PAREN_ACR = re.compile(r"\s*\((?:" + _ACR_RE + r")\)")
_NAMES = re.compile(r"(?:" + _NAME_RE + r")", re.IGNORECASE)
_ACRS = re.compile(r"(?<![A-Za-z0-9])(?:" + _ACR_RE + r")(?![A-Za-z0-9])")
_CODES = "|".join(IC_CODES)
_PROJECT_NUM = re.compile(r"^(\d?[A-Z]\w\d)(" + _CODES + r")(\d{6}.*)$")
_SERIAL = re.compile(r"^(" + _CODES + r")(\d{6})$")
_OPPORTUNITY = re.compile(r"^((?:RFA|PAR|PAS|PA|NOT|OTA)-)(" + _CODES + r")(-.*)$")


def mask_text(text: Any) -> Any:
    """Replace IC names and acronyms in free text by "NIH"; None and "No Text" pass through."""
    if not isinstance(text, str):
        return text
    out = _PAREN_ACR.sub("", text)
    out = _NAMES.sub("NIH", out)
    out = _ACRS.sub("NIH", out)
    out = re.sub(r"\bNIH(?:\s+NIH)+\b", "NIH", out)
    return re.sub(r"[ \t]{2,}", " ", out)


def _mask_terms(value: Any, sep: str) -> Any:
    if not isinstance(value, str):
        return value
    if sep == "<>":
        parts = re.findall(r"<([^>]*)>", value)
        return "".join(f"<{m}>" for m in (mask_text(p).strip() for p in parts) if m and m != "NIH")
    parts = [mask_text(p).strip() for p in value.split(sep)]
    return sep.join(p for p in parts if p and p != "NIH")


def _mask_number(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    m = _PROJECT_NUM.match(value)
    return f"{m.group(1)}XX{m.group(3)}" if m else value


def mask_record(record: dict[str, Any]) -> dict[str, Any]:
    """A masked deep copy of one RePORTER project record."""
    r = copy.deepcopy(record)
    for key in ("project_title", "abstract_text", "phr_text"):
        if key in r:
            r[key] = mask_text(r[key])
    if "pref_terms" in r:
        r["pref_terms"] = _mask_terms(r["pref_terms"], ";")
    if "terms" in r:
        r["terms"] = _mask_terms(r["terms"], "<>")
    if "agency_ic_admin" in r:
        r["agency_ic_admin"] = None
    if "agency_ic_fundings" in r:
        r["agency_ic_fundings"] = None
    if "full_study_section" in r:
        r["full_study_section"] = None
    for key in ("project_num", "core_project_num"):
        if key in r:
            r[key] = _mask_number(r[key])
    if isinstance(r.get("project_serial_num"), str):
        m = _SERIAL.match(r["project_serial_num"])
        if m:
            r["project_serial_num"] = f"XX{m.group(2)}"
    if isinstance(r.get("project_num_split"), dict) and "ic_code" in r["project_num_split"]:
        r["project_num_split"]["ic_code"] = "XX"
    if isinstance(r.get("opportunity_number"), str):
        m = _OPPORTUNITY.match(r["opportunity_number"])
        if m:
            r["opportunity_number"] = f"{m.group(1)}XX{m.group(3)}"
    if "cfda_code" in r:
        r["cfda_code"] = None
    return r


def mask_records(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Masked deep copies of RePORTER project records (pure: the input is not modified)."""
    return [mask_record(r) for r in records]


def leaks(record: dict[str, Any]) -> list[str]:
    """Which IC names/acronyms still appear in a record's text fields (for tests and audits)."""
    found = []
    for key in ("project_title", "abstract_text", "phr_text", "pref_terms", "terms"):
        text = record.get(key)
        if isinstance(text, str):
            found += [m.group(0) for m in _NAMES.finditer(text)]
            found += [m.group(0) for m in _ACRS.finditer(text)]
    return found
