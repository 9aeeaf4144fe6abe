"""answer(): plan, SQL, chart, rendering, insight and follow-ups on real DuckDB files."""
from __future__ import annotations

import json
import re
import threading

import pytest

from datavis.analysis import Answer, Unanswerable, answer, render


def ask(ds, q, prev: Answer | None = None, **kw) -> Answer:
    return answer(ds, q, previous=prev.state if prev else None, **kw)


CHART_QUESTIONS = [
    ("sales", "total revenue by region", "bar"),
    ("sales", "revenue by customer name", "bar"),  # 50 bars: horizontal
    ("sales", "monthly revenue", "line"),
    ("sales", "monthly revenue by region", "line"),
    ("sales", "revenue over time as an area chart", "area"),
    ("sales", "profit by region and segment", "bar"),
    ("sales", "grouped bar chart of profit by region and segment", "bar"),
    ("sales", "share of revenue by category", "arc"),
    ("sales", "relationship between quantity and revenue", "point"),
    ("sales", "distribution of revenue", "histogram"),
    ("sales", "distribution of profit by category", "boxplot"),
    ("sales", "what is the total revenue?", "kpi"),
    ("sales", "list quantity and revenue as a table", "table"),
    ("stores", "heatmap of employees by city and store type", "heatmap"),
    ("traffic", "visitors by day of the week", "bar"),
]


@pytest.mark.parametrize("name,question,chart", CHART_QUESTIONS)
def test_every_chart_type_renders(datasets, name, question, chart):
    ans = ask(datasets[name], question)
    assert ans.chart_type == chart
    assert ans.spec["$schema"].endswith("vega-lite/v5.json")
    json.dumps(ans.spec)  # JSON-safe
    json.dumps(ans.data)
    json.dumps(ans.state)
    svg = render(ans.spec, "svg").decode()
    assert svg.startswith("<svg") and "<text" in svg
    png = render(ans.spec, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_grouped_and_stacked_bars(datasets):
    grouped = ask(datasets["sales"], "grouped bar chart of profit by region and segment")
    assert grouped.spec["encoding"]["xOffset"]["field"] == "Segment"
    stacked = ask(datasets["sales"], "profit by region and segment")
    assert "xOffset" not in stacked.spec["encoding"] and stacked.spec["encoding"]["color"]["field"] == "Segment"


def test_explicit_chart_word_wins(datasets):
    assert ask(datasets["sales"], "revenue by region as a pie chart").chart_type == "arc"
    assert ask(datasets["sales"], "monthly revenue as a bar chart").chart_type == "bar"


def test_horizontal_bars_for_many_categories(datasets):
    ans = ask(datasets["sales"], "revenue by customer name")
    assert ans.spec["encoding"]["y"]["field"] == "Customer Name"
    assert ans.spec["encoding"]["y"]["sort"] is None  # rows come sorted from SQL
    assert ans.data[0]["Total Revenue"] == max(r["Total Revenue"] for r in ans.data)


def test_explainable_plan_uses_dataset_names(datasets):
    ans = ask(datasets["sales"], "average profit per category in 2023 excluding Office Supplies, top 2")
    p = ans.plan
    assert p["intent"] == "rank"
    assert p["x"] == {"field": "Category", "time_unit": None, "bin": None}
    assert p["y"] == {"field": "Profit", "aggregate": "avg"}
    assert {"field": "Category", "op": "!=", "value": "Office Supplies"} in p["filters"]
    assert {"field": "Order Date", "op": "between", "value": ["2023-01-01", "2023-12-31"]} in p["filters"]
    assert p["limit"] == 2 and p["order"]["by"] == "y" and p["order"]["desc"] is True
    assert ans.title.startswith("Top 2 Category by Average Profit")
    assert "excluding Office Supplies" in ans.title
    assert len(ans.data) == 2


def test_insight_quotes_real_numbers(datasets):
    ans = ask(datasets["sales"], "total revenue by region")
    top = ans.data[0]
    total = sum(r["Total Revenue"] for r in ans.data)
    assert top["Region"] in ans.insight
    assert f"${top['Total Revenue'] / 1000:.0f}K" in ans.insight
    assert f"{top['Total Revenue'] / total:.0%}" in ans.insight
    assert 2 <= ans.insight.count(". ") + 1 <= 3


def test_insight_states_assumptions_and_anchor(datasets):
    ans = ask(datasets["sales"], "sales in the last 6 months")
    assert "I read 'sales' as Revenue" in ans.insight
    assert "2024-01-01 to 2024-06-30" in ans.insight
    assert ans.plan["assumptions"]


def test_trend_insight(datasets):
    ans = ask(datasets["traffic"], "visitors per year")
    assert ans.chart_type in ("bar", "line")
    assert "2022" in ans.insight and "2023" in ans.insight and "%" in ans.insight


def test_correlation_insight(datasets):
    ans = ask(datasets["traffic"], "correlation between visitors and page views")
    assert re.search(r"(strong|moderate|weak) (positive|negative) correlation \(r = 0\.\d\d", ans.insight)


def test_kpi_with_period(datasets):
    ans = ask(datasets["signups"], "how many users signed up last month")
    assert ans.chart_type == "kpi"
    assert ans.data[0]["Count"] > 0
    assert f"{ans.data[0]['Count']:,}" in ans.insight and "2024-05-01" in ans.insight


def test_follow_up_chain(datasets):
    ds = datasets["sales"]
    a = ask(ds, "monthly revenue")
    b = ask(ds, "now by quarter", a)
    assert b.plan["x"]["time_unit"] == "yearquarter"
    c = ask(ds, "only for the West", b)
    assert c.plan["filters"] == [{"field": "Region", "op": "=", "value": "West"}]
    d = ask(ds, "what about profit?", c)
    assert d.plan["y"]["field"] == "Profit" and d.plan["filters"] == c.plan["filters"]
    e = ask(ds, "as a bar chart", d)
    assert e.chart_type == "bar" and e.sql == d.sql
    f = ask(ds, "split by segment", e)
    assert f.plan["color"] == "Segment"
    g = ask(ds, "start over. revenue by category", f)
    assert g.plan["filters"] == [] and g.plan["x"]["field"] == "Category"


def test_follow_up_top_n_and_year(datasets):
    ds = datasets["sales"]
    a = ask(ds, "revenue by product")
    b = ask(ds, "top 3", a)
    assert len(b.data) == 3 and b.plan["limit"] == 3
    c = ask(ds, "only for 2023", b)
    assert c.plan["filters"][0]["value"] == ["2023-01-01", "2023-12-31"] and len(c.data) == 3


def test_is_follow_up_flag_forces_an_edit(datasets):
    ds = datasets["sales"]
    a = ask(ds, "revenue by region")
    b = answer(ds, "Profit", previous=a.state, is_follow_up=True)
    assert b.plan["x"]["field"] == "Region" and b.plan["y"]["field"] == "Profit"


def test_unrelated_new_question_is_not_a_follow_up(datasets):
    ds = datasets["sales"]
    a = ask(ds, "revenue by region in 2023")
    b = ask(ds, "average quantity by category", a)
    assert b.plan["filters"] == [] and b.plan["x"]["field"] == "Category"


def test_start_over_alone_explains(datasets):
    with pytest.raises(Unanswerable) as e:
        ask(datasets["sales"], "start over")
    assert "Starting over" in e.value.message


@pytest.mark.parametrize("question", ["", "   ", "what is the meaning of life?", "x" * 3000])
def test_unanswerable_questions_get_help(datasets, question):
    with pytest.raises(Unanswerable) as e:
        ask(datasets["sales"], question)
    assert e.value.message


def test_help_lists_columns_and_an_example(datasets):
    with pytest.raises(Unanswerable) as e:
        ask(datasets["sales"], "tell me about the weather on mars")
    assert "Region" in e.value.message and "Try for example" in e.value.message


def test_no_threads_left_and_databases_are_shared(datasets):
    from datavis.analysis.sql import sandbox
    ask(datasets["sales"], "revenue by region")
    before = threading.active_count()
    for q in ("revenue by region", "distribution of revenue", "monthly profit"):
        ask(datasets["sales"], q)
    assert threading.active_count() == before
    [database] = [d for k, d in sandbox._open.items() if k.startswith(str(datasets["sales"]))]
    assert database.users == 0  # every answer's cursor was given back


def test_evicted_database_closes_after_its_last_cursor(datasets, monkeypatch):
    from datavis.analysis.sql import sandbox
    for dataset in datasets.values():
        sandbox.forget(dataset)  # start from a process that has none open
    monkeypatch.setattr(sandbox, "MAX_OPEN_DATASETS", 1)
    first = sandbox.Sandbox(datasets["sales"])
    assert first.run("SELECT count(*) FROM data").rows[0][0] > 0
    second = sandbox.Sandbox(datasets["signups"])  # evicts the sales database...
    assert first.run("SELECT count(*) FROM data").rows[0][0] > 0  # ...which still serves its cursor
    first.close()
    assert first._database.evicted and first._database.users == 0
    second.close()
    sandbox.forget(datasets["signups"])
    assert not any(k.startswith(str(datasets["signups"])) for k in sandbox._open)


def test_large_scatter_is_sampled_and_correlation_uses_all_rows(write_csv, tmp_path):
    from datavis.analysis import AnalysisSettings, ingest_csv

    rows = "\n".join(f"{i},{2 * i + (i % 7)}" for i in range(3000))
    d = tmp_path / "ds"
    ingest_csv(write_csv("x_value,y_value\n" + rows + "\n"), d, name="big")
    ans = answer(d, "relationship between x value and y value", settings=AnalysisSettings(max_rows=500))
    assert ans.chart_type == "point" and len(ans.data) == 500
    assert "3,000 points" in ans.insight


def test_rows_without_a_value_are_no_group_and_the_plan_says_so(write_csv, tmp_path):
    from datavis.analysis import ingest_csv

    lines = [f"T{i},{['North', 'South', ''][i % 3]},{['Ops', 'Web'][i % 2]},{i % 5 + 1}" for i in range(60)]
    d = tmp_path / "ds"
    ingest_csv(write_csv("Ticket,Region,Team,Hours\n" + "\n".join(lines) + "\n"), d, name="tickets")
    ans = answer(d, "total hours by region")
    assert {r["Region"] for r in ans.data} == {"North", "South"}
    assert sum(r[ans.plan["data_fields"]["y"]] for r in ans.data) == sum(i % 5 + 1 for i in range(60) if i % 3 != 2)
    assert ans.plan["assumptions"].count("rows with no Region are left out") == 1
    by_team = ask(d, "by team instead", ans)  # the note goes with the grouping it was about
    assert by_team.plan["x"]["field"] == "Team" and not any("left out" in a for a in by_team.plan["assumptions"])
    share = answer(d, "share of hours by region")  # the shares of the groups shown add up to 100%
    column = next(k for k in share.data[0] if k.startswith("Share"))
    assert round(sum(r[column] for r in share.data), 6) == 100
