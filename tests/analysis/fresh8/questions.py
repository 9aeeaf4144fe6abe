"""The eighth fresh evaluation set: questions about the five CSVs of make_data.py, with gold answers.

Written blind (see README.md): without reading the planner, the README's "Question planner" section or the
questions of the fresh5 and fresh7 sets. Each entry is ``(id, dataset, question, expected_sql,
prev_id_or_None, chart_types)``: the gold SQL runs over the raw CSV as the DuckDB view ``t``
(``read_csv_auto``); ``prev_id`` names the question a follow-up builds on; ``chart_types`` are the chart
types a careful analyst would accept (``{"unanswerable"}`` with ``expected_sql`` None: the data cannot
answer it).

Conventions of the gold tables (the earlier sets', scored by blindset.py):
- a column named ``pct_…`` is a percentage (0–100) and may come as a fraction;
- a column named ``share_…`` holds the amounts of a part-to-whole question and may come as the amounts
  or as shares of their total;
- a distribution question's gold is the median (one per group for a boxplot);
- the Y/N columns (``Callback``, ``SUB_DRIVER``, ``Trial``) are compared as written;
- time buckets are ``date_trunc`` of the date (weeks start on Monday); weekdays are day names; hours 0–23;
- a ratio for a group (callback rate, loss %, refund rate, take rate, mpg, no-show rate) is a ratio of
  sums (a mean of 0/1 flags), not the mean of per-row ratios;
- "last month", "last quarter", "last week" and "this year" are computed in the SQL from the data's own
  latest date (``max`` of the question's date column): the month, quarter, Monday-based week and year
  that contain it (jobs: June / Q2 2025; batches: December / Q4 2024; bus runs: March / Q1 2025, the week
  of 24 March; payouts: September / Q3 2025; tutoring: June / Q2 2025, the week of 9 June).
Choices a careful analyst could have made otherwise are marked ``# judgment:``.
"""
from __future__ import annotations

# landscaping_jobs.csv: "Completed", "Actual Hrs", "Invoiced ($)" and "Materials ($)" are blank unless the
# job was done; a job's month is its scheduled date
SD = '"Sched Date"'
INV = '"Invoiced ($)"'
ACT = '"Actual Hrs"'
EST = '"Est Hrs"'
MAT = '"Materials ($)"'
CT = '"Client Type"'
DONE = "Status = 'Completed'"
LAST_Q_LJ = f"{SD} >= (SELECT date_trunc('quarter', max({SD})) FROM t)"
LAST_M_LJ = f"{SD} >= (SELECT date_trunc('month', max({SD})) FROM t)"
# brewery_batches.csv: FG is blank while fermenting; "Packaged On", yield, kegs and cases blank unless packaged
ABV = '(("OG" - "FG") * 131.25)'
BD = '"Brew Date"'
PK = '"Packaged On"'
TANK = '("Packaged On" - "Brew Date")'
SIZE = '"Batch Size (bbl)"'
YLD = '"Yield (bbl)"'
KEGS = '"Kegs (1/2 bbl)"'
CASES = '"Cases (24x12oz)"'
COST = '"Ingredient Cost ($)"'
# bus_runs.csv: ACT_ARR and FUEL_GAL are blank, MILES and RIDERS 0, on a cancelled run
LATE = "((epoch(ACT_ARR) - epoch(SCHED_ARR)) / 60.0)"
RAN = "STATUS = 'COMPLETED'"
# seller_payouts.csv: one row per seller and weekly payout; a payout's month is its payout_date
PD = "payout_date"
# tutoring_sessions.csv: "Rating" blank unless given; "Billed ($)" 0 on trial sessions, half on late cancels
BILL = '"Billed ($)"'
CAME = "Attendance = 'Attended'"
NO_SHOW_RATE = "100.0 * avg(CASE WHEN Attendance = 'No Show' THEN 1 ELSE 0 END)"

LINE = {"line", "bar", "area"}
BAR = {"bar"}
KPI = {"kpi"}
ONE = {"bar", "table"}  # a single winner: a one-bar chart or a one-row table
PIE = {"arc", "bar"}
ARC = {"arc"}  # a pie asked for by name
DIST = {"histogram", "boxplot"}
SCATTER = {"point"}
SPLIT = {"bar", "heatmap"}  # two categories: grouped/stacked bars or a heatmap
SPLIT_T = {"line", "bar", "area", "heatmap"}  # a time series split by a category
TWO = {"bar", "table"}  # two measures per category
TWO_KPI = {"kpi", "bar", "table"}  # two numbers for the whole table
WEEK = {"bar", "line"}  # weekday or hour of day
NO = {"unanswerable"}

LJ = "landscaping_jobs"
BB = "brewery_batches"
BR = "bus_runs"
SP = "seller_payouts"
TS = "tutoring_sessions"

QUESTIONS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ----------------------------------------------------------------------------------- landscaping jobs
    ("lj01", LJ, "how many jobs have we completed", f"SELECT count(*) AS jobs FROM t WHERE {DONE}", None, KPI),
    # judgment: revenue is what was invoiced (blank, so left out, unless the job was done)
    ("lj02", LJ, "revenue by service", f"SELECT Service, sum({INV}) AS revenue FROM t GROUP BY 1", None, BAR),
    ("lj03", LJ, "which crew has the highest actual vs estimated hours ratio",
     f"SELECT Crew, sum({ACT}) / sum({EST}) AS hours_ratio FROM t WHERE {DONE} GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    # judgment: a count of jobs keeps every job as scheduled (cancelled and still scheduled too)
    ("lj04", LJ, "jobs per month", f"SELECT date_trunc('month', {SD}) AS month, count(*) AS jobs FROM t GROUP BY 1",
     None, LINE),
    ("lj05", LJ, "only HOA clients",
     f"SELECT date_trunc('month', {SD}) AS month, count(*) AS jobs FROM t WHERE {CT} = 'HOA' GROUP BY 1",
     "lj04", LINE),
    ("lj06", LJ, "by quarter instead",
     f"SELECT date_trunc('quarter', {SD}) AS quarter, count(*) AS jobs FROM t WHERE {CT} = 'HOA' GROUP BY 1",
     "lj05", LINE),
    ("lj07", LJ, "avg invoice residential vs commercial",
     f"SELECT {CT}, avg({INV}) AS avg_invoice FROM t WHERE {CT} IN ('Residential', 'Commercial') GROUP BY 1",
     None, BAR),
    ("lj08", LJ, "top 5 clients by revenue",
     f"SELECT Client, sum({INV}) AS revenue FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    # judgment: a callback can only follow done work, so the rate is over completed jobs
    ("lj09", LJ, "callback rate by crew",
     f"SELECT Crew, 100.0 * avg(CASE WHEN Callback = 'Y' THEN 1 ELSE 0 END) AS pct_callback FROM t WHERE {DONE} "
     "GROUP BY 1", None, BAR),
    ("lj10", LJ, "how many jobs got cancelled due to weather",
     "SELECT count(*) AS jobs FROM t WHERE \"Cancel Reason\" = 'Weather'", None, KPI),
    ("lj11", LJ, "cancellations by reason as a pie",
     "SELECT \"Cancel Reason\", count(*) AS share_jobs FROM t WHERE Status = 'Cancelled' GROUP BY 1", None, ARC),
    ("lj12", LJ, "total materials cost last quarter",
     f"SELECT sum({MAT}) AS materials FROM t WHERE {LAST_Q_LJ}", None, KPI),
    ("lj13", LJ, "avg days from scheduled date to completion",
     f"SELECT avg(Completed - {SD}) AS avg_days FROM t", None, KPI),
    ("lj14", LJ, "by service", f"SELECT Service, avg(Completed - {SD}) AS avg_days FROM t GROUP BY 1", "lj13", BAR),
    ("lj15", LJ, "total actual hrs for willie's crew on 2025 jobs",
     f"SELECT sum({ACT}) AS hours FROM t WHERE \"Crew Lead\" = 'Willie Brooks' AND year({SD}) = 2025", None, KPI),
    ("lj16", LJ, "mowing jobs by day of week",
     f"SELECT dayname({SD}) AS weekday, count(*) AS jobs FROM t WHERE Service = 'Mowing' GROUP BY 1", None, WEEK),
    ("lj17", LJ, "revenue and actual hours by crew",
     f"SELECT Crew, sum({INV}) AS revenue, sum({ACT}) AS hours FROM t GROUP BY 1", None, TWO),
    ("lj18", LJ, "only 2025",
     f"SELECT Crew, sum({INV}) AS revenue, sum({ACT}) AS hours FROM t WHERE year({SD}) = 2025 GROUP BY 1",
     "lj17", TWO),
    ("lj19", LJ, "revenue per labor hour by service",
     f"SELECT Service, sum({INV}) / sum({ACT}) AS revenue_per_hour FROM t WHERE {DONE} GROUP BY 1", None, BAR),
    ("lj20", LJ, "what % of jobs are t&m",
     "SELECT 100.0 * avg(CASE WHEN Billing = 'T&M' THEN 1 ELSE 0 END) AS pct_tm FROM t", None, KPI),
    # judgment: quote and invoice compared over the T&M jobs that were done (the others have no invoice)
    ("lj21", LJ, "avg quote vs avg invoiced on T&M jobs",
     f"SELECT avg(\"Quote ($)\") AS avg_quote, avg({INV}) AS avg_invoiced FROM t WHERE Billing = 'T&M' AND {DONE}",
     None, TWO_KPI),
    ("lj22", LJ, "how many hours over estimate did C3 go last month",
     f"SELECT sum({ACT} - {EST}) AS hours_over FROM t WHERE Crew = 'C3' AND {DONE} AND {LAST_M_LJ}", None, KPI),
    ("lj23", LJ, "biggest invoice we sent", f"SELECT max({INV}) AS biggest_invoice FROM t", None, KPI),
    ("lj24", LJ, "median est hours by cleint type",
     f"SELECT {CT}, median({EST}) AS median_est_hours FROM t GROUP BY 1", None, BAR),
    ("lj25", LJ, "distribution of invoice amounts", f"SELECT median({INV}) AS median_invoice FROM t", None, DIST),
    ("lj26", LJ, "snow removal revenue by month",
     f"SELECT date_trunc('month', {SD}) AS month, sum({INV}) AS revenue FROM t WHERE Service = 'Snow Removal' "
     "GROUP BY 1", None, LINE),
    ("lj27", LJ, "jobs by crew split by client type",
     f"SELECT Crew, {CT}, count(*) AS jobs FROM t GROUP BY 1, 2", None, SPLIT),
    ("lj28", LJ, "how many jobs are still on the schedule",
     "SELECT count(*) AS jobs FROM t WHERE Status = 'Scheduled'", None, KPI),
    ("lj29", LJ, "what's our labor cost per crew", None, None, NO),
    ("lj30", LJ, "customer satisfaction score by crew", None, None, NO),
    ("lj31", LJ, "which zip brings in the most revenue",
     f"SELECT Zip, sum({INV}) AS revenue FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("lj32", LJ, "monthly revenue by client type",
     f"SELECT date_trunc('month', {SD}) AS month, {CT}, sum({INV}) AS revenue FROM t WHERE {DONE} GROUP BY 1, 2",
     None, SPLIT_T),
    ("lj33", LJ, "scatter of avg estimated vs avg actual hours per crew",
     f"SELECT Crew, avg({EST}) AS avg_est_hours, avg({ACT}) AS avg_actual_hours FROM t WHERE {DONE} GROUP BY 1",
     None, SCATTER),
    ("lj34", LJ, "totl invoiced for sod installs",
     f"SELECT sum({INV}) AS invoiced FROM t WHERE Service = 'Sod Install'", None, KPI),
    ("lj35", LJ, "how many callbacks did kelsey's crew have",
     "SELECT count(*) AS callbacks FROM t WHERE Callback = 'Y' AND \"Crew Lead\" = 'Kelsey Obi'", None, KPI),
    ("lj36", LJ, "how much did we spend on gas for the trucks", None, None, NO),
    # ----------------------------------------------------------------------------------- brewery batches
    ("bb01", BB, "how many batches did we brew", "SELECT count(*) AS batches FROM t", None, KPI),
    ("bb02", BB, "batches by style", "SELECT Style, count(*) AS batches FROM t GROUP BY 1", None, BAR),
    ("bb03", BB, "only the ones that passed QA",
     "SELECT Style, count(*) AS batches FROM t WHERE QA = 'Pass' GROUP BY 1", "bb02", BAR),
    # judgment: ABV is (OG - FG) x 131.25, over the batches with a final gravity (not still fermenting)
    ("bb04", BB, "avg abv by beer", f"SELECT Beer, avg({ABV}) AS avg_abv FROM t GROUP BY 1", None, BAR),
    ("bb05", BB, "which beer is the strongest",
     f"SELECT Beer, avg({ABV}) AS avg_abv FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("bb06", BB, "bbl packaged per month",
     f"SELECT date_trunc('month', {PK}) AS month, sum({YLD}) AS bbl FROM t WHERE {PK} IS NOT NULL GROUP BY 1",
     None, LINE),
    ("bb07", BB, "avg days in tank by style", f"SELECT Style, avg({TANK}) AS avg_days FROM t GROUP BY 1", None, BAR),
    ("bb08", BB, "median instead", f"SELECT Style, median({TANK}) AS median_days FROM t GROUP BY 1", "bb07", BAR),
    ("bb09", BB, "just lagers and pilsners",
     f"SELECT Style, median({TANK}) AS median_days FROM t WHERE Style IN ('Lager', 'Pilsner') GROUP BY 1",
     "bb08", BAR),
    # judgment: loss is the packaged volume short of the batch size, over packaged batches
    ("bb10", BB, "volume loss % by beer",
     f"SELECT Beer, 100.0 * (1 - sum({YLD}) / sum({SIZE})) AS pct_loss FROM t WHERE Status = 'Packaged' GROUP BY 1",
     None, BAR),
    ("bb11", BB, "which brewer gets the best yield",
     f"SELECT Brewer, sum({YLD}) / sum({SIZE}) AS yield_ratio FROM t WHERE Status = 'Packaged' GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("bb12", BB, "kegs filled per month",
     f"SELECT date_trunc('month', {PK}) AS month, sum({KEGS}) AS kegs FROM t WHERE {PK} IS NOT NULL GROUP BY 1",
     None, LINE),
    ("bb13", BB, "kegs and cases by beer",
     f"SELECT Beer, sum({KEGS}) AS kegs, sum({CASES}) AS cases FROM t GROUP BY 1", None, TWO),
    ("bb14", BB, "how many batches got dumped", "SELECT count(*) AS batches FROM t WHERE Status = 'Dumped'",
     None, KPI),
    ("bb15", BB, "which style had the most",
     "SELECT Style, count(*) AS batches FROM t WHERE Status = 'Dumped' GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     "bb14", ONE),
    # judgment: the dump rate is over every batch brewed (those still fermenting count as not dumped)
    ("bb16", BB, "dump rate by style",
     "SELECT Style, 100.0 * avg(CASE WHEN Status = 'Dumped' THEN 1 ELSE 0 END) AS pct_dumped FROM t GROUP BY 1",
     None, BAR),
    ("bb17", BB, "ingredient cost per bbl by stlye",
     f"SELECT Style, sum({COST}) / sum({SIZE}) AS cost_per_bbl FROM t GROUP BY 1", None, BAR),
    ("bb18", BB, "ingredient spend last quarter",
     f"SELECT sum({COST}) AS ingredient_cost FROM t WHERE {BD} >= (SELECT date_trunc('quarter', max({BD})) FROM t)",
     None, KPI),
    ("bb19", BB, "how many batches are still fermenting",
     "SELECT count(*) AS batches FROM t WHERE Status = 'Fermenting'", None, KPI),
    ("bb20", BB, "brew days by weekday",
     f"SELECT dayname({BD}) AS weekday, count(*) AS batches FROM t GROUP BY 1", None, WEEK),
    ("bb21", BB, "top 3 beers by barrels brewed",
     f"SELECT Beer, sum({SIZE}) AS bbl FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    # judgment: each gravity averaged over the batches that have it (FG is blank while fermenting)
    ("bb22", BB, "avg OG and FG by style", "SELECT Style, avg(OG) AS avg_og, avg(FG) AS avg_fg FROM t GROUP BY 1",
     None, TWO),
    ("bb23", BB, "batches per month by brewer",
     f"SELECT date_trunc('month', {BD}) AS month, Brewer, count(*) AS batches FROM t GROUP BY 1, 2", None, SPLIT_T),
    ("bb24", BB, "share of volume brewed by beer as a pie",
     f"SELECT Beer, sum({SIZE}) AS share_bbl FROM t GROUP BY 1", None, ARC),
    ("bb25", BB, "abv distribution", f"SELECT median({ABV}) AS median_abv FROM t", None, DIST),
    ("bb26", BB, "highest og we've brewed", "SELECT max(OG) AS max_og FROM t", None, KPI),
    ("bb27", BB, "avg batch size for mo", f"SELECT avg({SIZE}) AS avg_bbl FROM t WHERE Brewer = 'Mo Adeyemi'",
     None, KPI),
    ("bb28", BB, "how many hazy batches in q3",
     f"SELECT count(*) AS batches FROM t WHERE Style = 'Hazy IPA' AND {BD} >= DATE '2024-07-01' "
     f"AND {BD} < DATE '2024-10-01'", None, KPI),
    ("bb29", BB, "sales revenue by beer", None, None, NO),
    ("bb30", BB, "which distributor takes the most kegs", None, None, NO),
    ("bb31", BB, "batches per fermenter", "SELECT FV, count(*) AS batches FROM t GROUP BY 1", None, BAR),
    # judgment: a batch's quarter is its brew date
    ("bb32", BB, "avg yeild per batch for foggy notion by quarter",
     f"SELECT date_trunc('quarter', {BD}) AS quarter, avg({YLD}) AS avg_yield FROM t WHERE Beer = 'Foggy Notion' "
     "GROUP BY 1", None, LINE),
    ("bb33", BB, "cases packaged last month",
     f"SELECT sum({CASES}) AS cases FROM t WHERE {PK} >= (SELECT date_trunc('month', max({PK})) FROM t)", None, KPI),
    ("bb34", BB, "plot avg days in tank against avg abv for each beer",
     f"SELECT Beer, avg({TANK}) AS avg_days, avg({ABV}) AS avg_abv FROM t GROUP BY 1", None, SCATTER),
    ("bb35", BB, "median days to package for stouts",
     f"SELECT median({TANK}) AS median_days FROM t WHERE Style = 'Stout'", None, KPI),
    ("bb36", BB, "how much co2 did we go through", None, None, NO),
    # -------------------------------------------------------------------------------------------- bus runs
    ("br01", BR, "how many runs got cancelled", "SELECT count(*) AS runs FROM t WHERE STATUS = 'CANCELLED'",
     None, KPI),
    # judgment: lateness is actual minus scheduled arrival in minutes (early is negative), over runs made
    ("br02", BR, "avg minutes late by route", f"SELECT ROUTE, avg({LATE}) AS avg_minutes_late FROM t GROUP BY 1",
     None, BAR),
    ("br03", BR, "pm runs only",
     f"SELECT ROUTE, avg({LATE}) AS avg_minutes_late FROM t WHERE SHIFT = 'PM' GROUP BY 1", "br02", BAR),
    ("br04", BR, "which route is the latest on average",
     f"SELECT ROUTE, avg({LATE}) AS avg_minutes_late FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    # judgment: late shares are over the runs made (cancelled runs have no arrival)
    ("br05", BR, "% of runs more than 5 min late",
     f"SELECT 100.0 * avg(CASE WHEN {LATE} > 5 THEN 1 ELSE 0 END) AS pct_late FROM t WHERE {RAN}", None, KPI),
    ("br06", BR, "by month",
     f"SELECT date_trunc('month', RUN_DATE) AS month, 100.0 * avg(CASE WHEN {LATE} > 5 THEN 1 ELSE 0 END) "
     f"AS pct_late FROM t WHERE {RAN} GROUP BY 1", "br05", LINE),
    ("br07", BR, "total riders per month",
     "SELECT date_trunc('month', RUN_DATE) AS month, sum(RIDERS) AS riders FROM t GROUP BY 1", None, LINE),
    ("br08", BR, "just westview",
     "SELECT date_trunc('month', RUN_DATE) AS month, sum(RIDERS) AS riders FROM t WHERE SCHOOL = 'Westview HS' "
     "GROUP BY 1", "br07", LINE),
    # judgment: ridership is riders over assigned students, over the runs made
    ("br09", BR, "ridership % by school (riders vs assigned)",
     f"SELECT SCHOOL, 100.0 * sum(RIDERS) / sum(ASSIGNED) AS pct_ridership FROM t WHERE {RAN} GROUP BY 1",
     None, BAR),
    # judgment: averages of riders and miles leave out cancelled runs (recorded as 0)
    ("br10", BR, "avg riders am vs pm", f"SELECT SHIFT, avg(RIDERS) AS avg_riders FROM t WHERE {RAN} GROUP BY 1",
     None, BAR),
    ("br11", BR, "mpg by bus", f"SELECT BUS_NO, sum(MILES) / sum(FUEL_GAL) AS mpg FROM t WHERE {RAN} GROUP BY 1",
     None, BAR),
    ("br12", BR, "total miles driven this year",
     "SELECT sum(MILES) AS miles FROM t WHERE year(RUN_DATE) = (SELECT year(max(RUN_DATE)) FROM t)", None, KPI),
    ("br13", BR, "incidents by type",
     "SELECT INCIDENT, count(*) AS incidents FROM t WHERE INCIDENT IS NOT NULL GROUP BY 1", None, BAR),
    ("br14", BR, "as a pie",
     "SELECT INCIDENT, count(*) AS share_incidents FROM t WHERE INCIDENT IS NOT NULL GROUP BY 1", "br13", ARC),
    ("br15", BR, "how many runs were driven by subs",
     "SELECT count(*) AS runs FROM t WHERE SUB_DRIVER = 'Y'", None, KPI),
    ("br16", BR, "which route needs a sub most often",
     "SELECT ROUTE, count(*) AS runs FROM t WHERE SUB_DRIVER = 'Y' GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("br17", BR, "avg lateness by weekday",
     f"SELECT dayname(RUN_DATE) AS weekday, avg({LATE}) AS avg_minutes_late FROM t GROUP BY 1", None, WEEK),
    ("br18", BR, "top 3 drivers by miles",
     "SELECT DRIVER, sum(MILES) AS miles FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("br19", BR, "runs more than 10 min late last week",
     f"SELECT count(*) AS runs FROM t WHERE {LATE} > 10 "
     "AND RUN_DATE >= (SELECT date_trunc('week', max(RUN_DATE)) FROM t)", None, KPI),
    ("br20", BR, "riders and miles by depot",
     "SELECT DEPOT, sum(RIDERS) AS riders, sum(MILES) AS miles FROM t GROUP BY 1", None, TWO),
    ("br21", BR, "weekly avg minutes late for R-104",
     f"SELECT date_trunc('week', RUN_DATE) AS week, avg({LATE}) AS avg_minutes_late FROM t WHERE ROUTE = 'R-104' "
     "GROUP BY 1", None, LINE),
    ("br22", BR, "monthly instead",
     f"SELECT date_trunc('month', RUN_DATE) AS month, avg({LATE}) AS avg_minutes_late FROM t WHERE ROUTE = 'R-104' "
     "GROUP BY 1", "br21", LINE),
    ("br23", BR, "on avg how many assigned kids don't ride, per run",
     f"SELECT avg(ASSIGNED - RIDERS) AS avg_not_riding FROM t WHERE {RAN}", None, KPI),
    ("br24", BR, "worst delay we had in minutes", f"SELECT max({LATE}) AS max_minutes_late FROM t", None, KPI),
    ("br25", BR, "median lateness for AM runs",
     f"SELECT median({LATE}) AS median_minutes_late FROM t WHERE SHIFT = 'AM'", None, KPI),
    ("br26", BR, "distribution of riders per run", f"SELECT median(RIDERS) AS median_riders FROM t WHERE {RAN}",
     None, DIST),
    ("br27", BR, "fuel gal per month by depot",
     "SELECT date_trunc('month', RUN_DATE) AS month, DEPOT, sum(FUEL_GAL) AS gallons FROM t GROUP BY 1, 2",
     None, SPLIT_T),
    ("br28", BR, "avg minutes late by route and shift",
     f"SELECT ROUTE, SHIFT, avg({LATE}) AS avg_minutes_late FROM t GROUP BY 1, 2", None, SPLIT),
    ("br29", BR, "how much do we pay each driver", None, None, NO),
    ("br30", BR, "which stops have the most kids getting on", None, None, NO),
    ("br31", BR, "runs with a traffic incident in feb",
     "SELECT count(*) AS runs FROM t WHERE INCIDENT = 'TRAFFIC' AND RUN_DATE >= DATE '2025-02-01' "
     "AND RUN_DATE < DATE '2025-03-01'", None, KPI),
    # judgment: on time is arriving no more than 5 minutes after the scheduled time, over runs made
    ("br32", BR, "on-time % by driver (within 5 min)",
     f"SELECT DRIVER, 100.0 * avg(CASE WHEN {LATE} <= 5 THEN 1 ELSE 0 END) AS pct_on_time FROM t WHERE {RAN} "
     "GROUP BY 1", None, BAR),
    ("br33", BR, "gallons of fuel used last quarter",
     "SELECT sum(FUEL_GAL) AS gallons FROM t WHERE RUN_DATE >= (SELECT date_trunc('quarter', max(RUN_DATE)) FROM t)",
     None, KPI),
    ("br34", BR, "plot avg riders vs avg minutes late per route",
     f"SELECT ROUTE, avg(RIDERS) AS avg_riders, avg({LATE}) AS avg_minutes_late FROM t WHERE {RAN} GROUP BY 1",
     None, SCATTER),
    ("br35", BR, "avrage riders per run on fridays",
     f"SELECT avg(RIDERS) AS avg_riders FROM t WHERE {RAN} AND dayname(RUN_DATE) = 'Friday'", None, KPI),
    ("br36", BR, "speeding alerts by driver", None, None, NO),
    # ------------------------------------------------------------------------------------- seller payouts
    ("sp01", SP, "total gmv", "SELECT sum(gross_sales) AS gmv FROM t", None, KPI),
    # judgment: net payouts are what each payout row owes, whatever its status
    ("sp02", SP, "net payouts by category", "SELECT category, sum(net_payout) AS net_payout FROM t GROUP BY 1",
     None, BAR),
    ("sp03", SP, "refund rate by seller",
     "SELECT seller_name, 100.0 * sum(refunds) / sum(gross_sales) AS pct_refunds FROM t GROUP BY 1", None, BAR),
    ("sp04", SP, "which seller has the highest refund rate",
     "SELECT seller_name, 100.0 * sum(refunds) / sum(gross_sales) AS pct_refunds FROM t GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("sp05", SP, "commission by month",
     f"SELECT date_trunc('month', {PD}) AS month, sum(commission) AS commission FROM t GROUP BY 1", None, LINE),
    ("sp06", SP, "only apparel",
     f"SELECT date_trunc('month', {PD}) AS month, sum(commission) AS commission FROM t WHERE category = 'Apparel' "
     "GROUP BY 1", "sp05", LINE),
    ("sp07", SP, "quarterly",
     f"SELECT date_trunc('quarter', {PD}) AS quarter, sum(commission) AS commission FROM t "
     "WHERE category = 'Apparel' GROUP BY 1", "sp06", LINE),
    # judgment: the take rate is commission over gross sales
    ("sp08", SP, "take rate by category",
     "SELECT category, 100.0 * sum(commission) / sum(gross_sales) AS pct_take_rate FROM t GROUP BY 1", None, BAR),
    ("sp09", SP, "how many payouts are on hold", "SELECT count(*) AS payouts FROM t WHERE status = 'held'",
     None, KPI),
    ("sp10", SP, "how much money is that",
     "SELECT sum(net_payout) AS net_payout FROM t WHERE status = 'held'", "sp09", KPI),
    ("sp11", SP, "held payouts by reason",
     "SELECT hold_reason, count(*) AS payouts FROM t WHERE status = 'held' GROUP BY 1", None, BAR),
    ("sp12", SP, "top 5 sellers by gross sales",
     "SELECT seller_name, sum(gross_sales) AS gross_sales FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("sp13", SP, "by net payout instead",
     "SELECT seller_name, sum(net_payout) AS net_payout FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", "sp12", BAR),
    ("sp14", SP, "5 smallest sellers by net payout",
     "SELECT seller_name, sum(net_payout) AS net_payout FROM t GROUP BY 1 ORDER BY 2 LIMIT 5", None, BAR),
    ("sp15", SP, "avg order value by category",
     "SELECT category, sum(gross_sales) / sum(orders) AS avg_order_value FROM t GROUP BY 1", None, BAR),
    # judgment: a payout's week is the Monday-based week of its payout date
    ("sp16", SP, "orders per week",
     f"SELECT date_trunc('week', {PD}) AS week, sum(orders) AS orders FROM t GROUP BY 1", None, LINE),
    ("sp17", SP, "payout status by method",
     "SELECT method, status, count(*) AS payouts FROM t GROUP BY 1, 2", None, SPLIT),
    ("sp18", SP, "how many sellers do we have", "SELECT count(DISTINCT seller_id) AS sellers FROM t", None, KPI),
    ("sp19", SP, "share of gmv by tier", "SELECT tier, sum(gross_sales) AS share_gmv FROM t GROUP BY 1", None, PIE),
    ("sp20", SP, "net payout last month",
     f"SELECT sum(net_payout) AS net_payout FROM t WHERE {PD} >= (SELECT date_trunc('month', max({PD})) FROM t)",
     None, KPI),
    ("sp21", SP, "avg shipping fee per order by catgory",
     "SELECT category, sum(shipping_fees) / sum(orders) AS shipping_per_order FROM t GROUP BY 1", None, BAR),
    ("sp22", SP, "gross, refunds and net by category",
     "SELECT category, sum(gross_sales) AS gross_sales, sum(refunds) AS refunds, sum(net_payout) AS net_payout "
     "FROM t GROUP BY 1", None, TWO),
    ("sp23", SP, "largest single payout", "SELECT max(net_payout) AS largest_payout FROM t", None, KPI),
    ("sp24", SP, "median weekly gross for handmade sellers",
     "SELECT median(gross_sales) AS median_gross FROM t WHERE category = 'Handmade'", None, KPI),
    ("sp25", SP, "payouts by method as a pie", "SELECT method, count(*) AS share_payouts FROM t GROUP BY 1",
     None, ARC),
    ("sp26", SP, "gadgethub refunds by month",
     f"SELECT date_trunc('month', {PD}) AS month, sum(refunds) AS refunds FROM t "
     "WHERE seller_name = 'GadgetHub Direct' GROUP BY 1", None, LINE),
    ("sp27", SP, "scatter of gross sales vs commission per seller",
     "SELECT seller_name, sum(gross_sales) AS gross_sales, sum(commission) AS commission FROM t GROUP BY 1",
     None, SCATTER),
    ("sp28", SP, "how many failed payouts were paypal",
     "SELECT count(*) AS payouts FROM t WHERE status = 'failed' AND method = 'PayPal'", None, KPI),
    ("sp29", SP, "distribution of net payouts", "SELECT median(net_payout) AS median_net_payout FROM t", None, DIST),
    ("sp30", SP, "avg star rating per seller", None, None, NO),
    ("sp31", SP, "ad spend by seller", None, None, NO),
    ("sp32", SP, "refunds as % of gross, top rated vs standard",
     "SELECT tier, 100.0 * sum(refunds) / sum(gross_sales) AS pct_refunds FROM t "
     "WHERE tier IN ('Top Rated', 'Standard') GROUP BY 1", None, BAR),
    # judgment: a payout's quarter is its payout date
    ("sp33", SP, "toys gross sales in q2",
     f"SELECT sum(gross_sales) AS gross_sales FROM t WHERE category = 'Toys' AND {PD} >= DATE '2025-04-01' "
     f"AND {PD} < DATE '2025-07-01'", None, KPI),
    ("sp34", SP, "monthly net payout by category",
     f"SELECT date_trunc('month', {PD}) AS month, category, sum(net_payout) AS net_payout FROM t GROUP BY 1, 2",
     None, SPLIT_T),
    ("sp35", SP, "comission ytd",
     f"SELECT sum(commission) AS commission FROM t WHERE year({PD}) = (SELECT year(max({PD})) FROM t)", None, KPI),
    ("sp36", SP, "which sellers ship internationally", None, None, NO),
    # ---------------------------------------------------------------------------------- tutoring sessions
    ("ts01", TS, "how many sessions this year",
     "SELECT count(*) AS sessions FROM t WHERE year(Date) = (SELECT year(max(Date)) FROM t)", None, KPI),
    # judgment: revenue is what was billed (trial sessions 0, late cancels half)
    ("ts02", TS, "revenue by tutor", f"SELECT Tutor, sum({BILL}) AS revenue FROM t GROUP BY 1", None, BAR),
    ("ts03", TS, "top 3 only",
     f"SELECT Tutor, sum({BILL}) AS revenue FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", "ts02", BAR),
    ("ts04", TS, "avg rating by tutor", "SELECT Tutor, avg(Rating) AS avg_rating FROM t GROUP BY 1", None, BAR),
    ("ts05", TS, "only math sessions",
     "SELECT Tutor, avg(Rating) AS avg_rating FROM t WHERE Subject = 'Math' GROUP BY 1", "ts04", BAR),
    ("ts06", TS, "who's our best rated tutor",
     "SELECT Tutor, avg(Rating) AS avg_rating FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ts07", TS, "no show rate online vs in person",
     f"SELECT Format, {NO_SHOW_RATE} AS pct_no_show FROM t GROUP BY 1", None, BAR),
    ("ts08", TS, "sessions per month", "SELECT date_trunc('month', Date) AS month, count(*) AS sessions FROM t "
     "GROUP BY 1", None, LINE),
    ("ts09", TS, "just math",
     "SELECT date_trunc('month', Date) AS month, count(*) AS sessions FROM t WHERE Subject = 'Math' GROUP BY 1",
     "ts08", LINE),
    ("ts10", TS, "and sat prep?",
     "SELECT date_trunc('month', Date) AS month, count(*) AS sessions FROM t WHERE Subject = 'SAT Prep' GROUP BY 1",
     "ts09", LINE),
    # judgment: hours tutored count the sessions attended
    ("ts11", TS, "hours tutored by subject",
     f"SELECT Subject, sum(Mins) / 60.0 AS hours FROM t WHERE {CAME} GROUP BY 1", None, BAR),
    ("ts12", TS, "busiest hour of the day",
     "SELECT hour(\"Start Time\") AS hour, count(*) AS sessions FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("ts13", TS, "sessions by weekday", "SELECT dayname(Date) AS weekday, count(*) AS sessions FROM t GROUP BY 1",
     None, WEEK),
    ("ts14", TS, "avg billed per session by center",
     f"SELECT Center, avg({BILL}) AS avg_billed FROM t GROUP BY 1", None, BAR),
    ("ts15", TS, "how many trial sessions", "SELECT count(*) AS sessions FROM t WHERE Trial = 'Y'", None, KPI),
    ("ts16", TS, "billed last month",
     f"SELECT sum({BILL}) AS billed FROM t WHERE Date >= (SELECT date_trunc('month', max(Date)) FROM t)",
     None, KPI),
    ("ts17", TS, "top 3 students by hours tutored",
     f"SELECT Student, sum(Mins) / 60.0 AS hours FROM t WHERE {CAME} GROUP BY 1 ORDER BY 2 DESC LIMIT 3",
     None, BAR),
    ("ts18", TS, "avg session length in mins", "SELECT avg(Mins) AS avg_minutes FROM t", None, KPI),
    ("ts19", TS, "by subject", "SELECT Subject, avg(Mins) AS avg_minutes FROM t GROUP BY 1", "ts18", BAR),
    ("ts20", TS, "late cancels by tuter",
     "SELECT Tutor, count(*) AS late_cancels FROM t WHERE Attendance = 'Late Cancel' GROUP BY 1", None, BAR),
    ("ts21", TS, "share of sessions by package", "SELECT Package, count(*) AS share_sessions FROM t GROUP BY 1",
     None, PIE),
    ("ts22", TS, "sessions per month online vs in person",
     "SELECT date_trunc('month', Date) AS month, Format, count(*) AS sessions FROM t GROUP BY 1, 2", None, SPLIT_T),
    # judgment: "grade" here is the student's school grade (the only grade in the data)
    ("ts23", TS, "avg student grade by subject", "SELECT Subject, avg(Grade) AS avg_grade FROM t GROUP BY 1",
     None, BAR),
    # judgment: a tutor "saw" the students of the sessions attended
    ("ts24", TS, "how many different students did priya see",
     f"SELECT count(DISTINCT Student) AS students FROM t WHERE Tutor = 'Priya Raman' AND {CAME}", None, KPI),
    ("ts25", TS, "lowest rating farid got", "SELECT min(Rating) AS min_rating FROM t WHERE Tutor = 'Farid Nasser'",
     None, KPI),
    ("ts26", TS, "ratings distribution", "SELECT median(Rating) AS median_rating FROM t", None, DIST),
    ("ts27", TS, "sessions and revenue by subject",
     f"SELECT Subject, count(*) AS sessions, sum({BILL}) AS revenue FROM t GROUP BY 1", None, TWO),
    ("ts28", TS, "sessions by tutor and subject",
     "SELECT Tutor, Subject, count(*) AS sessions FROM t GROUP BY 1, 2", None, SPLIT),
    ("ts29", TS, "how much have students' test scores improved", None, None, NO),
    ("ts30", TS, "which schools do our students go to", None, None, NO),
    ("ts31", TS, "no shows last week",
     "SELECT count(*) AS no_shows FROM t WHERE Attendance = 'No Show' "
     "AND Date >= (SELECT date_trunc('week', max(Date)) FROM t)", None, KPI),
    ("ts32", TS, "avg rating for in-person sessions in may",
     "SELECT avg(Rating) AS avg_rating FROM t WHERE Format = 'In Person' AND Date >= DATE '2025-05-01' "
     "AND Date < DATE '2025-06-01'", None, KPI),
    ("ts33", TS, "plot avg rating vs no-show % per tutor",
     f"SELECT Tutor, avg(Rating) AS avg_rating, {NO_SHOW_RATE} AS pct_no_show FROM t GROUP BY 1", None, SCATTER),
    ("ts34", TS, "weekly sessions in may",
     "SELECT date_trunc('week', Date) AS week, count(*) AS sessions FROM t WHERE Date >= DATE '2025-05-01' "
     "AND Date < DATE '2025-06-01' GROUP BY 1", None, LINE),
    ("ts35", TS, "avg mins per session for 11th graders",
     "SELECT avg(Mins) AS avg_minutes FROM t WHERE Grade = 11", None, KPI),
    ("ts36", TS, "total billed at eastlake in q1",
     f"SELECT sum({BILL}) AS billed FROM t WHERE Center = 'Eastlake' AND Date >= DATE '2025-01-01' "
     "AND Date < DATE '2025-04-01'", None, KPI),
]

# Category tags per question (the business set's category names, below)
_NAMES = {
    "ts": "time series", "qw": "quarter or week grain", "wh": "weekday or hour", "kpi": "kpi",
    "kc": "kpi with a condition", "top": "top-N with 'top'", "notop": "top/bottom-N without 'top'",
    "share": "share or percentage", "pie": "pie asked for", "two": "two measures", "split": "split by colour",
    "mmm": "median/max/min wording", "cond": "condition in words or values", "rel": "relative period",
    "dist": "distribution", "sc": "scatter", "typo": "typo", "abbr": "abbreviation or paraphrase",
    "der": "derived measure",
}
_TAGS = {
    "lj01": "kpi kc cond", "lj02": "", "lj03": "notop der", "lj04": "ts", "lj05": "ts cond abbr",
    "lj06": "qw ts", "lj07": "cond abbr", "lj08": "top", "lj09": "der share", "lj10": "kpi kc cond",
    "lj11": "pie share cond", "lj12": "kpi rel", "lj13": "kpi der", "lj14": "der", "lj15": "kpi kc cond abbr",
    "lj16": "wh cond", "lj17": "two", "lj18": "two cond", "lj19": "der", "lj20": "kpi share cond abbr",
    "lj21": "kpi kc two cond abbr", "lj22": "kpi kc rel der cond abbr", "lj23": "kpi mmm", "lj24": "mmm typo abbr",
    "lj25": "dist", "lj26": "ts cond", "lj27": "split", "lj28": "kpi kc cond abbr", "lj31": "notop abbr",
    "lj32": "ts split", "lj33": "sc", "lj34": "kpi kc typo cond", "lj35": "kpi kc cond abbr",
    "bb01": "kpi", "bb02": "", "bb03": "cond abbr", "bb04": "der abbr", "bb05": "notop der abbr",
    "bb06": "ts abbr", "bb07": "der", "bb08": "mmm der", "bb09": "der cond", "bb10": "der share",
    "bb11": "notop der abbr", "bb12": "ts abbr", "bb13": "two", "bb14": "kpi kc cond abbr", "bb15": "notop cond",
    "bb16": "der share", "bb17": "der typo abbr", "bb18": "kpi rel", "bb19": "kpi kc cond", "bb20": "wh abbr",
    "bb21": "top abbr", "bb22": "two abbr", "bb23": "ts split", "bb24": "pie share", "bb25": "dist der abbr",
    "bb26": "kpi mmm abbr", "bb27": "kpi kc cond abbr", "bb28": "kpi kc cond abbr", "bb31": "abbr",
    "bb32": "qw ts typo cond", "bb33": "kpi kc rel", "bb34": "sc der", "bb35": "kpi kc mmm der cond",
    "br01": "kpi kc cond", "br02": "der", "br03": "der cond abbr", "br04": "notop der",
    "br05": "kpi share der cond abbr", "br06": "ts der share", "br07": "ts", "br08": "ts cond abbr",
    "br09": "der share", "br10": "cond abbr", "br11": "der abbr", "br12": "kpi rel", "br13": "cond",
    "br14": "pie share", "br15": "kpi kc cond abbr", "br16": "notop cond abbr", "br17": "wh der", "br18": "top",
    "br19": "kpi kc rel der cond", "br20": "two", "br21": "qw ts der cond", "br22": "ts der cond",
    "br23": "kpi der abbr", "br24": "kpi mmm der", "br25": "kpi kc mmm der cond", "br26": "dist",
    "br27": "ts split abbr", "br28": "split der", "br31": "kpi kc cond abbr", "br32": "der share abbr",
    "br33": "kpi rel", "br34": "sc der", "br35": "kpi kc typo cond",
    "sp01": "kpi abbr", "sp02": "", "sp03": "der share", "sp04": "notop der share", "sp05": "ts",
    "sp06": "ts cond", "sp07": "qw ts", "sp08": "der share abbr", "sp09": "kpi kc cond abbr", "sp10": "kpi kc cond",
    "sp11": "cond", "sp12": "top", "sp13": "top", "sp14": "notop", "sp15": "der abbr", "sp16": "qw ts",
    "sp17": "split", "sp18": "kpi", "sp19": "share abbr", "sp20": "kpi rel", "sp21": "der typo", "sp22": "two",
    "sp23": "kpi mmm", "sp24": "kpi kc mmm cond", "sp25": "pie share", "sp26": "ts cond abbr", "sp27": "sc",
    "sp28": "kpi kc cond", "sp29": "dist", "sp32": "der share cond", "sp33": "kpi kc cond abbr",
    "sp34": "ts split", "sp35": "kpi rel typo abbr",
    "ts01": "kpi rel", "ts02": "", "ts03": "top", "ts04": "", "ts05": "cond", "ts06": "notop",
    "ts07": "der share cond", "ts08": "ts", "ts09": "ts cond", "ts10": "ts cond abbr", "ts11": "der",
    "ts12": "wh notop", "ts13": "wh", "ts14": "abbr", "ts15": "kpi kc cond", "ts16": "kpi rel abbr",
    "ts17": "top der", "ts18": "kpi abbr", "ts19": "", "ts20": "typo cond", "ts21": "share", "ts22": "ts split",
    "ts23": "abbr", "ts24": "kpi kc cond", "ts25": "kpi kc mmm cond", "ts26": "dist", "ts27": "two",
    "ts28": "split", "ts31": "kpi kc rel cond", "ts32": "kpi kc cond", "ts33": "sc der", "ts34": "qw ts cond",
    "ts35": "kpi kc cond abbr", "ts36": "kpi kc cond",
}

CATEGORIES: dict[str, frozenset[str]] = {
    name: frozenset(qid for qid, tags in _TAGS.items() if code in tags.split()) for code, name in _NAMES.items()
}
