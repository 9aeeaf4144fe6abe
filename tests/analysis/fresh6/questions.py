"""The sixth fresh evaluation set: questions about the five CSVs of make_data.py, with gold answers.

Written blind (see README.md): without reading the planner or the questions of the other sets used for
tuning (the own suite, business, practice, fresh, fresh2, fresh3, fresh4). Each entry is
``(id, dataset, question, expected_sql, prev_id_or_None, chart_types)``: the gold SQL runs over the raw
CSV as the DuckDB view ``t`` (``read_csv_auto``); ``prev_id`` names the question a follow-up builds on;
``chart_types`` are the chart types a careful analyst would accept (``{"unanswerable"}`` with
``expected_sql`` None: the data cannot answer it).

Conventions of the gold tables (the business set's and the earlier fresh sets', scored by blindset.py):
- a column named ``pct_…`` is a percentage (0–100) and may come as a fraction;
- a column named ``share_…`` holds the amounts of a part-to-whole question and may come as the amounts
  or as shares of their total;
- a distribution question's gold is the median (one per group for a boxplot);
- TRUE/FALSE and Yes/No columns (``no_show``, ``catering``, ``Battery``) compare equal to booleans; the
  Y/N columns (``One Way``, ``Organic``, ``Rush``) are compared as written;
- time buckets are ``date_trunc`` of the date; weekdays are day names; hours are 0–23;
- a ratio for a group (damage rate, no-show rate, lb per hour, on-time %, price per watt) is a ratio of
  sums (a mean of 0/1 flags), not the mean of per-row ratios;
- "last month" and "last quarter" are the month and quarter of the data's latest date (rentals: June
  and Q2 2025; rooms: September and Q3 2025; harvest: October and Q4 2024; purchase orders: March and
  Q1 2025; solar: December and Q4 2024); "this year" is the latest date's year.
Choices a careful analyst could have made otherwise are marked ``# judgment:``.
"""
from __future__ import annotations

# car_rentals.csv: "Return", "Odometer In", "Total ($)" and the charges are blank while a car is still out
PICKUP = "Pickup"
TOTAL = '"Total ($)"'
RATE = '"Daily Rate ($)"'
DMG = '"Damage Charge ($)"'
MILES = '("Odometer In" - "Odometer Out")'
# judgment: the damage rate is the share of all agreements with a damage charge (cars still out count as none)
DAMAGE_RATE = f"100.0 * avg(CASE WHEN {DMG} IS NOT NULL THEN 1 ELSE 0 END)"
# room_bookings.csv: durations are exact differences of two timestamps
MINUTES = "((epoch(end_time) - epoch(start_time)) / 60.0)"
HOURS_BOOKED = "((epoch(end_time) - epoch(start_time)) / 3600.0)"
LEAD_DAYS = "((epoch(start_time) - epoch(created_at)) / 86400.0)"
NO_SHOW_RATE = "100.0 * avg(CASE WHEN no_show THEN 1 ELSE 0 END)"
# harvest_log.csv: revenue is weight x price (culls go to compost at $0); labour cost is hours x pay rate
LBS = '"Net Wt (lb)"'
REVENUE = '("Net Wt (lb)" * "Price ($/lb)")'
LABOR = '(Hours * "Pay Rate ($/hr)")'
# purchase_orders.csv
AMT = '"PO Amount"'
# judgment: spend and committed money leave cancelled POs out; counts of POs include them
LIVE = "Status <> 'Cancelled'"
LEAD = '(Received - "PO Date")'
LATE = 'Received > "Need By"'
ON_TIME = f"100.0 * avg(CASE WHEN {LATE} THEN 0 ELSE 1 END)"  # over received POs
POD = '"PO Date"'
# solar_installs.csv: stage dates are blank until reached, and on cancelled projects
# judgment: money and kW sold leave cancelled projects out; counts of signed projects include them
SOLD = "Status <> 'Cancelled'"
KW = '"System kW"'
CV = '"Contract Value"'
PPW = f"sum({CV}) / (1000.0 * sum({KW}))"

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
SPLIT_T = {"line", "bar", "area", "heatmap"}  # a time series split by a category
TWO = {"bar", "table"}  # two measures per category
TWO_T = {"line", "bar", "area", "table"}  # two measures over time
WEEK = {"bar", "line"}  # weekday or hour of day
NO = {"unanswerable"}

CR = "car_rentals"
RB = "room_bookings"
HV = "harvest_log"
PO = "purchase_orders"
SO = "solar_installs"

QUESTIONS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---------------------------------------------------------------------------------------- car rentals
    ("cr01", CR, "how many rentals did we do", "SELECT count(*) AS rentals FROM t", None, KPI),
    # judgment: revenue is "Total ($)" (blank, so left out, while a car is still out)
    ("cr02", CR, "revenue by branch", f"SELECT Branch, sum({TOTAL}) AS revenue FROM t GROUP BY 1", None, BAR),
    ("cr03", CR, "which branch has the highest damage rate",
     f"SELECT Branch, {DAMAGE_RATE} AS pct_damaged FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("cr04", CR, "rentals per month",
     f"SELECT date_trunc('month', {PICKUP}) AS month, count(*) AS rentals FROM t GROUP BY 1", None, LINE),
    ("cr05", CR, "just the airport",
     f"SELECT date_trunc('month', {PICKUP}) AS month, count(*) AS rentals FROM t WHERE Branch = 'SEA-AP' GROUP BY 1",
     "cr04", LINE),
    ("cr06", CR, "avg daily rate by vehicle class",
     f"SELECT \"Vehicle Class\", avg({RATE}) AS avg_daily_rate FROM t GROUP BY 1", None, BAR),
    ("cr07", CR, "median instead",
     f"SELECT \"Vehicle Class\", median({RATE}) AS median_daily_rate FROM t GROUP BY 1", "cr06", BAR),
    ("cr08", CR, "top 3 agents by revenue",
     f"SELECT Agent, sum({TOTAL}) AS revenue FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    # judgment: miles driven are Odometer In - Odometer Out, over returned cars
    ("cr09", CR, "avg miles driven per rental by class",
     f"SELECT \"Vehicle Class\", avg({MILES}) AS avg_miles FROM t GROUP BY 1", None, BAR),
    ("cr10", CR, "how many cars are still out",
     "SELECT count(*) AS still_out FROM t WHERE \"Return\" IS NULL", None, KPI),
    ("cr11", CR, "total fuel charges last quarter",
     f"SELECT sum(\"Fuel Charge ($)\") AS fuel_charges FROM t WHERE {PICKUP} >= TIMESTAMP '2025-04-01'", None, KPI),
    ("cr12", CR, "rentals by booking channel", "SELECT Channel, count(*) AS rentals FROM t GROUP BY 1", None, BAR),
    ("cr13", CR, "as a pie", "SELECT Channel, count(*) AS share_rentals FROM t GROUP BY 1", "cr12", ARC),
    ("cr14", CR, "avg rental length in days corporate vs leisure",
     "SELECT \"Customer Type\", avg(\"Rental Days\") AS avg_days FROM t GROUP BY 1", None, BAR),
    ("cr15", CR, "how many one way rentals", "SELECT count(*) AS rentals FROM t WHERE \"One Way\" = 'Y'", None, KPI),
    ("cr16", CR, "% of rentals that were one-way",
     "SELECT 100.0 * avg(CASE WHEN \"One Way\" = 'Y' THEN 1 ELSE 0 END) AS pct_one_way FROM t", None, KPI),
    ("cr17", CR, "damage charges by month",
     f"SELECT date_trunc('month', {PICKUP}) AS month, sum({DMG}) AS damage_charges FROM t GROUP BY 1", None, LINE),
    ("cr18", CR, "by quarter instead",
     f"SELECT date_trunc('quarter', {PICKUP}) AS quarter, sum({DMG}) AS damage_charges FROM t GROUP BY 1",
     "cr17", LINE),
    ("cr19", CR, "pickups by hour of day",
     f"SELECT hour({PICKUP}) AS hour, count(*) AS pickups FROM t GROUP BY 1", None, WEEK),
    ("cr20", CR, "busiest day of the week for pickups",
     f"SELECT dayname({PICKUP}) AS weekday, count(*) AS pickups FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    # judgment: revenue per rental day is a ratio of sums over the rentals that have a total (returned)
    ("cr21", CR, "revenue per rental day by branch",
     f"SELECT Branch, sum({TOTAL}) / sum(\"Rental Days\") AS revenue_per_day FROM t WHERE {TOTAL} IS NOT NULL "
     "GROUP BY 1", None, BAR),
    ("cr22", CR, "rentals by branch and vehicle class",
     "SELECT Branch, \"Vehicle Class\", count(*) AS rentals FROM t GROUP BY 1, 2", None, SPLIT),
    ("cr23", CR, "median total per rental", f"SELECT median({TOTAL}) AS median_total FROM t", None, KPI),
    ("cr24", CR, "distribution of rental days",
     "SELECT median(\"Rental Days\") AS median_days FROM t", None, DIST),
    ("cr25", CR, "what was marco's avg daily rate",
     f"SELECT avg({RATE}) AS avg_daily_rate FROM t WHERE Agent = 'Marco Reyes'", None, KPI),
    ("cr26", CR, "which agent charges the highest daily rate on average",
     f"SELECT Agent, avg({RATE}) AS avg_daily_rate FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("cr27", CR, "revenue and number of rentals by channel",
     f"SELECT Channel, sum({TOTAL}) AS revenue, count(*) AS rentals FROM t GROUP BY 1", None, TWO),
    ("cr28", CR, "suv rentals last month",
     f"SELECT count(*) AS rentals FROM t WHERE \"Vehicle Class\" = 'SUV' AND {PICKUP} >= TIMESTAMP '2025-06-01'",
     None, KPI),
    # judgment: hours out are exact, over returned cars
    ("cr29", CR, "avg hours between pickup and return",
     f"SELECT avg((epoch(\"Return\") - epoch({PICKUP})) / 3600.0) AS avg_hours FROM t", None, KPI),
    ("cr30", CR, "how many cars came back late", None, None, NO),
    ("cr31", CR, "customer satisfaction by branch", None, None, NO),
    # judgment: miles per day is a ratio of sums over returned cars
    ("cr32", CR, "avrage milage per day for luxury cars",
     f"SELECT sum({MILES}) / sum(\"Rental Days\") AS miles_per_day FROM t WHERE \"Vehicle Class\" = 'Luxury' "
     "AND \"Return\" IS NOT NULL", None, KPI),
    ("cr33", CR, "totl revenue in 2025",
     f"SELECT sum({TOTAL}) AS revenue FROM t WHERE year({PICKUP}) = 2025", None, KPI),
    ("cr34", CR, "how many customers rented more than once", None, None, NO),
    ("cr35", CR, "only corporate",
     f"SELECT Branch, sum({TOTAL}) AS revenue FROM t WHERE \"Customer Type\" = 'Corporate' GROUP BY 1",
     "cr02", BAR),
    ("cr36", CR, "plot avg daily rate against avg miles driven for each class",
     f"SELECT \"Vehicle Class\", avg({RATE}) AS avg_daily_rate, avg({MILES}) AS avg_miles FROM t GROUP BY 1",
     None, SCATTER),
    # -------------------------------------------------------------------------------------- room bookings
    ("rb01", RB, "total bookings this year",
     "SELECT count(*) AS bookings FROM t WHERE year(start_time) = 2025", None, KPI),
    ("rb02", RB, "bookings per room", "SELECT room, count(*) AS bookings FROM t GROUP BY 1", None, BAR),
    ("rb03", RB, "no show rate by company",
     f"SELECT member_company, {NO_SHOW_RATE} AS pct_no_show FROM t GROUP BY 1", None, BAR),
    ("rb04", RB, "who books the most rooms",
     "SELECT booked_by, count(*) AS bookings FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("rb05", RB, "which company has the most no-shows",
     "SELECT member_company, count(*) AS no_shows FROM t WHERE no_show GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("rb06", RB, "total hours booked by room",
     f"SELECT room, sum({HOURS_BOOKED}) AS hours FROM t GROUP BY 1", None, BAR),
    ("rb07", RB, "avg attendees in the boardroom",
     "SELECT avg(attendees) AS avg_attendees FROM t WHERE room = 'Elm Boardroom'", None, KPI),
    # judgment: occupancy is attendees over seats, a ratio of sums per room
    ("rb08", RB, "occupancy % by room (people vs capacity)",
     "SELECT room, 100.0 * sum(attendees) / sum(room_capacity) AS pct_occupancy FROM t GROUP BY 1", None, BAR),
    ("rb09", RB, "bookings by weekday",
     "SELECT dayname(start_time) AS weekday, count(*) AS bookings FROM t GROUP BY 1", None, WEEK),
    ("rb10", RB, "what time of day are rooms booked most",
     "SELECT hour(start_time) AS hour, count(*) AS bookings FROM t GROUP BY 1", None, WEEK),
    ("rb11", RB, "meetings per month",
     "SELECT date_trunc('month', start_time) AS month, count(*) AS bookings FROM t GROUP BY 1", None, LINE),
    ("rb12", RB, "only lumen labs",
     "SELECT date_trunc('month', start_time) AS month, count(*) AS bookings FROM t "
     "WHERE member_company = 'Lumen Labs' GROUP BY 1", "rb11", LINE),
    ("rb13", RB, "by week instead",
     "SELECT date_trunc('week', start_time) AS week, count(*) AS bookings FROM t "
     "WHERE member_company = 'Lumen Labs' GROUP BY 1", "rb12", LINE),
    ("rb14", RB, "catering spend by company",
     "SELECT member_company, sum(catering_cost) AS catering FROM t WHERE catering GROUP BY 1", None, BAR),
    ("rb15", RB, "how much catering did we bill last quarter",
     "SELECT sum(catering_cost) AS catering FROM t WHERE start_time >= TIMESTAMP '2025-07-01'", None, KPI),
    ("rb16", RB, "% of bookings with catering",
     "SELECT 100.0 * avg(CASE WHEN catering THEN 1 ELSE 0 END) AS pct_catering FROM t", None, KPI),
    ("rb17", RB, "share of bookings by plan", "SELECT plan, count(*) AS share_bookings FROM t GROUP BY 1", None, PIE),
    ("rb18", RB, "avg meeting length in minutes", f"SELECT avg({MINUTES}) AS avg_minutes FROM t", None, KPI),
    ("rb19", RB, "median instead", f"SELECT median({MINUTES}) AS median_minutes FROM t", "rb18", KPI),
    ("rb20", RB, "how many days ahead do people book on average",
     f"SELECT avg({LEAD_DAYS}) AS avg_days_ahead FROM t", None, KPI),
    ("rb21", RB, "credits used by company split by room",
     "SELECT member_company, room, sum(credits_used) AS credits FROM t GROUP BY 1, 2", None, SPLIT),
    ("rb22", RB, "top 3 companies by credits used",
     "SELECT member_company, sum(credits_used) AS credits FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("rb23", RB, "bottom 3 instead",
     "SELECT member_company, sum(credits_used) AS credits FROM t GROUP BY 1 ORDER BY 2 LIMIT 3", "rb22", BAR),
    ("rb24", RB, "how many phone booth bookings in august",
     "SELECT count(*) AS bookings FROM t WHERE room LIKE 'Phone Booth%' AND month(start_time) = 8", None, KPI),
    ("rb25", RB, "bookings and no-shows by month",
     "SELECT date_trunc('month', start_time) AS month, count(*) AS bookings, "
     "sum(CASE WHEN no_show THEN 1 ELSE 0 END) AS no_shows FROM t GROUP BY 1", None, TWO_T),
    ("rb26", RB, "largest meeting we've had", "SELECT max(attendees) AS largest_meeting FROM t", None, KPI),
    ("rb27", RB, "wifi usage per room", None, None, NO),
    ("rb28", RB, "how much rent does each member pay", None, None, NO),
    ("rb37", RB, "how many coffees do members drink a day", None, None, NO),
    ("rb29", RB, "avg attendees by plan", "SELECT plan, avg(attendees) AS avg_attendees FROM t GROUP BY 1", None, BAR),
    ("rb30", RB, "no shows last month",
     "SELECT count(*) AS no_shows FROM t WHERE no_show AND start_time >= TIMESTAMP '2025-09-01'", None, KPI),
    ("rb31", RB, "and in august?",
     "SELECT count(*) AS no_shows FROM t WHERE no_show AND month(start_time) = 8", "rb30", KPI),
    ("rb32", RB, "distribution of attendees per booking", "SELECT median(attendees) AS median_attendees FROM t",
     None, DIST),
    ("rb33", RB, "boxplot of meeting length by room",
     f"SELECT room, median({MINUTES}) AS median_minutes FROM t GROUP BY 1", None, BOX),
    ("rb34", RB, "avg atendees vs capacity for each room",
     "SELECT room, avg(attendees) AS avg_attendees, avg(room_capacity) AS capacity FROM t GROUP BY 1",
     None, {"point", "bar", "table"}),
    ("rb35", RB, "how many bookings did ava chen make",
     "SELECT count(*) AS bookings FROM t WHERE booked_by = 'Ava Chen'", None, KPI),
    ("rb36", RB, "no-show % by weekday",
     f"SELECT dayname(start_time) AS weekday, {NO_SHOW_RATE} AS pct_no_show FROM t GROUP BY 1", None, WEEK),
    # ---------------------------------------------------------------------------------------- harvest log
    ("hv01", HV, "total lbs harvested", f"SELECT sum({LBS}) AS lbs FROM t", None, KPI),
    ("hv02", HV, "pounds by crop", f"SELECT Crop, sum({LBS}) AS lbs FROM t GROUP BY 1", None, BAR),
    ("hv03", HV, "top 3 crops by revenue",
     f"SELECT Crop, sum({REVENUE}) AS revenue FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, BAR),
    ("hv04", HV, "harvest weight per week",
     f"SELECT date_trunc('week', Date) AS week, sum({LBS}) AS lbs FROM t GROUP BY 1", None, LINE),
    ("hv05", HV, "only tomatoes",
     f"SELECT date_trunc('week', Date) AS week, sum({LBS}) AS lbs FROM t WHERE Crop = 'Tomatoes' GROUP BY 1",
     "hv04", LINE),
    # judgment: a picker's speed is pounds over hours, a ratio of sums
    ("hv06", HV, "who is our fastest picker",
     f"SELECT Picker, sum({LBS}) / sum(Hours) AS lbs_per_hour FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("hv07", HV, "lbs per hour by picker",
     f"SELECT Picker, sum({LBS}) / sum(Hours) AS lbs_per_hour FROM t GROUP BY 1", None, BAR),
    ("hv08", HV, "slowest 3",
     f"SELECT Picker, sum({LBS}) / sum(Hours) AS lbs_per_hour FROM t GROUP BY 1 ORDER BY 2 LIMIT 3", "hv07", BAR),
    # judgment: the share graded #1 is counted in picks (rows), not pounds
    ("hv09", HV, "% graded #1 by field",
     "SELECT Field, 100.0 * avg(CASE WHEN Grade = '#1' THEN 1 ELSE 0 END) AS pct_grade_1 FROM t GROUP BY 1",
     None, BAR),
    ("hv10", HV, "labor cost by month",
     f"SELECT date_trunc('month', Date) AS month, sum({LABOR}) AS labor_cost FROM t GROUP BY 1", None, LINE),
    ("hv11", HV, "revenue vs labor cost by month",
     f"SELECT date_trunc('month', Date) AS month, sum({REVENUE}) AS revenue, sum({LABOR}) AS labor_cost FROM t "
     "GROUP BY 1", None, TWO_T),
    ("hv12", HV, "how many crates of strawberries",
     "SELECT sum(Crates) AS crates FROM t WHERE Crop = 'Strawberries'", None, KPI),
    ("hv13", HV, "organic vs conventional revenue",
     f"SELECT Organic, sum({REVENUE}) AS revenue FROM t GROUP BY 1", None, BAR),
    ("hv14", HV, "what share of the harvest goes to wholesale",
     f"SELECT 100.0 * sum(CASE WHEN \"Sold To\" = 'Wholesale' THEN {LBS} ELSE 0 END) / sum({LBS}) AS pct_wholesale "
     "FROM t", None, KPI),
    ("hv15", HV, "pie of crates by field", "SELECT Field, sum(Crates) AS share_crates FROM t GROUP BY 1", None, ARC),
    # judgment: the average price is the mean of the price column over the #1 picks, as written
    ("hv16", HV, "avg price per lb by crop for grade #1",
     "SELECT Crop, avg(\"Price ($/lb)\") AS avg_price FROM t WHERE Grade = '#1' GROUP BY 1", None, BAR),
    ("hv17", HV, "how much did we pay pickers in august",
     f"SELECT sum({LABOR}) AS labor_cost FROM t WHERE month(Date) = 8", None, KPI),
    ("hv18", HV, "and september?", f"SELECT sum({LABOR}) AS labor_cost FROM t WHERE month(Date) = 9", "hv17", KPI),
    ("hv19", HV, "hours worked by picker", "SELECT Picker, sum(Hours) AS hours FROM t GROUP BY 1", None, BAR),
    ("hv20", HV, "cull rate by crop",
     "SELECT Crop, 100.0 * avg(CASE WHEN Grade = 'Cull' THEN 1 ELSE 0 END) AS pct_cull FROM t GROUP BY 1",
     None, BAR),
    ("hv21", HV, "lbs harvested by field split by crop",
     f"SELECT Field, Crop, sum({LBS}) AS lbs FROM t GROUP BY 1, 2", None, SPLIT),
    ("hv22", HV, "biggest single pick in lbs", f"SELECT max({LBS}) AS biggest_pick FROM t", None, KPI),
    ("hv23", HV, "pounds picked per weekday",
     f"SELECT dayname(Date) AS weekday, sum({LBS}) AS lbs FROM t GROUP BY 1", None, WEEK),
    ("hv24", HV, "distribution of hours per shift", "SELECT median(Hours) AS median_hours FROM t", None, DIST),
    ("hv25", HV, "how much rain did we get in july", None, None, NO),
    ("hv26", HV, "seed cost per field", None, None, NO),
    ("hv36", HV, "which field had the most pest damage", None, None, NO),
    ("hv27", HV, "avg lbs per crate for apples",
     f"SELECT sum({LBS}) / sum(Crates) AS lbs_per_crate FROM t WHERE Crop = 'Apples'", None, KPI),
    ("hv28", HV, "tyler's total lbs last month",
     f"SELECT sum({LBS}) AS lbs FROM t WHERE Picker = 'Tyler Nguyen' AND Date >= DATE '2024-10-01'", None, KPI),
    ("hv29", HV, "how many days did we pick blueberries",
     "SELECT count(DISTINCT Date) AS days FROM t WHERE Crop = 'Blueberries'", None, KPI),
    ("hv30", HV, "profit by crop after labor",
     f"SELECT Crop, sum({REVENUE}) - sum({LABOR}) AS profit FROM t GROUP BY 1", None, BAR),
    # judgment: "customer type" is Sold To; culls sent to compost are not sales
    ("hv31", HV, "sales by customer type",
     f"SELECT \"Sold To\", sum({REVENUE}) AS revenue FROM t WHERE \"Sold To\" <> 'Compost' GROUP BY 1", None, BAR),
    ("hv32", HV, "restaurant sales last quarter",
     f"SELECT sum({REVENUE}) AS revenue FROM t WHERE \"Sold To\" = 'Restaurant' AND Date >= DATE '2024-10-01'",
     None, KPI),
    ("hv33", HV, "avrage hours per pick for pumpkins",
     "SELECT avg(Hours) AS avg_hours FROM t WHERE Crop = 'Pumpkins'", None, KPI),
    ("hv34", HV, "just the greenhouse",
     f"SELECT Crop, sum({LBS}) AS lbs FROM t WHERE Field = 'Greenhouse 2' GROUP BY 1", "hv02", BAR),
    ("hv35", HV, "plot lbs per hour against pay rate for each picker",
     f"SELECT Picker, sum({LBS}) / sum(Hours) AS lbs_per_hour, avg(\"Pay Rate ($/hr)\") AS pay_rate FROM t GROUP BY 1",
     None, SCATTER),
    # ------------------------------------------------------------------------------------ purchase orders
    ("po01", PO, "how many POs this year", f"SELECT count(*) AS pos FROM t WHERE year({POD}) = 2025", None, KPI),
    ("po02", PO, "spend by project", f"SELECT Project, sum({AMT}) AS spend FROM t WHERE {LIVE} GROUP BY 1",
     None, BAR),
    ("po03", PO, "top 5 vendors by spend",
     f"SELECT Vendor, sum({AMT}) AS spend FROM t WHERE {LIVE} GROUP BY 1 ORDER BY 2 DESC LIMIT 5", None, BAR),
    # judgment: late means received after the need-by date, over received POs
    ("po04", PO, "which vendor has the highest % of late deliveries",
     f"SELECT Vendor, 100.0 * avg(CASE WHEN {LATE} THEN 1 ELSE 0 END) AS pct_late FROM t WHERE Received IS NOT NULL "
     "GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("po05", PO, "on-time delivery % by vendor",
     f"SELECT Vendor, {ON_TIME} AS pct_on_time FROM t WHERE Received IS NOT NULL GROUP BY 1", None, BAR),
    ("po06", PO, "only rush orders",
     f"SELECT Vendor, {ON_TIME} AS pct_on_time FROM t WHERE Received IS NOT NULL AND Rush = 'Y' GROUP BY 1",
     "po05", BAR),
    # judgment: lead time is PO date to received date, in days
    ("po07", PO, "avg lead time in days by cost code",
     f"SELECT \"Cost Code\", avg({LEAD}) AS avg_lead_days FROM t GROUP BY 1", None, BAR),
    ("po08", PO, "monthly spend",
     f"SELECT date_trunc('month', {POD}) AS month, sum({AMT}) AS spend FROM t WHERE {LIVE} GROUP BY 1", None, LINE),
    ("po09", PO, "just concrete",
     f"SELECT date_trunc('month', {POD}) AS month, sum({AMT}) AS spend FROM t WHERE {LIVE} "
     "AND \"Cost Code\" = '03 - Concrete' GROUP BY 1", "po08", LINE),
    ("po10", PO, "by quarter instead",
     f"SELECT date_trunc('quarter', {POD}) AS quarter, sum({AMT}) AS spend FROM t WHERE {LIVE} "
     "AND \"Cost Code\" = '03 - Concrete' GROUP BY 1", "po09", LINE),
    ("po11", PO, "how many open POs", "SELECT count(*) AS pos FROM t WHERE Status = 'Open'", None, KPI),
    ("po12", PO, "value of orders still open", f"SELECT sum({AMT}) AS open_value FROM t WHERE Status = 'Open'",
     None, KPI),
    ("po13", PO, "% of POs that were rush",
     "SELECT 100.0 * avg(CASE WHEN Rush = 'Y' THEN 1 ELSE 0 END) AS pct_rush FROM t", None, KPI),
    # judgment: the average PO amount is over every PO as written (cancelled included)
    ("po14", PO, "avg po amount rush vs not", f"SELECT Rush, avg({AMT}) AS avg_amount FROM t GROUP BY 1", None, BAR),
    ("po15", PO, "spend by cost code as a pie",
     f"SELECT \"Cost Code\", sum({AMT}) AS share_spend FROM t WHERE {LIVE} GROUP BY 1", None, ARC),
    ("po16", PO, "who placed the most POs",
     "SELECT Buyer, count(*) AS pos FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, ONE),
    ("po17", PO, "spend by buyer split by project",
     f"SELECT Buyer, Project, sum({AMT}) AS spend FROM t WHERE {LIVE} GROUP BY 1, 2", None, SPLIT),
    ("po18", PO, "spend last month",
     f"SELECT sum({AMT}) AS spend FROM t WHERE {LIVE} AND {POD} >= DATE '2025-03-01'", None, KPI),
    ("po19", PO, "cancelled POs by vendor",
     "SELECT Vendor, count(*) AS pos FROM t WHERE Status = 'Cancelled' GROUP BY 1", None, BAR),
    ("po20", PO, "biggest PO", f"SELECT max({AMT}) AS biggest_po FROM t", None, KPI),
    ("po21", PO, "median PO amount by project", f"SELECT Project, median({AMT}) AS median_amount FROM t GROUP BY 1",
     None, BAR),
    ("po22", PO, "distribution of po amounts", f"SELECT median({AMT}) AS median_amount FROM t", None, DIST),
    ("po23", PO, "avg days late for summit steel when they were late",
     f"SELECT avg(Received - \"Need By\") AS avg_days_late FROM t WHERE Vendor = 'Summit Steel' AND {LATE}",
     None, KPI),
    ("po24", PO, "POs per weekday", f"SELECT dayname({POD}) AS weekday, count(*) AS pos FROM t GROUP BY 1", None, WEEK),
    ("po25", PO, "avg unit price for metals by month",
     f"SELECT date_trunc('month', {POD}) AS month, avg(\"Unit Price\") AS avg_unit_price FROM t "
     "WHERE \"Cost Code\" = '05 - Metals' GROUP BY 1", None, LINE),
    # judgment: quantities ordered leave cancelled POs out, like spend
    ("po26", PO, "total yards of concrete ordered",
     f"SELECT sum(Qty) AS cubic_yards FROM t WHERE \"Cost Code\" = '03 - Concrete' AND {LIVE}", None, KPI),
    ("po27", PO, "which invoices are still unpaid", None, None, NO),
    ("po28", PO, "which supplier gives us the best discount", None, None, NO),
    ("po37", PO, "which vendor has the best quality rating", None, None, NO),
    # judgment: spend leaves cancelled POs out, the count of POs keeps them (the conventions above)
    ("po29", PO, "spend and number of POs by vendor",
     f"SELECT Vendor, sum(CASE WHEN {LIVE} THEN {AMT} ELSE 0 END) AS spend, count(*) AS pos FROM t GROUP BY 1",
     None, TWO),
    ("po30", PO, "maple ridge spend last quarter",
     f"SELECT sum({AMT}) AS spend FROM t WHERE {LIVE} AND Project = 'Maple Ridge Apartments' "
     f"AND {POD} >= DATE '2025-01-01'", None, KPI),
    ("po31", PO, "how many POs did karen raise in 2024",
     f"SELECT count(*) AS pos FROM t WHERE Buyer = 'Karen Holt' AND year({POD}) = 2024", None, KPI),
    # judgment: late deliveries are counted in the month they were received
    ("po32", PO, "late deliveries per month",
     f"SELECT date_trunc('month', Received) AS month, count(*) AS late_deliveries FROM t WHERE {LATE} GROUP BY 1",
     None, LINE),
    ("po33", PO, "avg leadtime for rush orders", f"SELECT avg({LEAD}) AS avg_lead_days FROM t WHERE Rush = 'Y'",
     None, KPI),
    ("po34", PO, "top 3 only",
     f"SELECT Project, sum({AMT}) AS spend FROM t WHERE {LIVE} GROUP BY 1 ORDER BY 2 DESC LIMIT 3", "po02", BAR),
    ("po35", PO, "plot avg lead time against on-time % per vendor",
     f"SELECT Vendor, avg({LEAD}) AS avg_lead_days, {ON_TIME} AS pct_on_time FROM t WHERE Received IS NOT NULL "
     "GROUP BY 1", None, SCATTER),
    ("po36", PO, "how many pos were recieved late", f"SELECT count(*) AS pos FROM t WHERE {LATE}", None, KPI),
    # ------------------------------------------------------------------------------------- solar installs
    ("so01", SO, "how many deals did we sign in 2024",
     "SELECT count(*) AS deals FROM t WHERE year(Signed) = 2024", None, KPI),
    ("so02", SO, "contracts signed per month",
     "SELECT date_trunc('month', Signed) AS month, count(*) AS contracts FROM t GROUP BY 1", None, LINE),
    ("so03", SO, "total contract value by sales rep",
     f"SELECT \"Sales Rep\", sum({CV}) AS contract_value FROM t WHERE {SOLD} GROUP BY 1", None, BAR),
    ("so04", SO, "top 3 only",
     f"SELECT \"Sales Rep\", sum({CV}) AS contract_value FROM t WHERE {SOLD} GROUP BY 1 ORDER BY 2 DESC LIMIT 3",
     "so03", BAR),
    ("so05", SO, "which rep has the highest price per watt",
     f"SELECT \"Sales Rep\", {PPW} AS price_per_watt FROM t WHERE {SOLD} GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    # judgment: days between two stage dates are over the projects that reached both
    ("so06", SO, "avg days from signing to permit by city",
     "SELECT City, avg(\"Permit Approved\" - Signed) AS avg_days FROM t GROUP BY 1", None, BAR),
    ("so07", SO, "only 2024",
     "SELECT City, avg(\"Permit Approved\" - Signed) AS avg_days FROM t WHERE year(Signed) = 2024 GROUP BY 1",
     "so06", BAR),
    ("so08", SO, "average days from signed to installed",
     "SELECT avg(Installed - Signed) AS avg_days FROM t", None, KPI),
    # judgment: waiting for install = not cancelled and no install date yet
    ("so09", SO, "how many projects are waiting to be installed",
     f"SELECT count(*) AS projects FROM t WHERE {SOLD} AND Installed IS NULL", None, KPI),
    ("so10", SO, "battery attach rate by quarter",
     "SELECT date_trunc('quarter', Signed) AS quarter, 100.0 * avg(CASE WHEN Battery THEN 1 ELSE 0 END) "
     "AS pct_battery FROM t GROUP BY 1", None, LINE),
    ("so11", SO, "cancellation rate by financing",
     "SELECT Financing, 100.0 * avg(CASE WHEN Status = 'Cancelled' THEN 1 ELSE 0 END) AS pct_cancelled FROM t "
     "GROUP BY 1", None, BAR),
    ("so12", SO, "kw installed by month",
     f"SELECT date_trunc('month', Installed) AS month, sum({KW}) AS kw FROM t WHERE Installed IS NOT NULL GROUP BY 1",
     None, LINE),
    ("so13", SO, "by quarter instead",
     f"SELECT date_trunc('quarter', Installed) AS quarter, sum({KW}) AS kw FROM t WHERE Installed IS NOT NULL "
     "GROUP BY 1", "so12", LINE),
    ("so14", SO, "avg system size", f"SELECT avg({KW}) AS avg_kw FROM t", None, KPI),
    ("so15", SO, "median system size by roof type",
     f"SELECT \"Roof Type\", median({KW}) AS median_kw FROM t GROUP BY 1", None, BAR),
    ("so16", SO, "deals by lead source as a pie",
     "SELECT \"Lead Source\", count(*) AS share_deals FROM t GROUP BY 1", None, ARC),
    ("so17", SO, "top 3 cities by number of installs",
     "SELECT City, count(*) AS installs FROM t WHERE Installed IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 3",
     None, BAR),
    ("so18", SO, "total rebates for deals signed in 2023",
     f"SELECT sum(Rebate) AS rebates FROM t WHERE year(Signed) = 2023 AND {SOLD}", None, KPI),
    ("so19", SO, "contract value net of rebates by financing",
     f"SELECT Financing, sum({CV} - Rebate) AS net_value FROM t WHERE {SOLD} GROUP BY 1", None, BAR),
    ("so20", SO, "which crew installed the most kw",
     f"SELECT Crew, sum({KW}) AS kw FROM t WHERE Installed IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, ONE),
    ("so21", SO, "installs per month by crew",
     "SELECT date_trunc('month', Installed) AS month, Crew, count(*) AS installs FROM t WHERE Installed IS NOT NULL "
     "GROUP BY 1, 2", None, SPLIT_T),
    ("so22", SO, "avg panels with battery vs without",
     "SELECT Battery, avg(Panels) AS avg_panels FROM t GROUP BY 1", None, BAR),
    ("so23", SO, "share of contract value by city",
     f"SELECT City, sum({CV}) AS share_contract_value FROM t WHERE {SOLD} GROUP BY 1", None, PIE),
    ("so24", SO, "how many projects got cancelled", "SELECT count(*) AS projects FROM t WHERE Status = 'Cancelled'",
     None, KPI),
    ("so25", SO, "which rep had the most",
     "SELECT \"Sales Rep\", count(*) AS projects FROM t WHERE Status = 'Cancelled' GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     "so24", ONE),
    ("so26", SO, "contracts signed by weekday",
     "SELECT dayname(Signed) AS weekday, count(*) AS contracts FROM t GROUP BY 1", None, WEEK),
    ("so27", SO, "avg credit score of customers by rep", None, None, NO),
    ("so28", SO, "how many kwh did our systems produce last year", None, None, NO),
    ("so29", SO, "distribution of contract values", f"SELECT median({CV}) AS median_value FROM t", None, DIST),
    ("so30", SO, "avg contract value for derek last quarter",
     f"SELECT avg({CV}) AS avg_contract_value FROM t WHERE \"Sales Rep\" = 'Derek Lam' AND {SOLD} "
     "AND Signed >= DATE '2024-10-01'", None, KPI),
    ("so31", SO, "days from install to PTO by city",
     "SELECT City, avg(PTO - Installed) AS avg_days FROM t GROUP BY 1", None, BAR),
    ("so32", SO, "plot avg system size against avg contract value for each rep",
     f"SELECT \"Sales Rep\", avg({KW}) AS avg_kw, avg({CV}) AS avg_contract_value FROM t WHERE {SOLD} GROUP BY 1",
     None, SCATTER),
    ("so33", SO, "avrage price per watt 2023 vs 2024",
     f"SELECT year(Signed) AS year, {PPW} AS price_per_watt FROM t WHERE {SOLD} GROUP BY 1", None, BAR),
    ("so34", SO, "door knock deals in march 2024",
     "SELECT count(*) AS deals FROM t WHERE \"Lead Source\" = 'Door Knock' AND Signed >= DATE '2024-03-01' "
     "AND Signed < DATE '2024-04-01'", None, KPI),
    ("so35", SO, "total kw and contract value by city",
     f"SELECT City, sum({KW}) AS kw, sum({CV}) AS contract_value FROM t WHERE {SOLD} GROUP BY 1", None, TWO),
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
    "cr01": "kpi", "cr02": "", "cr03": "notop der share", "cr04": "ts", "cr05": "ts cond abbr", "cr06": "abbr",
    "cr07": "mmm", "cr08": "top", "cr09": "der abbr", "cr10": "kpi kc cond", "cr11": "kpi rel", "cr12": "",
    "cr13": "pie share", "cr14": "abbr cond", "cr15": "kpi kc cond", "cr16": "kpi share cond", "cr17": "ts",
    "cr18": "qw ts", "cr19": "wh", "cr20": "wh notop", "cr21": "der", "cr22": "split", "cr23": "kpi mmm",
    "cr24": "dist", "cr25": "kpi kc cond abbr", "cr26": "notop", "cr27": "two", "cr28": "kpi kc rel cond",
    "cr29": "kpi der", "cr32": "kpi kc der typo cond", "cr33": "kpi kc typo", "cr35": "cond", "cr36": "sc der",
    "rb01": "kpi rel", "rb02": "", "rb03": "der share", "rb04": "notop", "rb05": "notop cond", "rb06": "der",
    "rb07": "kpi kc cond abbr", "rb08": "der share", "rb09": "wh", "rb10": "wh abbr", "rb11": "ts abbr",
    "rb12": "ts cond", "rb13": "qw ts", "rb14": "abbr", "rb15": "kpi rel abbr", "rb16": "kpi share cond",
    "rb17": "share", "rb18": "kpi der abbr", "rb19": "kpi mmm der", "rb20": "kpi der", "rb21": "split",
    "rb22": "top", "rb23": "notop", "rb24": "kpi kc cond", "rb25": "ts two cond", "rb26": "kpi mmm abbr",
    "rb29": "abbr", "rb30": "kpi kc rel cond", "rb31": "kpi kc cond", "rb32": "dist", "rb33": "dist der",
    "rb34": "sc typo", "rb35": "kpi kc cond", "rb36": "wh share der",
    "hv01": "kpi abbr", "hv02": "abbr", "hv03": "top der", "hv04": "qw ts abbr", "hv05": "qw ts cond",
    "hv06": "notop der", "hv07": "der abbr", "hv08": "notop der", "hv09": "share der cond", "hv10": "ts der",
    "hv11": "ts two der", "hv12": "kpi kc cond", "hv13": "der cond", "hv14": "kpi share cond",
    "hv15": "pie share", "hv16": "cond abbr", "hv17": "kpi kc der abbr", "hv18": "kpi kc der",
    "hv19": "", "hv20": "der share", "hv21": "split abbr", "hv22": "kpi mmm abbr", "hv23": "wh abbr",
    "hv24": "dist abbr", "hv27": "kpi kc der abbr cond", "hv28": "kpi kc rel cond abbr", "hv29": "kpi kc cond",
    "hv30": "der abbr", "hv31": "der abbr", "hv32": "kpi kc rel der cond", "hv33": "kpi kc typo cond",
    "hv34": "cond abbr", "hv35": "sc der abbr",
    "po01": "kpi rel abbr", "po02": "abbr", "po03": "top abbr", "po04": "notop der share", "po05": "der share",
    "po06": "der share cond", "po07": "der", "po08": "ts abbr", "po09": "ts cond abbr", "po10": "qw ts",
    "po11": "kpi kc cond abbr", "po12": "kpi kc cond", "po13": "kpi share cond", "po14": "cond abbr",
    "po15": "pie share abbr", "po16": "notop", "po17": "split abbr", "po18": "kpi rel abbr", "po19": "cond",
    "po20": "kpi mmm", "po21": "mmm", "po22": "dist", "po23": "kpi kc der cond", "po24": "wh",
    "po25": "ts cond abbr", "po26": "kpi kc cond abbr", "po29": "two abbr", "po30": "kpi kc rel cond abbr",
    "po31": "kpi kc cond", "po32": "ts der cond", "po33": "kpi kc der typo cond", "po34": "top",
    "po35": "sc der", "po36": "kpi kc der typo cond",
    "so01": "kpi kc abbr", "so02": "ts abbr", "so03": "", "so04": "top", "so05": "notop der",
    "so06": "der", "so07": "cond", "so08": "kpi der", "so09": "kpi kc cond", "so10": "qw ts der share",
    "so11": "der share", "so12": "ts abbr", "so13": "qw ts", "so14": "kpi abbr", "so15": "mmm",
    "so16": "pie share abbr", "so17": "top abbr", "so18": "kpi kc cond", "so19": "der", "so20": "notop abbr",
    "so21": "ts split", "so22": "cond", "so23": "share", "so24": "kpi kc cond", "so25": "notop cond",
    "so26": "wh", "so29": "dist", "so30": "kpi kc rel cond", "so31": "der abbr", "so32": "sc",
    "so33": "der typo", "so34": "kpi kc cond", "so35": "two abbr",
}

CATEGORIES: dict[str, frozenset[str]] = {
    name: frozenset(qid for qid, tags in _TAGS.items() if code in tags.split()) for code, name in _NAMES.items()
}
