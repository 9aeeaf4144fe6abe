"""The vocab practice set: everyday words for what the data holds under another name, over three CSVs of
make_vocab.py (a plant's shift output, staff hours by month, home listings) — paraphrases of a measure
column ("output", "made" ~ Units Produced, "payroll" ~ Pay, "spend" ~ Expenses, "headcount" ~ distinct
employees), derived measures no column names ("defect rate" ~ Rejected / Produced, "utilisation" ~ Hours
Billed / Hours Available, "days on market" ~ Sale Date − List Date, "downtime" ~ Planned − Run hours), and
value codes said in full words ("northeast" ~ NE, "engineering" ~ ENG, "night shift" ~ N, "condos" ~ CONDO,
"contractors" ~ CTR), also in follow-ups ("just engineering"); with questions the data cannot answer, which
must stay declined. Format and gold conventions: tests/analysis/fresh/questions.py's docstring. Written
before the planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
SHARE = {"arc", "bar"}
ONE = {"bar", "kpi"}
NONE = {"unanswerable"}

PO = "plant_output"
SH = "staff_hours"
HL = "home_listings"

MADE = '"Units Produced"'
REJ = '"Units Rejected"'
SCRAP = '"Units Scrapped"'
UTIL = '100.0 * sum("Hours Billed") / sum("Hours Available")'
RUN_UTIL = '100.0 * sum("Run Hrs") / sum("Planned Hrs")'
DOM = 'date_diff(\'day\', "List Date", "Sale Date")'
HEADS = 'count(DISTINCT "Emp ID")'

PLANT: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("voc01", PO, "total output by plant", f"SELECT Plant, sum({MADE}) FROM t GROUP BY 1", None, BAR),
    ("voc02", PO, "how many units did we make last month",
     f"SELECT sum({MADE}) FROM t WHERE Date BETWEEN DATE '2025-06-01' AND DATE '2025-06-30'", None, KPI),
    ("voc03", PO, "defect rate by line", f"SELECT Line, 100.0 * sum({REJ}) / sum({MADE}) AS pct_rej FROM t GROUP BY 1",
     None, BAR),
    ("voc04", PO, "scrap rate by month",
     f"SELECT date_trunc('month', Date), 100.0 * sum({SCRAP}) / sum({MADE}) AS pct_scrap FROM t GROUP BY 1", None,
     TIME),
    ("voc05", PO, "utilisation by plant", f"SELECT Plant, {RUN_UTIL} AS pct_util FROM t GROUP BY 1", None, BAR),
    ("voc06", PO, "northeast output by month",
     f"SELECT date_trunc('month', Date), sum({MADE}) FROM t WHERE Plant = 'NE' GROUP BY 1", None, TIME),
    ("voc07", PO, "just the midwest",
     f"SELECT date_trunc('month', Date), sum({MADE}) FROM t WHERE Plant = 'MW' GROUP BY 1", "voc06", TIME),
    ("voc08", PO, "night shift defect rate",
     f"SELECT 100.0 * sum({REJ}) / sum({MADE}) AS pct_rej FROM t WHERE Shift = 'N'", None, KPI),
    ("voc09", PO, "which plant made the most units",
     f"SELECT Plant, sum({MADE}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("voc10", PO, "output per crew member by plant",
     f'SELECT Plant, sum({MADE}) / sum("Crew Size") FROM t GROUP BY 1', None, BAR),
    ("voc11", PO, "rejects day vs night shift", f"SELECT Shift, sum({REJ}) FROM t GROUP BY 1", None, BAR),
    # judgment: a row is one line's shift
    ("voc12", PO, "average output per shift", f"SELECT avg({MADE}) FROM t", None, KPI),
    ("voc13", PO, "reject rate for the southeast plant",
     f"SELECT 100.0 * sum({REJ}) / sum({MADE}) AS pct_rej FROM t WHERE Plant = 'SE'", None, KPI),
    # judgment: downtime is the planned hours not run
    ("voc14", PO, "downtime by line", 'SELECT Line, sum("Planned Hrs" - "Run Hrs") FROM t GROUP BY 1', None, BAR),
    ("voc15", PO, "total production in Q2",
     f"SELECT sum({MADE}) FROM t WHERE Date BETWEEN DATE '2025-04-01' AND DATE '2025-06-30'", None, KPI),
    ("voc16", PO, "scrap by plant", f"SELECT Plant, sum({SCRAP}) FROM t GROUP BY 1", None, BAR),
    ("voc17", PO, "energy use by plant", None, None, NONE),
    ("voc18", PO, "overtime cost by line", None, None, NONE),
    ("voc19", PO, "units made per hour by plant", f'SELECT Plant, sum({MADE}) / sum("Run Hrs") FROM t GROUP BY 1',
     None, BAR),
    ("voc20", PO, "weekly output trend for the southwest",
     f"SELECT date_trunc('week', Date), sum({MADE}) FROM t WHERE Plant = 'SW' GROUP BY 1", None, TIME),
]

STAFF: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: headcount counts distinct people over the data's months
    ("voc21", SH, "headcount by department", f"SELECT Dept, {HEADS} FROM t GROUP BY 1", None, BAR),
    ("voc22", SH, "utilisation by dept", f"SELECT Dept, {UTIL} AS pct_util FROM t GROUP BY 1", None, BAR),
    ("voc23", SH, "engineering utilisation by month",
     f"SELECT Month, {UTIL} AS pct_util FROM t WHERE Dept = 'ENG' GROUP BY 1", None, TIME),
    ("voc24", SH, "how many contractors do we have", f"SELECT {HEADS} FROM t WHERE Type = 'CTR'", None, KPI),
    ("voc25", SH, "payrol by office", "SELECT Office, sum(Pay) FROM t GROUP BY 1", None, BAR),
    ("voc26", SH, "london headcount", f"SELECT {HEADS} FROM t WHERE Office = 'LDN'", None, KPI),
    ("voc27", SH, "total spend by department", "SELECT Dept, sum(Expenses) FROM t GROUP BY 1", None, BAR),
    ("voc28", SH, "billable hours for marketing vs finance",
     "SELECT Dept, sum(\"Hours Billed\") FROM t WHERE Dept IN ('MKT', 'FIN') GROUP BY 1", None, BAR),
    ("voc29", SH, "average pay for full time staff", "SELECT avg(Pay) FROM t WHERE Type = 'FT'", None, KPI),
    ("voc30", SH, "part-timers utilisation", f"SELECT {UTIL} AS pct_util FROM t WHERE Type = 'PT'", None, KPI),
    ("voc31", SH, "which office has the lowest utilisation",
     f"SELECT Office, {UTIL} AS u FROM t GROUP BY 1 ORDER BY 2 LIMIT 1", None, ONE),
    ("voc32", SH, "headcount by month", f"SELECT Month, {HEADS} FROM t GROUP BY 1", None, TIME),
    ("voc33", SH, "just engineering", f"SELECT Month, {HEADS} FROM t WHERE Dept = 'ENG' GROUP BY 1", "voc32", TIME),
    ("voc34", SH, "expenses per employee by dept", f"SELECT Dept, sum(Expenses) / {HEADS} FROM t GROUP BY 1", None,
     BAR),
    ("voc35", SH, "sick days by department", None, None, NONE),
    ("voc36", SH, "average age of engineers", None, None, NONE),
    ("voc37", SH, "unbilled hours by office",
     'SELECT Office, sum("Hours Available" - "Hours Billed") FROM t GROUP BY 1', None, BAR),
    ("voc38", SH, "wage bill in the new york office by month",
     "SELECT Month, sum(Pay) FROM t WHERE Office = 'NYC' GROUP BY 1", None, TIME),
    ("voc39", SH, "human resources expenses", "SELECT sum(Expenses) FROM t WHERE Dept = 'HR'", None, KPI),
    ("voc40", SH, "operations headcount", f"SELECT {HEADS} FROM t WHERE Dept = 'OPS'", None, KPI),
]

HOMES: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("voc41", HL, "average days on market by region", f"SELECT Region, avg({DOM}) FROM t GROUP BY 1", None, BAR),
    ("voc42", HL, "days on market for condos", f"SELECT avg({DOM}) FROM t WHERE Type = 'CONDO'", None, KPI),
    ("voc43", HL, "median sale price of single family homes",
     "SELECT median(\"Sale Price\") FROM t WHERE Type = 'SFH'", None, KPI),
    # judgment: sold = has a sale date
    ("voc44", HL, "how many homes sold in the northeast",
     "SELECT count(\"Sale Date\") FROM t WHERE Region = 'NE'", None, KPI),
    ("voc45", HL, "sale to list ratio by region",
     "SELECT Region, 100.0 * sum(\"Sale Price\") / sum(\"List Price\") FILTER (WHERE \"Sale Price\" IS NOT NULL) "
     "AS pct_ratio FROM t GROUP BY 1", None, BAR),
    ("voc46", HL, "cash buyers by region",
     "SELECT Region, count(*) FROM t WHERE Financing = 'CASH' GROUP BY 1", None, BAR),
    ("voc47", HL, "just conventional",
     "SELECT Region, count(*) FROM t WHERE Financing = 'CONV' GROUP BY 1", "voc46", BAR),
    ("voc48", HL, "share of sales by financing type",
     "SELECT Financing, count(*) AS share_sales FROM t WHERE Financing IS NOT NULL GROUP BY 1", None, SHARE),
    ("voc49", HL, "townhouse sales by month",
     "SELECT date_trunc('month', \"Sale Date\"), count(*) FROM t WHERE Type = 'TH' AND \"Sale Date\" IS NOT NULL "
     "GROUP BY 1", None, TIME),
    ("voc50", HL, "total sales volume by agnet", "SELECT Agent, sum(\"Sale Price\") FROM t GROUP BY 1", None, BAR),
    # judgment: the discount is list price minus sale price over the sold homes
    ("voc51", HL, "average discount off list price",
     "SELECT avg(\"List Price\" - \"Sale Price\") FROM t", None, KPI),
    ("voc52", HL, "which agent sells fastest",
     f"SELECT Agent, avg({DOM}) FROM t GROUP BY 1 ORDER BY 2 LIMIT 1", None, ONE),
    ("voc53", HL, "fha loans in the west", "SELECT count(*) FROM t WHERE Financing = 'FHA' AND Region = 'W'", None,
     KPI),
    ("voc54", HL, "mortgage rate by region", None, None, NONE),
    ("voc55", HL, "average square footage by type", None, None, NONE),
    ("voc56", HL, "new listings by month", "SELECT date_trunc('month', \"List Date\"), count(*) FROM t GROUP BY 1",
     None, TIME),
    ("voc57", HL, "days on market by month sold",
     f"SELECT date_trunc('month', \"Sale Date\"), avg({DOM}) FROM t WHERE \"Sale Date\" IS NOT NULL GROUP BY 1",
     None, TIME),
    ("voc58", HL, "median asking price in the southeast",
     "SELECT median(\"List Price\") FROM t WHERE Region = 'SE'", None, KPI),
    ("voc59", HL, "commission by agent", None, None, NONE),
    ("voc60", HL, "how many homes are still unsold", "SELECT count(*) FROM t WHERE \"Sale Date\" IS NULL", None, KPI),
]

QUESTIONS = PLANT + STAFF + HOMES


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "derived measure": _ids("voc03 voc04 voc05 voc08 voc10 voc13 voc14 voc19 voc22 voc23 voc30 voc31 voc34 voc37 "
                            "voc41 voc42 voc45 voc51 voc52 voc57"),
    "kpi": _ids("voc02 voc08 voc12 voc13 voc15 voc24 voc26 voc29 voc30 voc39 voc40 voc42 voc43 voc44 voc51 voc53 "
                "voc58 voc60"),
    "kpi with a condition": _ids("voc02 voc08 voc13 voc15 voc24 voc26 voc29 voc30 voc39 voc40 voc42 voc43 voc44 "
                                 "voc53 voc58 voc60"),
    "time series": _ids("voc04 voc06 voc07 voc20 voc23 voc32 voc33 voc38 voc49 voc56 voc57"),
    "quarter or week grain": _ids("voc20"),
    "relative period": _ids("voc02"),
    "typo": _ids("voc25 voc50"),
    "abbreviation or paraphrase": _ids("voc01 voc02 voc06 voc07 voc09 voc10 voc12 voc15 voc19 voc20 voc21 voc24 "
                                       "voc25 voc26 voc27 voc29 voc32 voc33 voc38 voc40 voc46 voc47 voc50 voc58"),
    "top/bottom-N without 'top'": _ids("voc09 voc31 voc52"),
    "share or percentage": _ids("voc03 voc04 voc05 voc08 voc13 voc22 voc23 voc30 voc31 voc45 voc48"),
    "condition in words or values": _ids("voc06 voc07 voc08 voc13 voc20 voc23 voc24 voc26 voc28 voc29 voc30 voc33 "
                                         "voc38 voc39 voc40 voc42 voc43 voc44 voc46 voc47 voc49 voc53 voc58 voc60"),
}
