"""The values10 practice set: how a question's words reach VALUES of the data, over the three CSVs of
make_values10.py (a solar deal pipeline, construction cost lines, car rentals) — a stage verb that is both
a Status value and a date column ("deals signed in 2024" is the Signed On date, "currently signed" the
Status), values named by a distinctive part of their words ("concrete" ~ "03 - Concrete", "maple ridge" ~
"Maple Ridge Apartments"), lower-case and possessive first names ("marco's deals" ~ "Marco Rossi"),
values holding "#" ("Unit #104", "Phase #2") and a condition defined by a blank ("cars still out" =
Returned is blank), in everyday, terse wording. Format and gold conventions:
tests/analysis/fresh/questions.py's docstring. Written before the planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
SHARE = {"arc", "bar"}
ONE = {"bar", "kpi"}

SD = "values_solar_deals"
JC = "values_job_costs"
CR = "values_car_rentals"

CV = '"Contract Value"'
SIGNED = '"Signed On"'
REP = '"Sales Rep"'
CODE = '"Cost Code"'

DEALS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: a period tied to the stage verb is the stage's date, whatever the current Status
    ("vr01", SD, "deals signed in 2024", f"SELECT count(*) FROM t WHERE year({SIGNED}) = 2024", None, KPI),
    ("vr02", SD, "how many deals are currently signed", "SELECT count(*) FROM t WHERE Status = 'Signed'", None,
     KPI),
    ("vr03", SD, "installs per month",
     "SELECT date_trunc('month', Installed), count(*) FROM t WHERE Installed IS NOT NULL GROUP BY 1", None, TIME),
    ("vr04", SD, "contract value signed by month",
     f"SELECT date_trunc('month', {SIGNED}), sum({CV}) FROM t WHERE {SIGNED} IS NOT NULL GROUP BY 1", None, TIME),
    ("vr05", SD, "how many deals were installed in q1 2025",
     "SELECT count(*) FROM t WHERE Installed BETWEEN DATE '2025-01-01' AND DATE '2025-03-31'", None, KPI),
    ("vr06", SD, "deals with status installed by region",
     "SELECT Region, count(*) FROM t WHERE Status = 'Installed' GROUP BY 1", None, BAR),
    ("vr07", SD, "how many deals does marco have", f"SELECT count(*) FROM t WHERE {REP} = 'Marco Rossi'", None,
     KPI),
    # judgment: what a rep sold is the contract value of their deals (leads carry none)
    ("vr08", SD, "how much did sarah sell", f"SELECT sum({CV}) FROM t WHERE {REP} = 'Sarah Kim'", None, KPI),
    ("vr09", SD, "contract value for priya by region",
     f"SELECT Region, sum({CV}) FROM t WHERE {REP} = 'Priya Patel' GROUP BY 1", None, BAR),
    ("vr10", SD, "tom's deals signed in 2025",
     f"SELECT count(*) FROM t WHERE {REP} = 'Tom Becker' AND year({SIGNED}) = 2025", None, KPI),
    ("vr11", SD, "cancelled deals by rep", f"SELECT {REP}, count(*) FROM t WHERE Status = 'Cancelled' GROUP BY 1",
     None, BAR),
    ("vr12", SD, "number of deals signed per rep in 2025",
     f"SELECT {REP}, count(*) FROM t WHERE year({SIGNED}) = 2025 GROUP BY 1", None, BAR),
    ("vr13", SD, "average contract value of deals installed this year",
     f"SELECT avg({CV}) FROM t WHERE year(Installed) = 2025", None, KPI),
    ("vr14", SD, "top 3 reps by contract value signed in 2024",
     f"SELECT {REP}, sum({CV}) FROM t WHERE year({SIGNED}) = 2024 GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("vr15", SD, "how many leads", "SELECT count(*) FROM t WHERE Status = 'Lead'", None, KPI),
    ("vr16", SD, "lena's installs by month",
     f"SELECT date_trunc('month', Installed), count(*) FROM t WHERE {REP} = 'Lena Ortiz' AND Installed IS NOT NULL "
     "GROUP BY 1", None, TIME),
    ("vr17", SD, "total panels installed in 2024", "SELECT sum(Panels) FROM t WHERE year(Installed) = 2024", None,
     KPI),
    ("vr18", SD, "deals by status", "SELECT Status, count(*) FROM t GROUP BY 1", None, SHARE),
    ("vr19", SD, "deals sigend in 2025", f"SELECT count(*) FROM t WHERE year({SIGNED}) = 2025", None, KPI),
]

COSTS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("vr20", JC, "total spend by cost code", f"SELECT {CODE}, sum(Amount) FROM t GROUP BY 1", None, BAR),
    ("vr21", JC, "just concrete", f"SELECT sum(Amount) FROM t WHERE {CODE} = '03 - Concrete'", "vr20", ONE),
    ("vr22", JC, "concrete costs by project",
     f"SELECT Project, sum(Amount) FROM t WHERE {CODE} = '03 - Concrete' GROUP BY 1", None, BAR),
    ("vr23", JC, "maple ridge spend by cost code",
     f"SELECT {CODE}, sum(Amount) FROM t WHERE Project = 'Maple Ridge Apartments' GROUP BY 1", None, BAR),
    ("vr24", JC, "how much did we spend on electrical at harbor view",
     f"SELECT sum(Amount) FROM t WHERE {CODE} = '26 - Electrical' AND Project = 'Harbor View Offices'", None, KPI),
    ("vr25", JC, "phase #2 total", "SELECT sum(Amount) FROM t WHERE Phase = 'Phase #2'", None, KPI),
    ("vr26", JC, "spend by phase for oak street",
     "SELECT Phase, sum(Amount) FROM t WHERE Project = 'Oak Street Clinic' GROUP BY 1", None, BAR),
    ("vr27", JC, "plumbing by month",
     f"SELECT date_trunc('month', \"Invoice Date\"), sum(Amount) FROM t WHERE {CODE} = '22 - Plumbing' GROUP BY 1",
     None, TIME),
    ("vr28", JC, "which project spent the most on finishes",
     f"SELECT Project, sum(Amount) FROM t WHERE {CODE} = '09 - Finishes' GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None,
     ONE),
    ("vr29", JC, "riverside spend by month",
     "SELECT date_trunc('month', \"Invoice Date\"), sum(Amount) FROM t WHERE Project = 'Riverside Elementary School' "
     "GROUP BY 1", None, TIME),
    ("vr30", JC, "unapproved amount for maple ridge",
     "SELECT sum(Amount) FROM t WHERE NOT Approved AND Project = 'Maple Ridge Apartments'", None, KPI),
    ("vr31", JC, "number of invoices for metals", f"SELECT count(*) FROM t WHERE {CODE} = '05 - Metals'", None, KPI),
    ("vr32", JC, "wood and plastics cost", f"SELECT sum(Amount) FROM t WHERE {CODE} = '06 - Wood & Plastics'", None,
     KPI),
    ("vr33", JC, "share of general conditions spend by project",
     f"SELECT Project, sum(Amount) AS share_amount FROM t WHERE {CODE} = '01 - General Conditions' GROUP BY 1", None,
     SHARE),
    ("vr34", JC, "average invoice amount in phase #3", "SELECT avg(Amount) FROM t WHERE Phase = 'Phase #3'", None,
     KPI),
    ("vr35", JC, "top 5 vendors on the clinic project",
     "SELECT Vendor, sum(Amount) FROM t WHERE Project = 'Oak Street Clinic' GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None,
     BAR),
]

RENTALS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("vr36", CR, "how many cars are still out", "SELECT count(*) FROM t WHERE Returned IS NULL", None, KPI),
    ("vr37", CR, "cars still out by branch", "SELECT Branch, count(*) FROM t WHERE Returned IS NULL GROUP BY 1",
     None, BAR),
    ("vr38", CR, "rentals returned in may",
     "SELECT count(*) FROM t WHERE Returned BETWEEN DATE '2025-05-01' AND DATE '2025-05-31'", None, KPI),
    ("vr39", CR, "revenue from unit #104", "SELECT sum(\"Total Charge\") FROM t WHERE Vehicle = 'Unit #104'", None,
     KPI),
    ("vr40", CR, "how many rentals did nina handle", "SELECT count(*) FROM t WHERE Agent = 'Nina Alvarez'", None,
     KPI),
    ("vr41", CR, "omar's revenue by month",
     "SELECT date_trunc('month', \"Out Date\"), sum(\"Total Charge\") FROM t WHERE Agent = 'Omar Haddad' GROUP BY 1",
     None, TIME),
    ("vr42", CR, "damage charges by agent", "SELECT Agent, sum(\"Damage Charge\") FROM t GROUP BY 1", None, BAR),
    ("vr43", CR, "julia's average charge", "SELECT avg(\"Total Charge\") FROM t WHERE Agent = 'Julia Berg'", None,
     KPI),
    ("vr44", CR, "and for kenji", "SELECT avg(\"Total Charge\") FROM t WHERE Agent = 'Kenji Sato'", "vr43", KPI),
    ("vr45", CR, "rentals per month", "SELECT date_trunc('month', \"Out Date\"), count(*) FROM t GROUP BY 1", None,
     TIME),
    ("vr46", CR, "which vehicle earns the most",
     "SELECT Vehicle, sum(\"Total Charge\") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("vr47", CR, "how many suvs are out right now",
     "SELECT count(*) FROM t WHERE Class = 'SUV' AND Returned IS NULL", None, KPI),
    ("vr48", CR, "kenji rentals by class", "SELECT Class, count(*) FROM t WHERE Agent = 'Kenji Sato' GROUP BY 1",
     None, BAR),
    ("vr49", CR, "harbor point revenue", "SELECT sum(\"Total Charge\") FROM t WHERE Branch = 'Harbor Point'", None,
     KPI),
    ("vr50", CR, "damage charges for unit #110 and unit #109",
     "SELECT Vehicle, sum(\"Damage Charge\") FROM t WHERE Vehicle IN ('Unit #110', 'Unit #109') GROUP BY 1", None,
     BAR),
]

QUESTIONS = DEALS + COSTS + RENTALS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    # the families (stage verb as date or status: vr01–vr06 vr10 vr12–vr14 vr16 vr17 vr19; a value by part of
    # its words: vr21–vr24 vr26–vr33 vr35 vr49; a first name: vr07–vr10 vr16 vr40 vr41 vr43 vr44 vr48; a value
    # holding "#": vr25 vr34 vr39 vr50; a condition by a blank: vr36 vr37 vr47) are all conditions in values
    "condition in words or values": _ids("vr01 vr02 vr03 vr04 vr05 vr06 vr07 vr08 vr09 vr10 vr11 vr12 vr13 vr14 "
                                         "vr15 vr16 vr17 vr19 vr21 vr22 vr23 vr24 vr25 vr26 vr27 vr28 vr29 vr30 "
                                         "vr31 vr32 vr33 vr34 vr35 vr36 vr37 vr38 vr39 vr40 vr41 vr43 vr44 vr47 "
                                         "vr48 vr49 vr50"),
    "kpi": _ids("vr01 vr02 vr05 vr07 vr08 vr10 vr13 vr15 vr17 vr19 vr24 vr25 vr30 vr31 vr32 vr34 vr36 vr38 vr39 "
                "vr40 vr43 vr44 vr47 vr49"),
    "kpi with a condition": _ids("vr01 vr02 vr05 vr07 vr08 vr10 vr13 vr15 vr17 vr19 vr24 vr25 vr30 vr31 vr32 vr34 "
                                 "vr36 vr38 vr39 vr40 vr43 vr44 vr47 vr49"),
    "time series": _ids("vr03 vr04 vr16 vr27 vr29 vr41 vr45"),
    "top-N with 'top'": _ids("vr14 vr35"),
    "top/bottom-N without 'top'": _ids("vr28 vr46"),
    "share or percentage": _ids("vr18 vr33"),
    "typo": _ids("vr19"),
}
