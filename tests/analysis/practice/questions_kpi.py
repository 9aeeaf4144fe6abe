"""The kpi practice set: single-number answers with and without conditions in words ("how much did members
donate last year", "avg session length for weekend parkers"), measure words that paraphrase or abbreviate the
column ("amt", "takings", "listening time", "stay"), top/bottom-N without "top" ("which 3 artists got the most
plays", "bottom two states"), and charts that must stay charts, over the three CSVs of make_kpi.py. Format and
gold conventions: tests/analysis/fresh/questions.py's docstring. Written before the planner answered them.
"""
from __future__ import annotations

AMT = "CAST(REPLACE(REPLACE(\"Amt (USD)\", '$', ''), ',', '') AS DOUBLE)"
FEE = "CAST(REPLACE(REPLACE(Fee, '$', ''), ',', '') AS DOUBLE)"
ENTRY = "strptime(\"Entry Time\", '%m/%d/%Y %H:%M')"
DUR = '"Duration (min)"'
VT = '"Vehicle Type"'
PAY = '"Payment Method"'
DATE = '"Date Received"'

KPI = {"kpi"}
BAR = {"bar"}
ONE = {"bar", "kpi"}
TIME = {"line", "area", "bar"}

DN = "charity_donations"
MU = "music_plays"
PK = "parking_sessions"

DONATIONS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- charity_donations (Jan 2024 – Jun 2025) ----
    ("kp01", DN, "how much did members donate last year",
     f"SELECT sum({AMT}) FROM t WHERE \"Is Member\" = 'Y' AND year({DATE}) = 2024", None, KPI),
    ("kp02", DN, "how many donations over $500",
     f"SELECT count(*) FROM t WHERE {AMT} > 500", None, KPI),
    ("kp03", DN, "total amt raised from recurring donors",
     f"SELECT sum({AMT}) FROM t WHERE Recurring = 1", None, KPI),
    ("kp04", DN, "average gift size for non-members",
     f"SELECT avg({AMT}) FROM t WHERE \"Is Member\" = 'N'", None, KPI),
    ("kp05", DN, "amount donated by month",
     f"SELECT date_trunc('month', {DATE}) AS m, sum({AMT}) FROM t GROUP BY m", None, TIME),
    ("kp06", DN, "which 3 donors gave the most",
     f"SELECT Donor, sum({AMT}) AS s FROM t GROUP BY 1 ORDER BY s DESC LIMIT 3", None, BAR),
    ("kp07", DN, "which campaign raised the least",
     f"SELECT Campaign, sum({AMT}) AS s FROM t GROUP BY 1 ORDER BY s LIMIT 1", None, ONE),
    ("kp08", DN, "how many anonymous gifts were there",
     "SELECT count(*) FROM t WHERE Anonymous", None, KPI),
    ("kp09", DN, "median donation amt",
     f"SELECT median({AMT}) FROM t", None, KPI),
    ("kp10", DN, "takings per campaign",
     f"SELECT Campaign, sum({AMT}) FROM t GROUP BY 1", None, BAR),
    ("kp11", DN, "avg online donation",
     f"SELECT avg({AMT}) FROM t WHERE Channel = 'Online'", None, KPI),
    ("kp12", DN, "how many refunded donations",
     "SELECT count(*) FROM t WHERE Refunded", None, KPI),
    ("kp13", DN, "total given by check in 2025",
     f"SELECT sum({AMT}) FROM t WHERE Channel = 'Check' AND year({DATE}) = 2025", None, KPI),
    ("kp14", DN, "bottom two states by money raised",
     f"SELECT State, sum({AMT}) AS s FROM t GROUP BY 1 ORDER BY s LIMIT 2", None, BAR),
    ("kp15", DN, "number of gifts per channel",
     "SELECT Channel, count(*) FROM t GROUP BY 1", None, BAR),
    ("kp16", DN, "biggest donation",
     f"SELECT max({AMT}) FROM t", None, KPI),
    ("kp17", DN, "how many unique donors",
     "SELECT count(DISTINCT Donor) FROM t", None, KPI),
    ("kp18", DN, "recurring gifts by state",
     "SELECT State, count(*) FROM t WHERE Recurring = 1 GROUP BY 1", None, BAR),
    ("kp19", DN, "avg amt given at the gala",
     f"SELECT avg({AMT}) FROM t WHERE Campaign = 'Annual Gala'", None, KPI),
    ("kp20", DN, "how much was raised in december",
     f"SELECT sum({AMT}) FROM t WHERE month({DATE}) = 12", None, KPI),
]

PLAYS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- music_plays (Jan – Jun 2025) ----
    ("kp21", MU, "total plays of explicit tracks",
     "SELECT count(*) FROM t WHERE explicit = 1", None, KPI),
    ("kp22", MU, "plays per genre",
     "SELECT genre, count(*) FROM t GROUP BY 1", None, BAR),
    ("kp23", MU, "which 3 artists got the most plays",
     "SELECT artist, count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC LIMIT 3", None, BAR),
    # judgment: listening time = ms_played
    ("kp24", MU, "avg listening time for premium users",
     "SELECT avg(ms_played) FROM t WHERE premium_user", None, KPI),
    ("kp25", MU, "how many songs were skipped",
     "SELECT count(*) FROM t WHERE skipped", None, KPI),
    ("kp26", MU, "least popular genre",
     "SELECT genre, count(*) AS n FROM t GROUP BY 1 ORDER BY n LIMIT 1", None, ONE),
    ("kp27", MU, "the 5 least played artists",
     "SELECT artist, count(*) AS n FROM t GROUP BY 1 ORDER BY n LIMIT 5", None, BAR),
    ("kp28", MU, "plays by month",
     "SELECT date_trunc('month', played_at) AS m, count(*) FROM t GROUP BY m", None, TIME),
    ("kp29", MU, "how many plays on android last month",
     "SELECT count(*) FROM t WHERE platform = 'Android' AND played_at >= TIMESTAMP '2025-06-01'", None, KPI),
    ("kp30", MU, "total ms played by free users",
     "SELECT sum(ms_played) FROM t WHERE NOT premium_user", None, KPI),
    ("kp31", MU, "average ms_played for hip-hop",
     "SELECT avg(ms_played) FROM t WHERE genre = 'Hip-Hop'", None, KPI),
    ("kp32", MU, "skips per platform",
     "SELECT platform, count(*) FROM t WHERE skipped GROUP BY 1", None, BAR),
    ("kp33", MU, "how many different users listened",
     "SELECT count(DISTINCT user_id) FROM t", None, KPI),
    ("kp34", MU, "plays from the UK",
     "SELECT count(*) FROM t WHERE country = 'UK'", None, KPI),
    ("kp35", MU, "longest play in ms",
     "SELECT max(ms_played) FROM t", None, KPI),
    ("kp36", MU, "non-explicit plays by genre",
     "SELECT genre, count(*) FROM t WHERE explicit = 0 GROUP BY 1", None, BAR),
    ("kp37", MU, "total listening time per artist",
     "SELECT artist, sum(ms_played) FROM t GROUP BY 1", None, BAR),
    ("kp38", MU, "average play length on desktop",
     "SELECT avg(ms_played) FROM t WHERE platform = 'Desktop'", None, KPI),
    ("kp39", MU, "top genre among premium users",
     "SELECT genre, count(*) AS n FROM t WHERE premium_user GROUP BY 1 ORDER BY n DESC LIMIT 1", None, ONE),
    ("kp40", MU, "how many plays were not skipped in march",
     "SELECT count(*) FROM t WHERE NOT skipped AND month(played_at) = 3", None, KPI),
    ("kp41", MU, "bottom 3 countries by listening time",
     "SELECT country, sum(ms_played) AS s FROM t GROUP BY 1 ORDER BY s LIMIT 3", None, BAR),
]

PARKING: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- parking_sessions (Jan – Jun 2025) ----
    ("kp42", PK, "avg session length for weekend parkers",
     f"SELECT avg({DUR}) FROM t WHERE dayofweek({ENTRY}) IN (0, 6)", None, KPI),
    ("kp43", PK, "total fees collected",
     f"SELECT sum({FEE}) FROM t", None, KPI),
    ("kp44", PK, "how many validated tickets",
     "SELECT count(*) FROM t WHERE Validated = 'Y'", None, KPI),
    ("kp45", PK, "revenue by level",
     f"SELECT Level, sum({FEE}) FROM t GROUP BY 1", None, BAR),
    ("kp46", PK, "average stay in minutes for SUVs",
     f"SELECT avg({DUR}) FROM t WHERE {VT} = 'SUV'", None, KPI),
    ("kp47", PK, "how many monthly pass holders parked in may",
     f"SELECT count(*) FROM t WHERE \"Monthly Pass\" = 1 AND month({ENTRY}) = 5", None, KPI),
    ("kp48", PK, "the 2 least used levels",
     "SELECT Level, count(*) AS n FROM t GROUP BY 1 ORDER BY n LIMIT 2", None, BAR),
    ("kp49", PK, "sessions per month",
     f"SELECT date_trunc('month', {ENTRY}) AS m, count(*) FROM t GROUP BY m", None, TIME),
    ("kp50", PK, "which payment method brought in the most money",
     f"SELECT {PAY}, sum({FEE}) AS s FROM t GROUP BY 1 ORDER BY s DESC LIMIT 1", None, ONE),
    ("kp51", PK, "avg fee for cash payers",
     f"SELECT avg({FEE}) FROM t WHERE {PAY} = 'Cash'", None, KPI),
    ("kp52", PK, "how many EV charging sessions",
     "SELECT count(*) FROM t WHERE \"EV Charging\"", None, KPI),
    ("kp53", PK, "longest stay",
     f"SELECT max({DUR}) FROM t", None, KPI),
    ("kp54", PK, "total takings from cars last month",
     f"SELECT sum({FEE}) FROM t WHERE {VT} = 'Car' AND {ENTRY} >= TIMESTAMP '2025-06-01'", None, KPI),
    ("kp55", PK, "median duration",
     f"SELECT median({DUR}) FROM t", None, KPI),
    ("kp56", PK, "non-validated sessions by vehicle type",
     f"SELECT {VT}, count(*) FROM t WHERE Validated = 'N' GROUP BY 1", None, BAR),
    ("kp57", PK, "how many sessions were longer than 180 minutes",
     f"SELECT count(*) FROM t WHERE {DUR} > 180", None, KPI),
    ("kp58", PK, "which 2 vehicle types stay longest on average",
     f"SELECT {VT}, avg({DUR}) AS a FROM t GROUP BY 1 ORDER BY a DESC LIMIT 2", None, BAR),
    ("kp59", PK, "avg fee by payment method",
     f"SELECT {PAY}, avg({FEE}) FROM t GROUP BY 1", None, BAR),
    ("kp60", PK, "how many sessions had no fee",
     f"SELECT count(*) FROM t WHERE {FEE} = 0", None, KPI),
    ("kp61", PK, "number of sessions paid by app",
     f"SELECT count(*) FROM t WHERE {PAY} = 'App'", None, KPI),
    ("kp62", PK, "avg duration per level",
     f"SELECT Level, avg({DUR}) FROM t GROUP BY 1", None, BAR),
]

QUESTIONS = DONATIONS + PLAYS + PARKING


def _ids(s: str) -> frozenset[str]:
    return frozenset(s.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "kpi": _ids("kp01 kp02 kp03 kp04 kp08 kp09 kp11 kp12 kp13 kp16 kp17 kp19 kp20 kp21 kp24 kp25 kp29 kp30 kp31 "
                "kp33 kp34 kp35 kp38 kp40 kp42 kp43 kp44 kp46 kp47 kp51 kp52 kp53 kp54 kp55 kp57 kp60 kp61"),
    "kpi with a condition": _ids("kp01 kp02 kp03 kp04 kp08 kp11 kp12 kp13 kp19 kp20 kp21 kp24 kp25 kp29 kp30 "
                                 "kp31 kp34 kp38 kp40 kp42 kp44 kp46 kp47 kp51 kp52 kp54 kp57 kp60 kp61"),
    "condition in words or values": _ids("kp01 kp03 kp04 kp08 kp11 kp12 kp13 kp18 kp19 kp21 kp24 kp25 kp29 kp30 "
                                         "kp31 kp32 kp34 kp36 kp38 kp39 kp40 kp42 kp44 kp46 kp47 kp51 kp52 kp54 "
                                         "kp56 kp60 kp61"),
    "top-N with 'top'": _ids("kp39"),
    "top/bottom-N without 'top'": _ids("kp06 kp07 kp14 kp23 kp26 kp27 kp41 kp48 kp50 kp58"),
    "time series": _ids("kp05 kp28 kp49"),
    "relative period": _ids("kp01 kp29 kp54"),
    "abbreviation or paraphrase": _ids("kp03 kp04 kp09 kp10 kp19 kp24 kp37 kp38 kp41 kp42 kp45 kp46 kp53 kp54"),
    "median/max/min wording": _ids("kp09 kp16 kp35 kp53 kp55"),
}
