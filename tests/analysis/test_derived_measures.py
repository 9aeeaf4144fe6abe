"""Derived measures: rates of rows meeting a condition, ratios of two sums, date differences and
sums of two columns, asked in plain words over small CSVs written here and checked against DuckDB
over the same files. The questions were written before the planner was run on them."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest
from pydantic_ai.messages import ModelResponse, TextPart, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from datavis.analysis import AnalysisSettings, answer, render
from datavis.analysis.datasets.store import load_profile
from datavis.analysis.plan import Plan
from datavis.analysis.planning.ranker import describe
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold
from tests.helpers import ingested_views

REGIONS = ["North", "South", "East", "West"]
CARRIERS = ["DHL", "UPS", "FedEx", "Pickup"]


def _write_orders(path: Path, n: int = 600) -> None:
    """Orders 2023-2024: three dates, a Yes/No return flag, a text status, money and weight.
    Pickup orders weigh 0 kg (nothing shipped), so a cost per kg divides by zero for them."""
    rnd = random.Random(7)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Order ID", "Order Date", "Ship Date", "Delivery Date", "Region", "Category", "Channel",
                    "Carrier", "Status", "Returned", "Revenue", "Cost", "Profit", "Weight (kg)", "Quantity"])
        for i in range(n):
            ordered = dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(730))
            shipped = ordered + dt.timedelta(days=rnd.randint(0, 4))
            carrier = rnd.choice(CARRIERS)
            delivered = shipped + dt.timedelta(days=rnd.randint(1, 9) if carrier != "Pickup" else 0)
            status = rnd.choices(["Delivered", "Cancelled", "Pending"], [8, 1, 1])[0]
            revenue = round(rnd.uniform(20, 900), 2)
            cost = round(revenue * rnd.uniform(0.4, 0.9), 2)
            weight = 0 if carrier == "Pickup" else round(rnd.uniform(0.2, 25), 1)
            w.writerow([f"O{i + 1:04d}", ordered.isoformat(), shipped.isoformat(),
                        delivered.isoformat() if status == "Delivered" else "", rnd.choice(REGIONS),
                        rnd.choice(["Furniture", "Office", "Tech"]), rnd.choice(["Online", "Store"]), carrier,
                        status, rnd.choice(["Yes", "No", "No", "No"]), revenue, cost, round(revenue - cost, 2),
                        weight, rnd.randint(1, 8)])


def _write_tickets(path: Path, n: int = 400) -> None:
    """Support tickets with created/resolved timestamps (open tickets have none) and a true/false flag."""
    rnd = random.Random(8)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Ticket ID", "Created", "Resolved", "Priority", "Team", "Escalated", "CSAT"])
        for i in range(n):
            created = dt.datetime(2024, 1, 1, 8) + dt.timedelta(minutes=rnd.randrange(60 * 24 * 300))
            resolved = created + dt.timedelta(minutes=rnd.randrange(30, 60 * 24 * 6))
            w.writerow([f"T{i + 1:04d}", created.isoformat(sep=" "),
                        resolved.isoformat(sep=" ") if rnd.random() > 0.1 else "",
                        rnd.choice(["Low", "Medium", "High"]), rnd.choice(["Billing", "Tech", "Accounts"]),
                        rnd.choice(["true", "false", "false"]), rnd.choice(["", 1, 2, 3, 4, 5])])


def _write_bookings(path: Path, n: int = 300) -> None:
    """Hotel bookings; whether the guest came before is unknown (blank) for about a third."""
    rnd, known = random.Random(9), random.Random(12)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Booking ID", "Hotel", "Arrival Date", "Adults", "Children", "Nights", "Repeat Guest"])
        for i in range(n):
            arrival = dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(366))
            w.writerow([f"B{i + 1:04d}", rnd.choice(["City", "Resort", "Airport"]), arrival.isoformat(),
                        rnd.randint(1, 3), rnd.choice([0, 0, 1, 2, 3]), rnd.randint(1, 10),
                        known.choice(["Yes", "No", "No", "", ""])])


def _write_web(path: Path, n: int = 200) -> None:
    """Daily sessions and conversions per channel (a count rate has no Yes/No column)."""
    rnd = random.Random(10)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["day", "channel", "sessions", "conversions"])
        for i in range(n):
            sessions = rnd.randint(50, 900)
            w.writerow([(dt.date(2024, 1, 1) + dt.timedelta(days=i // 4)).isoformat(),
                        rnd.choice(["search", "social", "email", "direct"]), sessions, rnd.randint(0, sessions // 10)])


def _write_stock(path: Path, n: int = 120) -> None:
    """Products with a unit price and a unit cost and no profit column."""
    rnd = random.Random(11)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Product", "Category", "Unit Price", "Unit Cost", "On Hand"])
        for i in range(n):
            cost = round(rnd.uniform(2, 80), 2)
            price = round(cost * rnd.uniform(1.1, 2), 2)
            w.writerow([f"P{i + 1:03d}", rnd.choice(["Tools", "Garden", "Kitchen"]), price, cost, rnd.randint(0, 300)])


def _write_staff(path: Path, n: int = 250) -> None:
    """Staff with an employment status (Active / Terminated) and no Yes/No column."""
    rnd = random.Random(13)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Employee ID", "Department", "Status", "Salary"])
        for i in range(n):
            status = rnd.choice(["Active"] * 4 + ["Terminated"])
            dept = rnd.choice(["Sales", "Ops", "IT"])
            w.writerow([f"E{i + 1:04d}", dept, status, rnd.randrange(40_000, 120_000, 1000)])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    writers = (("orders", _write_orders), ("tickets", _write_tickets), ("bookings", _write_bookings),
               ("web", _write_web), ("stock", _write_stock), ("staff", _write_staff))
    with ingested_views(tmp_path_factory.mktemp("derived"), writers) as got:
        yield got


def _kpi(ans) -> float:
    assert ans.chart_type == "kpi", (ans.chart_type, ans.plan)
    return list(ans.data[0].values())[0]


# ------------------------------------------------------------------ rates and percentages of rows
def test_percentage_of_rows_with_a_yes_no_column(data):
    (ds, con) = data
    ans = answer(ds["orders"], "what percentage of orders were returned?")
    gold = con.execute("SELECT 100.0 * count(*) FILTER (WHERE Returned) / count(*) FROM orders").fetchone()[0]
    assert _kpi(ans) == pytest.approx(gold)
    assert f"{round(gold)}%" in ans.insight
    assert ans.plan["filters"] == []  # the condition is the measure, not a filter on the rows


def test_rate_per_group(data):
    (ds, con) = data
    ans = answer(ds["orders"], "return rate by region")
    assert ans.plan["x"]["field"] == "Region"
    assert _rows(ans) == _gold(con, "SELECT Region, 100.0 * count(*) FILTER (WHERE Returned) / count(*) "
                                    "FROM orders GROUP BY 1")
    assert "%" in ans.spec["encoding"]["y"]["title"] or "rate" in ans.spec["encoding"]["y"]["title"].lower()


def test_rate_of_a_text_value_per_month(data):
    (ds, con) = data
    ans = answer(ds["orders"], "cancellation rate by month")
    gold = _gold(con, "SELECT date_trunc('month', \"Order Date\")::DATE, 100.0 * count(*) FILTER "
                      "(WHERE Status = 'Cancelled') / count(*) FROM orders GROUP BY 1")
    assert _rows(ans) == gold
    assert ans.chart_type in ("line", "bar")


def test_share_of_a_text_value_per_group(data):
    (ds, con) = data
    ans = answer(ds["orders"], "share of orders shipped with DHL in each region")
    assert _rows(ans) == _gold(con, "SELECT Region, 100.0 * count(*) FILTER (WHERE Carrier = 'DHL') / count(*) "
                                    "FROM orders GROUP BY 1")


def test_percent_of_tickets_escalated_true_false_column(data):
    (ds, con) = data
    ans = answer(ds["tickets"], "% of tickets escalated")
    gold = con.execute("SELECT 100.0 * count(*) FILTER (WHERE Escalated) / count(*) FROM tickets").fetchone()[0]
    assert _kpi(ans) == pytest.approx(gold)


def test_a_rate_leaves_out_rows_whose_condition_is_unknown(data):
    (ds, con) = data
    ans = answer(ds["bookings"], "what percentage of bookings are repeat guests?")
    gold = con.execute("SELECT 100.0 * avg(CASE WHEN \"Repeat Guest\" THEN 1 ELSE 0 END) FROM bookings "
                       "WHERE \"Repeat Guest\" IS NOT NULL").fetchone()[0]
    assert _kpi(ans) == pytest.approx(gold)


def test_percentage_of_high_priority_tickets_by_team(data):
    (ds, con) = data
    ans = answer(ds["tickets"], "percentage of high priority tickets by team")
    assert _rows(ans) == _gold(con, "SELECT Team, 100.0 * count(*) FILTER (WHERE Priority = 'High') / count(*) "
                                    "FROM tickets GROUP BY 1")


def test_attrition_rate_counts_the_value_it_names(data):
    (ds, con) = data
    ans = answer(ds["staff"], "attrition rate by department")
    assert _rows(ans) == _gold(con, "SELECT Department, 100.0 * count(*) FILTER (WHERE Status = 'Terminated') "
                                    "/ count(*) FROM staff GROUP BY 1")


def test_rate_with_a_filter_keeps_the_filter(data):
    (ds, con) = data
    ans = answer(ds["orders"], "return rate by carrier for online orders")
    assert _rows(ans) == _gold(con, "SELECT Carrier, 100.0 * count(*) FILTER (WHERE Returned) / count(*) "
                                    "FROM orders WHERE Channel = 'Online' GROUP BY 1")


# ------------------------------------------------------------------ ratios of two sums
def test_cost_per_kg_by_carrier_divides_sums_and_not_by_zero(data):
    (ds, con) = data
    ans = answer(ds["orders"], "cost per kg by carrier")
    gold = _gold(con, "SELECT Carrier, sum(Cost) / NULLIF(sum(\"Weight (kg)\"), 0) FROM orders GROUP BY 1")
    assert _rows(ans) == gold
    assert ("Pickup", None) in _rows(ans)  # 0 kg: no value, not an error or infinity
    assert "per" in ans.title.lower()


def test_a_single_ratio_with_nothing_to_divide_by_has_no_value(data):
    (ds, _con) = data
    ans = answer(ds["orders"], "cost per kg for pickup orders")
    assert ans.plan["filters"] == [{"field": "Carrier", "op": "=", "value": "Pickup"}]
    assert _kpi(ans) is None and "n/a" in ans.insight
    assert render(ans.spec, "svg").decode().startswith("<svg")


def test_profit_margin_by_category_is_a_percentage(data):
    (ds, con) = data
    ans = answer(ds["orders"], "profit margin by category")
    assert _rows(ans) == _gold(con, "SELECT Category, 100.0 * sum(Profit) / sum(Revenue) FROM orders GROUP BY 1")


def test_revenue_per_unit_by_region(data):
    (ds, con) = data
    ans = answer(ds["orders"], "revenue per unit sold by region")
    assert _rows(ans) == _gold(con, "SELECT Region, sum(Revenue) / sum(Quantity) FROM orders GROUP BY 1")


def test_average_order_value_by_channel(data):
    (ds, con) = data
    ans = answer(ds["orders"], "average order value by channel")
    assert _rows(ans) == _gold(con, "SELECT Channel, sum(Revenue) / count(*) FROM orders GROUP BY 1")


# ------------------------------------------------------------------ date differences
def test_average_delivery_time_in_days_per_carrier(data):
    """Three dates (ordered, shipped, delivered): a time named by its end is measured from the row's
    main date, and the answer says which two dates it used."""
    (ds, con) = data
    ans = answer(ds["orders"], "average delivery time in days per carrier")
    gold = _gold(con, "SELECT Carrier, avg(date_diff('day', \"Order Date\", \"Delivery Date\")) FROM orders "
                      "GROUP BY 1")
    assert _rows(ans) == gold
    assert "Order Date" in ans.title and "Delivery Date" in ans.title


def test_a_follow_up_changing_the_aggregation_keeps_the_derived_measure(data):
    (ds, con) = data
    first = answer(ds["orders"], "average delivery time in days per carrier")
    ans = answer(ds["orders"], "what about the maximum?", previous=first.state)
    gold = _gold(con, "SELECT Carrier, max(date_diff('day', \"Order Date\", \"Delivery Date\")) FROM orders "
                      "GROUP BY 1")
    assert _rows(ans) == gold


def test_the_latest_date_per_group_is_a_chart_of_dates(data):
    (ds, con) = data
    ans = answer(ds["orders"], "maximum ship date by carrier")
    assert _rows(ans) == _gold(con, "SELECT Carrier, max(\"Ship Date\") FROM orders GROUP BY 1")


def test_days_from_ship_date_to_delivery_date(data):
    (ds, con) = data
    ans = answer(ds["orders"], "average days from ship date to delivery date per carrier")
    gold = _gold(con, "SELECT Carrier, avg(date_diff('day', \"Ship Date\", \"Delivery Date\")) FROM orders "
                      "GROUP BY 1")
    assert _rows(ans) == gold


def test_days_between_two_named_dates(data):
    (ds, con) = data
    ans = answer(ds["orders"], "how many days between order date and ship date on average")
    gold = con.execute("SELECT avg(date_diff('day', \"Order Date\", \"Ship Date\")) FROM orders").fetchone()[0]
    assert _kpi(ans) == pytest.approx(gold)


def test_how_long_to_resolve_tickets_by_priority_in_hours(data):
    (ds, con) = data
    ans = answer(ds["tickets"], "how long does it take to resolve tickets, in hours, by priority")
    # elapsed hours (08:59 → 09:01 is 2 minutes), not hour boundaries crossed
    gold = _gold(con, "SELECT Priority, avg((epoch(Resolved) - epoch(Created)) / 3600) FROM tickets GROUP BY 1")
    assert _rows(ans) == gold


# ------------------------------------------------------------------ a sum of two columns
def test_adults_plus_children_by_hotel(data):
    (ds, con) = data
    ans = answer(ds["bookings"], "adults plus children by hotel")
    assert _rows(ans) == _gold(con, "SELECT Hotel, sum(Adults + Children) FROM bookings GROUP BY 1")


def test_revenue_minus_cost_by_region(data):
    (ds, con) = data
    ans = answer(ds["orders"], "revenue minus cost by region")
    assert _rows(ans) == _gold(con, "SELECT Region, sum(Revenue - Cost) FROM orders GROUP BY 1")


def test_margin_without_a_profit_column_is_price_minus_cost(data):
    (ds, con) = data
    ans = answer(ds["stock"], "average margin per unit by category")
    assert _rows(ans) == _gold(con, "SELECT Category, avg(\"Unit Price\" - \"Unit Cost\") FROM stock GROUP BY 1")


def test_stock_value_as_a_product_of_two_columns(data):
    (ds, con) = data
    ans = answer(ds["stock"], "total on hand times unit cost by category")
    assert _rows(ans) == _gold(con, "SELECT Category, sum(\"On Hand\" * \"Unit Cost\") FROM stock GROUP BY 1")


def test_conversion_rate_of_a_count_column(data):
    (ds, con) = data
    ans = answer(ds["web"], "conversion rate by channel")
    assert _rows(ans) == _gold(con, "SELECT channel, 100.0 * sum(conversions) / sum(sessions) FROM web GROUP BY 1")


# ------------------------------------------------------------------ the same fields from a model
def _model(plans: list[dict]) -> tuple[AnalysisSettings, list[str]]:
    """A scripted model (pydantic-ai FunctionModel, no network): these plans in order, then text."""
    calls: list[str] = []

    def reply(messages, info: AgentInfo) -> ModelResponse:
        calls.append(str(messages[-1]))
        if info.output_tools and plans:
            return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, plans.pop(0))])
        return ModelResponse(parts=[TextPart("x")])

    return AnalysisSettings(model=FunctionModel(reply), word_insights_with_model=False), calls


def test_a_model_plan_with_a_rate_compiles_like_the_rules_one(data):
    (ds, con) = data
    plan = {"intent": "compare", "dimension": {"column": "Region"},
            "measures": [{"kind": "rate", "condition": {"column": "Returned", "op": "=", "values": [True]}}]}
    ans = answer(ds["orders"], "return rate by region", settings=_model([plan])[0])
    assert ans.planner == "llm"
    assert _rows(ans) == _gold(con, "SELECT Region, 100.0 * count(*) FILTER (WHERE Returned) / count(*) "
                                    "FROM orders GROUP BY 1")


def test_a_model_plan_with_a_date_difference_of_text_columns_is_repaired(data):
    (ds, con) = data
    bad = {"measures": [{"kind": "date_diff", "column": "Region", "other": "Carrier"}]}
    good = {"measures": [{"kind": "date_diff", "column": "Order Date", "other": "Ship Date", "agg": "avg"}]}
    settings, calls = _model([bad, good])
    ans = answer(ds["orders"], "how long does shipping take", settings=settings)
    assert ans.planner == "llm+repair"
    assert "cannot be computed from their types" in calls[1]
    gold = con.execute("SELECT avg(date_diff('day', \"Order Date\", \"Ship Date\")) FROM orders").fetchone()[0]
    assert _kpi(ans) == pytest.approx(gold)


# ------------------------------------------------------------------ the chart
@pytest.mark.parametrize("name,question", [
    ("orders", "return rate by region"),
    ("orders", "what percentage of orders were returned?"),
    ("orders", "cost per kg by carrier"),
    ("orders", "cancellation rate by month"),
    ("tickets", "how long does it take to resolve tickets, in hours, by priority"),
])
def test_derived_charts_render(data, name, question):
    (ds, _con) = data
    ans = answer(ds[name], question)
    svg = render(ans.spec, "svg").decode()
    assert svg.startswith("<svg") and "<text" in svg


def test_an_alternative_reading_of_a_rate_names_the_rate(data):
    (ds, _con) = data
    ans = answer(ds["orders"], "what percentage of orders were returned")
    plan = Plan.model_validate(ans.state["plan"])
    words = describe(plan, load_profile(ds["orders"])["profile"])
    assert "returned" in words.lower() and not words.lower().startswith("number of")
