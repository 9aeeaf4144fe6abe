"""The fourth fresh evaluation set: questions about the five CSVs of make_data.py, with gold answers.

Written blind (see README.md): without reading the planner or the questions of any other set (the own
suite, business, practice, fresh, fresh2, fresh3). Each entry is
``(id, dataset, question, expected_sql, prev_id_or_None, chart_types)``: the gold SQL runs over the raw
CSV as the DuckDB view ``t`` (``read_csv_auto``); ``prev_id`` names the question a follow-up builds on;
``chart_types`` are the chart types a careful analyst would accept (``{"unanswerable"}`` with
``expected_sql`` None: the data cannot answer it).

Conventions of the gold tables (the business set's and the earlier fresh sets', scored by blindset.py):
- a column named ``pct_…`` is a percentage (0–100) and may come as a fraction;
- a column named ``share_…`` holds the amounts of a part-to-whole question and may come as the amounts
  or as shares of their total;
- a distribution question's gold is the median (one per group for a boxplot);
- TRUE/FALSE (and Yes/No) columns compare equal to booleans; the Y/N columns (``Receipt``, ``Union``) and the
  1/0 column (``Refunded``) are compared as written;
- time buckets are ``date_trunc`` of the date; weekdays are day names; hours are 0–23;
- a ratio for a group (cost per gallon, open rate, revenue per email) is a ratio of sums, not the mean
  of per-row ratios;
- "last month" and "last quarter" are the month and quarter of the data's latest date (fuel: September
  and Q3 2025; emails: December and Q4 2024; loans: June and Q2 2025; payroll: December and Q4 2024;
  tickets: August 2025, and no "last quarter" is asked of tickets because their data ends mid-quarter).
Choices a careful analyst could have made otherwise are marked ``# judgment:``.
"""
from __future__ import annotations

# fuel_log.csv
COST = '"Total Cost (USD)"'
# ticket_sales.csv: "Order Total" is text like "$1,234.50"
TOT = "CAST(REPLACE(REPLACE(\"Order Total\", '$', ''), ',', '') AS DOUBLE)"
LEAD = "date_diff('day', CAST(\"Order Time\" AS DATE), \"Event Date\")"
# library_loans.csv: the data's latest date is 2025-06-30; "Returned" is blank while a loan is out
END = "DATE '2025-06-30'"
OVERDUE = f"(Returned IS NULL AND \"Due Date\" < {END})"
KEPT = "(Returned - Borrowed)"
# payroll.csv
GROSS = '"Gross Pay"'
OT = '"OT Hours"'

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
WEEK = {"bar", "line"}  # weekday or hour of day
NO = {"unanswerable"}

FUEL = "fuel_log"
TIX = "ticket_sales"
EM = "email_campaigns"
LIB = "library_loans"
PAY = "payroll"

QUESTIONS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ------------------------------------------------------------------------------------------ fuel_log
    ("f01", FUEL, "total fuel spend by depot",
     f"SELECT Depot, SUM({COST}) AS fuel_spend FROM t GROUP BY 1", None, BAR),
    ("f02", FUEL, "how many gallons did we buy last month",
     "SELECT SUM(Gallons) AS gallons FROM t WHERE \"Fill Date\" >= DATE '2025-09-01'", None, KPI),
    ("f03", FUEL, "fuel cost per month",
     f"SELECT date_trunc('month', \"Fill Date\") AS month, SUM({COST}) AS cost FROM t GROUP BY 1", None, LINE),
    # judgment: "avg price per gallon" is the mean of the Price/Gal column (the column exists)
    ("f04", FUEL, "avg price per gallon by month",
     "SELECT date_trunc('month', \"Fill Date\") AS month, AVG(\"Price/Gal\") AS price FROM t GROUP BY 1", None, LINE),
    ("f05", FUEL, "diesel only",
     "SELECT date_trunc('month', \"Fill Date\") AS month, AVG(\"Price/Gal\") AS price FROM t "
     "WHERE \"Fuel Type\" = 'Diesel' GROUP BY 1", "f04", LINE),
    ("f06", FUEL, "which driver fills up the most often",
     "SELECT Driver, COUNT(*) AS fills FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("f07", FUEL, "how many fill ups had no recipt",
     "SELECT COUNT(*) AS fills FROM t WHERE Receipt = 'N'", None, KPI),
    ("f08", FUEL, "% of fills with a receipt by driver",
     "SELECT Driver, 100.0 * AVG(CASE WHEN Receipt = 'Y' THEN 1 ELSE 0 END) AS pct_receipt FROM t GROUP BY 1",
     None, BAR),
    ("f09", FUEL, "top 5 vehicles by fuel cost",
     f"SELECT Vehicle, SUM({COST}) AS cost FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("f10", FUEL, "3 gas stations we spend the least at",
     f"SELECT Station, SUM({COST}) AS cost FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3", None, BAR),
    ("f11", FUEL, "what share of fuel $ goes to each station",
     f"SELECT Station, SUM({COST}) AS share_cost FROM t GROUP BY 1", None, PIE),
    ("f12", FUEL, "gallons by depot and vehicle type",
     "SELECT Depot, \"Vehicle Type\", SUM(Gallons) AS gallons FROM t GROUP BY 1, 2", None, SPLIT),
    ("f13", FUEL, "avg gallons per fill-up for each type of vehicle",
     "SELECT \"Vehicle Type\", AVG(Gallons) AS gallons FROM t GROUP BY 1", None, BAR),
    ("f14", FUEL, "biggest single fill up in gallons",
     "SELECT MAX(Gallons) AS gallons FROM t", None, KPI),
    ("f15", FUEL, "median cost of a fill",
     f"SELECT MEDIAN({COST}) AS cost FROM t", None, KPI),
    ("f16", FUEL, "distribution of gallns per fill",
     "SELECT MEDIAN(Gallons) AS gallons FROM t", None, DIST),
    ("f17", FUEL, "fuel spend by day of week",
     f"SELECT dayname(\"Fill Date\") AS weekday, SUM({COST}) AS cost FROM t GROUP BY 1", None, WEEK),
    ("f18", FUEL, "scatter of gallons vs spend for each vehicle",
     f"SELECT Vehicle, SUM(Gallons) AS gallons, SUM({COST}) AS cost FROM t GROUP BY 1", None, SCATTER),
    ("f19", FUEL, "how much has derek holt spent on gas",
     f"SELECT SUM({COST}) AS cost FROM t WHERE Driver = 'Derek Holt'", None, KPI),
    ("f20", FUEL, "which 5 drivers have the cheapest fill ups on average",
     f"SELECT Driver, AVG({COST}) AS avg_cost FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 5", None, BAR),
    ("f21", FUEL, "last quarter fuel spend by vehicle type",
     f"SELECT \"Vehicle Type\", SUM({COST}) AS cost FROM t WHERE \"Fill Date\" >= DATE '2025-07-01' GROUP BY 1",
     None, BAR),
    # judgment: cost per gallon of a group is total cost over total gallons
    ("f22", FUEL, "cost per gallon diesel vs regular",
     f"SELECT \"Fuel Type\", SUM({COST}) / SUM(Gallons) AS cost_per_gallon FROM t GROUP BY 1", None, BAR),
    # judgment: miles driven is the odometer's span over the year (last reading minus first)
    ("f23", FUEL, "which 5 vehicles put on the most miles",
     "SELECT Vehicle, MAX(Odometer) - MIN(Odometer) AS miles FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("f24", FUEL, "weekly gallons",
     "SELECT date_trunc('week', \"Fill Date\") AS week, SUM(Gallons) AS gallons FROM t GROUP BY 1", None, LINE),
    ("f25", FUEL, "fuel spend per quarter",
     f"SELECT date_trunc('quarter', \"Fill Date\") AS quarter, SUM({COST}) AS cost FROM t GROUP BY 1", None, LINE),
    ("f26", FUEL, "split by depot",
     f"SELECT date_trunc('quarter', \"Fill Date\") AS quarter, Depot, SUM({COST}) AS cost FROM t GROUP BY 1, 2",
     "f25", LINE),
    ("f27", FUEL, "how many vehicles are in the fleet",
     "SELECT COUNT(DISTINCT Vehicle) AS vehicles FROM t", None, KPI),
    ("f28", FUEL, "how many fill-ups were over 40 gal",
     "SELECT COUNT(*) AS fills FROM t WHERE Gallons > 40", None, KPI),
    ("f29", FUEL, "what % of our fuel spend is diesel",
     f"SELECT 100.0 * SUM(CASE WHEN \"Fuel Type\" = 'Diesel' THEN {COST} ELSE 0 END) / SUM({COST}) AS pct_diesel "
     "FROM t", None, KPI),
    ("f30", FUEL, "maintenance cost per vehicle", None, None, NO),
    ("f31", FUEL, "which drivers had the most speeding alerts", None, None, NO),
    ("f32", FUEL, "and the bottom 5?",
     f"SELECT Vehicle, SUM({COST}) AS cost FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 5", "f09", BAR),
    ("f33", FUEL, "as a pie",
     f"SELECT Depot, SUM({COST}) AS fuel_spend FROM t GROUP BY 1", "f01", ARC),

    # -------------------------------------------------------------------------------------- ticket_sales
    # judgment: revenue and sales are the order totals of every order, refunded or not, unless "net"
    ("t01", TIX, "ticket revenue by event",
     f"SELECT Event, SUM({TOT}) AS revenue FROM t GROUP BY 1", None, BAR),
    # judgment: tickets are the Qty of the orders, not the number of orders
    ("t02", TIX, "how many tickets have we sold in total",
     "SELECT SUM(Qty) AS tickets FROM t", None, KPI),
    ("t03", TIX, "tickets sold per month",
     "SELECT date_trunc('month', \"Order Time\") AS month, SUM(Qty) AS tickets FROM t GROUP BY 1", None, LINE),
    ("t04", TIX, "what time of day do people buy tix",
     "SELECT hour(\"Order Time\") AS hour, COUNT(*) AS orders FROM t GROUP BY 1", None, WEEK),
    ("t05", TIX, "orders by weekday",
     "SELECT dayname(\"Order Time\") AS weekday, COUNT(*) AS orders FROM t GROUP BY 1", None, WEEK),
    ("t06", TIX, "refund rate by sales channel",
     "SELECT \"Sales Channel\", 100.0 * AVG(Refunded) AS pct_refunded FROM t GROUP BY 1", None, BAR),
    ("t07", TIX, "how many orders got refunded",
     "SELECT COUNT(*) AS orders FROM t WHERE Refunded = 1", None, KPI),
    ("t08", TIX, "how much money did we refund",
     f"SELECT SUM({TOT}) AS refunded FROM t WHERE Refunded = 1", None, KPI),
    ("t09", TIX, "net revnue by venue excluding refunds",
     f"SELECT Venue, SUM({TOT}) AS revenue FROM t WHERE Refunded = 0 GROUP BY 1", None, BAR),
    ("t10", TIX, "which 3 events sold the most tickets",
     "SELECT Event, SUM(Qty) AS tickets FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    # judgment: the average ticket price of an event is its revenue over its tickets
    ("t11", TIX, "top 5 events by avg ticket price",
     f"SELECT Event, SUM({TOT}) / SUM(Qty) AS avg_price FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    ("t12", TIX, "share of tickets by tier",
     "SELECT Tier, SUM(Qty) AS share_tickets FROM t GROUP BY 1", None, PIE),
    ("t13", TIX, "vip revenue",
     f"SELECT SUM({TOT}) AS revenue FROM t WHERE Tier = 'VIP'", None, KPI),
    ("t14", TIX, "avg tickets per order",
     "SELECT AVG(Qty) AS tickets FROM t", None, KPI),
    ("t15", TIX, "aov by channel",
     f"SELECT \"Sales Channel\", AVG({TOT}) AS aov FROM t GROUP BY 1", None, BAR),
    ("t16", TIX, "how many orders used a promo code",
     "SELECT COUNT(*) AS orders FROM t WHERE \"Promo Code\" IS NOT NULL", None, KPI),
    ("t17", TIX, "sales $ per promo code",
     f"SELECT \"Promo Code\", SUM({TOT}) AS revenue FROM t WHERE \"Promo Code\" IS NOT NULL GROUP BY 1", None, BAR),
    ("t18", TIX, "how far ahead do people buy, avg days before the show by event",
     f"SELECT Event, AVG({LEAD}) AS days_ahead FROM t GROUP BY 1", None, BAR),
    ("t19", TIX, "median instead",
     f"SELECT Event, MEDIAN({LEAD}) AS days_ahead FROM t GROUP BY 1", "t18", BAR),
    ("t20", TIX, "revenue by event and tier",
     f"SELECT Event, Tier, SUM({TOT}) AS revenue FROM t GROUP BY 1, 2", None, SPLIT),
    ("t21", TIX, "tickets sold last month by event",
     "SELECT Event, SUM(Qty) AS tickets FROM t WHERE \"Order Time\" >= TIMESTAMP '2025-08-01' GROUP BY 1",
     None, BAR),
    ("t22", TIX, "biggest order $",
     f"SELECT MAX({TOT}) AS order_total FROM t", None, KPI),
    ("t23", TIX, "distribution of order totals",
     f"SELECT MEDIAN({TOT}) AS order_total FROM t", None, DIST),
    ("t24", TIX, "weekly ticket sales for rock the riverside",
     "SELECT date_trunc('week', \"Order Time\") AS week, SUM(Qty) AS tickets FROM t "
     "WHERE Event = 'Rock the Riverside' GROUP BY 1", None, LINE),
    ("t25", TIX, "tickets sold vs revenue per event, scatter",
     f"SELECT Event, SUM(Qty) AS tickets, SUM({TOT}) AS revenue FROM t GROUP BY 1", None, SCATTER),
    ("t26", TIX, "orders and tickets by channel",
     "SELECT \"Sales Channel\", COUNT(*) AS orders, SUM(Qty) AS tickets FROM t GROUP BY 1", None, TWO),
    ("t27", TIX, "what % of revenue comes from the box office",
     f"SELECT 100.0 * SUM(CASE WHEN \"Sales Channel\" = 'Box Office' THEN {TOT} ELSE 0 END) / SUM({TOT}) "
     "AS pct_box_office FROM t", None, KPI),
    ("t28", TIX, "which age group buys the most vip tickets", None, None, NO),
    ("t29", TIX, "how many seats are still unsold for country under the stars", None, None, NO),
    ("t30", TIX, "only the orpheum",
     f"SELECT Event, SUM({TOT}) AS revenue FROM t WHERE Venue = 'The Orpheum' GROUP BY 1", "t01", BAR),
    ("t31", TIX, "by quarter instead",
     "SELECT date_trunc('quarter', \"Order Time\") AS quarter, SUM(Qty) AS tickets FROM t GROUP BY 1", "t03", LINE),
    ("t32", TIX, "and the fewest?",
     "SELECT Event, SUM(Qty) AS tickets FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3", "t10", BAR),

    # ----------------------------------------------------------------------------------- email_campaigns
    ("e01", EM, "total emails sent by segment",
     "SELECT segment, SUM(sent) AS sent FROM t GROUP BY 1", None, BAR),
    # judgment: rates are over emails sent (the export has no delivered column)
    ("e02", EM, "open rate by segment",
     "SELECT segment, 100.0 * SUM(opened) / SUM(sent) AS pct_open FROM t GROUP BY 1", None, BAR),
    # judgment: newsletters have no tracked revenue (blank), so they add nothing
    ("e03", EM, "monthly revenue from email",
     "SELECT date_trunc('month', send_date) AS month, SUM(revenue_usd) AS revenue FROM t GROUP BY 1", None, LINE),
    ("e04", EM, "click rate by month",
     "SELECT date_trunc('month', send_date) AS month, 100.0 * SUM(clicked) / SUM(sent) AS pct_click FROM t "
     "GROUP BY 1", None, LINE),
    ("e05", EM, "which segment has the highest unsub rate",
     "SELECT segment, 100.0 * SUM(unsubscribed) / SUM(sent) AS pct_unsub FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("e06", EM, "how many people unsubscribed in total",
     "SELECT SUM(unsubscribed) AS unsubscribed FROM t", None, KPI),
    ("e07", EM, "revenue by campaign type",
     "SELECT campaign_type, SUM(revenue_usd) AS revenue FROM t WHERE revenue_usd IS NOT NULL GROUP BY 1", None, BAR),
    ("e08", EM, "top 5 campaigns by revenue",
     "SELECT campaign, SUM(revenue_usd) AS revenue FROM t WHERE revenue_usd IS NOT NULL GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 5", None, BAR),
    # judgment: revenue per email counts only the sends whose revenue is tracked (not the newsletters)
    ("e09", EM, "revenue per email sent by segmnet",
     "SELECT segment, SUM(revenue_usd) / SUM(sent) AS revenue_per_email FROM t WHERE revenue_usd IS NOT NULL "
     "GROUP BY 1", None, BAR),
    ("e10", EM, "revenue from discount emails vs no discount",
     "SELECT has_discount, SUM(revenue_usd) AS revenue FROM t WHERE revenue_usd IS NOT NULL GROUP BY 1", None, BAR),
    ("e11", EM, "orders from email in november",
     "SELECT SUM(orders) AS orders FROM t WHERE month(send_date) = 11", None, KPI),
    ("e12", EM, "overall bounce rate",
     "SELECT 100.0 * SUM(bounced) / SUM(sent) AS pct_bounce FROM t", None, KPI),
    ("e13", EM, "avg opens per send for vip",
     "SELECT AVG(opened) AS opens FROM t WHERE segment = 'VIP'", None, KPI),
    ("e14", EM, "weekly clicks",
     "SELECT date_trunc('week', send_date) AS week, SUM(clicked) AS clicks FROM t GROUP BY 1", None, LINE),
    ("e15", EM, "opens by day of the week we send",
     "SELECT dayname(send_date) AS weekday, SUM(opened) AS opens FROM t GROUP BY 1", None, WEEK),
    ("e16", EM, "quarterly revenue by campaign type",
     "SELECT date_trunc('quarter', send_date) AS quarter, campaign_type, SUM(revenue_usd) AS revenue FROM t "
     "WHERE revenue_usd IS NOT NULL GROUP BY 1, 2", None, LINE | {"heatmap"}),
    ("e17", EM, "last quarter revenue by segment",
     "SELECT segment, SUM(revenue_usd) AS revenue FROM t WHERE send_date >= DATE '2024-10-01' "
     "AND revenue_usd IS NOT NULL GROUP BY 1", None, BAR),
    ("e18", EM, "emails sent last month",
     "SELECT SUM(sent) AS sent FROM t WHERE send_date >= DATE '2024-12-01'", None, KPI),
    ("e19", EM, "conversion rate (orders / clicks) by segment",
     "SELECT segment, 100.0 * SUM(orders) / SUM(clicked) AS pct_conversion FROM t GROUP BY 1", None, BAR),
    ("e20", EM, "opens and clicks per campaign type",
     "SELECT campaign_type, SUM(opened) AS opens, SUM(clicked) AS clicks FROM t GROUP BY 1", None, TWO),
    ("e21", EM, "plot open rate against click rate for each segment",
     "SELECT segment, 100.0 * SUM(opened) / SUM(sent) AS pct_open, 100.0 * SUM(clicked) / SUM(sent) AS pct_click "
     "FROM t GROUP BY 1", None, SCATTER),
    ("e22", EM, "most unsubscribes from a single send",
     "SELECT MAX(unsubscribed) AS unsubscribed FROM t", None, KPI),
    ("e23", EM, "distribution of clicks per send",
     "SELECT MEDIAN(clicked) AS clicks FROM t", None, DIST),
    ("e24", EM, "unsubscribe rate per month for the lapsed 12m+ segment",
     "SELECT date_trunc('month', send_date) AS month, 100.0 * SUM(unsubscribed) / SUM(sent) AS pct_unsub FROM t "
     "WHERE segment = 'Lapsed 12m+' GROUP BY 1", None, LINE),
    # judgment: a campaign is a campaign_id (one send to several segments), not a row
    ("e25", EM, "how many campaigns did we send this year",
     "SELECT COUNT(DISTINCT campaign_id) AS campaigns FROM t", None, KPI),
    ("e26", EM, "3 segments with the worst open rate",
     "SELECT segment, 100.0 * SUM(opened) / SUM(sent) AS pct_open FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 3",
     None, BAR),
    ("e27", EM, "open rate by subject line length", None, None, NO),
    ("e28", EM, "which device do people open our emails on", None, None, NO),
    ("e29", EM, "just for promos",
     "SELECT segment, 100.0 * SUM(opened) / SUM(sent) AS pct_open FROM t WHERE campaign_type = 'Promo' GROUP BY 1",
     "e02", BAR),
    ("e30", EM, "by week instead",
     "SELECT date_trunc('week', send_date) AS week, SUM(revenue_usd) AS revenue FROM t "
     "WHERE revenue_usd IS NOT NULL GROUP BY 1", "e03", LINE),
    ("e31", EM, "show 10",
     "SELECT campaign, SUM(revenue_usd) AS revenue FROM t WHERE revenue_usd IS NOT NULL GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 10", "e08", BAR),
    ("e32", EM, "and by segment?",
     "SELECT segment, 100.0 * SUM(bounced) / SUM(sent) AS pct_bounce FROM t GROUP BY 1", "e12", BAR),

    # ------------------------------------------------------------------------------------- library_loans
    ("l01", LIB, "loans by branch",
     "SELECT Branch, COUNT(*) AS loans FROM t GROUP BY 1", None, BAR),
    ("l02", LIB, "checkouts per month",
     "SELECT date_trunc('month', Borrowed) AS month, COUNT(*) AS loans FROM t GROUP BY 1", None, LINE),
    ("l03", LIB, "only kids",
     "SELECT date_trunc('month', Borrowed) AS month, COUNT(*) AS loans FROM t WHERE \"Member Type\" = 'Child' "
     "GROUP BY 1", "l02", LINE),
    ("l04", LIB, "most popular genre",
     "SELECT Genre, COUNT(*) AS loans FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("l05", LIB, "top 3 genres for teens",
     "SELECT Genre, COUNT(*) AS loans FROM t WHERE \"Member Type\" = 'Teen' GROUP BY 1 ORDER BY 2 DESC LIMIT 3",
     None, BAR),
    ("l06", LIB, "how many items are still checked out",
     "SELECT COUNT(*) AS loans FROM t WHERE Returned IS NULL", None, KPI),
    # judgment: overdue means not returned and past the due date on the data's latest day (2025-06-30)
    ("l07", LIB, "how many loans are overdue right now",
     f"SELECT COUNT(*) AS loans FROM t WHERE {OVERDUE}", None, KPI),
    # judgment: the late-return rate is over the returned loans, late meaning returned after the due date
    ("l08", LIB, "late return rate by branch",
     "SELECT Branch, 100.0 * AVG(CASE WHEN Returned > \"Due Date\" THEN 1 ELSE 0 END) AS pct_late FROM t "
     "WHERE Returned IS NOT NULL GROUP BY 1", None, BAR),
    ("l09", LIB, "avg days kept by format",
     f"SELECT Format, AVG({KEPT}) AS days_kept FROM t WHERE Returned IS NOT NULL GROUP BY 1", None, BAR),
    ("l10", LIB, "total fines",
     "SELECT SUM(\"Fine (USD)\") AS fines FROM t", None, KPI),
    ("l11", LIB, "fnes by branch and member type",
     "SELECT Branch, \"Member Type\", SUM(\"Fine (USD)\") AS fines FROM t GROUP BY 1, 2", None, SPLIT),
    ("l12", LIB, "share of loans by format",
     "SELECT Format, COUNT(*) AS share_loans FROM t GROUP BY 1", None, PIE),
    ("l13", LIB, "what % of loans are ebooks",
     "SELECT 100.0 * AVG(CASE WHEN Format = 'eBook' THEN 1 ELSE 0 END) AS pct_ebook FROM t", None, KPI),
    ("l14", LIB, "busiest days of the week for borrowing",
     "SELECT dayname(Borrowed) AS weekday, COUNT(*) AS loans FROM t GROUP BY 1", None, WEEK),
    ("l15", LIB, "quarterly loans per branch",
     "SELECT date_trunc('quarter', Borrowed) AS quarter, Branch, COUNT(*) AS loans FROM t GROUP BY 1, 2",
     None, LINE | {"heatmap"}),
    ("l16", LIB, "loans last quarter by genre",
     "SELECT Genre, COUNT(*) AS loans FROM t WHERE Borrowed >= DATE '2025-04-01' GROUP BY 1", None, BAR),
    ("l17", LIB, "how many dvds were borrowed last month",
     "SELECT COUNT(*) AS loans FROM t WHERE Format = 'DVD' AND Borrowed >= DATE '2025-06-01'", None, KPI),
    ("l18", LIB, "avg renewals per loan by member type",
     "SELECT \"Member Type\", AVG(Renewals) AS renewals FROM t GROUP BY 1", None, BAR),
    ("l19", LIB, "highest fine anyone got",
     "SELECT MAX(\"Fine (USD)\") AS fine FROM t", None, KPI),
    ("l20", LIB, "median loan length in days",
     f"SELECT MEDIAN({KEPT}) AS days FROM t WHERE Returned IS NOT NULL", None, KPI),
    ("l21", LIB, "distribution of how many days late the late returns were",
     "SELECT MEDIAN(Returned - \"Due Date\") AS days_late FROM t WHERE Returned > \"Due Date\"", None, DIST),
    ("l22", LIB, "which 3 branches have the most overdue items",
     f"SELECT Branch, COUNT(*) AS loans FROM t WHERE {OVERDUE} GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("l23", LIB, "avg fine per loan by branch",
     "SELECT Branch, AVG(\"Fine (USD)\") AS fine FROM t GROUP BY 1", None, BAR),
    ("l24", LIB, "loans vs total fines per genre as a scatter",
     "SELECT Genre, COUNT(*) AS loans, SUM(\"Fine (USD)\") AS fines FROM t GROUP BY 1", None, SCATTER),
    ("l25", LIB, "weekly loans at harbor",
     "SELECT date_trunc('week', Borrowed) AS week, COUNT(*) AS loans FROM t WHERE Branch = 'Harbor' GROUP BY 1",
     None, LINE),
    ("l26", LIB, "what formats do seniors borrow",
     "SELECT Format, COUNT(*) AS loans FROM t WHERE \"Member Type\" = 'Senior' GROUP BY 1", None, PIE),
    ("l27", LIB, "how many loans were renewed at least once",
     "SELECT COUNT(*) AS loans FROM t WHERE Renewals > 0", None, KPI),
    ("l28", LIB, "which titles get borrowed the most", None, None, NO),
    ("l29", LIB, "avg age of borrowers at each branch", None, None, NO),
    ("l30", LIB, "by member type instead",
     "SELECT \"Member Type\", 100.0 * AVG(CASE WHEN Returned > \"Due Date\" THEN 1 ELSE 0 END) AS pct_late FROM t "
     "WHERE Returned IS NOT NULL GROUP BY 1", "l08", BAR),
    ("l31", LIB, "as a pie",
     "SELECT Branch, COUNT(*) AS loans FROM t GROUP BY 1", "l01", ARC),
    ("l32", LIB, "and the quarter before?",
     "SELECT Genre, COUNT(*) AS loans FROM t WHERE Borrowed >= DATE '2025-01-01' AND Borrowed < DATE '2025-04-01' "
     "GROUP BY 1", "l16", BAR),

    # ------------------------------------------------------------------------------------------- payroll
    ("p01", PAY, "total payroll by deparment",
     f"SELECT Department, SUM({GROSS}) AS gross FROM t GROUP BY 1", None, BAR),
    ("p02", PAY, "overtime hours by month",
     f"SELECT date_trunc('month', \"Pay Period End\") AS month, SUM({OT}) AS ot_hours FROM t GROUP BY 1", None, LINE),
    ("p03", PAY, "warehouse only",
     f"SELECT date_trunc('month', \"Pay Period End\") AS month, SUM({OT}) AS ot_hours FROM t "
     "WHERE Department = 'Warehouse' GROUP BY 1", "p02", LINE),
    ("p04", PAY, "who works the most overtme",
     f"SELECT Employee, SUM({OT}) AS ot_hours FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("p05", PAY, "top 5 earners this year",
     f"SELECT Employee, SUM({GROSS}) AS gross FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    # judgment: headcount is distinct employees paid during the year
    ("p06", PAY, "headcount by location",
     "SELECT Location, COUNT(DISTINCT \"Emp ID\") AS employees FROM t GROUP BY 1", None, BAR),
    ("p07", PAY, "how many people are in the union",
     "SELECT COUNT(DISTINCT \"Emp ID\") AS employees FROM t WHERE \"Union\" = 'Y'", None, KPI),
    # judgment: the average over the department's people (a rate is the same on every paycheck of a person)
    ("p08", PAY, "avg hourly rate by dept",
     "SELECT Department, AVG(rate) AS rate FROM (SELECT DISTINCT \"Emp ID\", Department, \"Rate ($/hr)\" AS rate "
     "FROM t) GROUP BY 1", None, BAR),
    # judgment: overtime is paid at time and a half of the rate
    ("p09", PAY, "overtime cost by department",
     f"SELECT Department, SUM({OT} * \"Rate ($/hr)\" * 1.5) AS ot_cost FROM t GROUP BY 1", None, BAR),
    ("p10", PAY, "what % of all hours worked are overtime",
     f"SELECT 100.0 * SUM({OT}) / SUM(\"Reg Hours\" + {OT}) AS pct_ot FROM t", None, KPI),
    ("p11", PAY, "share of payroll by location",
     f"SELECT Location, SUM({GROSS}) AS share_gross FROM t GROUP BY 1", None, PIE),
    ("p12", PAY, "total bonuses paid",
     "SELECT SUM(Bonus) AS bonus FROM t", None, KPI),
    ("p13", PAY, "bonus $ by quarter",
     "SELECT date_trunc('quarter', \"Pay Period End\") AS quarter, SUM(Bonus) AS bonus FROM t "
     "WHERE Bonus IS NOT NULL GROUP BY 1", None, LINE),
    ("p14", PAY, "gross pay each pay period",
     f"SELECT \"Pay Period End\", SUM({GROSS}) AS gross FROM t GROUP BY 1", None, LINE),
    ("p15", PAY, "ot hours last quarter by location",
     f"SELECT Location, SUM({OT}) AS ot_hours FROM t WHERE \"Pay Period End\" >= DATE '2024-10-01' GROUP BY 1",
     None, BAR),
    ("p16", PAY, "how much was payroll last month",
     f"SELECT SUM({GROSS}) AS gross FROM t WHERE \"Pay Period End\" >= DATE '2024-12-01'", None, KPI),
    ("p17", PAY, "avg ot hours per paycheck for drivers",
     f"SELECT AVG({OT}) AS ot_hours FROM t WHERE Department = 'Drivers'", None, KPI),
    ("p18", PAY, "median gross pay per check",
     f"SELECT MEDIAN({GROSS}) AS gross FROM t", None, KPI),
    ("p19", PAY, "distribution of gross pay by department",
     f"SELECT Department, MEDIAN({GROSS}) AS gross FROM t GROUP BY 1", None, BOX),
    ("p20", PAY, "regular vs ot hours by dept",
     f"SELECT Department, SUM(\"Reg Hours\") AS reg_hours, SUM({OT}) AS ot_hours FROM t GROUP BY 1", None, TWO),
    ("p21", PAY, "avg paycheck union vs non union",
     f"SELECT \"Union\", AVG({GROSS}) AS gross FROM t GROUP BY 1", None, BAR),
    ("p22", PAY, "monthly overtime by department",
     f"SELECT date_trunc('month', \"Pay Period End\") AS month, Department, SUM({OT}) AS ot_hours FROM t "
     "GROUP BY 1, 2", None, LINE | {"heatmap"}),
    # judgment: per person is over the distinct employees of the department
    ("p23", PAY, "which 3 departments have the most overtime per person",
     f"SELECT Department, SUM({OT}) / COUNT(DISTINCT \"Emp ID\") AS ot_per_person FROM t GROUP BY 1 "
     "ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("p24", PAY, "how many people logged more than 100 hours of overtime this year",
     f"SELECT COUNT(*) AS employees FROM (SELECT \"Emp ID\" FROM t GROUP BY 1 HAVING SUM({OT}) > 100)", None, KPI),
    ("p25", PAY, "effective hourly pay by department (gross / total hours)",
     f"SELECT Department, SUM({GROSS}) / SUM(\"Reg Hours\" + {OT}) AS hourly FROM t GROUP BY 1", None, BAR),
    ("p26", PAY, "scatter ot hours vs gross pay per employee",
     f"SELECT Employee, SUM({OT}) AS ot_hours, SUM({GROSS}) AS gross FROM t GROUP BY 1", None, SCATTER),
    ("p27", PAY, "highest paid person in IT",
     f"SELECT Employee, SUM({GROSS}) AS gross FROM t WHERE Department = 'IT' GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("p28", PAY, "payroll taxes withheld by location", None, None, NO),
    ("p29", PAY, "how many sick days did each department take", None, None, NO),
    ("p30", PAY, "bottom 5 instead",
     f"SELECT Employee, SUM({GROSS}) AS gross FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 5", "p05", BAR),
    # judgment: per employee is over the distinct employees paid during the year
    ("p31", PAY, "avg per employee instead",
     f"SELECT Department, SUM({GROSS}) / COUNT(DISTINCT \"Emp ID\") AS gross_per_employee FROM t GROUP BY 1",
     "p01", BAR),
    ("p32", PAY, "by department instead",
     f"SELECT Department, SUM({GROSS}) AS share_gross FROM t GROUP BY 1", "p11", PIE),
]

# The business set's categories; each question's tags (follow-up and unanswerable come from the entries).
_NAMES = {
    "TS": "time series", "QW": "quarter or week grain", "WH": "weekday or hour", "K": "kpi",
    "KC": "kpi with a condition", "TOP": "top-N with 'top'", "NTOP": "top/bottom-N without 'top'",
    "SH": "share or percentage", "PIE": "pie asked for", "TWO": "two measures", "COL": "split by colour",
    "MED": "median/max/min wording", "COND": "condition in words or values", "REL": "relative period",
    "DIST": "distribution", "SCAT": "scatter", "TYPO": "typo", "ABBR": "abbreviation or paraphrase",
    "DER": "derived measure",
}
_TAGS = {
    "f01": "ABBR", "f02": "K REL", "f03": "TS ABBR", "f04": "TS", "f05": "TS COND", "f06": "NTOP ABBR",
    "f07": "K KC COND TYPO", "f08": "SH DER", "f09": "TOP", "f10": "NTOP ABBR", "f11": "SH ABBR",
    "f12": "COL", "f13": "ABBR", "f14": "K MED", "f15": "K MED", "f16": "DIST TYPO", "f17": "WH ABBR",
    "f18": "SCAT TWO", "f19": "K KC COND ABBR", "f20": "NTOP", "f21": "REL", "f22": "DER", "f23": "NTOP DER",
    "f24": "TS QW", "f25": "TS QW", "f26": "TS QW COL", "f27": "K ABBR", "f28": "K KC COND ABBR",
    "f29": "K SH COND", "f30": "", "f31": "", "f32": "NTOP", "f33": "PIE",
    "t01": "", "t02": "K", "t03": "TS", "t04": "WH ABBR", "t05": "WH", "t06": "SH DER", "t07": "K KC COND",
    "t08": "K KC COND ABBR", "t09": "COND TYPO", "t10": "NTOP", "t11": "TOP DER", "t12": "SH",
    "t13": "K KC COND", "t14": "K DER", "t15": "ABBR", "t16": "K KC COND", "t17": "ABBR COND",
    "t18": "DER ABBR", "t19": "MED DER", "t20": "COL", "t21": "REL", "t22": "K MED", "t23": "DIST",
    "t24": "TS QW COND", "t25": "SCAT TWO", "t26": "TWO", "t27": "K SH COND", "t28": "", "t29": "",
    "t30": "COND", "t31": "TS QW", "t32": "NTOP",
    "e01": "", "e02": "DER SH", "e03": "TS", "e04": "TS DER SH", "e05": "NTOP DER SH ABBR", "e06": "K",
    "e07": "", "e08": "TOP", "e09": "DER TYPO", "e10": "COND", "e11": "K KC COND", "e12": "K DER SH",
    "e13": "K KC COND ABBR", "e14": "TS QW", "e15": "WH", "e16": "TS QW COL", "e17": "REL", "e18": "K REL",
    "e19": "DER SH", "e20": "TWO", "e21": "SCAT DER TWO", "e22": "K MED", "e23": "DIST",
    "e24": "TS DER COND", "e25": "K", "e26": "NTOP DER", "e27": "", "e28": "", "e29": "COND",
    "e30": "TS QW", "e31": "TOP", "e32": "DER SH",
    "l01": "", "l02": "TS ABBR", "l03": "TS COND", "l04": "NTOP ABBR", "l05": "TOP COND",
    "l06": "K KC COND ABBR", "l07": "K KC COND", "l08": "DER SH COND", "l09": "DER ABBR", "l10": "K",
    "l11": "COL TYPO", "l12": "SH", "l13": "K SH COND", "l14": "WH ABBR", "l15": "TS QW COL", "l16": "REL",
    "l17": "K KC COND REL", "l18": "", "l19": "K MED ABBR", "l20": "K MED DER", "l21": "DIST DER COND",
    "l22": "NTOP COND", "l23": "DER", "l24": "SCAT TWO", "l25": "TS QW COND", "l26": "COND ABBR",
    "l27": "K KC COND", "l28": "", "l29": "", "l30": "DER SH", "l31": "PIE", "l32": "REL",
    "p01": "ABBR TYPO", "p02": "TS", "p03": "TS COND", "p04": "NTOP TYPO", "p05": "TOP ABBR", "p06": "ABBR",
    "p07": "K KC COND", "p08": "ABBR", "p09": "DER", "p10": "K SH DER", "p11": "SH", "p12": "K",
    "p13": "TS QW", "p14": "TS", "p15": "REL ABBR", "p16": "K REL", "p17": "K KC COND ABBR", "p18": "K MED",
    "p19": "DIST", "p20": "TWO ABBR", "p21": "COND", "p22": "TS COL", "p23": "NTOP DER",
    "p24": "K KC COND", "p25": "DER", "p26": "SCAT TWO", "p27": "NTOP COND", "p28": "", "p29": "",
    "p30": "NTOP", "p31": "DER", "p32": "SH",
}
CATEGORIES: dict[str, frozenset[str]] = {
    name: frozenset(q for q, tags in _TAGS.items() if code in tags.split()) for code, name in _NAMES.items()
}
