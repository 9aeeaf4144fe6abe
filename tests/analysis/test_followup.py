"""Follow-ups through `answer(..., previous=...)`: each message is an edit of the chart on screen
(a filter added or replaced, a grain, a colour split, an aggregation, a chart type, top/bottom N,
an order, another measure), or a new question when it stands on its own. The questions were
written before running the planner on them; each answer's data is checked against DuckDB."""
from __future__ import annotations

import pytest

from datavis.analysis import Answer, answer, forget, ingest_csv
from tests.helpers import answer_rows as _rows
from tests.helpers import gold_rows as _gold


def ask(ds, q: str, prev: Answer | None = None, **kw) -> Answer:
    return answer(ds, q, previous=prev.state if prev else None, **kw)


def test_a_value_adds_a_filter_then_another_value_replaces_it(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "revenue by category")
    b = ask(ds, "only in the East", a)
    assert b.plan["x"]["field"] == "Category"
    assert b.plan["filters"] == [{"field": "Region", "op": "=", "value": "East"}]
    assert _rows(b) == _gold(sales_sql, "SELECT Category, sum(Revenue) FROM t WHERE Region = 'East' GROUP BY 1")
    c = ask(ds, "what about the West?", b)
    assert c.plan["x"]["field"] == "Category"
    assert c.plan["filters"] == [{"field": "Region", "op": "=", "value": "West"}]


def test_yes_no_column_becomes_a_filter_on_the_chart_on_screen(hr):
    ds, con = hr
    a = ask(ds, "average salary in each department")
    b = ask(ds, "only remote workers", a)
    assert b.plan["x"]["field"] == "Department" and b.plan["y"]["aggregate"] == "avg"
    assert {"field": "Remote", "op": "=", "value": True} in b.plan["filters"]
    c = ask(ds, "what about the non-remote ones?", b)
    assert c.plan["x"]["field"] == "Department"
    assert c.plan["filters"] == [{"field": "Remote", "op": "=", "value": False}]
    assert _rows(c) == _gold(con, 'SELECT Department, avg("Annual Salary") FROM t WHERE NOT Remote GROUP BY 1')


def test_split_by_adds_a_colour_and_keeps_the_axis_and_filters(hr):
    ds, con = hr
    a = ask(ds, "average salary in each department")
    b = ask(ds, "only remote workers", a)
    c = ask(ds, "now split by gender", b)
    assert c.plan["x"]["field"] == "Department" and c.plan["color"] == "Gender"
    assert _rows(c) == _gold(con, 'SELECT Department, Gender, avg("Annual Salary") FROM t WHERE Remote GROUP BY 1, 2')


def test_by_quarter_instead_changes_the_grain(datasets):
    ds = datasets["sales"]
    a = ask(ds, "monthly revenue")
    b = ask(ds, "by quarter instead", a)
    assert b.plan["x"]["field"] == "Order Date" and b.plan["x"]["time_unit"] == "yearquarter"
    assert b.plan["y"] == a.plan["y"]


def test_average_instead_changes_the_aggregation(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "total profit by region")
    b = ask(ds, "average instead", a)
    assert b.plan["x"]["field"] == "Region" and b.plan["y"] == {"field": "Profit", "aggregate": "avg"}
    assert _rows(b) == _gold(sales_sql, "SELECT Region, avg(Profit) FROM t GROUP BY 1")


def test_as_a_donut_changes_the_chart_type_only(datasets):
    ds = datasets["sales"]
    a = ask(ds, "revenue by category")
    b = ask(ds, "as a donut", a)
    assert b.chart_type == "arc" and b.sql == a.sql


def test_top_n_then_the_worst_flips_the_order(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "revenue by product")
    b = ask(ds, "just the top 3", a)
    assert b.plan["limit"] == 3 and b.plan["order"]["desc"] is True and len(b.data) == 3
    c = ask(ds, "and the worst?", b)
    assert c.plan["x"]["field"] == "Product" and c.plan["limit"] == 3 and c.plan["order"]["desc"] is False
    assert _rows(c) == _gold(sales_sql, "SELECT Product, sum(Revenue) AS r FROM t GROUP BY 1 ORDER BY r LIMIT 3")


def test_sort_lowest_first(datasets):
    ds = datasets["sales"]
    a = ask(ds, "profit by segment")
    b = ask(ds, "sort it from lowest to highest", a)
    assert b.plan["x"]["field"] == "Segment" and b.plan["order"] == {"by": "y", "desc": False, "explicit": True}
    values = [r[b.plan["data_fields"]["y"]] for r in b.data]
    assert values == sorted(values)


def test_and_profit_swaps_the_measure_and_keeps_the_filter(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "total revenue by region in 2023")
    b = ask(ds, "and profit?", a)
    assert b.plan["y"] == {"field": "Profit", "aggregate": "sum"} and b.plan["x"]["field"] == "Region"
    assert b.plan["filters"] == a.plan["filters"]
    assert _rows(b) == _gold(sales_sql, 'SELECT Region, sum(Profit) FROM t WHERE year("Order Date") = 2023 GROUP BY 1')


def test_by_another_column_replaces_the_axis(datasets):
    ds = datasets["sales"]
    a = ask(ds, "revenue by region in 2024")
    b = ask(ds, "now by category", a)
    assert b.plan["x"]["field"] == "Category" and b.plan["color"] is None
    assert b.plan["filters"] == a.plan["filters"]


def test_boolean_filter_on_another_dataset(datasets):
    ds = datasets["signups"]
    a = ask(ds, "number of signups by channel")
    b = ask(ds, "only converted users", a)
    assert b.plan["x"]["field"] == "channel"
    assert b.plan["filters"] == [{"field": "converted", "op": "=", "value": True}]


def test_a_question_that_stands_on_its_own_is_answered_fresh(datasets):
    ds = datasets["sales"]
    a = ask(ds, "revenue by region in 2023")
    b = ask(ds, "how many orders per segment", a)
    assert b.plan["x"]["field"] == "Segment" and b.plan["filters"] == []
    assert b.plan["y"]["aggregate"] == "count"


def test_forced_follow_up_edits_even_a_full_question(datasets):
    ds = datasets["sales"]
    a = ask(ds, "revenue by region in 2023")
    b = ask(ds, "average discount by segment", a, is_follow_up=True)
    assert b.plan["x"]["field"] == "Segment" and b.plan["y"] == {"field": "Discount", "aggregate": "avg"}
    assert b.plan["filters"] == a.plan["filters"]


def test_the_year_before_shifts_the_period_on_screen(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "how much revenue in March 2024")
    b = ask(ds, "what about the year before?", a)
    assert b.chart_type == "kpi"
    [[gold]] = sales_sql.execute("SELECT sum(Revenue) FROM t WHERE \"Order Date\" BETWEEN '2023-03-01' AND "
                                 "'2023-03-31'").fetchall()
    assert abs(list(b.data[0].values())[0] - gold) < 1e-6
    c = ask(ds, "and the month before?", b)
    assert c.plan["filters"][0]["value"] == ["2023-02-01", "2023-02-28"]


def test_a_whole_question_in_a_chat_is_not_taken_for_an_edit(datasets):
    ds = datasets["sales"]
    a = ask(ds, "revenue by region")
    b = ask(ds, "How many orders had revenue over 1000?", a)
    assert b.chart_type == "kpi" and b.plan["x"] is None and b.plan["y"]["aggregate"] == "count"
    assert b.plan["filters"] == [{"field": "Revenue", "op": ">", "value": 1000}]


def test_a_close_call_offers_the_other_reading(datasets):
    """A bare measure name reads as a new question, with the edit of the chart on screen one click away."""
    ds = datasets["sales"]
    a = ask(ds, "revenue by region in 2023")
    b = ask(ds, "Profit", a)
    assert b.chart_type == "kpi" and b.plan["filters"] == []
    [edit] = [alt["plan"] for alt in b.alternatives if alt["plan"]["x"]]
    assert edit["x"]["field"] == "Region" and edit["y"] == {"field": "Profit", "aggregate": "sum"}
    assert edit["filters"] == a.plan["filters"]


def test_a_column_named_with_its_value_filters_and_keeps_the_axis(datasets):
    ds = datasets["sales"]
    a = ask(ds, "revenue by category")
    b = ask(ds, "only for the West region", a)
    assert b.plan["x"]["field"] == "Category" and b.plan["color"] is None
    assert b.plan["filters"] == [{"field": "Region", "op": "=", "value": "West"}]


def test_splitting_by_a_filtered_column_shows_all_its_values(hr):
    ds, con = hr
    a = ask(ds, "average salary in each department")
    b = ask(ds, "what about women?", a)
    assert b.plan["filters"] == [{"field": "Gender", "op": "=", "value": "F"}]
    c = ask(ds, "split by gender", b)
    assert c.plan["x"]["field"] == "Department" and c.plan["color"] == "Gender" and c.plan["filters"] == []
    assert _rows(c) == _gold(con, 'SELECT Department, Gender, avg("Annual Salary") FROM t GROUP BY 1, 2')


def test_a_grain_word_that_is_a_value_with_its_column_named_filters(tmp_path):
    rows = ["Customer,Start Date,Billing,Country,MRR"]
    for i in range(120):
        rows.append(f"C{i:03d},2023-{i % 12 + 1:02d}-{i % 27 + 1:02d},{'annual' if i % 3 else 'monthly'},"
                    f"{['US', 'DE', 'FR'][i % 3 - 1 if i % 5 else 0]},{10 + i % 7}")
    (tmp_path / "subs.csv").write_text("\n".join(rows) + "\n")
    ds = tmp_path / "ds"
    ingest_csv(tmp_path / "subs.csv", ds, name="subscriptions")
    try:
        a = ask(ds, "customers by country")
        b = ask(ds, "only annual billing", a)
        assert b.plan["x"]["field"] == "Country"
        assert b.plan["filters"] == [{"field": "Billing", "op": "=", "value": "annual"}]
        c = ask(ds, "monthly", b)  # a grain word alone is the grain
        assert c.plan["x"]["field"] == "Start Date" and c.plan["x"]["time_unit"] == "yearmonth"
    finally:
        forget(ds)


def test_remove_the_split_then_show_all(datasets):
    ds = datasets["sales"]
    a = ask(ds, "top 3", ask(ds, "profit by region and segment"))
    assert a.plan["color"] == "Segment" and a.plan["limit"] == 3
    b = ask(ds, "remove the split", a)
    assert b.plan["color"] is None and b.plan["x"]["field"] == a.plan["x"]["field"] and b.plan["limit"] == 3
    c = ask(ds, "show all", b)
    assert c.plan["limit"] is None and len(c.data) == 4


# ---------------------------------------------------------------- the follow-up families of issue 11
def test_and_the_fewest_flips_a_top_n_and_keeps_its_n(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "top 5 customers by number of orders")
    b = ask(ds, "and the fewest?", a)
    assert b.plan["x"]["field"] == "Customer Name" and b.plan["limit"] == 5 and b.plan["order"]["desc"] is False
    fewest = _gold(sales_sql, 'SELECT "Customer Name", count(*) AS n FROM t GROUP BY 1 ORDER BY n LIMIT 5')
    assert {n for _, n in _rows(b)} == {n for _, n in fewest}  # ties at the bottom may name others


def test_a_number_alone_changes_how_many_are_shown(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "top 5 products by revenue")
    b = ask(ds, "show 8", a)
    assert b.plan["x"]["field"] == "Product" and b.plan["limit"] == 8 and b.plan["order"]["desc"] is True
    assert _rows(b) == _gold(sales_sql, "SELECT Product, sum(Revenue) AS r FROM t GROUP BY 1 ORDER BY r DESC LIMIT 8")
    c = ask(ds, "only the top 3", b)
    assert c.plan["limit"] == 3
    assert _rows(c) == _gold(sales_sql, "SELECT Product, sum(Revenue) AS r FROM t GROUP BY 1 ORDER BY r DESC LIMIT 3")


def test_median_instead_then_average_instead(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "revenue by region")
    b = ask(ds, "median instead", a)
    assert b.plan["x"]["field"] == "Region" and b.plan["y"] == {"field": "Revenue", "aggregate": "median"}
    assert _rows(b) == _gold(sales_sql, "SELECT Region, median(Revenue) FROM t GROUP BY 1")
    c = ask(ds, "average instead", b)
    assert _rows(c) == _gold(sales_sql, "SELECT Region, avg(Revenue) FROM t GROUP BY 1")


def test_and_profit_too_adds_a_second_measure(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "top 5 products by revenue")
    b = ask(ds, "and profit too", a)
    assert [(m["field"], m["aggregate"]) for m in b.plan["measures"]] == [("Revenue", "sum"), ("Profit", "sum")]
    assert b.plan["x"]["field"] == "Product" and b.plan["limit"] == 5
    ys = b.plan["data_fields"]["ys"]
    got = {(r["Product"], *(round(r[y], 6) for y in ys)) for r in b.data}
    assert got == _gold(sales_sql, "SELECT Product, sum(Revenue) AS r, sum(Profit) FROM t GROUP BY 1 "
                                   "ORDER BY r DESC LIMIT 5")
    c = ask(ds, "and profit?", a)  # without "too" the measure is swapped
    assert c.plan["y"] == {"field": "Profit", "aggregate": "sum"} and len(c.plan["measures"]) == 1
    kpi = ask(ds, "and profit too", ask(ds, "total revenue"))  # two numbers
    assert kpi.chart_type == "kpi" and list(kpi.data[0].values()) == [
        pytest.approx(v) for v in sales_sql.execute("SELECT sum(Revenue), sum(Profit) FROM t").fetchone()]


def test_by_region_instead_swaps_the_dimension(datasets, sales_sql):
    ds = datasets["sales"]
    a = ask(ds, "average profit by category in 2024")
    b = ask(ds, "by region instead", a)
    assert b.plan["x"]["field"] == "Region" and b.plan["color"] is None
    assert b.plan["filters"] == a.plan["filters"]
    assert _rows(b) == _gold(sales_sql, 'SELECT Region, avg(Profit) FROM t WHERE year("Order Date") = 2024 GROUP BY 1')
