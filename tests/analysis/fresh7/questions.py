"""The seventh fresh evaluation set: everyday business questions over five new CSVs, with gold DuckDB SQL
(written blind; see README.md).

Each entry is ``(id, dataset, question, expected_sql, prev_id_or_None, chart_types)``; the gold SQL runs over
the raw CSV as the view ``t``; ``expected_sql`` is None (and ``chart_types`` ``{"unanswerable"}``) where the
data cannot answer. ``CATEGORIES`` names the ids of the business set's categories. Gold decisions a careful
analyst could have made otherwise are marked ``# judgment:``.
"""
from __future__ import annotations

U = {"unanswerable"}
BAR = {"bar"}
KPI = {"kpi"}
TS = {"line", "area", "bar"}
PIE = {"arc"}
SHARE = {"bar", "arc"}
PT = {"point"}
HIST = {"histogram"}
BOX = {"boxplot"}
SPLIT = {"bar", "heatmap"}
TOP = {"bar", "table"}

HOURS = "epoch(check_out - check_in) / 3600"
LAST_MONTH = "date_trunc('month', {c}) = (SELECT date_trunc('month', max({c})) FROM t)"

_ITEMS: list[tuple] = [
    # ------------------------------------------------------------------------------------------ dental_claims
    ("d01", "dental_claims", "total billed 2024",
     'SELECT sum("Billed (USD)") AS billed FROM t', None, KPI, "kpi abbr"),
    ("d02", "dental_claims", "how much did insurance pay us in total",
     'SELECT sum("Ins Paid (USD)") AS ins_paid FROM t', None, KPI, "kpi abbr"),
    ("d03", "dental_claims", "claims by payer",
     'SELECT Payer, count(*) AS claims FROM t GROUP BY Payer', None, BAR, ""),
    # judgment: the denial rate counts every claim, pending ones too
    ("d04", "dental_claims", "denial rate by payer",
     "SELECT Payer, 100.0 * avg(CASE WHEN Status = 'Denied' THEN 1 ELSE 0 END) AS pct_denied FROM t GROUP BY Payer",
     None, BAR, "der share cond"),
    ("d05", "dental_claims", "just guardian",
     "SELECT 100.0 * avg(CASE WHEN Status = 'Denied' THEN 1 ELSE 0 END) AS pct_denied FROM t WHERE Payer = 'Guardian'",
     "d04", KPI, "kpi kc der share cond"),
    ("d06", "dental_claims", "avg days from submision to payment by payer",
     'SELECT Payer, avg("Paid On" - Submitted) AS days_to_pay FROM t WHERE "Paid On" IS NOT NULL GROUP BY Payer',
     None, BAR, "der abbr typo"),
    # judgment: a claim's month is its date of service (DOS), not its submission
    ("d07", "dental_claims", "monthly claim volume",
     "SELECT date_trunc('month', DOS) AS month, count(*) AS claims FROM t GROUP BY 1", None, TS, "ts"),
    ("d08", "dental_claims", "billed vs collected by month",
     "SELECT date_trunc('month', DOS) AS month, sum(\"Billed (USD)\") AS billed, sum(\"Ins Paid (USD)\") AS collected "
     "FROM t GROUP BY 1", None, TS, "ts two abbr"),
    # judgment: a provider's production is what was billed
    ("d09", "dental_claims", "top 3 providers by production",
     'SELECT Provider, sum("Billed (USD)") AS billed FROM t GROUP BY Provider ORDER BY billed DESC LIMIT 3',
     None, TOP, "top abbr"),
    ("d10", "dental_claims", "which 5 procedures bring in the most insurance money",
     'SELECT Procedure, sum("Ins Paid (USD)") AS ins_paid FROM t GROUP BY Procedure ORDER BY ins_paid DESC LIMIT 5',
     None, TOP, "topn abbr"),
    ("d11", "dental_claims", "denied claims by reason",
     'SELECT "Denial Reason", count(*) AS claims FROM t WHERE Status = \'Denied\' GROUP BY 1', None, BAR, "cond"),
    ("d12", "dental_claims", "pie of denial reasons",
     'SELECT "Denial Reason", count(*) AS share_claims FROM t WHERE Status = \'Denied\' GROUP BY 1', None, PIE,
     "pie share cond"),
    ("d13", "dental_claims", "avg billed for a crown",
     "SELECT avg(\"Billed (USD)\") AS avg_billed FROM t WHERE \"CDT Code\" = 'D2740'", None, KPI,
     "kpi kc cond abbr"),
    ("d14", "dental_claims", "how many claims still pending",
     "SELECT count(*) AS claims FROM t WHERE Status = 'Pending'", None, KPI, "kpi kc cond"),
    # judgment: what is pending is the billed amount
    ("d15", "dental_claims", "billed amt still pending by payer",
     "SELECT Payer, sum(\"Billed (USD)\") AS billed FROM t WHERE Status = 'Pending' GROUP BY Payer", None, BAR,
     "cond abbr"),
    ("d16", "dental_claims", "claims per office each quarter",
     "SELECT date_trunc('quarter', DOS) AS quarter, Office, count(*) AS claims FROM t GROUP BY 1, 2", None,
     TS, "ts qw col"),
    ("d17", "dental_claims", "last quarter claims by office",
     "SELECT Office, count(*) AS claims FROM t WHERE DOS >= DATE '2024-10-01' GROUP BY Office", None, BAR,
     "rel cond"),
    # judgment: a ratio of sums over paid claims
    ("d18", "dental_claims", "what % of the allowed amount do payers actually pay, by payer",
     "SELECT Payer, 100.0 * sum(\"Ins Paid (USD)\") / sum(\"Allowed (USD)\") AS pct_paid FROM t "
     "WHERE Status = 'Paid' GROUP BY Payer", None, BAR, "der share cond abbr"),
    ("d19", "dental_claims", "avg pt resp per claim by procedure",
     'SELECT Procedure, avg("Pt Resp (USD)") AS pt_resp FROM t GROUP BY Procedure', None, BAR, "abbr"),
    ("d20", "dental_claims", "how many claims had a preauth",
     "SELECT count(*) AS claims FROM t WHERE \"Pre-Auth\" = 'Y'", None, KPI, "kpi kc cond abbr"),
    ("d21", "dental_claims", "avg lag between dos and submission for each provider",
     "SELECT Provider, avg(Submitted - DOS) AS lag_days FROM t GROUP BY Provider", None, BAR, "der abbr"),
    ("d22", "dental_claims", "claims by day of week",
     "SELECT dayname(DOS) AS weekday, count(*) AS claims FROM t GROUP BY 1", None, {"bar", "line"}, "wh"),
    ("d23", "dental_claims", "distribution of billed amounts",
     'SELECT median("Billed (USD)") AS billed FROM t', None, HIST, "dist"),
    ("d24", "dental_claims", "median days for cigna to pay",
     "SELECT median(\"Paid On\" - Submitted) AS days_to_pay FROM t WHERE Payer = 'Cigna' AND \"Paid On\" IS NOT NULL",
     None, KPI, "kpi kc mmm der cond"),
    ("d25", "dental_claims", "biggest single claim billed",
     'SELECT max("Billed (USD)") AS billed FROM t', None, KPI, "kpi mmm"),
    ("d26", "dental_claims", "billed vs ins paid per provider as a scatter",
     'SELECT Provider, sum("Billed (USD)") AS billed, sum("Ins Paid (USD)") AS ins_paid FROM t GROUP BY Provider',
     None, PT, "sc two abbr"),
    ("d27", "dental_claims", "weekly claims in december",
     "SELECT date_trunc('week', DOS) AS week, count(*) AS claims FROM t WHERE month(DOS) = 12 GROUP BY 1", None,
     TS, "ts qw cond"),
    ("d28", "dental_claims", "percent of claims paid",
     "SELECT 100.0 * avg(CASE WHEN Status = 'Paid' THEN 1 ELSE 0 END) AS pct_paid FROM t", None, KPI,
     "kpi share cond"),
    ("d29", "dental_claims", "how many hygenist claims",
     "SELECT count(*) AS claims FROM t WHERE Provider LIKE 'Hyg.%'", None, KPI, "kpi kc cond typo abbr"),
    ("d30", "dental_claims", "patient satisfaction score by office", None, None, U, ""),
    ("d31", "dental_claims", "no-show rate by provider", None, None, U, ""),
    ("d32", "dental_claims", "write-off (billed minus allowed) by office",
     'SELECT Office, sum("Billed (USD)" - "Allowed (USD)") AS write_off FROM t GROUP BY Office', None, BAR, "der"),
    ("d33", "dental_claims", "as a % of billed",
     'SELECT Office, 100.0 * sum("Billed (USD)" - "Allowed (USD)") / sum("Billed (USD)") AS pct_write_off FROM t '
     "GROUP BY Office", "d32", BAR, "der share"),
    ("d34", "dental_claims", "only delta dental",
     "SELECT date_trunc('month', DOS) AS month, sum(\"Billed (USD)\") AS billed, sum(\"Ins Paid (USD)\") AS collected "
     "FROM t WHERE Payer = 'Delta Dental' GROUP BY 1", "d08", TS, "ts two cond"),
    ("d35", "dental_claims", "make it quarterly",
     "SELECT date_trunc('quarter', DOS) AS quarter, sum(\"Billed (USD)\") AS billed, "
     "sum(\"Ins Paid (USD)\") AS collected FROM t WHERE Payer = 'Delta Dental' GROUP BY 1", "d34", TS,
     "ts qw two cond"),
    # ------------------------------------------------------------------------------------------ bakery_sales
    # judgment: revenue is sold_qty × unit_price
    ("b01", "bakery_sales", "total revenue",
     "SELECT sum(sold_qty * unit_price) AS revenue FROM t", None, KPI, "kpi der"),
    ("b02", "bakery_sales", "units sold by item",
     "SELECT item, sum(sold_qty) AS sold FROM t GROUP BY item", None, BAR, ""),
    ("b03", "bakery_sales", "waste rate by item",
     "SELECT item, 100.0 * sum(waste_qty) / sum(baked_qty) AS pct_waste FROM t GROUP BY item", None, BAR,
     "der share"),
    ("b04", "bakery_sales", "only riverside",
     "SELECT item, 100.0 * sum(waste_qty) / sum(baked_qty) AS pct_waste FROM t WHERE shop = 'Riverside' "
     "GROUP BY item", "b03", BAR, "der share cond"),
    ("b05", "bakery_sales", "daily revenue trend",
     "SELECT date, sum(sold_qty * unit_price) AS revenue FROM t GROUP BY date", None, TS, "ts der"),
    ("b06", "bakery_sales", "weekly revenue main st vs riverside",
     "SELECT date_trunc('week', date) AS week, shop, sum(sold_qty * unit_price) AS revenue FROM t GROUP BY 1, 2",
     None, TS, "ts qw col der"),
    # judgment: "sells the most" counts units
    ("b07", "bakery_sales", "which day of the week sells the most",
     "SELECT dayname(date) AS weekday, sum(sold_qty) AS sold FROM t GROUP BY 1", None, {"bar", "line"}, "wh"),
    ("b08", "bakery_sales", "avg daily units sold by weather",
     "SELECT weather, avg(units) AS units FROM (SELECT date, weather, sum(sold_qty) AS units FROM t GROUP BY 1, 2) "
     "GROUP BY weather", None, BAR, "der"),
    ("b09", "bakery_sales", "gross margin by category",
     "SELECT cat, sum(sold_qty * (unit_price - unit_cost)) AS margin FROM t GROUP BY cat", None, BAR, "der abbr"),
    ("b10", "bakery_sales", "top 3 items by revenue",
     "SELECT item, sum(sold_qty * unit_price) AS revenue FROM t GROUP BY item ORDER BY revenue DESC LIMIT 3", None,
     TOP, "top der"),
    ("b11", "bakery_sales", "2 worst sellers at main st",
     "SELECT item, sum(sold_qty) AS sold FROM t WHERE shop = 'Main St' GROUP BY item ORDER BY sold ASC LIMIT 2", None,
     TOP, "topn cond"),
    ("b12", "bakery_sales", "how many croissants did we sell in may",
     "SELECT sum(sold_qty) AS sold FROM t WHERE item = 'Croissant' AND month(date) = 5", None, KPI, "kpi kc cond"),
    ("b13", "bakery_sales", "last month revenue by shop",
     "SELECT shop, sum(sold_qty * unit_price) AS revenue FROM t WHERE " + LAST_MONTH.format(c="date") +
     " GROUP BY shop", None, BAR, "rel der"),
    ("b14", "bakery_sales", "revenue by month split by cat",
     "SELECT date_trunc('month', date) AS month, cat, sum(sold_qty * unit_price) AS revenue FROM t GROUP BY 1, 2",
     None, TS, "ts col der abbr"),
    ("b15", "bakery_sales", "share of revenue by category pie",
     "SELECT cat, sum(sold_qty * unit_price) AS share_revenue FROM t GROUP BY cat", None, PIE, "pie share der"),
    ("b16", "bakery_sales", "avg price of cakes promo vs no promo",
     "SELECT promo, avg(unit_price) AS price FROM t WHERE cat = 'Cake' GROUP BY promo", None, BAR, "cond"),
    ("b17", "bakery_sales", "units wastd per shop",
     "SELECT shop, sum(waste_qty) AS waste FROM t GROUP BY shop", None, BAR, "abbr typo"),
    ("b18", "bakery_sales", "avg sourdough waste per day at riverside",
     "SELECT avg(waste_qty) AS waste FROM t WHERE item = 'Sourdough Loaf' AND shop = 'Riverside'", None, KPI,
     "kpi kc cond"),
    ("b19", "bakery_sales", "max croissants baked in a day",
     "SELECT max(baked_qty) AS baked FROM t WHERE item = 'Croissant'", None, KPI, "kpi kc mmm cond"),
    # judgment: sell-through is a ratio of sums
    ("b20", "bakery_sales", "sell-through % by shop",
     "SELECT shop, 100.0 * sum(sold_qty) / sum(baked_qty) AS pct_sell_through FROM t GROUP BY shop", None, BAR,
     "der share"),
    ("b21", "bakery_sales", "baked vs sold for each item",
     "SELECT item, sum(baked_qty) AS baked, sum(sold_qty) AS sold FROM t GROUP BY item", None, {"bar"}, "two"),
    ("b22", "bakery_sales", "saturday revenue",
     "SELECT sum(sold_qty * unit_price) AS revenue FROM t WHERE dayname(date) = 'Saturday'", None, KPI,
     "kpi kc wh der cond"),
    # judgment: a day's waste is both shops together
    ("b23", "bakery_sales", "distribution of daily waste",
     "SELECT median(w) AS waste FROM (SELECT date, sum(waste_qty) AS w FROM t GROUP BY date)", None, HIST, "dist"),
    ("b24", "bakery_sales", "revenue vs units wasted by item, scatter",
     "SELECT item, sum(sold_qty * unit_price) AS revenue, sum(waste_qty) AS waste FROM t GROUP BY item", None, PT,
     "sc two der"),
    ("b25", "bakery_sales", "how much did waste cost us",
     "SELECT sum(waste_qty * unit_cost) AS waste_cost FROM t", None, KPI, "kpi der"),
    ("b26", "bakery_sales", "by month",
     "SELECT date_trunc('month', date) AS month, sum(waste_qty * unit_cost) AS waste_cost FROM t GROUP BY 1", "b25",
     TS, "ts der"),
    ("b27", "bakery_sales", "avg unit price croissant",
     "SELECT avg(unit_price) AS price FROM t WHERE item = 'Croissant'", None, KPI, "kpi kc cond"),
    ("b28", "bakery_sales", "bread sold per day by shop in april",
     "SELECT date, shop, sum(sold_qty) AS sold FROM t WHERE cat = 'Bread' AND month(date) = 4 GROUP BY 1, 2", None,
     TS, "ts col cond"),
    ("b29", "bakery_sales", "customer count by shop", None, None, U, ""),
    ("b30", "bakery_sales", "which baker made the most loaves", None, None, U, ""),
    ("b31", "bakery_sales", "pastry units soldd last week",
     "SELECT sum(sold_qty) AS sold FROM t WHERE cat = 'Pastry' AND date_trunc('week', date) = "
     "(SELECT date_trunc('week', max(date)) FROM t)", None, KPI, "kpi kc rel cond typo"),
    ("b32", "bakery_sales", "how many rainy days were there",
     "SELECT count(DISTINCT date) AS days FROM t WHERE weather = 'rain'", None, KPI, "kpi kc cond"),
    ("b33", "bakery_sales", "just the top 5",
     "SELECT item, sum(sold_qty) AS sold FROM t GROUP BY item ORDER BY sold DESC LIMIT 5", "b02", TOP, "top"),
    ("b34", "bakery_sales", "and by month",
     "SELECT date_trunc('month', date) AS month, 100.0 * sum(waste_qty) / sum(baked_qty) AS pct_waste FROM t "
     "WHERE shop = 'Riverside' GROUP BY 1", "b04", TS, "ts der share cond"),
    # ------------------------------------------------------------------------------------------ returns_rma
    ("r01", "returns_rma", "how many returns this year",
     "SELECT count(*) AS returns FROM t WHERE year(\"Return Requested\") = 2025", None, KPI, "kpi kc rel"),
    ("r02", "returns_rma", "returns by reason",
     'SELECT "Reason Code", count(*) AS returns FROM t GROUP BY 1', None, BAR, "abbr"),
    ("r03", "returns_rma", "return reasons for footwear",
     'SELECT "Reason Code", count(*) AS returns FROM t WHERE Category = \'Footwear\' GROUP BY 1', None, BAR,
     "cond abbr"),
    ("r04", "returns_rma", "as percentages",
     'SELECT "Reason Code", 100.0 * count(*) / sum(count(*)) OVER () AS pct_returns FROM t '
     "WHERE Category = 'Footwear' GROUP BY 1", "r03", SHARE, "share cond"),
    ("r05", "returns_rma", "monthly returns",
     "SELECT date_trunc('month', \"Return Requested\") AS month, count(*) AS returns FROM t GROUP BY 1", None, TS,
     "ts"),
    # judgment: refunds are placed in the month they were paid (Refunded On)
    ("r06", "returns_rma", "refunds paid out per month",
     "SELECT date_trunc('month', \"Refunded On\") AS month, sum(\"Refund Amt\") AS refunds FROM t "
     "WHERE \"Refunded On\" IS NOT NULL GROUP BY 1", None, TS, "ts abbr"),
    ("r07", "returns_rma", "avg days from receipt to refund by warehouse",
     'SELECT Warehouse, avg("Refunded On" - "Item Received") AS days FROM t WHERE "Refunded On" IS NOT NULL '
     "GROUP BY Warehouse", None, BAR, "der abbr"),
    ("r08", "returns_rma", "median instead",
     'SELECT Warehouse, median("Refunded On" - "Item Received") AS days FROM t WHERE "Refunded On" IS NOT NULL '
     "GROUP BY Warehouse", "r07", BAR, "der mmm"),
    # judgment: the rejection rate counts every RMA, those not yet decided too
    ("r09", "returns_rma", "rejection rate by channel",
     "SELECT Channel, 100.0 * avg(CASE WHEN Status = 'Rejected' THEN 1 ELSE 0 END) AS pct_rejected FROM t "
     "GROUP BY Channel", None, BAR, "der share cond"),
    ("r10", "returns_rma", "total restocking fees",
     'SELECT sum("Restock Fee") AS restock_fees FROM t', None, KPI, "kpi abbr"),
    ("r11", "returns_rma", "how many returns still in transit",
     "SELECT count(*) AS returns FROM t WHERE Status = 'In Transit'", None, KPI, "kpi kc cond"),
    ("r12", "returns_rma", "top 3 categories by refund amount",
     'SELECT Category, sum("Refund Amt") AS refunds FROM t GROUP BY Category ORDER BY refunds DESC LIMIT 3', None,
     TOP, "top"),
    ("r13", "returns_rma", "refunds vs restock fees by category",
     'SELECT Category, sum("Refund Amt") AS refunds, sum("Restock Fee") AS restock_fees FROM t GROUP BY Category',
     None, BAR, "two abbr"),
    ("r14", "returns_rma", "returns by warehouse and reason",
     'SELECT Warehouse, "Reason Code", count(*) AS returns FROM t GROUP BY 1, 2', None, SPLIT, "col abbr"),
    ("r15", "returns_rma", "% of returns with a free label",
     "SELECT 100.0 * avg(CASE WHEN \"Free Label\" = 'Y' THEN 1 ELSE 0 END) AS pct_free_label FROM t", None, KPI,
     "kpi share cond"),
    ("r16", "returns_rma", "avg item price of electronics returned as defective",
     "SELECT avg(\"Item Price\") AS price FROM t WHERE Category = 'Electronics' AND \"Reason Code\" = 'DEFECT'",
     None, KPI, "kpi kc cond abbr"),
    ("r17", "returns_rma", "avg days between order and return request",
     'SELECT avg("Return Requested" - "Order Date") AS days FROM t', None, KPI, "kpi der"),
    ("r18", "returns_rma", "distribution of item prices",
     'SELECT median("Item Price") AS price FROM t', None, HIST, "dist"),
    ("r19", "returns_rma", "item price by category boxplot",
     'SELECT Category, median("Item Price") AS price FROM t GROUP BY Category', None, BOX, "dist"),
    ("r20", "returns_rma", "refunds last month",
     'SELECT sum("Refund Amt") AS refunds FROM t WHERE ' + LAST_MONTH.format(c='"Refunded On"'), None, KPI,
     "kpi kc rel"),
    ("r21", "returns_rma", "weekly return requests in q1",
     "SELECT date_trunc('week', \"Return Requested\") AS week, count(*) AS returns FROM t "
     "WHERE quarter(\"Return Requested\") = 1 GROUP BY 1", None, TS, "ts qw cond"),
    ("r22", "returns_rma", "returns per weekday",
     'SELECT dayname("Return Requested") AS weekday, count(*) AS returns FROM t GROUP BY 1', None, {"bar", "line"},
     "wh"),
    ("r23", "returns_rma", "which warehouse is slowest to refund",
     'SELECT Warehouse, avg("Refunded On" - "Item Received") AS days FROM t WHERE "Refunded On" IS NOT NULL '
     "GROUP BY Warehouse ORDER BY days DESC LIMIT 1", None, {"bar", "table", "kpi"}, "topn der"),
    ("r24", "returns_rma", "pie of condition of recieved items",
     'SELECT Condition, count(*) AS share_returns FROM t WHERE "Item Received" IS NOT NULL GROUP BY Condition', None,
     PIE, "pie share cond typo"),
    ("r25", "returns_rma", "share of returns by channel",
     "SELECT Channel, count(*) AS share_returns FROM t GROUP BY Channel", None, SHARE, "share"),
    ("r26", "returns_rma", "rma count by staus",
     "SELECT Status, count(*) AS rmas FROM t GROUP BY Status", None, BAR, "abbr typo"),
    # judgment: over refunded RMAs, a ratio of sums
    ("r27", "returns_rma", "what % of item value did we actually refund",
     "SELECT 100.0 * sum(\"Refund Amt\") / sum(\"Item Price\") AS pct_refunded FROM t WHERE Status = 'Refunded'", None,
     KPI, "kpi kc der share"),
    ("r28", "returns_rma", "avg age of customers who return stuff", None, None, U, ""),
    ("r29", "returns_rma", "return shipping cost by carrier", None, None, U, ""),
    ("r30", "returns_rma", "biggest refund",
     'SELECT max("Refund Amt") AS refund FROM t', None, KPI, "kpi mmm"),
    ("r31", "returns_rma", "apparel returns by month and reason",
     "SELECT date_trunc('month', \"Return Requested\") AS month, \"Reason Code\", count(*) AS returns FROM t "
     "WHERE Category = 'Apparel' GROUP BY 1, 2", None, TS, "ts col cond"),
    # judgment: the average refund is over refunded RMAs only
    ("r32", "returns_rma", "avg refund per rma by channel",
     "SELECT Channel, avg(\"Refund Amt\") AS refund FROM t WHERE Status = 'Refunded' GROUP BY Channel", None, BAR,
     "abbr"),
    ("r33", "returns_rma", "split by category",
     "SELECT date_trunc('month', \"Return Requested\") AS month, Category, count(*) AS returns FROM t GROUP BY 1, 2",
     "r05", TS, "ts col"),
    ("r34", "returns_rma", "only jan to mar",
     "SELECT date_trunc('month', \"Return Requested\") AS month, Category, count(*) AS returns FROM t "
     "WHERE month(\"Return Requested\") <= 3 GROUP BY 1, 2", "r33", TS, "ts col cond"),
    # ------------------------------------------------------------------------------------------ building_permits
    ("p01", "building_permits", "number of permits by type",
     'SELECT "Permit Type", count(*) AS permits FROM t GROUP BY 1', None, BAR, ""),
    ("p02", "building_permits", "avg days to issue by permit type",
     'SELECT "Permit Type", avg(Issued - Applied) AS days FROM t WHERE Issued IS NOT NULL GROUP BY 1', None, BAR,
     "der"),
    ("p03", "building_permits", "only 2025 applications",
     'SELECT "Permit Type", avg(Issued - Applied) AS days FROM t WHERE Issued IS NOT NULL AND year(Applied) = 2025 '
     "GROUP BY 1", "p02", BAR, "der cond"),
    ("p04", "building_permits", "permits applied per month",
     "SELECT date_trunc('month', Applied) AS month, count(*) AS permits FROM t GROUP BY 1", None, TS, "ts"),
    ("p05", "building_permits", "solar permits by quarter",
     "SELECT date_trunc('quarter', Applied) AS quarter, count(*) AS permits FROM t WHERE \"Permit Type\" = 'Solar PV' "
     "GROUP BY 1", None, TS, "ts qw cond"),
    ("p06", "building_permits", "total valuation by neighborhood",
     'SELECT Neighborhood, sum("Valuation ($)") AS valuation FROM t GROUP BY Neighborhood', None, BAR, ""),
    ("p07", "building_permits", "top 5 contractors by # of permits",
     "SELECT Contractor, count(*) AS permits FROM t WHERE Contractor IS NOT NULL GROUP BY Contractor "
     "ORDER BY permits DESC LIMIT 5", None, TOP, "top"),
    # judgment: fees are placed in the month of application
    ("p08", "building_permits", "fees collected per month",
     "SELECT date_trunc('month', Applied) AS month, sum(\"Fee Paid ($)\") AS fees FROM t GROUP BY 1", None, TS,
     "ts abbr"),
    ("p09", "building_permits", "how many owner builder permits",
     "SELECT count(*) AS permits FROM t WHERE \"Owner Builder\" = 'Y'", None, KPI, "kpi kc cond"),
    ("p10", "building_permits", "avg review time per plan reviewer",
     'SELECT "Plan Reviewer", avg(Issued - Applied) AS days FROM t WHERE Issued IS NOT NULL GROUP BY 1', None, BAR,
     "der abbr"),
    ("p11", "building_permits", "for commercial TI only",
     'SELECT "Plan Reviewer", avg(Issued - Applied) AS days FROM t WHERE Issued IS NOT NULL '
     "AND \"Permit Type\" = 'Commercial TI' GROUP BY 1", "p10", BAR, "der cond"),
    ("p12", "building_permits", "median valuation new single family homes",
     "SELECT median(\"Valuation ($)\") AS valuation FROM t WHERE \"Permit Type\" = 'New Single Family'", None, KPI,
     "kpi kc mmm cond abbr"),
    ("p13", "building_permits", "fee as % of valuation by type",
     'SELECT "Permit Type", 100.0 * sum("Fee Paid ($)") / sum("Valuation ($)") AS pct_fee FROM t GROUP BY 1', None,
     BAR, "der share abbr"),
    ("p14", "building_permits", "permits by status pie",
     "SELECT Status, count(*) AS share_permits FROM t GROUP BY Status", None, PIE, "pie share"),
    ("p15", "building_permits", "how many permits are in review right now",
     "SELECT count(*) AS permits FROM t WHERE Status = 'In Review'", None, KPI, "kpi kc cond"),
    ("p16", "building_permits", "last quarter permits by neighborhood",
     "SELECT Neighborhood, count(*) AS permits FROM t WHERE Applied >= DATE '2025-04-01' GROUP BY Neighborhood",
     None, BAR, "rel"),
    ("p17", "building_permits", "monthly applications for solar and reroof",
     "SELECT date_trunc('month', Applied) AS month, \"Permit Type\", count(*) AS permits FROM t "
     "WHERE \"Permit Type\" IN ('Solar PV', 'Reroof') GROUP BY 1, 2", None, TS, "ts col cond"),
    ("p18", "building_permits", "avg days from issue to final",
     "SELECT avg(Finaled - Issued) AS days FROM t", None, KPI, "kpi der abbr"),
    # judgment: the share counts every permit, withdrawn and in review too
    ("p19", "building_permits", "what share of permits got finaled",
     "SELECT 100.0 * avg(CASE WHEN Status = 'Finaled' THEN 1 ELSE 0 END) AS pct_finaled FROM t", None, KPI,
     "kpi share cond"),
    ("p20", "building_permits", "3 neighborhoods with the highest avg valuation",
     'SELECT Neighborhood, avg("Valuation ($)") AS valuation FROM t GROUP BY Neighborhood '
     "ORDER BY valuation DESC LIMIT 3", None, TOP, "topn"),
    ("p21", "building_permits", "biggest project valuation in old town",
     "SELECT max(\"Valuation ($)\") AS valuation FROM t WHERE Neighborhood = 'Old Town'", None, KPI,
     "kpi kc mmm cond"),
    ("p22", "building_permits", "valuation vs fees by type scatter",
     'SELECT "Permit Type", sum("Valuation ($)") AS valuation, sum("Fee Paid ($)") AS fees FROM t GROUP BY 1', None,
     PT, "sc two"),
    ("p23", "building_permits", "withdrawn permits by reviewer",
     "SELECT \"Plan Reviewer\", count(*) AS permits FROM t WHERE Status = 'Withdrawn' GROUP BY 1", None, BAR,
     "cond abbr"),
    ("p24", "building_permits", "applications by weekday",
     "SELECT dayname(Applied) AS weekday, count(*) AS permits FROM t GROUP BY 1", None, {"bar", "line"}, "wh"),
    ("p25", "building_permits", "electrical permit count 2024",
     "SELECT count(*) AS permits FROM t WHERE \"Permit Type\" = 'Electrical' AND year(Applied) = 2024", None, KPI,
     "kpi kc cond"),
    ("p26", "building_permits", "avg square footage of new homes", None, None, U, ""),
    ("p27", "building_permits", "permits last month",
     "SELECT count(*) AS permits FROM t WHERE " + LAST_MONTH.format(c="Applied"), None, KPI, "kpi kc rel"),
    ("p28", "building_permits", "avg fee on residential alterations, owner builders vs contractors",
     "SELECT \"Owner Builder\", avg(\"Fee Paid ($)\") AS fee FROM t WHERE \"Permit Type\" = 'Residential Alteration' "
     "GROUP BY 1", None, BAR, "cond"),
    ("p29", "building_permits", "total fees ytd",
     'SELECT sum("Fee Paid ($)") AS fees FROM t WHERE year(Applied) = 2025', None, KPI, "kpi kc rel abbr"),
    ("p30", "building_permits", "whats the distribution of days to issue",
     "SELECT median(Issued - Applied) AS days FROM t", None, HIST, "dist der typo"),
    ("p31", "building_permits", "weekly for q2 2025",
     "SELECT date_trunc('week', Applied) AS week, count(*) AS permits FROM t WHERE Applied >= DATE '2025-04-01' "
     "GROUP BY 1", "p04", TS, "ts qw cond"),
    ("p32", "building_permits", "avg instead of total",
     'SELECT Neighborhood, avg("Valuation ($)") AS valuation FROM t GROUP BY Neighborhood', "p06", BAR, ""),
    ("p33", "building_permits", "how many permits did volt electric pull",
     "SELECT count(*) AS permits FROM t WHERE Contractor = 'Volt Electric Co'", None, KPI, "kpi kc cond abbr"),
    ("p34", "building_permits", "inspection pass rate by inspector", None, None, U, ""),
    ("p35", "building_permits", "as bars",
     "SELECT Status, count(*) AS permits FROM t GROUP BY Status", "p14", BAR, ""),
    # ------------------------------------------------------------------------------------------ volunteer_shifts
    # judgment: hours are check_out - check_in; no-shows have none
    ("v01", "volunteer_shifts", "total volunteer hours",
     f"SELECT sum({HOURS}) AS hours FROM t", None, KPI, "kpi der"),
    ("v02", "volunteer_shifts", "hours by site",
     f"SELECT site, sum({HOURS}) AS hours FROM t WHERE check_in IS NOT NULL GROUP BY site", None, BAR, "der"),
    ("v03", "volunteer_shifts", "top 5 volunteers by hours",
     f"SELECT volunteer, sum({HOURS}) AS hours FROM t WHERE check_in IS NOT NULL GROUP BY volunteer "
     "ORDER BY hours DESC LIMIT 5", None, TOP, "top der"),
    ("v04", "volunteer_shifts", "no show rate by volunteer type",
     "SELECT volunteer_type, 100.0 * avg(CASE WHEN no_show THEN 1 ELSE 0 END) AS pct_no_show FROM t "
     "GROUP BY volunteer_type", None, BAR, "der share cond"),
    ("v05", "volunteer_shifts", "just students, by month",
     "SELECT date_trunc('month', shift_date) AS month, 100.0 * avg(CASE WHEN no_show THEN 1 ELSE 0 END) AS pct_no_show "
     "FROM t WHERE volunteer_type = 'Student' GROUP BY 1", "v04", TS, "ts der share cond"),
    # judgment: scheduled shifts, no-shows included
    ("v06", "volunteer_shifts", "shifts per month",
     "SELECT date_trunc('month', shift_date) AS month, count(*) AS shifts FROM t GROUP BY 1", None, TS, "ts"),
    ("v07", "volunteer_shifts", "lbs handled per month",
     "SELECT date_trunc('month', shift_date) AS month, sum(lbs_handled) AS lbs FROM t GROUP BY 1", None, TS,
     "ts abbr"),
    ("v08", "volunteer_shifts", "meals servd at each site",
     "SELECT site, sum(meals_served) AS meals FROM t GROUP BY site", None, BAR, "typo"),
    ("v09", "volunteer_shifts", "shifts by day of week",
     "SELECT dayname(shift_date) AS weekday, count(*) AS shifts FROM t GROUP BY 1", None, {"bar", "line"}, "wh"),
    ("v10", "volunteer_shifts", "what hour do most ppl check in",
     "SELECT hour(check_in) AS hour, count(*) AS shifts FROM t WHERE check_in IS NOT NULL GROUP BY 1", None,
     {"bar", "line"}, "wh abbr"),
    ("v11", "volunteer_shifts", "how many first timers",
     "SELECT count(*) AS shifts FROM t WHERE first_shift = 'Y'", None, KPI, "kpi kc cond abbr"),
    ("v12", "volunteer_shifts", "first-time volunteers by month",
     "SELECT date_trunc('month', shift_date) AS month, count(*) AS volunteers FROM t WHERE first_shift = 'Y' "
     "GROUP BY 1", None, TS, "ts cond"),
    ("v13", "volunteer_shifts", "avg shift length in hours",
     f"SELECT avg({HOURS}) AS hours FROM t", None, KPI, "kpi der"),
    ("v14", "volunteer_shifts", "by role",
     f"SELECT role, avg({HOURS}) AS hours FROM t WHERE check_in IS NOT NULL GROUP BY role", "v13", BAR, "der"),
    ("v15", "volunteer_shifts", "corporate group hours by company",
     f"SELECT group_name, sum({HOURS}) AS hours FROM t WHERE group_name IS NOT NULL AND check_in IS NOT NULL "
     "GROUP BY group_name", None, BAR, "der cond"),
    ("v16", "volunteer_shifts", "pie of hours by vol type",
     f"SELECT volunteer_type, sum({HOURS}) AS share_hours FROM t WHERE check_in IS NOT NULL GROUP BY volunteer_type",
     None, PIE, "pie share der abbr"),
    ("v17", "volunteer_shifts", "lbs per hour for sorting vs packing",
     f"SELECT role, sum(lbs_handled) / sum({HOURS}) AS lbs_per_hour FROM t WHERE role IN ('Sorting', 'Packing') "
     "AND check_in IS NOT NULL GROUP BY role", None, BAR, "der cond abbr"),
    ("v18", "volunteer_shifts", "lbs handled and meals served by month",
     "SELECT date_trunc('month', shift_date) AS month, sum(lbs_handled) AS lbs, sum(meals_served) AS meals FROM t "
     "GROUP BY 1", None, TS, "ts two"),
    ("v19", "volunteer_shifts", "no shows last month",
     "SELECT count(*) AS shifts FROM t WHERE no_show AND " + LAST_MONTH.format(c="shift_date"), None, KPI,
     "kpi kc rel cond"),
    ("v20", "volunteer_shifts", "which 3 volunteers no show the most",
     "SELECT volunteer, count(*) AS no_shows FROM t WHERE no_show GROUP BY volunteer ORDER BY no_shows DESC LIMIT 3",
     None, TOP, "topn cond"),
    ("v21", "volunteer_shifts", "distribution of shift lengths",
     f"SELECT median({HOURS}) AS hours FROM t", None, HIST, "dist der"),
    ("v22", "volunteer_shifts", "hours by site per week in june",
     f"SELECT date_trunc('week', shift_date) AS week, site, sum({HOURS}) AS hours FROM t "
     "WHERE month(shift_date) = 6 AND check_in IS NOT NULL GROUP BY 1, 2", None, TS, "ts qw col der cond"),
    ("v23", "volunteer_shifts", "longest shift anyone worked",
     f"SELECT max({HOURS}) AS hours FROM t", None, KPI, "kpi mmm der"),
    # judgment: over attended shifts only
    ("v24", "volunteer_shifts", "avg meals per distribution shift at mobile mkt",
     "SELECT avg(meals_served) AS meals FROM t WHERE site = 'Mobile Market' AND role = 'Distribution' "
     "AND NOT no_show", None, KPI, "kpi kc cond abbr"),
    ("v25", "volunteer_shifts", "unique volunteers per month",
     "SELECT date_trunc('month', shift_date) AS month, count(DISTINCT volunteer) AS volunteers FROM t GROUP BY 1",
     None, TS, "ts"),
    ("v26", "volunteer_shifts", "court ordered hours this quarter",
     f"SELECT sum({HOURS}) AS hours FROM t WHERE volunteer_type = 'Court-Ordered' AND shift_date >= DATE '2025-04-01'",
     None, KPI, "kpi kc rel der cond"),
    ("v27", "volunteer_shifts", "hours vs lbs per individual volunteer, scatter",
     f"SELECT volunteer, sum({HOURS}) AS hours, sum(lbs_handled) AS lbs FROM t WHERE volunteer_type = 'Individual' "
     "AND check_in IS NOT NULL GROUP BY volunteer", None, PT, "sc two der cond"),
    ("v28", "volunteer_shifts", "how much money did donors give last month", None, None, U, ""),
    ("v29", "volunteer_shifts", "volunteer age breakdown", None, None, U, ""),
    ("v30", "volunteer_shifts", "saturday shifts by site",
     "SELECT site, count(*) AS shifts FROM t WHERE dayname(shift_date) = 'Saturday' GROUP BY site", None, BAR,
     "wh cond"),
    ("v31", "volunteer_shifts", "packing lbs at north pantry qtr by qtr",
     "SELECT date_trunc('quarter', shift_date) AS quarter, sum(lbs_handled) AS lbs FROM t WHERE role = 'Packing' "
     "AND site = 'North Pantry' GROUP BY 1", None, TS, "ts qw cond abbr"),
    ("v32", "volunteer_shifts", "only the warehouse",
     "SELECT date_trunc('month', shift_date) AS month, sum(lbs_handled) AS lbs FROM t WHERE site = 'Warehouse' "
     "GROUP BY 1", "v07", TS, "ts cond"),
    ("v33", "volunteer_shifts", "weekly",
     "SELECT date_trunc('week', shift_date) AS week, sum(lbs_handled) AS lbs FROM t WHERE site = 'Warehouse' "
     "GROUP BY 1", "v32", TS, "ts qw cond"),
]

QUESTIONS: list[tuple] = [item[:6] for item in _ITEMS]

_TAGS = {
    "ts": "time series", "qw": "quarter or week grain", "wh": "weekday or hour", "kpi": "kpi",
    "kc": "kpi with a condition", "top": "top-N with 'top'", "topn": "top/bottom-N without 'top'",
    "share": "share or percentage", "pie": "pie asked for", "two": "two measures", "col": "split by colour",
    "mmm": "median/max/min wording", "cond": "condition in words or values", "rel": "relative period",
    "dist": "distribution", "sc": "scatter", "typo": "typo", "abbr": "abbreviation or paraphrase",
    "der": "derived measure",
}

CATEGORIES: dict[str, frozenset[str]] = {
    name: frozenset(item[0] for item in _ITEMS if tag in item[6].split()) for tag, name in _TAGS.items()
}
