"""The fresh evaluation set: questions about the five CSVs of make_data.py, with gold answers.

Written blind (see README.md): without reading the planner, the own suite's questions or the business
set's questions. Each entry is ``(id, dataset, question, expected_sql, prev_id_or_None, chart_types)``:
the gold SQL runs over the raw CSV as the DuckDB view ``t`` (``read_csv_auto``); ``prev_id`` names the
question a follow-up builds on; ``chart_types`` are the chart types a careful analyst would accept
(``{"unanswerable"}`` with ``expected_sql`` None: the data cannot answer it).

Conventions of the gold tables (the same as the business set's, scored by its runner):
- a column named ``pct_…`` is a percentage (0–100) and may come as a fraction;
- a column named ``share_…`` holds the amounts of a part-to-whole question and may come as the amounts
  or as shares of their total;
- a distribution question's gold is the median (one per group for a boxplot);
- Yes/No and true/false columns compare equal to booleans;
- time buckets are ``date_trunc`` of the date; weekdays are day names; hours are 0–23.
Choices a careful analyst could have made otherwise are marked ``# judgment:``.
"""
from __future__ import annotations

# Column expressions for the text-typed measures
FREIGHT = "CAST(REPLACE(REPLACE(\"Freight Cost\", '$', ''), ',', '') AS DOUBLE)"
ATTEND = "CAST(REPLACE(Attendance, '%', '') AS DOUBLE)"
OCCUP = "CAST(REPLACE(occupancy, '%', '') AS DOUBLE)"

# Accepted chart types
KPI = {"kpi"}
BAR = {"bar"}
TIME = {"line", "area", "bar"}
PIE = {"arc"}
SHARE = {"arc", "bar"}
HIST = {"histogram"}
BOX = {"boxplot"}
POINT = {"point"}
SPLIT = {"bar", "heatmap"}
TWO = {"bar", "point", "table"}
TWO_TIME = {"line", "bar", "area", "table"}
NONE = {"unanswerable"}

SHP = "shipments"
RST = "restaurant_orders"
STU = "student_grades"
ENR = "energy_readings"
HTL = "hotel_bookings"

QUESTIONS: list[tuple[str, str, str, str | None, str | None, set[str]]] = [
    # ---- shipments (July 2023 – June 2025, latest ship date 2025-06-30) ----
    ("shp01", SHP, "how many shipments did we send last month",
     "SELECT count(*) FROM t WHERE \"Ship Date\" BETWEEN DATE '2025-06-01' AND DATE '2025-06-30'", None, KPI),
    # judgment: late = delivered (or returned) and On Time = No; undelivered shipments are neither
    ("shp02", SHP, "how many shipments were late",
     "SELECT count(*) FROM t WHERE NOT \"On Time\"", None, KPI),
    ("shp03", SHP, "on time rate by carrier",
     "SELECT Carrier, 100.0 * count(*) FILTER (WHERE \"On Time\") / count(\"On Time\") AS pct_on_time FROM t "
     "GROUP BY Carrier", None, BAR),
    ("shp04", SHP, "avg freight cost per shipment",
     f"SELECT avg({FREIGHT}) FROM t", None, KPI),
    ("shp05", SHP, "total freight spend by month",
     f"SELECT date_trunc('month', \"Ship Date\") AS m, sum({FREIGHT}) FROM t GROUP BY m", None, TIME),
    ("shp06", SHP, "by quarter instead",
     f"SELECT date_trunc('quarter', \"Ship Date\") AS q, sum({FREIGHT}) FROM t GROUP BY q", "shp05", TIME),
    ("shp07", SHP, "only expedited",
     f"SELECT date_trunc('month', \"Ship Date\") AS m, sum({FREIGHT}) FROM t "
     "WHERE \"Service Level\" = 'Expedited' GROUP BY m", "shp05", TIME),
    ("shp08", SHP, "which carriers cost us the most in freight",
     f"SELECT Carrier, sum({FREIGHT}) FROM t GROUP BY Carrier", None, BAR),
    ("shp09", SHP, "3 destination states with the most shipments",
     "SELECT \"Dest State\", count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC LIMIT 3", None, BAR),
    ("shp10", SHP, "and the fewest?",
     "SELECT \"Dest State\", count(*) AS n FROM t GROUP BY 1 ORDER BY n ASC LIMIT 3", "shp09", BAR),
    ("shp11", SHP, "shipments per origin dc split by service level",
     "SELECT \"Origin DC\", \"Service Level\", count(*) FROM t GROUP BY 1, 2", None, SPLIT),
    ("shp12", SHP, "what share of shipments went overnight",
     "SELECT avg(CASE WHEN \"Service Level\" = 'Overnight' THEN 100.0 ELSE 0 END) AS pct_overnight FROM t", None, KPI),
    ("shp13", SHP, "service level mix as a pie",
     "SELECT \"Service Level\", count(*) AS share_n FROM t GROUP BY 1", None, PIE),
    ("shp14", SHP, "median weight of a shipment",
     "SELECT median(\"Weight (kg)\") FROM t", None, KPI),
    ("shp15", SHP, "heaviest shipment weight",
     "SELECT max(\"Weight (kg)\") FROM t", None, KPI),
    # judgment: delivery time = Delivery Date - Ship Date, over shipments that have a delivery date
    ("shp16", SHP, "avg delivery time in days by carrier",
     "SELECT Carrier, avg(\"Delivery Date\" - \"Ship Date\") FROM t WHERE \"Delivery Date\" IS NOT NULL "
     "GROUP BY Carrier", None, BAR),
    ("shp17", SHP, "split by service level",
     "SELECT Carrier, \"Service Level\", avg(\"Delivery Date\" - \"Ship Date\") FROM t "
     "WHERE \"Delivery Date\" IS NOT NULL GROUP BY 1, 2", "shp16", SPLIT),
    ("shp18", SHP, "how many shipments are still in transit",
     "SELECT count(*) FROM t WHERE Status = 'In Transit'", None, KPI),
    ("shp19", SHP, "number of damage claims by carrier",
     "SELECT Carrier, count(*) FROM t WHERE \"Damage Claim\" GROUP BY Carrier", None, BAR),
    ("shp20", SHP, "how many shipments got returned",
     "SELECT count(*) FROM t WHERE Status = 'Returned'", None, KPI),
    ("shp21", SHP, "total pieces shipped to CA",
     "SELECT sum(Pieces) FROM t WHERE \"Dest State\" = 'CA'", None, KPI),
    ("shp22", SHP, "plot avg freight cost against avg distance for each customer",
     f"SELECT Customer, avg(\"Distance (mi)\"), avg({FREIGHT}) FROM t GROUP BY Customer", None, POINT),
    # judgment: "last 3 months" = April–June 2025, bucketed by the week the shipment left
    ("shp23", SHP, "weekly shipment count for the last 3 months",
     "SELECT date_trunc('week', \"Ship Date\") AS w, count(*) FROM t WHERE \"Ship Date\" >= DATE '2025-04-01' "
     "GROUP BY w", None, TIME),
    ("shp24", SHP, "shipments by day of week",
     "SELECT dayname(\"Ship Date\"), count(*) FROM t GROUP BY 1", None, BAR),
    # judgment: cost per kg = total freight / total weight, over shipments with a weight
    ("shp25", SHP, "avg cost per kg by service level",
     f"SELECT \"Service Level\", sum({FREIGHT}) / sum(\"Weight (kg)\") FROM t WHERE \"Weight (kg)\" IS NOT NULL "
     "GROUP BY 1", None, BAR),
    ("shp26", SHP, "late shipments by origin",
     "SELECT \"Origin DC\", count(*) FROM t WHERE NOT \"On Time\" GROUP BY 1", None, BAR),
    ("shp27", SHP, "only ups",
     "SELECT \"Origin DC\", count(*) FROM t WHERE NOT \"On Time\" AND Carrier = 'UPS' GROUP BY 1", "shp26", BAR),
    ("shp28", SHP, "how many customers do we ship for",
     "SELECT count(DISTINCT Customer) FROM t", None, KPI),
    ("shp29", SHP, "lowest freight charge we've paid",
     f"SELECT min({FREIGHT}) FROM t", None, KPI),
    ("shp30", SHP, "monthly shipments fedex vs ups",
     "SELECT date_trunc('month', \"Ship Date\") AS m, Carrier, count(*) FROM t WHERE Carrier IN ('FedEx', 'UPS') "
     "GROUP BY 1, 2", None, TIME),
    ("shp31", SHP, "total freight cost and total weight by carrier",
     f"SELECT Carrier, sum({FREIGHT}), sum(\"Weight (kg)\") FROM t GROUP BY Carrier", None, TWO),
    ("shp32", SHP, "whats the carbon footprint of our shipments", None, None, NONE),
    ("shp33", SHP, "distribution of shipment distances",
     "SELECT median(\"Distance (mi)\") FROM t", None, HIST),
    ("shp34", SHP, "cheapest carrier on average",
     f"SELECT Carrier, avg({FREIGHT}) AS c FROM t GROUP BY Carrier ORDER BY c ASC LIMIT 1", None, {"bar", "kpi"}),
    ("shp35", SHP, "shipmnts by status",
     "SELECT Status, count(*) FROM t GROUP BY Status", None, BAR),
    ("shp36", SHP, "as a pie",
     "SELECT Status, count(*) AS share_n FROM t GROUP BY Status", "shp35", PIE),
    ("shp37", SHP, "top 5 customers by freight spend",
     f"SELECT Customer, sum({FREIGHT}) AS s FROM t GROUP BY Customer ORDER BY s DESC LIMIT 5", None, BAR),
    ("shp38", SHP, "who was the driver on the longest route", None, None, NONE),
    # judgment: "last quarter" = the latest complete quarter, April–June 2025
    ("shp39", SHP, "freight spend last quarter by carrier",
     f"SELECT Carrier, sum({FREIGHT}) FROM t WHERE \"Ship Date\" >= DATE '2025-04-01' GROUP BY Carrier", None, BAR),

    # ---- restaurant orders (2024, latest order 2024-12-31 21:14) ----
    ("rst01", RST, "how many orders did we get in december",
     "SELECT count(*) FROM t WHERE month(OrderTime) = 12", None, KPI),
    # judgment: what a location "took" is the order Total (after discount, with tip)
    ("rst02", RST, "how much did each location take in total",
     "SELECT Location, sum(Total) FROM t GROUP BY Location", None, BAR),
    ("rst03", RST, "avg tip by channel",
     "SELECT Channel, avg(Tip) FROM t GROUP BY Channel", None, BAR),
    ("rst04", RST, "orders by hour of day",
     "SELECT hour(OrderTime), count(*) FROM t GROUP BY 1", None, BAR),
    ("rst05", RST, "only weekends",
     "SELECT hour(OrderTime), count(*) FROM t WHERE dayofweek(OrderTime) IN (0, 6) GROUP BY 1", "rst04", BAR),
    ("rst06", RST, "orders per weekday",
     "SELECT dayname(OrderTime), count(*) FROM t GROUP BY 1", None, BAR),
    ("rst07", RST, "whats our avg check size",
     "SELECT avg(Total) FROM t", None, KPI),
    ("rst08", RST, "avg ticket for dine in vs delivery",
     "SELECT Channel, avg(Total) FROM t WHERE Channel IN ('Dine-in', 'Delivery') GROUP BY Channel", None, BAR),
    # judgment: only dine-in orders have a server; the orders without one are left out (also rst10, rst22)
    ("rst09", RST, "which servers got the most tips",
     "SELECT Server, sum(Tip) FROM t WHERE Server IS NOT NULL GROUP BY Server", None, BAR),
    ("rst10", RST, "the 5 servers with the highest avg tip",
     "SELECT Server, avg(Tip) AS a FROM t WHERE Server IS NOT NULL GROUP BY Server ORDER BY a DESC LIMIT 5",
     None, BAR),
    ("rst11", RST, "and the bottom 5?",
     "SELECT Server, avg(Tip) AS a FROM t WHERE Server IS NOT NULL GROUP BY Server ORDER BY a ASC LIMIT 5",
     "rst10", BAR),
    ("rst12", RST, "percentage of orders with a discount",
     "SELECT avg(CASE WHEN Discount > 0 THEN 100.0 ELSE 0 END) AS pct_discounted FROM t", None, KPI),
    ("rst13", RST, "share of delivery orders by app",
     "SELECT DeliveryApp, count(*) AS share_n FROM t WHERE DeliveryApp IS NOT NULL GROUP BY 1", None, SHARE),
    # judgment: "revenue" here is the order Total, as in rst02
    ("rst14", RST, "monthly revenue trend",
     "SELECT date_trunc('month', OrderTime) AS m, sum(Total) FROM t GROUP BY m", None, TIME),
    ("rst15", RST, "split by channel",
     "SELECT date_trunc('month', OrderTime) AS m, Channel, sum(Total) FROM t GROUP BY 1, 2", "rst14", TIME),
    ("rst16", RST, "how many loyalty members ordered delivery",
     "SELECT count(*) FROM t WHERE LoyaltyMember AND Channel = 'Delivery'", None, KPI),
    ("rst17", RST, "average rating",
     "SELECT avg(Rating) FROM t", None, KPI),
    ("rst18", RST, "avg rating by main category",
     "SELECT MainCategory, avg(Rating) FROM t GROUP BY 1", None, BAR),
    ("rst19", RST, "only airport",
     "SELECT MainCategory, avg(Rating) FROM t WHERE Location = 'Airport' GROUP BY 1", "rst18", BAR),
    ("rst20", RST, "largest party size we've had",
     "SELECT max(PartySize) FROM t", None, KPI),
    ("rst21", RST, "median party size for dine in",
     "SELECT median(PartySize) FROM t WHERE Channel = 'Dine-in'", None, KPI),
    ("rst22", RST, "tips and subtotal per server",
     "SELECT Server, sum(Tip), sum(Subtotal) FROM t WHERE Server IS NOT NULL GROUP BY Server", None, TWO),
    # judgment: tip % = total tips over the bill they were left on (subtotal after discount)
    ("rst23", RST, "tip percentage by channel",
     "SELECT Channel, 100 * sum(Tip) / sum(Subtotal - Discount) AS pct_tip FROM t GROUP BY Channel", None, BAR),
    ("rst24", RST, "total discounts given in q4",
     "SELECT sum(Discount) FROM t WHERE quarter(OrderTime) = 4", None, KPI),
    ("rst25", RST, "orders per week in november",
     "SELECT date_trunc('week', OrderTime) AS w, count(*) FROM t WHERE month(OrderTime) = 11 GROUP BY w",
     None, TIME),
    ("rst26", RST, "which location has the worst ratings",
     "SELECT Location, avg(Rating) AS r FROM t GROUP BY Location ORDER BY r ASC LIMIT 1", None, {"bar", "kpi"}),
    ("rst27", RST, "payment methods breakdown pie",
     "SELECT PaymentType, count(*) AS share_n FROM t GROUP BY 1", None, PIE),
    ("rst28", RST, "distribution of order totals",
     "SELECT median(Total) FROM t", None, HIST),
    ("rst29", RST, "total spend by channel and location",
     "SELECT Channel, Location, sum(Total) FROM t GROUP BY 1, 2", None, SPLIT),
    ("rst30", RST, "how many orders had more than 4 items",
     "SELECT count(*) FROM t WHERE ItemCount > 4", None, KPI),
    ("rst31", RST, "what was the food cost per dish", None, None, NONE),
    ("rst32", RST, "avg number of items per order by main categry",
     "SELECT MainCategory, avg(ItemCount) FROM t GROUP BY 1", None, BAR),
    ("rst33", RST, "revenue in the last 3 months by location",
     "SELECT Location, sum(Total) FROM t WHERE OrderTime >= TIMESTAMP '2024-10-01' GROUP BY Location", None, BAR),
    ("rst34", RST, "top 3 locations by number of orders",
     "SELECT Location, count(*) AS n FROM t GROUP BY Location ORDER BY n DESC LIMIT 3", None, BAR),
    ("rst35", RST, "how many calories in the avg pizza", None, None, NONE),

    # ---- student grades (enrolments Fall 2022 – Spring 2025) ----
    ("stu01", STU, "how many students are there",
     "SELECT count(DISTINCT \"Student ID\") FROM t", None, KPI),
    ("stu02", STU, "avg final score by department",
     "SELECT Department, avg(\"Final Score\") FROM t GROUP BY 1", None, BAR),
    ("stu03", STU, "only spring 2025",
     "SELECT Department, avg(\"Final Score\") FROM t WHERE Term = 'Spring 2025' GROUP BY 1", "stu02", BAR),
    # judgment: pass rate over all enrolments; a withdrawal (W) did not pass
    ("stu04", STU, "pass rate by course code",
     "SELECT \"Course Code\", avg(CASE WHEN Passed THEN 100.0 ELSE 0 END) AS pct_pass FROM t GROUP BY 1", None, BAR),
    ("stu05", STU, "how many of each letter grade",
     "SELECT \"Letter Grade\", count(*) FROM t GROUP BY 1", None, SHARE),
    ("stu06", STU, "histogram of final scores",
     "SELECT median(\"Final Score\") FROM t", None, HIST),
    ("stu07", STU, "boxplot of scores by dept",
     "SELECT Department, median(\"Final Score\") FROM t GROUP BY 1", None, BOX),
    ("stu08", STU, "enrolments per term",
     "SELECT Term, count(*) FROM t GROUP BY Term", None, BAR),
    ("stu09", STU, "split by mode",
     "SELECT Term, Mode, count(*) FROM t GROUP BY 1, 2", "stu08", SPLIT),
    # judgment: students, not enrolments (the same here: nobody failed Calculus I twice)
    ("stu10", STU, "how many students failed calc 1",
     "SELECT count(DISTINCT \"Student ID\") FROM t WHERE \"Course Title\" = 'Calculus I' AND \"Letter Grade\" = 'F'",
     None, KPI),
    ("stu11", STU, "avg attendance",
     f"SELECT avg({ATTEND}) AS pct_attendance FROM t", None, KPI),
    ("stu12", STU, "scatter of average attendance against average score per instructor",
     f"SELECT Instructor, avg({ATTEND}) AS pct_attendance, avg(\"Final Score\") FROM t GROUP BY 1", None, POINT),
    ("stu13", STU, "which 3 instructors give the highest avg scores",
     "SELECT Instructor, avg(\"Final Score\") AS s FROM t GROUP BY 1 ORDER BY s DESC LIMIT 3", None, BAR),
    ("stu14", STU, "and the lowest 3",
     "SELECT Instructor, avg(\"Final Score\") AS s FROM t GROUP BY 1 ORDER BY s ASC LIMIT 3", "stu13", BAR),
    ("stu15", STU, "what % of enrolments are online",
     "SELECT avg(CASE WHEN Mode = 'Online' THEN 100.0 ELSE 0 END) AS pct_online FROM t", None, KPI),
    ("stu16", STU, "scholarship students avg score vs others",
     "SELECT Scholarship, avg(\"Final Score\") FROM t GROUP BY 1", None, BAR),
    ("stu17", STU, "how many withdrawals were there",
     "SELECT count(*) FROM t WHERE \"Letter Grade\" = 'W'", None, KPI),
    ("stu18", STU, "lowest score in econometrics",
     "SELECT min(\"Final Score\") FROM t WHERE \"Course Title\" = 'Econometrics'", None, KPI),
    ("stu19", STU, "worst final score in each department",
     "SELECT Department, min(\"Final Score\") FROM t GROUP BY 1", None, BAR),
    ("stu20", STU, "enrollments by month",
     "SELECT date_trunc('month', \"Enrollment Date\") AS m, count(*) FROM t GROUP BY m", None, TIME),
    ("stu21", STU, "total credits taken by year level",
     "SELECT \"Year Level\", sum(Credits) FROM t GROUP BY 1", None, BAR),
    ("stu22", STU, "only scholarship students",
     "SELECT \"Year Level\", sum(Credits) FROM t WHERE Scholarship GROUP BY 1", "stu21", BAR),
    ("stu23", STU, "number of students per department",
     "SELECT Department, count(DISTINCT \"Student ID\") FROM t GROUP BY 1", None, BAR),
    ("stu24", STU, "mode of study split as a donut",
     "SELECT Mode, count(*) AS share_n FROM t GROUP BY Mode", None, PIE),
    ("stu25", STU, "avg score by term and mode",
     "SELECT Term, Mode, avg(\"Final Score\") FROM t GROUP BY 1, 2", None, SPLIT),
    ("stu26", STU, "how many A grades in fall 2024",
     "SELECT count(*) FROM t WHERE \"Letter Grade\" = 'A' AND Term = 'Fall 2024'", None, KPI),
    ("stu27", STU, "share of computer science enrolments that didnt pass",
     "SELECT avg(CASE WHEN NOT Passed THEN 100.0 ELSE 0 END) AS pct_not_passed FROM t "
     "WHERE Department = 'Computer Science'",
     None, KPI),
    ("stu28", STU, "whats the avg tuition fee per student", None, None, NONE),
    ("stu29", STU, "avg scroe for online vs in-person",
     "SELECT Mode, avg(\"Final Score\") FROM t WHERE Mode IN ('Online', 'In-person') GROUP BY Mode", None, BAR),
    ("stu30", STU, "which course codes have the most W grades",
     "SELECT \"Course Code\", count(*) FROM t WHERE \"Letter Grade\" = 'W' GROUP BY 1", None, BAR),
    ("stu31", STU, "median attendance by year level",
     f"SELECT \"Year Level\", median({ATTEND}) AS pct_attendance FROM t GROUP BY 1", None, BAR),
    ("stu32", STU, "avg score per course for Dr. Okafor",
     "SELECT \"Course Code\", avg(\"Final Score\") FROM t WHERE Instructor = 'Dr. Okafor' GROUP BY 1", None, BAR),
    ("stu33", STU, "enrolment count and avg score per dept",
     "SELECT Department, count(*), avg(\"Final Score\") FROM t GROUP BY 1", None, TWO),

    # ---- energy readings (daily, July 2024 – June 2025, latest reading 2025-06-30) ----
    ("enr01", ENR, "total kwh last month",
     "SELECT sum(kwh_used) FROM t WHERE reading_date BETWEEN DATE '2025-06-01' AND DATE '2025-06-30'", None, KPI),
    ("enr02", ENR, "kwh by meter id",
     "SELECT meter_id, sum(kwh_used) FROM t GROUP BY 1", None, BAR),
    ("enr03", ENR, "avg daily consumption per site",
     "SELECT site_name, avg(kwh_used) FROM t GROUP BY 1", None, BAR),
    ("enr04", ENR, "median instead",
     "SELECT site_name, median(kwh_used) FROM t GROUP BY 1", "enr03", BAR),
    ("enr05", ENR, "which site costs the most to run",
     "SELECT site_name, sum(cost_usd) AS c FROM t GROUP BY 1 ORDER BY c DESC LIMIT 1", None, {"bar", "kpi"}),
    ("enr06", ENR, "total electricity cost by region",
     "SELECT region, sum(cost_usd) FROM t GROUP BY 1", None, BAR),
    ("enr07", ENR, "per month instead",
     "SELECT date_trunc('month', reading_date) AS m, sum(cost_usd) FROM t GROUP BY m", "enr06", TIME),
    ("enr08", ENR, "energy use by building type as a pie",
     "SELECT building_type, sum(kwh_used) AS share_kwh FROM t GROUP BY 1", None, PIE),
    ("enr09", ENR, "monthly cost trend",
     "SELECT date_trunc('month', reading_date) AS m, sum(cost_usd) FROM t GROUP BY m", None, TIME),
    ("enr10", ENR, "by quarter instead",
     "SELECT date_trunc('quarter', reading_date) AS q, sum(cost_usd) FROM t GROUP BY q", "enr09", TIME),
    ("enr11", ENR, "only west region",
     "SELECT date_trunc('month', reading_date) AS m, sum(cost_usd) FROM t WHERE region = 'West' GROUP BY m",
     "enr09", TIME),
    ("enr12", ENR, "max peak kw per site",
     "SELECT site_name, max(peak_kw) FROM t GROUP BY 1", None, BAR),
    ("enr13", ENR, "how many readings were estimated",
     "SELECT count(*) FROM t WHERE estimated", None, KPI),
    ("enr14", ENR, "what % of readings are estimated",
     "SELECT avg(CASE WHEN estimated THEN 100.0 ELSE 0 END) AS pct_estimated FROM t", None, KPI),
    ("enr15", ENR, "solar generation by month",
     "SELECT date_trunc('month', reading_date) AS m, sum(solar_kwh) FROM t GROUP BY m", None, TIME),
    # judgment: sites without panels (blank solar_kwh) are left out
    ("enr16", ENR, "total solar kwh by site",
     "SELECT site_name, sum(solar_kwh) FROM t WHERE solar_kwh IS NOT NULL GROUP BY 1", None, BAR),
    ("enr17", ENR, "avg temp by month",
     "SELECT date_trunc('month', reading_date) AS m, avg(avg_temp_f) FROM t GROUP BY m", None, TIME),
    ("enr18", ENR, "avg kwh and avg temperature per month for the data center",
     "SELECT date_trunc('month', reading_date) AS m, avg(kwh_used), avg(avg_temp_f) FROM t "
     "WHERE building_type = 'Data Center' GROUP BY m", None, TWO_TIME),
    ("enr19", ENR, "weekday vs weekend usage at hq tower",
     "SELECT CASE WHEN dayofweek(reading_date) IN (0, 6) THEN 'Weekend' ELSE 'Weekday' END AS part, avg(kwh_used) "
     "FROM t WHERE site_name = 'HQ Tower' GROUP BY 1", None, BAR),
    ("enr20", ENR, "avg kwh by day of week for offices",
     "SELECT dayname(reading_date), avg(kwh_used) FROM t WHERE building_type = 'Office' GROUP BY 1", None, BAR),
    # judgment: energy intensity = the year's kWh over the site's floor area
    ("enr21", ENR, "energy intensity (kwh per sq ft) by site",
     "SELECT site_name, sum(kwh_used) / max(floor_area_sqft) FROM t GROUP BY 1", None, BAR),
    ("enr22", ENR, "cost per kwh by region",
     "SELECT region, sum(cost_usd) / sum(kwh_used) FROM t GROUP BY 1", None, BAR),
    ("enr23", ENR, "lowest daily usage recorded at store 114",
     "SELECT min(kwh_used) FROM t WHERE site_name = 'Store 114'", None, KPI),
    ("enr24", ENR, "median daily kwh by building type",
     "SELECT building_type, median(kwh_used) FROM t GROUP BY 1", None, BAR),
    # judgment: sites that record no occupancy (data centre, plant) are left out
    ("enr25", ENR, "avg occupancy by site",
     f"SELECT site_name, avg({OCCUP}) AS pct_occupancy FROM t WHERE occupancy IS NOT NULL GROUP BY 1", None, BAR),
    ("enr26", ENR, "days over 24000 kwh at dc west",
     "SELECT count(*) FROM t WHERE site_name = 'DC West' AND kwh_used > 24000", None, KPI),
    ("enr27", ENR, "top 5 days by total consumption",
     "SELECT reading_date, sum(kwh_used) AS k FROM t GROUP BY 1 ORDER BY k DESC LIMIT 5", None, BAR),
    ("enr28", ENR, "what are our carbon emissions", None, None, NONE),
    ("enr29", ENR, "distribution of daily peak kw for plant 2",
     "SELECT median(peak_kw) FROM t WHERE site_name = 'Plant 2'", None, HIST),
    ("enr30", ENR, "kwh by site and month for q1 2025",
     "SELECT date_trunc('month', reading_date) AS m, site_name, sum(kwh_used) FROM t "
     "WHERE reading_date BETWEEN DATE '2025-01-01' AND DATE '2025-03-31' GROUP BY 1, 2", None, TIME | SPLIT),
    ("enr31", ENR, "usage in the last 3 months by site",
     "SELECT site_name, sum(kwh_used) FROM t WHERE reading_date >= DATE '2025-04-01' GROUP BY 1", None, BAR),
    ("enr32", ENR, "avg cost a day for retail stores",
     "SELECT avg(cost_usd) FROM t WHERE building_type = 'Retail'", None, KPI),
    ("enr33", ENR, "how much did we spend on power in total",
     "SELECT sum(cost_usd) FROM t", None, KPI),
    ("enr34", ENR, "electricty cost by site",
     "SELECT site_name, sum(cost_usd) FROM t GROUP BY 1", None, BAR),
    ("enr35", ENR, "gas usage by site", None, None, NONE),

    # ---- hotel bookings (check-ins 2023–2024, latest check-in 2024-12-31) ----
    ("htl01", HTL, "how many bookings were cancelled",
     "SELECT count(*) FROM t WHERE Cancelled", None, KPI),
    ("htl02", HTL, "cancellation rate by channel",
     "SELECT Channel, avg(CASE WHEN Cancelled THEN 100.0 ELSE 0 END) AS pct_cancelled FROM t GROUP BY 1", None, BAR),
    ("htl03", HTL, "only 2024 check-ins",
     "SELECT Channel, avg(CASE WHEN Cancelled THEN 100.0 ELSE 0 END) AS pct_cancelled FROM t "
     "WHERE year(\"Check-in\") = 2024 GROUP BY 1",
     "htl02", BAR),
    ("htl04", HTL, "avg daily rate by hotel",
     "SELECT Hotel, avg(ADR) FROM t GROUP BY 1", None, BAR),
    ("htl05", HTL, "by room type instead",
     "SELECT \"Room Type\", avg(ADR) FROM t GROUP BY 1", "htl04", BAR),
    ("htl06", HTL, "check-ins per month",
     "SELECT date_trunc('month', \"Check-in\") AS m, count(*) FROM t GROUP BY m", None, TIME),
    # judgment: revenue counts the bookings that were not cancelled
    ("htl07", HTL, "revenue by hotel excluding cancellations",
     "SELECT Hotel, sum(\"Booking Value\") FROM t WHERE NOT Cancelled GROUP BY 1", None, BAR),
    ("htl08", HTL, "split by room type",
     "SELECT Hotel, \"Room Type\", sum(\"Booking Value\") FROM t WHERE NOT Cancelled GROUP BY 1, 2", "htl07", SPLIT),
    ("htl09", HTL, "avg lead time",
     "SELECT avg(\"Lead Time\") FROM t", None, KPI),
    ("htl10", HTL, "median lead time by channel",
     "SELECT Channel, median(\"Lead Time\") FROM t GROUP BY 1", None, BAR),
    ("htl11", HTL, "longest stay",
     "SELECT max(Nights) FROM t", None, KPI),
    ("htl12", HTL, "avg length of stay by hotel type",
     "SELECT \"Hotel Type\", avg(Nights) FROM t GROUP BY 1", None, BAR),
    ("htl13", HTL, "share of bookings by meal plan as pie",
     "SELECT \"Meal Plan\", count(*) AS share_n FROM t GROUP BY 1", None, PIE),
    ("htl14", HTL, "which 5 countries book the most",
     "SELECT \"Guest Country\", count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC LIMIT 5", None, BAR),
    ("htl15", HTL, "show 8",
     "SELECT \"Guest Country\", count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC LIMIT 8", "htl14", BAR),
    # judgment: the count of bookings made by repeat guests (guests have no id)
    ("htl16", HTL, "how many repeat guests",
     "SELECT count(*) FROM t WHERE \"Repeat Guest\" = 1", None, KPI),
    ("htl17", HTL, "what percent of bookings are from repeat guests",
     "SELECT 100 * avg(\"Repeat Guest\") AS pct_repeat FROM t", None, KPI),
    # judgment: a booking belongs to the year of its check-in
    ("htl18", HTL, "total booking value in 2024",
     "SELECT sum(\"Booking Value\") FROM t WHERE year(\"Check-in\") = 2024", None, KPI),
    ("htl19", HTL, "monthly adr for sunset resort",
     "SELECT date_trunc('month', \"Check-in\") AS m, avg(ADR) FROM t WHERE Hotel = 'Sunset Resort' GROUP BY m",
     None, TIME),
    ("htl20", HTL, "compare with pine lodge",
     "SELECT date_trunc('month', \"Check-in\") AS m, Hotel, avg(ADR) FROM t "
     "WHERE Hotel IN ('Sunset Resort', 'Pine Lodge') GROUP BY 1, 2", "htl19", TIME),
    ("htl21", HTL, "bookings by quarter and hotel",
     "SELECT date_trunc('quarter', \"Check-in\") AS q, Hotel, count(*) FROM t GROUP BY 1, 2", None, TIME | SPLIT),
    ("htl22", HTL, "check-ins by weekday",
     "SELECT dayname(\"Check-in\"), count(*) FROM t GROUP BY 1", None, BAR),
    # judgment: guests = adults + children, a blank children count taken as none
    ("htl23", HTL, "avg guests per booking",
     "SELECT avg(Adults + coalesce(Children, 0)) FROM t", None, KPI),
    ("htl24", HTL, "how many bookings had kids",
     "SELECT count(*) FROM t WHERE Children > 0", None, KPI),
    ("htl25", HTL, "cheapest room type on avg",
     "SELECT \"Room Type\", avg(ADR) AS a FROM t GROUP BY 1 ORDER BY a ASC LIMIT 1", None, {"bar", "kpi"}),
    # judgment: revenue excludes cancellations (as htl07); last 3 months = October–December 2024 check-ins
    ("htl26", HTL, "revenue last 3 months",
     "SELECT sum(\"Booking Value\") FROM t WHERE NOT Cancelled AND \"Check-in\" >= DATE '2024-10-01'", None, KPI),
    ("htl27", HTL, "nights booked per month in 2024, without cancellations",
     "SELECT date_trunc('month', \"Check-in\") AS m, sum(Nights) FROM t WHERE NOT Cancelled "
     "AND year(\"Check-in\") = 2024 GROUP BY m", None, TIME),
    ("htl28", HTL, "adr vs lead time by channel as a scatter",
     "SELECT Channel, avg(\"Lead Time\"), avg(ADR) FROM t GROUP BY 1", None, POINT),
    ("htl29", HTL, "distribution of lead times",
     "SELECT median(\"Lead Time\") FROM t", None, HIST),
    ("htl30", HTL, "lead time boxplot cancelled vs not",
     "SELECT Cancelled, median(\"Lead Time\") FROM t GROUP BY 1", None, BOX),
    ("htl31", HTL, "whats the occupancy rate of harbor view", None, None, NONE),
    ("htl32", HTL, "how many bookings came thru the corporate chanel",
     "SELECT count(*) FROM t WHERE Channel = 'Corporate'", None, KPI),
    ("htl33", HTL, "adults and children by hotel",
     "SELECT Hotel, sum(Adults), sum(Children) FROM t GROUP BY 1", None, TWO | SPLIT),
    ("htl34", HTL, "bookings by room type",
     "SELECT \"Room Type\", count(*) FROM t GROUP BY 1", None, BAR),
    ("htl35", HTL, "as a pie",
     "SELECT \"Room Type\", count(*) AS share_n FROM t GROUP BY 1", "htl34", PIE),
    ("htl36", HTL, "which hotel has the highest cancellation rate",
     "SELECT Hotel, avg(CASE WHEN Cancelled THEN 100.0 ELSE 0 END) AS pct_cancelled FROM t GROUP BY 1 "
     "ORDER BY pct_cancelled DESC LIMIT 1",
     None, {"bar", "kpi"}),
    ("htl37", HTL, "avg review score per hotel", None, None, NONE),
    # judgment: "this year" = the year of the latest check-in, 2024
    ("htl38", HTL, "check ins this year by hotel",
     "SELECT Hotel, count(*) FROM t WHERE year(\"Check-in\") = 2024 GROUP BY Hotel", None, BAR),
]


def _ids(text: str) -> frozenset[str]:
    return frozenset(text.split())


CATEGORIES: dict[str, frozenset[str]] = {
    "time series": _ids("shp05 shp06 shp07 shp23 shp30 rst14 rst15 rst25 stu20 enr07 enr09 enr10 enr11 enr15 "
                        "enr17 enr18 enr30 htl06 htl19 htl20 htl21 htl27"),
    "quarter or week grain": _ids("shp06 shp23 rst25 enr10 htl21"),
    "weekday or hour": _ids("shp24 rst04 rst05 rst06 enr19 enr20 htl22"),
    "kpi": _ids("shp01 shp02 shp04 shp12 shp14 shp15 shp18 shp20 shp21 shp28 shp29 rst01 rst07 rst12 rst16 "
                "rst17 rst20 rst21 rst24 rst30 stu01 stu10 stu11 stu15 stu17 stu18 stu26 stu27 enr01 enr13 "
                "enr14 enr23 enr26 enr32 enr33 htl01 htl09 htl11 htl16 htl17 htl18 htl23 htl24 htl26 htl32"),
    "kpi with a condition": _ids("shp01 shp02 shp18 shp20 shp21 rst01 rst16 rst21 rst24 rst30 stu10 stu17 "
                                 "stu18 stu26 stu27 enr01 enr13 enr23 enr26 enr32 htl01 htl16 htl18 htl24 "
                                 "htl26 htl32"),
    "top-N with 'top'": _ids("shp37 rst34 enr27"),
    "top/bottom-N without 'top'": _ids("shp09 shp10 shp34 rst10 rst11 rst26 stu13 stu14 enr05 htl14 htl15 "
                                       "htl25 htl36"),
    "share or percentage": _ids("shp03 shp12 shp13 rst12 rst13 rst23 stu04 stu15 stu27 enr08 enr14 enr25 "
                                "htl02 htl13 htl17 htl36"),
    "pie asked for": _ids("shp13 shp36 rst27 stu24 enr08 htl13 htl35"),
    "two measures": _ids("shp22 shp31 rst22 stu12 stu33 enr18 htl28 htl33"),
    "split by colour": _ids("shp11 shp17 shp30 rst15 rst29 stu09 stu25 enr30 htl08 htl20 htl21"),
    "median/max/min wording": _ids("shp14 shp15 shp29 rst20 rst21 stu18 stu19 stu31 enr04 enr12 enr23 enr24 "
                                   "htl10 htl11"),
    "condition in words or values": _ids("shp02 htl38 shp07 shp18 shp19 shp20 shp21 shp26 shp27 shp30 rst05 rst08 "
                                         "rst16 rst19 rst30 stu03 stu10 stu16 stu17 stu18 stu22 stu26 stu27 "
                                         "stu29 stu30 stu32 enr11 enr13 enr19 enr20 enr23 enr26 enr32 htl01 "
                                         "htl03 htl07 htl16 htl24 htl27 htl32"),
    "relative period": _ids("shp01 shp23 shp39 rst33 enr01 enr31 htl26 htl38"),
    "distribution": _ids("shp33 rst28 stu06 stu07 enr29 htl29 htl30"),
    "scatter": _ids("shp22 stu12 htl28"),
    "typo": _ids("shp35 rst32 stu29 enr34 htl32"),
    "abbreviation or paraphrase": _ids("shp04 shp05 shp08 shp11 shp25 shp29 rst02 rst03 rst07 rst08 rst24 stu07 "
                                       "stu08 stu10 stu17 enr03 enr08 enr12 enr21 enr32 enr33 htl04 htl09 htl11 "
                                       "htl19 htl24 htl28 htl32"),
    "derived measure": _ids("shp16 shp17 shp25 rst23 enr19 enr21 enr22 htl23"),
}
