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
    ("val01", SD, "deals signed in 2024", f"SELECT count(*) FROM t WHERE year({SIGNED}) = 2024", None, KPI),
    ("val02", SD, "how many deals are currently signed", "SELECT count(*) FROM t WHERE Status = 'Signed'", None,
     KPI),
    ("val03", SD, "installs per month",
     "SELECT date_trunc('month', Installed), count(*) FROM t WHERE Installed IS NOT NULL GROUP BY 1", None, TIME),
    ("val04", SD, "contract value signed by month",
     f"SELECT date_trunc('month', {SIGNED}), sum({CV}) FROM t WHERE {SIGNED} IS NOT NULL GROUP BY 1", None, TIME),
    ("val05", SD, "how many deals were installed in q1 2025",
     "SELECT count(*) FROM t WHERE Installed BETWEEN DATE '2025-01-01' AND DATE '2025-03-31'", None, KPI),
    ("val06", SD, "deals with status installed by region",
     "SELECT Region, count(*) FROM t WHERE Status = 'Installed' GROUP BY 1", None, BAR),
    ("val07", SD, "how many deals does marco have", f"SELECT count(*) FROM t WHERE {REP} = 'Marco Rossi'", None,
     KPI),
    # judgment: what a rep sold is the contract value of their deals (leads carry none)
    ("val08", SD, "how much did sarah sell", f"SELECT sum({CV}) FROM t WHERE {REP} = 'Sarah Kim'", None, KPI),
    ("val09", SD, "contract value for priya by region",
     f"SELECT Region, sum({CV}) FROM t WHERE {REP} = 'Priya Patel' GROUP BY 1", None, BAR),
    ("val10", SD, "tom's deals signed in 2025",
     f"SELECT count(*) FROM t WHERE {REP} = 'Tom Becker' AND year({SIGNED}) = 2025", None, KPI),
    ("val11", SD, "cancelled deals by rep", f"SELECT {REP}, count(*) FROM t WHERE Status = 'Cancelled' GROUP BY 1",
     None, BAR),
    ("val12", SD, "number of deals signed per rep in 2025",
     f"SELECT {REP}, count(*) FROM t WHERE year({SIGNED}) = 2025 GROUP BY 1", None, BAR),
    ("val13", SD, "average contract value of deals installed this year",
     f"SELECT avg({CV}) FROM t WHERE year(Installed) = 2025", None, KPI),
    ("val14", SD, "top 3 reps by contract value signed in 2024",
     f"SELECT {REP}, sum({CV}) FROM t WHERE year({SIGNED}) = 2024 GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("val15", SD, "how many leads", "SELECT count(*) FROM t WHERE Status = 'Lead'", None, KPI),
    ("val16", SD, "lena's installs by month",
     f"SELECT date_trunc('month', Installed), count(*) FROM t WHERE {REP} = 'Lena Ortiz' AND Installed IS NOT NULL "
     "GROUP BY 1", None, TIME),
    ("val17", SD, "total panels installed in 2024", "SELECT sum(Panels) FROM t WHERE year(Installed) = 2024", None,
     KPI),
    ("val18", SD, "deals by status", "SELECT Status, count(*) FROM t GROUP BY 1", None, SHARE),
    ("val19", SD, "deals sigend in 2025", f"SELECT count(*) FROM t WHERE year({SIGNED}) = 2025", None, KPI),
]

COSTS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("val20", JC, "total spend by cost code", f"SELECT {CODE}, sum(Amount) FROM t GROUP BY 1", None, BAR),
    ("val21", JC, "just concrete", f"SELECT sum(Amount) FROM t WHERE {CODE} = '03 - Concrete'", "val20", ONE),
    ("val22", JC, "concrete costs by project",
     f"SELECT Project, sum(Amount) FROM t WHERE {CODE} = '03 - Concrete' GROUP BY 1", None, BAR),
    ("val23", JC, "maple ridge spend by cost code",
     f"SELECT {CODE}, sum(Amount) FROM t WHERE Project = 'Maple Ridge Apartments' GROUP BY 1", None, BAR),
    ("val24", JC, "how much did we spend on electrical at harbor view",
     f"SELECT sum(Amount) FROM t WHERE {CODE} = '26 - Electrical' AND Project = 'Harbor View Offices'", None, KPI),
    ("val25", JC, "phase #2 total", "SELECT sum(Amount) FROM t WHERE Phase = 'Phase #2'", None, KPI),
    ("val26", JC, "spend by phase for oak street",
     "SELECT Phase, sum(Amount) FROM t WHERE Project = 'Oak Street Clinic' GROUP BY 1", None, BAR),
    ("val27", JC, "plumbing by month",
     f"SELECT date_trunc('month', \"Invoice Date\"), sum(Amount) FROM t WHERE {CODE} = '22 - Plumbing' GROUP BY 1",
     None, TIME),
    ("val28", JC, "which project spent the most on finishes",
     f"SELECT Project, sum(Amount) FROM t WHERE {CODE} = '09 - Finishes' GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None,
     ONE),
    ("val29", JC, "riverside spend by month",
     "SELECT date_trunc('month', \"Invoice Date\"), sum(Amount) FROM t WHERE Project = 'Riverside Elementary School' "
     "GROUP BY 1", None, TIME),
    ("val30", JC, "unapproved amount for maple ridge",
     "SELECT sum(Amount) FROM t WHERE NOT Approved AND Project = 'Maple Ridge Apartments'", None, KPI),
    ("val31", JC, "number of invoices for metals", f"SELECT count(*) FROM t WHERE {CODE} = '05 - Metals'", None, KPI),
    ("val32", JC, "wood and plastics cost", f"SELECT sum(Amount) FROM t WHERE {CODE} = '06 - Wood & Plastics'", None,
     KPI),
    ("val33", JC, "share of general conditions spend by project",
     f"SELECT Project, sum(Amount) AS share_amount FROM t WHERE {CODE} = '01 - General Conditions' GROUP BY 1", None,
     SHARE),
    ("val34", JC, "average invoice amount in phase #3", "SELECT avg(Amount) FROM t WHERE Phase = 'Phase #3'", None,
     KPI),
    ("val35", JC, "top 5 vendors on the clinic project",
     "SELECT Vendor, sum(Amount) FROM t WHERE Project = 'Oak Street Clinic' GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None,
     BAR),
]

RENTALS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("val36", CR, "how many cars are still out", "SELECT count(*) FROM t WHERE Returned IS NULL", None, KPI),
    ("val37", CR, "cars still out by branch", "SELECT Branch, count(*) FROM t WHERE Returned IS NULL GROUP BY 1",
     None, BAR),
    ("val38", CR, "rentals returned in may",
     "SELECT count(*) FROM t WHERE Returned BETWEEN DATE '2025-05-01' AND DATE '2025-05-31'", None, KPI),
    ("val39", CR, "revenue from unit #104", "SELECT sum(\"Total Charge\") FROM t WHERE Vehicle = 'Unit #104'", None,
     KPI),
    ("val40", CR, "how many rentals did nina handle", "SELECT count(*) FROM t WHERE Agent = 'Nina Alvarez'", None,
     KPI),
    ("val41", CR, "omar's revenue by month",
     "SELECT date_trunc('month', \"Out Date\"), sum(\"Total Charge\") FROM t WHERE Agent = 'Omar Haddad' GROUP BY 1",
     None, TIME),
    ("val42", CR, "damage charges by agent", "SELECT Agent, sum(\"Damage Charge\") FROM t GROUP BY 1", None, BAR),
    ("val43", CR, "julia's average charge", "SELECT avg(\"Total Charge\") FROM t WHERE Agent = 'Julia Berg'", None,
     KPI),
    ("val44", CR, "and for kenji", "SELECT avg(\"Total Charge\") FROM t WHERE Agent = 'Kenji Sato'", "val43", KPI),
    ("val45", CR, "rentals per month", "SELECT date_trunc('month', \"Out Date\"), count(*) FROM t GROUP BY 1", None,
     TIME),
    ("val46", CR, "which vehicle earns the most",
     "SELECT Vehicle, sum(\"Total Charge\") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("val47", CR, "how many suvs are out right now",
     "SELECT count(*) FROM t WHERE Class = 'SUV' AND Returned IS NULL", None, KPI),
    ("val48", CR, "kenji rentals by class", "SELECT Class, count(*) FROM t WHERE Agent = 'Kenji Sato' GROUP BY 1",
     None, BAR),
    ("val49", CR, "harbor point revenue", "SELECT sum(\"Total Charge\") FROM t WHERE Branch = 'Harbor Point'", None,
     KPI),
    ("val50", CR, "damage charges for unit #110 and unit #109",
     "SELECT Vehicle, sum(\"Damage Charge\") FROM t WHERE Vehicle IN ('Unit #110', 'Unit #109') GROUP BY 1", None,
     BAR),
]

QUESTIONS = DEALS + COSTS + RENTALS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "stage verb: date or status": _ids("val01 val02 val03 val04 val05 val06 val10 val12 val13 val14 val16 val17 "
                                       "val19"),
    "value by part of its words": _ids("val21 val22 val23 val24 val26 val27 val28 val29 val30 val31 val32 val33 "
                                       "val35 val49"),
    "first name of a person": _ids("val07 val08 val09 val10 val16 val40 val41 val43 val44 val48"),
    "value holding #": _ids("val25 val34 val39 val50"),
    "condition by a blank": _ids("val36 val37 val47"),
    "kpi": _ids("val01 val02 val05 val07 val08 val10 val13 val15 val17 val19 val24 val25 val30 val31 val32 val34 "
                "val36 val38 val39 val40 val43 val44 val47 val49"),
    "time series": _ids("val03 val04 val16 val27 val29 val41 val45"),
    "top/bottom-N": _ids("val14 val28 val35 val46"),
}
