"""The fifth fresh evaluation set: questions about the five CSVs of make_data.py, with gold answers.

Written blind (see README.md): without reading the planner or the questions of any other set (the own
suite, business, practice, fresh, fresh2, fresh3, fresh4). Each entry is
``(id, dataset, question, expected_sql, prev_id_or_None, chart_types)``: the gold SQL runs over the raw
CSV as the DuckDB view ``t`` (``read_csv_auto``); ``prev_id`` names the question a follow-up builds on;
``chart_types`` are the chart types a careful analyst would accept (``{"unanswerable"}`` with
``expected_sql`` None: the data cannot answer it).

Conventions of the gold tables (the business set's and the earlier fresh sets', scored by blindset.py):
- a column named ``pct_…`` is a percentage (0–100) and may come as a fraction;
- a column named ``share_…`` holds the amounts of a part-to-whole question and may come as the amounts
  or as shares of their total;
- a distribution question's gold is the median (one per group for a boxplot);
- TRUE/FALSE and Yes/No columns (``trade_in``, ``Reconciled``, ``would_recommend``) compare equal to
  booleans; the Y/N columns (``Cancelled``, ``Tenant Caused``, ``verified_purchase``) are compared as written;
- time buckets are ``date_trunc`` of the date; weekdays are day names; hours are 0–23;
- a ratio for a group (on-time rate, load factor, margin, recommend rate) is a ratio of sums (a mean of
  0/1 flags), not the mean of per-row ratios;
- "last month" and "last quarter" are the month and quarter of the data's latest date (flights, bank and
  reviews: December and Q4 2024; cars: June and Q2 2025; work orders: March and Q1 2025); "this year" is
  the latest date's year.
Choices a careful analyst could have made otherwise are marked ``# judgment:``.
"""
from __future__ import annotations

# flight_delays.csv: delays and Pax are blank on cancelled flights
FD = '"Flight Date"'
DEP = '"Dep Delay (min)"'
ARR = '"Arr Delay (min)"'
# judgment: on time is an arrival less than 15 minutes late (the DOT rule), over the flights that flew
ON_TIME = f"100.0 * avg(CASE WHEN {ARR} < 15 THEN 1 ELSE 0 END)"
FLOWN = "Cancelled = 'N'"
# car_sales.csv
PROFIT = "(sale_price - dealer_cost)"
DISCOUNT = "(list_price - sale_price)"
# work_orders.csv: "Completed" is blank while a work order is open; durations are exact (fractional)
HOURS = "((epoch(Completed) - epoch(Opened)) / 3600.0)"
DAYS = "((epoch(Completed) - epoch(Opened)) / 86400.0)"
PARTS = '"Parts $"'
LABOR = '"Labor Hrs"'
# bank_transactions.csv: "Amount" is negative for money out.
# judgment: spending, costs and payments are reported as positive amounts (the negated sum of money out)
SPEND = "-sum(Amount)"
OUT = "Amount < 0"
PD = '"Posting Date"'

LINE = {"line", "bar", "area"}
BAR = {"bar"}
KPI = {"kpi"}
ONE = {"bar", "table"}  # a single winner: a one-bar chart or a one-row table
PIE = {"arc", "bar"}
ARC = {"arc"}  # a pie asked for by name
DIST = {"histogram", "boxplot"}
BOX = {"boxplot"}
SCATTER = {"point"}
SPLIT = {"bar", "heatmap"}  # two categories: grouped/stacked bars or a heatmap
TWO = {"bar", "table"}  # two measures per category
TWO_T = {"line", "bar", "area", "table"}  # two measures over time
WEEK = {"bar", "line"}  # weekday or hour of day
NO = {"unanswerable"}

FL = "flight_delays"
CAR = "car_sales"
WO = "work_orders"
BK = "bank_transactions"
RV = "product_reviews"

QUESTIONS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ------------------------------------------------------------------------------------- flight delays
    ("fl01", FL, "how many flights were cancelled",
     "SELECT count(*) AS cancelled FROM t WHERE Cancelled = 'Y'", None, KPI),
    ("fl02", FL, "average departure delay by airline",
     f"SELECT Carrier, avg({DEP}) AS avg_dep_delay FROM t WHERE {FLOWN} GROUP BY 1", None, BAR),
    ("fl03", FL, "which carrier has the worst on-time rate",
     f"SELECT Carrier, {ON_TIME} AS pct_on_time FROM t WHERE {FLOWN} GROUP BY 1 ORDER BY 2 LIMIT 1", None, ONE),
    ("fl04", FL, "flights per month",
     f"SELECT date_trunc('month', {FD}) AS month, count(*) AS flights FROM t GROUP BY 1", None, LINE),
    ("fl05", FL, "only jetway",
     f"SELECT date_trunc('month', {FD}) AS month, count(*) AS flights FROM t WHERE Carrier = 'Jetway' GROUP BY 1",
     "fl04", LINE),
    ("fl06", FL, "avg arr delay by month",
     f"SELECT date_trunc('month', {FD}) AS month, avg({ARR}) AS avg_arr_delay FROM t WHERE {FLOWN} GROUP BY 1",
     None, LINE),
    ("fl07", FL, "cancellation rate by destination",
     "SELECT Dest, 100.0 * avg(CASE WHEN Cancelled = 'Y' THEN 1 ELSE 0 END) AS pct_cancelled FROM t GROUP BY 1",
     None, BAR),
    ("fl08", FL, "top 3 destinations by number of flights",
     "SELECT Dest, count(*) AS flights FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("fl09", FL, "and the bottom 3?",
     "SELECT Dest, count(*) AS flights FROM t GROUP BY 1 ORDER BY 2 LIMIT 3", "fl08", BAR),
    ("fl10", FL, "how many passengers did we fly in december",
     f"SELECT sum(Pax) AS passengers FROM t WHERE month({FD}) = 12", None, KPI),
    ("fl11", FL, "total pax last quarter",
     f"SELECT sum(Pax) AS passengers FROM t WHERE {FD} >= DATE '2024-10-01'", None, KPI),
    # judgment: the load factor is passengers over the seats of the flights that flew
    ("fl12", FL, "load factor by airline",
     f"SELECT Carrier, 100.0 * sum(Pax) / sum(Seats) AS pct_load_factor FROM t WHERE {FLOWN} GROUP BY 1",
     None, BAR),
    ("fl13", FL, "average departure delay by hour of the scheduled departure",
     f"SELECT hour(\"Sched Dep\") AS hour, avg({DEP}) AS avg_dep_delay FROM t WHERE {FLOWN} GROUP BY 1",
     None, WEEK),
    ("fl14", FL, "avg departure delay by day of week",
     f"SELECT dayname({FD}) AS weekday, avg({DEP}) AS avg_dep_delay FROM t WHERE {FLOWN} GROUP BY 1", None, WEEK),
    ("fl15", FL, "distribution of arrival delays",
     f"SELECT median({ARR}) AS median_arr_delay FROM t WHERE {FLOWN}", None, DIST),
    ("fl16", FL, "boxplot of dep delay per carrier",
     f"SELECT Carrier, median({DEP}) AS median_dep_delay FROM t WHERE {FLOWN} GROUP BY 1", None, BOX),
    ("fl17", FL, "what was the longest departure delay",
     f"SELECT max({DEP}) AS longest_dep_delay FROM t", None, KPI),
    ("fl18", FL, "number of flights by airline and destination",
     "SELECT Carrier, Dest, count(*) AS flights FROM t GROUP BY 1, 2", None, SPLIT),
    ("fl19", FL, "share of flights by carrier as a pie chart",
     "SELECT Carrier, count(*) AS share_flights FROM t GROUP BY 1", None, ARC),
    ("fl20", FL, "whats the % of flights that arrived on time",
     f"SELECT {ON_TIME} AS pct_on_time FROM t WHERE {FLOWN}", None, KPI),
    ("fl21", FL, "on-time % by month",
     f"SELECT date_trunc('month', {FD}) AS month, {ON_TIME} AS pct_on_time FROM t WHERE {FLOWN} GROUP BY 1",
     None, LINE),
    ("fl22", FL, "by quarter instead",
     f"SELECT date_trunc('quarter', {FD}) AS quarter, {ON_TIME} AS pct_on_time FROM t WHERE {FLOWN} GROUP BY 1",
     "fl21", LINE),
    # judgment: both sums as asked, over every row (seats of cancelled flights included; their Pax is blank)
    ("fl23", FL, "total pax and total seats by destination",
     "SELECT Dest, sum(Pax) AS pax, sum(Seats) AS seats FROM t GROUP BY 1", None, TWO),
    # judgment: a cancelled flight flew no miles
    ("fl24", FL, "total miles flown by each airline",
     f"SELECT Carrier, sum(\"Distance (mi)\") AS miles FROM t WHERE {FLOWN} GROUP BY 1", None, BAR),
    ("fl25", FL, "cancellations per week in january",
     f"SELECT date_trunc('week', {FD}) AS week, count(*) AS cancelled FROM t "
     f"WHERE Cancelled = 'Y' AND month({FD}) = 1 GROUP BY 1", None, LINE),
    ("fl26", FL, "5 flight numbers with the biggest average arrival delay",
     f"SELECT \"Flight #\", avg({ARR}) AS avg_arr_delay FROM t WHERE {FLOWN} GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
     None, BAR),
    ("fl27", FL, "plot distance against average arrival delay for each destination",
     f"SELECT Dest, avg(\"Distance (mi)\") AS distance, avg({ARR}) AS avg_arr_delay FROM t WHERE {FLOWN} GROUP BY 1",
     None, SCATTER),
    ("fl28", FL, "which pilot had the most delays", None, None, NO),
    ("fl29", FL, "average ticket price by airline", None, None, NO),
    # judgment: "delayed" is the departure delay
    ("fl30", FL, "how many flights to LAX were delayed more than 30 min",
     f"SELECT count(*) AS flights FROM t WHERE Dest = 'LAX' AND {DEP} > 30", None, KPI),
    ("fl31", FL, "average departure delay over the last 3 months by airline",
     f"SELECT Carrier, avg({DEP}) AS avg_dep_delay FROM t WHERE {FD} >= DATE '2024-10-01' AND {FLOWN} GROUP BY 1",
     None, BAR),
    ("fl32", FL, "median instead",
     f"SELECT Carrier, median({DEP}) AS median_dep_delay FROM t WHERE {FLOWN} GROUP BY 1", "fl02", BAR),
    ("fl33", FL, "avrage arival delay for united",
     f"SELECT avg({ARR}) AS avg_arr_delay FROM t WHERE Carrier = 'United'", None, KPI),
    ("fl34", FL, "only united",
     f"SELECT hour(\"Sched Dep\") AS hour, avg({DEP}) AS avg_dep_delay FROM t WHERE {FLOWN} AND Carrier = 'United' "
     "GROUP BY 1", "fl13", WEEK),
    # --------------------------------------------------------------------------------------------- car sales
    ("ca01", CAR, "how many cars did we sell", "SELECT count(*) AS cars FROM t", None, KPI),
    # judgment: revenue is the sale price
    ("ca02", CAR, "total revenue by month",
     "SELECT date_trunc('month', sale_date) AS month, sum(sale_price) AS revenue FROM t GROUP BY 1", None, LINE),
    ("ca03", CAR, "gross profit by salesperson",
     f"SELECT salesperson, sum({PROFIT}) AS gross_profit FROM t GROUP BY 1", None, BAR),
    ("ca04", CAR, "top 3 only",
     f"SELECT salesperson, sum({PROFIT}) AS gross_profit FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", "ca03", BAR),
    ("ca05", CAR, "avg discount off sticker per salesperson",
     f"SELECT salesperson, avg({DISCOUNT}) AS avg_discount FROM t GROUP BY 1", None, BAR),
    ("ca06", CAR, "which salesperson discounts the most",
     f"SELECT salesperson, avg({DISCOUNT}) AS avg_discount FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ca07", CAR, "margin % for new vs used vs certified",
     f"SELECT condition, 100.0 * sum({PROFIT}) / sum(sale_price) AS pct_margin FROM t GROUP BY 1", None, BAR),
    ("ca08", CAR, "cars sold by make", "SELECT make, count(*) AS cars FROM t GROUP BY 1", None, BAR),
    ("ca09", CAR, "as a pie", "SELECT make, count(*) AS share_cars FROM t GROUP BY 1", "ca08", ARC),
    ("ca10", CAR, "top 5 models by units sold",
     "SELECT model, count(*) AS units FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("ca11", CAR, "share of deals by financing type",
     "SELECT financing, count(*) AS share_deals FROM t GROUP BY 1", None, PIE),
    ("ca12", CAR, "pie chart of lead source",
     "SELECT lead_source, count(*) AS share_deals FROM t GROUP BY 1", None, ARC),
    ("ca13", CAR, "what % of buyers traded in a car",
     "SELECT 100.0 * avg(CASE WHEN trade_in THEN 1 ELSE 0 END) AS pct_trade_in FROM t", None, KPI),
    ("ca14", CAR, "avg trade-in value",
     "SELECT avg(trade_in_value) AS avg_trade_in_value FROM t WHERE trade_in", None, KPI),
    ("ca15", CAR, "average days on lot for used cars",
     "SELECT avg(days_on_lot) AS avg_days_on_lot FROM t WHERE condition = 'Used'", None, KPI),
    ("ca16", CAR, "and for new ones?",
     "SELECT avg(days_on_lot) AS avg_days_on_lot FROM t WHERE condition = 'New'", "ca15", KPI),
    ("ca17", CAR, "deals per quarter",
     "SELECT date_trunc('quarter', sale_date) AS quarter, count(*) AS deals FROM t GROUP BY 1", None, LINE),
    ("ca18", CAR, "number of sales by weekday",
     "SELECT dayname(sale_date) AS weekday, count(*) AS sales FROM t GROUP BY 1", None, WEEK),
    ("ca19", CAR, "revenue last quarter",
     "SELECT sum(sale_price) AS revenue FROM t WHERE sale_date >= DATE '2025-04-01'", None, KPI),
    ("ca20", CAR, "how many cars did trent sell last month",
     "SELECT count(*) AS cars FROM t WHERE salesperson = 'Trent Bowers' AND sale_date >= DATE '2025-06-01'",
     None, KPI),
    ("ca21", CAR, "units sold by make split by condition",
     "SELECT make, condition, count(*) AS units FROM t GROUP BY 1, 2", None, SPLIT),
    ("ca22", CAR, "median sale price by condition",
     "SELECT condition, median(sale_price) AS median_sale_price FROM t GROUP BY 1", None, BAR),
    ("ca23", CAR, "distribution of sale prices", "SELECT median(sale_price) AS median_sale_price FROM t", None, DIST),
    ("ca24", CAR, "avg mileage vs avg sale price by model for used cars",
     "SELECT model, avg(mileage) AS avg_mileage, avg(sale_price) AS avg_sale_price FROM t "
     "WHERE condition = 'Used' GROUP BY 1", None, SCATTER),
    ("ca25", CAR, "which lead source brings in the most profit",
     f"SELECT lead_source, sum({PROFIT}) AS gross_profit FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("ca26", CAR, "revenue and profit by make",
     f"SELECT make, sum(sale_price) AS revenue, sum({PROFIT}) AS gross_profit FROM t GROUP BY 1", None, TWO),
    ("ca27", CAR, "how many f150s sold each month",
     "SELECT date_trunc('month', sale_date) AS month, count(*) AS units FROM t WHERE model = 'F-150' GROUP BY 1",
     None, LINE),
    ("ca28", CAR, "customer satisfaction score by salesperson", None, None, NO),
    ("ca29", CAR, "how many test drives did we do last month", None, None, NO),
    ("ca30", CAR, "avg profit per car by model",
     f"SELECT model, avg({PROFIT}) AS avg_profit FROM t GROUP BY 1", None, BAR),
    ("ca31", CAR, "biggest single deal", "SELECT max(sale_price) AS biggest_deal FROM t", None, KPI),
    ("ca32", CAR, "totl gross proft in 2024",
     f"SELECT sum({PROFIT}) AS gross_profit FROM t WHERE year(sale_date) = 2024", None, KPI),
    ("ca33", CAR, "just used cars",
     "SELECT date_trunc('month', sale_date) AS month, sum(sale_price) AS revenue FROM t WHERE condition = 'Used' "
     "GROUP BY 1", "ca02", LINE),
    ("ca34", CAR, "by make instead",
     "SELECT make, median(sale_price) AS median_sale_price FROM t GROUP BY 1", "ca22", BAR),
    # ------------------------------------------------------------------------------------------ work orders
    ("wo01", WO, "how many work orders are still open",
     "SELECT count(*) AS open_work_orders FROM t WHERE Completed IS NULL", None, KPI),
    ("wo02", WO, "work orders by category", "SELECT Category, count(*) AS work_orders FROM t GROUP BY 1", None, BAR),
    ("wo03", WO, "tickets per month",
     "SELECT date_trunc('month', Opened) AS month, count(*) AS work_orders FROM t GROUP BY 1", None, LINE),
    ("wo04", WO, "hvac only",
     "SELECT date_trunc('month', Opened) AS month, count(*) AS work_orders FROM t WHERE Category = 'HVAC' "
     "GROUP BY 1", "wo03", LINE),
    # judgment: days to complete are exact (fractional) days from Opened to Completed, over completed orders
    ("wo05", WO, "avg days to complete a work order by tech",
     f"SELECT Tech, avg({DAYS}) AS avg_days FROM t WHERE Completed IS NOT NULL GROUP BY 1", None, BAR),
    ("wo06", WO, "which tech is the slowest to close jobs",
     f"SELECT Tech, avg({DAYS}) AS avg_days FROM t WHERE Completed IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("wo07", WO, "plumbing calls by property",
     "SELECT Property, count(*) AS work_orders FROM t WHERE Category = 'Plumbing' GROUP BY 1", None, BAR),
    ("wo08", WO, "and for electrical?",
     "SELECT Property, count(*) AS work_orders FROM t WHERE Category = 'Electrical' GROUP BY 1", "wo07", BAR),
    ("wo09", WO, "total parts cost by property",
     f"SELECT Property, sum({PARTS}) AS parts_cost FROM t GROUP BY 1", None, BAR),
    ("wo10", WO, "parts spend last quarter",
     f"SELECT sum({PARTS}) AS parts_cost FROM t WHERE Opened >= TIMESTAMP '2025-01-01'", None, KPI),
    ("wo11", WO, "emergency work orders per month",
     "SELECT date_trunc('month', Opened) AS month, count(*) AS work_orders FROM t WHERE Priority = 'Emergency' "
     "GROUP BY 1", None, LINE),
    ("wo12", WO, "average survey score by technician",
     "SELECT Tech, avg(\"Survey Score\") AS avg_score FROM t GROUP BY 1", None, BAR),
    ("wo13", WO, "what share of work orders were tenant caused",
     "SELECT 100.0 * avg(CASE WHEN \"Tenant Caused\" = 'Y' THEN 1 ELSE 0 END) AS pct_tenant_caused FROM t",
     None, KPI),
    ("wo14", WO, "category breakdown as a pie",
     "SELECT Category, count(*) AS share_work_orders FROM t GROUP BY 1", None, ARC),
    ("wo15", WO, "labor hours by category and priority",
     f"SELECT Category, Priority, sum({LABOR}) AS labor_hours FROM t GROUP BY 1, 2", None, SPLIT),
    ("wo16", WO, "median hours to close an emergency",
     f"SELECT median({HOURS}) AS median_hours FROM t WHERE Priority = 'Emergency' AND Completed IS NOT NULL",
     None, KPI),
    ("wo17", WO, "distribution of labor hrs", f"SELECT median({LABOR}) AS median_labor_hours FROM t", None, DIST),
    ("wo18", WO, "work orders opened by weekday",
     "SELECT dayname(Opened) AS weekday, count(*) AS work_orders FROM t GROUP BY 1", None, WEEK),
    ("wo19", WO, "requests by hour of day",
     "SELECT hour(Opened) AS hour, count(*) AS work_orders FROM t GROUP BY 1", None, WEEK),
    ("wo20", WO, "top 3 properties by number of work orders",
     "SELECT Property, count(*) AS work_orders FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("wo21", WO, "bottom 3 instead",
     "SELECT Property, count(*) AS work_orders FROM t GROUP BY 1 ORDER BY 2 LIMIT 3", "wo20", BAR),
    ("wo22", WO, "weekly work orders in the last quarter",
     "SELECT date_trunc('week', Opened) AS week, count(*) AS work_orders FROM t "
     "WHERE Opened >= TIMESTAMP '2025-01-01' GROUP BY 1", None, LINE),
    ("wo23", WO, "avg parts cost per work order by category",
     f"SELECT Category, avg({PARTS}) AS avg_parts_cost FROM t GROUP BY 1", None, BAR),
    ("wo24", WO, "labor hours and parts cost by tech",
     f"SELECT Tech, sum({LABOR}) AS labor_hours, sum({PARTS}) AS parts_cost FROM t GROUP BY 1", None, TWO),
    ("wo25", WO, "how many emergency jobs at harbor view",
     "SELECT count(*) AS work_orders FROM t WHERE Priority = 'Emergency' AND Property = 'Harbor View'", None, KPI),
    ("wo26", WO, "no. of work orders completed last month",
     "SELECT count(*) AS work_orders FROM t WHERE Completed >= TIMESTAMP '2025-03-01'", None, KPI),
    ("wo27", WO, "what's the monthly rent of each unit", None, None, NO),
    ("wo28", WO, "how many jobs went to outside contractors", None, None, NO),
    ("wo29", WO, "plot avg labor hrs against avg parts $ for each category",
     f"SELECT Category, avg({LABOR}) AS avg_labor_hours, avg({PARTS}) AS avg_parts_cost FROM t GROUP BY 1",
     None, SCATTER),
    # judgment: the backlog is the work orders not completed
    ("wo30", WO, "backlog by property",
     "SELECT Property, count(*) AS open_work_orders FROM t WHERE Completed IS NULL GROUP BY 1", None, BAR),
    ("wo31", WO, "avg survy score for gary",
     "SELECT avg(\"Survey Score\") AS avg_score FROM t WHERE Tech = 'Gary Pruitt'", None, KPI),
    ("wo32", WO, "median instead",
     f"SELECT Tech, median({DAYS}) AS median_days FROM t WHERE Completed IS NOT NULL GROUP BY 1", "wo05", BAR),
    ("wo33", WO, "% of HVAC work orders that were emergencies",
     "SELECT 100.0 * avg(CASE WHEN Priority = 'Emergency' THEN 1 ELSE 0 END) AS pct_emergency FROM t "
     "WHERE Category = 'HVAC'", None, KPI),
    # ----------------------------------------------------------------------------------------- bank account
    ("bk01", BK, "how much money came in this year",
     "SELECT sum(Amount) AS money_in FROM t WHERE Amount > 0", None, KPI),
    ("bk02", BK, "spending by category",
     f"SELECT Category, {SPEND} AS spend FROM t WHERE {OUT} GROUP BY 1", None, BAR),
    ("bk03", BK, "top 5", f"SELECT Category, {SPEND} AS spend FROM t WHERE {OUT} GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
     "bk02", BAR),
    ("bk04", BK, "net cash flow by month",
     f"SELECT date_trunc('month', {PD}) AS month, sum(Amount) AS net_cash_flow FROM t GROUP BY 1", None, LINE),
    ("bk05", BK, "monthly card sales",
     f"SELECT date_trunc('month', {PD}) AS month, sum(Amount) AS card_sales FROM t WHERE Category = 'Card Sales' "
     "GROUP BY 1", None, LINE),
    ("bk06", BK, "by week instead",
     f"SELECT date_trunc('week', {PD}) AS week, sum(Amount) AS card_sales FROM t WHERE Category = 'Card Sales' "
     "GROUP BY 1", "bk05", LINE),
    ("bk07", BK, "how much did we pay golden mill in total",
     f"SELECT {SPEND} AS paid FROM t WHERE Merchant = 'Golden Mill Flour Co'", None, KPI),
    ("bk08", BK, "golden mill flour spend per month",
     f"SELECT date_trunc('month', {PD}) AS month, {SPEND} AS spend FROM t WHERE Merchant = 'Golden Mill Flour Co' "
     "GROUP BY 1", None, LINE),
    ("bk09", BK, "what did we spend on ingredients last quarter",
     f"SELECT {SPEND} AS spend FROM t WHERE Category = 'Ingredients' AND {PD} >= DATE '2024-10-01'", None, KPI),
    ("bk10", BK, "share of spending by account",
     f"SELECT Account, {SPEND} AS share_spend FROM t WHERE {OUT} GROUP BY 1", None, PIE),
    ("bk11", BK, "how many transactions aren't reconciled yet",
     "SELECT count(*) AS transactions FROM t WHERE NOT Reconciled", None, KPI),
    ("bk12", BK, "what was the largest payment we made in december",
     f"SELECT max(-Amount) AS largest_payment FROM t WHERE {OUT} AND month({PD}) = 12", None, KPI),
    ("bk13", BK, "avg card sales by day of the week",
     f"SELECT dayname({PD}) AS weekday, avg(Amount) AS avg_card_sales FROM t WHERE Category = 'Card Sales' "
     "GROUP BY 1", None, WEEK),
    ("bk14", BK, "median instead",
     f"SELECT dayname({PD}) AS weekday, median(Amount) AS median_card_sales FROM t WHERE Category = 'Card Sales' "
     "GROUP BY 1", "bk13", WEEK),
    ("bk15", BK, "amex spend by merchant",
     f"SELECT Merchant, {SPEND} AS spend FROM t WHERE Account = 'Amex Business Card' AND {OUT} GROUP BY 1",
     None, BAR),
    ("bk16", BK, "number of transactions by type", "SELECT Type, count(*) AS transactions FROM t GROUP BY 1",
     None, BAR),
    ("bk17", BK, "pie chart of expenses by category",
     f"SELECT Category, {SPEND} AS share_spend FROM t WHERE {OUT} GROUP BY 1", None, ARC),
    ("bk18", BK, "income vs expenses by month",
     f"SELECT date_trunc('month', {PD}) AS month, sum(CASE WHEN Amount > 0 THEN Amount ELSE 0 END) AS income, "
     f"-sum(CASE WHEN {OUT} THEN Amount ELSE 0 END) AS expenses FROM t GROUP BY 1", None, TWO_T),
    # judgment: a signed average, as the column is written (money out averages negative)
    ("bk19", BK, "average transaction amount by category",
     "SELECT Category, avg(Amount) AS avg_amount FROM t GROUP BY 1", None, BAR),
    ("bk20", BK, "payroll as a % of card sales",
     "SELECT 100.0 * -sum(CASE WHEN Category = 'Payroll' THEN Amount ELSE 0 END) "
     "/ sum(CASE WHEN Category = 'Card Sales' THEN Amount ELSE 0 END) AS pct_payroll FROM t", None, KPI),
    ("bk21", BK, "how much did we spend on utilities each quarter",
     f"SELECT date_trunc('quarter', {PD}) AS quarter, {SPEND} AS spend FROM t WHERE Category = 'Utilities' "
     "GROUP BY 1", None, LINE),
    ("bk22", BK, "3 merchants we spend the most with",
     f"SELECT Merchant, {SPEND} AS spend FROM t WHERE {OUT} GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("bk23", BK, "only on the amex card",
     f"SELECT Merchant, {SPEND} AS spend FROM t WHERE {OUT} AND Account = 'Amex Business Card' GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 3", "bk22", BAR),
    ("bk24", BK, "distribution of card sales deposits",
     "SELECT median(Amount) AS median_deposit FROM t WHERE Category = 'Card Sales'", None, DIST),
    ("bk25", BK, "median check amount",
     "SELECT median(-Amount) AS median_check FROM t WHERE Type = 'Check'", None, KPI),
    ("bk26", BK, "what's our account balance at the end of the year", None, None, NO),
    ("bk27", BK, "which customers spent the most with us", None, None, NO),
    ("bk28", BK, "catering income by month",
     f"SELECT date_trunc('month', {PD}) AS month, sum(Amount) AS catering FROM t WHERE Category = 'Catering' "
     "GROUP BY 1", None, LINE),
    ("bk29", BK, "total bank fees this year",
     f"SELECT {SPEND} AS bank_fees FROM t WHERE Category = 'Bank Fees'", None, KPI),
    ("bk30", BK, "totl spend on suplies", f"SELECT {SPEND} AS spend FROM t WHERE Category = 'Supplies'", None, KPI),
    ("bk31", BK, "spend by category split by account",
     f"SELECT Category, Account, {SPEND} AS spend FROM t WHERE {OUT} GROUP BY 1, 2", None, SPLIT),
    ("bk32", BK, "avg payroll run",
     "SELECT avg(-Amount) AS avg_payroll FROM t WHERE Category = 'Payroll'", None, KPI),
    ("bk33", BK, "how many days did we make over 3k in card sales",
     "SELECT count(*) AS days FROM t WHERE Category = 'Card Sales' AND Amount > 3000", None, KPI),
    # -------------------------------------------------------------------------------------- product reviews
    ("rv01", RV, "avg rating by product",
     "SELECT product_name, avg(star_rating) AS avg_rating FROM t GROUP BY 1", None, BAR),
    ("rv02", RV, "worst 3", "SELECT product_name, avg(star_rating) AS avg_rating FROM t GROUP BY 1 ORDER BY 2 LIMIT 3",
     "rv01", BAR),
    ("rv03", RV, "how many reviews per month",
     "SELECT date_trunc('month', review_date) AS month, count(*) AS reviews FROM t GROUP BY 1", None, LINE),
    ("rv04", RV, "avg star rating of the airpure 300 by month",
     "SELECT date_trunc('month', review_date) AS month, avg(star_rating) AS avg_rating FROM t "
     "WHERE product_name = 'AirPure 300' GROUP BY 1", None, LINE),
    ("rv05", RV, "by quarter instead",
     "SELECT date_trunc('quarter', review_date) AS quarter, avg(star_rating) AS avg_rating FROM t "
     "WHERE product_name = 'AirPure 300' GROUP BY 1", "rv04", LINE),
    ("rv06", RV, "% of reviewers who would recommend",
     "SELECT 100.0 * avg(CASE WHEN would_recommend THEN 1 ELSE 0 END) AS pct_recommend FROM t", None, KPI),
    ("rv07", RV, "recommend rate by product category",
     "SELECT product_category, 100.0 * avg(CASE WHEN would_recommend THEN 1 ELSE 0 END) AS pct_recommend FROM t "
     "GROUP BY 1", None, BAR),
    ("rv08", RV, "by brand instead",
     "SELECT brand, 100.0 * avg(CASE WHEN would_recommend THEN 1 ELSE 0 END) AS pct_recommend FROM t GROUP BY 1",
     "rv07", BAR),
    ("rv09", RV, "verified vs unverified average rating",
     "SELECT verified_purchase, avg(star_rating) AS avg_rating FROM t GROUP BY 1", None, BAR),
    ("rv10", RV, "count of 1-star reviews by product",
     "SELECT product_name, count(*) AS reviews FROM t WHERE star_rating = 1 GROUP BY 1", None, BAR),
    ("rv11", RV, "how many reviews for each star rating",
     "SELECT star_rating, count(*) AS reviews FROM t GROUP BY 1", None, BAR),
    ("rv12", RV, "distribution of review length",
     "SELECT median(review_words) AS median_words FROM t", None, DIST),
    ("rv13", RV, "which brand has the best average rating",
     "SELECT brand, avg(star_rating) AS avg_rating FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("rv14", RV, "top 5 products by number of reviews",
     "SELECT product_name, count(*) AS reviews FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("rv15", RV, "reviews by country", "SELECT reviewer_country, count(*) AS reviews FROM t GROUP BY 1", None, BAR),
    ("rv16", RV, "just the ones that wouldn't recommend",
     "SELECT reviewer_country, count(*) AS reviews FROM t WHERE NOT would_recommend GROUP BY 1", "rv15", BAR),
    ("rv17", RV, "average rating by country split by verified purchase",
     "SELECT reviewer_country, verified_purchase, avg(star_rating) AS avg_rating FROM t GROUP BY 1, 2",
     None, SPLIT),
    ("rv18", RV, "pie of reviews by category",
     "SELECT product_category, count(*) AS share_reviews FROM t GROUP BY 1", None, ARC),
    ("rv19", RV, "how many reviews did we get last month",
     "SELECT count(*) AS reviews FROM t WHERE review_date >= DATE '2024-12-01'", None, KPI),
    ("rv20", RV, "avg rating for air purifiers last quarter",
     "SELECT avg(star_rating) AS avg_rating FROM t WHERE product_category = 'Air Purifiers' "
     "AND review_date >= DATE '2024-10-01'", None, KPI),
    ("rv21", RV, "most helpful votes on a single review",
     "SELECT max(helpful_votes) AS most_helpful_votes FROM t", None, KPI),
    ("rv22", RV, "plot avg review words against avg helpful votes per product",
     "SELECT product_name, avg(review_words) AS avg_words, avg(helpful_votes) AS avg_votes FROM t GROUP BY 1",
     None, SCATTER),
    ("rv23", RV, "avg price paid and avg rating by product",
     "SELECT product_name, avg(price_paid) AS avg_price_paid, avg(star_rating) AS avg_rating FROM t GROUP BY 1",
     None, TWO),
    ("rv24", RV, "reviews per weekday", "SELECT dayname(review_date) AS weekday, count(*) AS reviews FROM t GROUP BY 1",
     None, WEEK),
    ("rv25", RV, "median price paid by category",
     "SELECT product_category, median(price_paid) AS median_price_paid FROM t GROUP BY 1", None, BAR),
    ("rv26", RV, "total helpful votes by brand", "SELECT brand, sum(helpful_votes) AS votes FROM t GROUP BY 1",
     None, BAR),
    ("rv27", RV, "what do customers complain about most", None, None, NO),
    ("rv28", RV, "return rate by product", None, None, NO),
    ("rv29", RV, "avrage stars for brewmaster pro",
     "SELECT avg(star_rating) AS avg_rating FROM t WHERE product_name = 'BrewMaster Pro'", None, KPI),
    ("rv30", RV, "how many unverified reviews gave 5 stars",
     "SELECT count(*) AS reviews FROM t WHERE verified_purchase = 'N' AND star_rating = 5", None, KPI),
    ("rv31", RV, "share of 5 star reviews per month in 2024",
     "SELECT date_trunc('month', review_date) AS month, "
     "100.0 * avg(CASE WHEN star_rating = 5 THEN 1 ELSE 0 END) AS pct_five_star FROM t "
     "WHERE year(review_date) = 2024 GROUP BY 1", None, LINE),
    ("rv32", RV, "weekly review count in december 2024",
     "SELECT date_trunc('week', review_date) AS week, count(*) AS reviews FROM t "
     "WHERE review_date >= DATE '2024-12-01' GROUP BY 1", None, LINE),
    ("rv33", RV, "avg rating of reviews longer than 100 words",
     "SELECT avg(star_rating) AS avg_rating FROM t WHERE review_words > 100", None, KPI),
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
    "fl01": "kpi kc cond", "fl02": "abbr", "fl03": "notop der share", "fl04": "ts", "fl05": "ts cond",
    "fl06": "ts abbr", "fl07": "der share", "fl08": "top", "fl09": "notop", "fl10": "kpi kc cond",
    "fl11": "kpi rel abbr", "fl12": "der share abbr", "fl13": "wh", "fl14": "wh abbr", "fl15": "dist",
    "fl16": "dist abbr", "fl17": "kpi mmm", "fl18": "split", "fl19": "share pie", "fl20": "kpi der share cond typo",
    "fl21": "ts der share", "fl22": "qw ts der", "fl23": "two abbr", "fl24": "der abbr", "fl25": "qw ts cond",
    "fl26": "notop", "fl27": "sc", "fl30": "kpi kc cond", "fl31": "rel cond", "fl32": "mmm",
    "fl33": "kpi kc typo cond", "fl34": "wh cond",
    "ca01": "kpi", "ca02": "ts", "ca03": "der", "ca04": "top der", "ca05": "der abbr", "ca06": "notop der",
    "ca07": "der share", "ca08": "abbr", "ca09": "pie share", "ca10": "top", "ca11": "share", "ca12": "pie share",
    "ca13": "kpi share cond", "ca14": "kpi abbr", "ca15": "kpi kc cond", "ca16": "kpi kc cond", "ca17": "qw ts abbr",
    "ca18": "wh", "ca19": "kpi rel", "ca20": "kpi kc rel cond", "ca21": "split", "ca22": "mmm", "ca23": "dist",
    "ca24": "sc cond", "ca25": "notop der", "ca26": "two der", "ca27": "ts cond abbr typo", "ca30": "der abbr",
    "ca31": "kpi mmm abbr", "ca32": "kpi kc der typo", "ca33": "ts cond", "ca34": "mmm",
    "wo01": "kpi kc cond", "wo02": "", "wo03": "ts abbr", "wo04": "ts cond", "wo05": "der abbr",
    "wo06": "notop der abbr", "wo07": "cond abbr", "wo08": "cond", "wo09": "abbr", "wo10": "kpi rel abbr",
    "wo11": "ts cond", "wo12": "abbr", "wo13": "kpi share cond", "wo14": "pie share", "wo15": "split",
    "wo16": "kpi kc mmm der cond", "wo17": "dist abbr", "wo18": "wh", "wo19": "wh abbr", "wo20": "top",
    "wo21": "notop", "wo22": "qw ts rel", "wo23": "", "wo24": "two", "wo25": "kpi kc cond abbr",
    "wo26": "kpi kc rel cond abbr", "wo29": "sc abbr", "wo30": "cond abbr", "wo31": "kpi kc typo cond",
    "wo32": "mmm der", "wo33": "kpi kc share cond",
    "bk01": "kpi rel abbr", "bk02": "abbr", "bk03": "top", "bk04": "ts der", "bk05": "ts cond", "bk06": "qw ts",
    "bk07": "kpi kc cond abbr", "bk08": "ts cond", "bk09": "kpi kc rel cond", "bk10": "share", "bk11": "kpi kc cond",
    "bk12": "kpi kc mmm cond", "bk13": "wh cond", "bk14": "wh mmm", "bk15": "cond abbr", "bk16": "",
    "bk17": "pie share abbr", "bk18": "ts two der", "bk19": "", "bk20": "kpi der share cond",
    "bk21": "qw ts cond", "bk22": "notop abbr", "bk23": "notop cond", "bk24": "dist cond",
    "bk25": "kpi mmm cond", "bk28": "ts cond", "bk29": "kpi kc rel cond", "bk30": "kpi kc typo cond",
    "bk31": "split", "bk32": "kpi kc abbr cond", "bk33": "kpi kc cond abbr",
    "rv01": "abbr", "rv02": "notop", "rv03": "ts", "rv04": "ts cond", "rv05": "qw ts", "rv06": "kpi share",
    "rv07": "der share", "rv08": "der share", "rv09": "cond", "rv10": "cond", "rv11": "", "rv12": "dist abbr",
    "rv13": "notop", "rv14": "top", "rv15": "", "rv16": "cond", "rv17": "split", "rv18": "pie share",
    "rv19": "kpi rel", "rv20": "kpi kc rel cond", "rv21": "kpi mmm", "rv22": "sc", "rv23": "two",
    "rv24": "wh", "rv25": "mmm", "rv26": "", "rv29": "kpi kc typo cond", "rv30": "kpi kc cond",
    "rv31": "ts der share", "rv32": "qw ts cond", "rv33": "kpi kc cond",
}

CATEGORIES: dict[str, frozenset[str]] = {
    name: frozenset(qid for qid, tags in _TAGS.items() if code in tags.split()) for code, name in _NAMES.items()
}
