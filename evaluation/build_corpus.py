"""Build the reporter_finder evaluation set: corpus.json, queries.json and labels.json.

Everything here is hand-written (grant texts, the "true home" IC + study section of each grant, the track
kind of each grant, and the skill/track judgement table). Nothing is read from reporter_finder/data or from
the ranker. Running the script rewrites the three JSON files deterministically:

    /work/venv/bin/python evaluation/build_corpus.py

See evaluation/README.md for the label rules and known biases.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = _dt.date(2026, 1, 15)  # "today" for is_active

# --------------------------------------------------------------------------------------------------------------
# 1. Institutes and centres (administering IC). Names are the official ones; masking.py removes them from text.
# --------------------------------------------------------------------------------------------------------------
ICS = {
    "HL": ("NHLBI", "National Heart, Lung, and Blood Institute", "93.837"),
    "CA": ("NCI", "National Cancer Institute", "93.396"),
    "DK": ("NIDDK", "National Institute of Diabetes and Digestive and Kidney Diseases", "93.847"),
    "AI": ("NIAID", "National Institute of Allergy and Infectious Diseases", "93.855"),
    "AR": ("NIAMS", "National Institute of Arthritis and Musculoskeletal and Skin Diseases", "93.846"),
    "AG": ("NIA", "National Institute on Aging", "93.866"),
    "NS": ("NINDS", "National Institute of Neurological Disorders and Stroke", "93.853"),
    "MH": ("NIMH", "National Institute of Mental Health", "93.242"),
    "DA": ("NIDA", "National Institute on Drug Abuse", "93.279"),
    "AA": ("NIAAA", "National Institute on Alcohol Abuse and Alcoholism", "93.273"),
    "HD": ("NICHD", "Eunice Kennedy Shriver National Institute of Child Health and Human Development", "93.865"),
    "EY": ("NEI", "National Eye Institute", "93.867"),
    "DC": ("NIDCD", "National Institute on Deafness and Other Communication Disorders", "93.173"),
    "EB": ("NIBIB", "National Institute of Biomedical Imaging and Bioengineering", "93.286"),
    "GM": ("NIGMS", "National Institute of General Medical Sciences", "93.859"),
    "MD": ("NIMHD", "National Institute on Minority Health and Health Disparities", "93.307"),
    "TW": ("FIC", "John E. Fogarty International Center for Advanced Study in the Health Sciences", "93.989"),
    "DE": ("NIDCR", "National Institute of Dental and Craniofacial Research", "93.121"),
    "NR": ("NINR", "National Institute of Nursing Research", "93.361"),
    "ES": ("NIEHS", "National Institute of Environmental Health Sciences", "93.113"),
    "OD": ("OD", "NIH Office of the Director", "93.310"),
    "TR": ("NCATS", "National Center for Advancing Translational Sciences", "93.350"),
    "AT": ("NCCIH", "National Center for Complementary and Integrative Health", "93.213"),
}

# Specialty sets used ONLY when the study section is generic (IC-internal committee, fellowship/training panel,
# un-themed special emphasis panel). A topical study section always overrides the IC (see README).
IC_FALLBACK = {
    "HL": {"cardiology", "pulmonary/critical care", "hematology"},
    "CA": {"oncology"},
    "DK": {"gastroenterology", "nephrology", "endocrinology"},
    "AI": {"infectious disease", "allergy/immunology"},
    "AR": {"rheumatology", "dermatology", "orthopaedics"},
    "AG": {"geriatrics"},
    "NS": {"neurology", "neurosurgery"},
    "MH": {"psychiatry"}, "DA": {"psychiatry"}, "AA": {"psychiatry"},
    "HD": {"pediatrics", "obstetrics/gynecology"},
    "EY": {"ophthalmology"},
    "DC": {"otolaryngology"},
    "EB": {"radiology"},
    "MD": {"public health"}, "TW": {"public health"}, "ES": {"public health"},
    "GM": set(), "DE": set(), "NR": set(), "OD": set(), "TR": set(), "AT": set(),
}

# --------------------------------------------------------------------------------------------------------------
# 2. Study sections: key -> (srg_code, sra_designator_code or None, name, specialties it signals).
#    Empty specialty set = generic (the IC fallback applies). Names follow CSR / IC review committees; the SEP
#    keys with a theme are this data set's stand-ins for RFA-specific panels.
# --------------------------------------------------------------------------------------------------------------
SECTIONS = {
    # cardiovascular
    "CCHF": ("CCHF", None, "Cardiac Contractility, Hypertrophy, and Failure Study Section", {"cardiology"}),
    "ESTA": ("ESTA", None, "Electrical Signaling, Ion Transport, and Arrhythmias Study Section", {"cardiology"}),
    "CICS": ("CICS", None, "Clinical and Integrative Cardiovascular Sciences Study Section", {"cardiology"}),
    "AICS": ("AICS", None, "Atherosclerosis and Inflammation of the Cardiovascular System Study Section", {"cardiology"}),
    "CDD": ("CDD", None, "Cardiovascular Differentiation and Development Study Section", {"cardiology", "pediatrics"}),
    "CASE": ("CASE", None, "Cardiovascular and Sleep Epidemiology Study Section", {"cardiology", "public health"}),
    "HM": ("HM", None, "Hypertension and Microcirculation Study Section", {"cardiology", "nephrology"}),
    "VCMB": ("VCMB", None, "Vascular Cell and Molecular Biology Study Section", {"vascular surgery"}),
    "ZHL1-CSRT": ("ZHL1", "CSR-T", "Special Emphasis Panel[ZHL1 CSR-T (S1)]", {"cardiothoracic surgery"}),
    "ZHL1-CSRV": ("ZHL1", "CSR-V", "Special Emphasis Panel[ZHL1 CSR-V (M2)]", {"vascular surgery"}),
    # lung
    "LIRR": ("LIRR", None, "Lung Injury, Repair, and Remodeling Study Section", {"pulmonary/critical care"}),
    "RIBT": ("RIBT", None, "Respiratory Integrative Biology and Translational Research Study Section", {"pulmonary/critical care"}),
    "LCMI": ("LCMI", None, "Lung Cellular, Molecular, and Immunobiology Study Section", {"pulmonary/critical care"}),
    "IRAP": ("IRAP", None, "Infectious Diseases, Reproductive Health, Asthma and Pulmonary Conditions Study Section", {"pulmonary/critical care", "public health"}),
    # blood
    "MCH": ("MCH", None, "Molecular and Cellular Hematology Study Section", {"hematology"}),
    "HTBT": ("HTBT", None, "Hemostasis, Thrombosis, Blood Cells and Transfusion Study Section", {"hematology"}),
    # NHLBI generic committees
    "MPOR": ("HLBP", None, "NHLBI Mentored Patient-Oriented Research Review Committee", set()),
    "MTI": ("HLBP", None, "NHLBI Mentored Transition to Independence Review Committee", set()),
    "NITM": ("NITM", None, "NHLBI Institutional Training Mechanism Review Committee", set()),
    "CLTR": ("CLTR", None, "Clinical Trials Review Committee", set()),
    "HLBP": ("HLBP", None, "Heart, Lung, and Blood Program Project Review Committee", set()),
    # digestive, kidney, endocrine
    "GMPB": ("GMPB", None, "Gastrointestinal Mucosal Pathobiology Study Section", {"gastroenterology"}),
    "CIMG": ("CIMG", None, "Clinical, Integrative and Molecular Gastroenterology Study Section", {"gastroenterology"}),
    "HBPP": ("HBPP", None, "Hepatobiliary Pathophysiology Study Section", {"gastroenterology"}),
    "DDK-B": ("DDK", "B", "Digestive Diseases and Nutrition B Subcommittee", {"gastroenterology"}),
    "PBKD": ("PBKD", None, "Pathobiology of Kidney Disease Study Section", {"nephrology"}),
    "KMBD": ("KMBD", None, "Kidney Molecular Biology and Genitourinary Organ Development Study Section", {"nephrology"}),
    "KNOD": ("KNOD", None, "Kidney, Nutrition, Obesity and Diabetes Study Section", {"nephrology", "endocrinology"}),
    "DDK-C": ("DDK", "C", "Kidney, Urologic and Hematologic Diseases D Subcommittee", {"nephrology"}),
    "UKGD": ("UKGD", None, "Urologic and Kidney Development and Genitourinary Diseases Study Section", {"urology"}),
    "IPOD": ("IPOD", None, "Integrative Physiology of Obesity and Diabetes Study Section", {"endocrinology"}),
    "CADO": ("CADO", None, "Cellular Aspects of Diabetes and Obesity Study Section", {"endocrinology"}),
    "MCE": ("MCE", None, "Molecular and Cellular Endocrinology Study Section", {"endocrinology"}),
    "CIDO": ("CIDO", None, "Clinical and Integrative Diabetes and Obesity Study Section", {"endocrinology"}),
    "ICER": ("ICER", None, "Integrative and Clinical Endocrinology and Reproduction Study Section", {"endocrinology", "obstetrics/gynecology"}),
    "DDK-A": ("DDK", "A", "Diabetes, Endocrinology and Metabolic Diseases B Subcommittee", {"endocrinology"}),
    # cancer
    "CE": ("CE", None, "Cancer Etiology Study Section", {"oncology"}),
    "TCB": ("TCB", None, "Tumor Cell Biology Study Section", {"oncology"}),
    "CAMP": ("CAMP", None, "Cancer Molecular Pathobiology Study Section", {"oncology", "pathology"}),
    "CBSS": ("CBSS", None, "Cancer Biomarkers Study Section", {"oncology", "pathology"}),
    "CONC": ("CONC", None, "Clinical Oncology Study Section", {"oncology"}),
    "DT": ("DT", None, "Developmental Therapeutics Study Section", {"oncology"}),
    "TME": ("TME", None, "Tumor Microenvironment Study Section", {"oncology"}),
    "CII": ("CII", None, "Cancer Immunopathology and Immunotherapy Study Section", {"oncology"}),
    "RTB": ("RTB", None, "Radiation Therapeutics and Biology Study Section", {"radiation oncology"}),
    "NCI-J": ("NCI", "J", "NCI Subcommittee J - Career Development", set()),
    "NCI-PP": ("NCI", "B", "Subcommittee B - Comprehensiveness", set()),
    # infection and immunity
    "CRFS": ("CRFS", None, "Clinical Research and Field Studies of Infectious Diseases Study Section", {"infectious disease"}),
    "BACP": ("BACP", None, "Bacterial Pathogenesis Study Section", {"infectious disease"}),
    "VIRB": ("VIRB", None, "Virology - B Study Section", {"infectious disease"}),
    "DDR": ("DDR", None, "Drug Discovery and Mechanisms of Antimicrobial Resistance Study Section", {"infectious disease"}),
    "PTHE": ("PTHE", None, "Pathogenic Eukaryotes Study Section", {"infectious disease"}),
    "ACE": ("ACE", None, "AIDS Clinical Studies and Epidemiology Study Section", {"infectious disease"}),
    "HCCS": ("HCCS", None, "HIV Comorbidities and Clinical Studies Study Section", {"infectious disease"}),
    "MID": ("AIP", None, "Microbiology and Infectious Diseases Research Committee", {"infectious disease"}),
    "AITC": ("AITC", None, "Allergy, Immunology, and Transplantation Research Committee", {"allergy/immunology"}),
    "HAI": ("HAI", None, "Hypersensitivity, Autoimmune, and Immune-mediated Diseases Study Section", {"allergy/immunology", "rheumatology"}),
    "CMIA": ("CMIA", None, "Cellular and Molecular Immunology - A Study Section", {"allergy/immunology"}),
    "III": ("III", None, "Innate Immunity and Inflammation Study Section", {"allergy/immunology"}),
    "TTT": ("TTT", None, "Transplantation, Tolerance, and Tumor Immunology Study Section", {"allergy/immunology"}),
    # musculoskeletal and skin
    "ACTS": ("ACTS", None, "Arthritis, Connective Tissue and Skin Study Section", {"rheumatology"}),
    "ZAR1-SKIN": ("ZAR1", "KM", "Special Emphasis Panel[ZAR1 KM (M1)]", {"dermatology"}),
    "AMS": ("AMS", None, "Arthritis and Musculoskeletal and Skin Diseases Special Grants Review Committee", set()),
    "SBSR": ("SBSR", None, "Skeletal Biology Structure and Regeneration Study Section", {"orthopaedics"}),
    "SBDD": ("SBDD", None, "Skeletal Biology Development and Disease Study Section", {"orthopaedics"}),
    "MTE": ("MTE", None, "Musculoskeletal Tissue Engineering Study Section", {"orthopaedics", "plastic surgery"}),
    "MRS": ("MRS", None, "Musculoskeletal Rehabilitation Sciences Study Section", {"physical medicine & rehabilitation"}),
    "MFSR": ("MFSR", None, "Motor Function, Speech and Rehabilitation Study Section", {"physical medicine & rehabilitation"}),
    "ODCS": ("ODCS", None, "Oral, Dental and Craniofacial Sciences Study Section", {"plastic surgery"}),
    # aging, brain, behaviour
    "ASG": ("ASG", None, "Aging Systems and Geriatrics Study Section", {"geriatrics"}),
    "NIA-C": ("NIA", "C", "NIA Clinical Aging Review Committee", set()),
    "NAME": ("NAME", None, "Neurological, Aging and Musculoskeletal Epidemiology Study Section", {"geriatrics", "rheumatology"}),
    "CNN": ("CNN", None, "Clinical Neuroscience and Neurodegeneration Study Section", {"neurology"}),
    "CDIN": ("CDIN", None, "Chronic Dysfunction and Integrative Neurodegeneration Study Section", {"neurology"}),
    "ANIE": ("ANIE", None, "Acute Neural Injury and Epilepsy Study Section", {"neurology"}),
    "BINP": ("BINP", None, "Brain Injury and Neurovascular Pathologies Study Section", {"neurology", "neurosurgery"}),
    "NT": ("NT", None, "Neurotechnology Study Section", {"neurosurgery"}),
    "DBD": ("DBD", None, "Developmental Brain Disorders Study Section", {"neurology", "pediatrics"}),
    "SPS": ("SPS", None, "Somatosensory and Pain Systems Study Section", {"neurology"}),
    "NSD": ("NSD", "K", "Neurological Sciences and Disorders K", set()),
    "APDA": ("APDA", None, "Adult Psychopathology and Disorders of Aging Study Section", {"psychiatry"}),
    "IPTA": ("IPTA", None, "Interventions to Prevent and Treat Addictions Study Section", {"psychiatry"}),
    "ARM": ("ARM", None, "Addiction Risks and Mechanisms Study Section", {"psychiatry"}),
    "CPDD": ("CPDD", None, "Child Psychopathology and Developmental Disabilities Study Section", {"psychiatry", "pediatrics"}),
    "MESH": ("MESH", None, "Mechanisms of Emotion, Stress and Health Study Section", {"psychiatry"}),
    "ZMH1": ("ZMH1", "ERB-K", "Special Emphasis Panel[ZMH1 ERB-K (03)]", set()),
    # child and women
    "CHHD-A": ("CHHD", "A", "Pediatrics Subcommittee", {"pediatrics"}),
    "CHHD-H": ("CHHD", "H", "Obstetrics and Maternal-Fetal Biology Subcommittee", {"obstetrics/gynecology"}),
    "PN": ("PN", None, "Pregnancy and Neonatology Study Section", {"obstetrics/gynecology", "pediatrics"}),
    "CMIR": ("CMIR", None, "Cellular, Molecular and Integrative Reproduction Study Section", {"obstetrics/gynecology"}),
    # surgery, anaesthesia, acute care
    "SAT": ("SAT", None, "Surgery, Anesthesiology and Trauma Study Section", {"general surgery"}),
    "ZGM1-ANS": ("ZGM1", "ANS-P", "Special Emphasis Panel[ZGM1 ANS-P (PC)]", {"anesthesiology"}),
    "ZNS1-HEAL": ("ZNS1", "SRB-H", "Special Emphasis Panel[ZNS1 SRB-H (45)]", {"anesthesiology"}),
    "ZNS1-EMR": ("ZNS1", "SRB-E", "Special Emphasis Panel[ZNS1 SRB-E (02)]", {"emergency medicine"}),
    "CMGC": ("CMGC", None, "Clinical Management in General Care Settings Study Section", {"emergency medicine"}),
    "CMPC": ("CMPC", None, "Clinical Management of Patients in Community-based Settings Study Section", {"family medicine"}),
    # eye, ear, imaging
    "DPVS": ("DPVS", None, "Diseases and Pathophysiology of the Visual System Study Section", {"ophthalmology"}),
    "BVS": ("BVS", None, "Biology of the Visual System Study Section", {"ophthalmology"}),
    "ZEY1": ("ZEY1", "VSN", "Special Emphasis Panel[ZEY1 VSN (08)]", set()),
    "AUD": ("AUD", None, "Auditory System Study Section", {"otolaryngology"}),
    "CDRC": ("CDRC", None, "Communication Disorders Review Committee", {"otolaryngology"}),
    "MEDI": ("MEDI", None, "Medical Imaging Study Section", {"radiology"}),
    "BMIT": ("BMIT", "B", "Biomedical Imaging Technology B Study Section", {"radiology"}),
    "IGIS": ("IGIS", None, "Imaging Guided Interventions and Surgery Study Section", {"radiology"}),
    # population and services
    "CIHB": ("CIHB", None, "Community Influences on Health Behavior Study Section", {"public health"}),
    "HDEP": ("HDEP", None, "Health Disparities and Equity Promotion Study Section", {"public health"}),
    "DIRH": ("DIRH", None, "Dissemination and Implementation Research in Health Study Section", {"public health", "family medicine"}),
    "ZTW1": ("ZTW1", "SRB-Q", "Special Emphasis Panel[ZTW1 SRB-Q (M1)]", set()),
    # generic
    "ZRG1-F": ("ZRG1", "F07-S", "Special Emphasis Panel[ZRG1 F07-S (20)]", set()),
    "ZRG1": ("ZRG1", "CB-J", "Special Emphasis Panel[ZRG1 CB-J (55)]", set()),
    "ZGM1-TWD": ("ZGM1", "TWD-C", "Special Emphasis Panel[ZGM1 TWD-C (TR)]", set()),
    "ZRG1-DP2": ("ZRG1", "CB-H", "Special Emphasis Panel[ZRG1 CB-H (70)]", set()),
}

# --------------------------------------------------------------------------------------------------------------
# 3. Organisations (name, city, state)
# --------------------------------------------------------------------------------------------------------------
ORGS = [
    ("JOHNS HOPKINS UNIVERSITY", "BALTIMORE", "MD"), ("UNIVERSITY OF MICHIGAN AT ANN ARBOR", "ANN ARBOR", "MI"),
    ("UNIVERSITY OF PENNSYLVANIA", "PHILADELPHIA", "PA"), ("UNIVERSITY OF CALIFORNIA, SAN FRANCISCO", "SAN FRANCISCO", "CA"),
    ("WASHINGTON UNIVERSITY", "SAINT LOUIS", "MO"), ("MASSACHUSETTS GENERAL HOSPITAL", "BOSTON", "MA"),
    ("BRIGHAM AND WOMEN'S HOSPITAL", "BOSTON", "MA"), ("STANFORD UNIVERSITY", "STANFORD", "CA"),
    ("UNIVERSITY OF PITTSBURGH AT PITTSBURGH", "PITTSBURGH", "PA"), ("VANDERBILT UNIVERSITY MEDICAL CENTER", "NASHVILLE", "TN"),
    ("DUKE UNIVERSITY", "DURHAM", "NC"), ("UNIV OF NORTH CAROLINA CHAPEL HILL", "CHAPEL HILL", "NC"),
    ("UNIVERSITY OF WASHINGTON", "SEATTLE", "WA"), ("EMORY UNIVERSITY", "ATLANTA", "GA"),
    ("YALE UNIVERSITY", "NEW HAVEN", "CT"), ("COLUMBIA UNIVERSITY HEALTH SCIENCES", "NEW YORK", "NY"),
    ("ICAHN SCHOOL OF MEDICINE AT MOUNT SINAI", "NEW YORK", "NY"), ("NORTHWESTERN UNIVERSITY AT CHICAGO", "CHICAGO", "IL"),
    ("UNIVERSITY OF CHICAGO", "CHICAGO", "IL"), ("UT SOUTHWESTERN MEDICAL CENTER", "DALLAS", "TX"),
    ("BAYLOR COLLEGE OF MEDICINE", "HOUSTON", "TX"), ("UNIVERSITY OF TX MD ANDERSON CAN CTR", "HOUSTON", "TX"),
    ("UNIVERSITY OF ALABAMA AT BIRMINGHAM", "BIRMINGHAM", "AL"), ("UNIVERSITY OF COLORADO DENVER", "AURORA", "CO"),
    ("UNIVERSITY OF UTAH", "SALT LAKE CITY", "UT"), ("OREGON HEALTH & SCIENCE UNIVERSITY", "PORTLAND", "OR"),
    ("UNIVERSITY OF CALIFORNIA LOS ANGELES", "LOS ANGELES", "CA"), ("UNIVERSITY OF CALIFORNIA, SAN DIEGO", "LA JOLLA", "CA"),
    ("UNIVERSITY OF MINNESOTA", "MINNEAPOLIS", "MN"), ("MAYO CLINIC ROCHESTER", "ROCHESTER", "MN"),
    ("CLEVELAND CLINIC LERNER COM-CWRU", "CLEVELAND", "OH"), ("CASE WESTERN RESERVE UNIVERSITY", "CLEVELAND", "OH"),
    ("OHIO STATE UNIVERSITY", "COLUMBUS", "OH"), ("CINCINNATI CHILDRENS HOSP MED CTR", "CINCINNATI", "OH"),
    ("CHILDREN'S HOSP OF PHILADELPHIA", "PHILADELPHIA", "PA"), ("BOSTON CHILDREN'S HOSPITAL", "BOSTON", "MA"),
    ("UNIVERSITY OF FLORIDA", "GAINESVILLE", "FL"), ("UNIVERSITY OF MIAMI SCHOOL OF MEDICINE", "MIAMI", "FL"),
    ("UNIVERSITY OF WISCONSIN-MADISON", "MADISON", "WI"), ("UNIVERSITY OF IOWA", "IOWA CITY", "IA"),
    ("INDIANA UNIV-PURDUE UNIV AT INDIANAPOLIS", "INDIANAPOLIS", "IN"), ("UNIVERSITY OF VIRGINIA", "CHARLOTTESVILLE", "VA"),
    ("MEDICAL UNIVERSITY OF SOUTH CAROLINA", "CHARLESTON", "SC"), ("UNIVERSITY OF NEW MEXICO HEALTH SCIS CTR", "ALBUQUERQUE", "NM"),
    ("UNIVERSITY OF KENTUCKY", "LEXINGTON", "KY"), ("UNIVERSITY OF ROCHESTER", "ROCHESTER", "NY"),
    ("NEW YORK UNIVERSITY SCHOOL OF MEDICINE", "NEW YORK", "NY"), ("UNIVERSITY OF MARYLAND BALTIMORE", "BALTIMORE", "MD"),
    ("BETH ISRAEL DEACONESS MEDICAL CENTER", "BOSTON", "MA"), ("KAISER FOUNDATION RESEARCH INSTITUTE", "OAKLAND", "CA"),
    ("UNIVERSITY OF ARKANSAS FOR MED SCIS", "LITTLE ROCK", "AR"), ("MOREHOUSE SCHOOL OF MEDICINE", "ATLANTA", "GA"),
    ("BROAD INSTITUTE, INC.", "CAMBRIDGE", "MA"), ("SALK INSTITUTE FOR BIOLOGICAL STUDIES", "LA JOLLA", "CA"),
    ("FRED HUTCHINSON CANCER CENTER", "SEATTLE", "WA"), ("RESEARCH TRIANGLE INSTITUTE", "RESEARCH TRIANGLE PARK", "NC"),
]

# --------------------------------------------------------------------------------------------------------------
# 4. The hand-written part: PIs and their grants.
#    P(key, dept, grants, rank=None, org=None)   G(...) one core grant; fy=(first FY in corpus, last FY in corpus),
#    sy = support year of the first FY record; kind = my track judgement of the grant:
#    "clin" (patient-oriented: trials, cohorts, EHR, registries), "basic" (bench, animal, cell), "trans" (both),
#    "train" (institutional training/education award).
# --------------------------------------------------------------------------------------------------------------
PIS: list[dict] = []


def G(act, ic, ss, fy, kind, title, abstract, terms, phr="No Text", sy=1, co=(), suffix=""):
    if isinstance(fy, int):
        fy = (fy, fy)
    assert ss in SECTIONS, ss
    assert ic in ICS, ic
    assert kind in {"clin", "basic", "trans", "train"}, kind
    return dict(act=act, ic=ic, ss=ss, fy=fy, kind=kind, title=title, abstract=" ".join(abstract.split()),
                terms=terms, phr=" ".join(phr.split()), sy=sy, co=tuple(co), suffix=suffix)


def P(key, dept, grants, rank=None, org=None):
    PIS.append(dict(key=key, dept=dept, grants=grants, rank=rank, org=org))

# ---------------------------------------------------------------- heart and vessels
P("card_mcu", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "HL", "CCHF", (2022, 2024), "basic",
      "Mitochondrial calcium uptake as a driver of maladaptive hypertrophy under pressure overload",
      """Project Summary. Sustained pressure overload triggers a hypertrophic program in cardiomyocytes that initially
      preserves wall stress but ultimately transitions to dilation and systolic failure. Our preliminary data show that
      the mitochondrial calcium uniporter (MCU) complex is remodeled within two weeks of transverse aortic constriction,
      and that mice lacking the gatekeeper MICU1 in adult cardiomyocytes develop earlier chamber dilation. Aim 1 will
      define how MICU1 stoichiometry shapes beat-to-beat matrix calcium using a genetically encoded sensor imaged in
      isolated myocytes. Aim 2 will test whether matrix calcium overload activates the permeability transition pore and
      necroptotic loss of myocytes in vivo, using inducible cardiomyocyte-restricted deletion, serial echocardiography
      and invasive hemodynamics. Aim 3 will examine human left ventricular tissue obtained at LVAD implantation to
      relate MCU complex composition to ejection fraction and fibrosis. The work will identify a tractable node linking
      energetics to the progression from compensated hypertrophy to heart failure.""",
      "Animal Model;Calcium;Cardiac Myocytes;Echocardiography;Ejection Fraction;Heart failure;Heart Hypertrophy;Left Ventricular Remodeling;Mitochondria;Mus;Necroptosis;Pressure Overload;Transverse Aortic Constriction",
      phr="Heart failure after long-standing high blood pressure remains a leading cause of hospitalization. This project asks how calcium handling by mitochondria pushes the thickened heart toward failure.", sy=2),
    G("R21", "HL", "CCHF", 2025, "basic",
      "Ketone oxidation capacity in the failing right ventricle",
      """The right ventricle adapts poorly to chronic afterload, yet its fuel preferences have been studied far less than
      those of the left ventricle. We will use stable-isotope tracing of 13C-beta-hydroxybutyrate in working heart
      preparations and in vivo infusion in a pulmonary artery banding model to quantify ketone oxidation in the
      hypertrophied right ventricle. We will then test whether cardiomyocyte-specific deletion of BDH1 accelerates right
      ventricular dilation, measured by cardiac MRI. This exploratory project will establish whether ketone
      supplementation is a rational metabolic therapy for right heart failure.""",
      "Beta-hydroxybutyrate;Cardiac MRI;Heart failure;Isotopes;Ketone Bodies;Metabolism;Pulmonary Artery Banding;Right Ventricular Function;Stable isotope tracing"),
])

P("card_afhf", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "HL", "ESTA", (2023, 2025), "clin",
      "Rhythm control by early catheter ablation in heart failure with preserved ejection fraction",
      """Atrial fibrillation (AF) and heart failure with preserved ejection fraction (HFpEF) frequently coexist and each
      worsens the prognosis of the other. Whether restoring sinus rhythm early with pulmonary vein isolation improves
      exercise capacity and reduces hospitalization in HFpEF is unknown. We propose a multicenter randomized trial
      enrolling 420 patients with persistent AF and HFpEF (LVEF >= 50%, elevated natriuretic peptides) across 14
      sites. Participants will be randomized to first-line cryoballoon ablation or guideline-directed rate control. The
      primary endpoint is the change in peak VO2 at 12 months; secondary endpoints include the Kansas City
      Cardiomyopathy Questionnaire, AF burden from implantable loop recorders, and the composite of cardiovascular death
      or worsening heart failure events. A mechanistic sub-study will measure left atrial strain and invasive exercise
      hemodynamics to understand who benefits.""",
      "Atrial Fibrillation;Catheter Ablation;Clinical Trials;Exercise capacity;Heart failure with preserved ejection fraction;Hospitalization;Left atrial strain;Multicenter Studies;Quality of life;Randomized Controlled Trials",
      phr="Atrial fibrillation and stiff-heart failure often occur together. This trial tests whether early ablation helps patients feel and function better.", sy=2),
    G("K24", "HL", "MPOR", 2024, "clin",
      "Mentoring patient-oriented research in arrhythmia and heart failure outcomes",
      """This midcareer investigator award will protect time for the candidate to mentor junior clinician-investigators
      in patient-oriented research on arrhythmias. The candidate leads two multicenter trials and a registry of more than
      9,000 patients undergoing ablation. Mentees will lead secondary analyses on sex differences in procedural outcomes,
      implantable loop recorder-detected recurrence, and the interaction of obesity and AF burden. The mentoring plan
      includes structured research-in-progress sessions, formal training in trial design and biostatistics, and career
      development milestones tracked with an individual development plan. The candidate will also launch a new study of
      wearable-detected AF after noncardiac surgery.""",
      "Arrhythmia;Atrial Fibrillation;Career development;Mentors;Patient-oriented research;Registries;Wearable device;Women",
      sy=1),
])

P("card_hfsdoh", None, [
    G("R01", "HL", "CASE", (2022, 2023), "clin",
      "Neighborhood deprivation, health system fragmentation, and readmission after heart failure hospitalization",
      """Thirty-day readmission after hospitalization for decompensated heart failure remains near 20%, and the burden
      falls disproportionately on residents of disadvantaged neighborhoods. Using linked electronic health records from
      six health systems and Medicare claims (n = 118,000 index hospitalizations), we will quantify how the Area
      Deprivation Index, care fragmentation across systems, and discharge to post-acute care jointly relate to
      readmission and one-year mortality. Aim 2 will apply causal mediation analysis to estimate how much of the
      neighborhood effect is explained by guideline-directed medical therapy at discharge and by follow-up within seven
      days. Aim 3 will develop and externally validate a readmission risk model that includes social risk factors
      documented in free-text notes using natural language processing.""",
      "Area Deprivation Index;Cohort Studies;Electronic Health Record;Heart failure;Hospitalization;Medicare claims;Mortality;Natural Language Processing;Neighborhoods;Readmission;Social Determinants of Health",
      phr="People with heart failure from poorer neighborhoods are readmitted more often. We will find out why, using health records from several hospital systems."),
    G("U01", "HL", "CICS", 2025, "clin",
      "Pragmatic randomized evaluation of a fixed-dose combination pill for secondary prevention in safety-net clinics",
      """Fewer than half of patients with established atherosclerotic disease treated in safety-net clinics take all
      guideline-recommended preventive therapies. This pragmatic, cluster-randomized trial will compare a once-daily
      fixed-dose combination (statin, ACE inhibitor, low-dose aspirin) with usual care in 24 federally qualified health
      centers. The primary outcome is LDL cholesterol and systolic blood pressure at 18 months, with secondary outcomes of
      adherence by pharmacy refill and major adverse cardiovascular events ascertained from the electronic record.
      Implementation outcomes will be assessed with the RE-AIM framework.""",
      "Adherence;Aspirin;Blood Pressure;Cluster randomized trial;Community Health Centers;Coronary heart disease;LDL Cholesterol;Polypill;Pragmatic clinical trial;Secondary prevention",
      co=("pub_fqhc",)),
])

P("card_amyl", "INTERNAL MEDICINE/MEDICINE", [
    G("K23", "HL", "MPOR", (2022, 2024), "clin",
      "Automated echocardiographic detection of transthyretin cardiac amyloidosis",
      """Transthyretin cardiac amyloidosis (ATTR-CM) is underdiagnosed; by the time of diagnosis many patients have
      advanced disease. The candidate, a cardiologist with training in imaging, proposes to develop deep learning models
      that flag likely ATTR-CM from standard transthoracic echocardiogram videos. Aim 1 will train a video-based
      convolutional network on 3,400 studies from patients with scintigraphy-confirmed disease and matched controls.
      Aim 2 will validate the model prospectively in a screening program of older adults with heart failure, comparing
      yield against current referral practice. Aim 3 will assess model fairness across race, since the V122I variant is
      common among Black Americans. The career development plan includes coursework in machine learning, clinical trial
      design and the ethics of algorithmic screening.""",
      "Amyloidosis;Artificial Intelligence;Career development;Deep Learning;Echocardiography;Heart failure;Screening;Transthyretin;Video",
      sy=2),
])

P("card_chip", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "HL", "AICS", (2021, 2023), "basic",
      "Clonal hematopoiesis, inflammasome signaling and accelerated atherosclerosis",
      """Somatic mutations in TET2 and DNMT3A in hematopoietic stem cells (clonal hematopoiesis of indeterminate
      potential) are associated with a near doubling of coronary risk independent of lipids. We found that Tet2-deficient
      macrophages in atherosclerotic plaque overproduce IL-1beta through the NLRP3 inflammasome. Using competitive bone
      marrow transplantation into Ldlr-/- mice fed a Western diet, Aim 1 will determine whether NLRP3 or IL-1 receptor
      blockade normalizes lesion size and necrotic core area. Aim 2 will profile plaque leukocytes with single-cell RNA
      sequencing and lineage barcoding to define which mutant-derived populations drive inflammation. Aim 3 will measure
      inflammasome activation in circulating monocytes from people with and without TET2 clones enrolled in an existing
      coronary CT angiography cohort.""",
      "Atherosclerosis;Bone Marrow Transplantation;Clonal Hematopoiesis;Coronary Artery Disease;Inflammasome;Interleukin-1 beta;Macrophage;Mus;NLRP3;Single-cell RNA sequencing;TET2",
      sy=3),
    G("R01", "HL", "AICS", (2024, 2025), "basic",
      "Lipoprotein(a)-driven aortic valve calcification: mechanisms in valvular interstitial cells",
      """Elevated lipoprotein(a) is a causal risk factor for calcific aortic valve stenosis, for which no medical therapy
      exists. Oxidized phospholipids carried by Lp(a) activate osteogenic programs in valvular interstitial cells. We
      will use human valve tissue, CRISPR-edited interstitial cell lines and a transgenic mouse expressing human
      apolipoprotein(a) to determine how oxidized phospholipids engage the autotaxin-lysophosphatidic acid axis, and
      whether antisense lowering of Lp(a) halts leaflet calcification measured by micro-CT.""",
      "Aortic Valve Stenosis;Autotaxin;Calcification;CRISPR/Cas technology;Heart valve;Lipoprotein (a);Oxidized phospholipids;Transgenic Mice;Valvular interstitial cell"),
])

P("card_lqt", "PHARMACOLOGY", [
    G("R01", "HL", "ESTA", (2022, 2024), "basic",
      "Functional classification of KCNH2 variants of uncertain significance with high-throughput electrophysiology",
      """Thousands of rare missense variants in KCNH2, which encodes the hERG potassium channel, are reported in
      clinical genetic tests, and most are classified as variants of uncertain significance. We will combine deep
      mutational scanning of hERG trafficking with automated patch clamp of every variant observed in clinical
      laboratories, and calibrate the resulting functional scores against long QT syndrome type 2 cases and population
      controls. Selected variants will be introduced into induced pluripotent stem cell-derived cardiomyocytes by base
      editing to measure action potential duration and arrhythmia susceptibility. Results will be shared with ClinGen
      to enable reclassification and cascade testing of families.""",
      "Action Potentials;Automated patch clamp;Base editing;Deep mutational scanning;hERG;Induced pluripotent stem cell derived cardiomyocytes;Long QT Syndrome;Missense Mutation;Potassium Channel;Variant of unknown significance",
      sy=4),
    G("R01", "HL", "ESTA", 2025, "basic",
      "Sodium channel late current and ventricular arrhythmia in heart failure",
      """Enhanced late sodium current prolongs repolarization and promotes early afterdepolarizations in failing
      myocytes. We will use knock-in mice carrying a phosphorylation-resistant Nav1.5 and optical mapping of
      Langendorff-perfused hearts to determine whether CaMKII-dependent late current is required for ventricular
      tachycardia after myocardial infarction.""",
      "Arrhythmia;CaMKII;Heart failure;Knock-in Mouse;Myocardial Infarction;Optical mapping;SCN5A;Sodium Channel;Ventricular Tachycardia"),
])

P("card_fibro", None, [
    G("K08", "HL", "MTI", (2023, 2024), "basic",
      "Fibroblast state transitions and scar maturation after myocardial infarction",
      """After myocardial infarction, cardiac fibroblasts proliferate, become myofibroblasts and lay down collagen, then
      enter a matrifibrocyte state whose function is poorly defined. The candidate is a physician-scientist in
      cardiovascular medicine who will use genetic lineage tracing (Tcf21-MerCreMer), single-nucleus multiome sequencing
      and spatial transcriptomics across the first 28 days after coronary ligation to map fibroblast trajectories, and
      test whether deletion of the transcription factor Meox1 limits infarct expansion. Training will cover computational
      biology and in vivo imaging under an experienced mentoring team.""",
      "Cardiac fibroblast;Collagen;Coronary ligation;Fibrosis;Lineage Tracing;Mentored Clinical Scientist Development Award;Myocardial Infarction;Myofibroblast;Single nucleus sequencing;Spatial transcriptomics",
      sy=2),
])

P("card_hlhs", "PEDIATRICS", [
    G("R01", "HL", "CDD", (2022, 2023), "basic",
      "Genetic and hemodynamic determinants of left ventricular hypoplasia",
      """Hypoplastic left heart syndrome (HLHS) is uniformly fatal without staged surgical palliation, yet its causes
      remain obscure. Our whole-genome sequencing of 310 proband-parent trios implicates rare variants in chromatin
      regulators, while fetal echocardiography suggests that reduced flow across the mitral valve constrains ventricular
      growth. We will generate patient-derived iPSC cardiomyocytes and engineered heart tissues to test proliferation
      defects caused by candidate variants, and use a chick embryo left atrial ligation model to dissect how flow and
      genotype interact. These studies will inform prenatal counseling and fetal interventions.""",
      "Congenital Heart Defects;Embryo;Engineered heart tissue;Fetal echocardiography;Hemodynamics;Hypoplastic Left Heart Syndrome;Induced pluripotent stem cell;Whole Genome Sequencing",
      phr="Some babies are born with a severely underdeveloped left heart. We will study the genes and blood-flow patterns that cause it.", sy=3),
])

P("card_hivplaque", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "HL", "HCCS", (2023, 2025), "clin",
      "Arterial inflammation and non-calcified coronary plaque in people with treated HIV",
      """People with HIV on suppressive antiretroviral therapy have roughly 1.5 to 2 times the risk of myocardial
      infarction of their uninfected peers. Within a cohort of 640 adults with HIV and 300 matched controls, we will
      measure non-calcified coronary plaque volume by coronary CT angiography at baseline and 3 years, arterial
      inflammation by FDG-PET, and markers of monocyte activation and gut barrier dysfunction. We will test whether
      integrase inhibitor-associated weight gain and residual immune activation predict plaque progression, and whether
      statin use modifies these associations.""",
      "Antiretroviral therapy;Cohort Studies;Coronary Artery Disease;Coronary CT angiography;FDG-PET;HIV;Immune activation;Inflammation;Monocyte;Plaque;Statins;Weight Gain",
      sy=2),
])

P("vasc_endo", "BIOCHEMISTRY", [
    G("R35", "HL", "VCMB", (2021, 2023), "basic",
      "Endothelial mechanotransduction in arterial specification and remodeling",
      """Our program studies how endothelial cells sense blood flow and translate shear stress into gene expression that
      specifies arterial identity and governs vessel remodeling. Over the next seven years we will (1) define the
      PIEZO1-PECAM1-VEGFR2 mechanosensory complex at atomic and cellular resolution, (2) determine how laminar versus
      disturbed flow programs chromatin through KLF2/KLF4 and Notch, using endothelial-specific knockout mice and
      microfluidic flow chambers, and (3) ask how these pathways fail during aging and hypercholesterolemia to promote
      focal inflammation. We will develop new zebrafish reporters to image flow-dependent arterial-venous fate decisions
      in real time. This outstanding investigator award supports a laboratory that has trained 31 postdoctoral fellows.""",
      "Angiogenesis;Arteries;Endothelial Cells;KLF2 gene;Mechanotransduction;Microfluidics;Notch Signaling Pathway;PIEZO1;Shear Stress;Zebrafish",
      sy=4),
    G("R01", "HL", "VCMB", 2024, "basic",
      "Lymphatic valve formation under oscillatory flow",
      """Lymphatic valves prevent backflow of lymph, and their loss causes lymphedema. We will use inducible
      Prox1-CreERT2 deletion of Foxc2 and Gata2 in mice, live imaging of mesenteric collecting vessels, and cultured
      lymphatic endothelial cells exposed to oscillatory flow to identify the calcineurin-NFATc1 targets required for
      valve leaflet formation and maintenance.""",
      "Edema;Endothelial Cells;FOXC2;GATA2;Lymphatic System;Lymphedema;Mus;NFATC1;Oscillatory flow;Valve"),
    G("DP2", "OD", "ZRG1-DP2", 2022, "basic",
      "Engineering perfusable human microvasculature with programmable mechanics",
      """Human microvascular networks grown in hydrogels collapse or regress within days. We propose to engineer
      photo-tunable matrices whose stiffness and degradability can be patterned in space and time to direct endothelial
      sprouting, pericyte recruitment and lumen stabilization, creating perfusable vascular beds for organoid models.""",
      "Biomaterials;Endothelial Cells;Hydrogels;Microvasculature;Organoids;Pericytes;Tissue Engineering"),
])

P("vs_graft", "SURGERY", [
    G("R01", "HL", "VCMB", (2022, 2024), "trans",
      "Smooth muscle cell plasticity and vein graft failure after lower extremity bypass",
      """Autologous vein bypass remains the most durable revascularization for chronic limb-threatening ischemia, yet
      up to 40% of grafts develop stenosis within a year from intimal hyperplasia. We have banked vein segments from 260
      patients at the time of infrainguinal bypass with prospectively collected graft surveillance ultrasound. Aim 1
      will relate pre-implant smooth muscle cell phenotypes defined by single-cell RNA sequencing to one-year graft
      stenosis. Aim 2 will test in a murine vein interposition model whether blocking the KLF4-driven transition of
      smooth muscle cells to a synthetic, proliferative state reduces neointima formation. Aim 3 will evaluate a
      perivascular drug-eluting wrap in a porcine model.""",
      "Bypass;Chronic limb-threatening ischemia;Graft Occlusion;Intimal Hyperplasia;KLF4;Neointima;Peripheral arterial disease;Smooth Muscle Myocytes;Swine;Vein graft",
      sy=2),
    G("K24", "HL", "MPOR", 2025, "clin",
      "Mentoring in patient-oriented research on limb preservation",
      """This award supports the candidate, a vascular surgeon-scientist, to mentor trainees in clinical research on
      peripheral artery disease and diabetic foot ulcers. Mentees will use the Vascular Quality Initiative registry,
      a multisite limb salvage cohort and Medicare claims to study disparities in major amputation, wound healing after
      revascularization and the effect of multidisciplinary foot clinics.""",
      "Amputation;Career development;Diabetic Foot Ulcer;Disparities;Limb salvage;Mentors;Peripheral arterial disease;Registries;Vascular Quality Initiative"),
])

P("vs_aaa", "SURGERY", [
    G("R01", "HL", "VCMB", (2023, 2024), "basic",
      "Aortic wall macrophage metabolism in abdominal aortic aneurysm expansion",
      """Abdominal aortic aneurysm (AAA) expands silently until rupture, and no drug slows growth. Inflammatory
      macrophages in the aneurysm wall secrete matrix metalloproteinases that degrade elastin. We will test whether
      itaconate produced by IRG1 restrains macrophage MMP9 release, using elastase-perfusion and angiotensin
      II-infused Apoe-/- models, human aortic tissue from open repair, and ultrasound measurement of aortic diameter.""",
      "Abdominal Aortic Aneurysm;Angiotensin II;Elastin;Inflammation;Itaconate;Macrophage;Matrix Metalloproteinases;Rupture;Ultrasonography"),
    G("U01", "HL", "ZHL1-CSRV", (2024, 2025), "clin",
      "Surveillance versus early endovascular repair for small abdominal aortic aneurysms in women",
      """Women rupture aneurysms at smaller diameters than men, but thresholds for repair were derived largely in men.
      This multicenter randomized trial will enroll 560 women with 4.5 to 5.4 cm aneurysms anatomically suitable for
      endovascular aneurysm repair (EVAR) and compare early EVAR with ultrasound surveillance. The primary outcome is
      aneurysm-related mortality at 5 years; secondary outcomes include reintervention, quality of life and cost.""",
      "Abdominal Aortic Aneurysm;Endovascular aneurysm repair;Female;Multicenter Studies;Randomized Controlled Trials;Rupture;Surveillance;Ultrasonography;Women's Health",
      co=("vs_pad",)),
])

P("vs_pad", None, [
    G("R01", "HL", "ZHL1-CSRV", (2022, 2023), "clin",
      "Supervised exercise versus endovascular therapy for femoropopliteal claudication in Medicare beneficiaries",
      """Endovascular interventions for intermittent claudication have grown rapidly despite limited evidence of durable
      benefit over supervised exercise therapy. We will conduct a comparative effectiveness study combining a 30-site
      pragmatic randomized trial (n = 480) with a target-trial emulation in Medicare claims. Outcomes include six-minute
      walk distance, Walking Impairment Questionnaire scores, repeat interventions and progression to chronic
      limb-threatening ischemia.""",
      "Claudication;Comparative Effectiveness Research;Endovascular Procedures;Exercise therapy;Femoropopliteal;Medicare;Peripheral arterial disease;Pragmatic clinical trial;Six minute walk test;Target trial emulation",
      sy=3),
], rank="ASSOCIATE PROFESSOR")

P("ct_ablate", "SURGERY", [
    G("U01", "HL", "ZHL1-CSRT", (2022, 2024), "clin",
      "Network trial of tricuspid annuloplasty at the time of mitral valve surgery",
      """Patients undergoing surgery for degenerative mitral regurgitation often have moderate tricuspid regurgitation
      or annular dilation, and whether concomitant tricuspid annuloplasty improves long-term outcomes is uncertain. This
      clinical research network will randomize 600 patients at 30 centers to mitral valve surgery with or without
      tricuspid ring annuloplasty. The primary endpoint is a composite of reoperation for tricuspid regurgitation,
      progression of regurgitation by two grades, or death at two years. Secondary analyses will examine permanent
      pacemaker implantation, right ventricular function and functional status. The network's data coordinating center
      will support embedded studies of perioperative atrial fibrillation and acute kidney injury.""",
      "Annuloplasty;Cardiac Surgery procedures;Clinical Research Networks;Mitral Valve Insufficiency;Multicenter Studies;Pacemakers;Randomized Controlled Trials;Tricuspid Valve Insufficiency",
      sy=3),
    G("R01", "HL", "CCHF", 2023, "trans",
      "Normothermic ex vivo perfusion to resuscitate hearts donated after circulatory death",
      """Donation after circulatory death could expand the donor heart pool by 30%, but warm ischemia injures the
      myocardium. Using a porcine model and discarded human hearts, we will define perfusate strategies (ketone and
      mitochondria-targeted antioxidant supplementation) that restore contractility during normothermic ex vivo perfusion,
      and identify metabolic biomarkers in perfusate that predict post-transplant primary graft dysfunction.""",
      "Donation after circulatory death;Ex vivo perfusion;Heart Transplantation;Ischemia;Organ donor;Primary graft dysfunction;Reperfusion Injury;Swine"),
])

P("ct_lungtx", "SURGERY", [
    G("R01", "HL", "LIRR", (2023, 2025), "trans",
      "Donor lung ischemia-reperfusion injury and neutrophil extracellular traps",
      """Primary graft dysfunction affects one third of lung transplant recipients and is the main driver of early
      mortality and chronic lung allograft dysfunction. Using murine orthotopic lung transplantation, ex vivo lung
      perfusion of rejected human donor lungs and bronchoalveolar lavage from 240 recipients, we will test whether
      donor-derived neutrophil extracellular traps propagate injury through TLR9 and whether DNase delivered during ex
      vivo perfusion reduces graft dysfunction.""",
      "Ex vivo lung perfusion;Ischemia-reperfusion injury;Lung Transplantation;Neutrophil extracellular traps;Neutrophils;Primary graft dysfunction;TLR9",
      sy=2),
    G("K08", "HL", "MTI", 2021, "trans",
      "Donor airway microbiome and chronic lung allograft dysfunction",
      """The candidate, a thoracic surgeon, will characterize the donor airway microbiome at procurement by metagenomic
      sequencing and relate it to early infection and chronic lung allograft dysfunction in a prospective cohort of 180
      recipients, while training in microbial genomics.""",
      "Bronchiolitis Obliterans;Chronic lung allograft dysfunction;Lung Transplantation;Metagenomics;Microbiome;Organ donor;Thoracic Surgery",
      sy=4),
])

P("ct_cabg", "SURGERY", [
    G("R01", "HL", "ZHL1-CSRT", (2024, 2025), "clin",
      "Arterial versus venous conduits for coronary bypass in women",
      """Women undergoing coronary artery bypass grafting have higher operative mortality and fewer arterial grafts than
      men. We will randomize 900 women at 40 centers to multiple arterial grafting (radial artery or bilateral internal
      thoracic artery) versus a single internal thoracic artery plus saphenous vein grafts, with a primary outcome of
      major adverse cardiac and cerebrovascular events at 5 years and a CT angiography sub-study of graft patency.""",
      "Coronary Artery Bypass;Female;Internal thoracic artery;Multicenter Studies;Patency;Radial artery;Randomized Controlled Trials;Saphenous Vein;Sex differences"),
    G("K23", "HL", "MPOR", 2022, "clin",
      "Frailty and functional recovery after cardiac surgery in older adults",
      """The candidate will study prehabilitation and frailty assessment before cardiac operations, enrolling 220 adults
      aged 70 or older in a cohort with wearable activity monitoring, and will pilot a home-based prehabilitation
      program before elective valve or bypass surgery.""",
      "Aged 65 and Over;Cardiac Surgery procedures;Career development;Frailty;Functional Status;Physical activity;Prehabilitation;Wearable device",
      sy=3),
])
# ---------------------------------------------------------------- lung and critical care
P("pulm_at2", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "HL", "LIRR", (2021, 2023), "basic",
      "Alveolar type 2 cell plasticity and regeneration after viral pneumonia",
      """Severe influenza and SARS-CoV-2 pneumonia destroy the alveolar epithelium, and survivors can develop persistent
      dysplastic repair with keratin-5 positive pods. Alveolar type 2 (AT2) cells normally act as facultative stem cells,
      passing through a transitional Krt8-high state before becoming type 1 cells. Using lineage tracing in mice infected
      with PR8 influenza, human precision-cut lung slices and AT2 organoids, we will (1) determine how interferon-gamma
      and IL-1beta from recruited macrophages stall AT2 cells in the transitional state, (2) test whether restoring
      Hippo-YAP signaling accelerates type 1 differentiation, and (3) correlate transitional cell signatures in
      autopsy tissue with duration of mechanical ventilation.""",
      "Alveolar Epithelium;Alveolar type II cell;Influenza;Interferon gamma;Lineage Tracing;Lung Regeneration;Organoids;Pneumonia;SARS-CoV-2;YAP",
      phr="Severe lung infections can leave lasting damage. We study how lung stem cells rebuild the air sacs and why that repair sometimes fails.", sy=2),
    G("R01", "HL", "LCMI", 2024, "basic",
      "Epithelial-mesenchymal crosstalk in alveologenesis and its recapitulation after injury",
      """We will use spatial transcriptomics and conditional deletion of PDGFRalpha-positive alveolar fibroblasts to map
      the niche signals (FGF10, WNT) that support epithelial regeneration after bleomycin and viral injury.""",
      "Alveolar fibroblast;Bleomycin;FGF10;Lung;Mesenchymal;Niche;Regeneration;Spatial transcriptomics;WNT Signaling Pathway"),
])

P("pulm_ards", "INTERNAL MEDICINE/MEDICINE", [
    G("U01", "HL", "RIBT", (2022, 2024), "clin",
      "Phenotype-guided simvastatin in hyperinflammatory acute respiratory distress syndrome",
      """Secondary analyses of completed trials identified a hyperinflammatory subphenotype of acute respiratory
      distress syndrome (ARDS), defined by high IL-6, soluble TNF receptor-1 and low bicarbonate, in which simvastatin
      was associated with improved survival. We will prospectively test this using a point-of-care classifier to
      identify hyperinflammatory patients within 24 hours of meeting Berlin criteria. The trial will randomize 540
      mechanically ventilated adults at 38 intensive care units to simvastatin 80 mg or placebo. The primary outcome is
      60-day mortality; secondary outcomes include ventilator-free days, organ support-free days and six-month
      functional status. An embedded biorepository will support discovery of treatable traits.""",
      "Acute Respiratory Distress Syndrome;Biomarkers;Critical Care;Intensive Care Units;Mechanical ventilation;Mortality;Precision Medicine;Randomized Controlled Trials;Simvastatin;Subphenotype",
      sy=2),
    G("R01", "HL", "RIBT", 2025, "clin",
      "Deep learning on ventilator waveforms to detect patient-ventilator dyssynchrony",
      """Dyssynchrony between patient effort and ventilator breaths is common, harms the diaphragm and is missed at the
      bedside. We will collect high-frequency pressure and flow waveforms from 1,200 ventilated patients, train
      recurrent neural networks to classify double triggering, reverse triggering and ineffective efforts against
      esophageal manometry, and test a real-time alert in a stepped-wedge study.""",
      "Artificial Intelligence;Deep Learning;Diaphragm;Esophageal manometry;Intensive Care Units;Mechanical ventilation;Patient-ventilator dyssynchrony;Stepped-wedge;Waveform"),
])

P("pulm_pah", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "HL", "RIBT", (2022, 2023), "basic",
      "BMPR2 loss and glutamine dependence of pulmonary arterial endothelium",
      """Heritable pulmonary arterial hypertension (PAH) is most often caused by loss-of-function BMPR2 mutations, which
      leave endothelial cells hyperproliferative and apoptosis-resistant. We found that BMPR2-deficient pulmonary artery
      endothelial cells become dependent on glutaminolysis to fuel proliferation. Using endothelial-specific Bmpr2
      knockout rats, the Sugen-hypoxia model, and cells from explanted lungs of patients undergoing transplantation,
      we will test whether glutaminase inhibition reverses vascular remodeling, right ventricular systolic pressure
      elevation and right ventricular hypertrophy.""",
      "BMPR2;Endothelial Cells;Glutaminase;Glutamine;Hypoxia;Metabolism;Pulmonary arterial hypertension;Rattus;Right Ventricular Hypertrophy;Sugen 5416;Vascular Remodeling",
      sy=4),
    G("R01", "HL", "LIRR", 2024, "trans",
      "Right ventricle-pulmonary artery coupling as a treatment target in pulmonary hypertension",
      """We will measure right ventricular-pulmonary arterial coupling with pressure-volume loops and cardiac MRI in
      150 patients with pulmonary hypertension before and after initiation of triple therapy, and relate changes to
      exercise capacity and transplant-free survival.""",
      "Cardiac MRI;Exercise capacity;Pressure-volume loop;Pulmonary Hypertension;Right Ventricular Function;Vasodilator Agents"),
])

P("pulm_ipf", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "HL", "LCMI", (2023, 2025), "basic",
      "Aberrant basaloid cells and epithelial senescence in idiopathic pulmonary fibrosis",
      """Single-cell atlases of idiopathic pulmonary fibrosis (IPF) lungs revealed an aberrant basaloid epithelial
      population that lines fibroblastic foci and expresses senescence and epithelial-mesenchymal transition programs.
      We will (1) reconstruct the origin of these cells using lineage-tracing in mice with telomere dysfunction
      (Trf1 deletion) and repetitive bleomycin injury, (2) define the secretome of basaloid cells using
      air-liquid interface cultures and spatial proteomics, and (3) test senolytic clearance (dasatinib plus quercetin
      and a BCL-xL degrader) on fibrosis and lung function in mice.""",
      "Bleomycin;Cell Aging;Epithelial Cells;Fibroblasts;Idiopathic Pulmonary Fibrosis;Lineage Tracing;Mus;Senolytics;Single-cell RNA sequencing;Telomere dysfunction",
      sy=2),
])

P("pulm_copd", None, [
    G("R01", "HL", "RIBT", (2022, 2024), "clin",
      "Small airway disease on quantitative CT and exacerbation risk in people who smoke without spirometric obstruction",
      """Many current and former smokers with preserved spirometry have respiratory symptoms, exacerbation-like events
      and imaging evidence of airway disease, yet are excluded from trials. In two established cohorts (n = 4,800), we
      will use parametric response mapping of inspiratory-expiratory CT to quantify functional small airway disease
      and test its association with incident exacerbations, lung function decline and mortality over 10 years. We will
      also develop a symptom-plus-imaging definition of pre-COPD for trial enrollment.""",
      "Chronic Obstructive Pulmonary Disease;Cohort Studies;Computed Tomography;Exacerbation;Lung function decline;Parametric response mapping;Small airway disease;Smoking;Spirometry",
      sy=3),
    G("T32", "HL", "NITM", (2023, 2024), "train",
      "Multidisciplinary training program in lung disease and critical illness",
      """This institutional training program supports six postdoctoral trainees per year, physicians completing
      fellowship and PhD scientists, in research on lung injury, chronic airway disease, sleep-disordered breathing and
      critical illness. Trainees choose among 28 faculty mentors in clinical epidemiology, lung biology and
      bioengineering, complete didactics in biostatistics and rigor and reproducibility, and are expected to submit
      individual career development applications by the end of training.""",
      "Critical Illness;Fellowship;Lung diseases;Mentors;Postdoctoral Fellow;Research Training;Sleep Apnea Syndromes;Training Programs",
      sy=11),
])

P("pulm_sepsisafr", "INTERNAL MEDICINE/MEDICINE", [
    G("K23", "HL", "MPOR", (2023, 2024), "clin",
      "Oxygen saturation targets and hypoxemic respiratory failure in a resource-limited setting",
      """Hypoxemic respiratory failure from pneumonia and sepsis carries high mortality in hospitals in East Africa where
      invasive ventilation is scarce. The candidate will conduct a prospective cohort of 600 adults with hypoxemia
      at two Ugandan referral hospitals to describe oxygen delivery, pulse oximetry accuracy across skin pigmentation and
      outcomes, then pilot a randomized trial of conservative versus liberal oxygen targets. Training in trial
      methodology and global health implementation science is supported by mentors in the U.S. and Uganda.""",
      "Africa;Career development;Critical Care;Global Health;Hypoxemia;Oxygen Therapy;Pneumonia;Pulse Oximetry;Respiratory Failure;Resource-limited setting;Sepsis;Uganda",
      sy=2),
])

P("pulm_asthmaair", None, [
    G("R01", "HL", "IRAP", (2021, 2022), "clin",
      "Traffic-related air pollution, school ventilation and childhood asthma morbidity",
      """Children in urban schools near highways are exposed to high levels of ultrafine particles and nitrogen dioxide.
      In 40 elementary schools we will conduct a cluster-randomized trial of classroom HEPA air purifiers with
      continuous indoor air monitoring among 720 children with persistent asthma, measuring symptom-free days, FeNO and
      spirometry over two school years.""",
      "Air Pollution;Asthma;Child;Cluster randomized trial;Environmental Exposure;Exhaled nitric oxide;HEPA filter;Schools;Spirometry;Ultrafine particles",
      sy=4),
])

P("pulm_osa", None, [
    G("R01", "HL", "CASE", (2024, 2025), "clin",
      "Sleep apnea, nocturnal hypoxic burden and incident atrial fibrillation",
      """Obstructive sleep apnea is common but poorly captured by the apnea-hypopnea index. Using overnight oximetry and
      polysomnography in three community cohorts (n = 9,200), we will test whether hypoxic burden and heart rate response
      to respiratory events predict incident atrial fibrillation and stroke, and whether CPAP adherence modifies risk.""",
      "Atrial Fibrillation;Cohort Studies;Continuous Positive Airway Pressure;Hypoxemia;Oximetry;Polysomnography;Sleep Apnea, Obstructive;Stroke",
      sy=1),
])
# ---------------------------------------------------------------- blood
P("heme_hbf", "PEDIATRICS", [
    G("R01", "HL", "MCH", (2021, 2023), "basic",
      "Enhancer architecture controlling the fetal-to-adult hemoglobin switch",
      """Reactivating fetal hemoglobin (HbF) ameliorates sickle cell disease and beta-thalassemia. The BCL11A erythroid
      enhancer is the target of the first approved CRISPR therapy, but editing efficiency and durability vary. Using
      base-editor tiling screens in primary human CD34+ hematopoietic stem and progenitor cells, Capture-C and
      single-molecule footprinting, we will map every nucleotide in the BCL11A and HBG promoters whose alteration
      induces HbF, and test the best edits for engraftment and HbF induction in immunodeficient mice.""",
      "Base editing;BCL11A;CD34;CRISPR screen;Enhancer Elements;Fetal Hemoglobin;Gene Therapy;Hematopoietic stem cells;Sickle Cell Anemia;Thalassemia",
      phr="Turning fetal hemoglobin back on can cure sickle cell disease. We will find the safest DNA edits to do this.", sy=6),
    G("R01", "HL", "MCH", 2025, "basic",
      "Erythroblast enucleation and the membrane trafficking machinery",
      """We will use live imaging of human erythroblasts differentiated in vitro and CRISPR knockout of vesicle
      trafficking genes to define how the nucleus is extruded and how defective enucleation contributes to
      dyserythropoiesis.""",
      "CRISPR/Cas technology;Dyserythropoiesis;Enucleation;Erythroblasts;Erythropoiesis;Live cell imaging;Membrane trafficking"),
])

P("heme_scdafr", "PEDIATRICS", [
    G("U01", "HL", "HTBT", (2022, 2024), "clin",
      "Hydroxyurea dose escalation for children with sickle cell anemia in sub-Saharan Africa",
      """Hydroxyurea is underused for children with sickle cell anemia in Africa because of concerns about myelosuppression
      and the cost of laboratory monitoring. This trial in Nigeria, Tanzania and Uganda will randomize 900 children aged
      1 to 12 to fixed-dose versus pharmacokinetic-guided dose escalation to the maximum tolerated dose, with the
      primary outcome of stroke or elevated transcranial Doppler velocity, and secondary outcomes of malaria incidence,
      transfusion, hospitalization and cost.""",
      "Africa South of the Sahara;Child;Clinical Trials;Hydroxyurea;Malaria;Pharmacokinetics;Sickle Cell Anemia;Stroke;Transcranial Doppler Ultrasonography",
      sy=2),
    G("D43", "TW", "ZTW1", 2023, "train",
      "Training program in hemoglobinopathy research in West Africa",
      """This program will build research capacity in hemoglobin disorders at two Nigerian universities through
      master's training in epidemiology, short courses in clinical trials and good clinical practice, and mentored
      pilot projects for early-career investigators.""",
      "Capacity Building;Developing Countries;Hemoglobinopathies;Nigeria;Research Training;Sickle Cell Anemia"),
])

P("heme_vte", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "HL", "HTBT", (2023, 2025), "clin",
      "Direct oral anticoagulants versus low-molecular-weight heparin for cancer-associated thrombosis in gastrointestinal malignancies",
      """Venous thromboembolism complicates up to 20% of gastrointestinal cancers. Direct oral anticoagulants are
      convenient but may increase gastrointestinal bleeding in luminal tumors. Using a national cohort of 41,000
      patients in the Veterans Health Administration and a pragmatic randomized trial embedded in 12 oncology practices
      (n = 650), we will compare recurrent thrombosis and major bleeding between apixaban and enoxaparin.""",
      "Anticoagulants;Apixaban;Bleeding;Cancer associated thrombosis;Comparative Effectiveness Research;Enoxaparin;Gastrointestinal Neoplasms;Pragmatic clinical trial;Veterans;Venous Thromboembolism",
      sy=2),
])

P("heme_plt", None, [
    G("K08", "HL", "MTI", (2022, 2023), "basic",
      "Megakaryocyte-platelet transfer of interferon signatures in systemic infection",
      """The candidate, a hematologist, will test whether megakaryocytes in the lung and marrow acquire type I interferon
      programs during viral infection that are inherited by platelets and alter thrombosis, using inducible Pf4-Cre
      knockout of Ifnar1, intravital microscopy and platelets from patients with sepsis.""",
      "Blood Platelets;Interferon Type I;Intravital microscopy;Megakaryocytes;Sepsis;Thrombosis;Virus Diseases",
      sy=3),
    G("R01", "HL", "HTBT", 2025, "basic",
      "Platelet mitochondrial dysfunction and thrombo-inflammation in aging",
      """Older individuals have hyperreactive platelets and higher thrombosis risk. We will define how mitochondrial
      reactive oxygen species in aged platelets drive integrin activation and neutrophil recruitment, using aged mice and
      platelets from adults over 70.""",
      "Aging;Blood Platelets;Integrins;Mitochondria;Neutrophils;Reactive Oxygen Species;Thrombosis"),
])

P("heme_iron", "MEDICINE", [
    G("R01", "DK", "MCH", (2021, 2022), "basic",
      "Erythroferrone regulation of hepcidin in ineffective erythropoiesis",
      """In beta-thalassemia, expanded erythropoiesis suppresses hepcidin via erythroferrone, leading to iron overload
      even without transfusion. We will define the BMP-binding interface of erythroferrone, test neutralizing antibodies
      in Hbbth3/+ mice and measure erythroferrone in patients across thalassemia genotypes.""",
      "Anemia;BMP;Erythroferrone;Erythropoiesis;Hepcidin;Iron Overload;Mus;Neutralizing antibodies;Thalassemia",
      sy=5),
    G("R01", "DK", "MCH", 2024, "trans",
      "Iron deficiency without anemia in pregnancy and infant neurodevelopment",
      """We will measure serial ferritin, hepcidin and soluble transferrin receptor in 1,100 pregnant individuals and
      relate iron status to infant auditory brainstem maturation and Bayley scores at 12 months.""",
      "Ferritin;Hepcidin;Infant;Iron deficiency;Neurodevelopment;Pregnancy;Transferrin receptor"),
])

P("heme_aml", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "CA", "TCB", (2022, 2024), "basic",
      "Metabolic vulnerabilities of leukemia stem cells that survive venetoclax-azacitidine",
      """Venetoclax with azacitidine produces remissions in older adults with acute myeloid leukemia (AML) unfit for
      intensive chemotherapy, yet most relapse. Leukemia stem cells surviving therapy switch from amino acid-driven
      oxidative phosphorylation to fatty acid oxidation. Using patient-derived xenografts, CRISPR screens in primary AML
      cells and metabolomics of serial marrow samples, we will identify and target the dependencies that mediate
      resistance.""",
      "Acute Myeloid Leukemia;Azacitidine;CRISPR screen;Drug resistance;Fatty acid oxidation;Leukemic stem cell;Metabolomics;Oxidative Phosphorylation;Patient derived xenograft;Venetoclax",
      sy=2),
    G("U01", "CA", "NCI-PP", 2025, "clin",
      "Measurable residual disease-guided consolidation in older adults with AML",
      """This multicenter trial will use flow-cytometric and NPM1 molecular measurable residual disease to guide whether
      older adults in first remission proceed to reduced-intensity allogeneic transplantation or continued low-intensity
      therapy.""",
      "Acute Myeloid Leukemia;Aged;Allogeneic hematopoietic stem cell transplant;Clinical Trials;Flow Cytometry;Minimal Residual Disease;NPM1"),
])

P("heme_myeloma", None, [
    G("R01", "CA", "CII", (2023, 2024), "trans",
      "T-cell exhaustion and antigen escape after BCMA-directed CAR T-cell therapy for multiple myeloma",
      """BCMA-directed chimeric antigen receptor (CAR) T cells induce deep responses in relapsed multiple myeloma, but
      most patients relapse within two years. Using longitudinal single-cell TCR and RNA sequencing of infusion products
      and marrow from 90 patients, we will distinguish relapses due to CAR T-cell exhaustion from those due to
      biallelic BCMA loss, and test GPRC5D/BCMA dual targeting in xenograft models.""",
      "BCMA;Chimeric Antigen Receptor T cells;Immunotherapy;Multiple Myeloma;Relapse;Single-cell RNA sequencing;T cell exhaustion;TCR sequencing",
      sy=1),
])
# ---------------------------------------------------------------- digestive and liver
P("gi_ibdtnf", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "CIMG", (2022, 2024), "clin",
      "Multi-omic prediction of primary non-response to anti-TNF therapy in Crohn's disease",
      """One third of patients with Crohn's disease do not respond to anti-TNF antibodies, and another third lose
      response within a year. We will enroll 500 biologic-naive adults and adolescents starting infliximab or
      adalimumab at 11 centers and collect ileal and colonic biopsies, serum drug levels, stool metagenomes and
      germline genotypes. Aim 1 will build and externally validate a classifier of primary non-response at week 14
      using mucosal transcriptomics (oncostatin M, TREM1) and proactive drug monitoring. Aim 2 will test whether
      antibodies to infliximab are predicted by HLA-DQA1*05 and mitigated by concomitant immunomodulators. Aim 3 will
      examine how the microbiome shifts with endoscopic healing.""",
      "Adalimumab;Biomarkers;Crohn's disease;Endoscopy;Inflammatory Bowel Diseases;Infliximab;Metagenomics;Prospective cohort;Therapeutic drug monitoring;Transcriptome;Tumor Necrosis Factor-alpha",
      phr="Many people with Crohn's disease do not benefit from the most common biologic drugs. We will build a test that predicts who will respond.", sy=3),
    G("K24", "DK", "DDK-B", 2025, "clin",
      "Mentoring in patient-oriented research in inflammatory bowel disease",
      """This award protects the candidate's time to mentor fellows and junior faculty conducting patient-oriented IBD
      research, including pragmatic trials of treat-to-target strategies, analyses of a 14,000-patient registry and
      studies of IBD in older adults and in pregnancy. Mentees receive training in causal inference and trial
      design through a structured curriculum.""",
      "Career development;Clinical Research;Crohn's disease;Inflammatory Bowel Diseases;Mentors;Pregnancy;Registries;Ulcerative Colitis"),
])

P("gi_paneth", "PATHOLOGY", [
    G("R01", "DK", "GMPB", (2021, 2023), "basic",
      "ATG16L1, Paneth cell endoplasmic reticulum stress and ileal inflammation",
      """The Crohn's disease risk variant ATG16L1 T300A impairs autophagy and renders Paneth cells vulnerable to
      endoplasmic reticulum stress and necroptosis. We will use intestinal epithelium-specific knock-in mice, enteroids
      from patients genotyped for the variant, and murine norovirus infection to determine how IRE1alpha signaling and
      TNF-induced cell death interact to cause Paneth cell loss and transmural ileitis.""",
      "ATG16L1;Autophagy;Crohn's disease;Endoplasmic Reticulum Stress;Enteroids;Ileitis;Necroptosis;Norovirus;Paneth Cells",
      sy=6),
    G("R21", "DK", "GMPB", 2024, "basic",
      "A human colonoid platform to test epithelial repair after radiation injury",
      """We will establish patient-derived colonoids exposed to graded irradiation to model radiation proctitis and
      screen compounds that accelerate LGR5+ stem cell regeneration.""",
      "Colon;Organoids;Radiation Injuries;Radiation proctitis;Regeneration;Stem cells"),
])

P("gi_mash", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "HBPP", (2022, 2023), "basic",
      "Hepatic stellate cell senescence and fibrosis regression in metabolic dysfunction-associated steatohepatitis",
      """Metabolic dysfunction-associated steatohepatitis (MASH) is now the fastest-growing indication for liver
      transplantation. Activated hepatic stellate cells drive fibrosis; whether they can be pushed into a senescent,
      non-fibrogenic state during regression is unknown. Using single-nucleus RNA sequencing of human biopsies across
      fibrosis stages, stellate cell-specific lineage tracing in mice fed a choline-deficient high-fat diet, and a
      3D human liver spheroid model, we will test whether the YAP-CCN1 axis controls stellate cell senescence and
      fibrosis resolution after dietary reversal and after resmetirom.""",
      "Fatty Liver;Fibrosis;Hepatic Stellate Cell;Liver Cirrhosis;MASH;Mus;Resmetirom;Senescence;Single nucleus sequencing;Spheroids",
      sy=2),
])

P("gi_ah", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AA", "HBPP", (2023, 2025), "clin",
      "Early biomarkers of corticosteroid non-response in severe alcohol-associated hepatitis",
      """Severe alcohol-associated hepatitis carries 30% 90-day mortality; prednisolone helps only a subset, and the
      Lille score requires seven days of exposure. In a multicenter prospective cohort (n = 420), we will measure
      circulating cytokeratin-18 fragments, bacterial DNA and neutrophil transcriptional states at admission and day 3,
      and derive an early response model. Secondary aims examine early liver transplantation referral and relapse to
      drinking after discharge.""",
      "Alcoholic Hepatitis;Biomarkers;Corticosteroids;Cytokeratin 18;Liver Transplantation;Mortality;Neutrophils;Prednisolone;Prospective cohort",
      sy=1),
])

P("gi_adr", None, [
    G("K23", "DK", "DDK-B", (2022, 2024), "clin",
      "Computer-aided detection and colonoscopy quality in community practice",
      """Adenoma detection rate varies three-fold among endoscopists and predicts interval colorectal cancer. The
      candidate will evaluate real-time computer-aided detection in 22 community endoscopy units using a stepped-wedge
      design, measuring adenoma detection, withdrawal time and pathology costs, and will study why endoscopists accept
      or override alerts. Training focuses on implementation science and health economics.""",
      "Adenoma;Artificial Intelligence;Career development;Colonoscopy;Colorectal Cancer;Computer-aided detection;Endoscopy;Implementation science;Quality of care;Stepped-wedge",
      sy=2),
])

P("gi_crcep", "EPIDEMIOLOGY", [
    G("R01", "CA", "CE", (2022, 2024), "clin",
      "Early-life exposures, the gut microbiome and early-onset colorectal cancer",
      """Incidence of colorectal cancer among adults under 50 has risen steadily. Using two prospective cohorts of
      women with repeated diet and medication questionnaires since adolescence, and a case-control study with stool
      metagenomics and tumor sequencing, we will test whether early-life obesity, antibiotics, and sugar-sweetened
      beverages relate to early-onset disease, and whether pks+ Escherichia coli mutational signatures mediate these
      associations.""",
      "Antibiotics;Case-Control Studies;Colorectal Cancer;Diet;Early-onset;Escherichia coli;Metagenomics;Mutational signatures;Obesity;Prospective cohort",
      sy=3),
])

P("gi_gastroparesis", "PHYSIOLOGY", [
    G("R01", "DK", "GMPB", (2023, 2024), "basic",
      "Enteric glia and interstitial cells of Cajal in diabetic gastroparesis",
      """Diabetic gastroparesis causes nausea, vomiting and malnutrition, and treatments are limited. Loss of
      interstitial cells of Cajal, the gut pacemaker cells, correlates with delayed emptying. We will use full-thickness
      gastric biopsies from patients and diabetic mice to define how macrophage-derived heme oxygenase-1 protects Cajal
      networks and whether enteric glial purinergic signaling maintains them, with gastric emptying measured by
      breath testing.""",
      "Diabetes Mellitus;Enteric Nervous System;Gastric Emptying;Gastroparesis;Glia;Heme Oxygenase-1;Interstitial Cells of Cajal;Macrophage;Motility",
      sy=2),
    G("R03", "DK", "DDK-B", 2021, "clin",
      "Gastric electrical mapping with body-surface electrodes in functional dyspepsia",
      """We will use a wearable 64-channel body-surface array to map gastric slow waves in 80 patients with functional
      dyspepsia and 40 controls and relate dysrhythmias to symptom severity.""",
      "Dyspepsia;Electrophysiology;Gastric slow wave;Symptoms;Wearable device"),
])

P("gi_eoe", "PEDIATRICS", [
    G("R01", "AI", "AITC", (2022, 2024), "trans",
      "Food-specific tissue-resident T cells in eosinophilic esophagitis",
      """Eosinophilic esophagitis (EoE) is a food antigen-driven type 2 inflammatory disease of the esophagus. Using
      esophageal biopsies from children undergoing food reintroduction, peptide-MHC tetramers and single-cell TCR
      sequencing, we will identify milk- and wheat-specific Th2 cells that persist in remission and test whether they
      predict relapse upon reintroduction.""",
      "Child;Eosinophilic Esophagitis;Food Allergy;Milk;Single-cell sequencing;T-Lymphocyte;Tetramers;Th2 cells;Wheat",
      sy=2),
])

P("gi_barrett", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "CA", "CBSS", (2021, 2022), "trans",
      "Nonendoscopic esophageal sampling and methylated DNA markers for Barrett's esophagus detection",
      """Most esophageal adenocarcinomas arise in people never screened for Barrett's esophagus. We will validate a
      swallowable balloon device combined with a panel of methylated DNA markers in 1,300 primary care patients with
      reflux and risk factors, comparing accuracy and cost with sedated upper endoscopy.""",
      "Barrett Esophagus;Biomarkers;DNA Methylation;Early Detection;Esophageal adenocarcinoma;Gastroesophageal Reflux;Primary care;Screening",
      sy=4),
    G("R01", "DK", "CIMG", 2024, "clin",
      "Proton pump inhibitor deprescribing and recurrence of reflux symptoms",
      """We will test a pharmacist-led deprescribing protocol for long-term proton pump inhibitor users without a
      persisting indication across 30 primary care clinics, measuring symptom recurrence and adverse events.""",
      "Deprescribing;Gastroesophageal Reflux;Pharmacists;Primary care;Proton Pump Inhibitors;Randomized Controlled Trials"),
])
# ---------------------------------------------------------------- kidney
P("neph_apol1", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "PBKD", (2021, 2023), "basic",
      "APOL1 risk variants, ion channel activity and podocyte injury",
      """Two coding variants in APOL1 (G1 and G2), common in people of recent West African ancestry, account for much of
      the excess kidney failure risk among Black Americans. We showed that risk variant APOL1 forms cation channels in
      the plasma membrane of podocytes after interferon stimulation. Using podocyte-specific BAC transgenic mice,
      kidney organoids from iPSCs with isogenic edits, and patient-derived urinary podocytes, we will test how channel
      activity triggers potassium efflux, stress kinase activation and podocyte detachment, and evaluate small-molecule
      APOL1 channel inhibitors on proteinuria.""",
      "APOL1;Focal Segmental Glomerulosclerosis;Interferons;Ion Channel;Kidney Organoid;Podocytes;Proteinuria;Transgenic Mice;West African ancestry",
      phr="APOL1 gene variants raise the risk of kidney failure in people of African ancestry. We will learn how they injure kidney filter cells and test drugs to block them.", sy=5),
    G("R01", "DK", "KMBD", 2024, "basic",
      "Single-cell chromatin states of the injured glomerulus",
      """We will generate paired single-nucleus ATAC and RNA profiles of glomeruli in mice with nephrotoxic serum
      nephritis and adriamycin nephropathy to map transcription factors that drive parietal epithelial cell activation
      and crescent formation.""",
      "Chromatin;Crescent;Glomerulonephritis;Glomerulus;Kidney;Parietal epithelial cell;Single nucleus ATAC-seq"),
])

P("neph_sglt2", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "KNOD", (2022, 2024), "clin",
      "Uptake and kidney outcomes of SGLT2 inhibitors in type 2 diabetes with chronic kidney disease in routine care",
      """Sodium-glucose cotransporter 2 (SGLT2) inhibitors slow progression of diabetic kidney disease, yet fewer than one
      in five eligible patients receive them. Using electronic health records and pharmacy data from a 20-system
      research network (n = 310,000 adults with type 2 diabetes and eGFR 20-60 or albuminuria), we will describe
      prescribing by race, insurance and specialty, emulate target trials comparing SGLT2 inhibitors, GLP-1 receptor
      agonists and their combination on eGFR slope and kidney failure, and estimate effects in subgroups underrepresented
      in trials such as adults over 80.""",
      "Albuminuria;Chronic Kidney Diseases;Diabetic Nephropathy;Electronic Health Record;Glomerular Filtration Rate;GLP-1 receptor agonist;Kidney Failure;SGLT2 inhibitor;Target trial emulation;Type 2 diabetes",
      sy=2),
])

P("neph_aki", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "PBKD", (2022, 2023), "basic",
      "Proximal tubule metabolic failure in the transition from acute kidney injury to chronic kidney disease",
      """Incomplete repair after acute kidney injury (AKI) leaves proximal tubule cells in a failed-repair state marked
      by VCAM1 and pro-inflammatory secretion, driving fibrosis. We will test whether restoring fatty acid oxidation
      through PGC1alpha or PPARalpha agonism rescues failed-repair cells after ischemia-reperfusion in mice, and use
      single-nucleus sequencing of kidney biopsies to identify the same states in patients.""",
      "Acute Kidney Injury;Chronic Kidney Diseases;Fatty acid oxidation;Fibrosis;Ischemia-reperfusion;Proximal Kidney Tubule;PGC1alpha;Single nucleus sequencing",
      sy=3),
    G("U01", "DK", "DDK-C", (2023, 2025), "clin",
      "Kidney tissue atlas recruitment site: biopsies in AKI and CKD",
      """As a recruitment site for the NIDDK Kidney Precision Medicine Project, we will obtain protocol research biopsies
      from participants with AKI and CKD, follow them for clinical outcomes, and contribute to integrated spatial and
      molecular atlases of human kidney disease.""",
      "Acute Kidney Injury;Atlases;Biopsy;Chronic Kidney Diseases;Cohort Studies;Kidney;Precision Medicine;Spatial transcriptomics",
      co=("neph_apol1",)),
])

P("neph_homedial", None, [
    G("K23", "DK", "DDK-C", (2023, 2024), "clin",
      "Language concordance, patient activation and home dialysis uptake among Hispanic adults with kidney failure",
      """Hispanic patients starting dialysis are less likely than non-Hispanic white patients to use home modalities. The
      candidate will analyze national registry data on modality and transplant waitlisting, conduct qualitative
      interviews with Spanish-speaking patients and families, and pilot a culturally tailored, language-concordant
      education program in four dialysis units.""",
      "Career development;Dialysis;Education;Hispanic Americans;Home Hemodialysis;Kidney Failure;Limited English proficiency;Peritoneal Dialysis;Qualitative Research;Registries",
      sy=2),
])

P("neph_pkd", "PHYSIOLOGY", [
    G("R01", "DK", "KMBD", (2021, 2023), "basic",
      "Primary cilia, polycystin signaling and cyst initiation in autosomal dominant polycystic kidney disease",
      """Autosomal dominant polycystic kidney disease (ADPKD) is the most common inherited kidney disease. Loss of
      polycystin-1 or -2 from primary cilia triggers a cilia-dependent cyst-activating signal. We will use
      conditional Pkd1 and Ift88 mice, cilia-targeted proteomics and kidney organoids to identify the ciliary
      effectors of cyst growth and test whether blocking them slows cyst expansion measured by MRI.""",
      "Autosomal Dominant Polycystic Kidney;Cilia;Cyst;Kidney;MRI;Organoids;PKD1;Polycystin;Proteomics",
      sy=8),
])

P("neph_htn", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "HL", "HM", (2023, 2025), "trans",
      "Renal sodium handling and salt-sensitive hypertension in Black adults",
      """Salt sensitivity of blood pressure is more prevalent among Black adults and predicts cardiovascular events. In a
      controlled feeding study (n = 160) with low- and high-sodium diets, we will measure urinary extracellular vesicle
      sodium-chloride cotransporter abundance, skin sodium by 23Na-MRI and 24-hour ambulatory blood pressure, and test
      whether amiloride reduces salt sensitivity in carriers of APOL1 risk genotypes.""",
      "Amiloride;Ambulatory blood pressure;Black race;Blood Pressure;Controlled feeding;Extracellular vesicles;Hypertension;Salt sensitivity;Sodium",
      sy=1),
])

P("neph_tx", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AI", "TTT", (2022, 2024), "trans",
      "Donor-derived cell-free DNA and molecular microscope diagnosis of antibody-mediated kidney transplant rejection",
      """Antibody-mediated rejection is the leading cause of late kidney allograft loss. In 900 transplant recipients
      with surveillance biopsies, we will compare donor-derived cell-free DNA, donor-specific antibodies and biopsy
      transcriptomics for early diagnosis, and test in a pilot trial whether biomarker-triggered biopsies improve
      graft survival.""",
      "Allograft;Antibody-mediated rejection;Biomarkers;Biopsy;Cell-free DNA;Donor specific antibody;Graft Survival;Kidney Transplantation;Transcriptomics",
      sy=3),
])

P("neph_ckdmbd", None, [
    G("R03", "DK", "PBKD", 2022, "clin",
      "FGF23, phosphate binders and left ventricular mass in stage 4 chronic kidney disease",
      """In a secondary analysis of a completed randomized trial of phosphate binders in 240 patients with stage 4 CKD,
      we will test whether lowering FGF23 reduces left ventricular mass index measured by cardiac MRI.""",
      "Cardiac MRI;Chronic Kidney Diseases;FGF23;Left Ventricular Hypertrophy;Phosphate binders;Phosphates;Secondary analysis"),
    G("R01", "DK", "PBKD", (2024, 2025), "trans",
      "Vascular calcification and klotho deficiency in advanced kidney disease",
      """We will define how loss of circulating alpha-klotho sensitizes vascular smooth muscle cells to phosphate-induced
      osteogenic transformation, using klotho hypomorphic mice and arteries from patients undergoing transplant.""",
      "Calcification;Chronic Kidney Diseases;Klotho;Phosphates;Smooth Muscle Myocytes;Vascular Calcification"),
], rank="ASSISTANT PROFESSOR")
# ---------------------------------------------------------------- endocrine and metabolism
P("endo_beta", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "CADO", (2021, 2023), "basic",
      "Endoplasmic reticulum stress and beta cell identity in the progression to type 2 diabetes",
      """Beta cells in type 2 diabetes lose functional identity before they die, dedifferentiating toward an
      endocrine progenitor-like state. We found that the unfolded protein response sensor IRE1alpha regulates MAFA and
      PDX1 expression under chronic glucolipotoxicity. Using human islets from organ donors with and without diabetes,
      stem cell-derived islets with CRISPR interference, and beta cell-specific Ern1 knockout mice, we will determine how
      IRE1alpha-XBP1 signaling preserves insulin secretory capacity, and whether a selective IRE1alpha kinase modulator
      restores glucose-stimulated insulin secretion after high-fat feeding.""",
      "Beta Cell;CRISPR interference;Dedifferentiation;Endoplasmic Reticulum Stress;Insulin Secretion;Islets of Langerhans;MAFA;Stem cell derived islets;Type 2 diabetes;Unfolded Protein Response",
      phr="Insulin-making cells lose their identity in type 2 diabetes. We study the stress pathway that causes this and how to reverse it.", sy=7),
    G("R01", "DK", "IPOD", 2024, "basic",
      "Islet macrophage crosstalk in obesity-induced beta cell proliferation",
      """We will use islet-resident macrophage depletion, intravital imaging and single-cell profiling to determine how
      macrophage-derived PDGF supports compensatory beta cell expansion in diet-induced obesity.""",
      "Beta Cell;Cell Proliferation;Islets of Langerhans;Macrophage;Obesity;PDGF"),
])

P("endo_cgm", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "CIDO", (2022, 2024), "clin",
      "Continuous glucose monitoring to guide insulin dosing in hospitalized adults with type 2 diabetes",
      """Point-of-care capillary glucose testing misses most inpatient hypoglycemia. We will randomize 800 non-critically
      ill hospitalized adults with insulin-treated type 2 diabetes at five hospitals to remotely monitored continuous
      glucose monitoring with nurse-driven alerts versus standard testing. Primary outcome: time below 70 mg/dL;
      secondary: time in range, length of stay, 30-day readmission and nursing workload. A cost-effectiveness analysis and
      an implementation evaluation will inform wider adoption.""",
      "Continuous Glucose Monitoring;Cost Effectiveness;Hospitalization;Hypoglycemia;Inpatients;Insulin;Nursing;Randomized Controlled Trials;Type 2 diabetes",
      sy=2),
])

P("endo_pcos", "OBSTETRICS & GYNECOLOGY", [
    G("R01", "HD", "ICER", (2022, 2023), "trans",
      "Androgen excess, adipose insulin resistance and metabolic risk in polycystic ovary syndrome",
      """Polycystic ovary syndrome (PCOS) affects 10% of reproductive-age women and confers high type 2 diabetes risk.
      We will combine hyperinsulinemic-euglycemic clamps, subcutaneous adipose biopsies and androgen suppression with
      leuprolide plus letrozole in 90 women with PCOS to determine whether hyperandrogenism directly causes adipocyte
      insulin resistance, and test the same mechanism in a prenatally androgenized mouse model.""",
      "Adipocytes;Androgens;Clamp technique;Hyperandrogenism;Insulin Resistance;Letrozole;Polycystic Ovary Syndrome;Type 2 diabetes;Women",
      sy=4),
    G("R01", "DK", "IPOD", 2025, "trans",
      "Hypothalamic kisspeptin neurons and metabolic signaling in anovulatory infertility",
      """We will test how leptin and insulin signaling in arcuate kisspeptin neurons regulate pulsatile LH secretion in
      obese mice and in women with anovulation undergoing frequent sampling studies.""",
      "Anovulation;Hypothalamus;Infertility;Kisspeptin;Leptin;Luteinizing Hormone;Obesity"),
])

P("endo_thyroid", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "MCE", (2023, 2025), "basic",
      "Thyroid hormone receptor beta coactivator recruitment in hepatic lipid metabolism",
      """Liver-directed thyroid hormone receptor beta agonists lower hepatic fat, but the coactivators that determine
      their gene programs are unknown. We will map TRbeta cistromes and coregulator occupancy in mouse and human
      hepatocytes, test liver-specific deletion of candidate coactivators, and define how thyroid hormone induces
      lipophagy.""",
      "ChIP-seq;Coactivator;Hepatocyte;Lipid Metabolism;Lipophagy;Liver;Thyroid Hormone Receptor beta;Thyroid Hormones",
      sy=2),
])

P("endo_youth", "PEDIATRICS", [
    G("K23", "DK", "DDK-A", (2022, 2023), "clin",
      "Transition from pediatric to adult care in youth-onset type 2 diabetes",
      """Youth-onset type 2 diabetes progresses faster than adult-onset disease, with early nephropathy and retinopathy,
      and care is often lost during transfer to adult clinics. The candidate will study care gaps after transfer in an
      EHR cohort of 2,400 young adults and pilot a patient navigator intervention with text-message support.""",
      "Adolescent;Career development;Electronic Health Record;Patient Navigation;Text Messaging;Transition to adult care;Type 2 diabetes;Young Adult",
      sy=3),
])

P("endo_bat", None, [
    G("R01", "DK", "IPOD", (2021, 2022), "trans",
      "Human brown adipose tissue thermogenesis measured by PET-MRI and its regulation by cold and mirabegron",
      """We will use 18F-FDG and 11C-acetate PET-MRI to quantify brown adipose tissue volume and oxidative metabolism in
      120 adults across body mass index categories during mild cold exposure and after four weeks of mirabegron, and
      relate responses to insulin sensitivity and adipose biopsies.""",
      "Beta-3 adrenergic receptor agonist;Brown Fat;Cold Exposure;Energy Expenditure;Insulin Resistance;Mirabegron;Obesity;PET-MRI;Thermogenesis",
      sy=4),
    G("U01", "DK", "CIDO", (2023, 2025), "clin",
      "Weight regain after discontinuation of incretin-based obesity pharmacotherapy",
      """This multicenter trial will randomize 600 adults who lost at least 10% body weight on semaglutide to continued
      therapy, dose tapering, or discontinuation with an intensive lifestyle program, measuring weight regain, body
      composition by DXA and cardiometabolic risk factors over 18 months.""",
      "Body Composition;Dual-Energy X-Ray Absorptiometry;GLP-1 receptor agonist;Lifestyle intervention;Obesity;Randomized Controlled Trials;Semaglutide;Weight loss;Weight regain",
      co=("gs_bariatric",)),
])

P("endo_dkdgec", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "CADO", (2022, 2024), "basic",
      "Glomerular endothelial insulin signaling and the glycocalyx in early diabetic nephropathy",
      """Albuminuria in diabetes begins with loss of the glomerular endothelial glycocalyx. We will use
      endothelium-specific insulin receptor knockout mice on a streptozotocin and high-fat background, intravital
      multiphoton imaging of the glycocalyx and human kidney biopsies to determine whether impaired endothelial insulin
      signaling drives heparanase activation and albumin leak.""",
      "Albuminuria;Diabetic Nephropathy;Endothelial Cells;Glomerulus;Glycocalyx;Heparanase;Insulin Receptor;Multiphoton imaging;Streptozotocin",
      sy=3),
])

P("endo_adrenal", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "DK", "MCE", (2024, 2025), "trans",
      "Primary aldosteronism screening and somatic mutations in aldosterone-producing cell clusters",
      """Primary aldosteronism is the most common curable cause of hypertension but fewer than 2% of eligible patients are
      screened. We will pair an EHR-embedded screening prompt in 18 primary care clinics with CYP11B2 immunohistochemistry
      and targeted sequencing of adrenal specimens to link somatic CACNA1D and KCNJ5 mutations to disease severity.""",
      "Adrenal Glands;Aldosterone;CACNA1D;Electronic Health Record;Hypertension;KCNJ5;Primary Aldosteronism;Screening;Somatic Mutation",
      sy=1),
])
# ---------------------------------------------------------------- cancer
P("onc_exer", None, [
    G("R01", "CA", "CONC", (2022, 2024), "clin",
      "Supervised aerobic and resistance exercise during adjuvant chemotherapy for early-stage breast cancer",
      """Women receiving adjuvant chemotherapy for breast cancer commonly lose cardiorespiratory fitness and develop
      fatigue and chemotherapy dose reductions. We will randomize 360 women with stage I-III breast cancer to a
      supervised, virtually delivered aerobic and resistance training program or usual care during chemotherapy. The
      primary endpoint is relative dose intensity; secondary endpoints include peak VO2, patient-reported fatigue,
      peripheral neuropathy and 3-year invasive disease-free survival. Correlative studies will examine tumor
      immune infiltration in surgical specimens.""",
      "Adjuvant Chemotherapy;Breast Cancer;Cardiorespiratory fitness;Exercise;Fatigue;Neuropathy;Randomized Controlled Trials;Survivorship;Telehealth",
      phr="Exercise may help women tolerate breast cancer chemotherapy. This trial tests a supervised program delivered by video.", sy=2),
    G("R01", "CA", "CONC", 2025, "clin",
      "Financial toxicity navigation for patients starting cancer treatment in rural counties",
      """We will randomize 480 patients beginning cancer treatment at rural community oncology practices to financial
      navigation plus insurance optimization versus usual care, measuring financial hardship, treatment adherence and
      quality of life.""",
      "Cancer;Financial toxicity;Navigation;Quality of life;Randomized Controlled Trials;Rural;Survivorship"),
])

P("onc_kras", "PHARMACOLOGY", [
    G("R01", "CA", "DT", (2022, 2023), "basic",
      "Overcoming adaptive resistance to KRAS G12D inhibition in pancreatic ductal adenocarcinoma",
      """Pancreatic ductal adenocarcinoma (PDAC) is driven by mutant KRAS in over 90% of tumors. New non-covalent KRAS G12D
      inhibitors shrink tumors in genetically engineered mice, but resistance emerges within weeks through receptor
      tyrosine kinase feedback and epithelial-to-mesenchymal transition. We will use genome-wide CRISPR screens in
      patient-derived organoids, barcoded lineage tracing in KPC mice, and phosphoproteomics to identify resistance
      nodes, then test rational combinations with SHP2 and mTOR inhibitors.""",
      "CRISPR screen;Drug resistance;Epithelial-Mesenchymal Transition;KRAS;Organoids;Pancreatic Ductal Adenocarcinoma;Phosphoproteomics;Receptor Protein-Tyrosine Kinases;SHP2;Targeted therapy",
      sy=3),
])

P("onc_caf", "PATHOLOGY", [
    G("R01", "CA", "TME", (2021, 2023), "basic",
      "Cancer-associated fibroblast heterogeneity and immune exclusion",
      """Tumors with a stroma rich in TGF-beta-driven myofibroblastic cancer-associated fibroblasts (CAFs) exclude T cells
      and resist checkpoint blockade. We will use spatial proteomics of human colorectal and bladder tumors, inducible
      CAF-subset ablation in mice and CAF-organoid cocultures to determine how LRRC15+ CAFs build a physical and
      chemokine barrier to CD8 T cells.""",
      "Cancer associated fibroblast;CD8 T cells;Checkpoint inhibitor;Colorectal Cancer;Immune exclusion;LRRC15;Spatial proteomics;TGF beta;Tumor Microenvironment",
      sy=5),
    G("R01", "CA", "CII", 2024, "basic",
      "Tertiary lymphoid structures as sites of anti-tumor B cell maturation",
      """We will define the germinal center dynamics of tertiary lymphoid structures in melanoma and sarcoma using
      photoconvertible reporter mice and BCR repertoire sequencing of human tumors.""",
      "B-Lymphocytes;Germinal Center;Immunotherapy;Melanoma;Sarcoma;Tertiary lymphoid structure"),
])

P("onc_ctdna", "INTERNAL MEDICINE/MEDICINE", [
    G("K08", "CA", "NCI-J", (2022, 2024), "trans",
      "Circulating tumor DNA to guide adjuvant therapy in stage II colon cancer",
      """Most patients with resected stage II colon cancer are cured by surgery alone, but adjuvant chemotherapy is used
      inconsistently. The candidate, a medical oncologist, will measure tumor-informed circulating tumor DNA in 450
      patients after resection, model recurrence risk jointly with pathologic features, and study ctDNA clearance
      kinetics during chemotherapy, while training in genomic data science and trial design.""",
      "Adjuvant Therapy;Career development;Circulating tumor DNA;Colon Carcinoma;Minimal Residual Disease;Recurrence;Risk model",
      sy=2),
])

P("onc_lungio", "INTERNAL MEDICINE/MEDICINE", [
    G("P01", "CA", "NCI-PP", (2022, 2024), "trans",
      "Mechanisms of acquired resistance to immune checkpoint blockade in non-small cell lung cancer",
      """This program project brings together three laboratories and two cores to study why non-small cell lung cancers
      that initially respond to PD-1 blockade later progress. Project 1 examines loss of antigen presentation through
      B2M and JAK1/2 alterations in serial biopsies from a rapid autopsy program. Project 2 studies myeloid
      reprogramming by tumor-derived GM-CSF. Project 3 tests whether STK11/KEAP1 co-mutation establishes an immune-cold
      microenvironment reversible by glutaminase inhibition. A clinical core runs biopsy-driven trials and a
      computational core integrates multi-omic data.""",
      "Antigen Presentation;B2M;Biopsy;Checkpoint inhibitor;Drug resistance;KEAP1;Non-Small-Cell Lung Carcinoma;PD-1;Program project;STK11;Tumor Microenvironment",
      sy=2, co=("onc_lungio2",)),
])
P("onc_lungio2", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "CA", "CII", (2023, 2024), "basic",
      "Tissue-resident memory T cells and durable responses to neoadjuvant chemoimmunotherapy",
      """We will profile CD103+ tissue-resident memory T cells in resected lung tumors after neoadjuvant chemoimmunotherapy
      and test their requirement for pathologic complete response in orthotopic mouse models.""",
      "CD103;Immunotherapy;Lung Cancer;Memory T cells;Neoadjuvant therapy;Pathologic complete response"),
])

P("onc_hpvopc", "EPIDEMIOLOGY", [
    G("R01", "CA", "CE", (2021, 2023), "clin",
      "Oral HPV persistence and natural history of oropharyngeal cancer precursors in men",
      """Incidence of HPV-positive oropharyngeal cancer now exceeds that of cervical cancer in the United States, and men
      are disproportionately affected. In a cohort of 2,100 men with semiannual oral rinse collection over six years, we
      will characterize oral HPV16 persistence, antibodies to E6 and viral integration, and evaluate a circulating
      tumor HPV DNA assay for early detection of oropharyngeal cancer.""",
      "Cohort Studies;Early Detection;Human Papillomavirus;Men;Oral rinse;Oropharyngeal Cancer;Persistence;Squamous Cell Carcinoma;Viral integration",
      sy=4),
])

P("onc_geri", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "CA", "CONC", (2023, 2024), "clin",
      "Geriatric assessment-guided treatment decisions for older adults with advanced cancer",
      """Older adults with advanced cancer experience high rates of severe chemotherapy toxicity. In a cluster-randomized
      trial across 40 community oncology practices, we will test whether providing oncologists with a geriatric
      assessment summary and management recommendations reduces grade 3-5 toxicity and improves communication about
      aging-related concerns among 700 patients aged 70 and older.""",
      "Aged;Chemotherapy toxicity;Cluster randomized trial;Communication;Community oncology;Geriatric Assessment;Neoplasms;Older adults",
      sy=3),
    G("K24", "CA", "NCI-J", 2025, "clin",
      "Mentoring in geriatric oncology patient-oriented research",
      """This award protects the candidate's time to mentor early-career oncologists and geriatricians in studies of
      treatment tolerance, function and cognition among older patients receiving cancer therapy.""",
      "Career development;Cognition;Geriatric oncology;Mentors;Older adults;Patient-oriented research"),
])

P("onc_cardiotox", None, [
    G("R01", "CA", "CONC", (2022, 2024), "trans",
      "Genomic and imaging predictors of anthracycline and trastuzumab cardiotoxicity",
      """Anthracyclines and HER2-targeted therapy cause declines in left ventricular ejection fraction in up to 15% of
      women treated for breast cancer. In 1,200 women followed with serial echocardiographic strain imaging and
      troponin, we will evaluate a polygenic score derived from cardiomyopathy genes and test whether early global
      longitudinal strain decline identifies candidates for cardioprotective therapy. iPSC-derived cardiomyocytes from
      participants will be used to validate genetic susceptibility.""",
      "Anthracyclines;Breast Cancer;Cardiotoxicity;Echocardiography;Ejection Fraction;Global longitudinal strain;Polygenic score;Trastuzumab;Troponin",
      sy=2),
])

P("onc_t32", "INTERNAL MEDICINE/MEDICINE", [
    G("T32", "CA", "NCI-J", (2022, 2024), "train",
      "Training program in translational cancer therapeutics",
      """This program trains eight postdoctoral fellows per year, medical oncology fellows and PhD scientists, in
      translational cancer therapeutics spanning drug discovery, early-phase trial design, biomarker development and
      pharmacology. Trainees are paired with a laboratory mentor and a clinical mentor and complete coursework in
      biostatistics and regulatory science.""",
      "Cancer Therapeutics;Clinical Trials;Drug Development;Mentors;Postdoctoral Fellow;Research Training;Translational Research",
      sy=16),
    G("R01", "CA", "DT", (2023, 2025), "basic",
      "Antibody-drug conjugate payload resistance through lysosomal efflux",
      """We will identify mechanisms by which tumor cells resist topoisomerase I inhibitor payloads of antibody-drug
      conjugates, using CRISPR screens and patient samples from progressing breast and bladder cancers.""",
      "Antibody-drug conjugates;Bladder Cancer;Breast Cancer;CRISPR screen;Drug resistance;Lysosomes;Topoisomerase I"),
])

P("onc_ovary", "OBSTETRICS & GYNECOLOGY", [
    G("R01", "CA", "TCB", (2022, 2023), "basic",
      "Replication fork protection and PARP inhibitor resistance in high-grade serous ovarian carcinoma",
      """PARP inhibitors extend survival in BRCA-deficient ovarian cancer, yet resistance is nearly universal. Beyond
      restoration of homologous recombination, tumor cells can protect stalled replication forks. Using patient-derived
      ovarian cancer organoids from serial ascites samples and CRISPR screening, we will define the fork protection
      factors that mediate resistance and test ATR inhibitor combinations in orthotopic xenografts.""",
      "ATR;BRCA1;Drug resistance;Homologous Recombination;Organoids;Ovarian Carcinoma;PARP inhibition;Replication fork;Serous",
      sy=2),
])
# ---------------------------------------------------------------- radiation
P("ro_flash", "RADIATION-DIAGNOSTIC/ONCOLOGY", [
    G("R01", "CA", "RTB", (2022, 2024), "basic",
      "Ultra-high dose-rate (FLASH) irradiation and normal tissue sparing in the intestine",
      """Delivering radiation at ultra-high dose rates above 40 Gy/s appears to spare normal tissue while preserving tumor
      control, but mechanisms remain contested. Using an electron linear accelerator modified for FLASH delivery,
      we will compare conventional and FLASH abdominal irradiation in mice on intestinal crypt survival, LGR5+ stem
      cell regeneration and microbiome shifts, test the oxygen depletion hypothesis with in vivo oximetry, and determine
      whether sparing persists in orthotopic pancreatic tumor models.""",
      "Dose rate;FLASH radiotherapy;Intestines;Linear accelerator;Mus;Normal tissue toxicity;Oxygen;Pancreatic cancer;Radiation therapy;Stem cells",
      sy=2),
])

P("ro_sbrt", "RADIATION-DIAGNOSTIC/ONCOLOGY", [
    G("R01", "CA", "RTB", (2023, 2025), "clin",
      "Stereotactic ablative radiotherapy plus immunotherapy for oligometastatic non-small cell lung cancer",
      """Patients with oligometastatic non-small cell lung cancer may achieve long-term control when all metastases are
      treated. We will randomize 260 patients with up to five metastases after first-line chemoimmunotherapy to
      stereotactic body radiotherapy (SBRT) to all sites versus maintenance therapy alone, with progression-free survival
      as the primary endpoint and correlative studies of circulating tumor DNA and T-cell clonal expansion after
      irradiation.""",
      "Circulating tumor DNA;Immunotherapy;Metastasis;Non-Small-Cell Lung Carcinoma;Oligometastatic;Progression-free survival;Randomized Controlled Trials;Stereotactic Body Radiation Therapy",
      sy=1),
    G("K08", "CA", "NCI-J", 2021, "trans",
      "Radiation-induced lymphopenia and outcomes after chemoradiation",
      """The candidate, a radiation oncologist, will model dose to circulating lymphocytes from treatment plans and relate
      it to lymphopenia and survival in esophageal and lung cancer, while training in immunology.""",
      "Career development;Chemoradiotherapy;Dosimetry;Esophageal Cancer;Lung Cancer;Lymphopenia;Radiation therapy",
      sy=4),
])

P("ro_adaptive", None, [
    G("R01", "CA", "RTB", (2022, 2023), "clin",
      "MRI-guided adaptive radiotherapy to de-escalate dose in HPV-associated oropharyngeal cancer",
      """Patients with HPV-associated oropharyngeal cancer have excellent survival but suffer lifelong dysphagia and
      xerostomia after 70 Gy chemoradiation. Using an MR-linac, we will adapt target volumes weekly according to nodal
      response and test whether responders can safely receive 50 Gy, measuring locoregional control and swallowing
      function.""",
      "Adaptive radiotherapy;De-escalation;Dysphagia;MR-linac;Magnetic Resonance Imaging;Oropharyngeal Cancer;Human Papillomavirus;Xerostomia",
      sy=3),
])

P("ro_proton", "RADIATION-DIAGNOSTIC/ONCOLOGY", [
    G("R21", "CA", "RTB", 2024, "trans",
      "Proton linear energy transfer and brainstem necrosis in pediatric posterior fossa tumors",
      """Brainstem injury after proton therapy may relate to elevated linear energy transfer at the distal edge of the
      beam. We will compute voxel-level LET in 420 children treated for medulloblastoma and ependymoma and relate it to
      MRI changes and necrosis.""",
      "Brain Stem;Child;Ependymoma;Linear Energy Transfer;Medulloblastoma;Necrosis;Proton Therapy"),
    G("R01", "CA", "CONC", (2024, 2025), "clin",
      "Hypofractionated versus conventional proton therapy for prostate cancer: patient-reported outcomes",
      """We will compare bowel, urinary and sexual function in 600 men randomized to five-fraction versus 44-fraction
      proton therapy for localized prostate cancer.""",
      "Hypofractionation;Patient Reported Outcomes;Prostate Cancer;Proton Therapy;Quality of life;Randomized Controlled Trials"),
])
# ---------------------------------------------------------------- infection
P("id_prep", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AI", "ACE", (2022, 2024), "clin",
      "Long-acting injectable PrEP delivered through community pharmacies for adolescent girls and young women",
      """Adolescent girls and young women in southern Africa account for a quarter of new HIV infections, and adherence to
      daily oral pre-exposure prophylaxis (PrEP) is poor. Long-acting cabotegravir injections every two months remove the
      need for daily pills but require clinic visits. In KwaZulu-Natal, South Africa, we will conduct a hybrid
      effectiveness-implementation trial randomizing 24 pharmacies to deliver injectable PrEP versus referral to clinics
      among 1,400 women aged 16 to 24. Outcomes are PrEP persistence at 12 months, HIV incidence, and acceptability and
      fidelity measured with mixed methods.""",
      "Adolescent;Cabotegravir;HIV;Implementation science;Long-acting injectable;Pharmacies;Pre-exposure prophylaxis;South Africa;Young women",
      phr="Young women in southern Africa face high HIV risk. We test whether pharmacies can give long-acting HIV prevention shots.", sy=2),
    G("D43", "TW", "ZTW1", (2023, 2024), "train",
      "HIV implementation science research training in South Africa",
      """This program trains South African clinicians and scientists in implementation science for HIV prevention and
      treatment through doctoral and postdoctoral fellowships, short courses in REDCap data management and mixed
      methods, and mentored research projects.""",
      "Capacity Building;HIV;Implementation science;Mentors;Research Training;South Africa",
      sy=3),
])

P("id_staph", "MICROBIOLOGY/IMMUN/VIROLOGY", [
    G("R01", "AI", "BACP", (2021, 2023), "basic",
      "Leukocidin targeting of human phagocytes in Staphylococcus aureus bloodstream infection",
      """Staphylococcus aureus secretes bicomponent pore-forming leukocidins that kill neutrophils and monocytes by
      binding chemokine receptors. Because the toxins are human-specific, mouse models underestimate their role. Using
      humanized mice, CRISPR screens in human myeloid cells and isolates from 600 patients with bacteremia, we will
      define receptor usage, regulation of toxin production during infection, and whether leukocidin activity predicts
      persistent bacteremia and metastatic infection.""",
      "Bacteremia;Chemokine receptor;CRISPR screen;Humanized Mice;Leukocidin;Neutrophils;Pore forming toxin;Staphylococcus aureus;Virulence",
      sy=9),
])

P("id_cre", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AI", "DDR", (2022, 2024), "trans",
      "Genomic epidemiology and treatment of carbapenem-resistant Enterobacterales in long-term acute care hospitals",
      """Carbapenem-resistant Enterobacterales (CRE) spread among patients in long-term acute care hospitals and nursing
      homes. Using whole-genome sequencing of surveillance isolates across 12 facilities and patient transfer networks,
      we will reconstruct transmission, evaluate chlorhexidine bathing and screening interventions, and test in vitro
      synergy of novel beta-lactam/beta-lactamase inhibitor combinations against KPC and NDM producers.""",
      "Antibiotic Resistance;Beta-lactamase inhibitor;Carbapenem-resistant Enterobacterales;Genomic epidemiology;Infection Control;Long-term care;Nursing Homes;Transmission;Whole Genome Sequencing",
      sy=3),
])

P("id_cdiff", None, [
    G("K23", "AI", "MID", (2023, 2025), "clin",
      "Microbiome restoration and recurrence of Clostridioides difficile infection in solid organ transplant recipients",
      """Transplant recipients have high rates of recurrent C. difficile infection. The candidate will follow 250
      recipients after a first episode with serial stool metagenomics and bile acid profiling to model recurrence risk,
      and conduct a pilot trial of a live biotherapeutic product.""",
      "Bile Acids;Career development;Clostridioides difficile;Live biotherapeutic;Metagenomics;Microbiome;Recurrence;Solid organ transplant",
      sy=2),
])

P("id_tb", "INTERNAL MEDICINE/MEDICINE", [
    G("U01", "AI", "MID", (2021, 2023), "clin",
      "Household contacts of multidrug-resistant tuberculosis: infection, disease and preventive therapy",
      """Household contacts of patients with multidrug-resistant tuberculosis are at high risk of infection and disease,
      yet preventive therapy options are limited. Across sites in Peru, India and South Africa, we will enroll 3,000
      contacts, measure infection with interferon-gamma release assays and transcriptomic signatures of incipient
      disease, and evaluate levofloxacin preventive therapy acceptance and completion.""",
      "Contact tracing;Household;India;Interferon gamma release assay;Levofloxacin;Multidrug-resistant tuberculosis;Peru;Preventive therapy;South Africa;Transcriptomics",
      sy=4),
    G("R01", "AI", "CRFS", 2024, "clin",
      "Computer-aided chest radiograph reading for tuberculosis screening in prisons",
      """We will evaluate computer-aided detection software on chest radiographs for active case finding among 20,000
      incarcerated people in Brazil, comparing yield and cost with symptom screening and sputum Xpert testing.""",
      "Artificial Intelligence;Brazil;Chest radiograph;Computer-aided detection;Prisons;Screening;Tuberculosis;Xpert"),
])

P("id_dengue", "MICROBIOLOGY/IMMUN/VIROLOGY", [
    G("R01", "AI", "VIRB", (2022, 2023), "basic",
      "Antibody-dependent enhancement and protective immunity in sequential flavivirus infections",
      """Preexisting antibodies to Zika or one dengue serotype can enhance or protect against later dengue infection. Using
      a pediatric cohort in Nicaragua with sera collected over 17 years and monoclonal antibodies cloned from single B
      cells, we will map epitopes associated with protection or severe disease and test Fc-engineered antibodies in
      mouse models.""",
      "Antibody-dependent enhancement;B cells;Cohort Studies;Dengue;Epitopes;Flavivirus;Monoclonal Antibodies;Nicaragua;Zika Virus",
      sy=6),
])

P("id_malaria", None, [
    G("R01", "AI", "PTHE", (2023, 2025), "basic",
      "Plasmodium falciparum gametocyte commitment and transmission to mosquitoes",
      """Gametocytes are the only malaria parasite stage transmitted to mosquitoes. We will use inducible AP2-G parasite
      lines, single-cell transcriptomics and membrane feeding assays with samples from asymptomatic carriers in Mali to
      determine how host lysophosphatidylcholine and fever regulate sexual commitment.""",
      "Anopheles;Gametocytes;Mali;Malaria;Mosquito;Plasmodium falciparum;Single-cell RNA sequencing;Transmission",
      sy=2),
])

P("id_sepsisabx", "EMERGENCY MEDICINE", [
    G("R01", "AI", "CRFS", (2022, 2024), "clin",
      "Rapid host-response diagnostics to reduce unnecessary antibiotics in emergency department patients with suspected infection",
      """Antibiotics are given to most emergency department patients with fever or respiratory symptoms, often for viral
      illness. We will test a 45-minute host gene expression assay distinguishing bacterial from viral infection in a
      pragmatic randomized trial of 1,800 adults in seven emergency departments, measuring antibiotic use within 72
      hours and safety outcomes.""",
      "Antibiotics;Antimicrobial stewardship;Bacterial Infections;Diagnostics;Emergency Department;Host response;Pragmatic clinical trial;Sepsis;Virus Diseases",
      sy=2),
])

P("id_hivcure", "MICROBIOLOGY/IMMUN/VIROLOGY", [
    G("R01", "AI", "ACE", (2024, 2025), "trans",
      "Intact proviral reservoir decay in people who began antiretroviral therapy during acute HIV infection",
      """We will quantify intact and defective HIV proviruses and clonal expansion by integration site sequencing over 10
      years in participants treated during acute infection in Thailand, and model reservoir decay kinetics to inform
      analytic treatment interruption trials.""",
      "Acute HIV infection;Antiretroviral therapy;HIV;Integration site;Intact proviral DNA assay;Latent reservoir;Thailand"),
])
# ---------------------------------------------------------------- allergy and immunology
P("ai_peanut", "PEDIATRICS", [
    G("R01", "AI", "AITC", (2022, 2024), "clin",
      "Early oral immunotherapy for peanut allergy in toddlers: sustained unresponsiveness and immune mechanisms",
      """Peanut oral immunotherapy (OIT) started in preschool children may induce remission more often than in older
      children. We will randomize 240 toddlers aged 12 to 36 months with confirmed peanut allergy to OIT or avoidance
      for 2.5 years followed by a 26-week discontinuation period and double-blind food challenge. Mechanistic studies
      will track peanut-specific IgE and IgG4, basophil activation and allergen-specific CD4 T cells by tetramer and
      single-cell sequencing.""",
      "Basophil activation;Child;Desensitization;Food challenge;IgE;IgG4;Oral immunotherapy;Peanut Hypersensitivity;Randomized Controlled Trials;Sustained unresponsiveness;T-Lymphocyte",
      phr="Peanut allergy can be life-threatening. We test whether treating toddlers early can make the allergy go away.", sy=3),
])

P("ai_igE", "MICROBIOLOGY/IMMUN/VIROLOGY", [
    G("R01", "AI", "CMIA", (2021, 2023), "basic",
      "Origins of pathogenic IgE: memory B cell class switching in food allergy",
      """High-affinity IgE plasma cells are rare and short-lived, yet food allergies persist for decades. We will test
      the hypothesis that type 2 IgG1 memory B cells serve as the reservoir that regenerates IgE upon allergen exposure,
      using IgE and IgG1 fate-mapping mice, human peanut-specific B cell sorting with monoclonal antibody cloning, and
      single-cell repertoire sequencing.""",
      "Antibody repertoire;Class Switching;Fate mapping;Food Allergy;IgE;IgG1;Memory B-Lymphocyte;Monoclonal Antibodies;Plasma Cells",
      sy=7),
])

P("ai_tfh", "MICROBIOLOGY/IMMUN/VIROLOGY", [
    G("R01", "AI", "CMIA", (2022, 2023), "basic",
      "Transcriptional control of follicular helper T cell memory after vaccination",
      """Follicular helper T (Tfh) cells are essential for high-affinity antibody responses to vaccines. We will use
      fate-mapping mice, CRISPR knockout in transferred TCR-transgenic cells and lymph node fine-needle aspirates from
      vaccinated humans to define how BCL6 and TCF1 maintain Tfh memory and recall.""",
      "BCL6;CRISPR/Cas technology;Fine needle aspirate;Germinal Center;Lymph node;Memory T cells;T follicular helper cells;TCF1;Vaccination",
      sy=2),
    G("R21", "AI", "CMIA", 2025, "basic",
      "Flow cytometry panels for tracking antigen-specific CD4 T cells in lymph node aspirates",
      """We will develop 40-color spectral flow cytometry and activation-induced marker assays to track
      antigen-specific CD4 T cells in serial lymph node aspirates.""",
      "Antigen-specific;CD4 T cells;Flow Cytometry;Lymph node;Spectral flow cytometry"),
])

P("ai_pen", "INTERNAL MEDICINE/MEDICINE", [
    G("K23", "AI", "AITC", (2022, 2024), "clin",
      "Direct oral amoxicillin challenge to remove inaccurate penicillin allergy labels in hospitalized patients",
      """Ten percent of patients carry a penicillin allergy label, but over 95% are not truly allergic, and labels lead to
      broader-spectrum antibiotics and C. difficile infection. The candidate will validate a clinical decision rule for
      low-risk histories and test a pharmacist-driven direct oral challenge pathway in four hospitals.""",
      "Amoxicillin;Antimicrobial stewardship;Career development;Clinical decision rule;Drug Hypersensitivity;Inpatients;Penicillin allergy;Pharmacists",
      sy=2),
])

P("ai_iei", "PEDIATRICS", [
    G("R01", "AI", "III", (2023, 2025), "trans",
      "Genetic diagnosis and mechanisms of inborn errors of immunity presenting with autoimmunity",
      """Many children with early-onset, multi-organ autoimmunity have monogenic inborn errors of immunity. We will exome
      and genome sequence 500 such children, functionally validate candidate variants in STAT3, CTLA4 and novel genes
      using CRISPR-edited primary T cells, and evaluate targeted therapies such as JAK inhibitors and abatacept.""",
      "Abatacept;Autoimmunity;Child;CRISPR/Cas technology;CTLA4;Exome sequencing;Inborn errors of immunity;JAK inhibitor;STAT3",
      sy=2),
])

P("ai_asthmabio", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AI", "HAI", (2022, 2024), "trans",
      "Airway epithelial alarmins and remission on biologic therapy in severe asthma",
      """Biologics targeting IL-5, IL-4Ralpha and TSLP reduce exacerbations in severe asthma, and some patients achieve
      clinical remission. In 300 patients with bronchoscopy and induced sputum before and one year after biologic
      initiation, we will relate epithelial TSLP and IL-33 release, mucus plugging on CT and eosinophil activation to
      remission, and model response in air-liquid interface cultures.""",
      "Asthma;Biologics;Bronchoscopy;Eosinophils;IL-33;Interleukin-5;Mucus plugging;Remission;Sputum;TSLP",
      sy=3),
])

P("ai_transplanttol", "SURGERY", [
    G("R01", "AI", "TTT", (2021, 2022), "basic",
      "Regulatory T cell therapy for tolerance in vascularized composite allotransplantation",
      """Hand and face transplants restore function but require lifelong immunosuppression because skin is highly
      immunogenic. In a nonhuman primate and a rat hindlimb transplant model, we will test donor-antigen-specific
      regulatory T cells engineered with a chimeric antigen receptor, combined with short-course costimulation blockade,
      to induce tolerance to skin-containing grafts.""",
      "Chimeric Antigen Receptor;Costimulation blockade;Hand transplantation;Immune tolerance;Immunosuppression;Primates;Rattus;Regulatory T-Lymphocyte;Skin;Vascularized composite allotransplantation",
      sy=3),
    G("R21", "AI", "TTT", 2024, "basic",
      "Skin-resident memory T cells in chronic rejection of face allografts",
      """We will characterize donor and recipient tissue-resident memory T cells in serial skin biopsies from face
      transplant recipients.""",
      "Allograft rejection;Face transplantation;Memory T cells;Skin;Tissue-resident"),
])
# ---------------------------------------------------------------- joints, connective tissue, skin
P("rh_synov", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AR", "ACTS", (2022, 2024), "basic",
      "Synovial fibroblast subsets and joint destruction in rheumatoid arthritis",
      """Synovial fibroblasts are not a uniform population: a THY1+ sublining subset drives inflammation while a
      PRG4+ lining subset mediates bone and cartilage invasion. Using synovial biopsies obtained by ultrasound-guided
      needle sampling from 150 patients with early rheumatoid arthritis, single-cell and spatial transcriptomics, and
      Notch3 fibroblast-specific knockout mice with serum-transfer arthritis, we will define how endothelial Notch
      signals specify pathogenic fibroblasts and whether fibroblast states predict radiographic progression despite
      disease-modifying therapy.""",
      "Fibroblasts;Joints;NOTCH3;Radiographic progression;Rheumatoid Arthritis;Serum transfer arthritis;Single-cell RNA sequencing;Spatial transcriptomics;Synovial biopsy;Synovial Membrane",
      sy=4),
])

P("rh_lupus", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AR", "HAI", (2022, 2023), "trans",
      "Extrafollicular B cell responses and autoantibody production in systemic lupus erythematosus",
      """In active systemic lupus erythematosus (SLE), autoantibody-secreting cells arise from double-negative
      CD11c+ T-bet+ B cells through an extrafollicular pathway driven by TLR7. We will study blood and kidney biopsies
      from patients with proliferative nephritis, measure TLR7 gene dosage in women and men, and test in lupus-prone
      mice whether blocking the IL-21-T-bet axis reduces autoantibodies and glomerulonephritis.""",
      "Autoantibodies;B-Lymphocyte;Extrafollicular;IL-21;Lupus Nephritis;Systemic Lupus Erythematosus;T-bet;TLR7",
      sy=3),
    G("K24", "AR", "AMS", 2024, "clin",
      "Patient-oriented research mentoring in systemic autoimmune disease",
      """The candidate will mentor junior investigators conducting cohort studies and trials in lupus, systemic sclerosis
      and myositis, including pregnancy outcomes in lupus and hydroxychloroquine adherence measured by blood levels.""",
      "Adherence;Career development;Hydroxychloroquine;Mentors;Myositis;Pregnancy outcome;Systemic Lupus Erythematosus;Systemic Scleroderma"),
])

P("rh_cvlupus", None, [
    G("K23", "AR", "AMS", (2023, 2024), "clin",
      "Premature atherosclerosis and vascular inflammation in young women with lupus",
      """The candidate will use carotid ultrasound, coronary calcium scoring and plasma proteomics in 200 women with SLE
      under age 50 to identify predictors of subclinical atherosclerosis progression and will train in cardiovascular
      epidemiology.""",
      "Atherosclerosis;Career development;Carotid ultrasound;Coronary calcium;Proteomics;Systemic Lupus Erythematosus;Women",
      sy=2),
])

P("rh_ssc", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AR", "ACTS", (2023, 2025), "trans",
      "Interstitial lung disease progression in systemic sclerosis: autoantibodies, imaging and antifibrotic response",
      """Interstitial lung disease is the leading cause of death in systemic sclerosis. In a multicenter cohort of 700
      patients with quantitative CT every two years, we will test whether anti-topoisomerase I antibody levels and
      circulating monocyte signatures predict progression, and whether they identify patients who benefit from
      nintedanib or mycophenolate.""",
      "Anti-topoisomerase I;Autoantibodies;Cohort Studies;Computed Tomography;Interstitial Lung Disease;Monocyte;Mycophenolate;Nintedanib;Systemic Scleroderma",
      sy=2),
])

P("rh_gout", None, [
    G("R01", "AR", "ACTS", (2021, 2022), "clin",
      "Nurse-led treat-to-target urate lowering and cardiovascular events in gout",
      """We will randomize 1,100 patients with gout and cardiovascular risk factors in primary care to nurse-led
      treat-to-target allopurinol titration or usual care, measuring serum urate, flares and major adverse cardiovascular
      events over three years.""",
      "Allopurinol;Cardiovascular events;Gout;Nurses;Primary care;Randomized Controlled Trials;Treat-to-target;Uric Acid",
      sy=3),
    G("R03", "AR", "ACTS", 2023, "clin",
      "Polygenic and dietary contributions to hyperuricemia in Pacific Islander adults",
      """We will analyze genotype and dietary data from 2,200 adults of Pacific Islander ancestry to estimate contributions of
      ABCG2 and SLC2A9 variants and fructose intake to urate levels.""",
      "ABCG2;Diet;Fructose;Genetic Polymorphism;Hyperuricemia;Pacific Islander;SLC2A9"),
])

P("rh_oa", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AG", "NAME", (2022, 2024), "clin",
      "Knee structural pathology, pain sensitization and mobility disability in community-dwelling older adults",
      """Knee osteoarthritis is a leading cause of mobility disability. In a cohort of 3,000 adults aged 50-79 with knee
      MRI, quantitative sensory testing and accelerometry, we will test whether central sensitization and synovitis
      modify the relation between cartilage damage and incident mobility limitation, and whether walking interventions
      prevent disability among sensitized individuals.""",
      "Accelerometry;Aged;Central sensitization;Cohort Studies;Knee Osteoarthritis;Magnetic Resonance Imaging;Mobility disability;Pain;Quantitative sensory testing;Synovitis",
      sy=3),
])

P("derm_psor", "DERMATOLOGY", [
    G("R01", "AR", "ZAR1-SKIN", (2022, 2024), "basic",
      "Keratinocyte IL-17 signaling and inflammatory memory in psoriasis",
      """Psoriatic plaques recur at the same sites after biologic therapy is stopped, suggesting tissue memory of
      inflammation. We will test whether epidermal stem cells retain chromatin accessibility at IL-17 target genes after
      resolution, using imiquimod-induced inflammation in mice, lineage tracing, single-cell ATAC sequencing of
      resolved human psoriatic skin, and CRISPR deletion of candidate enhancers in keratinocytes.""",
      "Chromatin;Epidermal stem cells;Imiquimod;Inflammatory memory;Interleukin-17;Keratinocytes;Psoriasis;Recurrence;Single cell ATAC-seq;Skin",
      sy=2),
    G("R01", "AR", "ZAR1-SKIN", 2025, "trans",
      "Tissue-resident memory T cells in vitiligo relapse",
      """We will phenotype CD8+ resident memory T cells in lesional and repigmented skin from patients treated with
      JAK inhibitors and test IL-15 blockade to prevent relapse in a mouse model of vitiligo.""",
      "CD8 T cells;IL-15;JAK inhibitor;Memory T cells;Relapse;Skin;Vitiligo"),
])

P("derm_hs", "DERMATOLOGY", [
    G("K23", "AR", "AMS", (2022, 2024), "clin",
      "Disease burden and treatment pathways in hidradenitis suppurativa in a multisite registry",
      """Hidradenitis suppurativa causes painful nodules and tunnels in intertriginous skin and disproportionately
      affects Black women. The candidate will establish a multisite registry of 800 patients, validate an ultrasound
      severity score and evaluate adalimumab persistence and surgical deroofing outcomes.""",
      "Adalimumab;Black women;Career development;Hidradenitis Suppurativa;Registries;Skin;Surgery;Ultrasonography",
      sy=2),
    G("R01", "AR", "ZAR1-SKIN", 2025, "clin",
      "Pragmatic trial of laser hair removal to prevent flares of hidradenitis suppurativa",
      """We will randomize 320 patients with moderate hidradenitis suppurativa to Nd:YAG laser or usual care and measure
      flare frequency and patient-reported pain.""",
      "Flare;Hidradenitis Suppurativa;Laser Therapy;Pain;Pragmatic clinical trial"),
])

P("derm_mel", "DERMATOLOGY", [
    G("R01", "CA", "CAMP", (2021, 2023), "trans",
      "Gene expression profiling and digital pathology to stratify thin melanomas",
      """Most melanoma deaths arise from tumors initially diagnosed as thin (<1 mm) lesions. Using 2,800 archived thin
      melanomas with 10-year follow-up, we will combine a 31-gene expression profile with deep learning on whole-slide
      images to predict recurrence and sentinel node positivity.""",
      "Deep Learning;Digital pathology;Gene Expression Profiling;Melanoma;Prognosis;Recurrence;Sentinel Lymph Node;Whole slide imaging",
      sy=2),
    G("R21", "AR", "ZAR1-SKIN", 2024, "clin",
      "Teledermatology triage of pigmented lesions in rural primary care",
      """We will pilot store-and-forward dermoscopic teledermatology for pigmented lesions in 12 rural practices and
      measure time to biopsy and diagnostic accuracy.""",
      "Dermoscopy;Melanoma;Primary care;Rural;Skin Neoplasms;Telemedicine;Triage"),
])

P("derm_wound", None, [
    G("R01", "AR", "ZAR1-SKIN", (2023, 2025), "basic",
      "Fibroblast lineages and scarless regeneration of hair follicles in large wounds",
      """Large skin wounds in mice regenerate hair follicles at their centre through reprogramming of fibroblasts, whereas
      human wounds scar. We will use lineage tracing, single-cell multiome and hedgehog pathway activation in
      human skin organoids to convert scar-forming fibroblasts into dermal papilla-like cells.""",
      "Dermal papilla;Fibroblasts;Hair follicle;Hedgehog;Lineage Tracing;Regeneration;Scar;Skin organoids;Wound Healing",
      sy=2),
])
# ---------------------------------------------------------------- aging
P("ger_deprescr", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AG", "ASG", (2022, 2024), "clin",
      "Pharmacist-led deprescribing of sedative-hypnotics and anticholinergics for nursing home residents with dementia",
      """Residents of nursing homes with dementia frequently receive medications that impair cognition and raise fall
      risk. We will conduct a cluster-randomized trial in 60 nursing homes of a consultant pharmacist intervention with
      prescriber feedback and family engagement, measuring anticholinergic burden, falls, hospital transfers and
      behavioral symptoms in 3,600 residents over 12 months, with Minimum Data Set assessments as outcome sources.""",
      "Anticholinergic agents;Cluster randomized trial;Dementia;Deprescribing;Falls;Minimum Data Set;Nursing Homes;Pharmacists;Polypharmacy;Sedatives",
      phr="Many nursing home residents with dementia take medicines that do more harm than good. We test a program to safely stop them.", sy=2),
    G("R01", "AG", "ASG", 2025, "clin",
      "Time to benefit of preventive medications in adults with limited life expectancy",
      """We will pool individual patient data from statin, antihypertensive and bisphosphonate trials to estimate time to
      benefit and help clinicians match preventive therapy to life expectancy in older adults.""",
      "Aged;Bisphosphonates;Life Expectancy;Meta-Analysis;Prevention;Statins;Time to benefit"),
])

P("ger_frail", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AG", "ASG", (2021, 2023), "trans",
      "Skeletal muscle mitochondrial energetics and physical frailty in older adults",
      """Frailty predicts disability and mortality but its biology is poorly understood. Using 31P magnetic resonance
      spectroscopy, high-resolution respirometry of muscle biopsies and plasma metabolomics in 880 adults aged 70 and older,
      we will test whether impaired mitochondrial ATP production explains slow gait and fatigability, and whether a
      16-week resistance and aerobic exercise program improves energetics in frail participants.""",
      "Aged;Exercise;Fatigability;Frailty;Gait speed;Magnetic Resonance Spectroscopy;Metabolomics;Mitochondria;Respirometry;Skeletal Muscle",
      sy=3),
])

P("ger_delirium", "INTERNAL MEDICINE/MEDICINE", [
    G("R01", "AG", "ASG", (2022, 2023), "clin",
      "Postoperative delirium, plasma biomarkers of neuronal injury, and long-term cognitive trajectory",
      """Delirium after major elective surgery affects one in four older adults and is associated with accelerated
      cognitive decline. In a cohort of 600 patients aged 70 and older undergoing orthopedic, vascular and abdominal
      operations, we will measure neurofilament light, GFAP and phosphorylated tau before and after surgery, assess
      delirium daily, and follow cognition for four years.""",
      "Aged;Biomarkers;Cognitive decline;Delirium;GFAP;Neurofilament light;Phosphorylated tau;Postoperative Period;Surgery",
      sy=4),
    G("K24", "AG", "NIA-C", 2024, "clin",
      "Mentoring in patient-oriented research on delirium and acute brain dysfunction",
      """This award supports the candidate to mentor fellows and junior faculty in delirium research, including
      secondary analyses of surgical cohorts and new pragmatic trials in hospital medicine.""",
      "Career development;Delirium;Hospital medicine;Mentors;Older adults;Patient-oriented research"),
])

P("ger_falls", None, [
    G("K23", "AG", "NIA-C", (2023, 2025), "clin",
      "Falls and injurious falls in the 90 days after hospital discharge",
      """The candidate will use Medicare claims linked to a hospital cohort to identify older adults at high risk of
      injurious falls after discharge, and pilot a home-based physical therapy and home-hazard intervention.""",
      "Career development;Falls;Home care;Hospital discharge;Injury;Medicare;Older adults;Physical therapy",
      sy=2),
])

P("ger_senesc", "PHYSIOLOGY", [
    G("P01", "AG", "NIA-C", (2021, 2023), "basic",
      "Senescent cells as drivers of multimorbidity: mechanisms and interventions",
      """This program project tests the hypothesis that accumulation of senescent cells drives multiple age-related
      diseases. Project 1 examines the senescence-associated secretory phenotype in adipose tissue; Project 2 studies
      senescent osteocytes and bone loss; Project 3 conducts a pilot trial of intermittent senolytic therapy in older
      adults with frailty. Cores provide p16 reporter mice, senescence biomarker assays and biostatistics.""",
      "Aging;Bone loss;Cell Aging;Frailty;Multimorbidity;p16;Program project;Senescence-associated secretory phenotype;Senolytics",
      sy=6),
])

P("ger_hospice", None, [
    G("R01", "AG", "ASG", (2023, 2024), "clin",
      "Hospice live discharge among persons living with dementia",
      """Live discharge from hospice disrupts care for people with dementia. Using Medicare hospice claims for 1.1 million
      beneficiaries, we will examine hospice organization ownership and live discharge, and subsequent hospitalizations.""",
      "Alzheimer's disease;Dementia;End of life care;For-profit;Hospice;Live discharge;Medicare"),
], rank="ASSOCIATE PROFESSOR")
# ---------------------------------------------------------------- neurology
P("neu_pd", "NEUROLOGY", [
    G("R01", "NS", "CDIN", (2022, 2024), "basic",
      "Alpha-synuclein seeding from the gut to the brainstem and vagal propagation",
      """Misfolded alpha-synuclein may propagate from the enteric nervous system to the brain via the vagus nerve. We will
      inject preformed fibrils into the duodenal wall of wild-type and Snca-knockout mice, perform selective truncal
      vagotomy, and track pathology and dopaminergic neuron loss longitudinally with tissue clearing and light-sheet
      microscopy. In parallel, we will use seed amplification assays on colonic biopsies from people with REM sleep
      behavior disorder to test whether enteric seeds precede motor parkinsonism.""",
      "Alpha-synuclein;Enteric Nervous System;Light-sheet microscopy;Parkinson Disease;Preformed fibrils;REM sleep behavior disorder;Seed amplification assay;Vagotomy;Vagus nerve",
      sy=2),
])

P("neu_stroke", "NEUROLOGY", [
    G("U01", "NS", "BINP", (2022, 2024), "clin",
      "Tenecteplase for wake-up stroke selected by perfusion imaging in community hospitals",
      """Patients who wake with stroke symptoms are excluded from thrombolysis because onset time is unknown. This
      multicenter trial, coordinated through a national stroke trials network, will randomize 800 patients with
      wake-up or unknown-onset ischemic stroke and salvageable tissue on automated CT perfusion to tenecteplase or
      placebo. The primary outcome is the 90-day modified Rankin Scale; telestroke consultation enables enrollment at
      community hospitals.""",
      "Brain Ischemia;Clinical Trials;Computed tomography perfusion;Modified Rankin Scale;Multicenter Studies;Stroke;Telemedicine;Tenecteplase;Thrombolysis;Wake-up stroke",
      sy=2),
    G("R01", "NS", "ANIE", 2023, "clin",
      "Post-stroke depression and functional recovery: a registry-based cohort",
      """We will link a 30-hospital stroke registry to outpatient records to study post-stroke depression treatment and
      its association with functional independence at one year.""",
      "Antidepressive Agents;Cohort Studies;Depression;Functional recovery;Registries;Stroke",
      sy=3),
])

P("neu_epi", "NEUROLOGY", [
    G("R01", "NS", "ANIE", (2021, 2023), "trans",
      "Postictal brainstem dysfunction and sudden unexpected death in epilepsy",
      """Sudden unexpected death in epilepsy (SUDEP) follows generalized convulsive seizures with postictal apnea. Using
      video-EEG with respiratory monitoring in 400 patients in epilepsy monitoring units and a DBA/1 mouse model, we
      will test whether serotonergic dysfunction in the brainstem causes postictal central apnea and whether selective
      serotonin reuptake inhibitors reduce its duration.""",
      "Apnea;Brain Stem;EEG;Epilepsy;Epilepsy monitoring unit;Mus;Selective Serotonin Reuptake Inhibitors;Serotonin;SUDEP;Tonic-clonic seizures",
      sy=4),
])

P("neu_als", "NEUROLOGY", [
    G("R01", "NS", "CDIN", (2023, 2025), "basic",
      "Cryptic exon inclusion after TDP-43 loss in human motor neurons",
      """Nuclear depletion of TDP-43 in amyotrophic lateral sclerosis (ALS) causes inclusion of cryptic exons in
      transcripts such as STMN2 and UNC13A. Using iPSC-derived motor neurons with inducible TDP-43 knockdown,
      patch-clamp electrophysiology, long-read RNA sequencing and antisense oligonucleotides, we will determine which
      cryptic exons drive axonal and synaptic failure and test ASOs that restore STMN2.""",
      "Amyotrophic Lateral Sclerosis;Antisense Oligonucleotides;Cryptic exon;Electrophysiology;Induced pluripotent stem cell;Long-read sequencing;Motor Neurons;STMN2;TDP-43;UNC13A",
      sy=2),
])

P("neu_ms", None, [
    G("K23", "NS", "NSD", (2022, 2023), "clin",
      "Paramagnetic rim lesions and smoldering disability in multiple sclerosis",
      """The candidate will quantify paramagnetic rim lesions on susceptibility-weighted 7T MRI in 250 patients with
      relapsing multiple sclerosis and relate them to progression independent of relapse activity and serum
      neurofilament light.""",
      "7 Tesla;Career development;Magnetic Resonance Imaging;Multiple Sclerosis;Neurofilament light;Progression;Susceptibility weighted imaging",
      sy=3),
])

P("neu_ad", "NEUROLOGY", [
    G("R01", "AG", "CNN", (2021, 2023), "clin",
      "Plasma p-tau217 for diagnosis of Alzheimer's disease in diverse primary care populations",
      """Blood tests for phosphorylated tau promise earlier diagnosis of Alzheimer's disease, but performance in diverse
      primary care populations with comorbid kidney disease is untested. We will enroll 1,500 adults with cognitive
      complaints in 20 primary care clinics, compare plasma p-tau217 with amyloid PET, and evaluate the impact of eGFR
      and race on accuracy.""",
      "Alzheimer's Disease;Amyloid PET;Blood test;Chronic Kidney Diseases;Diagnosis;Diversity;Phosphorylated tau;Primary care",
      sy=2),
    G("R01", "AG", "CNN", 2024, "clin",
      "Anti-amyloid antibody therapy eligibility and amyloid-related imaging abnormalities in community practice",
      """We will establish a registry of patients treated with lecanemab and donanemab in community neurology practices to
      describe eligibility, ARIA incidence and APOE4-associated risk.""",
      "Amyloid;APOE4;ARIA;Alzheimer's Disease;Donanemab;Lecanemab;Registries"),
])

P("neu_migraine", "NEUROLOGY", [
    G("R01", "NS", "SPS", (2022, 2024), "basic",
      "CGRP signaling in the trigeminal ganglion and medication-overuse headache",
      """Frequent use of triptans converts episodic to chronic migraine. We will use a mouse model of medication-overuse
      headache, in vivo calcium imaging of trigeminal ganglion neurons, and satellite glial cell-specific knockouts to
      determine how CGRP and PACAP sensitize nociceptors.""",
      "Calcium imaging;CGRP;Headache;Migraine;Nociceptors;PACAP;Satellite glia;Trigeminal Ganglion;Triptans",
      sy=3),
])

P("neu_autism", "NEUROLOGY", [
    G("R01", "NS", "DBD", (2023, 2024), "trans",
      "SCN2A loss-of-function, dendritic excitability and autism with seizures",
      """Loss-of-function variants in SCN2A cause autism and late-onset seizures. We will use heterozygous mice and
      patient-derived cortical organoids to study dendritic excitability, and a natural history study of 120 children to
      define EEG biomarkers.""",
      "Autism;Child;Cortical organoids;Dendrites;EEG;Epilepsy;Natural history;SCN2A;Seizures",
      sy=2),
])
# ---------------------------------------------------------------- neurosurgery
P("nsg_dbs", "NEUROSURGERY", [
    G("R01", "NS", "NT", (2022, 2024), "trans",
      "Adaptive deep brain stimulation driven by cortical gamma oscillations in Parkinson's disease",
      """Conventional deep brain stimulation (DBS) delivers continuous stimulation regardless of symptom fluctuation. Using
      a sensing-enabled neurostimulator implanted in the subthalamic nucleus with a subdural electrocorticography strip
      over motor cortex, we will record chronically at home in 30 patients, identify narrowband gamma signatures of
      dyskinesia, and test an adaptive algorithm in a randomized crossover trial.""",
      "Closed-loop;Deep Brain Stimulation;Dyskinesia;Electrocorticography;Gamma oscillations;Neurostimulator;Parkinson Disease;Subthalamic Nucleus",
      sy=3),
    G("UG3", "NS", "NT", (2024, 2025), "clin",
      "Responsive neurostimulation of the thalamus for generalized epilepsy: a feasibility trial",
      """We will implant responsive neurostimulation devices targeting the centromedian thalamus in 20 patients with
      drug-resistant idiopathic generalized epilepsy and measure seizure reduction and safety before a pivotal trial.""",
      "Centromedian nucleus;Drug resistant epilepsy;Feasibility Studies;Generalized Epilepsy;Neurostimulation;Thalamus"),
])

P("nsg_glioma", "NEUROSURGERY", [
    G("R01", "CA", "TCB", (2021, 2023), "basic",
      "Neuron-glioma synapses and activity-dependent growth of glioblastoma",
      """Glioblastoma cells form glutamatergic synapses with neurons, and neuronal activity promotes tumor growth. Using
      intraoperative electrocorticography, awake-mapping tissue sampling and patient-derived xenografts, we will test
      whether AMPA receptor blockade with perampanel reduces tumor proliferation and whether high-connectivity tumor
      regions predict shorter survival.""",
      "AMPA receptor;Electrocorticography;Glioblastoma;Glioma;Neurons;Patient derived xenograft;Perampanel;Synapses",
      sy=2),
    G("R01", "NS", "NT", (2024, 2025), "clin",
      "Laser interstitial thermal therapy versus re-resection for recurrent glioblastoma",
      """We will compare MRI-guided laser interstitial thermal therapy with repeat open resection for recurrent
      glioblastoma in a multicenter prospective comparative study, measuring survival, functional status and hospital
      length of stay.""",
      "Glioblastoma;Laser interstitial thermal therapy;Magnetic Resonance Imaging;Recurrence;Reoperation;Survival"),
])

P("nsg_sah", "NEUROSURGERY", [
    G("R01", "NS", "BINP", (2022, 2023), "trans",
      "Spreading depolarizations and delayed cerebral ischemia after aneurysmal subarachnoid hemorrhage",
      """Delayed cerebral ischemia causes much of the disability after aneurysmal subarachnoid hemorrhage. Using subdural
      electrode strips placed at aneurysm clipping and scalp EEG in 180 patients, we will test whether clusters of
      spreading depolarization predict infarction and whether ketamine infusion suppresses them.""",
      "Aneurysm;Cerebral Ischemia;Electrocorticography;Ketamine;Neurocritical care;Spreading depolarization;Subarachnoid Hemorrhage",
      sy=4),
])

P("nsg_mma", None, [
    G("K08", "NS", "NSD", (2023, 2024), "clin",
      "Middle meningeal artery embolization for chronic subdural hematoma in older adults",
      """The candidate, a neurosurgeon, will study recurrence after middle meningeal artery embolization for chronic
      subdural hematoma using a multicenter registry and pilot a trial of embolization versus surgery alone in adults
      over 75, while training in trial methodology.""",
      "Aged;Career development;Embolization;Hematoma, Subdural, Chronic;Middle meningeal artery;Recurrence;Registries",
      sy=2),
])

P("nsg_sci", "NEUROSURGERY", [
    G("R01", "NS", "MFSR", (2022, 2024), "clin",
      "Epidural spinal cord stimulation and task-specific training after chronic cervical spinal cord injury",
      """Epidural stimulation of the lumbar cord enables stepping in some people with paralysis. We will implant
      stimulators over the cervical enlargement in 16 participants with chronic incomplete tetraplegia and test
      whether stimulation combined with intensive hand training improves grasp and independence.""",
      "Epidural stimulation;Hand function;Neuromodulation;Rehabilitation;Spinal Cord Injuries;Tetraplegia",
      sy=2),
])

P("nsg_tbi", "NEUROSURGERY", [
    G("R01", "NS", "BINP", (2023, 2025), "clin",
      "Brain tissue oxygen monitoring to guide management of severe traumatic brain injury in low- and middle-income countries",
      """We will evaluate intracranial pressure and brain tissue oxygen-guided treatment protocols in 400 patients with
      severe traumatic brain injury at neurosurgical centers in Colombia and Ecuador.""",
      "Brain Injuries, Traumatic;Brain tissue oxygen;Colombia;Developing Countries;Ecuador;Intracranial Pressure;Neurocritical care",
      sy=1),
])
# ---------------------------------------------------------------- mind and behaviour
P("psy_ketamine", "PSYCHIATRY", [
    G("R01", "MH", "APDA", (2022, 2024), "clin",
      "Ketamine versus electroconvulsive therapy in older adults with treatment-resistant depression: cognitive outcomes",
      """Electroconvulsive therapy (ECT) is the most effective treatment for treatment-resistant depression but carries
      cognitive side effects that concern older patients. We will randomize 400 adults aged 55 and older with
      nonpsychotic treatment-resistant major depression to serial intravenous ketamine or ECT across six sites. Primary
      outcomes are remission on the Montgomery-Asberg Depression Rating Scale and change in delayed memory; a
      mechanistic component uses resting-state fMRI to test whether early connectivity changes predict response.""",
      "Aged;Cognition;Depression;Electroconvulsive Therapy;fMRI;Ketamine;Major Depressive Disorder;Memory;Randomized Controlled Trials;Treatment resistant depression",
      phr="Older adults with hard-to-treat depression need options that protect memory. We compare ketamine with ECT.", sy=2),
    G("R34", "MH", "ZMH1", 2025, "clin",
      "Measurement-based care for late-life depression in primary care clinics",
      """This pilot will adapt and test feasibility of a measurement-based antidepressant titration protocol supported by
      care managers in six primary care clinics serving older adults.""",
      "Aged;Care management;Depression;Feasibility Studies;Measurement-based care;Primary care"),
])

P("psy_bup", "EMERGENCY MEDICINE", [
    G("R01", "DA", "IPTA", (2022, 2024), "clin",
      "Emergency department-initiated buprenorphine and peer navigation for opioid use disorder",
      """Emergency departments see patients with opioid use disorder after overdose, but few start treatment. We will
      conduct a stepped-wedge trial in 18 emergency departments of an implementation strategy combining
      clinician training, electronic order sets, peer recovery navigators and bridge clinics, measuring engagement in
      addiction treatment 30 days after the visit and fatal and nonfatal overdose from state databases.""",
      "Buprenorphine;Emergency Department;Implementation science;Opioid Use Disorder;Overdose;Peer navigation;Stepped-wedge;Substance Use Disorder",
      sy=2),
    G("K24", "DA", "IPTA", 2023, "clin",
      "Mentoring in patient-oriented addiction research in acute care settings",
      """This award supports the candidate to mentor early-career emergency physicians and addiction specialists in
      patient-oriented research on opioid, stimulant and alcohol use disorders in acute care.""",
      "Acute care;Addiction;Career development;Emergency medicine;Mentors;Opioid Use Disorder"),
])

P("psy_psychosis", "PSYCHIATRY", [
    G("R01", "MH", "ZMH1", (2021, 2023), "clin",
      "Coordinated specialty care, clozapine timing and outcomes in first-episode psychosis",
      """Among young people with first-episode psychosis, treatment resistance emerges early, yet clozapine is delayed by
      years. In a learning health network of 40 coordinated specialty care programs, we will estimate the effect of
      earlier clozapine initiation on hospitalization and functioning, using target trial emulation in harmonized
      clinical data.""",
      "Antipsychotic Agents;Clozapine;Coordinated specialty care;First episode psychosis;Hospitalization;Learning health system;Schizophrenia;Target trial emulation",
      sy=3),
])

P("psy_suicide", None, [
    G("K23", "MH", "ZMH1", (2023, 2025), "clin",
      "Smartphone digital phenotyping to forecast suicidal crises after psychiatric hospitalization",
      """The weeks after psychiatric discharge carry the highest suicide risk. The candidate will collect passive
      smartphone sensor data and ecological momentary assessment from 200 adults for 90 days after discharge, develop
      machine learning models of short-term suicidal ideation, and train in digital mental health and ethics.""",
      "Career development;Digital phenotyping;Ecological momentary assessment;Hospitalization;Machine Learning;Smartphone;Suicidal Ideation;Suicide",
      sy=2),
])

P("psy_adhd", "PSYCHIATRY", [
    G("R01", "MH", "CPDD", (2022, 2023), "clin",
      "Stimulant treatment trajectories and substance use in adolescents with ADHD: a national claims cohort",
      """We will use commercial and Medicaid claims for 1.2 million youth with attention-deficit/hyperactivity disorder
      to estimate how continuity of stimulant treatment relates to substance use disorders, injuries and school-related
      outcomes, using sibling comparison and within-individual designs.""",
      "Adolescent;Attention deficit hyperactivity disorder;Claims;Cohort Studies;Injuries;Medicaid;Sibling comparison;Stimulants;Substance Use Disorder",
      sy=2),
])

P("psy_aud", "NEUROSCIENCE", [
    G("R01", "AA", "ARM", (2021, 2023), "basic",
      "Extended amygdala CRF circuits and negative affect during alcohol withdrawal",
      """Negative affect during withdrawal drives relapse in alcohol use disorder. Using chronic intermittent ethanol vapor
      exposure in rats, fiber photometry and chemogenetic silencing of CRF neurons in the bed nucleus of the stria
      terminalis, we will test how these circuits promote escalated drinking.""",
      "Alcohol use disorder;Amygdala;Bed nucleus of stria terminalis;Chemogenetics;Corticotropin-Releasing Factor;Ethanol;Fiber photometry;Rattus;Withdrawal",
      sy=5),
])

P("psy_stress", None, [
    G("R01", "MH", "MESH", (2023, 2024), "basic",
      "Microglial synaptic pruning in the prefrontal cortex after chronic social defeat stress",
      """We will use chronic social defeat in mice, microglia-specific complement receptor deletion and two-photon imaging
      of dendritic spines to test whether microglia drive stress-induced synapse loss and anhedonia.""",
      "Anhedonia;Complement;Dendritic Spines;Microglia;Mus;Prefrontal Cortex;Social defeat;Stress;Two-photon microscopy",
      sy=2),
])

P("psy_perinatal", "OBSTETRICS & GYNECOLOGY", [
    G("R01", "MH", "APDA", (2023, 2025), "clin",
      "Task-shared behavioral activation for perinatal depression delivered by community health workers",
      """We will test behavioral activation delivered by trained community health workers versus enhanced usual care in 560
      pregnant people with depression in Federally Qualified Health Centers, measuring depressive symptoms and infant
      outcomes at six months postpartum.""",
      "Behavioral activation;Community Health Workers;Depression;Infant;Postpartum;Pregnancy;Randomized Controlled Trials;Task sharing",
      sy=1),
])
# ---------------------------------------------------------------- children
P("ped_bpd", "PEDIATRICS", [
    G("R01", "HD", "CHHD-A", (2022, 2024), "clin",
      "Early less-invasive surfactant and bronchopulmonary dysplasia in extremely preterm infants",
      """Bronchopulmonary dysplasia (BPD) remains the most common morbidity of extreme prematurity. We will randomize 700
      infants born at 23-28 weeks' gestation at 16 neonatal intensive care units to surfactant administered through a
      thin catheter while on CPAP versus intubation-surfactant-extubation. The primary outcome is survival without
      BPD at 36 weeks' postmenstrual age; secondary outcomes include neurodevelopment at two years.""",
      "Bronchopulmonary Dysplasia;Continuous Positive Airway Pressure;Extremely preterm;Infant, Premature;Neonatal Intensive Care Units;Neurodevelopment;Randomized Controlled Trials;Surfactant",
      sy=2),
])

P("ped_obesity", "PEDIATRICS", [
    G("R01", "HD", "CHHD-A", (2021, 2023), "clin",
      "Family-based treatment for childhood obesity integrated into pediatric primary care",
      """Intensive family-based behavioral treatment reduces excess weight in children but rarely reaches primary care.
      We will randomize 600 children aged 6 to 12 with obesity in 20 pediatric practices to practice-integrated
      family-based treatment delivered by a trained coach versus usual care, with BMI percent of 95th percentile as
      primary outcome and parent weight as secondary outcome.""",
      "Behavioral treatment;Body mass index;Child;Family-based treatment;Obesity;Parents;Primary care;Randomized Controlled Trials",
      sy=3),
])

P("ped_sepsis", "PEDIATRICS", [
    G("K23", "HD", "CHHD-A", (2022, 2024), "clin",
      "Electronic health record-based recognition of pediatric sepsis in general emergency departments",
      """Most children with sepsis present to general rather than pediatric emergency departments. The candidate will
      develop and validate an EHR-embedded sepsis screening algorithm across 25 emergency departments, evaluate
      time to antibiotics and fluid resuscitation, and train in clinical informatics.""",
      "Antibiotics;Career development;Child;Electronic Health Record;Emergency Department;Fluid resuscitation;Informatics;Sepsis;Screening",
      sy=2),
])

P("ped_echo", None, [
    G("UG3", "OD", "ZRG1", (2023, 2024), "clin",
      "Prenatal chemical exposures and early childhood neurodevelopment in a multi-cohort consortium",
      """As part of a national pediatric cohort consortium, our site will follow 1,200 mother-child pairs from pregnancy,
      measuring urinary phthalates, PFAS and air pollution exposures and child language and executive function at ages
      2 to 5.""",
      "Air Pollution;Child;Cohort Studies;Executive function;Language;Neurodevelopment;PFAS;Phthalates;Pregnancy;Prenatal exposure"),
], rank="PROFESSOR")

P("ped_rsv", "PEDIATRICS", [
    G("R01", "AI", "MID", (2022, 2023), "clin",
      "Nirsevimab effectiveness against RSV hospitalization and recurrent wheeze in infants",
      """We will use active surveillance in seven pediatric hospitals and a birth cohort of 3,000 infants to estimate the
      effectiveness of the long-acting monoclonal antibody nirsevimab against RSV-associated hospitalization and
      recurrent wheeze through age three.""",
      "Hospitalization;Infant;Monoclonal Antibodies;Nirsevimab;Respiratory Syncytial Virus;Surveillance;Vaccine effectiveness;Wheezing",
      sy=2),
])

P("ped_kawasaki", "PEDIATRICS", [
    G("R01", "HL", "CDD", (2023, 2025), "trans",
      "Coronary artery aneurysm formation in Kawasaki disease and MIS-C",
      """We will compare coronary outcomes and immune profiles in children with Kawasaki disease and multisystem
      inflammatory syndrome in children (MIS-C), using echocardiographic z-scores, single-cell profiling of blood and a
      Lactobacillus casei cell wall extract mouse model of coronary arteritis.""",
      "Child;Coronary aneurysm;Echocardiography;IL-1;Kawasaki disease;MIS-C;Single-cell RNA sequencing;Vasculitis",
      sy=1),
])

P("ped_nicu", "PEDIATRICS", [
    G("R01", "HD", "CHHD-A", (2023, 2024), "trans",
      "Gut microbiome, human milk oligosaccharides and necrotizing enterocolitis in very preterm infants",
      """We will collect serial stool and breast milk from 900 very preterm infants to relate Bifidobacterium colonization
      and milk oligosaccharide composition to necrotizing enterocolitis, and test protective oligosaccharides in a
      neonatal mouse model.""",
      "Bifidobacterium;Breast Milk;Infant, Premature;Microbiome;Necrotizing Enterocolitis;Oligosaccharides",
      sy=2),
])
# ---------------------------------------------------------------- women's health
P("ob_preecl", "OBSTETRICS & GYNECOLOGY", [
    G("R01", "HD", "CHHD-H", (2022, 2024), "trans",
      "Placental extracellular vesicles and angiogenic imbalance in preterm preeclampsia",
      """Preeclampsia is a leading cause of maternal and perinatal morbidity. The ratio of soluble fms-like tyrosine
      kinase-1 to placental growth factor predicts preterm preeclampsia, but the sources of sFlt-1 and its effects on
      the maternal endothelium are incompletely understood. In a prospective cohort of 2,000 nulliparous pregnancies
      with serial sampling, we will isolate placenta-derived extracellular vesicles, measure their sFlt-1 and microRNA
      cargo, and test their effects on endothelial function in human umbilical and uterine artery preparations.""",
      "Angiogenic factors;Endothelium;Extracellular vesicles;MicroRNAs;Nulliparity;Placenta;Placental Growth Factor;Pre-Eclampsia;Pregnancy;sFlt-1",
      sy=2),
    G("R01", "HD", "PN", 2025, "clin",
      "Aspirin dosing by body mass index for preeclampsia prevention",
      """We will randomize 1,600 pregnant people at high risk of preeclampsia with BMI of 30 or more to 81 mg or 162 mg
      aspirin daily from 12 weeks' gestation, with preterm preeclampsia as the primary outcome.""",
      "Aspirin;Body mass index;Obesity;Pre-Eclampsia;Pregnancy;Prevention;Randomized Controlled Trials"),
])

P("ob_endomet", "OBSTETRICS & GYNECOLOGY", [
    G("R01", "HD", "CMIR", (2021, 2023), "basic",
      "Progesterone resistance and stromal decidualization in endometriosis",
      """Endometriosis affects one in ten women and causes pain and infertility. Ectopic and eutopic endometrium in
      affected women resist progesterone. Using endometrial organoids and stromal assembloids from patients, single-cell
      sequencing of paired eutopic and lesion samples, and a syngeneic mouse model, we will determine how epigenetic
      silencing of progesterone receptor targets impairs decidualization.""",
      "Assembloids;Decidualization;Endometriosis;Endometrium;Epigenetics;Infertility;Organoids;Pain;Progesterone;Progesterone Receptor",
      sy=4),
])

P("ob_pphtn", "OBSTETRICS & GYNECOLOGY", [
    G("K23", "HD", "CHHD-H", (2023, 2024), "clin",
      "Remote blood pressure monitoring after hypertensive disorders of pregnancy among Black postpartum patients",
      """Most severe postpartum hypertension occurs after discharge. The candidate will evaluate a text-based remote blood
      pressure monitoring program in 500 postpartum patients at two safety-net hospitals and study barriers to
      follow-up, with training in implementation science.""",
      "Black race;Blood Pressure;Career development;Hypertension, Pregnancy-Induced;Postpartum;Remote monitoring;Safety-net;Text Messaging",
      sy=2),
])

P("ob_matmort", None, [
    G("R01", "HD", "CHHD-H", (2022, 2023), "clin",
      "Severe maternal morbidity in rural hospitals after obstetric unit closures",
      """We will link hospital discharge and vital records in nine states to assess how obstetric unit closures affect
      travel distance, out-of-hospital births and severe maternal morbidity, with a focus on rural and American Indian
      communities.""",
      "American Indian;Birth;Hospital closure;Maternal morbidity;Obstetrics;Rural;Vital Statistics",
      sy=3),
])

P("ob_fibroid", "OBSTETRICS & GYNECOLOGY", [
    G("R01", "HD", "CMIR", (2023, 2025), "basic",
      "MED12 mutations and extracellular matrix deposition in uterine leiomyoma",
      """Uterine fibroids affect most women by age 50 and are more common and severe in Black women. We will use
      MED12-mutant fibroid organoids and CRISPR-engineered myometrial stem cells to define how mutant MED12 drives
      collagen deposition and test vitamin D and selective progesterone receptor modulators.""",
      "Collagen;CRISPR/Cas technology;Extracellular Matrix;Leiomyoma;MED12;Myometrium;Organoids;Uterine Fibroids;Vitamin D",
      sy=2),
])
# ---------------------------------------------------------------- surgery
P("gs_tic", "SURGERY", [
    G("R01", "GM", "SAT", (2022, 2024), "trans",
      "Prehospital whole blood and fibrinogen in trauma-induced coagulopathy",
      """Hemorrhage is the leading cause of preventable death after injury. Trauma-induced coagulopathy develops within
      minutes and is driven by endothelial glycocalyx shedding, fibrinogen depletion and hyperfibrinolysis. We will
      combine a prehospital cohort of 900 injured patients receiving low-titer O whole blood by helicopter and ground
      ambulance with viscoelastic testing and plasma proteomics, and a murine polytrauma model, to determine which
      patients benefit from early fibrinogen replacement and how syndecan-1 shedding relates to fibrinolysis shutdown.""",
      "Blood Coagulation Disorders;Blood transfusion;Fibrinogen;Fibrinolysis;Glycocalyx;Hemorrhage;Prehospital;Thromboelastography;Trauma;Whole blood",
      phr="Bleeding after injury kills many patients before they reach a hospital. We test whether giving whole blood and fibrinogen sooner helps.", sy=3),
    G("K24", "GM", "SAT", 2025, "clin",
      "Mentoring in patient-oriented trauma and acute care surgery research",
      """This award supports the candidate to mentor surgical residents and junior faculty in trauma resuscitation trials,
      registry-based outcomes research and studies of firearm injury recovery.""",
      "Acute care surgery;Career development;Firearm injury;Mentors;Patient-oriented research;Resuscitation;Trauma"),
])

P("gs_egs", "SURGERY", [
    G("R01", "GM", "SAT", (2023, 2025), "clin",
      "Nonoperative management versus appendectomy for uncomplicated appendicitis in older and medically complex patients",
      """Antibiotic treatment is an accepted alternative to appendectomy, but older and medically complex patients were
      underrepresented in trials. Using statewide all-payer discharge data linked to emergency visits and a prospective
      cohort at 24 hospitals, we will compare recurrence, complications, days at home and costs, applying
      instrumental-variable analysis of surgeon preference.""",
      "Antibiotics;Appendectomy;Appendicitis;Comparative Effectiveness Research;Emergency general surgery;Instrumental variable;Older adults;Outcomes research;Surgeon preference",
      sy=2),
    G("R03", "GM", "SAT", 2022, "clin",
      "Validation of frailty indices in the surgical quality improvement registry",
      """We will validate frailty indices derived from NSQIP registry variables against performance-based measures in 600
      patients undergoing emergency general surgery.""",
      "Emergency general surgery;Frailty;NSQIP;Outcomes research;Quality Improvement;Registries"),
])

P("gs_sepsis", "SURGERY", [
    G("R01", "GM", "SAT", (2021, 2023), "basic",
      "Emergency myelopoiesis and persistent immunosuppression after surgical sepsis",
      """Survivors of surgical sepsis often enter a state of persistent inflammation, immunosuppression and catabolism.
      Using cecal ligation and puncture in aged mice, single-cell profiling of bone marrow progenitors, and blood from
      surgical ICU patients, we will determine how emergency myelopoiesis produces immature suppressive myeloid cells
      and whether IL-7 or GM-CSF restores immune competence.""",
      "Aged;Cecal ligation and puncture;GM-CSF;Immunosuppression;Interleukin-7;Myeloid-derived suppressor cells;Myelopoiesis;Sepsis;Surgical intensive care unit",
      sy=5),
])

P("gs_bariatric", "SURGERY", [
    G("R01", "DK", "CIDO", (2022, 2024), "trans",
      "Durability of diabetes remission after sleeve gastrectomy and Roux-en-Y gastric bypass",
      """Metabolic surgery induces diabetes remission, yet relapse occurs in a third of patients. In 1,000 adults
      followed for 7 years after sleeve gastrectomy or Roux-en-Y gastric bypass, we will relate beta cell function by
      mixed-meal testing, bile acids and incretins to remission durability, and compare procedures using emulated
      trials in a national registry.""",
      "Bariatric Surgery;Bile Acids;Beta Cell;Gastric Bypass;Incretins;Mixed meal tolerance test;Remission;Sleeve gastrectomy;Type 2 diabetes",
      sy=2),
])

P("gs_pancreas", "SURGERY", [
    G("R01", "CA", "CONC", (2023, 2024), "clin",
      "Regionalization, textbook outcomes and access to pancreatic cancer surgery",
      """Pancreatoduodenectomy outcomes depend strongly on hospital volume, but regionalization may burden rural and
      minority patients. Using the National Cancer Database and Medicare data, we will model travel, textbook outcomes
      and survival, and simulate regionalization policies.""",
      "Access to care;Hospital volume;Pancreatic cancer;Pancreaticoduodenectomy;Regionalization;Rural;Survival;Textbook outcome",
      sy=2),
])

P("gs_t32", "SURGERY", [
    G("T32", "GM", "ZGM1-TWD", (2022, 2024), "train",
      "Research training in trauma, burn and perioperative injury",
      """This program supports five surgical residents per year for two years of dedicated research in trauma, burn and
      perioperative injury, including laboratory work on inflammation and tissue repair and outcomes research with
      trauma registries.""",
      "Burns;Inflammation;Research Training;Residents;Surgery;Trauma;Wound Healing",
      sy=21),
])
# ---------------------------------------------------------------- bone, joint, tendon, reconstruction
P("or_fracture", "ORTHOPEDICS", [
    G("R01", "AR", "SBSR", (2021, 2023), "basic",
      "Periosteal skeletal stem cells and the cellular basis of fracture nonunion",
      """Ten percent of long-bone fractures fail to heal. Periosteal skeletal stem cells are thought to drive callus
      formation, but how they respond to mechanical instability and aging is unclear. Using Ctsk- and Gli1-based lineage
      tracing, tibial fracture models with rigid and unstable fixation, and single-cell RNA sequencing of callus from
      young and aged mice, we will determine how periosteal stem cells choose between cartilage and bone fates, and test
      whether Wnt activation rescues healing in aged animals.""",
      "Aged;Bone Regeneration;Callus;Fracture Healing;Lineage Tracing;Nonunion;Periosteum;Single-cell RNA sequencing;Skeletal stem cells;Wnt Signaling Pathway",
      sy=4),
    G("R21", "AR", "SBSR", 2024, "basic",
      "Nerve growth factor-TrkA signaling in fracture pain and repair",
      """We will test how sensory nerve in-growth through NGF-TrkA signaling coordinates fracture repair and pain, using
      chemogenetic TrkA inhibition in mice.""",
      "Fracture Healing;Nerve Growth Factor;Pain;Sensory nerve;TrkA"),
])

P("or_rotator", "ORTHOPEDICS", [
    G("R01", "AR", "MTE", (2022, 2024), "basic",
      "Engineering the tendon-to-bone enthesis for rotator cuff repair",
      """Rotator cuff repairs fail in up to 40% of patients because the graded tendon-to-bone enthesis does not regenerate.
      We will use electrospun scaffolds with mineral gradients seeded with Gli1+ enthesis progenitors, test them in rat
      and sheep repair models, and measure biomechanical strength and fibrocartilage formation.""",
      "Biomechanics;Enthesis;Fibrocartilage;Rotator Cuff;Scaffold;Sheep;Tendons;Tissue Engineering",
      sy=3),
])

P("or_tka", "ORTHOPEDICS", [
    G("K23", "AR", "AMS", (2021, 2023), "clin",
      "Persistent opioid use and pain trajectories after total knee arthroplasty",
      """The candidate will follow 800 patients undergoing total knee arthroplasty with weekly patient-reported pain and
      opioid use for six months to identify trajectories, and test a pharmacist-led opioid tapering pilot.""",
      "Analgesics, Opioid;Career development;Knee Arthroplasty;Pain;Patient Reported Outcomes;Pharmacists;Trajectories",
      sy=3),
    G("R01", "AR", "MRS", (2024, 2025), "clin",
      "Telerehabilitation versus clinic-based physical therapy after total knee arthroplasty in rural patients",
      """We will randomize 420 rural patients after total knee arthroplasty to video-based telerehabilitation or
      clinic-based physical therapy, measuring function, range of motion and costs.""",
      "Knee Arthroplasty;Physical therapy;Range of motion;Rehabilitation;Rural;Telerehabilitation"),
])

P("or_oa", "ORTHOPEDICS", [
    G("R01", "AR", "SBDD", (2022, 2023), "basic",
      "Chondrocyte senescence and post-traumatic osteoarthritis after anterior cruciate ligament injury",
      """Half of people with anterior cruciate ligament rupture develop osteoarthritis within 15 years. We will test
      whether injury-induced chondrocyte senescence initiates cartilage degeneration, using a noninvasive ACL rupture
      mouse model, p16-reporter mice, intra-articular senolytics and cartilage from patients at reconstruction.""",
      "Anterior Cruciate Ligament;Articular Cartilage;Cell Aging;Chondrocytes;Knee;Post-traumatic osteoarthritis;Senolytics",
      sy=2),
])

P("or_spine", "ORTHOPEDICS", [
    G("R01", "AR", "SBSR", (2023, 2025), "basic",
      "Nucleus pulposus cell metabolism and intervertebral disc degeneration",
      """We will define how hypoxia-inducible factor signaling and glycolytic flux maintain nucleus pulposus cells and how
      their loss drives disc degeneration and back pain, using conditional knockout mice and human disc tissue.""",
      "Back Pain;Glycolysis;HIF-1;Hypoxia;Intervertebral Disc Degeneration;Nucleus pulposus",
      sy=2),
])

P("pl_vml", "SURGERY", [
    G("R01", "AR", "MTE", (2022, 2024), "basic",
      "Innervated engineered muscle for volumetric muscle loss",
      """Volumetric muscle loss after trauma or tumor resection causes permanent disability because native regeneration
      cannot bridge large defects. We will fabricate aligned decellularized extracellular matrix scaffolds seeded with
      satellite cells and motor neuron progenitors, implant them in rat tibialis anterior defects, and test whether
      pre-innervation and nerve transfer improve force recovery. A porcine model will evaluate scale-up.""",
      "Decellularized extracellular matrix;Muscle Regeneration;Nerve transfer;Rattus;Reconstructive surgery;Satellite Cells;Scaffold;Swine;Tissue Engineering;Volumetric muscle loss",
      sy=2),
    G("R21", "AR", "MTE", 2025, "basic",
      "Adipose-derived stromal cell retention in autologous fat grafting",
      """We will test whether hypoxic preconditioning of adipose-derived stromal cells improves volume retention of fat
      grafts in a nude mouse model using serial micro-CT.""",
      "Adipose-derived stem cells;Fat grafting;Hypoxia;Micro-CT;Reconstructive surgery"),
])

P("pl_cleft", "SURGERY", [
    G("R01", "DE", "ODCS", (2021, 2023), "trans",
      "Palatal mesenchyme osteogenesis and alveolar cleft bone grafting outcomes",
      """Children with cleft lip and palate undergo alveolar bone grafting with iliac crest bone, which fails in up to 30%.
      We will relate osteogenic capacity of palatal and iliac mesenchymal cells from 120 children to graft success on
      cone-beam CT, and test BMP2-loaded hydrogels in a rat alveolar cleft model.""",
      "Alveolar bone grafting;BMP2;Child;Cleft Lip;Cleft Palate;Cone-Beam Computed Tomography;Hydrogels;Mesenchymal Stem Cells;Osteogenesis",
      sy=3),
])

P("pl_breast", "SURGERY", [
    G("R01", "CA", "CONC", (2022, 2023), "clin",
      "Patient-reported outcomes and complications of immediate breast reconstruction with post-mastectomy radiation",
      """We will compare implant-based and autologous reconstruction among 1,400 women receiving post-mastectomy radiation
      in a 20-center prospective cohort, measuring BREAST-Q scores and complications over three years.""",
      "BREAST-Q;Breast Cancer;Breast reconstruction;Mastectomy;Patient Reported Outcomes;Postoperative Complications;Radiation therapy",
      sy=2),
    G("R01", "DE", "ODCS", 2025, "trans",
      "Facial nerve regeneration with conduit-delivered glial cell line-derived neurotrophic factor",
      """We will test biodegradable nerve conduits releasing GDNF for facial nerve gap repair in rats, measuring whisker
      movement and axon counts.""",
      "Facial Nerve;GDNF;Nerve conduit;Nerve Regeneration;Rattus;Reconstructive surgery"),
])

P("pl_lymph", None, [
    G("R21", "AR", "MTE", (2023, 2024), "trans",
      "Engineered lymph node flaps for secondary lymphedema",
      """We will test vascularized lymph node transfer combined with VEGF-C-releasing hydrogel in a mouse hindlimb
      lymphedema model and measure lymphatic drainage by near-infrared imaging.""",
      "Hydrogels;Lymph node transfer;Lymphedema;Near-infrared imaging;Reconstructive surgery;VEGF-C",
      sy=1),
], rank="ASSISTANT PROFESSOR")
# ---------------------------------------------------------------- urinary tract
P("uro_pca", "UROLOGY", [
    G("R01", "CA", "CONC", (2022, 2024), "clin",
      "MRI-guided active surveillance for Black men with low-risk prostate cancer",
      """Black men are less often offered active surveillance for low-risk prostate cancer because of concerns about
      under-grading. In 900 men enrolled at 12 centers, we will evaluate a protocol of multiparametric MRI and targeted
      biopsy with germline testing to determine upgrading rates and time to treatment.""",
      "Active surveillance;Biopsy;Black race;Germline testing;Magnetic Resonance Imaging;Prostate Cancer;Upgrading",
      sy=2),
    G("R01", "DK", "UKGD", (2024, 2025), "clin",
      "Lower urinary tract symptoms and nocturia after prostate cancer treatment",
      """We will compare nocturia and lower urinary tract symptom trajectories after surgery, radiation and surveillance in
      1,100 men, and test a behavioral nocturia intervention.""",
      "Behavioral intervention;Lower Urinary Tract Symptoms;Nocturia;Prostate Cancer;Radiation therapy;Prostatectomy"),
])

P("uro_stone", "UROLOGY", [
    G("R01", "DK", "UKGD", (2021, 2023), "clin",
      "Hydration behavior and recurrence of kidney stones in adolescents",
      """Kidney stones have doubled in incidence among adolescents. We will randomize 300 adolescents with a first
      stone to a smart water bottle with text coaching or usual care and measure 24-hour urine volume and stone
      recurrence on ultrasound.""",
      "Adolescent;Fluid intake;Kidney Calculi;Nephrolithiasis;Recurrence;Text Messaging;Ultrasonography;Urine",
      sy=3),
    G("R01", "DK", "UKGD", 2024, "basic",
      "Randall's plaque formation and interstitial calcium phosphate deposition",
      """We will study how renal papillary interstitial cells promote calcium phosphate deposition, using micro-CT of
      papillary biopsies from stone formers and a hyperoxaluric mouse model.""",
      "Calcium Phosphates;Hyperoxaluria;Kidney Calculi;Micro-CT;Randall plaque;Renal papilla"),
])

P("uro_bladder", "UROLOGY", [
    G("R01", "DK", "UKGD", (2022, 2024), "basic",
      "Urothelial barrier, mast cells and pain in interstitial cystitis/bladder pain syndrome",
      """Interstitial cystitis/bladder pain syndrome causes chronic pelvic pain with few effective therapies. We will
      test whether urothelial barrier loss permits urine solutes to activate mast cells and sensory afferents using
      bladder biopsies from patients, uroplakin-deficient mice and ex vivo afferent recordings.""",
      "Bladder;Interstitial Cystitis;Mast cell;Pelvic Pain;Sensory afferent;Urothelium;Uroplakin",
      sy=2),
])

P("uro_pediatric", "UROLOGY", [
    G("K08", "DK", "UKGD", (2023, 2024), "basic",
      "Androgen signaling and urethral tube closure in hypospadias",
      """The candidate, a pediatric urologist, will use genital tubercle explants, single-cell sequencing and mice exposed
      to antiandrogenic chemicals to study urethral closure failure in hypospadias.""",
      "Androgens;Career development;Endocrine disruptors;Genital tubercle;Hypospadias;Single-cell RNA sequencing;Urethra",
      sy=2),
])

P("uro_bcg", None, [
    G("R01", "CA", "CII", (2022, 2023), "trans",
      "Trained immunity and BCG-unresponsive non-muscle-invasive bladder cancer",
      """Intravesical BCG fails in a third of patients with high-risk non-muscle-invasive bladder cancer. We will test
      whether BCG induces trained immunity in monocytes and whether this predicts response, using patient samples and
      orthotopic models.""",
      "BCG;Bladder Cancer;Immunotherapy;Intravesical;Monocyte;Non-muscle invasive;Trained immunity",
      sy=3),
])
# ---------------------------------------------------------------- ear, nose, throat
P("ent_hearing", "OTOLARYNGOLOGY", [
    G("R01", "DC", "AUD", (2022, 2024), "basic",
      "Cochlear synaptopathy and hidden hearing loss after noise exposure",
      """Noise exposure that causes only temporary threshold shifts can permanently destroy synapses between inner hair
      cells and auditory nerve fibers. We will use mice with conditional deletion of neurotrophin-3, wave I amplitude of
      the auditory brainstem response, and human temporal bones to define how synapse loss degrades speech-in-noise
      perception, and test local neurotrophin delivery to regenerate synapses.""",
      "Auditory Brainstem Response;Cochlea;Hair Cells;Hearing Loss;Neurotrophin 3;Noise-Induced Hearing Loss;Speech perception;Synapses;Temporal bone",
      sy=3),
])

P("ent_ci", "OTOLARYNGOLOGY", [
    G("R01", "DC", "CDRC", (2023, 2025), "clin",
      "Cochlear implantation for older adults with hearing loss and cognitive impairment",
      """Hearing loss is a leading modifiable risk factor for dementia. We will randomize 240 adults aged 65 and older with
      severe hearing loss and mild cognitive impairment to early cochlear implantation or best-fit hearing aids and
      measure speech recognition, cognition and social engagement over two years.""",
      "Aged;Cochlear Implants;Cognition;Dementia;Hearing Aids;Hearing Loss;Mild cognitive impairment;Randomized Controlled Trials;Speech recognition",
      sy=2),
    G("K23", "DC", "CDRC", 2021, "clin",
      "Hearing aid adoption among low-income older adults",
      """The candidate will evaluate an over-the-counter hearing aid distribution program delivered through community
      health workers and train in health services research.""",
      "Career development;Community Health Workers;Hearing Aids;Low income;Older adults",
      sy=4),
])

P("ent_hnc", "OTOLARYNGOLOGY", [
    G("R01", "CA", "CII", (2022, 2024), "trans",
      "Neoadjuvant immunotherapy before surgery for HPV-negative head and neck squamous cell carcinoma",
      """We will conduct a window-of-opportunity trial of neoadjuvant PD-1 blockade before surgical resection in 80
      patients with HPV-negative oral cavity cancer, using spatial profiling of resected tumors to identify features of
      major pathologic response.""",
      "Head and Neck Squamous Cell Carcinoma;Immunotherapy;Neoadjuvant therapy;Oral cavity cancer;Pathologic response;PD-1;Spatial profiling;Surgery",
      sy=2),
])

P("ent_crs", "OTOLARYNGOLOGY", [
    G("R01", "AI", "AITC", (2022, 2023), "trans",
      "Nasal polyp epithelial stem cells and type 2 inflammatory memory in chronic rhinosinusitis",
      """Chronic rhinosinusitis with nasal polyps recurs after sinus surgery. We will test whether basal epithelial stem
      cells in polyps retain IL-4/IL-13-induced memory using single-cell profiling before and after dupilumab.""",
      "Chronic rhinosinusitis;Dupilumab;Epithelial stem cells;IL-13;IL-4;Nasal Polyps;Sinus surgery;Type 2 inflammation",
      sy=2),
    G("R03", "DC", "CDRC", 2024, "clin",
      "Olfactory training after post-viral smell loss",
      """We will test olfactory training kits distributed by mail to 300 adults with post-viral smell loss, measuring
      smell identification scores.""",
      "Anosmia;Olfaction Disorders;Olfactory training;Smell;Virus Diseases"),
])

P("ent_voice", None, [
    G("R01", "DC", "CDRC", (2023, 2024), "trans",
      "Vocal fold scarring and mesenchymal stromal cell therapy",
      """We will test injection of mesenchymal stromal cells into scarred vocal folds in a rabbit model and a phase 1 trial,
      measuring mucosal wave by high-speed videoendoscopy.""",
      "Dysphonia;Larynx;Mesenchymal Stem Cells;Scar;Videoendoscopy;Vocal Cords;Voice",
      sy=2),
], rank="ASSOCIATE PROFESSOR")
# ---------------------------------------------------------------- eye
P("oph_amd", "OPHTHALMOLOGY", [
    G("R01", "EY", "DPVS", (2022, 2024), "trans",
      "Deep learning on optical coherence tomography to predict conversion to neovascular age-related macular degeneration",
      """Patients with intermediate age-related macular degeneration (AMD) in one eye and neovascular AMD in the other face
      a high risk of conversion, and delayed anti-VEGF treatment costs vision. Using 180,000 longitudinal spectral-domain
      OCT volumes from three clinical trials and a health system, we will develop and externally validate deep learning
      models that forecast conversion within six months, identify imaging biomarkers such as hyperreflective foci and
      subretinal drusenoid deposits, and test a home OCT monitoring program.""",
      "Age related macular degeneration;Anti-VEGF;Deep Learning;Drusen;Home monitoring;Hyperreflective foci;Neovascularization;Optical Coherence Tomography;Retina;Visual Acuity",
      sy=2),
])

P("oph_glaucoma", "OPHTHALMOLOGY", [
    G("R01", "EY", "BVS", (2021, 2023), "basic",
      "Retinal ganglion cell axon degeneration and mitochondrial transport in glaucoma",
      """Glaucoma causes irreversible blindness through loss of retinal ganglion cells. We will use microbead-induced ocular
      hypertension in mice, in vivo two-photon imaging of mitochondrial transport in ganglion cell axons, and
      nicotinamide supplementation to test whether energetic failure precedes axon degeneration.""",
      "Axonal Transport;Glaucoma;Intraocular pressure;Mitochondria;Nicotinamide;Ocular hypertension;Retinal Ganglion Cells;Two-photon microscopy",
      sy=7),
    G("R01", "EY", "DPVS", 2025, "clin",
      "Visual field progression and selective laser trabeculoplasty as first-line therapy in African American patients",
      """We will compare selective laser trabeculoplasty with topical medications as first-line therapy among 400 African
      American patients with open-angle glaucoma, measuring visual field progression.""",
      "African American;Glaucoma;Open-angle glaucoma;Selective laser trabeculoplasty;Visual Fields"),
])

P("oph_dr", None, [
    G("K23", "EY", "ZEY1", (2022, 2024), "clin",
      "Autonomous artificial intelligence for diabetic retinopathy screening in youth with diabetes",
      """The candidate will evaluate autonomous AI retinal exams in pediatric diabetes clinics, comparing screening
      completion and cost with referral to eye care professionals, and train in health economics.""",
      "Adolescent;Artificial Intelligence;Career development;Diabetic Retinopathy;Fundus photography;Screening;Type 1 diabetes",
      sy=2),
])

P("oph_cornea", "OPHTHALMOLOGY", [
    G("R01", "EY", "DPVS", (2023, 2025), "trans",
      "Corneal nerve regeneration and neurotrophic keratopathy",
      """We will study corneal sensory nerve regeneration with in vivo confocal microscopy in patients with neurotrophic
      keratopathy and test semaphorin 3A blockade in a mouse corneal denervation model.""",
      "Confocal microscopy;Cornea;Corneal nerve;Neurotrophic keratitis;Nerve Regeneration;Semaphorin 3A",
      sy=2),
])

P("oph_myopia", "OPHTHALMOLOGY", [
    G("R01", "EY", "BVS", (2022, 2023), "basic",
      "Retinal dopamine signaling and scleral remodeling in experimental myopia",
      """Myopia prevalence is rising worldwide. We will use form-deprivation and lens-induced myopia in mice, retina-specific
      deletion of dopamine receptors, and scleral proteomics to determine how retinal signals drive axial elongation.""",
      "Axial length;Dopamine;Myopia;Refractive Errors;Retina;Sclera",
      sy=4),
])
# ---------------------------------------------------------------- imaging
P("rad_mri", "RADIATION-DIAGNOSTIC/ONCOLOGY", [
    G("R01", "EB", "BMIT", (2022, 2024), "trans",
      "Deep learning reconstruction for five-minute comprehensive prostate MRI",
      """Multiparametric prostate MRI takes 30 to 45 minutes, limiting access for screening. We will develop
      physics-guided unrolled neural networks that reconstruct highly undersampled T2-weighted and diffusion-weighted
      acquisitions, quantify hallucination risk with uncertainty maps, and validate a five-minute protocol against
      standard MRI in 600 men, with PI-RADS reads by blinded radiologists and biopsy outcomes as reference.""",
      "Deep Learning;Diffusion weighted imaging;Image Reconstruction;Magnetic Resonance Imaging;PI-RADS;Prostate Cancer;Screening;Undersampling;Uncertainty",
      sy=2),
    G("R01", "CA", "MEDI", 2025, "clin",
      "Abbreviated breast MRI for supplemental screening in women with dense breasts",
      """We will compare cancer detection and false-positive rates of abbreviated breast MRI and contrast-enhanced
      mammography in 3,000 women with dense breasts in community radiology practices.""",
      "Breast Cancer;Breast density;Contrast-enhanced mammography;Magnetic Resonance Imaging;Mammography;Screening"),
])

P("rad_ctai", "RADIATION-DIAGNOSTIC/ONCOLOGY", [
    G("R01", "EB", "MEDI", (2023, 2025), "trans",
      "Opportunistic screening from routine abdominal CT: body composition, aortic calcification and bone density",
      """Tens of millions of abdominal CT scans performed each year contain unused information on muscle, fat, bone and
      vascular calcification. We will apply fully automated deep learning segmentation to 450,000 CT scans linked to
      outcomes in two health systems to predict cardiovascular events, fractures and mortality, audit performance
      across scanner vendors and patient groups, and evaluate a reporting workflow in a radiology department.""",
      "Aortic calcification;Body Composition;Bone Density;Computed Tomography;Deep Learning;Fractures;Opportunistic screening;Radiology;Segmentation",
      sy=2),
])

P("rad_ir", "RADIOLOGY", [
    G("R01", "CA", "IGIS", (2021, 2023), "trans",
      "Cone-beam CT-guided transarterial radioembolization dosimetry for hepatocellular carcinoma",
      """Transarterial radioembolization with yttrium-90 microspheres is effective for hepatocellular carcinoma when tumor
      dose is adequate. We will develop voxel-level dosimetry from cone-beam CT and post-treatment PET, relate absorbed
      dose to response and liver toxicity in 250 patients, and test personalized dosing in a phase 2 trial.""",
      "Cone-Beam Computed Tomography;Dosimetry;Hepatocellular Carcinoma;Interventional radiology;PET;Radioembolization;Yttrium-90",
      sy=3),
    G("R21", "EB", "IGIS", 2024, "basic",
      "Histotripsy ablation of liver tumors and abscopal immune effects",
      """We will test whether focused ultrasound histotripsy ablation releases tumor antigens and induces systemic immune
      responses in rodent liver tumor models.""",
      "Abscopal effect;Ablation;Focused Ultrasound;Histotripsy;Immunity;Liver neoplasms"),
])

P("rad_pet", None, [
    G("R01", "EB", "BMIT", (2022, 2023), "basic",
      "Total-body PET kinetic modeling of immune cell trafficking",
      """We will develop total-body dynamic PET with CD8-targeted minibodies and parametric kinetic modeling to image T-cell
      trafficking in patients receiving immunotherapy.""",
      "CD8 T cells;Immunotherapy;Kinetic modeling;Minibody;Positron-Emission Tomography;Total-body PET",
      sy=2),
], rank="PROFESSOR")

P("rad_pe", "RADIOLOGY", [
    G("R01", "HL", "MEDI", (2023, 2024), "clin",
      "Imaging appropriateness and yield of CT pulmonary angiography in emergency departments",
      """CT pulmonary angiography use has risen while diagnostic yield has fallen below 5% in some emergency departments.
      We will measure variation across 40 emergency departments and test clinical decision support with the
      YEARS algorithm in a stepped-wedge design.""",
      "Clinical Decision Support;Computed Tomography Angiography;Diagnostic yield;Emergency Department;Imaging utilization;Pulmonary Embolism;Stepped-wedge",
      sy=2),
])
# ---------------------------------------------------------------- anaesthesia and pain
P("an_pod", "ANESTHESIOLOGY", [
    G("R01", "GM", "ZGM1-ANS", (2022, 2024), "clin",
      "Electroencephalography-guided anesthetic titration and postoperative neurocognitive disorder",
      """Excessive anesthetic depth with EEG burst suppression is associated with postoperative delirium, but trials of
      EEG guidance have been inconclusive. We will randomize 1,400 adults aged 65 and older undergoing major noncardiac
      surgery to processed EEG-guided titration with spectrogram training or usual care, measuring delirium, 90-day
      cognitive function and intraoperative hypotension, and analyze frontal alpha power as a marker of brain
      vulnerability.""",
      "Aged;Anesthesia;Burst suppression;Delirium;Electroencephalography;Hypotension;Intraoperative monitoring;Postoperative cognitive dysfunction;Randomized Controlled Trials;Surgery",
      phr="Older adults can become confused after surgery. We test whether using brain-wave monitors to adjust anesthesia prevents this.", sy=2),
    G("R01", "GM", "ZGM1-ANS", 2025, "basic",
      "Thalamocortical mechanisms of emergence from general anesthesia",
      """We will record from central thalamus and prefrontal cortex in rodents during sevoflurane and propofol anesthesia,
      and test whether thalamic stimulation accelerates emergence.""",
      "Anesthesia;Consciousness;Emergence;Propofol;Sevoflurane;Thalamus"),
])

P("an_pain", "ANESTHESIOLOGY", [
    G("R01", "GM", "ZGM1-ANS", (2021, 2023), "basic",
      "Spinal dorsal horn inhibitory interneurons and the transition from acute to chronic postsurgical pain",
      """Chronic pain persists after surgery in 10-30% of patients. Using a mouse plantar incision and skin-muscle
      retraction model, in vivo spinal cord calcium imaging and chemogenetics, we will test whether loss of parvalbumin
      inhibitory interneurons in the dorsal horn enables the transition to chronic pain, and whether perioperative
      gabapentinoids or ketamine prevent it.""",
      "Chronic postsurgical pain;Dorsal Horn;Gabapentin;Interneurons;Ketamine;Mus;Pain;Parvalbumin;Spinal Cord",
      sy=3),
    G("UG3", "NS", "ZNS1-HEAL", (2024, 2025), "clin",
      "Perioperative regional anesthesia and opioid-sparing pathways to prevent chronic postsurgical pain: a pragmatic trial",
      """This pragmatic trial will randomize 2,000 patients undergoing thoracic and breast surgery at 12 centers to continuous
      paravertebral nerve block catheters or standard analgesia, measuring chronic pain at six months.""",
      "Analgesia;Chronic postsurgical pain;Nerve Block;Opioids;Pragmatic clinical trial;Regional Anesthesia;Thoracic surgery"),
])

P("an_hypot", None, [
    G("K23", "GM", "ZGM1-ANS", (2023, 2024), "clin",
      "Intraoperative hypotension, individualized blood pressure targets and acute kidney injury",
      """The candidate will use high-resolution anesthesia records from 250,000 surgeries in a multicenter perioperative
      outcomes group to define patient-specific hypotension thresholds and pilot a vasopressor protocol.""",
      "Acute Kidney Injury;Anesthesia records;Blood Pressure;Career development;Hypotension;Perioperative;Vasopressors",
      sy=2),
])

P("an_ob", "ANESTHESIOLOGY", [
    G("R01", "HD", "CHHD-H", (2022, 2023), "clin",
      "Neuraxial labor analgesia and severe maternal morbidity",
      """Using linked birth and hospital records from three states, we will estimate whether neuraxial labor analgesia
      reduces severe maternal morbidity and postpartum hemorrhage, using instrumental variables.""",
      "Analgesia, Obstetrical;Epidural;Instrumental variable;Labor;Maternal morbidity;Postpartum Hemorrhage",
      sy=2),
])

P("an_sepsis", "ANESTHESIOLOGY", [
    G("R01", "GM", "ZGM1-ANS", (2023, 2025), "basic",
      "Volatile anesthetics and neutrophil function in sepsis",
      """We will test whether sevoflurane and isoflurane modulate neutrophil integrin activation and bacterial clearance in
      polymicrobial sepsis models and in blood from critically ill patients receiving inhaled sedation.""",
      "Integrins;Isoflurane;Neutrophils;Sedation;Sepsis;Sevoflurane;Volatile anesthetics",
      sy=1),
])
# ---------------------------------------------------------------- emergency and acute care
P("em_syncope", "EMERGENCY MEDICINE", [
    G("R01", "HL", "CMGC", (2022, 2024), "clin",
      "Risk stratification and outpatient management of older adults with syncope in the emergency department",
      """Syncope accounts for over a million emergency department visits each year, and most older adults are admitted
      although serious outcomes are rare. In 5,000 adults aged 60 and older at 15 emergency departments, we will
      validate a risk score incorporating high-sensitivity troponin and ECG findings, and evaluate a structured
      outpatient pathway with ambulatory monitoring for low- and intermediate-risk patients.""",
      "Aged;Ambulatory monitoring;Emergency Department;Hospitalization;Outpatients;Risk stratification;Syncope;Troponin",
      sy=3),
])

P("em_cardarrest", "EMERGENCY MEDICINE", [
    G("U01", "NS", "ZNS1-EMR", (2022, 2024), "clin",
      "Hemodynamic-directed neuroprotection after out-of-hospital cardiac arrest: a network trial",
      """Hypoxic-ischemic brain injury causes most deaths after resuscitation from cardiac arrest. Through an emergency
      care clinical trials network, we will randomize 1,100 comatose survivors of out-of-hospital cardiac arrest to a
      higher mean arterial pressure target guided by cerebral oximetry or standard care for 72 hours, with 90-day
      neurologic outcome as the primary endpoint.""",
      "Cardiac Arrest;Cerebral oximetry;Clinical Trials Network;Coma;Hypoxic-ischemic brain injury;Mean arterial pressure;Neuroprotection;Out-of-hospital;Resuscitation",
      sy=2),
    G("K24", "NS", "ZNS1-EMR", 2025, "clin",
      "Mentoring in patient-oriented resuscitation research",
      """This award supports the candidate to mentor emergency physicians conducting trials and registry studies in
      resuscitation, including exception from informed consent research.""",
      "Career development;Emergency medicine;Exception from informed consent;Mentors;Resuscitation"),
])

P("em_injury", None, [
    G("R01", "MD", "HDEP", (2023, 2025), "clin",
      "Hospital-based violence intervention programs and firearm reinjury among young Black men",
      """We will conduct a randomized trial of a hospital-based violence intervention program delivered by credible
      messengers versus enhanced referral among 620 young men treated for firearm injury in four emergency departments,
      measuring reinjury, arrest and post-traumatic stress symptoms.""",
      "Black race;Emergency Department;Firearm injury;Post-Traumatic Stress Disorders;Randomized Controlled Trials;Violence;Violence intervention;Young men",
      sy=2),
])

P("em_ct", "EMERGENCY MEDICINE", [
    G("R01", "HD", "ZNS1-EMR", (2021, 2022), "clin",
      "Reducing head CT in children with minor blunt head trauma in general emergency departments",
      """We will implement clinical decision support using a validated pediatric head injury rule in 30 general emergency
      departments and measure CT use, missed intracranial injuries and radiation exposure.""",
      "Child;Clinical Decision Support;Computed Tomography;Emergency Department;Head Injuries;Radiation exposure",
      sy=3),
    G("R01", "HL", "CMGC", (2024, 2025), "clin",
      "Outpatient management of low-risk pulmonary embolism from the emergency department",
      """We will conduct a hybrid implementation trial of an outpatient pathway for low-risk pulmonary embolism across
      21 emergency departments, measuring home discharge and 30-day adverse events.""",
      "Anticoagulants;Emergency Department;Implementation science;Outpatients;Pulmonary Embolism;Risk stratification"),
])

P("em_sepsisfluid", None, [
    G("R34", "GM", "CMGC", (2023, 2024), "clin",
      "Early vasopressors versus liberal fluids in emergency department septic shock: pilot trial",
      """This pilot will assess feasibility of randomizing patients with sepsis-induced hypotension in three emergency
      departments to early norepinephrine via peripheral IV versus liberal crystalloid.""",
      "Crystalloid solutions;Emergency Department;Feasibility Studies;Hypotension;Norepinephrine;Septic Shock;Vasopressors",
      sy=1),
], rank="ASSISTANT PROFESSOR")
# ---------------------------------------------------------------- primary care
P("fm_htn", "FAMILY MEDICINE", [
    G("R01", "HL", "CMPC", (2022, 2024), "clin",
      "Team-based hypertension control with pharmacist-led titration in rural primary care practices",
      """Hypertension control has declined nationally and is worst in rural areas. In 36 rural family medicine practices
      in a practice-based research network, we will cluster-randomize practices to a team-based intervention combining
      home blood pressure telemonitoring, pharmacist-led medication titration under collaborative practice agreements,
      and practice facilitation versus usual care. The primary outcome is blood pressure control at 12 months among
      2,400 patients; implementation costs and sustainment will be evaluated.""",
      "Blood Pressure;Cluster randomized trial;Home blood pressure monitoring;Hypertension;Pharmacists;Practice facilitation;Practice-based research network;Primary care;Rural;Telemonitoring",
      sy=2),
])

P("fm_dpp", "FAMILY MEDICINE", [
    G("R01", "DK", "CMPC", (2023, 2025), "clin",
      "Prediabetes management choices offered in primary care: a pragmatic trial",
      """We will randomize 1,500 adults with prediabetes in 30 primary care practices to a shared decision aid offering
      the Diabetes Prevention Program, metformin or both, versus usual care, measuring weight, HbA1c and diabetes
      incidence.""",
      "Decision aid;Diabetes prevention program;Hemoglobin A1c;Metformin;Pragmatic clinical trial;Prediabetes;Primary care;Shared decision making",
      sy=2),
    G("R21", "DK", "CMPC", 2022, "clin",
      "Text-message support for weight maintenance after community lifestyle programs",
      """We will pilot automated text messaging to support weight maintenance in adults completing community lifestyle
      programs at federally qualified health centers.""",
      "Community Health Centers;Lifestyle intervention;Text Messaging;Weight maintenance"),
])

P("fm_opioid", "FAMILY MEDICINE", [
    G("R01", "DA", "DIRH", (2022, 2023), "clin",
      "Implementing office-based buprenorphine treatment in rural family practices",
      """Few rural primary care clinicians prescribe buprenorphine. Using a stepped-wedge design in 24 rural practices, we
      will evaluate practice facilitation, telementoring and nurse care managers to increase the number of patients
      treated for opioid use disorder and retention at six months.""",
      "Buprenorphine;Implementation science;Nurse care manager;Opioid Use Disorder;Practice facilitation;Primary care;Rural;Stepped-wedge;Telementoring",
      sy=3),
])

P("fm_uti", None, [
    G("R01", "AI", "CMPC", (2023, 2024), "clin",
      "Delayed antibiotic prescribing for uncomplicated urinary tract infection in women in primary care",
      """We will randomize 900 women with uncomplicated cystitis in primary care and urgent care clinics to immediate or
      delayed antibiotics with symptomatic treatment, measuring antibiotic use, symptom duration and pyelonephritis.""",
      "Antibiotics;Antimicrobial stewardship;Cystitis;Delayed prescribing;Primary care;Urgent care;Urinary tract infection;Women",
      sy=2),
], rank="ASSOCIATE PROFESSOR")

P("fm_screen", "FAMILY MEDICINE", [
    G("R01", "CA", "DIRH", (2021, 2023), "clin",
      "Mailed FIT outreach and patient navigation for colorectal cancer screening in community health centers",
      """We will test mailed fecal immunochemical test outreach with patient navigation to follow-up colonoscopy in 26 community
      health centers, comparing screening completion across implementation strategies.""",
      "Colonoscopy;Colorectal Cancer;Community Health Centers;Fecal immunochemical test;Implementation science;Mailed outreach;Patient Navigation;Screening",
      sy=3),
])
# ---------------------------------------------------------------- pathology and lab medicine
P("path_comp", "PATHOLOGY", [
    G("R01", "CA", "CBSS", (2022, 2024), "trans",
      "Weakly supervised deep learning on whole-slide images to predict molecular subtypes and outcome in endometrial carcinoma",
      """Molecular classification of endometrial carcinoma (POLE, mismatch repair deficient, p53 abnormal, no specific
      profile) guides adjuvant therapy but requires sequencing unavailable in many settings. Using 7,000 digitized H&E
      slides with molecular annotations from four institutions, we will train attention-based multiple-instance learning
      models to infer molecular subtype, assess generalization across scanners and stain protocols, and evaluate
      prognostic value in trial cohorts.""",
      "Computational pathology;Deep Learning;Digital pathology;Endometrial Carcinoma;Hematoxylin and Eosin;Mismatch repair;Molecular classification;POLE;Whole slide imaging",
      sy=2),
    G("R21", "CA", "CAMP", 2025, "basic",
      "Spatial proteomics of precursor lesions in serous tubal intraepithelial carcinoma",
      """We will use multiplexed ion beam imaging on fallopian tube precursor lesions to characterize immune
      microenvironments associated with progression to high-grade serous carcinoma.""",
      "Fallopian Tubes;Multiplexed imaging;Ovarian Carcinoma;Precursor lesions;Spatial proteomics;Tumor Microenvironment"),
])

P("path_transfus", "PATHOLOGY", [
    G("R01", "HL", "HTBT", (2022, 2023), "trans",
      "Red cell storage lesion, donor characteristics and transfusion efficacy",
      """Donor sex, age, genetics and storage duration affect hemoglobin increments after transfusion. Linking a donor
      genomics cohort of 13,000 blood donors to recipients in hospital transfusion records, we will identify donor
      variants affecting red cell hemolysis during storage and test whether donor selection improves transfusion
      efficacy.""",
      "Blood Donors;Blood transfusion;Erythrocytes;Genomics;Hemolysis;Red cell storage;Transfusion efficacy",
      sy=3),
])

P("path_liquid", "PATHOLOGY", [
    G("R01", "CA", "CBSS", (2023, 2025), "trans",
      "Cell-free DNA fragmentomics for multi-cancer early detection in high-risk populations",
      """We will develop and validate fragmentation-based cell-free DNA assays for early detection of lung, liver and
      pancreatic cancers in 4,000 high-risk individuals, and model clinical laboratory implementation.""",
      "Biomarkers;Cell-free DNA;Early Detection;Fragmentomics;Liver Cancer;Lung Cancer;Pancreatic cancer;Screening",
      sy=2),
])

P("path_autopsy", None, [
    G("R01", "CA", "CAMP", (2021, 2022), "basic",
      "Rapid autopsy program to study clonal evolution of metastatic pancreatic cancer",
      """We will perform rapid autopsies on 60 patients with metastatic pancreatic cancer and use multiregion sequencing to
      reconstruct the timing of metastatic seeding and identify drivers of organotropism.""",
      "Autopsy;Clonal evolution;Metastasis;Multiregion sequencing;Organotropism;Pancreatic cancer",
      sy=4),
], rank="PROFESSOR")

P("path_micro", "PATHOLOGY", [
    G("R01", "AI", "DDR", (2022, 2023), "trans",
      "Rapid phenotypic antimicrobial susceptibility testing directly from positive blood cultures",
      """We will develop a microfluidic single-cell imaging platform that reports antimicrobial susceptibility within four
      hours of blood culture positivity and evaluate it in clinical microbiology laboratories.""",
      "Antimicrobial susceptibility;Bacteremia;Blood culture;Clinical microbiology;Microfluidics;Rapid diagnostics",
      sy=2),
])
# ---------------------------------------------------------------- rehabilitation
P("pmr_stroke", "PHYSICAL MEDICINE & REHAB", [
    G("R01", "HD", "MFSR", (2022, 2024), "clin",
      "High-intensity gait training in the subacute phase after stroke",
      """Most stroke survivors leave inpatient rehabilitation with limited walking. We will randomize 300 participants in
      subacute stroke to high-intensity variable stepping training at 70-85% heart rate reserve or conventional
      therapy, measuring gait speed, six-minute walk distance and daily stepping by accelerometry at discharge and six
      months, and examine corticospinal tract integrity by diffusion MRI as a predictor of response.""",
      "Accelerometry;Diffusion MRI;Gait;Inpatient rehabilitation;Rehabilitation;Six minute walk test;Stroke;Walking",
      sy=2),
    G("K24", "HD", "MFSR", 2025, "clin",
      "Mentoring in patient-oriented neurorehabilitation research",
      """This award supports the candidate to mentor physiatrists and physical therapists conducting trials in stroke and
      spinal cord injury rehabilitation.""",
      "Career development;Mentors;Neurorehabilitation;Physical therapy;Spinal Cord Injuries;Stroke"),
])

P("pmr_amputee", "PHYSICAL MEDICINE & REHAB", [
    G("R01", "HD", "MRS", (2023, 2025), "trans",
      "Osseointegrated prostheses and gait biomechanics after transfemoral amputation",
      """Socket-related problems limit prosthesis use after transfemoral amputation. We will compare gait biomechanics,
      metabolic cost and patient-reported mobility in 80 veterans and civilians with osseointegrated versus
      socket-suspended prostheses using motion capture and instrumented treadmills.""",
      "Amputation;Biomechanics;Gait;Motion capture;Osseointegration;Prosthesis;Rehabilitation;Veterans",
      sy=2),
])

P("pmr_backpain", None, [
    G("R01", "AT", "MRS", (2022, 2023), "clin",
      "Stratified physical therapy and yoga for chronic low back pain in safety-net clinics",
      """We will randomize 500 adults with chronic low back pain in safety-net clinics to risk-stratified physical
      therapy, group yoga or usual care, measuring pain interference and opioid use.""",
      "Chronic low back pain;Opioids;Pain;Physical therapy;Safety-net;Stratified care;Yoga",
      sy=3),
], rank="ASSOCIATE PROFESSOR")

P("pmr_tbi", "PHYSICAL MEDICINE & REHAB", [
    G("R01", "HD", "MFSR", (2021, 2023), "clin",
      "Aerobic exercise for persistent post-concussive symptoms in adolescents",
      """We will randomize 240 adolescents with persistent post-concussive symptoms to sub-symptom threshold aerobic
      exercise or stretching and measure symptom recovery, autonomic function and return to school.""",
      "Adolescent;Aerobic exercise;Autonomic function;Brain Concussion;Post-concussion syndrome;Rehabilitation",
      sy=2),
])

P("pmr_sci", "PHYSICAL MEDICINE & REHAB", [
    G("K23", "HD", "MFSR", (2023, 2024), "clin",
      "Wearable sensor measurement of upper limb use in the community after cervical spinal cord injury",
      """The candidate will validate wrist-worn sensor algorithms that quantify hand use in daily life after cervical
      spinal cord injury and use them as outcome measures in a pilot of home-based functional electrical stimulation.""",
      "Career development;Functional electrical stimulation;Hand function;Spinal Cord Injuries;Upper Extremity;Wearable device",
      sy=2),
])
# ---------------------------------------------------------------- population health
P("pub_fqhc", "PUBLIC HEALTH & PREV MEDICINE", [
    G("R01", "MD", "HDEP", (2022, 2024), "clin",
      "Structural racism, residential segregation and cardiometabolic health across the life course",
      """We will link historical redlining maps, contemporary segregation indices and eviction records to a multi-ethnic
      cohort of 6,800 adults followed for 20 years to estimate effects of structural racism on incident hypertension,
      diabetes and allostatic load, using marginal structural models and geospatial methods.""",
      "Allostatic load;Cohort Studies;Diabetes Mellitus;Eviction;Geospatial analysis;Health disparities;Hypertension;Marginal structural models;Redlining;Residential Segregation;Structural racism",
      sy=2),
], rank="PROFESSOR")

P("pub_tobacco", "PUBLIC HEALTH & PREV MEDICINE", [
    G("R01", "CA", "CIHB", (2021, 2023), "clin",
      "Flavored tobacco sales restrictions and youth e-cigarette use",
      """Local governments have restricted sales of flavored tobacco products. Using retail scanner data, state youth
      surveys and a difference-in-differences design across 300 jurisdictions, we will estimate effects of restrictions
      on youth vaping initiation, cross-border purchasing and combustible cigarette use.""",
      "Adolescent;Difference-in-differences;E-cigarettes;Flavors;Policy;Retail;Tobacco Products;Vaping;Youth",
      sy=3),
    G("R01", "DA", "CIHB", 2024, "clin",
      "Social media marketing of nicotine pouches to young adults",
      """We will use computational analysis of social media posts and an online experiment with 3,000 young adults to
      measure exposure to nicotine pouch marketing and its effect on perceived harm and intentions.""",
      "Experiments;Marketing;Nicotine;Nicotine pouches;Social Media;Young Adult"),
])

P("pub_water", "ENVIRONMENTAL HEALTH", [
    G("R01", "ES", "CIHB", (2022, 2023), "clin",
      "Arsenic and uranium in unregulated drinking water and kidney function in American Indian communities",
      """We will measure metals in private wells and urine in 1,200 participants in tribal communities and relate exposure
      to eGFR decline and albuminuria, co-developing household water treatment with community partners.""",
      "Albuminuria;American Indian;Arsenic;Community-based participatory research;Drinking Water;Glomerular Filtration Rate;Uranium;Wells",
      sy=2),
])

P("pub_vax", None, [
    G("R01", "AI", "CIHB", (2023, 2025), "clin",
      "Trusted messenger interventions to increase HPV vaccination in rural adolescents",
      """We will cluster-randomize 40 rural counties to a school- and church-based trusted messenger intervention or usual
      outreach and measure HPV vaccine series completion from state immunization registries.""",
      "Adolescent;Cluster randomized trial;Human Papillomavirus;Immunization registries;Rural;Trusted messenger;Vaccination",
      sy=1),
], rank="ASSOCIATE PROFESSOR")

P("pub_global", "PUBLIC HEALTH & PREV MEDICINE", [
    G("D43", "TW", "ZTW1", (2022, 2024), "train",
      "Non-communicable disease epidemiology research training in Ghana",
      """This program will train Ghanaian epidemiologists and clinicians in cohort methods, biostatistics with R and Stata,
      and implementation research on hypertension and diabetes through master's and doctoral training and mentored
      pilot grants.""",
      "Biostatistics;Capacity Building;Diabetes Mellitus;Epidemiology;Ghana;Hypertension;Non-communicable diseases;Research Training",
      sy=3),
    G("R01", "TW", "HDEP", 2023, "clin",
      "Task-shifted hypertension care by community health workers in Ghana: cost-effectiveness and sustainment",
      """We will evaluate sustainment and cost-effectiveness of community health worker-delivered hypertension care in 40
      communities four years after a completed cluster-randomized trial.""",
      "Community Health Workers;Cost Effectiveness;Ghana;Hypertension;Sustainment;Task shifting"),
])

P("pub_epi_covid", "EPIDEMIOLOGY", [
    G("R01", "AI", "IRAP", (2022, 2023), "clin",
      "Wastewater surveillance and clinical testing to forecast respiratory virus hospitalizations",
      """We will combine sewershed-level wastewater measurements of SARS-CoV-2, influenza and RSV with clinical testing and
      mobility data in 60 communities to build forecasting models of hospital admissions.""",
      "Forecasting;Hospitalization;Influenza;Respiratory Syncytial Virus;SARS-CoV-2;Surveillance;Wastewater",
      sy=2),
    G("R01", "HL", "IRAP", (2024, 2025), "clin",
      "Post-acute sequelae of respiratory infections and lung function in a population-based cohort",
      """We will measure spirometry, diffusing capacity and symptoms in 3,000 adults with documented respiratory infections
      and controls to estimate the burden of post-acute pulmonary sequelae.""",
      "Cohort Studies;Diffusing capacity;Long COVID;Lung function;Respiratory infection;Spirometry"),
])

P("pub_food", None, [
    G("R01", "DK", "HDEP", (2023, 2024), "clin",
      "Produce prescription programs and glycemic control among food-insecure adults with diabetes",
      """We will randomize 800 food-insecure adults with type 2 diabetes to produce prescriptions delivered through
      grocery partners or usual care and measure HbA1c, diet quality and food security.""",
      "Diet quality;Food insecurity;Hemoglobin A1c;Produce prescription;Randomized Controlled Trials;Type 2 diabetes",
      sy=2),
], rank="ASSISTANT PROFESSOR")
# ---------------------------------------------------------------- basic labs with no clinical home (distractors)
P("bas_ribo", "BIOCHEMISTRY", [
    G("R35", "GM", "ZRG1", (2021, 2023), "basic",
      "Quality control of stalled ribosomes",
      """Ribosomes that stall on damaged or truncated mRNAs must be rescued and the incomplete nascent chains degraded.
      Our laboratory combines cryo-electron microscopy, biochemical reconstitution and genome-wide CRISPR screens in
      human cells to determine how collided ribosomes are sensed by ZNF598 and resolved, how ribosome-associated quality
      control couples to stress signaling, and how defects cause neurodegeneration.""",
      "Cryo-electron microscopy;CRISPR screen;Neurodegeneration;Protein quality control;Ribosomes;Stress signaling;Translation;ZNF598",
      sy=4),
])

P("bas_circ", "NEUROSCIENCE", [
    G("R35", "GM", "ZRG1", (2023, 2025), "basic",
      "Circadian clock control of tissue metabolism",
      """We study how the molecular circadian clock coordinates metabolism across tissues, using tissue-specific Bmal1
      knockout mice, time-restricted feeding, and multi-omic time series.""",
      "Circadian Rhythms;Feeding;Metabolism;Multi-omics;Mus;Time-restricted feeding;BMAL1",
      sy=2),
    G("R01", "DK", "IPOD", 2024, "basic",
      "Circadian misalignment and hepatic insulin resistance in shift work",
      """We will test how simulated shift work in mice and humans misaligns hepatic clocks and impairs insulin action,
      using hyperinsulinemic clamps and liver clock reporters.""",
      "Circadian Rhythms;Clamp technique;Insulin Resistance;Liver;Shift Work"),
])

P("bas_zebra", "GENETICS", [
    G("R01", "GM", "ZRG1", (2022, 2023), "basic",
      "Left-right patterning and cilia-driven flow in the zebrafish organizer",
      """We will use live imaging of Kupffer's vesicle in zebrafish and optogenetic control of ciliary motility to
      determine how fluid flow establishes asymmetric Nodal signaling and heart looping.""",
      "Cilia;Heart looping;Kupffer's vesicle;Left-right asymmetry;Nodal;Optogenetics;Zebrafish",
      sy=3),
])

P("bas_immunometab", "MICROBIOLOGY/IMMUN/VIROLOGY", [
    G("R01", "AI", "CMIA", (2022, 2024), "basic",
      "Mitochondrial dynamics and effector CD8 T cell differentiation",
      """We will determine how mitochondrial fusion and cristae remodeling control the fate of CD8 T cells during acute
      LCMV infection using T cell-specific Opa1 and Mfn2 deletion and metabolic flux analysis.""",
      "CD8 T cells;LCMV;Memory T cells;Mitochondrial dynamics;OPA1;Metabolic flux",
      sy=2),
], rank="ASSISTANT PROFESSOR")

P("bas_stats", "BIOSTATISTICS & OTHER MATH SCI", [
    G("R01", "GM", "ZRG1", (2021, 2022), "basic",
      "Causal inference methods for time-varying treatments with electronic health records",
      """We will develop doubly robust estimators and sensitivity analyses for time-varying treatments in EHR data with
      informative visit processes, with open-source R software.""",
      "Biostatistical Methods;Causal inference;Electronic Health Record;R software;Sensitivity analysis;Time-varying treatment",
      sy=3),
    G("R01", "GM", "ZRG1", 2024, "basic",
      "Federated learning for multi-site clinical prediction without data sharing",
      """We will develop privacy-preserving federated algorithms for developing and validating clinical prediction models
      across health systems.""",
      "Clinical prediction;Federated learning;Machine Learning;Privacy;Validation"),
])

P("bas_f32a", None, [
    G("F32", "HL", "ZRG1-F", (2023, 2024), "basic",
      "Role of cardiomyocyte polyploidy in neonatal heart regeneration",
      """This fellowship will train the applicant in mouse genetics and imaging to test whether cardiomyocyte
      polyploidization limits the regenerative capacity of the neonatal heart after apex resection.""",
      "Apex resection;Cardiac Myocytes;Fellowship;Heart regeneration;Neonatal;Polyploidy",
      sy=1),
], rank="POSTDOCTORAL FELLOW")

P("bas_f32b", None, [
    G("F32", "DK", "ZRG1-F", 2023, "basic",
      "Enteroendocrine cell sensing of microbial metabolites",
      """The applicant will use intestinal organoids and calcium imaging to define how enteroendocrine cells sense
      short-chain fatty acids and indoles.""",
      "Enteroendocrine Cells;Fellowship;Indoles;Organoids;Short-chain fatty acids",
      sy=1),
], rank="POSTDOCTORAL FELLOW")

P("bas_f32c", None, [
    G("F32", "CA", "ZRG1-F", (2022, 2023), "basic",
      "Lineage plasticity in neuroendocrine prostate cancer",
      """The applicant will use genetically engineered mice and organoids to study SOX2-driven neuroendocrine
      transdifferentiation after androgen receptor inhibition.""",
      "Androgen receptor;Fellowship;Lineage plasticity;Neuroendocrine;Prostate Cancer;SOX2",
      sy=1),
], rank="POSTDOCTORAL FELLOW")

# Extra co-investigators (multiple-PI awards): (contact PI key, grant index) -> co-PI keys.
EXTRA_CO = {
    ("pulm_ards", 0): ["an_sepsis"], ("ger_delirium", 0): ["an_pod"], ("rh_ssc", 0): ["pulm_ipf"],
    ("neu_stroke", 0): ["em_cardarrest"], ("oph_amd", 0): ["rad_ctai"], ("path_comp", 0): ["onc_ovary"],
    ("fm_screen", 0): ["gi_adr"], ("psy_bup", 0): ["fm_opioid"], ("nsg_dbs", 0): ["neu_pd"],
    ("or_rotator", 0): ["pl_vml"], ("ro_sbrt", 0): ["onc_lungio"], ("gs_tic", 0): ["heme_plt"],
    ("card_chip", 0): ["heme_aml"], ("ct_ablate", 0): ["ct_lungtx"], ("neph_sglt2", 0): ["endo_cgm"], ("id_tb", 0): ["pub_epi_covid"],
}

# ==============================================================================================================
# 5. Assembly (deterministic; no text is generated here)
# ==============================================================================================================
FIRST = ["Ana", "Dev", "Grace", "Olumide", "Mei", "Rafael", "Priya", "Thomas", "Fatima", "Kenji", "Laura", "Samuel",
         "Ngozi", "Carlos", "Hannah", "Arjun", "Elena", "Michael", "Aisha", "Wei", "Sofia", "Daniel", "Yuki", "Omar",
         "Rebecca", "Tunde", "Julia", "Andrew", "Leila", "Hiroshi", "Maria", "Benjamin", "Chiamaka", "Luis", "Sarah",
         "Rohan", "Ingrid", "David", "Zainab", "Jun", "Claire", "Mateo", "Deepa", "Patrick", "Amara", "Sung-Min",
         "Katherine", "Ibrahim", "Emily", "Vikram", "Nadia", "Christopher", "Lucia", "Kwame", "Min-Jung", "Robert",
         "Anjali", "Jonathan", "Esther", "Gabriel", "Mariam", "Steven", "Ayesha", "Tomasz", "Jennifer", "Haruto"]
LAST = ["Rivera", "Shah", "Okafor", "Chen", "Nakamura", "Kowalski", "Haddad", "Brennan", "Adeyemi", "Lindqvist",
        "Morales", "Patel", "Goldberg", "Osei", "Tanaka", "Fischer", "Mensah", "Ramirez", "Kim", "Abdullah",
        "Sullivan", "Iyer", "Novak", "Bello", "Park", "Carvalho", "Whitfield", "Hussain", "Johansson", "Nwosu",
        "Delgado", "Yamamoto", "Mukherjee", "Oyelaran", "Petrov", "Castillo", "Huang", "Bianchi", "Eze", "Gupta",
        "Larsen", "Mbeki", "Ortega", "Reddy", "Schwartz", "Takahashi", "Vasquez", "Weiss", "Zhang", "Anand",
        "Bauer", "Coleman", "Dubois", "Ekwueme", "Fernandes", "Gallagher", "Hoang", "Ibarra", "Jaramillo", "Kapoor",
        "Liang", "Mahmoud", "Nguyen", "O'Connor", "Pereira", "Qureshi", "Rosen", "Sato", "Tiwari", "Umeh",
        "Valdez", "Wang", "Xu", "Yilmaz", "Zeller", "Acheampong", "Banerjee", "Cruz", "Dimitrov", "Espinoza"]
RANKS = ["PROFESSOR", "PROFESSOR", "ASSOCIATE PROFESSOR", "ASSOCIATE PROFESSOR", "ASSISTANT PROFESSOR", "",
         "", "PROFESSOR OF MEDICINE", "ASSOCIATE PROFESSOR OF SURGERY", "PROFESSOR AND CHAIR"]
DURATION = {"R01": 5, "R21": 2, "R03": 2, "R34": 3, "R35": 7, "K23": 5, "K08": 5, "K24": 5, "U01": 5, "UG3": 2,
            "P01": 5, "T32": 5, "D43": 5, "DP2": 5, "F32": 3, "R25": 5}
AMOUNT = {"R01": (355_000, 790_000), "R21": (185_000, 275_000), "R03": (76_000, 168_000), "R34": (210_000, 290_000),
          "R35": (620_000, 1_350_000), "K23": (158_000, 201_000), "K08": (160_000, 205_000), "K24": (175_000, 215_000),
          "U01": (480_000, 2_900_000), "UG3": (420_000, 1_250_000), "P01": (1_450_000, 3_300_000),
          "T32": (240_000, 910_000), "D43": (215_000, 285_000), "DP2": (1_500_000, 2_450_000), "F32": (69_000, 81_000),
          "R25": (150_000, 400_000)}
RESEARCH_PREFIXES = ("R", "U", "P", "DP")
NON_RESEARCH_R = {"R25", "R13"}
MULTI_YEAR = {"two": 10, "three": 6}  # cores shown with 2 / 3 fiscal-year records; the rest show the latest FY only
PO_NAMES = ["LEE PARK", "SUSAN MARTIN", "JAMES WU", "PATRICIA GOMEZ", "KAREN HOLT", "ROBERT DIAZ", "LINDA OKOYE"]


def _h(*parts) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:12], 16)


def _rng(*parts) -> random.Random:
    return random.Random(_h(*parts))


def _award_type(sy: int) -> str:
    return "1" if sy == 1 else ("2" if sy in (6, 11, 16, 21) else "5")


def _is_research(act: str) -> bool:
    return act.startswith(RESEARCH_PREFIXES) and act not in NON_RESEARCH_R


def _people():
    rng = random.Random(1729)
    used_ids, used_names, people = set(), set(), {}
    for p in PIS:
        while True:
            pid = rng.randint(1_000_000, 16_999_999)
            if pid not in used_ids:
                break
        while True:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            if (first, last) not in used_names:
                break
        used_ids.add(pid)
        used_names.add((first, last))
        middle = rng.choice(["", "", "A", "J", "M", "K", "R", "Lee", "S"])
        kinds = {g["act"] for g in p["grants"]}
        rank = p["rank"] or ("ASSISTANT PROFESSOR" if kinds & {"K23", "K08"} and rng.random() < 0.8
                             else rng.choice(RANKS))
        org = ORGS[_h("org", p["key"]) % len(ORGS)]
        dept = p["dept"] if (p["dept"] and _h("dept", p["key"]) % 10 < 6) else None
        people[p["key"]] = dict(profile_id=pid, first=first, middle=middle, last=last, rank=rank, org=org, dept=dept)
    return people


def _budget_start(fy: int, month: int) -> _dt.date:
    """First day of the budget period that fiscal year ``fy`` funds, for awards starting in ``month``.

    NIH fiscal year N runs from October N-1 to September N, so a December start falls in N-1.
    """
    return _dt.date(fy - 1 if month == 12 else fy, month, 1)


def build_records():
    finalize_texts()
    people = _people()
    keys = {p["key"] for p in PIS}
    assert len(keys) == len(PIS), "duplicate PI keys"
    cores, serials = [], set()
    for p in PIS:
        for i, g in enumerate(p["grants"]):
            co = list(g["co"]) + EXTRA_CO.get((p["key"], i), [])
            assert all(c in keys for c in co), co
            r = _rng("serial", p["key"], i)
            while True:
                serial = f"{r.randint(100_000, 189_999):06d}"
                if serial not in serials:
                    break
            serials.add(serial)
            cores.append(dict(pi=p["key"], idx=i, g=g, co=co, serial=serial,
                              core=f"{g['act']}{g['ic']}{serial}"))
    # which cores show more than one fiscal year
    spans = sorted((c for c in cores if c["g"]["fy"][1] > c["g"]["fy"][0]), key=lambda c: _h("multi", c["core"]))
    three = [c for c in spans if c["g"]["fy"][1] - c["g"]["fy"][0] >= 2][: MULTI_YEAR["three"]]
    two = [c for c in spans if c not in three][: MULTI_YEAR["two"]]
    nyears = {c["core"]: 3 for c in three} | {c["core"]: 2 for c in two}

    records = []
    for c in sorted(cores, key=lambda c: _h("order", c["core"])):
        g, owner = c["g"], people[c["pi"]]
        fy0, fy1 = g["fy"]
        k = nyears.get(c["core"], 1)
        fys = list(range(fy1 - k + 1, fy1 + 1))
        r = _rng("rec", c["core"])
        month = r.choice([4, 7, 7, 9, 9, 12])
        dur = DURATION[g["act"]]
        sy_first_fy = g["sy"]
        fy_sy1 = fy0 - (sy_first_fy - 1)

        start = _budget_start(fy_sy1, month)
        sy_last = sy_first_fy + (fy1 - fy0)
        seg_left = dur - ((sy_last - 1) % dur)
        end = _dt.date(_budget_start(fy1, month).year + seg_left, month, 1) - _dt.timedelta(days=1)
        base_amount = r.randint(*AMOUNT[g["act"]])
        ic_abbr, ic_name, cfda = ICS[g["ic"]]
        srg, sra, ss_name, _ = SECTIONS[g["ss"]]
        if r.random() < 0.25 and g["act"] not in {"F32", "K23", "K08", "K24", "T32"}:
            opp = f"RFA-{g['ic']}-{fy_sy1 - 2001:02d}-{r.randint(1, 40):03d}"
        else:
            opp = r.choice(["PA-20-185", "PA-20-195", "PA-21-049", "PAR-21-035", "PA-19-056", "PA-20-200", "PA-25-301"])
        pis = [dict(profile_id=owner["profile_id"], first_name=owner["first"], middle_name=owner["middle"],
                    last_name=owner["last"], is_contact_pi=True,
                    full_name=f"{owner['first']} {owner['middle']} {owner['last']}".replace("  ", " ")
                    if owner["middle"] else f"{owner['first']}  {owner['last']}", title=owner["rank"])]
        for ck in c["co"]:
            q = people[ck]
            pis.append(dict(profile_id=q["profile_id"], first_name=q["first"], middle_name=q["middle"],
                            last_name=q["last"], is_contact_pi=False,
                            full_name=f"{q['first']} {q['middle']} {q['last']}" if q["middle"]
                            else f"{q['first']}  {q['last']}", title=q["rank"] if r.random() < 0.6 else ""))
        org_name, org_city, org_state = owner["org"]
        terms = [t.strip() for t in g["terms"].split(";") if t.strip()]
        for j, fy in enumerate(fys):
            sy = sy_last - (len(fys) - 1 - j)
            amount = int(base_amount * (1 + 0.03 * j) * (1 if sy > 1 or g["act"] != "DP2" else 1.0))
            appl_type = _award_type(sy)
            suffix = g["suffix"]
            bstart = _budget_start(fy, month)
            bend = _dt.date(bstart.year + 1, month, 1) - _dt.timedelta(days=1)
            indirect = int(amount * 0.345) if g["act"] not in {"K23", "K08", "K24", "F32", "T32", "D43"} else int(amount * 0.074)
            rec = {
                "appl_id": None, "subproject_id": None, "fiscal_year": fy,
                "project_num": f"{appl_type}{g['act']}{g['ic']}{c['serial']}-{sy:02d}{suffix}",
                "project_serial_num": f"{g['ic']}{c['serial']}",
                "organization": {"org_name": org_name, "city": None, "country": None, "org_city": org_city,
                                 "org_country": "UNITED STATES", "org_state": org_state, "org_state_name": None,
                                 "dept_type": owner["dept"], "org_fips": "US",
                                 "external_org_id": 500000 + _h("org", org_name) % 99999},
                "award_type": appl_type, "activity_code": g["act"], "award_amount": amount,
                "is_active": bool(fy == fy1 and end >= AS_OF),
                "project_num_split": {"appl_type_code": appl_type, "activity_code": g["act"], "ic_code": g["ic"],
                                      "serial_num": c["serial"], "support_year": f"{sy:02d}",
                                      "full_support_year": f"{sy:02d}{suffix}", "suffix_code": suffix},
                "principal_investigators": pis,
                "contact_pi_name": f"{owner['last'].upper()}, {owner['first'].upper()} {owner['middle'].upper()}".rstrip() + " ",
                "program_officers": [{"first_name": PO_NAMES[_h('po', c['core']) % 7].split()[0], "middle_name": "",
                                      "last_name": PO_NAMES[_h('po', c['core']) % 7].split()[1],
                                      "full_name": PO_NAMES[_h('po', c['core']) % 7].replace(" ", "  ")}],
                "agency_ic_admin": {"code": g["ic"], "abbreviation": ic_abbr, "name": ic_name},
                "agency_ic_fundings": [{"fy": fy, "code": g["ic"], "name": ic_name, "abbreviation": ic_abbr,
                                        "total_cost": amount, "direct_cost_ic": amount - indirect,
                                        "indirect_cost_ic": indirect}],
                "project_start_date": f"{start.isoformat()}T00:00:00",
                "project_end_date": f"{end.isoformat()}T00:00:00",
                "opportunity_number": opp,
                "full_study_section": {"srg_code": srg, "srg_flex": None, "sra_designator_code": sra,
                                       "sra_flex_code": None, "group_code": None, "name": ss_name},
                "award_notice_date": f"{(bstart - _dt.timedelta(days=12)).isoformat()}T00:00:00",
                "is_new": sy == 1,
                "core_project_num": c["core"],
                "terms": "".join(f"<{t}>" for t in terms),
                "pref_terms": ";".join(terms),
                "abstract_text": g["abstract_final"],
                "project_title": g["title"],
                "phr_text": g["phr_final"],
                "agency_code": "NIH", "arra_funded": "N",
                "budget_start": f"{bstart.isoformat()}T00:00:00", "budget_end": f"{bend.isoformat()}T00:00:00",
                "cfda_code": cfda, "funding_mechanism": "Non-SBIR/STTR",
                "direct_cost_amt": amount - indirect, "indirect_cost_amt": indirect,
                "project_detail_url": None,
                "date_added": f"{(bstart + _dt.timedelta(days=20)).isoformat()}T09:14:00",
                # ground truth bookkeeping (NOT part of a RePORTER record; stripped before writing)
                "_pi_key": c["pi"], "_co_keys": c["co"], "_kind": g["kind"], "_ss_key": g["ss"],
            }
            records.append(rec)
    records.sort(key=lambda x: (x["fiscal_year"], _h("appl", x["core_project_num"], x["fiscal_year"])))
    for n, rec in enumerate(records):
        rec["appl_id"] = 90_000_001 + n
        rec["project_detail_url"] = f"https://reporter.nih.gov/project-details/{rec['appl_id']}"
    return records, people

# ==============================================================================================================
# 6. Second hand-written layer: topic-specific sentences appended to the shorter abstracts ("key:grant index").
# ==============================================================================================================
EXTRA = {
 "card_lqt:1": "Ranolazine and a selective late-current blocker will be tested for suppression of inducible arrhythmias, and human myocytes from explanted failing hearts will confirm the phosphorylation state of the channel.",
 "vasc_endo:2": "Engineered beds will be coupled to kidney and islet organoids to test whether perfusion improves their maturation, and the matrices will be distributed to other laboratories as an open resource.",
 "ct_lungtx:1": "Culture-independent profiles will be integrated with donor smoking history and ischemic time, and selected taxa will be tested for their capacity to induce airway epithelial injury in a murine heterotopic tracheal transplant model.",
 "ct_cabg:1": "Outcomes include days alive and at home at 90 days, six-minute walk distance and return to independent living. Mentors in geriatrics and surgical outcomes research will guide training in mixed-effects modeling.",
 "pulm_at2:1": "Organoid co-cultures of human alveolar epithelium with fibroblast subsets will test sufficiency of candidate ligands, and ligand-receptor inference will be validated by in situ hybridization in injured lungs from patients.",
 "pulm_pah:1": "We will test whether coupling measured noninvasively by MRI can replace invasive catheterization as a trial endpoint and whether uncoupling identifies patients who need early parenteral prostacyclin.",
 "pulm_osa:0": "Genetic instruments for sleep apnea severity will be used in Mendelian randomization analyses, and a pilot of home oximetry screening among patients scheduled for ablation will evaluate feasibility.",
 "heme_hbf:1": "Patient-derived cells from congenital dyserythropoietic anemia will be studied to connect the trafficking defects to human disease, and candidate regulators will be validated in zebrafish.",
 "heme_scdafr:1": "Trainees will conduct projects on newborn screening, transcranial Doppler programs and hydroxyurea access, and the program will establish a regional biorepository with standard operating procedures.",
 "heme_plt:0": "Platelet RNA sequencing from 150 patients with sepsis will be related to venous and arterial thrombotic events. The candidate will receive training in intravital imaging and systems immunology.",
 "heme_plt:1": "Mitochondria-targeted antioxidants will be tested for their ability to normalize platelet reactivity without prolonging bleeding time in aged mice, and in a small randomized crossover study in older volunteers.",
 "heme_iron:0": "We will also determine whether erythroferrone levels predict iron loading on MRI in non-transfusion-dependent patients and can guide chelation therapy.",
 "heme_iron:1": "Secondary analyses will examine whether prenatal intravenous iron in a subset randomized in a nested trial improves these infant outcomes, and whether placental iron transporter expression modifies associations.",
 "heme_aml:1": "Correlative studies will examine clonal evolution by error-corrected sequencing at relapse and geriatric assessment measures that predict non-relapse mortality after transplant.",
 "gi_paneth:1": "Organoid regeneration will be quantified by live imaging and single-cell sequencing, and hits will be tested in a mouse model of pelvic irradiation with endoscopic scoring of rectal injury.",
 "gi_gastroparesis:1": "Mapping results will be compared with gastric emptying scintigraphy and high-resolution manometry, and test-retest reliability will be established in a subset of participants.",
 "gi_eoe:0": "We will also test whether these T cells express IL-9 and IL-13 in the esophageal mucosa and whether an epithelial transcriptomic panel tracks their activity during dietary elimination.",
 "gi_barrett:0": "Secondary aims assess patient acceptability and the optimal screening interval, and a microsimulation model will estimate effects on population cancer incidence.",
 "gi_barrett:1": "Endpoints include successful discontinuation at six months, symptom scores, and rates of upper endoscopy, with an interrupted time series of clinic-level prescribing before and after rollout.",
 "neph_apol1:1": "Findings will be cross-referenced with single-nucleus data from human biopsies in glomerular disease to prioritize regulators that could be targeted to prevent crescentic injury.",
 "neph_aki:1": "Participants undergo standardized phenotyping, urine and blood biobanking and longitudinal follow-up of eGFR and albuminuria, and the site contributes to community engagement and ethics studies of research biopsies.",
 "neph_homedial:0": "Outcomes of the pilot include modality choice at 90 days, patient activation and knowledge scores, and feasibility of a multisite trial. Training emphasizes health equity research and mixed methods.",
 "neph_tx:0": "Immunologic risk will be characterized by eplet mismatch analysis, and cost-effectiveness of surveillance strategies will be estimated.",
 "neph_ckdmbd:0": "Changes in serum phosphate, parathyroid hormone and klotho will be examined as mediators, with sensitivity analyses accounting for adherence to the assigned binder.",
 "neph_ckdmbd:1": "Recombinant soluble klotho will be tested as a therapy, and calcification will be quantified by micro-CT and von Kossa staining of aortas.",
 "endo_beta:1": "Human islets from donors with obesity will be examined for the same macrophage states, and pharmacologic PDGF receptor activation will be tested for its ability to expand functional beta cell mass.",
 "endo_pcos:1": "Frequent blood sampling will define LH pulse frequency before and after weight loss, and chemogenetic activation of kisspeptin neurons in obese mice will test whether ovulation can be restored.",
 "endo_thyroid:0": "Results will explain the variable efficacy of thyroid hormone mimetics in hepatic steatosis and may identify biomarkers of response.",
 "endo_youth:0": "Outcomes include HbA1c, clinic attendance and diabetes distress. The candidate will complete training in pragmatic trial design and community-engaged research.",
 "endo_bat:0": "Participants will also undergo indirect calorimetry and adipose tissue biopsies for UCP1 expression and lipolytic capacity.",
 "endo_bat:1": "Appetite hormones and food reward responses measured by fMRI will be examined as predictors of regain, and participants' preferences will be captured to inform shared decision-making.",
 "endo_dkdgec:0": "Endothelial-targeted insulin sensitizers will be tested for their ability to restore the glycocalyx and reduce albuminuria independently of glycemia.",
 "onc_exer:1": "Navigators will screen for financial needs, connect patients with assistance programs and negotiate payment plans, and the trial will examine effects on missed appointments and treatment delays.",
 "onc_caf:1": "We will test whether LTbetaR agonists or CXCL13 delivery induces tertiary lymphoid structures and improves response to PD-1 blockade, and relate structure maturity to outcomes in treated patients.",
 "onc_lungio2:0": "Single-cell TCR sequencing of tumor and blood will track clonotypes before and after therapy, and the requirement for TGF-beta signaling in resident memory formation will be tested genetically.",
 "onc_geri:1": "Mentees will use data from completed cooperative group trials and the candidate's cohort of 1,800 older adults, with training in geriatric assessment and mixed-methods research.",
 "onc_t32:0": "Trainees present at a monthly work-in-progress series and attend a summer course in clinical pharmacology. Outcomes of past trainees include independent research funding and leadership of investigator-initiated trials.",
 "onc_t32:1": "Resistance mechanisms will be tested in patient-derived xenografts treated with trastuzumab deruxtecan and sacituzumab govitecan, with combinations designed to restore payload retention.",
 "ro_sbrt:1": "Mentors in tumor immunology and medical physics will guide studies of whether reducing dose to circulating blood by plan optimization preserves lymphocyte counts in a prospective pilot.",
 "ro_adaptive:0": "Imaging biomarkers from diffusion MRI will be evaluated as early predictors of response, and patient-reported swallowing outcomes will be collected for two years after treatment.",
 "ro_proton:0": "A model incorporating LET, dose and patient age will be validated in an external cohort and used to propose robust planning constraints.",
 "ro_proton:1": "Secondary endpoints include physician-reported toxicity, biochemical recurrence and cost. Rectal spacer use and image-guidance practices will be standardized across participating centers.",
 "id_prep:1": "Fellows will receive training in implementation frameworks, cost-effectiveness analysis and research ethics, and will lead projects in clinics and pharmacies serving adolescents and key populations.",
 "id_cdiff:0": "Stool metabolomics will test whether secondary bile acid depletion mediates the effect of immunosuppression and antibiotics on recurrence. The candidate will train in microbiome bioinformatics and trial design.",
 "id_tb:1": "Diagnostic accuracy will be assessed against culture, and a cost-effectiveness model will inform national screening policy for correctional facilities.",
 "id_malaria:0": "Gametocyte commitment rates will be related to infectivity in direct skin feeding assays and to fever episodes recorded in a longitudinal cohort of asymptomatic carriers.",
 "id_hivcure:0": "Host immune responses including HIV-specific CD8 T-cell function and antibody titers will be examined as determinants of reservoir size, and women and men will be compared.",
 "ai_tfh:0": "Findings will be validated in aspirates collected after mRNA vaccination in adults over 65, whose Tfh responses are reduced.",
 "ai_tfh:1": "Panels will be validated against tetramer staining and made available with analysis pipelines.",
 "ai_pen:0": "Outcomes include the proportion of patients delabeled, subsequent beta-lactam use and adverse reactions. The candidate will train in implementation science and decision analysis.",
 "ai_iei:0": "A clinical decision algorithm for genetic testing will be developed for pediatric rheumatology and immunology clinics.",
 "ai_transplanttol:0": "Graft survival, donor-specific antibodies and skin infiltrates will be monitored, and the persistence and stability of engineered regulatory T cells will be tracked by barcoding.",
 "ai_transplanttol:1": "Spatial transcriptomics will define interactions with donor endothelium, and findings will be related to episodes of acute rejection and to graft vasculopathy.",
 "rh_lupus:1": "The candidate will also lead a new pragmatic trial of nurse-led monitoring in lupus clinics and an annual workshop on patient-oriented research methods.",
 "rh_cvlupus:0": "Statin and hydroxychloroquine exposure will be examined as modifiers, and findings will inform a future cardiovascular prevention trial in lupus.",
 "rh_gout:0": "Secondary analyses examine patient adherence, renal function and cost-effectiveness, and a process evaluation will describe how nurses titrated therapy.",
 "rh_gout:1": "Findings will inform culturally appropriate dietary counseling and genotype-informed urate targets.",
 "derm_psor:1": "We will also examine whether topical JAK inhibitors applied after repigmentation prolong remission in a pilot study.",
 "derm_hs:0": "Outcomes will include pain, quality of life, work productivity and emergency visits, and the candidate will receive training in registry science and comparative effectiveness methods.",
 "derm_hs:1": "Secondary outcomes include draining tunnel counts on ultrasound, antibiotic courses and cost to patients.",
 "derm_mel:0": "Models will be tested for calibration across racial groups and in community dermatopathology practices, and a decision-analytic model will estimate effects on surveillance imaging.",
 "derm_mel:1": "Lesions will be triaged by dermatologists using dermoscopic images and compared with in-person assessment, and clinician and patient satisfaction will be measured.",
 "derm_wound:0": "Findings may yield strategies to reduce scarring after burns and surgical wounds.",
 "ger_deprescr:1": "Estimates will be stratified by frailty and multimorbidity, and an online calculator will be developed with input from primary care clinicians and patients.",
 "ger_delirium:1": "Mentees will learn biomarker methods, cognitive assessment and trial design through a structured curriculum.",
 "ger_falls:0": "Outcomes of the pilot include feasibility, fall rates and physical function. The candidate will receive training in pragmatic trials, claims-based methods and geriatric rehabilitation.",
 "ger_hospice:0": "Qualitative interviews with family caregivers will examine experiences of live discharge, and state policy variation will be used to estimate effects of regulatory oversight.",
 "neu_stroke:1": "The registry will also examine treatment disparities by race and sex and the timing of antidepressant initiation.",
 "neu_ms:0": "Findings could define a biomarker for trials of therapies targeting chronic active lesions. The candidate will train in advanced neuroimaging and longitudinal data analysis.",
 "neu_ad:1": "Outcomes include treatment discontinuation, hospitalization for ARIA and cognitive trajectories over 18 months.",
 "neu_migraine:0": "Monoclonal antibodies against CGRP and PACAP receptors will be tested for their ability to reverse established sensitization, and sex differences will be examined throughout.",
 "neu_autism:0": "Candidate therapies that enhance residual sodium channel function will be tested for rescue of dendritic excitability and seizure susceptibility in mice.",
 "nsg_dbs:1": "Intracranial recordings from the device will be analyzed to identify thalamocortical biomarkers of seizure onset and of treatment response.",
 "nsg_glioma:0": "Intraoperative recordings will be correlated with tumor transcriptional programs, and a phase 1 trial of perampanel with standard chemoradiation is planned in partnership with neuro-oncology.",
 "nsg_glioma:1": "Secondary outcomes include seizure control, steroid dependence and time to adjuvant therapy, and patient selection criteria will be refined with volumetric imaging.",
 "nsg_sah:0": "A pilot randomized trial will inform dosing and safety of ketamine for suppressing depolarizations, and findings will be related to six-month functional outcome.",
 "nsg_mma:0": "Outcomes include symptomatic recurrence, reoperation and functional status at six months, and imaging predictors of recurrence will be modeled.",
 "nsg_sci:0": "Secondary outcomes include autonomic function, spasticity and quality of life, and neurophysiology will track changes in corticospinal connectivity.",
 "nsg_tbi:0": "Outcomes include six-month Glasgow Outcome Scale-Extended and mortality, with training of local teams in protocolized care and monitoring device use. Cost and feasibility of monitoring will be assessed to inform adoption.",
 "psy_ketamine:1": "Outcomes include feasibility, fidelity, patient acceptability and depressive symptoms at 16 weeks.",
 "psy_bup:1": "Mentees will receive training in implementation science and pragmatic trial design.",
 "psy_psychosis:0": "Sensitivity analyses will address confounding by indication, and qualitative interviews will explore clinician barriers to clozapine use.",
 "psy_suicide:0": "Models will be evaluated for calibration and fairness, and the acceptability of passive sensing will be assessed with patients and clinicians.",
 "psy_adhd:0": "Analyses will examine heterogeneity by sex, comorbid conditions and insurance type, and results will inform guidelines on continuity of treatment through adolescence.",
 "psy_aud:0": "Findings will identify circuit targets for medications that relieve withdrawal-related negative affect.",
 "psy_stress:0": "Sex differences in pruning will be examined, and pharmacologic inhibition of complement will be tested for rescue of behavior.",
 "psy_perinatal:0": "Implementation outcomes include fidelity of delivery by community health workers and costs, and mediators such as activation and social support will be examined.",
 "ped_sepsis:0": "Balancing measures include antibiotic overuse and false alerts. The candidate's mentors in pediatric emergency medicine and informatics will guide training in prediction modeling.",
 "ped_echo:0": "Biospecimens will be banked for consortium-wide analyses, and sociodemographic factors will be examined as modifiers of exposure effects.",
 "ped_rsv:0": "Analyses will use a test-negative design and will examine effectiveness by gestational age and timing of administration.",
 "ped_kawasaki:0": "The results may identify children at highest risk of coronary complications who need intensified anti-inflammatory therapy.",
 "ped_nicu:0": "Infant outcomes include necrotizing enterocolitis, late-onset sepsis and growth, and microbiome data will be shared through a public repository.",
 "ob_preecl:1": "Secondary outcomes include preterm birth, small-for-gestational-age infants and bleeding complications, with adherence measured by pill counts.",
 "ob_pphtn:0": "Outcomes include blood pressure ascertainment within 10 days of discharge, severe hypertension and readmission, with mentors in maternal-fetal medicine and implementation science.",
 "ob_matmort:0": "Qualitative interviews with clinicians and community members will describe adaptations after closures.",
 "ob_fibroid:0": "Fibroid tissue from diverse patients will be used to examine how MED12 status relates to growth rates measured by serial ultrasound.",
 "gs_tic:1": "Mentees will use data from the prehospital cohort and state trauma registries.",
 "gs_egs:1": "The resulting indices will be incorporated into risk calculators for emergency laparotomy.",
 "gs_pancreas:0": "Qualitative interviews with patients traveling for surgery will inform policy recommendations.",
 "gs_t32:0": "Trainees complete coursework in clinical epidemiology and laboratory methods and are mentored by faculty in surgery, immunology and biomedical engineering. Program outcomes include publications and career development awards.",
 "or_fracture:1": "Findings will indicate whether analgesics that block this pathway impair healing.",
 "or_rotator:0": "Scaffolds incorporating controlled release of TGF-beta3 will be compared with commercially available patches, and the regulatory path for a first-in-human study will be defined.",
 "or_tka:0": "Predictors including preoperative pain catastrophizing, sleep and depression will be modeled, and the candidate will train in longitudinal methods and pain research.",
 "or_tka:1": "Secondary outcomes include patient satisfaction, readmission and manipulation under anesthesia.",
 "or_oa:0": "Serial MRI will track cartilage change in mice and in patients after reconstruction.",
 "or_spine:0": "Small molecules that stabilize HIF signaling will be tested for preservation of disc height and reduction of pain-related behavior.",
 "pl_vml:1": "Graft retention will be compared across donor sites and preconditioning durations.",
 "pl_breast:0": "Costs and health care use will be estimated from claims, and decision aids for women choosing reconstruction before radiation will be developed with patient partners.",
 "pl_breast:1": "Electrophysiology and histomorphometry will compare conduits with autologous nerve grafts.",
 "pl_lymph:0": "Outcomes include limb volume, lymphatic function on indocyanine green imaging and tissue fibrosis, and findings will inform a pilot study in patients after axillary dissection.",
 "uro_pca:0": "Secondary outcomes include anxiety, decisional regret and adherence to surveillance schedules, and a cost analysis will compare strategies.",
 "uro_pca:1": "Outcomes are measured with validated symptom indices at 6, 12 and 24 months.",
 "uro_stone:0": "Secondary outcomes include urine supersaturation and emergency department visits for renal colic.",
 "uro_stone:1": "Transcriptomic profiling of papillary tissue will identify pathways linking hypercalciuria to plaque formation.",
 "uro_bladder:0": "Intravesical therapies that restore barrier function will be tested in mice, and findings will be related to symptom phenotypes in a patient cohort.",
 "uro_pediatric:0": "The training plan includes developmental biology, bioinformatics and responsible conduct of research.",
 "uro_bcg:0": "Epigenetic profiling of monocytes before and after induction will be related to recurrence-free survival in 200 patients.",
 "ent_ci:0": "Secondary outcomes include loneliness, caregiver burden and brain structure on MRI, and cost-effectiveness will be estimated.",
 "ent_ci:1": "Outcomes include hearing aid use, communication function and program reach.",
 "ent_hnc:0": "Secondary endpoints include event-free survival, surgical complications and functional outcomes, and circulating tumor DNA will be assessed as a marker of response.",
 "ent_crs:0": "Organoids derived from polyp basal cells will test whether memory persists after cytokine withdrawal, with implications for recurrence after surgery.",
 "ent_crs:1": "Secondary outcomes include quality of life and recovery trajectories by duration of loss.",
 "ent_voice:0": "Safety, vocal function indices and patient-reported voice handicap will be assessed over one year.",
 "oph_glaucoma:0": "Findings will inform ongoing clinical trials of nicotinamide in glaucoma.",
 "oph_glaucoma:1": "Secondary outcomes include medication burden, intraocular pressure control and cost.",
 "oph_dr:0": "Equity of screening completion across race and insurance and the accuracy of AI in youth will be examined.",
 "oph_cornea:0": "Corneal sensitivity and epithelial healing will be tracked, and a pilot trial of topical nerve growth factor in diabetic keratopathy is planned.",
 "oph_myopia:0": "Findings will inform the mechanism of atropine and outdoor light exposure in slowing myopia progression in children.",
 "rad_mri:1": "Outcomes include interval cancers and cost per cancer detected.",
 "rad_ir:0": "A machine-learning model will combine dosimetry and baseline imaging to predict response.",
 "rad_ir:1": "Immune responses will be compared with thermal ablation.",
 "rad_pet:0": "Quantitative accuracy will be validated in phantoms and in patients with melanoma and lung cancer, and methods will be released as open-source software.",
 "rad_pe:0": "Outcomes include CT use, diagnostic yield, missed pulmonary embolism and contrast-associated complications, with qualitative interviews of emergency physicians.",
 "an_pod:1": "Human EEG during emergence will be compared with rodent recordings to identify conserved signatures.",
 "an_pain:1": "Secondary outcomes include opioid consumption, quality of recovery and catheter-related complications, and biomarkers collected before surgery will be examined as predictors of chronic pain.",
 "an_hypot:0": "The candidate will train in causal inference with high-frequency data and in pragmatic perioperative trials, with mentors in anesthesiology and nephrology.",
 "an_ob:0": "Analyses will also examine racial disparities in neuraxial analgesia use and whether they contribute to disparities in maternal morbidity.",
 "an_sepsis:0": "Results will inform trials of inhaled sedation in mechanically ventilated patients with sepsis.",
 "em_cardarrest:1": "Mentees will learn network trial operations, data science and community consultation methods.",
 "em_injury:0": "Implementation outcomes include reach, fidelity and cost, and community advisory boards will guide adaptation of the intervention.",
 "em_ct:0": "Outcomes are measured through electronic health records and statewide trauma registries, and parent and clinician acceptability will be assessed.",
 "em_ct:1": "Balancing measures include return visits, bleeding and recurrent thrombosis.",
 "em_sepsisfluid:0": "Feasibility outcomes include recruitment rate, protocol adherence and separation in fluid volumes, with mortality and organ support recorded as exploratory outcomes.",
 "fm_dpp:0": "Analyses will examine which patients choose each option and whether choice improves engagement and outcomes.",
 "fm_dpp:1": "Outcomes include weight change at 12 months and engagement with messages.",
 "fm_opioid:0": "Secondary outcomes include overdose and emergency department visits, and an economic evaluation will estimate the cost of implementation per practice.",
 "fm_uti:0": "Patient satisfaction and return visits will be measured, and antibiotic resistance in urine isolates will be monitored.",
 "fm_screen:0": "Outcomes include completion of FIT and follow-up colonoscopy after an abnormal result, and implementation costs per screened patient will be estimated for clinic leaders.",
 "path_comp:1": "Features will be related to p53 signatures and BRCA status.",
 "path_transfus:0": "Storage additive solutions and donor screening algorithms will be evaluated in a pilot study of recipients with chronic transfusion needs.",
 "path_liquid:0": "Assay performance will be assessed across sex, race and smoking history, and diagnostic follow-up pathways for positive results will be piloted.",
 "path_autopsy:0": "Organoids derived from metastatic lesions will be used to test whether organ-specific clones have distinct drug sensitivities.",
 "path_micro:0": "Time to optimal therapy and clinical outcomes will be compared in a pilot randomized study of reporting rapid results versus standard testing.",
 "pmr_stroke:1": "Mentees will use data from ongoing rehabilitation trials.",
 "pmr_amputee:0": "Residual limb health, bone density around the implant and falls will be monitored, and findings will guide rehabilitation protocols after osseointegration.",
 "pmr_backpain:0": "Secondary outcomes include physical function, sleep and health care costs, and implementation barriers in safety-net settings will be documented.",
 "pmr_tbi:0": "Heart rate variability and cerebral blood flow will be examined as mechanisms of recovery.",
 "pmr_sci:0": "The candidate will train in sensor signal processing, rehabilitation trial design and clinimetrics.",
 "pub_fqhc:0": "Community partners will co-develop dissemination products for local policy makers, and analyses will examine protective factors such as neighborhood social cohesion.",
 "pub_tobacco:0": "We will also examine whether effects differ by neighborhood income and race and whether restrictions shift use toward menthol cigarettes.",
 "pub_tobacco:1": "Findings will inform regulatory policy on marketing.",
 "pub_water:0": "Water treatment uptake and sustained changes in exposure will be assessed, and results will be returned to participants through culturally appropriate report-back sessions.",
 "pub_vax:0": "Cost per additional vaccinated adolescent and sustainment after the study will be assessed.",
 "pub_global:0": "Trainees will lead analyses of existing cohorts and design new studies on cardiovascular risk factors. Program evaluation tracks publications, grants and retention of trainees in Ghanaian institutions.",
 "pub_global:1": "Qualitative interviews will examine health system factors supporting sustainment.",
 "pub_epi_covid:0": "Forecasts will be made publicly available to health departments, and accuracy will be compared with models using clinical data alone.",
 "pub_epi_covid:1": "Chest CT will be obtained in participants with persistent symptoms, and trajectories will be compared by vaccination status.",
 "pub_food:0": "Secondary outcomes include blood pressure, weight and health care use, and implementation costs will be estimated for health plans.",
 "bas_circ:0": "Findings will reveal how feeding time and light cues integrate to maintain metabolic homeostasis, and how disruption contributes to disease.",
 "bas_circ:1": "Studies in shift workers will measure hepatic glucose production by stable isotope tracers.",
 "bas_zebra:0": "Mutants affecting cilia length and beating will be characterized to connect flow dynamics to laterality defects, including heterotaxy in humans.",
 "bas_immunometab:0": "Results will inform strategies to enhance T-cell memory for vaccines and adoptive cell therapy.",
 "bas_stats:0": "Methods will be illustrated with applications to anticoagulation, antihypertensive therapy and antidepressant use in large health system databases.",
 "bas_stats:1": "Software will be validated in simulation studies and two real-world consortia.",
 "bas_f32a:0": "The applicant will receive training in single-cell sequencing and live imaging, and will use cardiomyocyte-specific genetic tools to modulate cytokinesis. The sponsor's laboratory provides an environment for the applicant's transition to an independent career.",
 "bas_f32b:0": "Receptor knockouts generated by CRISPR will define the sensors involved, and hormone release will be measured in response to defined microbial communities. The training plan includes courses in microbiome science and quantitative imaging.",
 "bas_f32c:0": "Single-cell lineage tracing will identify the cell of origin, and epigenetic inhibitors will be tested to block transdifferentiation. The applicant will train in computational biology and cancer genetics in a collaborative environment.",
}

# Closing sentences of the kind real abstracts carry regardless of topic (no topic slots). Used only to bring an
# abstract up to 80 words; they are noise for a text ranker, as in real RePORTER text.
BOILER = {
    "basic": [
        "All experiments will include both sexes, use randomization and blinded quantification, and are powered on the basis of preliminary data.",
        "The approach is innovative because it combines genetic models with human tissue to move from correlation to mechanism.",
        "Successful completion will identify new therapeutic targets and provide reagents that will be shared with the research community.",
        "Rigor is ensured by authentication of key resources, prespecified analysis plans and replication in independent cohorts of animals.",
        "These studies build on a productive collaboration and on preliminary data published in the last funding period.",
        "Data and code will be deposited in public repositories in accordance with the data management and sharing plan.",
        "The expected outcome is a mechanistic model that explains a major unresolved question in the field.",
    ],
    "clin": [
        "The study is powered to detect clinically meaningful differences and uses a prespecified statistical analysis plan.",
        "A community advisory board will guide recruitment, retention and dissemination of results to participants.",
        "Data will be collected in REDCap, and de-identified data will be shared through a controlled-access repository.",
        "Results will inform clinical guidelines and the design of future definitive trials.",
        "The investigative team combines expertise in clinical care, biostatistics, health economics and implementation science.",
        "Recruitment will prioritize inclusion of women, older adults and racial and ethnic minority groups historically underrepresented in research.",
        "An independent data and safety monitoring board will oversee the study.",
    ],
    "trans": [
        "This translational program links bedside observations to mechanistic experiments and back to patients.",
        "The multidisciplinary team includes clinician-scientists, basic scientists and biostatisticians with a record of joint publications.",
        "Biospecimens and data generated will be shared with the research community to accelerate discovery.",
        "The work is significant because it addresses a gap between current understanding of disease mechanisms and patient care.",
        "Both sexes will be studied and analyses will test for sex differences where appropriate.",
        "Preliminary data establish feasibility of all proposed methods and access to the required patient samples.",
    ],
    "career": [
        "The candidate's long-term goal is to become an independent investigator leading patient-oriented research programs.",
        "The career development plan includes formal coursework, mentored research, and training in grant writing and the responsible conduct of research.",
        "An experienced mentoring team and an advisory committee will meet quarterly to review progress.",
        "The institutional environment provides protected time, core resources and a strong record of training physician-scientists.",
        "Results will provide preliminary data for an independent R01 application in the final year of the award.",
    ],
    "train": [
        "Trainees are selected through a competitive process that emphasizes diversity and prior research productivity.",
        "Each trainee develops an individual development plan reviewed annually by the executive committee.",
        "An external advisory committee evaluates program outcomes, including publications, grants and research careers of graduates.",
        "Instruction in the responsible conduct of research and in rigor and reproducibility is integrated throughout training.",
    ],
}
IC_MENTION = [
    "This application is responsive to the research priorities of the {name}.",
    "The proposal aligns with the {abbr} strategic vision for improving health across the lifespan.",
    "The work builds on resources developed with prior {abbr} support.",
    "This project leverages infrastructure supported by the {name}.",
]


def _pool(g):
    if g["act"] in {"K23", "K08", "K24", "F32"}:
        return BOILER["career"] + BOILER["train" if g["act"] == "F32" else "clin"][:2]
    if g["kind"] == "train":
        return BOILER["train"] + BOILER["career"][2:4]
    return BOILER[g["kind"]]


def finalize_texts():
    """Merge EXTRA sentences and, where still short, closing sentences; add realistic IC mentions and headers."""
    for p in PIS:
        for i, g in enumerate(p["grants"]):
            key = f"{p['key']}:{i}"
            text = g["abstract"]
            if key in EXTRA:
                text = f"{text} {EXTRA[key]}"
            pool = list(_pool(g))
            _rng("boiler", key).shuffle(pool)
            abbr, name, _ = ICS[g["ic"]]
            if _h("icmention", key) % 100 < 18:
                tmpl = IC_MENTION[_h("icm", key) % len(IC_MENTION)]
                pool.insert(0, tmpl.format(name=name, abbr=abbr))
            while len(text.split()) < 80 and pool:
                text = f"{text} {pool.pop(0)}"
            assert 80 <= len(text.split()) <= 180, (key, len(text.split()))
            header = ["", "", "Project Summary ", "PROJECT SUMMARY/ABSTRACT ", "Abstract: "][_h("hdr", key) % 5]
            g["abstract_final"] = header + text
            if g["phr"] != "No Text" and _h("phric", key) % 4 == 0:
                g["phr_final"] = f"{g['phr']} This research supports the mission of the {name} ({abbr})."
            else:
                g["phr_final"] = g["phr"]
        # unique keys
    unused = set(EXTRA) - {f"{p['key']}:{i}" for p in PIS for i in range(len(p["grants"]))}
    assert not unused, unused

# ==============================================================================================================
# 7. Queries (as an applicant would type them) and the canonical specialties each one means (for labels only).
# ==============================================================================================================
QUERIES = [
    # id, specialty as typed, skills, track, canonical specialties
    ("q01", "cardiology", [], "any", ["cardiology"]),
    ("q02", "cards", [], "clinical", ["cardiology"]),
    ("q03", "cardiolgy", ["mouse models", "echocardiography", "single-cell RNA-seq"], "postdoc", ["cardiology"]),
    ("q04", "GI", [], "any", ["gastroenterology"]),
    ("q05", "gastroenterology", ["IBD", "cohort studies", "biostatistics"], "clinical", ["gastroenterology"]),
    ("q06", "pulm/crit care", [], "any", ["pulmonary/critical care"]),
    ("q07", "pulmonary and critical care", ["clinical trials", "ICU data", "machine learning"], "clinical", ["pulmonary/critical care"]),
    ("q08", "pulmonology", [], "postdoc", ["pulmonary/critical care"]),
    ("q09", "nephrology", [], "any", ["nephrology"]),
    ("q10", "endocrinology", ["islet biology", "CRISPR", "mouse models"], "postdoc", ["endocrinology"]),
    ("q11", "endo", [], "clinical", ["endocrinology"]),
    ("q12", "hematology", [], "any", ["hematology"]),
    ("q13", "heme/onc", [], "any", ["hematology", "oncology"]),
    ("q14", "oncology", ["clinical trials", "survivorship", "patient-reported outcomes"], "clinical", ["oncology"]),
    ("q15", "ID", [], "any", ["infectious disease"]),
    ("q16", "infectious diseases", ["HIV", "global health", "REDCap"], "clinical", ["infectious disease"]),
    ("q17", "rheumatology", [], "any", ["rheumatology"]),
    ("q18", "allergy/immunology", ["flow cytometry", "single-cell RNA-seq", "T cells"], "postdoc", ["allergy/immunology"]),
    ("q19", "geriatrics", [], "clinical", ["geriatrics"]),
    ("q20", "neurology", [], "any", ["neurology"]),
    ("q21", "neuro", ["electrophysiology", "iPSC", "neurodegeneration"], "postdoc", ["neurology"]),
    ("q22", "psychiatry", ["RCT", "depression", "digital health"], "clinical", ["psychiatry"]),
    ("q23", "pediatrics", [], "any", ["pediatrics"]),
    ("q24", "ob/gyn", [], "clinical", ["obstetrics/gynecology"]),
    ("q25", "general surgery", ["outcomes research", "NSQIP", "health services research"], "clinical", ["general surgery"]),
    ("q26", "neurosurgery", [], "any", ["neurosurgery"]),
    ("q27", "ortho", [], "postdoc", ["orthopaedics"]),
    ("q28", "plastic surgery", [], "any", ["plastic surgery"]),
    ("q29", "CT surgery", [], "any", ["cardiothoracic surgery"]),
    ("q30", "vascular surgery", [], "any", ["vascular surgery"]),
    ("q31", "urology", [], "clinical", ["urology"]),
    ("q32", "ENT", [], "any", ["otolaryngology"]),
    ("q33", "ophthalmology", ["retinal imaging", "deep learning", "OCT"], "any", ["ophthalmology"]),
    ("q34", "derm", [], "any", ["dermatology"]),
    ("q35", "radiology", ["deep learning", "MRI", "image reconstruction"], "any", ["radiology"]),
    ("q36", "rad onc", [], "any", ["radiation oncology"]),
    ("q37", "anesthesia", [], "clinical", ["anesthesiology"]),
    ("q38", "emergency medicine", [], "clinical", ["emergency medicine"]),
    ("q39", "family medicine", [], "any", ["family medicine"]),
    ("q40", "pathology", ["digital pathology", "machine learning", "biomarkers"], "any", ["pathology"]),
    ("q41", "PM&R", [], "any", ["physical medicine & rehabilitation"]),
    ("q42", "public health", ["epidemiology", "SAS/R", "community-based research"], "clinical", ["public health"]),
]

# ==============================================================================================================
# 8. Labels
# ==============================================================================================================
KIND_SCORE = {  # track fit of one grant: clinical track, postdoc/bench track
    "clin": (1.0, 0.0), "trans": (0.5, 0.5), "basic": (0.0, 1.0), "train": (0.5, 0.5),
}


def grant_specialties(ic: str, ss_key: str) -> set[str]:
    """The specialty signal of one grant: its study section's set, or, for a generic section, its IC's set."""
    topical = SECTIONS[ss_key][3]
    return set(topical) if topical else set(IC_FALLBACK[ic])


def pi_projects(records):
    """profile_id -> {core_project_num: dict(signal set, contact bool, activity, kind)}"""
    out: dict[int, dict[str, dict]] = {}
    for r in records:
        spec = grant_specialties(r["agency_ic_admin"]["code"], r["_ss_key"])
        for pi in r["principal_investigators"]:
            d = out.setdefault(pi["profile_id"], {}).setdefault(r["core_project_num"], dict(
                spec=spec, contact=False, act=r["activity_code"], kind=r["_kind"], title=r["project_title"]))
            d["contact"] = d["contact"] or pi["is_contact_pi"]
    return out


def specialty_grade(cores: dict, targets: set[str]) -> tuple[int, str]:
    sig = [c for c, d in cores.items() if d["spec"] & targets]
    if not sig:
        return 0, "no project carries the signal"
    frac = len(sig) / len(cores)
    lead = [c for c in sig if cores[c]["contact"] and _is_research(cores[c]["act"])]
    if frac >= 0.5 and lead:
        return 2, f"{len(sig)}/{len(cores)} core projects carry the signal; contact PI on research award {lead[0]}"
    why = "no signal-carrying R/U/P/DP award as contact PI" if frac >= 0.5 else f"only {len(sig)}/{len(cores)} core projects carry the signal"
    return 1, f"{len(sig)}/{len(cores)} core projects carry the signal; {why}"


def track_grade(cores: dict, targets: set[str], track: str) -> tuple[int, str]:
    sig = [d for d in cores.values() if d["spec"] & targets]
    col = 0 if track == "clinical" else 1
    scores = [KIND_SCORE[d["kind"]][col] for d in sig]
    mean = sum(scores) / len(scores)
    kinds = ",".join(sorted(d["kind"] for d in sig))
    if mean >= 0.5:
        return 2, f"track {track}: signal grants are [{kinds}] (mean fit {mean:.2f})"
    if mean > 0:
        return 1, f"track {track}: signal grants are [{kinds}] (mean fit {mean:.2f}, adjacent)"
    return 0, f"track {track}: signal grants are [{kinds}] (no fit)"

# ---------------------------------------------------------------- late additions (same hand-written layer)
P("ct_peds", "SURGERY", [
    G("R01", "HL", "ZHL1-CSRT", (2023, 2025), "clin",
      "Cerebral oxygen delivery during neonatal cardiopulmonary bypass and school-age neurodevelopment",
      """Infants undergoing open-heart operations for critical congenital heart disease face a high risk of
      neurodevelopmental impairment. Bypass strategy, including flow rates, hematocrit, cooling and regional cerebral
      perfusion during arch reconstruction, varies widely among centers. In a multicenter cohort of 650 neonates operated
      on at 14 congenital heart surgery programs, we will capture intraoperative near-infrared spectroscopy, perfusion
      records and postoperative brain MRI, and relate cumulative cerebral desaturation and white matter injury to
      executive function, attention and academic achievement at school age. A nested randomized pilot will compare
      two perfusion strategies for the Norwood operation.""",
      "Brain Injuries;Cardiopulmonary Bypass;Congenital Heart Defects;Executive function;Infant, Newborn;Near-infrared spectroscopy;Neurodevelopment;Norwood procedure;Perfusion;White matter injury",
      sy=2),
    G("K24", "HL", "MPOR", 2025, "clin",
      "Mentoring in patient-oriented research in congenital heart surgery outcomes",
      """This midcareer award supports the candidate, a congenital heart surgeon, to mentor surgical residents, fellows
      and junior faculty in patient-oriented research using the Society of Thoracic Surgeons congenital database,
      multicenter neurodevelopmental cohorts and trials of perioperative strategies. Mentees will lead analyses of
      interstage mortality after single-ventricle palliation, center variation in failure to rescue, and family-reported
      outcomes after discharge, with structured training in outcomes research methods.""",
      "Career development;Congenital Heart Defects;Heart surgery;Mentors;Outcomes research;Registries;Single ventricle;Surgery"),
], rank="PROFESSOR")

P("gs_quality", "SURGERY", [
    G("R01", "GM", "SAT", (2022, 2024), "clin",
      "Failure to rescue after major abdominal surgery: hospital resources, nurse staffing and escalation of care",
      """Hospitals with similar complication rates after major abdominal operations differ two-fold in mortality, largely
      because some hospitals fail to rescue patients once complications occur. Linking American College of Surgeons
      NSQIP data from 180 hospitals with Medicare claims, nurse staffing surveys and rapid response team records, we will
      identify structural and process features associated with failure to rescue after colectomy,
      pancreatectomy and ventral hernia repair, use mixed-effects and instrumental-variable models to estimate the effect
      of intensivist coverage and nurse-to-patient ratios, and conduct site visits at high- and low-performing
      hospitals to characterize escalation practices.""",
      "Colectomy;Failure to rescue;Health Services Research;Hernia repair;Hospital Mortality;Medicare;Mixed-effects model;NSQIP;Nurse staffing;Postoperative Complications;Quality of care",
      sy=3),
], rank="ASSOCIATE PROFESSOR")

P("gs_k23", "SURGERY", [
    G("K23", "GM", "SAT", (2023, 2024), "clin",
      "Right-sizing opioid prescriptions after common general surgery procedures",
      """Surgeons prescribe far more opioid tablets than patients take after laparoscopic cholecystectomy,
      appendectomy and inguinal hernia repair, and leftover tablets are a source of misuse. The candidate, a general
      surgeon, will use a statewide surgical quality collaborative registry with patient-reported consumption for 40,000
      operations to build procedure-specific prescribing recommendations, evaluate their adoption across 70 hospitals
      using interrupted time series, and pilot an electronic health record default order set. The career development
      plan includes training in health services research, causal inference and implementation science.""",
      "Analgesics, Opioid;Appendectomy;Career development;Cholecystectomy;Health Services Research;Hernia repair;Implementation science;Interrupted time series;Opioid prescribing;Quality Improvement;Registries",
      sy=2),
], rank="ASSISTANT PROFESSOR")

P("uro_oab", "UROLOGY", [
    G("R01", "DK", "UKGD", (2022, 2024), "clin",
      "Sacral neuromodulation versus repeat onabotulinumtoxinA injection for refractory urgency incontinence in older women",
      """Urgency urinary incontinence affects a third of women over 65 and is associated with falls, depression and nursing
      home admission. Among women whose symptoms are refractory to medications, third-line options include intradetrusor
      onabotulinumtoxinA and sacral neuromodulation, but comparative data in frail and cognitively impaired older women are
      lacking. We will randomize 380 women aged 65 and older at nine sites, measuring reduction in daily urgency
      incontinence episodes on bladder diaries at 12 months, urinary retention requiring catheterization, urinary tract
      infection, device revision, cognition and falls. A cost-effectiveness analysis will account for repeat injections
      and device replacement.""",
      "Aged;Bladder diary;Botulinum toxin;Cost Effectiveness;Falls;Older women;Overactive bladder;Randomized Controlled Trials;Sacral neuromodulation;Urge Incontinence;Urinary Retention",
      sy=3),
])

P("uro_k23", None, [
    G("K23", "DK", "UKGD", (2024, 2025), "clin",
      "Catheter-free care pathways after benign prostatic hyperplasia surgery",
      """Urinary retention and prolonged catheterization after surgery for benign prostatic hyperplasia drive emergency
      visits and infections. The candidate, a urologist, will use a statewide urology quality collaborative registry of
      18,000 procedures to model predictors of failed voiding trials across transurethral resection, laser enucleation and
      minimally invasive procedures, then pilot a same-day catheter-free discharge pathway with home uroflowmetry in
      three hospitals. Training includes clinical trial design, registry science and qualitative methods, with mentors
      in urology and health services research.""",
      "Benign Prostatic Hyperplasia;Career development;Catheterization;Emergency Department;Registries;Transurethral resection of prostate;Uroflowmetry;Urinary Retention",
      sy=1),
], rank="ASSISTANT PROFESSOR")

# ==============================================================================================================
# 9. Hand judgements of skill (and track) fit, for every PI with specialty grade >= 1 on a query with skills.
#    2 = the PI's grants clearly need at least two of the listed skills and the track fits; 1 = one skill or
#    adjacent work, or a track mismatch; 0 = none (also 0 for F32 fellows: trainees are not prospective mentors).
# ==============================================================================================================
HAND = {
 "q03": {  # cardiology; mouse models, echocardiography, single-cell RNA-seq; postdoc
    "card_mcu": (2, "cardiomyocyte knockout mice after aortic constriction with serial echocardiography"),
    "card_chip": (2, "Ldlr-/- bone-marrow-transplant mice with plaque single-cell RNA-seq"),
    "card_fibro": (2, "lineage-traced mice after coronary ligation with single-nucleus and spatial sequencing"),
    "ped_kawasaki": (2, "mouse coronary arteritis model, echocardiographic z-scores and single-cell profiling"),
    "card_lqt": (1, "knock-in mice and iPSC electrophysiology; no echo or single-cell work"),
    "card_hlhs": (1, "iPSC engineered tissue and chick embryos; fetal echo is clinical, no mouse"),
    "heme_plt": (1, "Pf4-Cre knockout mice, but platelet biology without echo or sequencing"),
    "heme_aml": (1, "xenograft mice and CRISPR screens in leukemia; one skill"),
    "vs_graft": (2, "murine vein graft model with single-cell RNA-seq of vein smooth muscle"),
    "ct_lungtx": (1, "murine orthotopic lung transplant; mouse skill only"),
    "ct_ablate": (1, "porcine ex vivo heart perfusion is large-animal bench work; otherwise trials"),
    "card_amyl": (1, "echocardiography deep learning, but clinical K23, not bench"),
    "pulm_osa": (0, "sleep epidemiology cohorts; no bench skills"),
    "neph_htn": (0, "human feeding study of salt sensitivity"),
    "card_hfsdoh": (0, "EHR and claims epidemiology, pragmatic trial"),
    "card_afhf": (0, "ablation trial and registry mentoring"),
    "pulm_sepsisafr": (0, "clinical ICU cohort in Uganda"),
    "pulm_copd": (0, "CT cohort epidemiology and training grant"),
    "pub_fqhc": (0, "population epidemiology"),
    "ct_peds": (0, "neonatal surgical cohort"),
    "ct_cabg": (0, "surgical trial and frailty cohort"),
    "bas_f32a": (0, "F32 fellow: a trainee, not a prospective mentor"),
 },
 "q05": {  # gastroenterology; IBD, cohort studies, biostatistics; clinical
    "gi_ibdtnf": (2, "prospective IBD cohort with prediction modeling; IBD patient-oriented K24"),
    "gi_paneth": (1, "Crohn's risk-variant biology, but in mice and enteroids"),
    "gi_barrett": (1, "screening cohort and pragmatic trial; not IBD"),
    "gi_ah": (1, "multicenter prospective cohort with prediction model; liver, not IBD"),
    "gi_adr": (1, "stepped-wedge colonoscopy study; clinical methods, not IBD"),
    "gi_gastroparesis": (1, "small clinical physiology study beside bench motility work"),
    "gi_mash": (0, "bench liver fibrosis"),
    "bas_f32b": (0, "F32 fellow: a trainee, not a prospective mentor"),
 },
 "q07": {  # pulmonary/critical care; clinical trials, ICU data, machine learning; clinical
    "pulm_ards": (2, "ICU trial in ARDS subphenotypes and deep learning on ventilator waveforms"),
    "pulm_sepsisafr": (2, "ICU hypoxemia cohort and oxygen-target pilot trial (junior K23 mentor)"),
    "pulm_pah": (1, "mostly bench; one clinical hemodynamic cohort"),
    "pulm_copd": (1, "CT cohort epidemiology, no ICU or trials"),
    "pulm_asthmaair": (1, "cluster-randomized school trial; not ICU or machine learning"),
    "pub_epi_covid": (1, "forecasting models and population cohort; no ICU"),
    "ct_lungtx": (1, "transplant recipient cohort; adjacent"),
    "card_amyl": (1, "deep learning on echocardiograms; not ICU"),
    "card_afhf": (1, "multicenter trial experience in cardiac, not ICU, care"),
    "an_sepsis": (1, "co-investigator on ICU ARDS trial; own work is bench"),
    "pulm_ipf": (0, "bench fibrosis biology"),
    "pulm_at2": (0, "bench regeneration biology"),
    "vs_graft": (0, "vascular surgery biology and limb-salvage registry"),
    "heme_plt": (0, "bench platelet biology"),
    "ct_peds": (0, "neonatal cardiac surgery cohort"),
    "ct_cabg": (0, "cardiac surgery trial and frailty cohort"),
    "card_fibro": (0, "bench cardiac fibroblast biology"),
    "bas_f32a": (0, "F32 fellow: a trainee, not a prospective mentor"),
 },
 "q10": {  # endocrinology; islet biology, CRISPR, mouse models; postdoc
    "endo_beta": (2, "human and stem-cell islets with CRISPRi and beta-cell knockout mice"),
    "endo_thyroid": (1, "liver-specific knockout mice; no islets or CRISPR"),
    "endo_pcos": (1, "prenatally androgenized mouse model beside human clamp studies"),
    "endo_dkdgec": (1, "endothelial insulin receptor knockout mice; kidney, not islets"),
    "bas_circ": (1, "tissue-specific knockout mice in metabolism; no islets"),
    "gs_bariatric": (1, "beta-cell function by mixed-meal tests in a surgical cohort; human physiology"),
    "neph_sglt2": (0, "EHR pharmacoepidemiology"),
    "endo_cgm": (0, "inpatient glucose monitoring trial"),
    "endo_bat": (0, "human PET-MRI physiology and obesity trial"),
    "endo_adrenal": (0, "EHR screening and tumor sequencing"),
    "endo_youth": (0, "clinical care-transition K23"),
    "bas_f32b": (0, "F32 fellow: a trainee, not a prospective mentor"),
 },
 "q14": {  # oncology; clinical trials, survivorship, patient-reported outcomes; clinical
    "onc_exer": (2, "exercise RCT during chemotherapy with PROs; financial toxicity trial"),
    "onc_geri": (2, "cluster-randomized geriatric assessment trial with toxicity and communication outcomes"),
    "ro_proton": (2, "randomized proton trial with patient-reported bowel, urinary and sexual function"),
    "ro_sbrt": (2, "randomized SBRT trial in oligometastatic lung cancer"),
    "pl_breast": (2, "BREAST-Q patient-reported outcomes in reconstruction after mastectomy"),
    "uro_pca": (2, "active surveillance cohort and urinary symptom trajectories after treatment"),
    "onc_cardiotox": (1, "cardiotoxicity cohort in breast cancer survivors; imaging and genomics"),
    "onc_t32": (1, "training in early-phase trial design; own R01 is bench"),
    "onc_lungio": (1, "program project with biopsy-driven trials, mostly mechanistic"),
    "onc_lungio2": (1, "co-investigator on program with trials; own R01 is bench"),
    "onc_hpvopc": (1, "natural history cohort; no trials or survivorship"),
    "nsg_glioma": (1, "comparative surgical study with functional outcomes"),
    "heme_aml": (1, "MRD-guided trial in older adults; bench R01"),
    "gs_pancreas": (1, "cancer database outcomes research; no trials or PROs"),
    "gi_barrett": (1, "screening validation study; not survivorship"),
    "ent_hnc": (1, "neoadjuvant window trial with functional outcomes"),
    "onc_ctdna": (1, "ctDNA cohort to guide adjuvant therapy (K08)"),
    "uro_bcg": (0, "translational immunology on patient samples"),
    "path_liquid": (0, "assay development for early detection"),
    "path_comp": (0, "computational pathology"),
    "path_autopsy": (0, "autopsy genomics"),
    "onc_ovary": (0, "bench DNA repair biology"),
    "onc_kras": (0, "bench drug resistance"),
    "onc_caf": (0, "bench tumor microenvironment"),
    "heme_myeloma": (0, "CAR-T correlative immunology"),
    "gi_crcep": (0, "etiologic epidemiology, not trials or survivorship"),
    "derm_mel": (0, "prognostic pathology modeling"),
    "bas_f32c": (0, "F32 fellow: a trainee, not a prospective mentor"),
 },
 "q16": {  # infectious disease; HIV, global health, REDCap; clinical
    "id_prep": (2, "HIV PrEP trial in South Africa and D43 training with REDCap data management"),
    "id_tb": (2, "TB cohorts in Peru, India, South Africa and Brazil; global clinical research"),
    "card_hivplaque": (2, "HIV cohort with plaque imaging; clinical HIV research"),
    "id_hivcure": (1, "HIV cohort in Thailand but laboratory reservoir assays"),
    "id_malaria": (1, "field samples from Mali, but bench parasitology"),
    "id_dengue": (1, "Nicaraguan cohort with antibody laboratory work"),
    "id_cre": (1, "US hospital genomic epidemiology"),
    "id_cdiff": (1, "transplant cohort and pilot trial; not HIV or global"),
    "id_sepsisabx": (1, "US emergency department diagnostic trial; generic clinical skills"),
    "ped_rsv": (0, "US pediatric RSV surveillance"),
    "path_micro": (0, "diagnostic engineering"),
    "id_staph": (0, "bench bacterial pathogenesis"),
    "pub_epi_covid": (0, "wastewater forecasting"),
 },
 "q18": {  # allergy/immunology; flow cytometry, single-cell RNA-seq, T cells; postdoc
    "ai_tfh": (2, "Tfh memory with spectral flow cytometry and CRISPR in T cells"),
    "gi_eoe": (2, "tetramers and single-cell TCR sequencing of food-specific T cells"),
    "bas_immunometab": (2, "CD8 T-cell fate with T-cell-specific knockouts and flux analysis"),
    "ai_transplanttol": (2, "engineered regulatory T cells and skin-resident memory T cells"),
    "ai_igE": (2, "B-cell sorting and single-cell repertoire sequencing; B not T cells"),
    "rh_lupus": (1, "B-cell subsets in lupus; no single-cell or T-cell focus"),
    "ent_crs": (1, "single-cell profiling of epithelial stem cells; not T cells"),
    "ai_peanut": (1, "clinical OIT trial with tetramer and single-cell mechanistic aims"),
    "ai_iei": (1, "clinical genetics with CRISPR-edited primary T cells"),
    "ai_asthmabio": (1, "human airway epithelium and eosinophils; not T cells"),
    "neph_tx": (0, "clinical biomarker study of rejection"),
    "ai_pen": (0, "clinical drug allergy delabeling"),
 },
 "q21": {  # neurology; electrophysiology, iPSC, neurodegeneration; postdoc
    "neu_als": (2, "iPSC motor neurons with patch clamp in ALS"),
    "neu_autism": (2, "patient-derived cortical organoids and dendritic excitability"),
    "neu_pd": (1, "bench neurodegeneration in mice; no iPSC or electrophysiology"),
    "neu_epi": (1, "EEG and mouse seizure model; not neurodegeneration"),
    "neu_migraine": (1, "in vivo calcium imaging of trigeminal neurons; adjacent physiology"),
    "nsg_sah": (1, "clinical electrocorticography of spreading depolarization"),
    "neu_ad": (1, "clinical Alzheimer biomarker work; not bench"),
    "nsg_tbi": (0, "clinical neurocritical care trial"),
    "neu_stroke": (0, "clinical stroke trial and registry"),
    "nsg_mma": (0, "clinical embolization registry"),
    "neu_ms": (0, "clinical MRI biomarker K23"),
    "em_cardarrest": (0, "resuscitation trials"),
 },
 "q22": {  # psychiatry; RCT, depression, digital health; clinical
    "psy_ketamine": (2, "RCT of ketamine versus ECT in depression; measurement-based care pilot"),
    "psy_perinatal": (2, "RCT of behavioral activation for perinatal depression"),
    "psy_suicide": (2, "smartphone digital phenotyping of suicidal crises (K23)"),
    "psy_psychosis": (1, "target trial emulation in psychosis; no RCT or depression"),
    "psy_bup": (1, "stepped-wedge implementation trial in addiction"),
    "fm_opioid": (1, "stepped-wedge practice trial in addiction care"),
    "psy_stress": (0, "bench stress neurobiology"),
    "psy_aud": (0, "bench addiction circuits"),
    "psy_adhd": (0, "claims cohort in ADHD"),
 },
 "q25": {  # general surgery; outcomes research, NSQIP, health services research; clinical
    "gs_quality": (2, "NSQIP-Medicare failure-to-rescue health services research"),
    "gs_egs": (2, "statewide outcomes research and NSQIP frailty validation"),
    "gs_k23": (2, "registry-based opioid prescribing health services research (K23)"),
    "gs_tic": (1, "prehospital trauma cohort with mechanistic aims; registry mentoring"),
    "gs_sepsis": (0, "bench sepsis immunology"),
    "heme_plt": (0, "bench platelet biology"),
 },
 "q33": {  # ophthalmology; retinal imaging, deep learning, OCT; any
    "oph_amd": (2, "deep learning on OCT to forecast neovascular AMD"),
    "oph_dr": (2, "autonomous AI for retinal screening (K23)"),
    "oph_glaucoma": (1, "in vivo retinal imaging in mice; no deep learning or OCT"),
    "oph_cornea": (1, "in vivo confocal imaging of the cornea, not retina"),
    "rad_ctai": (1, "deep learning on CT; co-investigator on the OCT project"),
    "oph_myopia": (0, "bench myopia biology"),
 },
 "q35": {  # radiology; deep learning, MRI, image reconstruction; any
    "rad_mri": (2, "deep learning reconstruction of undersampled MRI"),
    "rad_ctai": (2, "deep learning segmentation of routine CT"),
    "rad_pet": (1, "PET kinetic modeling and quantification; no deep learning or MRI"),
    "rad_ir": (1, "cone-beam CT dosimetry with a machine-learning response model"),
    "rad_pe": (0, "imaging utilization health services research"),
 },
 "q40": {  # pathology; digital pathology, machine learning, biomarkers; any
    "path_comp": (2, "weakly supervised deep learning on whole-slide images"),
    "derm_mel": (2, "deep learning on whole-slide images with a gene-expression prognostic biomarker"),
    "path_liquid": (2, "cell-free DNA biomarker development with fragmentation classifiers"),
    "gi_barrett": (1, "methylated DNA biomarker validation by a gastroenterologist"),
    "onc_ovary": (1, "co-investigator on computational pathology; own work bench"),
    "path_autopsy": (0, "autopsy genomics without imaging or classifiers"),
 },
 "q42": {  # public health; epidemiology, SAS/R, community-based research; clinical
    "pub_fqhc": (2, "cohort epidemiology of structural racism with geospatial methods"),
    "pub_water": (2, "community-based participatory exposure epidemiology with tribal partners"),
    "pub_vax": (2, "community trusted-messenger cluster trial"),
    "pub_tobacco": (2, "policy epidemiology with difference-in-differences"),
    "pub_global": (2, "epidemiology training with R and Stata; community health worker trial in Ghana"),
    "pub_food": (2, "community RCT of produce prescriptions"),
    "pub_epi_covid": (2, "surveillance epidemiology and population cohort"),
    "pulm_osa": (2, "community cohort epidemiology of sleep apnea"),
    "pulm_asthmaair": (2, "school-based cluster trial with environmental exposure data"),
    "card_hfsdoh": (2, "EHR and claims epidemiology of neighborhood deprivation"),
    "fm_screen": (1, "implementation trial in community health centers"),
    "fm_opioid": (1, "practice-based implementation trial"),
    "em_injury": (1, "community violence intervention trial"),
    "id_prep": (1, "HIV prevention trial with implementation outcomes"),
    "heme_scdafr": (1, "trial in Africa and D43 training; hematology focus"),
    "gi_adr": (1, "co-investigator on community FIT outreach; own work endoscopy quality"),
 },
}

# ==============================================================================================================
# 10. Write the three files
# ==============================================================================================================
LABEL_RULES = {
    "specialty_signal": "A core project carries specialty S if its study section's specialty set contains S; if the "
                        "study section is generic (IC-internal committee, fellowship/training panel, unthemed SEP), "
                        "it carries S if the administering IC's fallback set contains S (SECTIONS / IC_FALLBACK).",
    "specialty_grade": "2 = at least 50% of the PI's distinct core projects carry the signal AND at least one "
                       "signal-carrying core is an R/U/P/DP research award (not R25/R13) held as contact PI; "
                       "1 = at least one core carries the signal; 0 = none. Multi-specialty queries (heme/onc) "
                       "use the union of the specialties.",
    "fit_grade_skills": "Queries with skills: hand judgement (HAND table) of skill and track fit: 2 = the PI's grants "
                        "clearly need at least two of the listed skills and the track fits; 1 = one skill, adjacent "
                        "work, or a track mismatch; 0 = none (F32 fellows get 0: trainees, not mentors).",
    "fit_grade_track": "Queries with a track and no skills: derived from the hand-assigned kind of each "
                       "signal-carrying grant (clin/basic/trans/train); per-grant fit clinical: clin 1, trans 0.5, "
                       "train 0.5, basic 0; postdoc: basic 1, trans 0.5, train 0.5, clin 0; mean >= 0.5 -> 2, "
                       "mean > 0 -> 1, else 0.",
    "final": "final = specialty grade when the query has no skills and track 'any'; otherwise "
             "min(specialty grade, fit grade). PIs not listed count as 0.",
}


def build_labels(records, people):
    pid2key = {v["profile_id"]: k for k, v in people.items()}
    proj = pi_projects(records)
    out = {}
    for qid, typed, skills, track, canon in QUERIES:
        targets = set(canon)
        hand = HAND.get(qid, {})
        if skills:
            assert qid in HAND, qid
        rows, seen = [], set()
        for pid, cores in sorted(proj.items()):
            sg, sreason = specialty_grade(cores, targets)
            if sg == 0:
                continue
            key = pid2key[pid]
            seen.add(key)
            if skills:
                assert key in hand, f"{qid}: no hand judgement for {key}"
                fg, freason = hand[key]
                source = "hand"
            elif track != "any":
                fg, freason = track_grade(cores, targets, track)
                source = "grant-kind"
            else:
                fg, freason, source = None, "", None
            final = sg if fg is None else min(sg, fg)
            rows.append({"profile_id": pid, "pi_key": key, "specialty_grade": sg, "specialty_reason": sreason,
                         "fit_grade": fg, "fit_source": source, "fit_reason": freason, "final": final})
        stale = set(hand) - seen
        assert not stale, f"{qid}: hand judgements for PIs without the specialty signal: {stale}"
        rows.sort(key=lambda r: (-r["final"], -r["specialty_grade"], r["profile_id"]))
        out[qid] = {"specialty": typed, "skills": skills, "track": track, "canonical_specialties": canon,
                    "labels": {str(r["profile_id"]): r["final"] for r in rows},
                    "judgements": rows}
    pis = {}
    for pid, cores in sorted(proj.items()):
        p = people[pid2key[pid]]
        pis[str(pid)] = {"pi_key": pid2key[pid], "name": f"{p['first']} {p['last']}",
                         "cores": [{"core_project_num": c, "activity_code": d["act"], "contact": d["contact"],
                                    "kind": d["kind"], "specialty_signal": sorted(d["spec"])}
                                   for c, d in sorted(cores.items())]}
    flat = {qid: q["labels"] for qid, q in out.items()}  # {query id: {profile_id: final grade}}
    return {"rules": LABEL_RULES, "labels": flat, "queries": out, "pis": pis}


def main():
    records, people = build_records()
    labels = build_labels(records, people)
    public = []
    for r in records:
        public.append({k: v for k, v in r.items() if not k.startswith("_")})
    ids = [r["appl_id"] for r in public]
    assert len(ids) == len(set(ids))
    corpus = {"meta": {"search_id": "evaluation-corpus", "total": len(public), "offset": 0, "limit": len(public),
                       "sort_field": None, "sort_order": None, "sorted_by_relevance": False,
                       "properties": {"URL": "synthetic; see evaluation/README.md"}},
              "results": public}
    (HERE / "corpus.json").write_text(json.dumps(corpus, indent=1, ensure_ascii=False) + "\n")
    queries = [{"id": q, "specialty": t, "skills": s, "track": tr} for q, t, s, tr, _ in QUERIES]
    (HERE / "queries.json").write_text(json.dumps(queries, indent=1) + "\n")
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1) + "\n")
    n_pis = len({p["profile_id"] for r in public for p in r["principal_investigators"]})
    print(f"corpus.json: {len(public)} projects, {len({r['core_project_num'] for r in public})} core projects, "
          f"{n_pis} PIs; queries.json: {len(queries)} queries")
    for qid, q in labels["queries"].items():
        g = list(q["labels"].values())
        print(f"  {qid} {q['specialty']!r:32} grade2={g.count(2):3d} grade1={g.count(1):3d} labelled0={g.count(0):3d}")


if __name__ == "__main__":
    main()
