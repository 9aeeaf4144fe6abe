"""The third fresh evaluation set: questions about the five CSVs of make_data.py, with gold answers.

Written blind (see README.md): without reading the planner, the own suite's, the business set's, the
practice sets', the first or the second fresh set's questions. Each entry is
``(id, dataset, question, expected_sql, prev_id_or_None, chart_types)``: the gold SQL runs over the raw
CSV as the DuckDB view ``t`` (``read_csv_auto``); ``prev_id`` names the question a follow-up builds on;
``chart_types`` are the chart types a careful analyst would accept (``{"unanswerable"}`` with
``expected_sql`` None: the data cannot answer it).

Conventions of the gold tables (the business set's and the fresh sets', scored by blindset.py):
- a column named ``pct_…`` is a percentage (0–100) and may come as a fraction;
- a column named ``share_…`` holds the amounts of a part-to-whole question and may come as the amounts
  or as shares of their total;
- a distribution question's gold is the median (one per group for a boxplot);
- Yes/No, TRUE/FALSE columns compare equal to booleans;
- time buckets are ``date_trunc`` of the date; weekdays are day names; hours are 0–23;
- a ratio of sums (rejected over produced units, paid over claimed dollars) is the derived measure of a
  group, not the mean of per-row ratios;
- "last month", "last quarter", "last 3 months" and "days since" are anchored to the data's latest date.
Choices a careful analyst could have made otherwise are marked ``# judgment:``.
"""
from __future__ import annotations

# Column expressions for text-typed or derived measures
CLAIMED = """CAST(REPLACE(REPLACE("Claimed Amt", '$', ''), ',', '') AS DOUBLE)"""
CLOSE_DAYS = """(CAST("Closed Date" AS DATE) - "Reported")"""
REPORT_LAG = """("Reported" - "Loss Date")"""
DUR = "(date_diff('second', started_at, ended_at) / 60.0)"  # ride minutes
OFFER = """CAST(REPLACE(REPLACE("Offer Amt", '$', ''), ',', '') AS DOUBLE)"""
TO_DECIDE = """("Decision Date" - "Applied On")"""
RENT = """CAST(REPLACE(REPLACE(Rent, '$', ''), ',', '') AS DOUBLE)"""
DOM = "(Leased - Listed)"  # days on market of a leased listing

LINE = {"line", "bar", "area"}
BAR = {"bar"}
KPI = {"kpi"}
ONE = {"bar", "table"}  # a single winner: a one-bar chart or a one-row table
TWO = {"bar", "table"}  # two measures per group
PIE = {"arc", "bar"}
DIST = {"histogram", "boxplot"}
POINT = {"point"}
NO = {"unanswerable"}

IC = "insurance_claims"
BK = "bike_trips"
JA = "job_applications"
PR = "production_runs"
RL = "rental_listings"

QUESTIONS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---------------------------------------------------------------- insurance_claims
    ("ic01", IC, "number of claims by policy type",
     '''SELECT "Policy Type", COUNT(*) AS claims FROM t GROUP BY 1''', None, BAR),
    # judgment: a claim's month is its loss date (the event), not the day it was reported
    ("ic02", IC, "total claimed amount per month",
     f'''SELECT date_trunc('month', "Loss Date") AS month, SUM({CLAIMED}) AS claimed FROM t GROUP BY 1''',
     None, LINE),
    ("ic03", IC, "how many claims are still open",
     '''SELECT COUNT(*) AS claims FROM t WHERE Status = 'Open' ''', None, KPI),
    # judgment: the denial rate is over decided claims (closed or denied); open claims are left out
    ("ic04", IC, "denial rate by peril",
     '''SELECT Peril, 100.0 * AVG(CASE WHEN Status = 'Denied' THEN 1 ELSE 0 END) AS pct_denied FROM t '''
     '''WHERE Status <> 'Open' GROUP BY 1''', None, BAR),
    # judgment: days to close run from the report to the closed date, denied claims included (they close too)
    ("ic05", IC, "avg days to close a claim by adjuster",
     f'''SELECT Adjuster, AVG({CLOSE_DAYS}) AS days_to_close FROM t WHERE "Closed Date" IS NOT NULL GROUP BY 1''',
     None, BAR),
    ("ic06", IC, "which adjuster is slowest at closing claims",
     f'''SELECT Adjuster, AVG({CLOSE_DAYS}) AS days_to_close FROM t WHERE "Closed Date" IS NOT NULL '''
     '''GROUP BY 1 ORDER BY 2 DESC LIMIT 1''', None, ONE),
    ("ic07", IC, "and the quickest?",
     f'''SELECT Adjuster, AVG({CLOSE_DAYS}) AS days_to_close FROM t WHERE "Closed Date" IS NOT NULL '''
     '''GROUP BY 1 ORDER BY 2 ASC LIMIT 1''', "ic06", ONE),
    ("ic08", IC, "total paid out by state",
     '''SELECT State, SUM("Paid Amt") AS paid FROM t WHERE "Paid Amt" IS NOT NULL GROUP BY 1''', None, BAR),
    ("ic09", IC, "share of claim dollars by state as a pie",
     f'''SELECT State, SUM({CLAIMED}) AS share_claimed FROM t GROUP BY 1''', None, PIE),
    ("ic10", IC, "avg claim size for hail in texas",
     f'''SELECT AVG({CLAIMED}) AS avg_claimed FROM t WHERE Peril = 'Hail' AND State = 'TX' ''', None, KPI),
    ("ic11", IC, "on average how long do people take to report a claim after the loss",
     f'''SELECT AVG({REPORT_LAG}) AS days_to_report FROM t''', None, KPI),
    ("ic12", IC, "reporting lag in days per policy type",
     f'''SELECT "Policy Type", AVG({REPORT_LAG}) AS days_to_report FROM t GROUP BY 1''', None, BAR),
    ("ic13", IC, "florida wind claims each month",
     '''SELECT date_trunc('month', "Loss Date") AS month, COUNT(*) AS claims FROM t '''
     '''WHERE Peril = 'Wind' AND State = 'FL' GROUP BY 1''', None, LINE),
    ("ic14", IC, "claims by month broken down by policy type",
     '''SELECT date_trunc('month', "Loss Date") AS month, "Policy Type", COUNT(*) AS claims FROM t GROUP BY 1, 2''',
     None, LINE),
    ("ic15", IC, "how many claims ended up in litigation",
     '''SELECT COUNT(*) AS claims FROM t WHERE Litigated = 'Y' ''', None, KPI),
    ("ic16", IC, "% of claims referred to SIU by peril",
     '''SELECT Peril, 100.0 * AVG("SIU Referral") AS pct_siu FROM t GROUP BY 1''', None, BAR),
    ("ic17", IC, "median claimed amt",
     f'''SELECT MEDIAN({CLAIMED}) AS claimed FROM t''', None, KPI),
    ("ic18", IC, "what's the biggest single claim we got",
     f'''SELECT MAX({CLAIMED}) AS claimed FROM t''', None, KPI | {"table"}),
    ("ic19", IC, "distribution of claim amounts",
     f'''SELECT MEDIAN({CLAIMED}) AS claimed FROM t''', None, DIST),
    ("ic20", IC, "scatter of total claimed vs total paid for each adjuster",
     f'''SELECT Adjuster, SUM({CLAIMED}) AS claimed, SUM(COALESCE("Paid Amt", 0)) AS paid FROM t GROUP BY 1''',
     None, POINT),
    # judgment: the payout ratio is paid over claimed dollars of the claims that were paid (status Closed)
    ("ic21", IC, "payout ratio by policy type",
     f'''SELECT "Policy Type", SUM("Paid Amt") / SUM({CLAIMED}) AS payout_ratio FROM t WHERE Status = 'Closed' '''
     '''GROUP BY 1''', None, BAR),
    ("ic22", IC, "claims in q1 2025 by state",
     '''SELECT State, COUNT(*) AS claims FROM t WHERE "Loss Date" BETWEEN DATE '2025-01-01' AND DATE '2025-03-31' '''
     '''GROUP BY 1''', None, BAR),
    ("ic23", IC, "last quarter's claim count by peril",
     '''SELECT Peril, COUNT(*) AS claims FROM t WHERE "Loss Date" BETWEEN DATE '2025-04-01' AND DATE '2025-06-30' '''
     '''GROUP BY 1''', None, BAR),
    ("ic24", IC, "claims per quarter",
     '''SELECT date_trunc('quarter', "Loss Date") AS quarter, COUNT(*) AS claims FROM t GROUP BY 1''', None, LINE),
    ("ic25", IC, "what day of the week do losses happen on, count of claims",
     '''SELECT dayname("Loss Date") AS weekday, COUNT(*) AS claims FROM t GROUP BY 1''', None, BAR),
    ("ic26", IC, "3 states with the most denied claims",
     '''SELECT State, COUNT(*) AS claims FROM t WHERE Status = 'Denied' GROUP BY 1 ORDER BY 2 DESC LIMIT 3''',
     None, BAR),
    ("ic27", IC, "avg claimant age per policy type",
     '''SELECT "Policy Type", AVG("Claimant Age") AS age FROM t GROUP BY 1''', None, BAR),
    ("ic28", IC, "which agent sold the most policies", None, None, NO),
    ("ic29", IC, "loss ratio vs premiums earned by state", None, None, NO),
    ("ic30", IC, "just texas", '''SELECT "Policy Type", COUNT(*) AS claims FROM t WHERE State = 'TX' GROUP BY 1''',
     "ic01", BAR),
    ("ic31", IC, "by month instead",
     '''SELECT date_trunc('month', "Loss Date") AS month, COUNT(*) AS claims FROM t GROUP BY 1''', "ic24", LINE),
    # judgment: "more than 30 days ago" counts back from the data's latest report date, 30 June 2025
    ("ic32", IC, "how many open claims were reported more than 30 days ago",
     '''SELECT COUNT(*) AS claims FROM t WHERE Status = 'Open' AND "Reported" < DATE '2025-06-30' - 30''',
     None, KPI),
    # judgment: the average payment is over the claims that were paid (denied and open claims have no Paid Amt)
    ("ic33", IC, "avg payed amount by adjustor",
     '''SELECT Adjuster, AVG("Paid Amt") AS paid FROM t WHERE "Paid Amt" IS NOT NULL GROUP BY 1''', None, BAR),
    ("ic34", IC, "only florida",
     '''SELECT Peril, 100.0 * AVG("SIU Referral") AS pct_siu FROM t WHERE State = 'FL' GROUP BY 1''', "ic16", BAR),

    # ---------------------------------------------------------------- bike_trips
    ("bk01", BK, "rides per month",
     '''SELECT date_trunc('month', started_at) AS month, COUNT(*) AS rides FROM t GROUP BY 1''', None, LINE),
    ("bk02", BK, "rides by hour of day",
     '''SELECT hour(started_at) AS hour, COUNT(*) AS rides FROM t GROUP BY 1''', None, BAR | {"line"}),
    # judgment: a ride's length is ended_at minus started_at in minutes, to the second
    ("bk03", BK, "avg ride length in minutes members vs casual",
     f'''SELECT member_casual, AVG({DUR}) AS minutes FROM t GROUP BY 1''', None, BAR),
    ("bk04", BK, "busiest start station",
     '''SELECT start_station_name, COUNT(*) AS rides FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1''', None, ONE),
    ("bk05", BK, "5 least used stations for starting a ride",
     '''SELECT start_station_name, COUNT(*) AS rides FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 5''', None, BAR),
    ("bk06", BK, "member vs casual share of rides, pie chart",
     '''SELECT member_casual, COUNT(*) AS share_rides FROM t GROUP BY 1''', None, PIE),
    ("bk07", BK, "how many ebike trips were there",
     '''SELECT COUNT(*) AS rides FROM t WHERE rideable_type = 'electric_bike' ''', None, KPI),
    ("bk08", BK, "avg distance per ride, electric vs classic",
     '''SELECT rideable_type, AVG(distance_km) AS km FROM t GROUP BY 1''', None, BAR),
    ("bk09", BK, "fare revenue by month",
     '''SELECT date_trunc('month', started_at) AS month, SUM(fare_usd) AS fares FROM t GROUP BY 1''', None, LINE),
    ("bk10", BK, "revenue from casual riders last quarter",
     '''SELECT SUM(fare_usd) AS fares FROM t WHERE member_casual = 'casual' '''
     '''AND started_at >= TIMESTAMP '2024-10-01' AND started_at < TIMESTAMP '2025-01-01' ''', None, KPI),
    ("bk11", BK, "rides by weekday, members and casuals separately",
     '''SELECT dayname(started_at) AS weekday, member_casual, COUNT(*) AS rides FROM t GROUP BY 1, 2''', None, BAR),
    # judgment: the average speed of a group is its km over its riding hours (a ratio of sums)
    ("bk12", BK, "average speed in km/h by bike type",
     f'''SELECT rideable_type, SUM(distance_km) / (SUM({DUR}) / 60) AS kmh FROM t GROUP BY 1''', None, BAR),
    ("bk13", BK, "how many rides didnt end at a station",
     '''SELECT COUNT(*) AS rides FROM t WHERE end_station_name IS NULL''', None, KPI),
    ("bk14", BK, "longest ride in minutes",
     f'''SELECT MAX({DUR}) AS minutes FROM t''', None, KPI | {"table"}),
    ("bk15", BK, "median trip duration",
     f'''SELECT MEDIAN({DUR}) AS minutes FROM t''', None, KPI),
    ("bk16", BK, "how are trip durations distributed for casual riders",
     f'''SELECT MEDIAN({DUR}) AS minutes FROM t WHERE member_casual = 'casual' ''', None, DIST),
    ("bk17", BK, "avg temperature vs number of rides per month, scatter",
     '''SELECT date_trunc('month', started_at) AS month, AVG(temp_F) AS temp_f, COUNT(*) AS rides FROM t '''
     '''GROUP BY 1''', None, POINT),
    ("bk18", BK, "how many round trips, same start and end station",
     '''SELECT COUNT(*) AS rides FROM t WHERE start_station_name = end_station_name''', None, KPI),
    # judgment: the weekend is Saturday and Sunday of the start time
    ("bk19", BK, "what percent of rides happen on weekends",
     '''SELECT 100.0 * AVG(CASE WHEN dayofweek(started_at) IN (0, 6) THEN 1 ELSE 0 END) AS pct_weekend FROM t''',
     None, KPI),
    ("bk20", BK, "avg fare for casual riders by month",
     '''SELECT date_trunc('month', started_at) AS month, AVG(fare_usd) AS fare FROM t '''
     '''WHERE member_casual = 'casual' GROUP BY 1''', None, LINE),
    ("bk21", BK, "summer rides (jun-aug) by start staton",
     '''SELECT start_station_name, COUNT(*) AS rides FROM t WHERE month(started_at) IN (6, 7, 8) GROUP BY 1''',
     None, BAR),
    ("bk22", BK, "which station has the longest rides on avg",
     f'''SELECT start_station_name, AVG({DUR}) AS minutes FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1''',
     None, ONE),
    ("bk23", BK, "and the shortest?",
     f'''SELECT start_station_name, AVG({DUR}) AS minutes FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1''',
     "bk22", ONE),
    ("bk24", BK, "by week instead",
     '''SELECT date_trunc('week', started_at) AS week, COUNT(*) AS rides FROM t GROUP BY 1''', "bk01", LINE),
    ("bk25", BK, "only members",
     '''SELECT hour(started_at) AS hour, COUNT(*) AS rides FROM t WHERE member_casual = 'member' GROUP BY 1''',
     "bk02", BAR | {"line"}),
    ("bk26", BK, "total km ridden on e-bikes each month",
     '''SELECT date_trunc('month', started_at) AS month, SUM(distance_km) AS km FROM t '''
     '''WHERE rideable_type = 'electric_bike' GROUP BY 1''', None, LINE),
    ("bk27", BK, "avg rider age by station", None, None, NO),
    ("bk28", BK, "how many unique riders used the bikes this year", None, None, NO),
    # judgment: a route needs an end station; rides left off-dock are not a route
    ("bk29", BK, "top 2 routes",
     '''SELECT start_station_name, end_station_name, COUNT(*) AS rides FROM t WHERE end_station_name IS NOT NULL '''
     '''GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 2''', None, BAR | {"table"}),
    ("bk30", BK, "busiest hour on weekends",
     '''SELECT hour(started_at) AS hour, COUNT(*) AS rides FROM t WHERE dayofweek(started_at) IN (0, 6) '''
     '''GROUP BY 1 ORDER BY 2 DESC LIMIT 1''', None, ONE),
    ("bk31", BK, "trips per quarter",
     '''SELECT date_trunc('quarter', started_at) AS quarter, COUNT(*) AS rides FROM t GROUP BY 1''', None, LINE),
    ("bk32", BK, "split by rider type",
     '''SELECT date_trunc('month', started_at) AS month, member_casual, SUM(fare_usd) AS fares FROM t GROUP BY 1, 2''',
     "bk09", LINE),

    # ---------------------------------------------------------------- job_applications
    ("ja01", JA, "applications per month",
     '''SELECT date_trunc('month', "Applied On") AS month, COUNT(*) AS applications FROM t GROUP BY 1''',
     None, LINE),
    ("ja02", JA, "how many applicants came from each source",
     '''SELECT Source, COUNT(*) AS applications FROM t GROUP BY 1''', None, BAR),
    # judgment: the hire rate is hires over every application, active ones included
    ("ja03", JA, "hire rate by source",
     '''SELECT Source, 100.0 * AVG(CASE WHEN Status = 'Hired' THEN 1 ELSE 0 END) AS pct_hired FROM t GROUP BY 1''',
     None, BAR),
    ("ja04", JA, "which source converts best to hires",
     '''SELECT Source, 100.0 * AVG(CASE WHEN Status = 'Hired' THEN 1 ELSE 0 END) AS pct_hired FROM t GROUP BY 1 '''
     '''ORDER BY 2 DESC LIMIT 1''', None, ONE),
    # judgment: time to hire runs from "Applied On" to the decision date of the hired applications
    ("ja05", JA, "avg time to hire in days by dept",
     f'''SELECT Dept, AVG({TO_DECIDE}) AS days_to_hire FROM t WHERE Status = 'Hired' GROUP BY 1''', None, BAR),
    ("ja06", JA, "how many offers did we make",
     '''SELECT COUNT(*) AS offers FROM t WHERE "Offer Made" ''', None, KPI),
    # judgment: acceptance is hires over the decided offers (offers still pending, status Active, are left out)
    ("ja07", JA, "offer acceptance rate",
     '''SELECT 100.0 * AVG(CASE WHEN Status = 'Hired' THEN 1 ELSE 0 END) AS pct_accepted FROM t '''
     '''WHERE "Offer Made" AND Status <> 'Active' ''', None, KPI),
    ("ja08", JA, "avg offer amt for senior software engineer",
     f'''SELECT AVG({OFFER}) AS offer FROM t WHERE "Job Title" = 'Senior Software Engineer' '''
     '''AND "Offer Amt" IS NOT NULL''',
     None, KPI),
    ("ja09", JA, "median offer by department",
     f'''SELECT Dept, MEDIAN({OFFER}) AS offer FROM t WHERE "Offer Amt" IS NOT NULL GROUP BY 1''', None, BAR),
    ("ja10", JA, "how far do candidates get, count by stage reached",
     '''SELECT "Stage Reached", COUNT(*) AS applications FROM t GROUP BY 1''', None, BAR),
    # judgment: open applications are the ones with status Active (still in the pipeline)
    ("ja11", JA, "open applications per recruiter",
     '''SELECT Recruiter, COUNT(*) AS applications FROM t WHERE Status = 'Active' GROUP BY 1''', None, BAR),
    ("ja12", JA, "which recruiter made the most hires",
     '''SELECT Recruiter, COUNT(*) AS hires FROM t WHERE Status = 'Hired' GROUP BY 1 ORDER BY 2 DESC LIMIT 1''',
     None, ONE),
    ("ja13", JA, "rejections by dept and source",
     '''SELECT Dept, Source, COUNT(*) AS applications FROM t WHERE Status = 'Rejected' GROUP BY 1, 2''', None,
     BAR | {"heatmap"}),
    ("ja14", JA, "avg yrs of experience, hired vs rejected",
     '''SELECT Status, AVG("Yrs Exp") AS yrs FROM t WHERE Status IN ('Hired', 'Rejected') GROUP BY 1''', None, BAR),
    ("ja15", JA, "how many candidates withdrew",
     '''SELECT COUNT(*) AS applications FROM t WHERE Status = 'Withdrawn' ''', None, KPI),
    ("ja16", JA, "aplications last month",
     '''SELECT COUNT(*) AS applications FROM t WHERE "Applied On" BETWEEN DATE '2025-06-01' AND DATE '2025-06-30' ''',
     None, KPI),
    # judgment: a hire happens on its decision date, so "hires in the last 3 months" filters on that date
    ("ja17", JA, "hires in the last 3 months by job title",
     '''SELECT "Job Title", COUNT(*) AS hires FROM t WHERE Status = 'Hired' '''
     '''AND "Decision Date" BETWEEN DATE '2025-04-01' AND DATE '2025-06-30' GROUP BY 1''', None, BAR),
    # judgment: past the application stage is a Stage Reached other than Applied (phone screen or further)
    ("ja18", JA, "what % of applicants get past the application stage",
     '''SELECT 100.0 * AVG(CASE WHEN "Stage Reached" <> 'Applied' THEN 1 ELSE 0 END) AS pct_screened FROM t''',
     None, KPI),
    ("ja19", JA, "top 5 job titles by number of applicants",
     '''SELECT "Job Title", COUNT(*) AS applications FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5''', None, BAR),
    ("ja20", JA, "agency vs referral: avg days from application to decision",
     f'''SELECT Source, AVG({TO_DECIDE}) AS days FROM t WHERE Source IN ('Agency', 'Referral') '''
     '''AND "Decision Date" IS NOT NULL GROUP BY 1''', None, BAR),
    ("ja21", JA, "distribution of years of experience",
     '''SELECT MEDIAN("Yrs Exp") AS yrs FROM t''', None, DIST),
    ("ja22", JA, "which weekday do people apply on, count",
     '''SELECT dayname("Applied On") AS weekday, COUNT(*) AS applications FROM t GROUP BY 1''', None, BAR),
    ("ja23", JA, "total $ offered by location",
     f'''SELECT Location, SUM({OFFER}) AS offered FROM t WHERE "Offer Amt" IS NOT NULL GROUP BY 1''', None, BAR),
    # judgment: hires are bucketed by their decision date
    ("ja24", JA, "hires by quarter",
     '''SELECT date_trunc('quarter', "Decision Date") AS quarter, COUNT(*) AS hires FROM t WHERE Status = 'Hired' '''
     '''GROUP BY 1''', None, LINE),
    ("ja25", JA, "just engineering",
     '''SELECT Source, COUNT(*) AS applications FROM t WHERE Dept = 'ENG' GROUP BY 1''', "ja02", BAR),
    ("ja26", JA, "split by dept",
     '''SELECT date_trunc('month', "Applied On") AS month, Dept, COUNT(*) AS applications FROM t GROUP BY 1, 2''',
     "ja01", LINE),
    ("ja27", JA, "and the fewest?",
     '''SELECT Recruiter, COUNT(*) AS hires FROM t WHERE Status = 'Hired' GROUP BY 1 ORDER BY 2 ASC LIMIT 1''',
     "ja12", ONE),
    ("ja28", JA, "gender breakdown of applicants", None, None, NO),
    ("ja29", JA, "avg cost per hire by source", None, None, NO),
    ("ja30", JA, "offers made and hires per dept",
     '''SELECT Dept, COUNT(*) FILTER (WHERE "Offer Made") AS offers, '''
     '''COUNT(*) FILTER (WHERE Status = 'Hired') AS hires FROM t GROUP BY 1''', None, TWO),
    ("ja31", JA, "scatter of avg experience vs avg offer for each job title",
     f'''SELECT "Job Title", AVG("Yrs Exp") AS yrs, AVG({OFFER}) AS offer FROM t WHERE "Offer Amt" IS NOT NULL '''
     '''GROUP BY 1''', None, POINT),
    ("ja32", JA, "show 3",
     '''SELECT "Job Title", COUNT(*) AS applications FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3''', "ja19", BAR),

    # ---------------------------------------------------------------- production_runs
    ("pr01", PR, "total units produced by line",
     '''SELECT Line, SUM("Units Produced") AS units FROM t GROUP BY 1''', None, BAR),
    # judgment: the defect (reject) rate is rejected over produced units
    ("pr02", PR, "defect rate by line",
     '''SELECT Line, 100.0 * SUM("Units Rejected") / SUM("Units Produced") AS pct_rejected FROM t GROUP BY 1''',
     None, BAR),
    ("pr03", PR, "which line has the worst reject rate",
     '''SELECT Line, 100.0 * SUM("Units Rejected") / SUM("Units Produced") AS pct_rejected FROM t GROUP BY 1 '''
     '''ORDER BY 2 DESC LIMIT 1''', None, ONE),
    ("pr04", PR, "L4 defect rate by month",
     '''SELECT date_trunc('month', "Run Start") AS month, 100.0 * SUM("Units Rejected") / SUM("Units Produced") '''
     '''AS pct_rejected FROM t WHERE Line = 'L4' GROUP BY 1''', None, LINE),
    ("pr05", PR, "scrap cost per month",
     '''SELECT date_trunc('month', "Run Start") AS month, SUM("Scrap Cost (USD)") AS scrap FROM t GROUP BY 1''',
     None, LINE),
    ("pr06", PR, "scrap $ by product family as a pie",
     '''SELECT "Product Family", SUM("Scrap Cost (USD)") AS share_scrap FROM t GROUP BY 1''', None, PIE),
    ("pr07", PR, "how many runs went on qc hold",
     '''SELECT COUNT(*) AS runs FROM t WHERE "QC Hold"''', None, KPI),
    ("pr08", PR, "avg downtime per run by shift",
     '''SELECT Shift, AVG("Downtime Min") AS downtime FROM t GROUP BY 1''', None, BAR),
    ("pr09", PR, "night shift reject rate compared to day shift",
     '''SELECT Shift, 100.0 * SUM("Units Rejected") / SUM("Units Produced") AS pct_rejected FROM t '''
     '''WHERE Shift IN ('Night', 'Day') GROUP BY 1''', None, BAR),
    # judgment: throughput is produced units over run hours (a ratio of sums)
    ("pr10", PR, "units per hour by plant",
     '''SELECT Plant, SUM("Units Produced") / SUM("Run Hrs") AS units_per_hour FROM t GROUP BY 1''', None, BAR),
    ("pr11", PR, "number of runs per weekday",
     '''SELECT dayname("Run Start") AS weekday, COUNT(*) AS runs FROM t GROUP BY 1''', None, BAR),
    ("pr12", PR, "which operator scrapped the most $",
     '''SELECT Operator, SUM("Scrap Cost (USD)") AS scrap FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1''', None, ONE),
    ("pr13", PR, "3 products with the highest defcts rate",
     '''SELECT Product, 100.0 * SUM("Units Rejected") / SUM("Units Produced") AS pct_rejected FROM t GROUP BY 1 '''
     '''ORDER BY 2 DESC LIMIT 3''', None, BAR),
    ("pr14", PR, "total downtime in hours per line",
     '''SELECT Line, SUM("Downtime Min") / 60.0 AS downtime_hours FROM t GROUP BY 1''', None, BAR),
    ("pr15", PR, "how many changeovers at reno",
     '''SELECT COUNT(*) AS runs FROM t WHERE Changeover = 'Y' AND Plant = 'Reno' ''', None, KPI),
    ("pr16", PR, "avg rejects per run with vs without a changeover",
     '''SELECT Changeover, AVG("Units Rejected") AS rejected FROM t GROUP BY 1''', None, BAR),
    ("pr17", PR, "good units (produced minus rejected) by month",
     '''SELECT date_trunc('month', "Run Start") AS month, SUM("Units Produced" - "Units Rejected") AS good_units '''
     '''FROM t GROUP BY 1''', None, LINE),
    ("pr18", PR, "longest downtime on a single run",
     '''SELECT MAX("Downtime Min") AS downtime FROM t''', None, KPI | {"table"}),
    ("pr19", PR, "distribution of downtime minutes",
     '''SELECT MEDIAN("Downtime Min") AS downtime FROM t''', None, DIST),
    ("pr20", PR, "weekly output in march",
     '''SELECT date_trunc('week', "Run Start") AS week, SUM("Units Produced") AS units FROM t '''
     '''WHERE "Run Start" >= TIMESTAMP '2025-03-01' AND "Run Start" < TIMESTAMP '2025-04-01' GROUP BY 1''',
     None, LINE),
    ("pr21", PR, "production by shift, split by plant",
     '''SELECT Shift, Plant, SUM("Units Produced") AS units FROM t GROUP BY 1, 2''', None, BAR),
    ("pr22", PR, "scrap cost vs units rejected per operator",
     '''SELECT Operator, SUM("Units Rejected") AS rejected, SUM("Scrap Cost (USD)") AS scrap FROM t GROUP BY 1''',
     None, POINT),
    ("pr23", PR, "last month's output by line",
     '''SELECT Line, SUM("Units Produced") AS units FROM t '''
     '''WHERE "Run Start" >= TIMESTAMP '2025-06-01' AND "Run Start" < TIMESTAMP '2025-07-01' GROUP BY 1''',
     None, BAR),
    ("pr24", PR, "only the night shift",
     '''SELECT Line, SUM("Units Produced") AS units FROM t WHERE Shift = 'Night' GROUP BY 1''', "pr01", BAR),
    ("pr25", PR, "by quarter instead",
     '''SELECT date_trunc('quarter', "Run Start") AS quarter, SUM("Scrap Cost (USD)") AS scrap FROM t GROUP BY 1''',
     "pr05", LINE),
    ("pr26", PR, "and the best?",
     '''SELECT Line, 100.0 * SUM("Units Rejected") / SUM("Units Produced") AS pct_rejected FROM t GROUP BY 1 '''
     '''ORDER BY 2 ASC LIMIT 1''', "pr03", ONE),
    ("pr27", PR, "energy cost per unit by line", None, None, NO),
    ("pr28", PR, "which raw material supplier causes the most defects", None, None, NO),
    ("pr29", PR, "what share of day shift runs had a qc hold",
     '''SELECT 100.0 * AVG(CASE WHEN "QC Hold" THEN 1 ELSE 0 END) AS pct_hold FROM t WHERE Shift = 'Day' ''',
     None, KPI),
    ("pr30", PR, "runs by start hour",
     '''SELECT hour("Run Start") AS hour, COUNT(*) AS runs FROM t GROUP BY 1''', None, BAR | {"line"}),
    ("pr31", PR, "total units rejected, housings only",
     '''SELECT SUM("Units Rejected") AS rejected FROM t WHERE "Product Family" = 'Housings' ''', None, KPI),
    ("pr32", PR, "for housings only",
     '''SELECT Line, 100.0 * SUM("Units Rejected") / SUM("Units Produced") AS pct_rejected FROM t '''
     '''WHERE "Product Family" = 'Housings' GROUP BY 1''', "pr02", BAR),

    # ---------------------------------------------------------------- rental_listings
    ("rl01", RL, "avg rent by neighborhood",
     f'''SELECT Neighborhood, AVG({RENT}) AS rent FROM t GROUP BY 1''', None, BAR),
    ("rl02", RL, "median rent by number of bedrooms",
     f'''SELECT Beds, MEDIAN({RENT}) AS rent FROM t GROUP BY 1''', None, BAR),
    # judgment: rent per square foot of a group is its rent over its square feet (a ratio of sums)
    ("rl03", RL, "rent per sq ft by neighborhood",
     f'''SELECT Neighborhood, SUM({RENT}) / SUM("Sq Ft") AS rent_per_sqft FROM t GROUP BY 1''', None, BAR),
    ("rl04", RL, "priciest area per square foot",
     f'''SELECT Neighborhood, SUM({RENT}) / SUM("Sq Ft") AS rent_per_sqft FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1''',
     None, ONE),
    # judgment: days on market run from Listed to Leased, for the leased listings, by the month listed
    ("rl05", RL, "avg days on market by month listed",
     f'''SELECT date_trunc('month', Listed) AS month, AVG({DOM}) AS days_on_market FROM t WHERE Status = 'Leased' '''
     '''GROUP BY 1''', None, LINE),
    ("rl06", RL, "how many listings are still available",
     '''SELECT COUNT(*) AS listings FROM t WHERE Status = 'Available' ''', None, KPI),
    ("rl07", RL, "new listings per month",
     '''SELECT date_trunc('month', Listed) AS month, COUNT(*) AS listings FROM t GROUP BY 1''', None, LINE),
    ("rl08", RL, "cheapest neighborhood on average",
     f'''SELECT Neighborhood, AVG({RENT}) AS rent FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1''', None, ONE),
    ("rl09", RL, "pct of listings that allow pets, by type",
     '''SELECT Type, 100.0 * AVG(CASE WHEN "Pets OK" THEN 1 ELSE 0 END) AS pct_pets FROM t GROUP BY 1''',
     None, BAR),
    ("rl10", RL, "avg rent furnished vs unfurnished studios",
     f'''SELECT Furnished, AVG({RENT}) AS rent FROM t WHERE Type = 'Studio' GROUP BY 1''', None, BAR),
    ("rl11", RL, "how many 2 bed apartments in riverside",
     '''SELECT COUNT(*) AS listings FROM t WHERE Beds = 2 AND Type = 'Apartment' AND Neighborhood = 'Riverside' ''',
     None, KPI),
    ("rl12", RL, "days on market distribution",
     f'''SELECT MEDIAN({DOM}) AS days_on_market FROM t WHERE Status = 'Leased' ''', None, DIST),
    ("rl13", RL, "leased units by agent",
     '''SELECT Agent, COUNT(*) AS listings FROM t WHERE Status = 'Leased' GROUP BY 1''', None, BAR),
    ("rl14", RL, "which agent leases their listings the fastest",
     f'''SELECT Agent, AVG({DOM}) AS days_on_market FROM t WHERE Status = 'Leased' GROUP BY 1 ORDER BY 2 ASC LIMIT 1''',
     None, ONE),
    ("rl15", RL, "3 neighborhoods that get the most page views",
     '''SELECT Neighborhood, SUM("Page Views") AS views FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3''', None, BAR),
    # judgment: applications per listing counts every listing, still available and withdrawn ones included
    ("rl16", RL, "applications per listing by neighborhood",
     '''SELECT Neighborhood, SUM(Applications) / COUNT(*) AS applications_per_listing FROM t GROUP BY 1''',
     None, BAR),
    ("rl17", RL, "page views vs applications by neighborhood, as a scatter",
     '''SELECT Neighborhood, SUM("Page Views") AS views, SUM(Applications) AS applications FROM t GROUP BY 1''',
     None, POINT),
    ("rl18", RL, "highest rent on any listing",
     f'''SELECT MAX({RENT}) AS rent FROM t''', None, KPI | {"table"}),
    ("rl19", RL, "total monthly rent of everything we leased",
     f'''SELECT SUM({RENT}) AS rent FROM t WHERE Status = 'Leased' ''', None, KPI),
    ("rl20", RL, "listings by property type as a pie",
     '''SELECT Type, COUNT(*) AS share_listings FROM t GROUP BY 1''', None, PIE),
    ("rl21", RL, "avg sqft per type",
     '''SELECT Type, AVG("Sq Ft") AS sqft FROM t GROUP BY 1''', None, BAR),
    ("rl22", RL, "leases signed last quarter by neighborhood",
     '''SELECT Neighborhood, COUNT(*) AS listings FROM t WHERE Status = 'Leased' '''
     '''AND Leased BETWEEN DATE '2025-04-01' AND DATE '2025-06-30' GROUP BY 1''', None, BAR),
    # judgment: "over time" is by the month listed
    ("rl23", RL, "average rent over time",
     f'''SELECT date_trunc('month', Listed) AS month, AVG({RENT}) AS rent FROM t GROUP BY 1''', None, LINE),
    ("rl24", RL, "avg rent by neighborhood and property type",
     f'''SELECT Neighborhood, Type, AVG({RENT}) AS rent FROM t GROUP BY 1, 2''', None, BAR | {"heatmap"}),
    ("rl25", RL, "only pet friendly ones",
     f'''SELECT Neighborhood, AVG({RENT}) AS rent FROM t WHERE "Pets OK" GROUP BY 1''', "rl01", BAR),
    ("rl26", RL, "by quarter instead",
     '''SELECT date_trunc('quarter', Listed) AS quarter, COUNT(*) AS listings FROM t GROUP BY 1''', "rl07", LINE),
    ("rl27", RL, "and the most expensive?",
     f'''SELECT Neighborhood, AVG({RENT}) AS rent FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1''', "rl08", ONE),
    ("rl28", RL, "avg tenant credit score by neighborhood", None, None, NO),
    ("rl29", RL, "which landlord owns the most units", None, None, NO),
    ("rl30", RL, "avg days to lease with parking vs without",
     f'''SELECT Parking, AVG({DOM}) AS days_on_market FROM t WHERE Status = 'Leased' GROUP BY 1''', None, BAR),
    ("rl31", RL, "how many listings have 2 or more baths",
     '''SELECT COUNT(*) AS listings FROM t WHERE Baths >= 2''', None, KPI),
    ("rl32", RL, "avg rnet for condos in old town",
     f'''SELECT AVG({RENT}) AS rent FROM t WHERE Type = 'Condo' AND Neighborhood = 'Old Town' ''', None, KPI),
    # judgment: a lease belongs to 2025 by its Leased date
    ("rl33", RL, "just 2025",
     '''SELECT Agent, COUNT(*) AS listings FROM t WHERE Status = 'Leased' AND Leased >= DATE '2025-01-01' GROUP BY 1''',
     "rl13", BAR),
]

_IDS = {
    "time series": "ic02 ic13 ic14 ic24 ic31 bk01 bk09 bk20 bk24 bk26 bk31 bk32 ja01 ja24 ja26 pr04 pr05 pr17 "
                   "pr20 pr25 rl05 rl07 rl23 rl26",
    "quarter or week grain": "ic24 bk24 bk31 ja24 pr20 pr25 rl26",
    "weekday or hour": "ic25 bk02 bk11 bk19 bk25 bk30 ja22 pr11 pr30",
    "kpi": "ic03 ic10 ic11 ic15 ic17 ic18 ic32 bk07 bk10 bk13 bk14 bk15 bk18 bk19 ja06 ja07 ja08 ja15 ja16 ja18 "
           "pr07 pr15 pr18 pr29 pr31 rl06 rl11 rl18 rl19 rl31 rl32",
    "kpi with a condition": "ic03 ic10 ic15 ic32 bk07 bk10 bk13 bk18 bk19 ja06 ja07 ja08 ja15 ja16 pr07 pr15 pr29 "
                            "pr31 rl06 rl11 rl19 rl31 rl32",
    "top-N with 'top'": "bk29 ja19",
    "top/bottom-N without 'top'": "ic06 ic07 ic26 bk04 bk05 bk22 bk23 bk30 ja04 ja12 ja27 ja32 pr03 pr12 pr13 pr26 "
                                  "rl04 rl08 rl14 rl15 rl27",
    "share or percentage": "ic04 ic09 ic16 ic34 bk06 bk19 ja03 ja07 ja18 pr02 pr06 pr29 rl09 rl20",
    "pie asked for": "ic09 bk06 pr06 rl20",
    "two measures": "ic20 bk17 ja30 ja31 pr22 rl17",
    "split by colour": "ic14 bk11 bk32 ja13 ja26 pr21 rl24",
    "median/max/min wording": "ic17 ic18 bk14 bk15 ja09 pr18 rl02 rl18",
    "condition in words or values": "ic03 ic10 ic13 ic15 ic22 ic26 ic30 ic32 ic34 bk07 bk10 bk13 bk16 bk18 bk19 "
                                    "bk20 bk21 bk25 bk26 bk30 ja06 ja08 ja11 ja14 ja15 ja17 ja20 ja25 pr04 pr09 "
                                    "pr15 pr20 pr24 pr29 pr31 pr32 rl06 rl10 rl11 rl19 rl22 rl25 rl31 rl32 rl33",
    "relative period": "ic23 ic32 bk10 ja16 ja17 pr23 rl22",
    "distribution": "ic19 bk16 ja21 pr19 rl12",
    "scatter": "ic20 bk17 ja31 pr22 rl17",
    "typo": "ic33 bk13 bk21 ja16 pr13 rl32",
    "abbreviation or paraphrase": "ic08 ic10 ic11 ic15 ic16 ic17 ic18 ic33 bk07 bk09 bk12 bk18 ja04 ja05 ja11 ja14 "
                                  "ja15 ja18 pr06 pr10 pr12 pr16 pr23 rl04 rl13 rl19 rl21 rl30",
    "derived measure": "ic04 ic05 ic06 ic07 ic11 ic12 ic21 ic32 bk03 bk12 bk14 bk15 bk16 bk22 bk23 ja03 ja04 ja05 "
                       "ja07 ja18 ja20 pr02 pr03 pr04 pr09 pr10 pr13 pr14 pr17 pr26 pr32 rl03 rl04 rl05 rl12 rl14 "
                       "rl16 rl30",
}
CATEGORIES: dict[str, frozenset[str]] = {name: frozenset(ids.split()) for name, ids in _IDS.items()}
