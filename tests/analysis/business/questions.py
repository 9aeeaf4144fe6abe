"""The business evaluation set: everyday questions over seven ordinary CSVs, written blind.

Each entry is ``(id, dataset, question, expected_sql, prev_id_or_None, chart_types)``:
- ``dataset`` names ``data/<dataset>.csv``;
- ``expected_sql`` is the gold result, hand-written DuckDB SQL over the raw CSV exposed as table ``t``
  (``read_csv_auto``), or ``None`` when the data cannot answer the question (the planner must raise
  ``Unanswerable``; ``chart_types`` is then ``{"unanswerable"}``);
- ``prev_id_or_None`` chains a follow-up to the answer it builds on;
- ``chart_types`` is the set of chart types a careful analyst would accept.

Conventions the runner relies on (see README.md):
- a distribution (histogram) is right when its median is the gold value; a boxplot by a dimension is
  right when each group's median is; the gold SQL therefore returns medians for those questions;
- a gold column named ``pct_…`` holds a percentage (0–100); the same numbers as a fraction (0–1)
  are also right;
- a gold column named ``share_…`` holds the amounts of a part-to-whole question; the same amounts,
  or each one's share of their total (as a fraction or a percentage), are right;
- "last month", "last 3 months", "this year" are anchored to the latest date in the data
  (each dataset's latest date is the last day of a month, except employees and inventory);
- weeks are ISO weeks starting on Monday (DuckDB ``date_trunc('week', …)``).

Lines marked ``# judgment:`` record a gold decision a careful analyst could have made otherwise.

Written by the evalset helper before running, or reading, the planner.
"""
from __future__ import annotations

ANY_TREND = {"line", "area", "bar"}  # a series over time: line, area or bars are all fine
AMOUNT = "CAST(replace(replace(\"Amount\", '$', ''), ',', '') AS DOUBLE)"  # invoices: "$12,345.67"
BOUNCE = "CAST(replace(bounce_rate, '%', '') AS DOUBLE)"  # web_analytics: "41.3%"
DISCOUNT = "CAST(replace(\"Discount\", '%', '') AS DOUBLE)"  # retail_orders: "15%"
BONUS = "CAST(replace(\"Bonus %\", '%', '') AS DOUBLE)"  # employees: "7.5%"
U = {"unanswerable"}

EMPLOYEES = [
    ("hr01", "employees", "average salary by department",
     'SELECT "Department", AVG("Annual Salary") FROM t GROUP BY 1', None, {"bar"}),
    ("hr02", "employees", "only remote workers",
     'SELECT "Department", AVG("Annual Salary") FROM t WHERE "Remote" GROUP BY 1', "hr01", {"bar"}),
    ("hr03", "employees", "now split by gender",
     'SELECT "Department", "Gender", AVG("Annual Salary") FROM t WHERE "Remote" GROUP BY 1, 2', "hr02", {"bar"}),
    # judgment: employees are named by Full Name, not by Employee ID
    ("hr04", "employees", "Who are the 5 highest paid employees?",
     'SELECT "Full Name", "Annual Salary" FROM t ORDER BY 2 DESC LIMIT 5', None, {"bar", "table"}),
    ("hr05", "employees", "How many employees are over 50?",
     'SELECT COUNT(*) FROM t WHERE "Age" > 50', None, {"kpi"}),
    ("hr06", "employees", "what percentage of staff work remotely?",
     'SELECT 100.0 * AVG(CASE WHEN "Remote" THEN 1 ELSE 0 END) AS pct_remote FROM t', None, {"kpi"}),
    ("hr07", "employees", "How many people did we hire each year?",
     'SELECT date_trunc(\'year\', "Hire Date"), COUNT(*) FROM t GROUP BY 1', None, {"bar", "line"}),
    ("hr08", "employees", "headcount by office",
     'SELECT "Office", COUNT(*) FROM t GROUP BY 1', None, {"bar"}),
    ("hr09", "employees", "median pay by level",
     'SELECT "Level", MEDIAN("Annual Salary") FROM t GROUP BY 1', None, {"bar"}),
    ("hr10", "employees", "avg age per dept",
     'SELECT "Department", AVG("Age") FROM t GROUP BY 1', None, {"bar"}),
    # judgment: "compare the pay" = average salary; non-binary staff are left out (the question names two groups)
    ("hr11", "employees", "compare pay for men vs women in each departmnet",
     'SELECT "Department", "Gender", AVG("Annual Salary") FROM t WHERE "Gender" IN (\'Male\', \'Female\') '
     'GROUP BY 1, 2', None, {"bar"}),
    ("hr12", "employees", "which department has the highest average salary",
     'SELECT "Department", AVG("Annual Salary") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, {"bar", "kpi"}),
    ("hr13", "employees", "distribution of salaries",
     'SELECT MEDIAN("Annual Salary") FROM t', None, {"histogram"}),
    ("hr14", "employees", "salary spread by department",
     'SELECT "Department", MEDIAN("Annual Salary") FROM t GROUP BY 1', None, {"boxplot"}),
    ("hr15", "employees", "how many managers do we have",
     'SELECT COUNT(*) FROM t WHERE "Is Manager"', None, {"kpi"}),
    ("hr16", "employees", "number of hires per quarter in 2024",
     'SELECT date_trunc(\'quarter\', "Hire Date"), COUNT(*) FROM t WHERE year("Hire Date") = 2024 GROUP BY 1',
     None, {"bar", "line"}),
    ("hr17", "employees", "avergae performance rating by office",
     'SELECT "Office", AVG("Performance Rating") FROM t GROUP BY 1', None, {"bar"}),
    ("hr18", "employees", "contractors by department",
     'SELECT "Department", COUNT(*) FROM t WHERE "Employment Type" = \'Contractor\' GROUP BY 1', None, {"bar"}),
    ("hr19", "employees", "what's the youngest age in engineering",
     'SELECT MIN("Age") FROM t WHERE "Department" = \'Engineering\'', None, {"kpi"}),
    # judgment: payroll = the sum of annual salaries
    ("hr20", "employees", "total payroll by department",
     'SELECT "Department", SUM("Annual Salary") AS share_payroll FROM t GROUP BY 1', None, {"bar"}),
    ("hr21", "employees", "as a pie",
     'SELECT "Department", SUM("Annual Salary") AS share_payroll FROM t GROUP BY 1', "hr20", {"arc"}),
    ("hr22", "employees", "what share of employees are at each level",
     'SELECT "Level", COUNT(*) AS share_employees FROM t GROUP BY 1', None, {"arc", "bar"}),
    ("hr23", "employees", "average and max salary per department",
     'SELECT "Department", AVG("Annual Salary"), MAX("Annual Salary") FROM t GROUP BY 1', None, {"bar"}),
    ("hr24", "employees", "remote vs on-site employees per department",
     'SELECT "Department", "Remote", COUNT(*) FROM t GROUP BY 1, 2', None, {"bar"}),
    ("hr25", "employees", "how many employees were hired before 2018",
     'SELECT COUNT(*) FROM t WHERE "Hire Date" < DATE \'2018-01-01\'', None, {"kpi"}),
    ("hr26", "employees", "lowest paid department on average",
     'SELECT "Department", AVG("Annual Salary") FROM t GROUP BY 1 ORDER BY 2 ASC LIMIT 1', None, {"bar", "kpi"}),
    ("hr27", "employees", "what's the attrition rate by department?", None, None, U),
    ("hr28", "employees", "by month instead",
     'SELECT date_trunc(\'month\', "Hire Date"), COUNT(*) FROM t WHERE year("Hire Date") = 2024 GROUP BY 1',
     "hr16", {"bar", "line"}),
    ("hr29", "employees", "what about the 5 lowest paid",
     'SELECT "Full Name", "Annual Salary" FROM t ORDER BY 2 ASC LIMIT 5', "hr04", {"bar", "table"}),
    # judgment: the plain mean of the bonus percentages of the employees at each level
    ("hr30", "employees", "avg bonus % by level",
     f'SELECT "Level", AVG({BONUS}) AS pct_bonus FROM t GROUP BY 1', None, {"bar"}),
]

WEB = [
    ("web01", "web_analytics", "total sessions per month in 2024",
     "SELECT date_trunc('month', date), SUM(sessions) FROM t WHERE year(date) = 2024 GROUP BY 1", None, ANY_TREND),
    ("web02", "web_analytics", "split by device",
     "SELECT date_trunc('month', date), device, SUM(sessions) FROM t WHERE year(date) = 2024 GROUP BY 1, 2",
     "web01", ANY_TREND),
    ("web03", "web_analytics", "only mobile and tablet",
     "SELECT date_trunc('month', date), device, SUM(sessions) FROM t WHERE year(date) = 2024 "
     "AND device IN ('Mobile', 'Tablet') GROUP BY 1, 2", "web02", ANY_TREND),
    ("web04", "web_analytics", "pageviews by source",
     "SELECT source, SUM(pageviews) FROM t GROUP BY 1", None, {"bar"}),
    ("web05", "web_analytics", "which traffic source brings the most conversions",
     "SELECT source, SUM(conversions) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, {"bar", "kpi"}),
    ("web06", "web_analytics", "top 3 countries by revenue",
     "SELECT country, SUM(revenue) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, {"bar"}),
    ("web07", "web_analytics", "revenue by country as a pie",
     "SELECT country, SUM(revenue) AS share_revenue FROM t GROUP BY 1", None, {"arc"}),
    # judgment: the plain mean of the rows' bounce rates, not weighted by sessions
    ("web08", "web_analytics", "avg bounce rate by device",
     f"SELECT device, AVG({BOUNCE}) AS pct_bounce FROM t GROUP BY 1", None, {"bar"}),
    # judgment: conversion rate = conversions / sessions, summed per source first
    ("web09", "web_analytics", "conversion rate by source",
     "SELECT source, 100.0 * SUM(conversions) / SUM(sessions) AS pct_conversion FROM t GROUP BY 1", None, {"bar"}),
    ("web10", "web_analytics", "sessions and conversions by month",
     "SELECT date_trunc('month', date), SUM(sessions), SUM(conversions) FROM t GROUP BY 1", None,
     {"line", "bar"}),
    ("web11", "web_analytics", "how many sessions did we get last month",
     "SELECT SUM(sessions) FROM t WHERE date >= DATE '2024-12-01'", None, {"kpi"}),
    ("web12", "web_analytics", "revenue in the last 3 months by source",
     "SELECT source, SUM(revenue) FROM t WHERE date >= DATE '2024-10-01' GROUP BY 1", None, {"bar"}),
    ("web13", "web_analytics", "sessions per week in december 2024",
     "SELECT date_trunc('week', date), SUM(sessions) FROM t WHERE date >= DATE '2024-12-01' GROUP BY 1", None,
     ANY_TREND),
    ("web14", "web_analytics", "new users by country",
     "SELECT country, SUM(new_users) FROM t GROUP BY 1", None, {"bar"}),
    ("web15", "web_analytics", "tot pageviews per device",
     "SELECT device, SUM(pageviews) FROM t GROUP BY 1", None, {"bar"}),
    ("web16", "web_analytics", "what share of sessions come from mobile?",
     "SELECT 100.0 * SUM(CASE WHEN device = 'Mobile' THEN sessions ELSE 0 END) / SUM(sessions) AS pct_mobile "
     "FROM t", None, {"kpi"}),
    ("web17", "web_analytics", "breakdown of sessions by device",
     "SELECT device, SUM(sessions) AS share_sessions FROM t GROUP BY 1", None, {"arc", "bar"}),
    # judgment: the plain mean of the rows' average durations
    ("web18", "web_analytics", "average session duration by source",
     "SELECT source, AVG(avg_session_duration) FROM t GROUP BY 1", None, {"bar"}),
    # judgment: a day's sessions = the sum over all its rows; the answer names the day
    ("web19", "web_analytics", "busiest day ever for sessions",
     "SELECT date, SUM(sessions) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1", None, {"kpi", "bar"}),
    ("web20", "web_analytics", "sessons by weekday",
     "SELECT dayname(date), SUM(sessions) FROM t GROUP BY 1", None, {"bar"}),
    ("web21", "web_analytics", "email revenue by quarter",
     "SELECT date_trunc('quarter', date), SUM(revenue) FROM t WHERE source = 'Email' GROUP BY 1", None,
     ANY_TREND),
    ("web22", "web_analytics", "what about paid search",
     "SELECT date_trunc('quarter', date), SUM(revenue) FROM t WHERE source = 'Paid Search' GROUP BY 1", "web21",
     ANY_TREND),
    ("web23", "web_analytics", "conversions by source and device",
     "SELECT source, device, SUM(conversions) FROM t GROUP BY 1, 2", None, {"bar", "heatmap"}),
    ("web24", "web_analytics", "how many conversions in 2023",
     "SELECT SUM(conversions) FROM t WHERE year(date) = 2023", None, {"kpi"}),
    ("web25", "web_analytics", "and in 2024?",
     "SELECT SUM(conversions) FROM t WHERE year(date) = 2024", "web24", {"kpi"}),
    ("web26", "web_analytics", "revenue vs sessions by country",
     "SELECT country, SUM(revenue), SUM(sessions) FROM t GROUP BY 1", None, {"point", "bar"}),
    ("web27", "web_analytics", "monthly revenu trend",
     "SELECT date_trunc('month', date), SUM(revenue) FROM t GROUP BY 1", None, ANY_TREND),
    ("web28", "web_analytics", "as an area chart",
     "SELECT date_trunc('month', date), SUM(revenue) FROM t GROUP BY 1", "web27", {"area"}),
    ("web29", "web_analytics", "which landing page has the highest bounce rate", None, None, U),
]

INVENTORY = [
    # judgment: rows are SKU × warehouse, so SKUs are counted once each
    ("inv01", "inventory", "how many SKUs do we have",
     'SELECT COUNT(DISTINCT "SKU") FROM t', None, {"kpi"}),
    ("inv02", "inventory", "total units on hand by warehouse",
     'SELECT "Warehouse", SUM("On Hand") FROM t GROUP BY 1', None, {"bar"}),
    ("inv03", "inventory", "split by category",
     'SELECT "Warehouse", "Category", SUM("On Hand") FROM t GROUP BY 1, 2', "inv02", {"bar", "heatmap"}),
    # judgment: a SKU needs reordering when it is below its reorder point in any warehouse
    ("inv04", "inventory", "how many SKUs need reordering (on hand below the reorder point)?",
     'SELECT COUNT(DISTINCT "SKU") FROM t WHERE "On Hand" < "Reorder Point"', None, {"kpi"}),
    ("inv05", "inventory", "most expensive unit cost in each category",
     'SELECT "Category", MAX("unitCost") FROM t GROUP BY 1', None, {"bar"}),
    ("inv06", "inventory", "cheapest unit price per warehouse",
     'SELECT "Warehouse", MIN("Unit Price") FROM t GROUP BY 1', None, {"bar"}),
    # judgment: the 6 rows without a supplier are left out
    ("inv07", "inventory", "units in stock per supplier",
     'SELECT "Supplier", SUM("On Hand") FROM t WHERE "Supplier" IS NOT NULL GROUP BY 1', None, {"bar"}),
    ("inv08", "inventory", "top 5 suppliers by number of SKUs",
     'SELECT "Supplier", COUNT(DISTINCT "SKU") FROM t WHERE "Supplier" IS NOT NULL GROUP BY 1 '
     'ORDER BY 2 DESC LIMIT 5', None, {"bar"}),
    ("inv09", "inventory", "how many discontinued products still have stock",
     'SELECT COUNT(DISTINCT "SKU") FROM t WHERE "Discontinued" AND "On Hand" > 0', None, {"kpi"}),
    ("inv10", "inventory", "discontinued items by warehouse",
     'SELECT "Warehouse", COUNT(*) FROM t WHERE "Discontinued" GROUP BY 1', None, {"bar"}),
    # judgment: inventory value at cost = on hand × unit cost
    ("inv11", "inventory", "inventory value by warehouse",
     'SELECT "Warehouse", SUM("On Hand" * "unitCost") FROM t GROUP BY 1', None, {"bar"}),
    ("inv12", "inventory", "number of out-of-stock items per warehouse",
     'SELECT "Warehouse", COUNT(*) FROM t WHERE "On Hand" = 0 GROUP BY 1', None, {"bar"}),
    ("inv13", "inventory", "what's the total qty on hand",
     'SELECT SUM("On Hand") FROM t', None, {"kpi"}),
    ("inv14", "inventory", "avg reorder piont by warehouse",
     'SELECT "Warehouse", AVG("Reorder Point") FROM t GROUP BY 1', None, {"bar"}),
    # judgment: each stock row counts once, in the month of its last restock (the only restock date there is)
    ("inv15", "inventory", "restocks per month",
     'SELECT date_trunc(\'month\', "Last Restocked"), COUNT(*) FROM t GROUP BY 1', None, ANY_TREND),
    ("inv16", "inventory", "only electronics",
     'SELECT date_trunc(\'month\', "Last Restocked"), COUNT(*) FROM t WHERE "Category" = \'Electronics\' '
     'GROUP BY 1', "inv15", ANY_TREND),
    ("inv17", "inventory", "rank categories by units in stock",
     'SELECT "Category", SUM("On Hand") FROM t GROUP BY 1', None, {"bar"}),
    # judgment: over stock rows (a SKU held in 3 warehouses counts 3 times)
    ("inv18", "inventory", "unit price distribution",
     'SELECT MEDIAN("Unit Price") FROM t', None, {"histogram"}),
    ("inv19", "inventory", "unit cost spread by category",
     'SELECT "Category", MEDIAN("unitCost") FROM t GROUP BY 1', None, {"boxplot"}),
    ("inv20", "inventory", "which 3 products have the most stock across all warehouses",
     'SELECT "Product", SUM("On Hand") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', None, {"bar"}),
    ("inv21", "inventory", "in Reno only",
     'SELECT "Product", SUM("On Hand") FROM t WHERE "Warehouse" = \'Reno\' GROUP BY 1 ORDER BY 2 DESC LIMIT 3',
     "inv20", {"bar"}),
    ("inv22", "inventory", "share of stock by category",
     'SELECT "Category", SUM("On Hand") AS share_stock FROM t GROUP BY 1', None, {"arc", "bar"}),
    ("inv23", "inventory", "number of skus per category",
     'SELECT "Category", COUNT(DISTINCT "SKU") FROM t GROUP BY 1', None, {"bar"}),
    ("inv24", "inventory", "most recent restock date for each warehouse",
     'SELECT "Warehouse", MAX("Last Restocked") FROM t GROUP BY 1', None, {"table", "bar"}),
    ("inv25", "inventory", "unit price vs unit cost for toys in dallas",
     'SELECT "unitCost", "Unit Price" FROM t WHERE "Category" = \'Toys\' AND "Warehouse" = \'Dallas\'', None,
     {"point"}),
    # judgment: margin per unit = unit price − unit cost, averaged over stock rows
    ("inv26", "inventory", "avg margin per unit by category",
     'SELECT "Category", AVG("Unit Price" - "unitCost") FROM t GROUP BY 1', None, {"bar"}),
    ("inv27", "inventory", "which supplier has the longest lead time", None, None, U),
    ("inv28", "inventory", "stock on hand vs reorder point by warehouse",
     'SELECT "Warehouse", SUM("On Hand"), SUM("Reorder Point") FROM t GROUP BY 1', None, {"bar"}),
]

INVOICES = [
    ("fin01", "invoices", "total invoiced amount by month in 2024",
     f'SELECT date_trunc(\'month\', "Invoice Date"), SUM({AMOUNT}) FROM t WHERE year("Invoice Date") = 2024 '
     'GROUP BY 1', None, ANY_TREND),
    ("fin02", "invoices", "by quarter instead",
     f'SELECT date_trunc(\'quarter\', "Invoice Date"), SUM({AMOUNT}) FROM t WHERE year("Invoice Date") = 2024 '
     'GROUP BY 1', "fin01", ANY_TREND),
    ("fin03", "invoices", "split by segment",
     f'SELECT date_trunc(\'quarter\', "Invoice Date"), "Segment", SUM({AMOUNT}) FROM t '
     'WHERE year("Invoice Date") = 2024 GROUP BY 1, 2', "fin02", ANY_TREND),
    ("fin04", "invoices", "how much is still unpaid?",
     f'SELECT SUM({AMOUNT}) FROM t WHERE NOT "Paid"', None, {"kpi"}),
    ("fin05", "invoices", "number of unpaid invoices by customer segment",
     'SELECT "Segment", COUNT(*) FROM t WHERE NOT "Paid" GROUP BY 1', None, {"bar"}),
    ("fin06", "invoices", "largest single invoice",
     f'SELECT MAX({AMOUNT}) FROM t', None, {"kpi"}),
    ("fin07", "invoices", "which 5 customers did we bill the most",
     f'SELECT "Customer", SUM({AMOUNT}) FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 5', None, {"bar"}),
    # judgment: revenue = the invoiced amount before tax
    ("fin08", "invoices", "revenue by category",
     f'SELECT "Category", SUM({AMOUNT}) AS share_revenue FROM t GROUP BY 1', None, {"bar"}),
    ("fin09", "invoices", "as a pie",
     f'SELECT "Category", SUM({AMOUNT}) AS share_revenue FROM t GROUP BY 1', "fin08", {"arc"}),
    ("fin10", "invoices", "avg invoce amount per sales rep",
     f'SELECT "Sales Rep", AVG({AMOUNT}) FROM t GROUP BY 1', None, {"bar"}),
    ("fin11", "invoices", "median invoice value by segment",
     f'SELECT "Segment", MEDIAN({AMOUNT}) FROM t GROUP BY 1', None, {"bar"}),
    ("fin12", "invoices", "paid vs unpaid invoices",
     'SELECT "Paid", COUNT(*) AS share_invoices FROM t GROUP BY 1', None, {"bar", "arc"}),
    ("fin13", "invoices", "what share of invoices are still unpaid",
     'SELECT 100.0 * AVG(CASE WHEN "Paid" THEN 0 ELSE 1 END) AS pct_unpaid FROM t', None, {"kpi"}),
    ("fin14", "invoices", "total tax collected in 2023",
     'SELECT SUM("Tax") FROM t WHERE year("Invoice Date") = 2023', None, {"kpi"}),
    ("fin15", "invoices", "invoices per month",
     'SELECT date_trunc(\'month\', "Invoice Date"), COUNT(*) FROM t GROUP BY 1', None, ANY_TREND),
    ("fin16", "invoices", "total billed last quarter",
     f'SELECT SUM({AMOUNT}) FROM t WHERE "Invoice Date" >= DATE \'2024-10-01\'', None, {"kpi"}),
    ("fin17", "invoices", "amount billed by GL account",
     f'SELECT "GL Account", SUM({AMOUNT}) FROM t GROUP BY 1', None, {"bar"}),
    # judgment: unpaid invoices have no payment method and are left out
    ("fin18", "invoices", "invoice count by payment method",
     'SELECT "Payment Method", COUNT(*) FROM t WHERE "Payment Method" IS NOT NULL GROUP BY 1', None,
     {"bar", "arc"}),
    ("fin19", "invoices", "top 3 reps by total amount in 2024",
     f'SELECT "Sales Rep", SUM({AMOUNT}) FROM t WHERE year("Invoice Date") = 2024 GROUP BY 1 '
     'ORDER BY 2 DESC LIMIT 3', None, {"bar"}),
    ("fin20", "invoices", "rev and tax by year",
     f'SELECT date_trunc(\'year\', "Invoice Date"), SUM({AMOUNT}), SUM("Tax") FROM t GROUP BY 1', None,
     {"bar", "line"}),
    ("fin21", "invoices", "number of invoices vs total amount per customer",
     f'SELECT COUNT(*), SUM({AMOUNT}) FROM t GROUP BY "Customer"', None, {"point"}),
    ("fin22", "invoices", "smallest invoice we sent to an enterprise customer",
     f'SELECT MIN({AMOUNT}) FROM t WHERE "Segment" = \'Enterprise\'', None, {"kpi"}),
    ("fin23", "invoices", "amount by segment and category",
     f'SELECT "Segment", "Category", SUM({AMOUNT}) FROM t GROUP BY 1, 2', None, {"bar", "heatmap"}),
    # judgment: overdue = not paid and due before the latest invoice date (2024-12-31)
    ("fin24", "invoices", "how many invoices are overdue",
     'SELECT COUNT(*) FROM t WHERE NOT "Paid" AND "Due Date" < DATE \'2024-12-31\'', None, {"kpi"}),
    ("fin25", "invoices", "which 3 customers owe us the most",
     f'SELECT "Customer", SUM({AMOUNT}) FROM t WHERE NOT "Paid" GROUP BY 1 ORDER BY 2 DESC LIMIT 3', None,
     {"bar"}),
    # judgment: days to pay = payment date − invoice date, over paid invoices
    ("fin26", "invoices", "avg days to pay by segment",
     'SELECT "Segment", AVG("Payment Date" - "Invoice Date") FROM t WHERE "Paid" GROUP BY 1', None, {"bar"}),
    ("fin27", "invoices", "what's our profit margin by customer", None, None, U),
    ("fin28", "invoices", "Acme Corp amount by quarter",
     f'SELECT date_trunc(\'quarter\', "Invoice Date"), SUM({AMOUNT}) FROM t WHERE "Customer" = \'Acme Corp\' '
     'GROUP BY 1', None, ANY_TREND),
    ("fin29", "invoices", "now Globex",
     f'SELECT date_trunc(\'quarter\', "Invoice Date"), SUM({AMOUNT}) FROM t WHERE "Customer" = \'Globex\' '
     'GROUP BY 1', "fin28", ANY_TREND),
]

TICKETS = [
    ("sup01", "support_tickets", "how many tickets are still open?",
     "SELECT COUNT(*) FROM t WHERE status = 'Open'", None, {"kpi"}),
    ("sup02", "support_tickets", "tickets by priority",
     "SELECT priority, COUNT(*) AS share_tickets FROM t GROUP BY 1", None, {"bar"}),
    ("sup03", "support_tickets", "as a donut",
     "SELECT priority, COUNT(*) AS share_tickets FROM t GROUP BY 1", "sup02", {"arc"}),
    ("sup04", "support_tickets", "avg resolution time by priority",
     "SELECT priority, AVG(resolution_hours) FROM t GROUP BY 1", None, {"bar"}),
    ("sup05", "support_tickets", "which 3 agents closed the most tickets",
     "SELECT agent, COUNT(*) FROM t WHERE status = 'Closed' GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, {"bar"}),
    # judgment: CSAT = satisfaction_score; unassigned tickets are left out
    ("sup06", "support_tickets", "average csat by agent",
     "SELECT agent, AVG(satisfaction_score) FROM t WHERE agent IS NOT NULL GROUP BY 1", None, {"bar"}),
    ("sup07", "support_tickets", "tickets per week in december 2024",
     "SELECT date_trunc('week', created_at), COUNT(*) FROM t WHERE created_at >= TIMESTAMP '2024-12-01' "
     "GROUP BY 1", None, ANY_TREND),
    ("sup08", "support_tickets", "ticket volume per quarter",
     "SELECT date_trunc('quarter', created_at), COUNT(*) FROM t GROUP BY 1", None, ANY_TREND),
    ("sup09", "support_tickets", "split by channel",
     "SELECT date_trunc('quarter', created_at), channel, COUNT(*) FROM t GROUP BY 1, 2", "sup08", ANY_TREND),
    ("sup10", "support_tickets", "median first response time by channel",
     "SELECT channel, MEDIAN(first_response_mins) FROM t GROUP BY 1", None, {"bar"}),
    ("sup11", "support_tickets", "how many urgent tickets were escalated",
     "SELECT COUNT(*) FROM t WHERE priority = 'Urgent' AND escalated", None, {"kpi"}),
    ("sup12", "support_tickets", "share of tickets by category",
     "SELECT category, COUNT(*) AS share_tickets FROM t GROUP BY 1", None, {"arc", "bar"}),
    ("sup13", "support_tickets", "how many tickets came in last month?",
     "SELECT COUNT(*) FROM t WHERE created_at >= TIMESTAMP '2024-12-01'", None, {"kpi"}),
    ("sup14", "support_tickets", "avg satisfation by channel",
     "SELECT channel, AVG(satisfaction_score) FROM t GROUP BY 1", None, {"bar"}),
    ("sup15", "support_tickets", "longest resolution time",
     "SELECT MAX(resolution_hours) FROM t", None, {"kpi"}),
    ("sup16", "support_tickets", "% of tickets escalated",
     "SELECT 100.0 * AVG(CASE WHEN escalated THEN 1 ELSE 0 END) AS pct_escalated FROM t", None, {"kpi"}),
    ("sup17", "support_tickets", "escalations by category",
     "SELECT category, COUNT(*) FROM t WHERE escalated GROUP BY 1", None, {"bar"}),
    ("sup18", "support_tickets", "tickets by day of week",
     "SELECT dayname(created_at), COUNT(*) FROM t GROUP BY 1", None, {"bar"}),
    ("sup19", "support_tickets", "ticket count by hour of the day",
     "SELECT hour(created_at), COUNT(*) FROM t GROUP BY 1", None, {"bar", "line"}),
    ("sup20", "support_tickets", "number of tickets by channel and priority as a heatmap",
     "SELECT channel, priority, COUNT(*) FROM t GROUP BY 1, 2", None, {"heatmap"}),
    ("sup21", "support_tickets", "distribution of resolution hours",
     "SELECT MEDIAN(resolution_hours) FROM t", None, {"histogram"}),
    ("sup22", "support_tickets", "resolution time spread per category",
     "SELECT category, MEDIAN(resolution_hours) FROM t GROUP BY 1", None, {"boxplot"}),
    ("sup23", "support_tickets", "tickets with a low csat (1 or 2) by agent",
     "SELECT agent, COUNT(*) FROM t WHERE satisfaction_score <= 2 GROUP BY 1", None, {"bar"}),
    ("sup24", "support_tickets", "min and max resolution hours by prioirty",
     "SELECT priority, MIN(resolution_hours), MAX(resolution_hours) FROM t GROUP BY 1", None, {"bar"}),
    ("sup25", "support_tickets", "which agent has the best satisfaction score",
     "SELECT agent, AVG(satisfaction_score) FROM t WHERE agent IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
     None, {"bar", "kpi"}),
    ("sup26", "support_tickets", "and the worst?",
     "SELECT agent, AVG(satisfaction_score) FROM t WHERE agent IS NOT NULL GROUP BY 1 ORDER BY 2 ASC LIMIT 1",
     "sup25", {"bar", "kpi"}),
    ("sup27", "support_tickets", "monthly avg CSAT in 2024",
     "SELECT date_trunc('month', created_at), AVG(satisfaction_score) FROM t WHERE year(created_at) = 2024 "
     "GROUP BY 1", None, ANY_TREND),
    ("sup28", "support_tickets", "which customers opened the most tickets", None, None, U),
    ("sup29", "support_tickets", "billing tickets by priority",
     "SELECT priority, COUNT(*) FROM t WHERE category = 'Billing' GROUP BY 1", None, {"bar"}),
    ("sup30", "support_tickets", "use the average instead",
     "SELECT channel, AVG(first_response_mins) FROM t GROUP BY 1", "sup10", {"bar"}),
]

SUBSCRIPTIONS = [
    ("saas01", "subscriptions", "sign-ups per month",
     "SELECT date_trunc('month', signupDate), COUNT(*) FROM t GROUP BY 1", None, ANY_TREND),
    ("saas02", "subscriptions", "only the last 12 months",
     "SELECT date_trunc('month', signupDate), COUNT(*) FROM t WHERE signupDate >= DATE '2024-07-01' GROUP BY 1",
     "saas01", ANY_TREND),
    ("saas03", "subscriptions", "split by plan",
     "SELECT date_trunc('month', signupDate), plan, COUNT(*) FROM t WHERE signupDate >= DATE '2024-07-01' "
     "GROUP BY 1, 2", "saas02", ANY_TREND),
    ("saas04", "subscriptions", "how many active subscribers do we have",
     "SELECT COUNT(*) FROM t WHERE status = 'active'", None, {"kpi"}),
    ("saas05", "subscriptions", "total MRR of active customers by plan",
     "SELECT plan, SUM(mrr) FROM t WHERE status = 'active' GROUP BY 1", None, {"bar"}),
    ("saas06", "subscriptions", "churned customers by acquisition channel",
     "SELECT acquisitionChannel, COUNT(*) FROM t WHERE status = 'churned' GROUP BY 1", None, {"bar"}),
    # judgment: churn rate = churned customers / all customers who signed up on the plan
    ("saas07", "subscriptions", "churn rate by plan",
     "SELECT plan, 100.0 * AVG(CASE WHEN status = 'churned' THEN 1 ELSE 0 END) AS pct_churn FROM t GROUP BY 1",
     None, {"bar"}),
    ("saas08", "subscriptions", "avg seats per plan",
     "SELECT plan, AVG(seats) FROM t GROUP BY 1", None, {"bar"}),
    ("saas09", "subscriptions", "which 3 countries have the most active customers",
     "SELECT country, COUNT(*) FROM t WHERE status = 'active' GROUP BY 1 ORDER BY 2 DESC LIMIT 3", None, {"bar"}),
    ("saas10", "subscriptions", "signups by acquisition channel as a pie chart",
     "SELECT acquisitionChannel, COUNT(*) AS share_signups FROM t GROUP BY 1", None, {"arc"}),
    ("saas11", "subscriptions", "annual vs monthly billing split",
     "SELECT billingCycle, COUNT(*) AS share_customers FROM t GROUP BY 1", None, {"arc", "bar"}),
    ("saas12", "subscriptions", "how many trials do we have right now",
     "SELECT COUNT(*) FROM t WHERE status = 'trialing'", None, {"kpi"}),
    # judgment: the mrr of every customer, whatever their status, by the quarter they signed up
    ("saas13", "subscriptions", "mrr by signup quarter",
     "SELECT date_trunc('quarter', signupDate), SUM(mrr) FROM t GROUP BY 1", None, ANY_TREND),
    ("saas14", "subscriptions", "highest mrr of any customer",
     "SELECT MAX(mrr) FROM t", None, {"kpi"}),
    ("saas15", "subscriptions", "median mrr for enterprise",
     "SELECT MEDIAN(mrr) FROM t WHERE plan = 'Enterprise'", None, {"kpi"}),
    ("saas16", "subscriptions", "customers by plan and billing cycle",
     "SELECT plan, billingCycle, COUNT(*) FROM t GROUP BY 1, 2", None, {"bar", "heatmap"}),
    ("saas17", "subscriptions", "how many customers churned in 2024",
     "SELECT COUNT(*) FROM t WHERE year(churnDate) = 2024", None, {"kpi"}),
    ("saas18", "subscriptions", "churns per month this year",
     "SELECT date_trunc('month', churnDate), COUNT(*) FROM t WHERE year(churnDate) = 2025 GROUP BY 1", None,
     ANY_TREND),
    # judgment: among the customers whose onboarding status is known (21 are blank)
    ("saas19", "subscriptions", "what % of customers completed onboarding",
     "SELECT 100.0 * AVG(CASE WHEN onboardingCompleted THEN 1 ELSE 0 END) AS pct_onboarded FROM t "
     "WHERE onboardingCompleted IS NOT NULL", None, {"kpi"}),
    ("saas20", "subscriptions", "active custs by contry",
     "SELECT country, COUNT(*) FROM t WHERE status = 'active' GROUP BY 1", None, {"bar"}),
    ("saas21", "subscriptions", "only annual billing",
     "SELECT country, COUNT(*) FROM t WHERE status = 'active' AND billingCycle = 'annual' GROUP BY 1", "saas20",
     {"bar"}),
    ("saas22", "subscriptions", "mrr distribution",
     "SELECT MEDIAN(mrr) FROM t", None, {"histogram"}),
    ("saas23", "subscriptions", "total seats and total mrr by country",
     "SELECT country, SUM(seats), SUM(mrr) FROM t GROUP BY 1", None, {"bar"}),
    ("saas24", "subscriptions", "new signups in Q1 2025 by channel",
     "SELECT acquisitionChannel, COUNT(*) FROM t WHERE signupDate >= DATE '2025-01-01' "
     "AND signupDate < DATE '2025-04-01' GROUP BY 1", None, {"bar"}),
    ("saas25", "subscriptions", "avg mrr per customer by plan",
     "SELECT plan, AVG(mrr) FROM t GROUP BY 1", None, {"bar"}),
    ("saas26", "subscriptions", "signups by year",
     "SELECT date_trunc('year', signupDate), COUNT(*) FROM t GROUP BY 1", None, {"bar", "line"}),
    ("saas27", "subscriptions", "what's the NPS by plan", None, None, U),
    ("saas28", "subscriptions", "what about churned ones",
     "SELECT plan, SUM(mrr) FROM t WHERE status = 'churned' GROUP BY 1", "saas05", {"bar"}),
]

ORDERS = [
    ("ret01", "retail_orders", "sales by store",
     'SELECT "Store", SUM("Sales") FROM t GROUP BY 1', None, {"bar"}),
    ("ret02", "retail_orders", "top 3 only",
     'SELECT "Store", SUM("Sales") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 3', "ret01", {"bar"}),
    ("ret03", "retail_orders", "orders that were returned by category",
     'SELECT "Category", COUNT(*) FROM t WHERE "Returned" GROUP BY 1', None, {"bar"}),
    ("ret04", "retail_orders", "return rate by store",
     'SELECT "Store", 100.0 * AVG(CASE WHEN "Returned" THEN 1 ELSE 0 END) AS pct_returned FROM t GROUP BY 1',
     None, {"bar"}),
    ("ret05", "retail_orders", "which four stores sold the most units",
     'SELECT "Store", SUM("Qty") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 4', None, {"bar"}),
    # judgment: in-store orders have no carrier and are left out
    ("ret06", "retail_orders", "median shipping days for each carrier",
     'SELECT "Carrier", MEDIAN("Delivery Days") FROM t WHERE "Carrier" IS NOT NULL GROUP BY 1', None, {"bar"}),
    # judgment: the plain mean over orders, 0% discounts included
    ("ret07", "retail_orders", "avg discount by category",
     f'SELECT "Category", AVG({DISCOUNT}) AS pct_discount FROM t GROUP BY 1', None, {"bar"}),
    ("ret08", "retail_orders", "total qty sold per month",
     'SELECT date_trunc(\'month\', "Order Date"), SUM("Qty") FROM t GROUP BY 1', None, ANY_TREND),
    ("ret09", "retail_orders", "only online",
     'SELECT date_trunc(\'month\', "Order Date"), SUM("Qty") FROM t WHERE "Store" = \'Online\' GROUP BY 1',
     "ret08", ANY_TREND),
    ("ret10", "retail_orders", "sales by quarter by region",
     'SELECT date_trunc(\'quarter\', "Order Date"), "Region", SUM("Sales") FROM t GROUP BY 1, 2', None,
     ANY_TREND),
    ("ret11", "retail_orders", "member vs guest sales",
     'SELECT "Customer Type", SUM("Sales") AS share_sales FROM t GROUP BY 1', None, {"bar", "arc"}),
    # judgment: an order is a row
    ("ret12", "retail_orders", "avg order value for members",
     'SELECT AVG("Sales") FROM t WHERE "Customer Type" = \'Member\'', None, {"kpi"}),
    ("ret13", "retail_orders", "how many orders were returned because of wrong size",
     'SELECT COUNT(*) FROM t WHERE "Return Reason" = \'Wrong size\'', None, {"kpi"}),
    # judgment: orders that were not returned (no reason) are left out
    ("ret14", "retail_orders", "breakdown of return reasons",
     'SELECT "Return Reason", COUNT(*) AS share_returns FROM t WHERE "Return Reason" IS NOT NULL GROUP BY 1',
     None, {"arc", "bar"}),
    ("ret15", "retail_orders", "best-selling product by revenue",
     'SELECT "Product", SUM("Sales") FROM t GROUP BY 1 ORDER BY 2 DESC LIMIT 1', None, {"bar", "kpi"}),
    ("ret16", "retail_orders", "sales in the last 3 months by category",
     'SELECT "Category", SUM("Sales") FROM t WHERE "Order Date" >= DATE \'2024-10-01\' GROUP BY 1', None,
     {"bar"}),
    ("ret17", "retail_orders", "how much did we sell in december 2024",
     'SELECT SUM("Sales") FROM t WHERE "Order Date" >= DATE \'2024-12-01\'', None, {"kpi"}),
    # judgment: "the year before" after "december 2024" = December 2023
    ("ret18", "retail_orders", "what about the year before?",
     'SELECT SUM("Sales") FROM t WHERE "Order Date" >= DATE \'2023-12-01\' AND "Order Date" < DATE \'2024-01-01\'',
     "ret17", {"kpi"}),
    ("ret19", "retail_orders", "orders by payment methd",
     'SELECT "Payment Method", COUNT(*) FROM t GROUP BY 1', None, {"bar"}),
    ("ret20", "retail_orders", "sales and qty by category",
     'SELECT "Category", SUM("Sales"), SUM("Qty") FROM t GROUP BY 1', None, {"bar"}),
    ("ret21", "retail_orders", "weekly sales in december 2024",
     'SELECT date_trunc(\'week\', "Order Date"), SUM("Sales") FROM t WHERE "Order Date" >= DATE \'2024-12-01\' '
     'GROUP BY 1', None, ANY_TREND),
    ("ret22", "retail_orders", "biggest order",
     'SELECT MAX("Sales") FROM t', None, {"kpi"}),
    ("ret23", "retail_orders", "order value distribution",
     'SELECT MEDIAN("Sales") FROM t', None, {"histogram"}),
    ("ret24", "retail_orders", "spread of order values per store",
     'SELECT "Store", MEDIAN("Sales") FROM t GROUP BY 1', None, {"boxplot"}),
    ("ret25", "retail_orders", "How many orders used a 30% discount",
     'SELECT COUNT(*) FROM t WHERE "Discount" = \'30%\'', None, {"kpi"}),
    # judgment: in-store orders have no carrier and are left out
    ("ret26", "retail_orders", "returned orders by carrier",
     'SELECT "Carrier", COUNT(*) FROM t WHERE "Returned" AND "Carrier" IS NOT NULL GROUP BY 1', None, {"bar"}),
    ("ret27", "retail_orders", "avg delivery days by month in 2024",
     'SELECT date_trunc(\'month\', "Order Date"), AVG("Delivery Days") FROM t WHERE year("Order Date") = 2024 '
     'GROUP BY 1', None, ANY_TREND),
    ("ret28", "retail_orders", "how many people walked into each store", None, None, U),
    ("ret29", "retail_orders", "number of orders per region as a pie chart",
     'SELECT "Region", COUNT(*) AS share_orders FROM t GROUP BY 1', None, {"arc"}),
    ("ret30", "retail_orders", "profit by store", None, None, U),
    ("ret31", "retail_orders", "just members",
     'SELECT "Payment Method", COUNT(*) FROM t WHERE "Customer Type" = \'Member\' GROUP BY 1', "ret19", {"bar"}),
]

QUESTIONS = EMPLOYEES + WEB + INVENTORY + INVOICES + TICKETS + SUBSCRIPTIONS + ORDERS


def _ids(text: str) -> frozenset[str]:
    return frozenset(text.split())


# What each question exercises (a question may be in several). Follow-ups (prev_id set) and
# unanswerable questions (expected_sql None) are read off the entries themselves.
CATEGORIES: dict[str, frozenset[str]] = {
    "time series": _ids("hr07 hr16 hr28 web01 web02 web03 web10 web13 web21 web22 web27 web28 inv15 inv16 "
                        "fin01 fin02 fin03 fin15 fin20 fin28 fin29 sup07 sup08 sup09 sup27 saas01 saas02 saas03 "
                        "saas13 saas18 saas26 ret08 ret09 ret10 ret21 ret27"),
    "quarter or week grain": _ids("hr16 web13 web21 web22 fin02 fin03 fin28 fin29 sup07 sup08 sup09 saas13 "
                                  "ret10 ret21"),
    "weekday or hour": _ids("web20 sup18 sup19"),
    "kpi": _ids("hr05 hr06 hr15 hr19 hr25 web11 web16 web24 web25 inv01 inv04 inv09 inv13 fin04 fin06 fin13 "
                "fin14 fin16 fin22 fin24 sup01 sup11 sup13 sup15 sup16 saas04 saas12 saas14 saas15 saas17 "
                "saas19 ret12 ret13 ret17 ret18 ret22 ret25"),
    "kpi with a condition": _ids("hr05 hr15 hr19 hr25 web11 web24 web25 inv04 inv09 fin04 fin14 fin16 fin22 "
                                 "fin24 sup01 sup11 sup13 saas04 saas12 saas15 saas17 ret12 ret13 ret17 ret18 "
                                 "ret25"),
    "top-N with 'top'": _ids("web06 inv08 fin19 ret02"),
    "top/bottom-N without 'top'": _ids("hr04 hr12 hr26 hr29 web05 web19 inv20 inv21 fin07 fin25 sup05 sup25 "
                                       "sup26 saas09 ret05 ret15"),
    "share or percentage": _ids("hr06 hr22 web09 web16 web17 fin13 sup12 sup16 saas07 saas11 saas19 ret04 "
                                "ret11 ret14"),
    "pie asked for": _ids("hr21 web07 fin09 sup03 saas10 ret29"),
    "two measures": _ids("hr23 web10 web26 inv28 fin20 fin21 sup24 saas23 ret20"),
    "split by colour": _ids("hr03 hr11 hr24 web02 web03 web23 inv03 fin03 fin23 sup09 sup20 saas03 saas16 "
                            "ret10"),
    "median/max/min wording": _ids("hr09 hr19 hr23 inv05 inv06 inv24 fin06 fin11 fin22 sup10 sup15 sup24 "
                                   "saas14 saas15 ret06 ret22"),
    "condition in words or values": _ids("hr02 hr15 hr18 hr19 web03 web21 web22 inv09 inv10 inv12 inv16 inv21 "
                                         "fin04 fin05 fin22 fin25 sup01 sup11 sup17 sup23 sup29 saas04 saas05 "
                                         "saas06 saas09 saas12 saas20 saas21 saas28 ret03 ret09 ret12 ret13 "
                                         "ret26 ret31"),
    "relative period": _ids("web11 web12 fin16 sup13 saas02 saas18 ret16"),
    "distribution": _ids("hr13 hr14 inv18 inv19 sup21 sup22 saas22 ret23 ret24"),
    "scatter": _ids("inv25 fin21 web26"),
    "typo": _ids("hr11 hr17 web20 web27 inv14 fin10 sup14 sup24 saas20 ret19"),
    "abbreviation or paraphrase": _ids("hr08 hr09 hr10 hr20 web15 inv13 fin08 fin10 fin20 sup04 sup06 sup10 "
                                       "sup27 saas01 saas08 saas20 ret08"),
    "derived measure": _ids("web09 web16 inv04 inv11 inv26 fin24 fin26 saas07 ret04"),
}
