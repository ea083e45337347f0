"""Realistic synthetic NIH RePORTER project records, at any scale, for benchmarks.

Standalone (stdlib + numpy) so any benchmark can import it::

    from benchmarks.synthetic import generate_records
    records = generate_records(15_000, seed=0)   # about 10,000 distinct PIs

What the records look like (shapes follow ``docs/reporter-api.md`` §7 and §14):

- one record per fiscal year of a grant (1–5 years of a 2021–2026 window), a few with an
  amended first year (``-01A1``), about 10% of grant-years with a supplement (``3…-02S1``,
  ``award_type`` "3", the parent's title);
- centre grants (P01/P30/P50/U54) with 2–4 subproject records each (own ``appl_id``,
  ``subproject_id`` as a string, the parent's ``project_num``, their own PI and title);
- about 15% multi-PI records (2–4 PIs, one contact PI), names in mixed forms ("MARIA  LOPEZ",
  trailing spaces, empty middle names, titles often ``""``);
- abstracts of about 2,000 characters drawn from vocabularies of many clinical fields,
  ``phr_text`` sometimes ``"No Text"``/``""``/null, ``pref_terms`` ``;``-joined;
- realistic activity codes, ICs, states, department types, organisation types; 5% of
  records use the older ``YYYY-MM-DDT12:MM:00Z`` date form;
- a PI pool of about ``n / 1.5`` people, so 15,000 records give about 10,000 PIs.

Output is deterministic for a given ``(n, seed)``. Run ``python -m benchmarks.synthetic 20``
to print a sample record.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import numpy as np


def _words(text: str) -> list[str]:
    return text.split()


FIELDS: dict[str, list[str]] = {
    "cardiology": _words(
        "atrial fibrillation heart failure arrhythmia myocardial infarction coronary "
        "artery disease cardiomyopathy echocardiography electrocardiogram ventricular "
        "ejection fraction hypertension statin anticoagulation stroke prevention"
    ),
    "oncology": _words(
        "tumor carcinoma metastasis chemotherapy immunotherapy radiotherapy leukemia "
        "lymphoma melanoma checkpoint inhibitor tumor microenvironment biopsy survival "
        "breast cancer colorectal cancer prostate cancer oncogene"
    ),
    "neurology": _words(
        "dementia alzheimer disease parkinson disease epilepsy seizure multiple sclerosis "
        "neurodegeneration cognition stroke neuroimaging amyloid tau migraine "
        "neuroinflammation motor neuron cortex"
    ),
    "psychiatry": _words(
        "depression anxiety schizophrenia bipolar disorder suicide prevention substance use "
        "opioid use disorder psychotherapy ptsd adolescent mental health serotonin "
        "antidepressant mood disorder"
    ),
    "pediatrics": _words(
        "neonatal preterm infant childhood obesity pediatric asthma congenital anomaly "
        "developmental delay autism adolescent vaccination breastfeeding growth "
        "necrotizing enterocolitis child development"
    ),
    "infectious": _words(
        "hiv tuberculosis malaria sepsis antimicrobial resistance vaccine influenza "
        "hepatitis viral load antiretroviral pathogen host response covid-19 "
        "pneumonia bacteremia"
    ),
    "endocrinology": _words(
        "diabetes insulin resistance glucose obesity thyroid metabolic syndrome adipose "
        "tissue beta cell glycemic control hba1c islet transplantation lipid "
        "metabolism osteoporosis"
    ),
    "nephrology": _words(
        "chronic kidney disease dialysis glomerular filtration acute kidney injury "
        "transplantation proteinuria nephropathy renal fibrosis hypertension "
        "electrolyte podocyte"
    ),
    "pulmonology": _words(
        "asthma copd pulmonary fibrosis lung function spirometry ventilation "
        "respiratory failure sleep apnea airway inflammation smoking cessation "
        "pulmonary hypertension"
    ),
    "gastroenterology": _words(
        "inflammatory bowel disease crohn disease ulcerative colitis microbiome liver "
        "cirrhosis fatty liver disease pancreatitis colonoscopy hepatocellular "
        "carcinoma gut barrier"
    ),
    "surgery": _words(
        "surgical outcomes perioperative anesthesia trauma wound healing postoperative "
        "complications minimally invasive transplant surgery hemorrhage orthopedic "
        "fracture"
    ),
    "ophthalmology": _words(
        "retina glaucoma macular degeneration diabetic retinopathy cornea visual "
        "acuity optic nerve photoreceptor myopia cataract"
    ),
}
METHODS = _words(
    "randomized controlled trial cohort study machine learning genome-wide association "
    "single-cell sequencing mouse model clinical trial biomarker electronic health records "
    "mendelian randomization longitudinal cohort proteomics metabolomics causal inference "
    "implementation science qualitative interviews crispr screening organoid imaging "
    "deep learning natural language processing health disparities community engagement"
)
FILLER = _words(
    "the of and to in we will aim study determine hypothesis approach data novel patients "
    "outcomes risk mechanisms this proposal specific aims preliminary results show that "
    "these findings suggest our team expertise innovative significance impact across "
    "population evidence clinical translational research"
)

ACTIVITY_CODES = [
    ("R01", 0.42), ("R21", 0.12), ("K23", 0.05), ("K08", 0.04), ("R03", 0.03), ("U01", 0.06),
    ("R34", 0.02), ("R56", 0.01), ("K99", 0.02), ("F32", 0.03), ("T32", 0.04), ("R35", 0.03),
    ("U24", 0.02), ("P01", 0.01), ("P30", 0.01), ("P50", 0.01), ("U54", 0.01), ("R44", 0.02),
    ("DP2", 0.01), ("K24", 0.01),
]  # fmt: skip
CENTER_CODES = frozenset({"P01", "P30", "P50", "U54"})
ICS = [
    ("NCI", "CA"), ("NHLBI", "HL"), ("NIDDK", "DK"), ("NIAID", "AI"), ("NINDS", "NS"),
    ("NIMH", "MH"), ("NIA", "AG"), ("NICHD", "HD"), ("NIGMS", "GM"), ("NIDA", "DA"),
    ("NIAAA", "AA"), ("NEI", "EY"), ("NIAMS", "AR"), ("NIEHS", "ES"), ("NIMHD", "MD"),
    ("NINR", "NR"), ("NLM", "LM"), ("OD", "OD"),
]  # fmt: skip
STATES = [
    ("MD", "Baltimore"), ("MA", "Boston"), ("CA", "San Francisco"), ("CA", "LOS ANGELES"),
    ("NY", "New York"), ("PA", "Philadelphia"), ("NC", "Durham"), ("TX", "Houston"),
    ("WA", "Seattle"), ("MI", "Ann Arbor"), ("IL", "Chicago"), ("OH", "CLEVELAND"),
    ("TN", "Nashville"), ("GA", "Atlanta"), ("MN", "Rochester"), ("MO", "ST. LOUIS"),
    ("CO", "Aurora"), ("WI", "Madison"), ("CT", "New Haven"), ("UT", "Salt Lake City"),
    ("FL", "Gainesville"), ("AL", "Birmingham"), ("IN", "Indianapolis"), ("IA", "Iowa City"),
    ("VA", "Charlottesville"), ("OR", "Portland"), ("ON", "Toronto"), ("PR", "San Juan"),
]  # fmt: skip
DEPT_TYPES = [
    "INTERNAL MEDICINE/MEDICINE", "PEDIATRICS", "PSYCHIATRY", "NEUROLOGY", "SURGERY",
    "PUBLIC HEALTH & PREV MEDICINE", "BIOCHEMISTRY", "PATHOLOGY", "RADIATION-DIAGNOSTIC/ONCOLOGY",
    "OBSTETRICS & GYNECOLOGY", "OPHTHALMOLOGY", "ANESTHESIOLOGY", "EMERGENCY MEDICINE",
    "BIOSTATISTICS & OTHER MATH SCI", "PHARMACOLOGY", "MICROBIOLOGY/IMMUN/VIROLOGY",
    "GENETICS", "NURSING", None,
]  # fmt: skip
ORG_TYPES = [
    "SCHOOLS OF MEDICINE",
    "SCHOOLS OF PUBLIC HEALTH",
    "INDEPENDENT HOSPITALS",
    "RESEARCH INSTITUTES",
    "SCHOOLS OF ARTS AND SCIENCES",
    "SCHOOLS OF NURSING",
    None,
]
ORG_WORDS = [
    "UNIVERSITY OF",
    "STATE UNIVERSITY",
    "MEDICAL CENTER",
    "CHILDREN'S HOSPITAL",
    "INSTITUTE OF TECHNOLOGY",
    "HEALTH SCIENCES CENTER",
    "COLLEGE OF MEDICINE",
]
TITLES = [
    "PROFESSOR",
    "ASSOCIATE PROFESSOR",
    "ASSISTANT PROFESSOR",
    "",
    "",
    "",
    "PROFESSOR OF MEDICINE",
    "INSTRUCTOR",
    "RESEARCH ASSOCIATE PROFESSOR",
    "PROFESSOR AND CHAIR",
    "DIRECTOR",
    "Associate Professor",
]
FIRST = _words(
    "Maria Ana Tamara John Wei Xiaoli Priya Ahmed Fatima Olga Kwame Hiroshi Sofia Luis "
    "Chen Emily Michael David Sarah James Aisha Carlos Elena Igor Mei Raj Nadia Omar "
    "Grace Daniel Laura Jorge Yuki Amit Hannah Peter Rosa Tomas Ines Kofi Leila"
)
LAST = _words(
    "Lopez Rivera Phillips Smith Chen Wang Patel Nguyen Kim Garcia Martinez Brown Johnson "
    "Okafor Mensah Tanaka Sato Ivanova Petrov Rossi Bianchi Muller Schmidt Dubois Haddad "
    "Khan Ali Singh Gupta O'Neil McDonald Ma'ayan DiGiovanna Smith-Jones Cohen Levy "
    "Andersen Nielsen Costa Silva Santos Park Choi Zhang Liu Yang Huang Wu Zhou Xu"
)
SYLLABLES = ["son", "berg", "ova", "ski", "ez", "ani", "etti", "ley", "ington", "ard"]
MIDDLE = ["", "", "", "A", "M", "J", "E", "Lee", "Marie", "K.", "R"]
SUBPROJECT_TITLES = ["Administrative Core", "Clinical Core", "Project 1", "Data Core"]
POS = ["GEORGE PAPANICOLAOU", "Lee Park", "DANA  WHITE", "Miguel Ortiz", "SUSAN LEE"]


def _pick(rng: np.random.Generator, pairs: list[tuple[Any, float]]) -> Any:
    values, weights = zip(*pairs, strict=True)
    p = np.asarray(weights) / sum(weights)
    return values[int(rng.choice(len(values), p=p))]


def _date(year: int, month: int, day: int, old: bool) -> str:
    if old:  # the 2022-2025 captures: hour 12, "minutes" repeat the month
        return f"{year:04d}-{month:02d}-{day:02d}T12:{month:02d}:00Z"
    return f"{year:04d}-{month:02d}-{day:02d}T00:00:00"


class _Text:
    """Abstracts of ~2,000 characters: a clinical field's terms, methods, and filler."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.fields = list(FIELDS)

    def abstract(self, field: str, length: int = 2000) -> str:
        words = FIELDS[field]
        # 30% field terms, 10% methods, 60% filler: like real abstracts, topic words are sparse.
        kind = self.rng.choice(3, size=330, p=[0.3, 0.1, 0.6])
        idx = self.rng.integers(0, 1_000_000, size=330)
        pools = (words, METHODS, FILLER)
        tokens = [pools[k][i % len(pools[k])] for k, i in zip(kind, idx, strict=True)]
        text = " ".join(tokens)[:length]
        sentences = text.split(" the ")
        return "PROJECT SUMMARY\n" + ". The ".join(s.capitalize() for s in sentences) + "."

    def title(self, field: str) -> str:
        words = FIELDS[field]
        a, b, m = self.rng.integers(0, 1000, size=3)
        return (
            f"{words[a % len(words)].capitalize()} and {words[b % len(words)]} "
            f"in {METHODS[m % len(METHODS)]}"
        )


def generate_records(n: int, *, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` synthetic RePORTER project records (dicts shaped like API results)."""
    if n <= 0:
        return []
    rng = np.random.default_rng(seed)
    text = _Text(rng)
    n_pis = max(1, round(n / 1.5))
    # People: a profile id, name parts, title, home organisation index.
    n_orgs = max(5, n // 60)
    orgs = []
    for i in range(n_orgs):
        state, city = STATES[int(rng.integers(len(STATES)))]
        words = ORG_WORDS[int(rng.integers(len(ORG_WORDS)))]
        place = LAST[int(rng.integers(len(LAST)))].upper()
        orgs.append(
            {
                "org_name": f"{words} {place} {i}",
                "city": None,
                "country": None,
                "org_city": city,
                "org_country": "CANADA" if state == "ON" else "UNITED STATES",
                "org_state": state,
                "org_state_name": None,
                "dept_type": None,
                "org_duns": [f"{rng.integers(10**8, 10**9)}"],
                "org_ueis": [" X" + str(i).zfill(10)] if i % 97 == 0 else ["X" + str(i).zfill(10)],
                "primary_uei": "X" + str(i).zfill(10),
                "org_fips": "US",
                "org_zipcode": str(10000 + i),
                "external_org_id": 100000 + i,
            }
        )
    people = []
    profile_ids = rng.choice(np.arange(1_000_000, 16_000_000), size=n_pis, replace=False)
    for i in range(n_pis):
        first = FIRST[int(rng.integers(len(FIRST)))]
        last = LAST[int(rng.integers(len(LAST)))]
        if rng.random() < 0.6:  # more surnames than the list, so names are mostly distinct
            last += SYLLABLES[int(rng.integers(len(SYLLABLES)))]
        middle = MIDDLE[int(rng.integers(len(MIDDLE)))]
        upper = rng.random() < 0.3
        people.append(
            {
                "profile_id": int(profile_ids[i]),
                "first": first.upper() if upper else first,
                "middle": middle.upper() if upper else middle,
                "last": last.upper() if upper else last,
                "title": TITLES[int(rng.integers(len(TITLES)))],
                "org": int(rng.integers(n_orgs)),
                "dept": DEPT_TYPES[int(rng.integers(len(DEPT_TYPES)))],
                "field": text.fields[int(rng.integers(len(text.fields)))],
            }
        )
    next_person = 0

    def new_person() -> int:
        # Mostly fresh people (so the pool is used up at ~1.5 rows each), some repeat PIs.
        nonlocal next_person
        if next_person < n_pis and rng.random() < 0.96:
            next_person += 1
            return next_person - 1
        return int(rng.integers(max(1, next_person)))

    def pi_entry(p: int, contact: bool) -> dict[str, Any]:
        person = people[p]
        mid = person["middle"]
        return {
            "profile_id": person["profile_id"],
            "first_name": person["first"],
            "middle_name": mid,
            "last_name": person["last"],
            "is_contact_pi": contact,
            "full_name": f"{person['first']} {mid} {person['last']}",  # double space if no middle
            "title": person["title"] if rng.random() < 0.6 else "",
        }

    records: list[dict[str, Any]] = []
    appl_id = 10_000_000
    serial = 100_000
    while len(records) < n:
        activity = _pick(rng, ACTIVITY_CODES)
        ic_abbr, ic = ICS[int(rng.integers(len(ICS)))]
        serial += int(rng.integers(1, 40))
        core = f"{activity}{ic}{serial:06d}"
        contact = new_person()
        team = [contact]
        if rng.random() < 0.17:  # ~15% of all records, components being single-PI
            team += [new_person() for _ in range(int(rng.integers(1, 4)))]
            team = list(dict.fromkeys(team))
        person = people[contact]
        org = dict(orgs[person["org"]], dept_type=person["dept"])
        field = person["field"]
        title = text.title(field)
        n_years = int(rng.choice([1, 2, 3, 4, 5], p=[0.45, 0.30, 0.15, 0.07, 0.03]))
        first_fy = int(rng.integers(2021, 2027 - n_years + 1))
        support0 = int(rng.integers(1, 4))
        period = int(rng.integers(2, 6))
        start_year = first_fy - support0 + 1
        start = (start_year - 1, int(rng.integers(1, 13)), 1)
        end_year = start[0] + period + max(0, n_years - period)
        end = (end_year, start[1], 28)
        amount = float(rng.choice([50_000, 150_000, 250_000, 420_000, 650_000, 1_200_000]))
        old_dates = rng.random() < 0.05
        abstract = text.abstract(field)
        phr_choice = int(rng.choice(4, p=[0.1, 0.1, 0.05, 0.75]))
        phr = [None, "", "No Text", text.abstract(field, 400)][phr_choice]
        pref_terms = ";".join(sorted(set(FIELDS[field][:8])))
        if field == "neurology":  # the HTML entity older captures carry
            pref_terms += ";Alzheimer&apos;s Disease"
        contact_name = f"{person['last']}, {person['first']} {person['middle']} ".upper()
        officer = POS[int(rng.integers(len(POS)))]
        officers = [
            {
                "first_name": officer.split()[0],
                "middle_name": "",
                "last_name": officer.split()[-1],
                "full_name": officer,
            }
        ]
        pis = [pi_entry(p, p == contact) for p in team]
        for k in range(n_years):
            fy = first_fy + k
            support = support0 + k
            award_type = "1" if support == 1 else "5"
            suffix = "A1" if support == 1 and rng.random() < 0.2 else ""
            project_num = f"{award_type}{core[:3]}{core[3:]}-{support:02d}{suffix}"
            base = {
                "subproject_id": None,
                "fiscal_year": fy,
                "organization": org,
                "activity_code": activity,
                "is_active": fy >= 2025,
                "principal_investigators": pis,
                "contact_pi_name": contact_name.replace("  ", " "),
                "program_officers": officers,
                "agency_ic_admin": {
                    "code": ic,
                    "abbreviation": ic_abbr,
                    "name": f"National Institute {ic_abbr}",
                },
                "project_start_date": _date(*start, old_dates),
                "project_end_date": _date(*end, old_dates),
                "budget_start": _date(fy - 1, start[1], 1, old_dates),
                "budget_end": _date(fy, start[1], 28, old_dates),
                "organization_type": {
                    "name": ORG_TYPES[int(rng.integers(len(ORG_TYPES)))],
                    "code": "20",
                    "is_other": False,
                },
                "full_study_section": {
                    "srg_code": f"Z{ic}1",
                    "srg_flex": None,
                    "name": f"{field.title()} Study Section",
                },
                "core_project_num": core,
                "terms": "<" + "><".join(FIELDS[field][:10]) + ">",
                "pref_terms": pref_terms,
                "abstract_text": abstract,
                "project_title": title,
                "phr_text": phr,
                "agency_code": "NIH",
                "cfda_code": ["93.837", "837", None][int(rng.integers(3))],
                "direct_cost_amt": amount * 0.68,
                "indirect_cost_amt": amount * 0.32,
            }
            appl_id += int(rng.integers(1, 500))
            records.append(
                {
                    "appl_id": appl_id,
                    "project_num": project_num,
                    "award_type": award_type,
                    "award_amount": amount * (1 + 0.02 * k),
                    "project_detail_url": f"https://reporter.nih.gov/project-details/{appl_id}",
                    **base,
                }
            )
            if rng.random() < 0.10:  # an administrative supplement that year
                appl_id += int(rng.integers(1, 500))
                records.append(
                    {
                        "appl_id": appl_id,
                        "project_num": f"3{core}-{support:02d}S1",
                        "award_type": "3",
                        "award_amount": float(rng.choice([25_000, 75_000, 150_000])),
                        **base,
                    }
                )
            if activity in CENTER_CODES:  # components: own PI, own title, parent's number
                for sub in range(int(rng.integers(2, 5))):
                    appl_id += int(rng.integers(1, 500))
                    leader = new_person()
                    records.append(
                        {
                            **base,
                            # type drift seen in real captures: ids as strings
                            "appl_id": str(appl_id) if rng.random() < 0.05 else appl_id,
                            "subproject_id": str(7000 + sub),
                            "project_num": project_num,
                            "award_type": award_type,
                            "award_amount": amount * 0.2,
                            "principal_investigators": [pi_entry(leader, True)],
                            "project_title": SUBPROJECT_TITLES[sub % len(SUBPROJECT_TITLES)],
                        }
                    )
    return records[:n]


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    sample = generate_records(count)
    print(json.dumps(sample[0], indent=1)[:3000])
    print(f"{len(sample)} records, {len({r['core_project_num'] for r in sample})} grants")
