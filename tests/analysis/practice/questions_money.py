"""The money practice set: money in and out, shares and units, over the three CSVs of make_money.py — a bank
export with one signed Amount (negative = money out: "how much did we spend on supplies" is a positive total of
the money out), a credit union's log with a Type column (Deposit / Withdrawal: "net flow per month" adds the
deposits and takes away the withdrawals), shares that must come as a share ("what percent of tickets come in by
phone", "what share of transactions happen on weekends", "refunds as a percent") and units said in the question
("talk time in hours" over a minutes column, "in thousands", "in days" over hours), in everyday, terse wording.
Format and gold conventions: tests/analysis/fresh/questions.py's docstring. Written before the planner answered
them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
ONE = {"bar", "kpi"}
TIME = {"line", "area", "bar"}
SHARE = {"arc", "bar"}
PIE = {"arc"}
TWO = {"bar", "point", "table"}
TWO_TIME = {"line", "bar", "area", "table"}
NONE = {"unanswerable"}

BK = "bank_ledger"
MT = "member_txns"
HC = "help_calls"

MONTH = "date_trunc('month', Date)"
OUT = "Amount < 0"
TDATE = '"Txn Date"'
TMONTH = f"date_trunc('month', {TDATE})"
SIGNED = "CASE WHEN Type = 'Deposit' THEN Amount ELSE -Amount END"
TALK = '"Talk Time (min)"'
RESOLVE = '"Hours to Resolve"'
REFUND = '"Refund Amount"'
WEEKEND = "CASE WHEN dayofweek({}) IN (0, 6) THEN 100.0 ELSE 0 END"

BANK: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- bank_ledger (2024, signed Amount) ----
    # judgment: money out is reported as a positive amount spent
    ("mon01", BK, "how much did we spend on supplies", "SELECT -sum(Amount) FROM t WHERE Category = 'Supplies'",
     None, KPI),
    ("mon02", BK, "total spending by month", f"SELECT {MONTH}, -sum(Amount) FROM t WHERE {OUT} GROUP BY 1", None, TIME),
    ("mon03", BK, "only payroll", f"SELECT {MONTH}, -sum(Amount) FROM t WHERE Category = 'Payroll' GROUP BY 1",
     "mon02", TIME),
    ("mon04", BK, "total income by month", f"SELECT {MONTH}, sum(Amount) FROM t WHERE Amount > 0 GROUP BY 1", None,
     TIME),
    ("mon05", BK, "net cash flow per month", f"SELECT {MONTH}, sum(Amount) FROM t GROUP BY 1", None, TIME),
    ("mon06", BK, "what was our biggest single expense", f"SELECT max(-Amount) FROM t WHERE {OUT}", None, KPI),
    ("mon07", BK, "expenses by category", f"SELECT Category, -sum(Amount) FROM t WHERE {OUT} GROUP BY 1", None, BAR),
    ("mon08", BK, "which category do we spend the most on",
     f"SELECT Category, -sum(Amount) AS s FROM t WHERE {OUT} GROUP BY 1 ORDER BY s DESC LIMIT 1", None, ONE),
    ("mon09", BK, "money in vs money out by month",
     f"SELECT {MONTH}, sum(Amount) FILTER (WHERE Amount > 0), -sum(Amount) FILTER (WHERE {OUT}) FROM t GROUP BY 1",
     None, TWO_TIME),
    ("mon10", BK, "average payroll run", "SELECT avg(-Amount) FROM t WHERE Category = 'Payroll'", None, KPI),
    ("mon11", BK, "monthly utilities bill", f"SELECT {MONTH}, -sum(Amount) FROM t WHERE Category = 'Utilities' "
     "GROUP BY 1", None, TIME),
    ("mon12", BK, "what percent of our spending goes to payroll",
     f"SELECT 100.0 * sum(Amount) FILTER (WHERE Category = 'Payroll') / sum(Amount) FILTER (WHERE {OUT}) AS pct_pay "
     "FROM t", None, KPI),
    ("mon13", BK, "breakdown of expenses by category as a pie",
     f"SELECT Category, -sum(Amount) AS share_out FROM t WHERE {OUT} GROUP BY 1", None, PIE),
    ("mon14", BK, "how many deposits were over 5k", "SELECT count(*) FROM t WHERE Amount > 5000", None, KPI),
    ("mon15", BK, "income in thousands by month", f"SELECT {MONTH}, sum(Amount) / 1000 FROM t WHERE Amount > 0 "
     "GROUP BY 1", None, TIME),
    ("mon16", BK, "total bank fees paid", "SELECT -sum(Amount) FROM t WHERE Category = 'Bank Fees'", None, KPI),
    ("mon17", BK, "travel spend by quarter", "SELECT date_trunc('quarter', Date), -sum(Amount) FROM t "
     "WHERE Category = 'Travel' GROUP BY 1", None, TIME),
    ("mon18", BK, "total outflows in december", f"SELECT -sum(Amount) FROM t WHERE {OUT} AND month(Date) = 12",
     None, KPI),
    ("mon19", BK, "net cash flow for the year", "SELECT sum(Amount) FROM t", None, KPI),
    ("mon20", BK, "how much did we refund customers", "SELECT -sum(Amount) FROM t WHERE Category = 'Refund'", None,
     KPI),
    ("mon21", BK, "spending by department", None, None, NONE),
    ("mon22", BK, "how much sales tax did we collect", None, None, NONE),
    ("mon23", BK, "softwre costs per month", f"SELECT {MONTH}, -sum(Amount) FROM t WHERE Category = 'Software' "
     "GROUP BY 1", None, TIME),
]

MEMBERS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- member_txns (Jan – Jun 2025, Type Deposit / Withdrawal, positive Amount) ----
    ("mon24", MT, "total deposits by month", f"SELECT {TMONTH}, sum(Amount) FROM t WHERE Type = 'Deposit' GROUP BY 1",
     None, TIME),
    ("mon25", MT, "withdrawals by branch", "SELECT Branch, sum(Amount) FROM t WHERE Type = 'Withdrawal' GROUP BY 1",
     None, BAR),
    # judgment: net flow = deposits - withdrawals
    ("mon26", MT, "net flow per month", f"SELECT {TMONTH}, sum({SIGNED}) FROM t GROUP BY 1", None, TIME),
    ("mon27", MT, "what percent of transactions are withdrawals",
     "SELECT avg(CASE WHEN Type = 'Withdrawal' THEN 100.0 ELSE 0 END) AS pct_w FROM t", None, KPI),
    ("mon28", MT, "what share of transactions happen on weekends",
     f"SELECT avg({WEEKEND.format(TDATE)}) AS pct_weekend FROM t", None, KPI),
    ("mon29", MT, "percentage of deposits made online",
     "SELECT avg(CASE WHEN Channel = 'Online' THEN 100.0 ELSE 0 END) AS pct_online FROM t WHERE Type = 'Deposit'",
     None, KPI),
    ("mon30", MT, "share of transactions by channel", "SELECT Channel, count(*) AS share_n FROM t GROUP BY 1", None,
     SHARE),
    ("mon31", MT, "how much was withdrawn at atms",
     "SELECT sum(Amount) FROM t WHERE Type = 'Withdrawal' AND Channel = 'ATM'", None, KPI),
    ("mon32", MT, "average deposit size", "SELECT avg(Amount) FROM t WHERE Type = 'Deposit'", None, KPI),
    ("mon33", MT, "biggest withdrawal", "SELECT max(Amount) FROM t WHERE Type = 'Withdrawal'", None, KPI),
    ("mon34", MT, "net deposits by branch", f"SELECT Branch, sum({SIGNED}) FROM t GROUP BY 1", None, BAR),
    ("mon35", MT, "deposits vs withdrawals by branch",
     "SELECT Branch, sum(Amount) FILTER (WHERE Type = 'Deposit'), sum(Amount) FILTER (WHERE Type = 'Withdrawal') "
     "FROM t GROUP BY 1", None, TWO),
    ("mon36", MT, "how many withdrawals last month",
     f"SELECT count(*) FROM t WHERE Type = 'Withdrawal' AND {TDATE} >= DATE '2025-06-01'", None, KPI),
    ("mon37", MT, "withdrawals in thousands by branch",
     "SELECT Branch, sum(Amount) / 1000 FROM t WHERE Type = 'Withdrawal' GROUP BY 1", None, BAR),
    ("mon38", MT, "which branch takes in the most deposits",
     "SELECT Branch, sum(Amount) AS s FROM t WHERE Type = 'Deposit' GROUP BY 1 ORDER BY s DESC LIMIT 1", None, ONE),
    ("mon39", MT, "% of withdrawals over 500",
     "SELECT avg(CASE WHEN Amount > 500 THEN 100.0 ELSE 0 END) AS pct_big FROM t WHERE Type = 'Withdrawal'", None,
     KPI),
    ("mon40", MT, "total deposited through mobile in march",
     f"SELECT sum(Amount) FROM t WHERE Type = 'Deposit' AND Channel = 'Mobile' AND month({TDATE}) = 3", None, KPI),
    ("mon41", MT, "average member age", None, None, NONE),
    ("mon42", MT, "deposits by account type", None, None, NONE),
    ("mon43", MT, "what share of deposit dollars came in via mobile",
     "SELECT 100.0 * sum(Amount) FILTER (WHERE Channel = 'Mobile') / sum(Amount) AS pct_mobile FROM t "
     "WHERE Type = 'Deposit'", None, KPI),
]

CALLS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- help_calls (Oct – Dec 2024) ----
    ("mon44", HC, "what percent of tickets come in by phone",
     "SELECT avg(CASE WHEN Channel = 'Phone' THEN 100.0 ELSE 0 END) AS pct_phone FROM t", None, KPI),
    ("mon45", HC, "total talk time in hours", f"SELECT sum({TALK}) / 60 FROM t", None, KPI),
    ("mon46", HC, "talk time in hours by agent", f"SELECT Agent, sum({TALK}) / 60 FROM t GROUP BY 1", None, BAR),
    ("mon47", HC, "average resolution time in days", f"SELECT avg({RESOLVE}) / 24 FROM t", None, KPI),
    ("mon48", HC, "resolution time in days by team", f"SELECT Team, avg({RESOLVE}) / 24 FROM t GROUP BY 1", None,
     BAR),
    ("mon49", HC, "how many tickets were refunded, as a percent",
     "SELECT avg(CASE WHEN Refunded = 'Yes' THEN 100.0 ELSE 0 END) AS pct_ref FROM t", None, KPI),
    ("mon50", HC, "refund rate by channel",
     "SELECT Channel, avg(CASE WHEN Refunded = 'Yes' THEN 100.0 ELSE 0 END) AS pct_ref FROM t GROUP BY 1", None,
     BAR),
    ("mon51", HC, "how much did we refund each month",
     f"SELECT date_trunc('month', \"Call Date\"), sum({REFUND}) FROM t GROUP BY 1", None, TIME),
    ("mon52", HC, "share of calls by team", "SELECT Team, count(*) AS share_n FROM t GROUP BY 1", None, SHARE),
    ("mon53", HC, "what percent of tickets got a csat of 5",
     "SELECT avg(CASE WHEN CSAT = 5 THEN 100.0 ELSE 0 END) AS pct_five FROM t", None, KPI),
    ("mon54", HC, "avg talk tim in hrs per team", f"SELECT Team, avg({TALK}) / 60 FROM t GROUP BY 1", None, BAR),
    ("mon55", HC, "what share of tickets are opened on weekends",
     f"SELECT avg({WEEKEND.format(chr(34) + 'Call Date' + chr(34))}) AS pct_weekend FROM t", None, KPI),
    ("mon56", HC, "which agent spends the most time on calls",
     f"SELECT Agent, sum({TALK}) AS s FROM t GROUP BY 1 ORDER BY s DESC LIMIT 1", None, ONE),
    # judgment: the average over the refunded tickets only
    ("mon57", HC, "average refund amount", f"SELECT avg({REFUND}) FROM t WHERE Refunded = 'Yes'", None, KPI),
    ("mon58", HC, "percentage of refund dollars from the billing team",
     f"SELECT 100.0 * sum({REFUND}) FILTER (WHERE Team = 'Billing') / sum({REFUND}) AS pct_billing FROM t", None,
     KPI),
    ("mon59", HC, "chat's share of tickets by month",
     "SELECT date_trunc('month', \"Call Date\"), avg(CASE WHEN Channel = 'Chat' THEN 100.0 ELSE 0 END) AS pct_chat "
     "FROM t GROUP BY 1", None, TIME),
    ("mon60", HC, "average wait time before answer", None, None, NONE),
    ("mon61", HC, "how many calls were dropped", None, None, NONE),
    ("mon62", HC, "tickets by customer region", None, None, NONE),
]

QUESTIONS = BANK + MEMBERS + CALLS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "kpi": _ids("mon01 mon06 mon10 mon12 mon14 mon16 mon18 mon19 mon20 mon27 mon28 mon29 mon31 mon32 mon33 mon36 "
                "mon39 mon40 mon43 mon44 mon45 mon47 mon49 mon53 mon55 mon57 mon58"),
    "kpi with a condition": _ids("mon01 mon10 mon16 mon18 mon20 mon29 mon31 mon32 mon33 mon36 mon39 mon40 mon43 "
                                 "mon57"),
    "time series": _ids("mon02 mon03 mon04 mon05 mon09 mon11 mon15 mon17 mon23 mon24 mon26 mon51 mon59"),
    "top/bottom-N without 'top'": _ids("mon08 mon38 mon56"),
    "share or percentage": _ids("mon12 mon13 mon27 mon28 mon29 mon30 mon39 mon43 mon44 mon49 mon50 mon52 mon53 "
                                "mon55 mon58 mon59"),
    "pie asked for": _ids("mon13"),
    "two measures": _ids("mon09 mon35"),
    "median/max/min wording": _ids("mon06 mon33"),
    "condition in words or values": _ids("mon01 mon03 mon11 mon16 mon17 mon20 mon23 mon25 mon29 mon31 mon36 mon40 "
                                         "mon57 mon58"),
    "relative period": _ids("mon36"),
    "typo": _ids("mon23 mon54"),
    "abbreviation or paraphrase": _ids("mon02 mon04 mon05 mon07 mon09 mon18 mon19 mon26 mon34 mon45 mon46 mon47 "
                                       "mon48 mon54 mon56"),
    "derived measure": _ids("mon05 mon19 mon26 mon34"),
}
