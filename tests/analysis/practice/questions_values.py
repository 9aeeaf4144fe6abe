"""The values practice set: words that name columns and values — statuses said another way ("no-shows",
"cancellations", "voided"), flags of three kinds (TRUE/FALSE, Yes/No, Y/N, 1/0) said as adjectives or
clauses ("uninsured", "disputed", "on autopay"), abbreviated headers and values said in full ("amt", "qty",
"pt", "Ent" for enterprise), jargon ("rev", "headcount"-style counts), numeric conditions in words
("over $5,000", "under 18", "at least 90 days late") and follow-ups, over the two CSVs of make_values.py.
Format and gold conventions: tests/analysis/fresh/questions.py's docstring. Written before the planner
answered them.
"""
from __future__ import annotations

AMT = "CAST(REPLACE(Amt, ',', '') AS DOUBLE)"
COPAY = "CAST(REPLACE(Copay, '$', '') AS DOUBLE)"
WAIT = '"Wait (min)"'
DATE = '"Appt Date"'
INV = '"Inv Date"'

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
NONE = {"unanswerable"}

CA = "clinic_appointments"
AR = "ar_invoices"

CLINIC: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("val01", CA, "how many no-shows were there",
     "SELECT count(*) FROM t WHERE Status = 'No Show'", None, KPI),
    ("val02", CA, "no shows by clinic",
     "SELECT Clinic, count(*) FROM t WHERE Status = 'No Show' GROUP BY 1", None, BAR),
    ("val03", CA, "cancellations per month",
     f"SELECT date_trunc('month', {DATE}) AS m, count(*) FROM t WHERE Status = 'Cancelled' GROUP BY m",
     None, TIME),
    ("val04", CA, "completed visits by dept",
     "SELECT Dept, count(*) FROM t WHERE Status = 'Completed' GROUP BY 1", None, BAR),
    ("val05", CA, "how many appts got rescheduled",
     "SELECT count(*) FROM t WHERE Status = 'Rescheduled'", None, KPI),
    ("val06", CA, "average wait for telehealth visits",
     f"SELECT avg({WAIT}) FROM t WHERE \"Visit Type\" = 'Telehealth'", None, KPI),
    ("val07", CA, "follow up appointments per provider",
     "SELECT Provider, count(*) FROM t WHERE \"Visit Type\" = 'Follow-Up' GROUP BY 1", None, BAR),
    ("val08", CA, "new patient appointments by clinic",
     "SELECT Clinic, count(*) FROM t WHERE \"New Pt\" = 1 GROUP BY 1", None, BAR),
    ("val09", CA, "uninsured patients by department",
     "SELECT Dept, count(*) FROM t WHERE NOT Insured GROUP BY 1", None, BAR),
    ("val10", CA, "what % of appointments had a reminder sent",
     "SELECT 100.0 * count(*) FILTER (WHERE \"Reminder Sent\") / count(*) AS pct_reminder FROM t", None, KPI),
    ("val11", CA, "no-show rate by clinic",
     "SELECT Clinic, 100.0 * count(*) FILTER (WHERE Status = 'No Show') / count(*) AS pct_no_show FROM t "
     "GROUP BY 1", None, BAR),
    ("val12", CA, "avg copay for insured pts",
     f"SELECT avg({COPAY}) FROM t WHERE Insured", None, KPI),
    ("val13", CA, "total copays collected by month",
     f"SELECT date_trunc('month', {DATE}) AS m, sum({COPAY}) FROM t GROUP BY m", None, TIME),
    ("val14", CA, "appointments for patients under 18 by dept",
     "SELECT Dept, count(*) FROM t WHERE \"Pt Age\" < 18 GROUP BY 1", None, BAR),
    # judgment: "missed" an appointment = No Show
    ("val15", CA, "how many patients over 65 missed their appointment",
     "SELECT count(*) FROM t WHERE \"Pt Age\" > 65 AND Status = 'No Show'", None, KPI),
    ("val16", CA, "saturday appointments by clinic",
     f"SELECT Clinic, count(*) FROM t WHERE dayofweek({DATE}) = 6 GROUP BY 1", None, BAR),
    ("val17", CA, "avg wait time at westgate",
     f"SELECT avg({WAIT}) FROM t WHERE Clinic = 'Westgate'", None, KPI),
    ("val18", CA, "pediatric visits per month",
     f"SELECT date_trunc('month', {DATE}) AS m, count(*) FROM t WHERE Dept = 'Pediatrics' GROUP BY m",
     None, TIME),
    ("val19", CA, "how many dermatology appts were cancelled",
     "SELECT count(*) FROM t WHERE Dept = 'Dermatology' AND Status = 'Cancelled'", None, KPI),
    ("val20", CA, "top 3 doctors by no-shows",
     "SELECT Provider, count(*) AS n FROM t WHERE Status = 'No Show' GROUP BY 1 ORDER BY n DESC LIMIT 3",
     None, BAR),
    ("val21", CA, "procedures by doctor",
     "SELECT Provider, count(*) FROM t WHERE \"Visit Type\" = 'Procedure' GROUP BY 1", None, BAR),
    ("val22", CA, "appts w/o a reminder",
     "SELECT count(*) FROM t WHERE NOT \"Reminder Sent\"", None, KPI),
    ("val23", CA, "and with one?",
     "SELECT count(*) FROM t WHERE \"Reminder Sent\"", "val22", KPI),
    ("val24", CA, "completed telehealth appointments by month",
     f"SELECT date_trunc('month', {DATE}) AS m, count(*) FROM t WHERE Status = 'Completed' "
     "AND \"Visit Type\" = 'Telehealth' GROUP BY m", None, TIME),
    ("val25", CA, "average age of patients who didn't show up",
     "SELECT avg(\"Pt Age\") FROM t WHERE Status = 'No Show'", None, KPI),
    ("val26", CA, "visits where the wait was over 30 minutes, by clinic",
     f"SELECT Clinic, count(*) FROM t WHERE {WAIT} > 30 GROUP BY 1", None, BAR),
    ("val27", CA, "ortho appointments by visit type",
     "SELECT \"Visit Type\", count(*) FROM t WHERE Dept = 'Orthopedics' GROUP BY 1", None, BAR),
    ("val28", CA, "cardiology no shows",
     "SELECT count(*) FROM t WHERE Dept = 'Cardiology' AND Status = 'No Show'", None, KPI),
    ("val29", CA, "how many returning patients came in for a consult",
     "SELECT count(*) FROM t WHERE \"New Pt\" = 0 AND \"Visit Type\" = 'Consult'", None, KPI),
    ("val30", CA, "which patients complain the most", None, None, NONE),
]

INVOICES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("val40", AR, "total amt invoiced by region",
     f"SELECT Region, sum({AMT}) FROM t GROUP BY 1", None, BAR),
    ("val41", AR, "how much is overdue",
     f"SELECT sum({AMT}) FROM t WHERE Status = 'Overdue'", None, KPI),
    ("val42", AR, "overdue invoices by sales rep",
     "SELECT \"Sales Rep\", count(*) FROM t WHERE Status = 'Overdue' GROUP BY 1", None, BAR),
    ("val43", AR, "paid invoices per month",
     f"SELECT date_trunc('month', {INV}) AS m, count(*) FROM t WHERE Status = 'Paid' GROUP BY m", None, TIME),
    ("val44", AR, "disputed invoices by region",
     "SELECT Region, count(*) FROM t WHERE Disputed = 'Y' GROUP BY 1", None, BAR),
    ("val45", AR, "how many invoices aren't disputed",
     "SELECT count(*) FROM t WHERE Disputed = 'N'", None, KPI),
    ("val46", AR, "total rev from software",
     f"SELECT sum({AMT}) FROM t WHERE \"Product Line\" = 'Software'", None, KPI),
    ("val47", AR, "avg days past due for overdue invoices",
     "SELECT avg(\"Days Past Due\") FROM t WHERE Status = 'Overdue'", None, KPI),
    ("val48", AR, "invoices over $5,000 by product line",
     f"SELECT \"Product Line\", count(*) FROM t WHERE {AMT} > 5000 GROUP BY 1", None, BAR),
    ("val49", AR, "how many invoices were under $100",
     f"SELECT count(*) FROM t WHERE {AMT} < 100", None, KPI),
    ("val50", AR, "invoices on autopay by tier",
     "SELECT Tier, count(*) FROM t WHERE \"Auto-Pay\" = 1 GROUP BY 1", None, BAR),
    ("val51", AR, "share of invoices on auto pay",
     "SELECT 100.0 * avg(\"Auto-Pay\") AS pct_autopay FROM t", None, KPI),
    ("val52", AR, "total qty sold by product line",
     "SELECT \"Product Line\", sum(Qty) FROM t GROUP BY 1", None, BAR),
    ("val53", AR, "voided invoices per rep",
     "SELECT \"Sales Rep\", count(*) FROM t WHERE Status = 'Void' GROUP BY 1", None, BAR),
    ("val54", AR, "net 60 invoices by status",
     "SELECT Status, count(*) FROM t WHERE Terms = 'Net 60' GROUP BY 1", None, BAR),
    ("val55", AR, "how many invoices are at least 90 days late",
     "SELECT count(*) FROM t WHERE \"Days Past Due\" >= 90", None, KPI),
    # judgment: late = past due (Days Past Due > 0, the same rows as Status Overdue)
    ("val56", AR, "late invoices by region",
     "SELECT Region, count(*) FROM t WHERE \"Days Past Due\" > 0 GROUP BY 1", None, BAR),
    ("val57", AR, "avg discount by customer",
     "SELECT Customer, avg(\"Disc %\") FROM t GROUP BY 1", None, BAR),
    ("val58", AR, "invoices with a discount by region",
     "SELECT Region, count(*) FROM t WHERE \"Disc %\" > 0 GROUP BY 1", None, BAR),
    ("val59", AR, "how many invoices had no discount",
     "SELECT count(*) FROM t WHERE \"Disc %\" = 0", None, KPI),
    ("val60", AR, "how many invoices are partly paid",
     "SELECT count(*) FROM t WHERE Status = 'Partially Paid'", None, KPI),
    ("val61", AR, "total billed to enterprise customers by month",
     f"SELECT date_trunc('month', {INV}) AS m, sum({AMT}) FROM t WHERE Tier = 'Ent' GROUP BY m", None, TIME),
    ("val62", AR, "how many smb invoices are overdue",
     "SELECT count(*) FROM t WHERE Tier = 'SMB' AND Status = 'Overdue'", None, KPI),
    ("val63", AR, "invoices due on receipt by rep",
     "SELECT \"Sales Rep\", count(*) FROM t WHERE Terms = 'Due on Receipt' GROUP BY 1", None, BAR),
    ("val64", AR, "what percent of invoices are overdue",
     "SELECT 100.0 * count(*) FILTER (WHERE Status = 'Overdue') / count(*) AS pct_overdue FROM t", None, KPI),
    ("val65", AR, "total paid by wire",
     f"SELECT sum({AMT}) FROM t WHERE \"Pay Method\" = 'Wire'", None, KPI),
    ("val66", AR, "how many invoices were paid by credit card",
     "SELECT count(*) FROM t WHERE \"Pay Method\" = 'Card'", None, KPI),
    ("val67", AR, "midwest invoices over 10k",
     f"SELECT count(*) FROM t WHERE Region = 'Midwest' AND {AMT} > 10000", None, KPI),
    ("val68", AR, "revenue by customer",
     f"SELECT Customer, sum({AMT}) FROM t GROUP BY 1", None, BAR),
    ("val69", AR, "only the west",
     f"SELECT Customer, sum({AMT}) FROM t WHERE Region = 'West' GROUP BY 1", "val68", BAR),
    ("val70", AR, "and just hardware",
     f"SELECT Customer, sum({AMT}) FROM t WHERE Region = 'West' AND \"Product Line\" = 'Hardware' GROUP BY 1",
     "val69", BAR),
    ("val71", AR, "avg invoice amount for mid-market accounts",
     f"SELECT avg({AMT}) FROM t WHERE Tier = 'Mid'", None, KPI),
    ("val72", AR, "what's our DSO", None, None, NONE),
]

QUESTIONS = CLINIC + INVOICES


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "condition in words or values": _ids(
        "val01 val02 val03 val04 val05 val06 val07 val08 val09 val11 val12 val14 val15 val16 val17 val18 "
        "val19 val20 val21 val22 val23 val24 val25 val26 val27 val28 val29 val41 val42 val43 val44 val45 "
        "val46 val47 val48 val49 val50 val53 val54 val55 val56 val58 val59 val60 val61 val62 val63 val65 "
        "val66 val67 val69 val70 val71"),
    "kpi": _ids("val01 val05 val06 val10 val12 val15 val17 val19 val22 val23 val25 val28 val29 val41 val45 "
                "val46 val47 val49 val51 val55 val59 val60 val62 val64 val65 val66 val67 val71"),
    "kpi with a condition": _ids("val01 val05 val06 val12 val15 val17 val19 val22 val23 val25 val28 val29 "
                                 "val41 val45 val46 val47 val49 val55 val59 val60 val62 val65 val66 val67 "
                                 "val71"),
    "time series": _ids("val03 val13 val18 val24 val43 val61"),
    "top-N with 'top'": _ids("val20"),
    "share or percentage": _ids("val10 val11 val51 val64"),
    "weekday or hour": _ids("val16"),
    "abbreviation or paraphrase": _ids(
        "val03 val05 val08 val09 val12 val15 val20 val21 val22 val25 val27 val29 val40 val46 val50 val51 "
        "val52 val53 val55 val56 val60 val61 val62 val66 val67 val68 val71"),
}
