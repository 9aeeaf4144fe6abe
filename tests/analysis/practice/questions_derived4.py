"""The fourth derived-measures practice set: measures the data holds no column for, over the three CSVs of
make_derived4.py (a factory's shift log, a gym chain's memberships, a city courier's jobs) — scrap and defect
rates (bad / all), output per labour hour (units / (crew × hours)), attainment of a plan (made / planned), good
units (made − scrapped), minutes to hours, averages per day, month-over-month change, cancellation / churn
rates from a blank-able date, tenure between two dates, recurring revenue of the members still active, spend per
session, delivery and pickup times in minutes between two timestamps, on-time and failure rates, revenue per
mile, fees plus tips, tips as a % of fees and distinct customers, in everyday, terse wording with typos,
follow-ups, top-N and conditions. Ratios are ratios of sums throughout (the whole's rate, not the mean of the
rows' rates). Format and gold conventions: tests/analysis/fresh/questions.py's docstring. Written before the
planner answered them.
"""
from __future__ import annotations

KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
ONE = {"bar", "kpi"}
NONE = {"unanswerable"}

SH = "derived4_shift_log"
GM = "derived4_gym_members"
CJ = "derived4_courier_jobs"

MADE = '"Units Made"'
SCRAP = '"Units Scrapped"'
SCRAP_PCT = f"100.0 * sum({SCRAP}) / sum({MADE})"
LABOUR = 'sum(Crew * "Sched Hrs")'
MISSED = f'{MADE} < "Planned Qty"'
CANCEL_PCT = "100.0 * avg(CASE WHEN Cancelled IS NOT NULL THEN 1.0 ELSE 0.0 END)"
TENURE = "date_diff('day', Joined, Cancelled)"
ACTIVE = "Cancelled IS NULL"
DELIVERY_MIN = "date_diff('minute', \"Picked Up\", \"Delivered At\")"
LATE = '"Delivered At" > "Due By"'
ON_TIME_PCT = '100.0 * avg(CASE WHEN "Delivered At" <= "Due By" THEN 1.0 ELSE 0.0 END)'
DELIVERED = '"Delivered At" IS NOT NULL'

SHIFTS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: scrap rate = units scrapped / units made, over the line's shifts together
    ("d4s01", SH, "scrap rate by line", f"SELECT Line, {SCRAP_PCT} AS pct_scrap FROM t GROUP BY 1", None, BAR),
    ("d4s02", SH, "whats our overall defect rate", f"SELECT {SCRAP_PCT} AS pct_scrap FROM t", None, KPI),
    # judgment: labour hours = crew × scheduled hours
    ("d4s03", SH, "units per labor hour by line", f"SELECT Line, sum({MADE}) / {LABOUR} FROM t GROUP BY 1", None,
     BAR),
    ("d4s04", SH, "output per hour on night shift",
     f"SELECT sum({MADE}) / sum(\"Sched Hrs\") FROM t WHERE Shift = 'Night'", None, KPI),
    ("d4s05", SH, "% of plan achieved by month",
     f"SELECT date_trunc('month', \"Shift Date\") AS m, 100.0 * sum({MADE}) / sum(\"Planned Qty\") AS pct_plan "
     "FROM t GROUP BY 1", None, TIME),
    ("d4s06", SH, "just the night shift",
     f"SELECT date_trunc('month', \"Shift Date\") AS m, 100.0 * sum({MADE}) / sum(\"Planned Qty\") AS pct_plan "
     "FROM t WHERE Shift = 'Night' GROUP BY 1", "d4s05", TIME),
    ("d4s07", SH, "how many shifts missed plan", f"SELECT count(*) FROM t WHERE {MISSED}", None, KPI),
    ("d4s08", SH, "which line misses its target most often",
     f"SELECT Line, count(*) AS n FROM t WHERE {MISSED} GROUP BY 1 ORDER BY n DESC LIMIT 1", None, ONE),
    ("d4s09", SH, "good units produced per month",
     f"SELECT date_trunc('month', \"Shift Date\") AS m, sum({MADE} - {SCRAP}) FROM t GROUP BY 1", None, TIME),
    ("d4s10", SH, "total downtime in hours by line", 'SELECT Line, sum("Downtime (min)") / 60.0 FROM t GROUP BY 1',
     None, BAR),
    # judgment: a day's output is over the days the plant ran (the days in the log)
    ("d4s11", SH, "average daily output", f"SELECT sum({MADE}) / count(DISTINCT \"Shift Date\") FROM t", None, KPI),
    ("d4s12", SH, "kwh per unit by line", f'SELECT Line, sum("Energy kWh") / sum({MADE}) FROM t GROUP BY 1', None,
     BAR),
    # judgment: the first month has no previous month and is left out
    ("d4s13", SH, "month over month change in units made",
     f"SELECT m, s - lag(s) OVER (ORDER BY m) AS change FROM (SELECT date_trunc('month', \"Shift Date\") AS m, "
     f"sum({MADE}) AS s FROM t GROUP BY 1) QUALIFY lag(s) OVER (ORDER BY m) IS NOT NULL", None, TIME),
    ("d4s14", SH, "avg crew size on the night shift", "SELECT avg(Crew) FROM t WHERE Shift = 'Night'", None, KPI),
    # judgment: the shortfall nets the shifts over plan against those under it
    ("d4s15", SH, "shortfall vs plan by supervisor",
     f'SELECT Supervisor, sum("Planned Qty") - sum({MADE}) FROM t GROUP BY 1', None, BAR),
    ("d4s16", SH, "top 2 supervisors by scrap rate",
     f"SELECT Supervisor, {SCRAP_PCT} AS pct_scrap FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 2", None, BAR),
    ("d4s17", SH, "scrap % last month", f"SELECT {SCRAP_PCT} AS pct_scrap FROM t "
     "WHERE \"Shift Date\" BETWEEN DATE '2025-06-01' AND DATE '2025-06-30'", None, KPI),
    ("d4s18", SH, "cost per unit by line", None, None, NONE),
]

MEMBERS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    ("d4g01", GM, "cancellation rate by plan", f"SELECT Plan, {CANCEL_PCT} AS pct_cancelled FROM t GROUP BY 1",
     None, BAR),
    # judgment: active = not cancelled
    ("d4g02", GM, "how many active members do we have", f"SELECT count(*) FROM t WHERE {ACTIVE}", None, KPI),
    ("d4g03", GM, "avg tenure in days for members who cancelled", f"SELECT avg({TENURE}) FROM t", None, KPI),
    ("d4g04", GM, "new members per month", "SELECT date_trunc('month', Joined) AS m, count(*) FROM t GROUP BY 1",
     None, TIME),
    ("d4g05", GM, "cancellations by month",
     "SELECT date_trunc('month', Cancelled) AS m, count(*) FROM t WHERE Cancelled IS NOT NULL GROUP BY 1", None,
     TIME),
    # judgment: recurring revenue = the monthly fees of the members still active
    ("d4g06", GM, "monthly recurring revenue by club",
     f'SELECT Club, sum("Monthly Fee") FROM t WHERE {ACTIVE} GROUP BY 1', None, BAR),
    ("d4g07", GM, "churn % for downtown", f"SELECT {CANCEL_PCT} AS pct_cancelled FROM t WHERE Club = 'Downtown'",
     None, KPI),
    ("d4g08", GM, "revenue per pt session by club", 'SELECT Club, sum("PT Spend") / sum("PT Sessions") FROM t '
     "GROUP BY 1", None, BAR),
    ("d4g09", GM, "what percent of members joined through a friend referral",
     "SELECT 100.0 * avg(CASE WHEN Source = 'Friend Referral' THEN 1.0 ELSE 0.0 END) AS pct_friend FROM t", None,
     KPI),
    ("d4g10", GM, "avg visits per member by plan", 'SELECT Plan, avg("Visits (90d)") FROM t GROUP BY 1', None, BAR),
    ("d4g11", GM, "which club has the highest churn",
     f"SELECT Club, {CANCEL_PCT} AS pct_cancelled FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("d4g12", GM, "total signup fees collected last month",
     "SELECT sum(\"Signup Fee\") FROM t WHERE Joined BETWEEN DATE '2025-06-01' AND DATE '2025-06-30'", None, KPI),
    ("d4g13", GM, "how long do members stay before cancelling, by plan",
     f"SELECT Plan, avg({TENURE}) FROM t GROUP BY 1", None, BAR),
    ("d4g14", GM, "avg monthly fee for premium", "SELECT avg(\"Monthly Fee\") FROM t WHERE Plan = 'Premium'", None,
     KPI),
    ("d4g15", GM, "pt spend per member by plan", 'SELECT Plan, avg("PT Spend") FROM t GROUP BY 1', None, BAR),
    ("d4g16", GM, "how many members cancelled in 2024",
     "SELECT count(*) FROM t WHERE Cancelled BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'", None, KPI),
    ("d4g17", GM, "cancelation rate for members who came from corporate",
     f"SELECT {CANCEL_PCT} AS pct_cancelled FROM t WHERE Source = 'Corporate'", None, KPI),
    ("d4g18", GM, "average class attendance by instructor", None, None, NONE),
]

JOBS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # judgment: delivery time = pickup to delivery, over the jobs delivered
    ("d4c01", CJ, "average delivery time in minutes by zone", f"SELECT Zone, avg({DELIVERY_MIN}) FROM t GROUP BY 1",
     None, BAR),
    # judgment: on time is judged over the jobs delivered
    ("d4c02", CJ, "on time rate by courier",
     f"SELECT Courier, {ON_TIME_PCT} AS pct_on_time FROM t WHERE {DELIVERED} GROUP BY 1", None, BAR),
    ("d4c03", CJ, "how many deliveries were late last month",
     f"SELECT count(*) FROM t WHERE {LATE} AND \"Delivered At\" >= TIMESTAMP '2025-06-01' "
     "AND \"Delivered At\" < TIMESTAMP '2025-07-01'", None, KPI),
    ("d4c04", CJ, "failed delivery rate by service",
     "SELECT Service, 100.0 * avg(CASE WHEN Status = 'Failed' THEN 1.0 ELSE 0.0 END) AS pct_failed FROM t GROUP BY 1",
     None, BAR),
    ("d4c05", CJ, "revenue per mile by service", "SELECT Service, sum(Fee) / sum(Miles) FROM t GROUP BY 1", None, BAR),
    ("d4c06", CJ, "fees plus tips by courier", "SELECT Courier, sum(Fee + Tip) FROM t GROUP BY 1", None, BAR),
    ("d4c07", CJ, "tips as a % of fees by zone",
     "SELECT Zone, 100.0 * sum(Tip) / sum(Fee) AS pct_tip FROM t GROUP BY 1", None, BAR),
    ("d4c08", CJ, "how many different customers did we deliver for", "SELECT count(DISTINCT Customer) FROM t", None,
     KPI),
    # judgment: a day's jobs are over the days with bookings
    ("d4c09", CJ, "average jobs per day", "SELECT count(*) / count(DISTINCT CAST(Booked AS DATE)) FROM t", None, KPI),
    ("d4c10", CJ, "avg miles per job", "SELECT avg(Miles) FROM t", None, KPI),
    ("d4c11", CJ, "which courier has the most late deliveries",
     f"SELECT Courier, count(*) AS n FROM t WHERE {LATE} GROUP BY 1 ORDER BY n DESC LIMIT 1", None, ONE),
    ("d4c12", CJ, "how many jobs took more than one attempt", "SELECT count(*) FROM t WHERE Attempts > 1", None, KPI),
    ("d4c13", CJ, "avg time from booking to pickup in minutes",
     "SELECT avg(date_diff('minute', Booked, \"Picked Up\")) FROM t", None, KPI),
    ("d4c14", CJ, "just express", "SELECT avg(date_diff('minute', Booked, \"Picked Up\")) FROM t "
     "WHERE Service = 'Express'", "d4c13", KPI),
    ("d4c15", CJ, "fee per mile for same day jobs", "SELECT sum(Fee) / sum(Miles) FROM t WHERE Service = 'Same Day'",
     None, KPI),
    ("d4c16", CJ, "on-time % by month",
     f"SELECT date_trunc('month', Booked) AS m, {ON_TIME_PCT} AS pct_on_time FROM t WHERE {DELIVERED} GROUP BY 1",
     None, TIME),
    ("d4c17", CJ, "avg delivery time for the north zone",
     f"SELECT avg({DELIVERY_MIN}) FROM t WHERE Zone = 'North'", None, KPI),
    ("d4c18", CJ, "fuel cost per mile by courier", None, None, NONE),
]

QUESTIONS = SHIFTS + MEMBERS + JOBS


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "derived measure": _ids("d4s01 d4s02 d4s03 d4s04 d4s05 d4s06 d4s07 d4s08 d4s09 d4s10 d4s11 d4s12 d4s13 d4s15 "
                            "d4s16 d4s17 d4g01 d4g03 d4g06 d4g07 d4g08 d4g11 d4g13 d4g17 d4c01 d4c02 d4c03 d4c04 "
                            "d4c05 d4c06 d4c07 d4c08 d4c09 d4c11 d4c13 d4c14 d4c15 d4c16 d4c17"),
    "kpi": _ids("d4s02 d4s04 d4s07 d4s11 d4s14 d4s17 d4g02 d4g03 d4g07 d4g09 d4g12 d4g14 d4g16 d4g17 d4c03 d4c08 "
                "d4c09 d4c10 d4c12 d4c13 d4c14 d4c15 d4c17"),
    "kpi with a condition": _ids("d4s04 d4s14 d4s17 d4g03 d4g07 d4g12 d4g14 d4g16 d4g17 d4c03 d4c14 d4c15 d4c17"),
    "time series": _ids("d4s05 d4s06 d4s09 d4s13 d4g04 d4g05 d4c16"),
    "top-N with 'top'": _ids("d4s16"),
    "top/bottom-N without 'top'": _ids("d4s08 d4g11 d4c11"),
    "share or percentage": _ids("d4s01 d4s02 d4s05 d4s17 d4g01 d4g07 d4g09 d4g11 d4g17 d4c02 d4c04 d4c07 d4c16"),
    "relative period": _ids("d4s17 d4g12 d4c03"),
    "typo": _ids("d4s02 d4g17"),
    "abbreviation or paraphrase": _ids("d4s03 d4s12 d4g08 d4g15 d4c10"),
    "condition in words or values": _ids("d4s04 d4s06 d4s07 d4s14 d4g02 d4g07 d4g14 d4g16 d4g17 d4c12 d4c14 d4c15 "
                                         "d4c17"),
}
