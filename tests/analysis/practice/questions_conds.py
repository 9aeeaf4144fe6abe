"""The conds practice set: conditions in words or values (statuses, Yes/No and true/false and 1/0 flags,
"no / zero / without / with <measure>", negations), with abbreviations, typos, top-N, KPIs and follow-ups,
over the two CSVs of make_conds.py. Format and gold conventions: tests/analysis/fresh/questions.py's
docstring. Written before the planner answered them.
"""
from __future__ import annotations

REV = "CAST(REPLACE(REPLACE(revenue, '$', ''), ',', '') AS DOUBLE)"
REFUND = '"Refund ($)"'
RESP = '"First Resp (min)"'
SRC = '"source / medium"'

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
SHARE = {"arc", "bar"}
NONE = {"unanswerable"}

HD = "helpdesk_tickets"
SS = "site_sessions"

TICKETS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: "still open" = Status Open (Pending is its own status)
    ("cnd01", HD, "how many tickets are still open",
     "SELECT count(*) FROM t WHERE Status = 'Open'", None, KPI),
    ("cnd02", HD, "number of resolved tickets by agent",
     "SELECT Agent, count(*) FROM t WHERE Status = 'Resolved' GROUP BY 1", None, BAR),
    ("cnd03", HD, "how many tickets were canceled",
     "SELECT count(*) FROM t WHERE Status = 'Cancelled'", None, KPI),
    ("cnd04", HD, "high-priority tickets per agent",
     "SELECT Agent, count(*) FROM t WHERE Priority = 'High' GROUP BY 1", None, BAR),
    ("cnd05", HD, "avg resp time for urgent tix",
     f"SELECT avg({RESP}) FROM t WHERE Priority = 'Urgent'", None, KPI),
    ("cnd06", HD, "escalated tickets by category",
     "SELECT Category, count(*) FROM t WHERE Escalated GROUP BY 1", None, BAR),
    ("cnd07", HD, "how many tickets were not escalated",
     "SELECT count(*) FROM t WHERE NOT Escalated", None, KPI),
    ("cnd08", HD, "reopened tickets per channel",
     "SELECT Channel, count(*) FROM t WHERE Reopened GROUP BY 1", None, BAR),
    ("cnd09", HD, "tickets that were never reopened, by priority",
     "SELECT Priority, count(*) FROM t WHERE NOT Reopened GROUP BY 1", None, BAR),
    ("cnd10", HD, "tickets with a refund by category",
     f"SELECT Category, count(*) FROM t WHERE {REFUND} > 0 GROUP BY 1", None, BAR),
    ("cnd11", HD, "and the ones without?",
     f"SELECT Category, count(*) FROM t WHERE {REFUND} = 0 GROUP BY 1", "cnd10", BAR),
    ("cnd12", HD, "how many tickets had no refund",
     f"SELECT count(*) FROM t WHERE {REFUND} = 0", None, KPI),
    ("cnd13", HD, "total refunds by month",
     f"SELECT date_trunc('month', Opened) AS m, sum({REFUND}) FROM t GROUP BY m", None, TIME),
    ("cnd14", HD, "tickets without attachments by channel",
     "SELECT Channel, count(*) FROM t WHERE Attachments = 0 GROUP BY 1", None, BAR),
    ("cnd15", HD, "how many tickets have attachments",
     "SELECT count(*) FROM t WHERE Attachments > 0", None, KPI),
    ("cnd16", HD, "average csat for closed tickets",
     "SELECT avg(CSAT) FROM t WHERE Status = 'Closed'", None, KPI),
    ("cnd17", HD, "how many tickets have no csat score",
     "SELECT count(*) FROM t WHERE CSAT IS NULL", None, KPI),
    ("cnd18", HD, "what % of tickets got escalated",
     "SELECT 100.0 * count(*) FILTER (WHERE Escalated) / count(*) AS pct_escalated FROM t", None, KPI),
    ("cnd19", HD, "escalation rate by priority",
     "SELECT Priority, 100.0 * count(*) FILTER (WHERE Escalated) / count(*) AS pct_escalated FROM t GROUP BY 1",
     None, BAR),
    ("cnd20", HD, "how many phone tickets came in last month",
     "SELECT count(*) FROM t WHERE Channel = 'Phone' AND Opened >= TIMESTAMP '2025-06-01'", None, KPI),
    ("cnd21", HD, "pending tickets by agent",
     "SELECT Agent, count(*) FROM t WHERE Status = 'Pending' GROUP BY 1", None, BAR),
    ("cnd22", HD, "median first response time for chat",
     f"SELECT median({RESP}) FROM t WHERE Channel = 'Chat'", None, KPI),
    ("cnd23", HD, "top 3 agents by refunds given",
     f"SELECT Agent, sum({REFUND}) AS r FROM t GROUP BY 1 ORDER BY r DESC LIMIT 3", None, BAR),
    ("cnd24", HD, "which category gets the most urgent tickets",
     "SELECT Category, count(*) AS n FROM t WHERE Priority = 'Urgent' GROUP BY 1 ORDER BY n DESC LIMIT 1",
     None, {"bar", "kpi"}),
    ("cnd25", HD, "tickets per month",
     "SELECT date_trunc('month', Opened) AS m, count(*) FROM t GROUP BY m", None, TIME),
    ("cnd26", HD, "only billing",
     "SELECT date_trunc('month', Opened) AS m, count(*) FROM t WHERE Category = 'Billing' GROUP BY m",
     "cnd25", TIME),
    ("cnd27", HD, "now just the escalated ones",
     "SELECT date_trunc('month', Opened) AS m, count(*) FROM t WHERE Category = 'Billing' AND Escalated "
     "GROUP BY m", "cnd26", TIME),
    ("cnd28", HD, "avg first response by priority",
     f"SELECT Priority, avg({RESP}) FROM t GROUP BY 1", None, BAR),
    ("cnd29", HD, "for email only",
     f"SELECT Priority, avg({RESP}) FROM t WHERE Channel = 'Email' GROUP BY 1", "cnd28", BAR),
    ("cnd30", HD, "how many low priority tickets got reopened",
     "SELECT count(*) FROM t WHERE Priority = 'Low' AND Reopened", None, KPI),
    ("cnd31", HD, "non-escalated tickets by channel",
     "SELECT Channel, count(*) FROM t WHERE NOT Escalated GROUP BY 1", None, BAR),
    ("cnd32", HD, "avg csat of tickets that were reopend",
     "SELECT avg(CSAT) FROM t WHERE Reopened", None, KPI),
    ("cnd33", HD, "which customers complain the most", None, None, NONE),
    ("cnd34", HD, "tickets by status as a pie",
     "SELECT Status, count(*) AS share_n FROM t GROUP BY 1", None, {"arc"}),
]

SESSIONS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("cnd40", SS, "how many sessions bounced",
     "SELECT count(*) FROM t WHERE bounced = 1", None, KPI),
    ("cnd41", SS, "bounce rate by device",
     "SELECT device, 100.0 * avg(bounced) AS pct_bounced FROM t GROUP BY 1", None, BAR),
    ("cnd42", SS, "mobile users' conversion rate",
     "SELECT 100.0 * count(*) FILTER (WHERE converted) / count(*) AS pct_converted FROM t "
     "WHERE device = 'mobile'", None, KPI),
    ("cnd43", SS, "conversions by traffic source",
     f"SELECT {SRC}, count(*) FROM t WHERE converted GROUP BY 1", None, BAR),
    ("cnd44", SS, "sessions that didn't bounce by country",
     "SELECT country, count(*) FROM t WHERE bounced = 0 GROUP BY 1", None, BAR),
    ("cnd45", SS, "what about the ones that bounced",
     "SELECT country, count(*) FROM t WHERE bounced = 1 GROUP BY 1", "cnd44", BAR),
    ("cnd46", SS, "weekend sessions by device",
     "SELECT device, count(*) FROM t WHERE dayofweek(session_date) IN (0, 6) GROUP BY 1", None, BAR),
    ("cnd47", SS, "total revenue from desktop",
     f"SELECT sum({REV}) FROM t WHERE device = 'desktop'", None, KPI),
    ("cnd48", SS, "avg revenue by month",
     f"SELECT date_trunc('month', session_date) AS m, avg({REV}) FROM t GROUP BY m", None, TIME),
    ("cnd49", SS, "sessions with a coupon by device",
     "SELECT device, count(*) FROM t WHERE coupon_code IS NOT NULL GROUP BY 1", None, BAR),
    # judgment: an order is a converted session
    ("cnd50", SS, "how many converted sessions were without a coupon",
     "SELECT count(*) FROM t WHERE converted AND coupon_code IS NULL", None, KPI),
    ("cnd51", SS, "sessions by new vs returning users",
     "SELECT is_new_user, count(*) FROM t GROUP BY 1", None, SHARE),
    ("cnd52", SS, "conversion rate for returning visitors",
     "SELECT 100.0 * count(*) FILTER (WHERE converted) / count(*) AS pct_converted FROM t WHERE NOT is_new_user",
     None, KPI),
    ("cnd53", SS, "avg pages per session for new users",
     "SELECT avg(pages_viewed) FROM t WHERE is_new_user", None, KPI),
    ("cnd54", SS, "sessions with an empty cart by source",
     f"SELECT {SRC}, count(*) FROM t WHERE cart_items = 0 GROUP BY 1", None, BAR),
    ("cnd55", SS, "how many sessions had items in the cart",
     "SELECT count(*) FROM t WHERE cart_items > 0", None, KPI),
    ("cnd56", SS, "avg session duration for bounced visits",
     "SELECT avg(duration_sec) FROM t WHERE bounced = 1", None, KPI),
    ("cnd57", SS, "avg duration of non-bounced sessions by device",
     "SELECT device, avg(duration_sec) FROM t WHERE bounced = 0 GROUP BY 1", None, BAR),
    ("cnd58", SS, "organic sessions per month",
     f"SELECT date_trunc('month', session_date) AS m, count(*) FROM t WHERE {SRC} = 'google / organic' "
     "GROUP BY m", None, TIME),
    ("cnd59", SS, "cpc sessions by country",
     f"SELECT country, count(*) FROM t WHERE {SRC} = 'google / cpc' GROUP BY 1", None, BAR),
    ("cnd60", SS, "monthly revenue",
     f"SELECT date_trunc('month', session_date) AS m, sum({REV}) FROM t GROUP BY m", None, TIME),
    ("cnd61", SS, "just desktop",
     f"SELECT date_trunc('month', session_date) AS m, sum({REV}) FROM t WHERE device = 'desktop' GROUP BY m",
     "cnd60", TIME),
    ("cnd62", SS, "and only new users",
     f"SELECT date_trunc('month', session_date) AS m, sum({REV}) FROM t WHERE device = 'desktop' AND is_new_user "
     "GROUP BY m", "cnd61", TIME),
    ("cnd63", SS, "top 5 countries by conversions",
     "SELECT country, count(*) AS n FROM t WHERE converted GROUP BY 1 ORDER BY n DESC LIMIT 5", None, BAR),
    ("cnd64", SS, "conv rate by source",
     f"SELECT {SRC}, 100.0 * count(*) FILTER (WHERE converted) / count(*) AS pct_converted FROM t GROUP BY 1",
     None, BAR),
    ("cnd65", SS, "how many sessions didnt convert",
     "SELECT count(*) FROM t WHERE NOT converted", None, KPI),
    ("cnd66", SS, "avg pgs per sesh on tablet",
     "SELECT avg(pages_viewed) FROM t WHERE device = 'tablet'", None, KPI),
    ("cnd67", SS, "sessions from DE in december",
     "SELECT count(*) FROM t WHERE country = 'DE' AND session_date >= DATE '2024-12-01'", None, KPI),
    ("cnd68", SS, "bounce rate for newsletter traffic",
     f"SELECT 100.0 * avg(bounced) AS pct_bounced FROM t WHERE {SRC} = 'newsletter / email'", None, KPI),
    ("cnd69", SS, "average order value",
     f"SELECT avg({REV}) FROM t", None, KPI),
    ("cnd70", SS, "what's our churn rate", None, None, NONE),
    ("cnd71", SS, "sessions by hour of day", None, None, NONE),
    ("cnd72", SS, "avg time on site for sessions with no items in cart",
     "SELECT avg(duration_sec) FROM t WHERE cart_items = 0", None, KPI),
]

QUESTIONS = TICKETS + SESSIONS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "condition in words or values": _ids(
        "cnd01 cnd02 cnd03 cnd04 cnd05 cnd06 cnd07 cnd08 cnd09 cnd10 cnd11 cnd12 cnd14 cnd15 cnd16 cnd17 cnd20 "
        "cnd21 cnd22 cnd24 cnd26 cnd27 cnd29 cnd30 cnd31 cnd32 cnd40 cnd42 cnd43 cnd44 cnd45 cnd46 cnd47 cnd49 "
        "cnd50 cnd52 cnd53 cnd54 cnd55 cnd56 cnd57 cnd58 cnd59 cnd61 cnd62 cnd63 cnd65 cnd66 cnd67 cnd68 cnd72"),
    "kpi": _ids("cnd01 cnd03 cnd05 cnd07 cnd12 cnd15 cnd16 cnd17 cnd18 cnd20 cnd22 cnd30 cnd32 cnd40 cnd42 "
                "cnd47 cnd50 cnd52 cnd53 cnd55 cnd56 cnd65 cnd66 cnd67 cnd68 cnd69 cnd72"),
    "kpi with a condition": _ids("cnd01 cnd03 cnd05 cnd07 cnd12 cnd15 cnd16 cnd17 cnd20 cnd22 cnd30 cnd32 "
                                 "cnd40 cnd42 cnd47 cnd50 cnd52 cnd53 cnd55 cnd56 cnd65 cnd66 cnd67 cnd68 cnd72"),
    "time series": _ids("cnd13 cnd25 cnd26 cnd27 cnd48 cnd58 cnd60 cnd61 cnd62"),
    "top-N with 'top'": _ids("cnd23 cnd63"),
    "top/bottom-N without 'top'": _ids("cnd24"),
    "share or percentage": _ids("cnd18 cnd19 cnd34 cnd41 cnd42 cnd51 cnd52 cnd64 cnd68"),
    "pie asked for": _ids("cnd34"),
    "relative period": _ids("cnd20"),
    "typo": _ids("cnd32 cnd65"),
    "abbreviation or paraphrase": _ids("cnd05 cnd18 cnd52 cnd64 cnd66 cnd69"),
    "median/max/min wording": _ids("cnd22"),
}
