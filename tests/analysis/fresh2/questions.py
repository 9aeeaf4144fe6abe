"""The second fresh evaluation set: questions about the five CSVs of make_data.py, with gold answers.

Written blind (see README.md): without reading the planner, the own suite's, the business set's, the
practice sets' or the first fresh set's questions. Each entry is
``(id, dataset, question, expected_sql, prev_id_or_None, chart_types)``: the gold SQL runs over the raw
CSV as the DuckDB view ``t`` (``read_csv_auto``); ``prev_id`` names the question a follow-up builds on;
``chart_types`` are the chart types a careful analyst would accept (``{"unanswerable"}`` with
``expected_sql`` None: the data cannot answer it).

Conventions of the gold tables (the business set's and the first fresh set's, scored by blindset.py):
- a column named ``pct_…`` is a percentage (0–100) and may come as a fraction;
- a column named ``share_…`` holds the amounts of a part-to-whole question and may come as the amounts
  or as shares of their total;
- a distribution question's gold is the median (one per group for a boxplot);
- Yes/No, TRUE/FALSE columns compare equal to booleans;
- time buckets are ``date_trunc`` of the date; weekdays are day names; hours are 0–23;
- a ratio of sums (clicks over impressions, spend over conversions) is the derived measure of a group,
  not the mean of per-row ratios;
- "last month", "last quarter", "last 3 months" and "days since" are anchored to the data's latest date.
Choices a careful analyst could have made otherwise are marked ``# judgment:``.
"""
from __future__ import annotations

# Column expressions for the text-typed measures of invoices.csv
AMT = "CAST(REPLACE(REPLACE(Amount, '$', ''), ',', '') AS DOUBLE)"
DISC = "CAST(REPLACE(Discount, '%', '') AS DOUBLE)"
DAYS_TO_PAY = "(\"Paid Date\" - \"Invoice Date\")"

LINE = {"line", "bar", "area"}
BAR = {"bar"}
KPI = {"kpi"}
ONE = {"bar", "table"}  # a single winner: a one-bar chart or a one-row table
PIE = {"arc", "bar"}
DIST = {"histogram", "boxplot"}
NO = {"unanswerable"}

AD = "ad_campaigns"
INV = "inventory"
CALL = "call_center"
CLIN = "clinic_appointments"
AR = "invoices"

QUESTIONS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---------------------------------------------------------------- ad_campaigns
    ("ad01", AD, "total ad spend by channel",
     "SELECT channel, SUM(spend_usd) AS spend FROM t GROUP BY 1", None, BAR),
    ("ad02", AD, "as a pie",
     "SELECT channel, SUM(spend_usd) AS share_spend FROM t GROUP BY 1", "ad01", {"arc"}),
    ("ad03", AD, "spend per month",
     "SELECT date_trunc('month', date) AS month, SUM(spend_usd) AS spend FROM t GROUP BY 1", None, LINE),
    ("ad04", AD, "clicks and impressions by month",
     "SELECT date_trunc('month', date) AS month, SUM(clicks) AS clicks, SUM(impressions) AS impressions "
     "FROM t GROUP BY 1", None, LINE),
    ("ad05", AD, "ctr by channel",
     "SELECT channel, 100.0 * SUM(clicks) / SUM(impressions) AS pct_ctr FROM t GROUP BY 1", None, BAR),
    ("ad06", AD, "cost per conversion for each campaign",
     "SELECT campaign, SUM(spend_usd) / SUM(conversions) AS cost_per_conversion FROM t GROUP BY 1", None, BAR),
    ("ad07", AD, "which campaign drove the most conversions",
     "SELECT campaign, SUM(conversions) AS conversions FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    # judgment: ROAS = conversion value over spend; Brand Awareness has no tracked value and is left out
    ("ad08", AD, "3 campaigns with the best roas",
     "SELECT campaign, SUM(conv_value_usd) / SUM(spend_usd) AS roas FROM t WHERE conv_value_usd IS NOT NULL "
     "GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("ad09", AD, "how much did we spend on linkedin",
     "SELECT SUM(spend_usd) AS spend FROM t WHERE channel = 'LinkedIn'", None, KPI),
    ("ad10", AD, "conversions last quarter",
     "SELECT SUM(conversions) AS conversions FROM t WHERE date >= DATE '2024-10-01'", None, KPI),
    ("ad11", AD, "daily spend for the holiday push campaign",
     "SELECT date, SUM(spend_usd) AS spend FROM t WHERE campaign = 'Holiday Push' GROUP BY 1", None, LINE),
    ("ad12", AD, "spend by channel and month",
     "SELECT date_trunc('month', date) AS month, channel, SUM(spend_usd) AS spend FROM t GROUP BY 1, 2",
     None, LINE),
    # judgment: "retargeting" is the is_retargeting flag (the cart campaign and the newsletter), not only the
    # campaign named "Retargeting - Cart"
    ("ad13", AD, "what % of conversions came from retargeting",
     "SELECT 100.0 * SUM(conversions) FILTER (WHERE is_retargeting) / SUM(conversions) AS pct_retargeting "
     "FROM t", None, KPI),
    # judgment: one TikTok campaign runs at a time, so a row is a day
    ("ad14", AD, "avg daily spend on tiktok",
     "SELECT AVG(spend_usd) AS spend FROM t WHERE channel = 'TikTok'", None, KPI),
    ("ad15", AD, "linkedin impressions by day of week",
     "SELECT dayname(date) AS weekday, SUM(impressions) AS impressions FROM t WHERE channel = 'LinkedIn' "
     "GROUP BY 1", None, BAR),
    ("ad16", AD, "median daily clicks for always-on search",
     "SELECT MEDIAN(clicks) AS clicks FROM t WHERE campaign = 'Always-On Search'", None, KPI),
    ("ad17", AD, "distribution of daily spend by channel",
     "SELECT channel, MEDIAN(spend_usd) AS spend FROM t GROUP BY 1", None, {"boxplot"}),
    ("ad18", AD, "spend vs conversions for each campaign",
     "SELECT campaign, SUM(spend_usd) AS spend, SUM(conversions) AS conversions FROM t GROUP BY 1",
     None, {"point"}),
    ("ad19", AD, "best month for conversions",
     "SELECT date_trunc('month', date) AS month, SUM(conversions) AS conversions FROM t GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 1", None, {"bar", "line", "table"}),
    # judgment: "revenue" of ads is the conversion value; TikTok has none tracked and is left out
    ("ad20", AD, "revenue from ads per chanel",
     "SELECT channel, SUM(conv_value_usd) AS revenue FROM t WHERE conv_value_usd IS NOT NULL GROUP BY 1",
     None, BAR),
    ("ad21", AD, "only us",
     "SELECT channel, SUM(conv_value_usd) AS revenue FROM t WHERE conv_value_usd IS NOT NULL AND region = 'US' "
     "GROUP BY 1", "ad20", BAR),
    ("ad22", AD, "how many days did the newsletter go out",
     "SELECT COUNT(*) AS days FROM t WHERE campaign = 'Newsletter'", None, KPI),
    # judgment: weeks start on Monday (date_trunc)
    ("ad23", AD, "weekly conversions for spring sale",
     "SELECT date_trunc('week', date) AS week, SUM(conversions) AS conversions FROM t "
     "WHERE campaign = 'Spring Sale' GROUP BY 1", None, LINE),
    ("ad24", AD, "conversion rate by channel",
     "SELECT channel, 100.0 * SUM(conversions) / SUM(clicks) AS pct_conversion_rate FROM t GROUP BY 1",
     None, BAR),
    ("ad25", AD, "total spend last month",
     "SELECT SUM(spend_usd) AS spend FROM t WHERE date >= DATE '2024-12-01'", None, KPI),
    ("ad26", AD, "which channels cost us more than 100k",
     "SELECT channel, SUM(spend_usd) AS spend FROM t GROUP BY 1 HAVING SUM(spend_usd) > 100000", None, ONE),
    ("ad27", AD, "which age group has the best ctr", None, None, NO),
    ("ad28", AD, "monthly ctr trend for meta",
     "SELECT date_trunc('month', date) AS month, 100.0 * SUM(clicks) / SUM(impressions) AS pct_ctr FROM t "
     "WHERE channel = 'Meta' GROUP BY 1", None, LINE),
    ("ad29", AD, "by quarter instead",
     "SELECT date_trunc('quarter', date) AS quarter, SUM(spend_usd) AS spend FROM t GROUP BY 1", "ad03", LINE),
    ("ad30", AD, "and the fewest?",
     "SELECT campaign, SUM(conversions) AS conversions FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", "ad07", ONE),
    # judgment: CPC = spend over clicks of the channel (ratio of sums)
    ("ad31", AD, "avg cpc on google",
     "SELECT SUM(spend_usd) / SUM(clicks) AS cpc FROM t WHERE channel = 'Google Ads'", None, KPI),
    ("ad32", AD, "spend in canada vs the uk",
     "SELECT region, SUM(spend_usd) AS spend FROM t WHERE region IN ('Canada', 'UK') GROUP BY 1", None, BAR),
    ("ad33", AD, "just google ads and meta",
     "SELECT date_trunc('month', date) AS month, channel, SUM(spend_usd) AS spend FROM t "
     "WHERE channel IN ('Google Ads', 'Meta') GROUP BY 1, 2", "ad12", LINE),
    ("ad34", AD, "bounce rate on the landing pages by campaign", None, None, NO),

    # ---------------------------------------------------------------- inventory (SKU × warehouse, 31 Mar 2025)
    # judgment: "skus" and "products" count distinct SKUs, "items" count SKU × warehouse rows
    ("inv01", INV, "how many skus do we carry",
     "SELECT COUNT(DISTINCT SKU) AS skus FROM t", None, KPI),
    ("inv02", INV, "how much stock does each warehouse have",
     "SELECT Warehouse, SUM(OnHand) AS on_hand FROM t GROUP BY 1", None, BAR),
    ("inv03", INV, "inventory value by category",
     "SELECT Category, SUM(OnHand * UnitCost) AS value FROM t GROUP BY 1", None, BAR),
    # judgment: below = strictly under the reorder level
    ("inv04", INV, "how many items are below reorder level",
     "SELECT COUNT(*) AS items FROM t WHERE OnHand < ReorderLevel", None, KPI),
    ("inv05", INV, "by warehouse",
     "SELECT Warehouse, COUNT(*) AS items FROM t WHERE OnHand < ReorderLevel GROUP BY 1", "inv04", BAR),
    ("inv06", INV, "which supplier has the longest lead time",
     "SELECT Supplier, AVG(LeadTimeDays) AS lead_time FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("inv07", INV, "avg lead time per supplier",
     "SELECT Supplier, AVG(LeadTimeDays) AS lead_time FROM t GROUP BY 1", None, BAR),
    ("inv08", INV, "how many items are out of stock in phoenix",
     "SELECT COUNT(*) AS items FROM t WHERE OnHand = 0 AND Warehouse = 'Phoenix'", None, KPI),
    ("inv09", INV, "units sold last 90 days by category",
     "SELECT Category, SUM(UnitsSold90d) AS units FROM t GROUP BY 1", None, BAR),
    ("inv10", INV, "5 best selling products",
     "SELECT ProductName, SUM(UnitsSold90d) AS units FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("inv11", INV, "share of stock value by warehouse",
     "SELECT Warehouse, SUM(OnHand * UnitCost) AS share_value FROM t GROUP BY 1", None, PIE),
    ("inv12", INV, "how many discontinued skus still have stock",
     "SELECT COUNT(DISTINCT SKU) AS skus FROM t WHERE Discontinued AND OnHand > 0", None, KPI),
    ("inv13", INV, "average unit cost by categroy",
     "SELECT Category, AVG(UnitCost) AS unit_cost FROM t GROUP BY 1", None, BAR),
    ("inv14", INV, "most expensive item",
     "SELECT ProductName, MAX(UnitCost) AS unit_cost FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("inv15", INV, "distribution of lead times",
     "SELECT MEDIAN(LeadTimeDays) AS lead_time FROM t", None, DIST),
    ("inv16", INV, "plot units sold against stock on hand for each supplier",
     "SELECT Supplier, SUM(OnHand) AS on_hand, SUM(UnitsSold90d) AS units FROM t GROUP BY 1", None, {"point"}),
    ("inv17", INV, "number of items last received each month",
     "SELECT date_trunc('month', LastReceived) AS month, COUNT(*) AS items FROM t "
     "WHERE LastReceived IS NOT NULL GROUP BY 1", None, LINE),
    ("inv18", INV, "how many products in each category",
     "SELECT Category, COUNT(DISTINCT SKU) AS products FROM t GROUP BY 1", None, BAR),
    ("inv19", INV, "which warehouse has the most skus under the reorder point",
     "SELECT Warehouse, COUNT(*) AS items FROM t WHERE OnHand < ReorderLevel GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("inv20", INV, "total qty on hand for tools in dallas",
     "SELECT SUM(OnHand) AS on_hand FROM t WHERE Category = 'Tools' AND Warehouse = 'Dallas'", None, KPI),
    # judgment: days since = the snapshot's latest receipt date minus the item's; never-received items left out
    ("inv21", INV, "avg days since last delivery by supplier",
     "SELECT Supplier, AVG((SELECT MAX(LastReceived) FROM t) - LastReceived) AS days FROM t "
     "WHERE LastReceived IS NOT NULL GROUP BY 1", None, BAR),
    ("inv22", INV, "stock value of discontinued items",
     "SELECT SUM(OnHand * UnitCost) AS value FROM t WHERE Discontinued", None, KPI),
    ("inv23", INV, "reorder level vs on hand by warehouse",
     "SELECT Warehouse, SUM(ReorderLevel) AS reorder_level, SUM(OnHand) AS on_hand FROM t GROUP BY 1",
     None, BAR),
    ("inv24", INV, "how many units do we need to order to get everything back up to its reorder level",
     "SELECT SUM(ReorderLevel - OnHand) AS units FROM t WHERE OnHand < ReorderLevel", None, KPI),
    ("inv25", INV, "categories where the avg lead time is over 2 weeks",
     "SELECT Category, AVG(LeadTimeDays) AS lead_time FROM t GROUP BY 1 HAVING AVG(LeadTimeDays) > 14",
     None, ONE),
    ("inv26", INV, "stock by warehouse broken down by category",
     "SELECT Warehouse, Category, SUM(OnHand) AS on_hand FROM t GROUP BY 1, 2", None, {"bar", "heatmap"}),
    ("inv27", INV, "what's our gross margin by category", None, None, NO),
    ("inv28", INV, "how many units were returned last month", None, None, NO),
    ("inv29", INV, "as a pie",
     "SELECT Category, SUM(OnHand * UnitCost) AS share_value FROM t GROUP BY 1", "inv03", {"arc"}),
    ("inv30", INV, "only in denver",
     "SELECT ProductName, SUM(UnitsSold90d) AS units FROM t WHERE Warehouse = 'Denver' GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 5", "inv10", BAR),
    ("inv31", INV, "average per item instead",
     "SELECT Warehouse, AVG(OnHand) AS on_hand FROM t GROUP BY 1", "inv02", BAR),
    ("inv32", INV, "cheapest supplier on avg unit cost",
     "SELECT Supplier, AVG(UnitCost) AS unit_cost FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1", None, ONE),

    # ---------------------------------------------------------------- call_center (Jan–Jun 2025)
    ("call01", CALL, "calls per day of week",
     "SELECT dayname(\"Start Time\") AS weekday, COUNT(*) AS calls FROM t GROUP BY 1", None, BAR),
    ("call02", CALL, "how many calls were abandoned",
     "SELECT COUNT(*) AS calls FROM t WHERE Abandoned = 1", None, KPI),
    ("call03", CALL, "abandon rate by queue",
     "SELECT Queue, 100.0 * AVG(Abandoned) AS pct_abandoned FROM t GROUP BY 1", None, BAR),
    ("call04", CALL, "avg wait time by hour",
     "SELECT hour(\"Start Time\") AS hour, AVG(\"Wait (sec)\") AS wait FROM t GROUP BY 1", None,
     {"bar", "line"}),
    # judgment: handle time is the talk time (there is no wrap-up column); abandoned calls have none
    ("call05", CALL, "average handle time per agent",
     "SELECT Agent, AVG(\"Talk Time (min)\") AS talk FROM t WHERE Agent IS NOT NULL GROUP BY 1", None, BAR),
    ("call06", CALL, "which agent has the best csat",
     "SELECT Agent, AVG(CSAT) AS csat FROM t WHERE Agent IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("call07", CALL, "and the worst?",
     "SELECT Agent, AVG(CSAT) AS csat FROM t WHERE Agent IS NOT NULL GROUP BY 1 ORDER BY 2 ASC LIMIT 1",
     "call06", ONE),
    ("call08", CALL, "call volume per month",
     "SELECT date_trunc('month', \"Start Time\") AS month, COUNT(*) AS calls FROM t GROUP BY 1", None, LINE),
    ("call09", CALL, "split by queue",
     "SELECT date_trunc('month', \"Start Time\") AS month, Queue, COUNT(*) AS calls FROM t GROUP BY 1, 2",
     "call08", LINE),
    ("call10", CALL, "median wait in seconds for tech support",
     "SELECT MEDIAN(\"Wait (sec)\") AS wait FROM t WHERE Queue = 'Tech Support'", None, KPI),
    ("call11", CALL, "longest time anyone waited",
     "SELECT MAX(\"Wait (sec)\") AS wait FROM t", None, KPI),
    # judgment: resolution rate over answered calls (Resolved is blank for abandoned ones)
    ("call12", CALL, "first call resolution rate",
     "SELECT 100.0 * AVG(CASE WHEN Resolved THEN 1 ELSE 0 END) AS pct_resolved FROM t WHERE Resolved IS NOT NULL",
     None, KPI),
    ("call13", CALL, "by queue",
     "SELECT Queue, 100.0 * AVG(CASE WHEN Resolved THEN 1 ELSE 0 END) AS pct_resolved FROM t "
     "WHERE Resolved IS NOT NULL GROUP BY 1", "call12", BAR),
    ("call14", CALL, "how many calls did marcus take",
     "SELECT COUNT(*) AS calls FROM t WHERE Agent = 'Marcus'", None, KPI),
    ("call15", CALL, "distribution of wait times",
     "SELECT MEDIAN(\"Wait (sec)\") AS wait FROM t", None, DIST),
    ("call16", CALL, "how many calls got each csat score",
     "SELECT CSAT, COUNT(*) AS calls FROM t WHERE CSAT IS NOT NULL GROUP BY 1", None, BAR),
    ("call17", CALL, "share of calls from new vs existing callers",
     "SELECT \"Caller Type\", COUNT(*) AS share_calls FROM t GROUP BY 1", None, PIE),
    ("call18", CALL, "how many callbacks were requested last month",
     "SELECT COUNT(*) AS calls FROM t WHERE \"Callback Requested\" AND \"Start Time\" >= TIMESTAMP '2025-06-01'",
     None, KPI),
    ("call19", CALL, "avg wait by weekday",
     "SELECT dayname(\"Start Time\") AS weekday, AVG(\"Wait (sec)\") AS wait FROM t GROUP BY 1", None, BAR),
    ("call20", CALL, "busiest hour of the day",
     "SELECT hour(\"Start Time\") AS hour, COUNT(*) AS calls FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("call21", CALL, "total talk time in hours by agent",
     "SELECT Agent, SUM(\"Talk Time (min)\") / 60 AS hours FROM t WHERE Agent IS NOT NULL GROUP BY 1",
     None, BAR),
    # judgment: weeks start on Monday; the week of 24 Feb holds only 1–2 March
    ("call22", CALL, "abandoned calls each week in march",
     "SELECT date_trunc('week', \"Start Time\") AS week, COUNT(*) AS calls FROM t WHERE Abandoned = 1 "
     "AND \"Start Time\" >= TIMESTAMP '2025-03-01' AND \"Start Time\" < TIMESTAMP '2025-04-01' GROUP BY 1",
     None, LINE),
    ("call23", CALL, "wait vs talk time per agent",
     "SELECT Agent, AVG(\"Wait (sec)\") AS wait, AVG(\"Talk Time (min)\") AS talk FROM t "
     "WHERE Agent IS NOT NULL GROUP BY 1", None, {"point"}),
    ("call24", CALL, "number of calls in the last 3 months",
     "SELECT COUNT(*) AS calls FROM t WHERE \"Start Time\" >= TIMESTAMP '2025-04-01'", None, KPI),
    # judgment: service level = calls answered within 60 s over all calls (abandoned ones count as missed)
    ("call25", CALL, "what percent of calls were answered within 60 seconds",
     "SELECT 100.0 * COUNT(*) FILTER (WHERE Abandoned = 0 AND \"Wait (sec)\" <= 60) / COUNT(*) AS pct_answered "
     "FROM t", None, KPI),
    ("call26", CALL, "avg csat resolved vs not resolved",
     "SELECT Resolved, AVG(CSAT) AS csat FROM t WHERE Resolved IS NOT NULL AND CSAT IS NOT NULL GROUP BY 1",
     None, BAR),
    ("call27", CALL, "calls by queue and caller type",
     "SELECT Queue, \"Caller Type\", COUNT(*) AS calls FROM t GROUP BY 1, 2", None, {"bar", "heatmap"}),
    ("call28", CALL, "which agent sold the most upgrades", None, None, NO),
    ("call29", CALL, "tech suport calls per month",
     "SELECT date_trunc('month', \"Start Time\") AS month, COUNT(*) AS calls FROM t WHERE Queue = 'Tech Support' "
     "GROUP BY 1", None, LINE),
    ("call30", CALL, "top 3 agents by calls handled",
     "SELECT Agent, COUNT(*) AS calls FROM t WHERE Agent IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 3",
     None, BAR),
    ("call31", CALL, "show 5",
     "SELECT Agent, COUNT(*) AS calls FROM t WHERE Agent IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
     "call30", BAR),
    ("call32", CALL, "average cost per call by queue", None, None, NO),

    # ---------------------------------------------------------------- clinic_appointments (Jul 2024 – Jun 2025)
    ("cl01", CLIN, "no-show rate by dept",
     "SELECT Dept, 100.0 * AVG(CASE WHEN \"No Show\" THEN 1 ELSE 0 END) AS pct_no_show FROM t GROUP BY 1",
     None, BAR),
    ("cl02", CLIN, "how many no shows last month",
     "SELECT COUNT(*) AS no_shows FROM t WHERE \"No Show\" AND \"Appt Date\" >= DATE '2025-06-01'", None, KPI),
    ("cl03", CLIN, "appointments per month",
     "SELECT date_trunc('month', \"Appt Date\") AS month, COUNT(*) AS appointments FROM t GROUP BY 1",
     None, LINE),
    ("cl04", CLIN, "only dermatology",
     "SELECT date_trunc('month', \"Appt Date\") AS month, COUNT(*) AS appointments FROM t "
     "WHERE Dept = 'Dermatology' GROUP BY 1", "cl03", LINE),
    ("cl05", CLIN, "avg wait by doctor",
     "SELECT Doctor, AVG(\"Wait Time (min)\") AS wait FROM t GROUP BY 1", None, BAR),
    ("cl06", CLIN, "which department keeps people waiting longest",
     "SELECT Dept, AVG(\"Wait Time (min)\") AS wait FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("cl07", CLIN, "avg days between booking and the appointment by department",
     "SELECT Dept, AVG(\"Appt Date\" - \"Booked On\") AS days FROM t GROUP BY 1", None, BAR),
    # judgment: a no-show pays no copay, so "collected" leaves no-shows out
    ("cl08", CLIN, "copays collected by insurance",
     "SELECT Insurance, SUM(Copay) AS copay FROM t WHERE NOT \"No Show\" GROUP BY 1", None, BAR),
    ("cl09", CLIN, "what share of appointments are telehealth",
     "SELECT 100.0 * AVG(CASE WHEN Telehealth THEN 1 ELSE 0 END) AS pct_telehealth FROM t", None, KPI),
    ("cl10", CLIN, "per department",
     "SELECT Dept, 100.0 * AVG(CASE WHEN Telehealth THEN 1 ELSE 0 END) AS pct_telehealth FROM t GROUP BY 1",
     "cl09", BAR),
    ("cl11", CLIN, "median patient age by insurence",
     "SELECT Insurance, MEDIAN(\"Patient Age\") AS age FROM t GROUP BY 1", None, BAR),
    # judgment: there is no patient id, so ages are per appointment
    ("cl12", CLIN, "age distribution of patients",
     "SELECT MEDIAN(\"Patient Age\") AS age FROM t", None, DIST),
    ("cl13", CLIN, "how many new patient visits did cardiology have",
     "SELECT COUNT(*) AS visits FROM t WHERE Dept = 'Cardiology' AND \"Visit Type\" = 'New Patient'", None, KPI),
    ("cl14", CLIN, "appts by weekday",
     "SELECT dayname(\"Appt Date\") AS weekday, COUNT(*) AS appointments FROM t GROUP BY 1", None, BAR),
    ("cl15", CLIN, "no-shows by insurance type",
     "SELECT Insurance, COUNT(*) AS no_shows FROM t WHERE \"No Show\" GROUP BY 1", None, BAR),
    ("cl16", CLIN, "no show % medicaid vs private",
     "SELECT Insurance, 100.0 * AVG(CASE WHEN \"No Show\" THEN 1 ELSE 0 END) AS pct_no_show FROM t "
     "WHERE Insurance IN ('Medicaid', 'Private') GROUP BY 1", None, BAR),
    ("cl17", CLIN, "busiest department last quarter",
     "SELECT Dept, COUNT(*) AS appointments FROM t WHERE \"Appt Date\" >= DATE '2025-04-01' GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("cl18", CLIN, "monthly no show rate",
     "SELECT date_trunc('month', \"Appt Date\") AS month, "
     "100.0 * AVG(CASE WHEN \"No Show\" THEN 1 ELSE 0 END) AS pct_no_show FROM t GROUP BY 1", None, LINE),
    ("cl19", CLIN, "visits by dept and visit type",
     "SELECT Dept, \"Visit Type\", COUNT(*) AS visits FROM t GROUP BY 1, 2", None, {"bar", "heatmap"}),
    # judgment: appointments of patients under 18 (no patient id to count people)
    ("cl20", CLIN, "number of appointments for patients under 18",
     "SELECT COUNT(*) AS appointments FROM t WHERE \"Patient Age\" < 18", None, KPI),
    ("cl21", CLIN, "avg wait in person vs telehealth",
     "SELECT Telehealth, AVG(\"Wait Time (min)\") AS wait FROM t GROUP BY 1", None, BAR),
    ("cl22", CLIN, "dr nguyen's average wait time",
     "SELECT AVG(\"Wait Time (min)\") AS wait FROM t WHERE Doctor = 'Dr. Nguyen'", None, KPI),
    ("cl23", CLIN, "which 2 doctors see the most appointments",
     "SELECT Doctor, COUNT(*) AS appointments FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 2", None, BAR),
    ("cl24", CLIN, "patient age vs wait time by doctor",
     "SELECT Doctor, AVG(\"Patient Age\") AS age, AVG(\"Wait Time (min)\") AS wait FROM t GROUP BY 1",
     None, {"point"}),
    ("cl25", CLIN, "which diagnosis is most common", None, None, NO),
    ("cl26", CLIN, "appointments booked in january 2025",
     "SELECT COUNT(*) AS appointments FROM t WHERE \"Booked On\" >= DATE '2025-01-01' "
     "AND \"Booked On\" < DATE '2025-02-01'", None, KPI),
    ("cl27", CLIN, "just follow-ups",
     "SELECT Doctor, AVG(\"Wait Time (min)\") AS wait FROM t WHERE \"Visit Type\" = 'Follow-up' GROUP BY 1",
     "cl05", BAR),
    ("cl28", CLIN, "only the no-shows",
     "SELECT dayname(\"Appt Date\") AS weekday, COUNT(*) AS appointments FROM t WHERE \"No Show\" GROUP BY 1",
     "cl14", BAR),
    ("cl29", CLIN, "wait time spread per department",
     "SELECT Dept, MEDIAN(\"Wait Time (min)\") AS wait FROM t GROUP BY 1", None, {"boxplot"}),
    ("cl30", CLIN, "patient satisfaction score by doctor", None, None, NO),
    ("cl31", CLIN, "total copay for orthopedics in q1 2025",
     "SELECT SUM(Copay) AS copay FROM t WHERE Dept = 'Orthopedics' AND \"Appt Date\" >= DATE '2025-01-01' "
     "AND \"Appt Date\" < DATE '2025-04-01'", None, KPI),

    # ---------------------------------------------------------------- invoices (2023–2024, status as of 31 Dec 2024)
    # judgment: billed / invoiced amounts count every invoice, whatever its status
    ("ar01", AR, "total invoiced by month",
     f"SELECT date_trunc('month', \"Invoice Date\") AS month, SUM({AMT}) AS amount FROM t GROUP BY 1", None, LINE),
    ("ar02", AR, "by quarter instead",
     f"SELECT date_trunc('quarter', \"Invoice Date\") AS quarter, SUM({AMT}) AS amount FROM t GROUP BY 1",
     "ar01", LINE),
    ("ar03", AR, "how many invoices are overdue",
     "SELECT COUNT(*) AS invoices FROM t WHERE Status = 'Overdue'", None, KPI),
    # judgment: outstanding = unpaid and not written off (Open + Overdue)
    ("ar04", AR, "outstanding balance",
     f"SELECT SUM({AMT}) AS amount FROM t WHERE Status IN ('Open', 'Overdue')", None, KPI),
    ("ar05", AR, "avg days to pay by customer",
     f"SELECT Customer, AVG({DAYS_TO_PAY}) AS days FROM t WHERE \"Paid Date\" IS NOT NULL GROUP BY 1", None, BAR),
    ("ar06", AR, "and the 3 slowest?",
     f"SELECT Customer, AVG({DAYS_TO_PAY}) AS days FROM t WHERE \"Paid Date\" IS NOT NULL GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 3", "ar05", BAR),
    ("ar07", AR, "revenue by region",
     f"SELECT Region, SUM({AMT}) AS amount FROM t GROUP BY 1", None, BAR),
    # judgment: late = paid after the due date, over the paid invoices
    ("ar08", AR, "% of invoices paid late",
     "SELECT 100.0 * COUNT(*) FILTER (WHERE \"Paid Date\" > \"Due Date\") / COUNT(*) AS pct_late FROM t "
     "WHERE \"Paid Date\" IS NOT NULL", None, KPI),
    ("ar09", AR, "biggest invoice amount",
     f"SELECT MAX({AMT}) AS amount FROM t", None, KPI),
    ("ar10", AR, "top 5 customers by billing",
     f"SELECT Customer, SUM({AMT}) AS amount FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("ar11", AR, "2024 only",
     f"SELECT Customer, SUM({AMT}) AS amount FROM t WHERE \"Invoice Date\" >= DATE '2024-01-01' GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 5", "ar10", BAR),
    ("ar12", AR, "how much was kestrel aviation billed in 2024",
     f"SELECT SUM({AMT}) AS amount FROM t WHERE Customer = 'Kestrel Aviation' "
     "AND \"Invoice Date\" >= DATE '2024-01-01'", None, KPI),
    ("ar13", AR, "pie chart of invoices by payment terms",
     "SELECT Terms, COUNT(*) AS share_invoices FROM t GROUP BY 1", None, {"arc"}),
    ("ar14", AR, "avg invoice amt per sales rep",
     f"SELECT \"Sales Rep\", AVG({AMT}) AS amount FROM t GROUP BY 1", None, BAR),
    ("ar15", AR, "invoice count per rep broken down by region",
     "SELECT \"Sales Rep\", Region, COUNT(*) AS invoices FROM t GROUP BY 1, 2", None, {"bar", "heatmap"}),
    ("ar16", AR, "how many invoices had a discount",
     "SELECT COUNT(*) AS invoices FROM t WHERE Discount <> '0%'", None, KPI),
    # judgment: the mean over all invoices, undiscounted ones counting as 0%
    ("ar17", AR, "average discount %",
     f"SELECT AVG({DISC}) AS pct_discount FROM t", None, KPI),
    ("ar18", AR, "distribution of invoice amounts",
     f"SELECT MEDIAN({AMT}) AS amount FROM t", None, DIST),
    ("ar19", AR, "monthly invoice count for frontier builders",
     "SELECT date_trunc('month', \"Invoice Date\") AS month, COUNT(*) AS invoices FROM t "
     "WHERE Customer = 'Frontier Builders' GROUP BY 1", None, LINE),
    # judgment: written-off invoices are unpaid
    ("ar20", AR, "amount paid vs unpaid",
     f"SELECT \"Paid Date\" IS NOT NULL AS paid, SUM({AMT}) AS amount FROM t GROUP BY 1", None, PIE),
    ("ar21", AR, "invoice total by status",
     f"SELECT Status, SUM({AMT}) AS amount FROM t GROUP BY 1", None, PIE),
    ("ar22", AR, "how much did we write off",
     f"SELECT SUM({AMT}) AS amount FROM t WHERE Status = 'Written Off'", None, KPI),
    ("ar23", AR, "billing last quarter by customer",
     f"SELECT Customer, SUM({AMT}) AS amount FROM t WHERE \"Invoice Date\" >= DATE '2024-10-01' GROUP BY 1",
     None, BAR),
    ("ar24", AR, "which region pays fastest",
     f"SELECT Region, AVG({DAYS_TO_PAY}) AS days FROM t WHERE \"Paid Date\" IS NOT NULL GROUP BY 1 "
     "ORDER BY 2 ASC LIMIT 1", None, ONE),
    # judgment: days overdue counted to the data's last day, 31 December 2024
    ("ar25", AR, "days overdue for each overdue invoice",
     "SELECT \"Invoice #\", DATE '2024-12-31' - \"Due Date\" AS days FROM t WHERE Status = 'Overdue'",
     None, {"bar", "table"}),
    ("ar26", AR, "net 60 vs net 30 avg days to pay",
     f"SELECT Terms, AVG({DAYS_TO_PAY}) AS days FROM t WHERE \"Paid Date\" IS NOT NULL "
     "AND Terms IN ('Net 60', 'Net 30') GROUP BY 1", None, BAR),
    ("ar27", AR, "what's the profit margin per customer", None, None, NO),
    ("ar28", AR, "which product line brings in the most revenue", None, None, NO),
    ("ar29", AR, "invoiced amount by region and year",
     f"SELECT Region, date_trunc('year', \"Invoice Date\") AS year, SUM({AMT}) AS amount FROM t GROUP BY 1, 2", None,
     {"bar", "heatmap", "line"}),
    # judgment: the two Decembers are month buckets
    ("ar30", AR, "december invoicing 2024 vs 2023",
     f"SELECT date_trunc('month', \"Invoice Date\") AS month, SUM({AMT}) AS amount FROM t "
     "WHERE month(\"Invoice Date\") = 12 GROUP BY 1", None, BAR),
    ("ar31", AR, "largest customer in the south by amount",
     f"SELECT Customer, SUM({AMT}) AS amount FROM t WHERE Region = 'South' GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    # judgment: cash collected is keyed by the paid date, not the invoice date
    ("ar32", AR, "cash collected per month",
     f"SELECT date_trunc('month', \"Paid Date\") AS month, SUM({AMT}) AS amount FROM t "
     "WHERE \"Paid Date\" IS NOT NULL GROUP BY 1", None, LINE),
]

_IDS = {
    "time series": "ad03 ad04 ad11 ad12 ad23 ad28 ad29 ad33 inv17 call08 call09 call22 call29 cl03 cl04 cl18 "
                   "ar01 ar02 ar19 ar32",
    "quarter or week grain": "ad23 ad29 call22 ar02",
    "weekday or hour": "ad15 call01 call04 call19 call20 cl14 cl28",
    "kpi": "ad09 ad10 ad13 ad14 ad16 ad22 ad25 ad31 inv01 inv04 inv08 inv12 inv20 inv22 inv24 call02 call10 "
           "call11 call12 call14 call18 call24 call25 cl02 cl09 cl13 cl20 cl22 cl26 cl31 ar03 ar04 ar08 ar09 "
           "ar12 ar16 ar17 ar22",
    "kpi with a condition": "ad09 ad10 ad14 ad16 ad22 ad25 ad31 inv04 inv08 inv12 inv20 inv22 inv24 call02 "
                            "call10 call14 call18 call24 call25 cl02 cl13 cl20 cl22 cl26 cl31 ar03 ar04 ar08 "
                            "ar12 ar16 ar22",
    "top-N with 'top'": "call30 ar10",
    "top/bottom-N without 'top'": "ad07 ad08 ad19 ad30 inv06 inv10 inv14 inv19 inv32 call06 call07 call20 "
                                  "cl06 cl17 cl23 ar06 ar24 ar31",
    "share or percentage": "ad02 ad13 inv11 inv29 call03 call12 call13 call17 call25 cl01 cl09 cl10 cl16 "
                           "cl18 ar08 ar13 ar17",
    "pie asked for": "ad02 inv29 ar13",
    "two measures": "ad04 ad18 inv16 inv23 call23 cl24",
    "split by colour": "ad12 ad33 inv26 call09 call26 call27 cl19 ar15 ar29",
    "median/max/min wording": "ad16 ad30 inv06 inv14 inv32 call07 call10 call11 cl06 cl11 ar06 ar09 ar24",
    "condition in words or values": "ad09 ad11 ad13 ad16 ad21 ad22 ad26 ad28 ad32 ad33 inv04 inv05 inv08 "
                                    "inv12 inv19 inv20 inv22 inv24 inv25 inv30 call02 call10 call14 call18 "
                                    "call25 call29 cl02 cl04 cl13 cl15 cl16 cl20 cl22 cl27 cl28 cl31 ar03 ar04 "
                                    "ar11 ar12 ar16 ar19 ar22 ar25 ar26 ar30 ar31",
    "relative period": "ad10 ad25 call18 call24 cl02 cl17 ar23",
    "distribution": "ad17 inv15 call15 cl12 cl29 ar18",
    "scatter": "ad18 inv16 call23 cl24",
    "typo": "ad20 inv13 call29 cl11",
    "abbreviation or paraphrase": "ad05 ad08 ad14 ad20 ad24 ad31 inv01 inv09 inv20 inv21 inv24 call03 call05 "
                                  "call11 call12 call21 call25 cl01 cl07 cl08 cl14 cl16 cl29 ar04 ar07 ar14 "
                                  "ar22 ar23 ar32",
    "derived measure": "ad05 ad06 ad08 ad24 ad28 ad31 inv03 inv11 inv21 inv22 inv24 call21 call25 cl07 ar05 "
                       "ar06 ar08 ar24 ar25 ar26",
}
CATEGORIES: dict[str, frozenset[str]] = {name: frozenset(ids.split()) for name, ids in _IDS.items()}
