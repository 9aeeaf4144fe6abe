"""What an answer shows and says: several measures in one chart, an "Other" group past the top
N, counts that name what they count, and the check that the chart, the SQL result and the
insight agree before an answer is sent. Each answer is compared with DuckDB over the same CSV.

Plans with two measures or an "Other" group come through the public ways a plan reaches the
engine: a chart's state revised with one edit (``revise``) and the LLM planner's test model."""
from __future__ import annotations

import copy
import logging

import pytest
from pydantic_ai.messages import ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from datavis.analysis import AnalysisSettings, answer, ingest_csv, render, revise
from datavis.analysis.datasets.store import load_profile
from datavis.analysis.plan import Plan
from datavis.analysis.planning.ranker import describe
from datavis.analysis.presentation.check import check_answer, numbers_in

from .conftest import SUITE_DATA

SALES = SUITE_DATA / "sales.csv"


@pytest.fixture(scope="module")
def sales(sales_sql):
    return sales_sql


def revised(ds, plan: dict, edit: dict | None = None):
    """The answer to ``plan`` (a chart's stored plan) after one edit, as the page's chips send."""
    return revise(ds, {"v": 1, "plan": plan, "question": "q"}, edit or {"limit": None})


def by_model(ds, question: str, plan: dict):
    """The answer when the configured model returns ``plan`` (the insight keeps the template)."""
    def script(messages, info: AgentInfo) -> ModelResponse:
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, plan)])
    settings = AnalysisSettings(model=FunctionModel(script), word_insights_with_model=False)
    return answer(ds, question, settings=settings)


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


TWO = [{"column": "Revenue", "agg": "sum"}, {"column": "Profit", "agg": "sum"}]


def test_two_measures_by_region_are_grouped_bars(datasets, sales):
    ans = revised(datasets["sales"], {"measures": TWO, "dimension": {"column": "Region"}})
    gold = dict((r, (a, b)) for r, a, b in sales.execute(
        'SELECT Region, sum(Revenue), sum(Profit) FROM t GROUP BY 1').fetchall())
    assert ans.sql.count("SELECT") == 1 and ans.chart_type == "bar"
    assert {r["Region"]: (r["Total Revenue"], r["Total Profit"]) for r in ans.data}.keys() == gold.keys()
    assert all(close(r["Total Revenue"], gold[r["Region"]][0]) and close(r["Total Profit"], gold[r["Region"]][1])
               for r in ans.data)
    enc = ans.spec["encoding"]
    assert enc["color"]["field"] == enc["xOffset"]["field"] == "Measure"
    assert enc["color"]["sort"] == ["Total Revenue", "Total Profit"]
    assert len(ans.spec["data"]["values"]) == 2 * len(ans.data)
    assert ans.title.startswith("Total Revenue and Total Profit by Region")
    assert "total revenue" in ans.insight and "total profit" in ans.insight
    assert [m["field"] for m in ans.plan["measures"]] == ["Revenue", "Profit"]
    assert ans.plan["data_fields"]["ys"] == ["Total Revenue", "Total Profit"]
    assert render(ans.spec, "svg").decode().count("Total Profit") >= 1


def test_two_measures_over_time_are_a_multi_line_chart_from_the_llm_planner(datasets, sales):
    plan = {"intent": "trend", "measures": TWO, "dimension": {"column": "Order Date", "grain": "month"}}
    ans = by_model(datasets["sales"], "revenue and profit each month", plan)
    assert ans.planner == "llm" and ans.chart_type == "line"
    assert ans.spec["encoding"]["color"]["field"] == "Measure"
    gold = sales.execute('SELECT sum(Profit) FROM t WHERE "Order Date" < DATE \'2023-02-01\'').fetchone()[0]
    first = min(ans.data, key=lambda r: r["Order Date"])
    assert close(first["Total Profit"], gold)
    assert "Total Revenue went from" in ans.insight and "Total Profit went from" in ans.insight
    assert render(ans.spec, "png")[:4] == b"\x89PNG"


def test_two_measures_and_a_colour_are_one_panel_per_measure(datasets):
    ans = revised(datasets["sales"], {"measures": TWO, "dimension": {"column": "Region"}, "color": "Segment"})
    assert ans.spec["encoding"]["row"]["field"] == "Measure" and ans.spec["encoding"]["color"]["field"] == "Segment"
    assert ans.spec["resolve"] == {"scale": {"y": "independent"}}
    assert render(ans.spec, "svg").decode().startswith("<svg")


def test_colour_past_ten_series_sums_the_rest_as_other_last(datasets, sales):
    ans = revised(datasets["sales"], {"measures": [{"column": "Revenue", "agg": "sum"}],
                                      "dimension": {"column": "Region"}, "color": "Customer Name"})
    top = [n for (n,) in sales.execute('SELECT "Customer Name" FROM t GROUP BY 1 ORDER BY sum(Revenue) DESC, 1 '
                                       'LIMIT 10').fetchall()]
    series = list(dict.fromkeys(r["Customer Name"] for r in ans.data))
    assert set(series) == {*top, "Other"} and ans.spec["encoding"]["color"]["sort"][-1] == "Other"
    for region, rest in sales.execute(
            'SELECT Region, sum(Revenue) FROM t WHERE "Customer Name" NOT IN (SELECT unnest(?)) GROUP BY 1',
            [top]).fetchall():
        got = next(r["Total Revenue"] for r in ans.data if r["Region"] == region and r["Customer Name"] == "Other")
        assert close(got, rest)
    assert "Other is the largest" not in ans.insight and "series (and Other)" in ans.insight
    assert render(ans.spec, "png")[:4] == b"\x89PNG"


def test_an_average_past_ten_series_keeps_the_ten_and_says_so(datasets, sales):
    ans = revised(datasets["sales"], {"measures": [{"column": "Revenue", "agg": "avg"}],
                                      "dimension": {"column": "Region"}, "color": "Customer Name"})
    assert len({r["Customer Name"] for r in ans.data}) == 10 and "Other" not in ans.sql
    assert "Only the 10 largest of 50 Customer Name series are shown" in ans.insight
    region, name = sales.execute(
        'WITH top AS (SELECT "Customer Name" AS k FROM t GROUP BY 1 ORDER BY avg(Revenue) DESC, 1 LIMIT 10) '
        'SELECT Region, "Customer Name" FROM t WHERE "Customer Name" IN (SELECT k FROM top) GROUP BY 1, 2 '
        'ORDER BY avg(Revenue) DESC LIMIT 1').fetchone()
    assert ans.insight.startswith(f"{region} ({name}) has the highest average revenue")  # not a sum of averages


def test_top_n_and_the_rest(datasets, sales):
    plan = {"intent": "rank", "measures": [{"column": "Revenue", "agg": "sum"}], "dimension": {"column": "Product"},
            "limit": 3, "other": True, "order": {"by": "measure", "desc": True}}
    ans = by_model(datasets["sales"], "revenue of the top 3 products and the rest", plan)
    gold = sales.execute("SELECT Product, sum(Revenue) FROM t GROUP BY 1 ORDER BY 2 DESC").fetchall()
    assert [r["Product"] for r in ans.data] == [p for p, _ in gold[:3]] + ["Other"]
    assert close(ans.data[-1]["Total Revenue"], sum(v for _, v in gold[3:]))
    assert ans.title.startswith("Top 3 Product and the rest by Total Revenue")
    assert ans.insight.startswith(f"{gold[0][0]} has the highest") and f"{gold[2][0]} is lowest" in ans.insight
    assert "shown as Other" in ans.insight and ans.plan["other"] == "Other"


def test_other_is_not_a_value_of_the_data(tmp_path):
    path = tmp_path / "kinds.csv"
    path.write_text("kind,amount\n" + "".join(f"k{i},{100 - i}\n" for i in range(12)) + "Other,1\n")
    ingest_csv(path, tmp_path / "ds", name="kinds")
    plan = {"measures": [{"column": "amount", "agg": "sum"}], "dimension": {"column": "kind"}, "limit": 2,
            "other": True}
    ans = revised(tmp_path / "ds", plan, {"limit": 2})
    assert [r["kind"] for r in ans.data] == ["k0", "k1", "All others"]
    assert ans.data[-1]["Total amount"] == sum(100 - i for i in range(2, 12)) + 1


def test_counts_name_what_is_counted_on_the_axis(datasets):
    ans = answer(datasets["sales"], "number of orders by region")
    assert ans.spec["encoding"]["y"]["title"] == "Number of orders"
    hist = answer(datasets["sales"], "distribution of revenue")
    assert hist.spec["encoding"]["y"]["title"] == "Number of orders"


def test_hires_each_year_never_say_rows(tmp_path, write_employees):
    """The HR table of issue 11 under a table name that says nothing: the identifier column
    (Employee, holding E0001…) names what is counted, in the title, the axis and the insight."""
    write_employees(tmp_path / "export.csv")
    ingest_csv(tmp_path / "export.csv", tmp_path / "ds", name="export")
    ans = answer(tmp_path / "ds", "How many people did we hire each year?")
    words = " ".join([ans.title, ans.insight, ans.spec["encoding"]["y"]["title"]]).lower()
    assert "rows" not in words and "count" not in words
    assert ans.spec["encoding"]["y"]["title"] == "Number of employees" and "employees" in ans.insight.lower()


def test_hostile_measure_names_fold_and_render(write_csv, tmp_path):
    path = write_csv('region,"Rev.enue ""x""","Pro[fit]\\n"\nA,1,2\nB,3,4\nA,5,6\n')
    ingest_csv(path, tmp_path / "hostile", name="hostile")
    ans = revised(tmp_path / "hostile", {"measures": [{"column": 'Rev.enue "x"', "agg": "sum"},
                                                      {"column": "Pro[fit]\\n", "agg": "sum"}],
                                         "dimension": {"column": "region"}})
    assert {r["region"] for r in ans.data} == {"A", "B"} and ans.chart_type == "bar"
    assert render(ans.spec, "svg").decode().startswith("<svg")


# --- the answer check ------------------------------------------------------------------------

def _parts(ans):
    return Plan.model_validate(ans.state["plan"]), ans.chart_type, copy.deepcopy(ans.spec), ans.insight, \
        copy.deepcopy(ans.facts), ans.data


@pytest.mark.parametrize("question", ["total revenue by region", "monthly revenue", "what is the total revenue?",
                                      "distribution of revenue", "profit by region and segment",
                                      "relationship between quantity and revenue"])
def test_answers_pass_their_own_check(datasets, question, caplog):
    with caplog.at_level(logging.ERROR, logger="datavis.analysis.presentation.check"):
        ans = answer(datasets["sales"], question)
    assert not caplog.records
    plan, chart, spec, insight, facts, rows = _parts(ans)
    checked = check_answer(plan, chart, spec, insight, facts, rows, ans.title)
    assert checked.problems == [] and checked.insight == insight and checked.spec == spec
    assert numbers_in(insight)  # the insight does quote numbers, and each was found


def test_a_wrong_number_in_the_insight_drops_its_sentence(datasets, caplog):
    ans = answer(datasets["sales"], "total revenue by region")
    plan, chart, spec, insight, facts, rows = _parts(ans)
    first, rest = insight.split(". ", 1)
    assert "$738K" in first
    wrong = first.replace("$738K", "$739K") + ". " + rest
    with caplog.at_level(logging.ERROR, logger="datavis.analysis.presentation.check"):
        checked = check_answer(plan, chart, spec, wrong, facts, rows, ans.title)
    assert checked.insight == rest and "$739K" in checked.problems[0]
    assert any("$739K" in r.getMessage() for r in caplog.records)


def test_a_fact_that_is_not_in_the_rows_is_not_quoted(datasets):
    ans = answer(datasets["sales"], "total revenue by region")
    plan, chart, spec, insight, facts, rows = _parts(ans)
    rows = [dict(r) for r in rows]
    rows[0]["Total Revenue"] += 1000  # the result changed after the facts were computed
    checked = check_answer(plan, chart, spec, insight, facts, rows, ans.title)
    assert "$738K" not in checked.insight and any("top_value" in p for p in checked.problems)


def test_a_chart_whose_data_is_not_the_result_becomes_a_table(datasets):
    ans = answer(datasets["sales"], "total revenue by region")
    plan, chart, spec, insight, facts, rows = _parts(ans)
    spec["data"]["values"][1]["Total Revenue"] = 1.0
    checked = check_answer(plan, chart, spec, insight, facts, rows, ans.title)
    assert checked.chart == "table" and checked.problems
    cells = {c["value"] for c in checked.spec["data"]["values"]}
    assert {"West", "East", "Central", "South"} <= cells
    assert render(checked.spec, "svg").decode().startswith("<svg")


def test_a_capped_chart_ends_with_an_other_bar_that_the_check_accepts(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("item,amount\n" + "".join(f"item {i:03d},{i + 1}\n" for i in range(80)))
    ingest_csv(path, tmp_path / "ds", name="many")
    ans = answer(tmp_path / "ds", "total amount by item")
    bars = ans.spec["data"]["values"]
    assert len(ans.data) == 80 and len(bars) == 60 and bars[-1]["item"] == "Other (21 more)"
    assert bars[-1]["Total amount"] == sum(range(1, 22))
    plan, chart, spec, insight, facts, rows = _parts(ans)
    assert check_answer(plan, chart, spec, insight, facts, rows, ans.title).problems == []
    spec["data"]["values"][-1]["Total amount"] += 1
    assert check_answer(plan, chart, spec, insight, facts, rows, ans.title).chart == "table"


def test_folded_data_that_is_not_the_result_becomes_a_table(datasets):
    ans = revised(datasets["sales"], {"measures": TWO, "dimension": {"column": "Region"}})
    plan, chart, spec, insight, facts, rows = _parts(ans)
    assert check_answer(plan, chart, spec, insight, facts, rows, ans.title).problems == []
    spec["data"]["values"] = spec["data"]["values"][:-1]  # a measure of the last region lost
    checked = check_answer(plan, chart, spec, insight, facts, rows, ans.title)
    assert checked.chart == "table" and checked.insight == insight


def test_two_raw_measures_per_row_are_grouped_bars(datasets, sales):
    plan = {"intent": "rank", "measures": [{"column": "Revenue", "agg": "none"}, {"column": "Profit", "agg": "none"}],
            "dimension": {"column": "Order ID"}, "order": {"by": "measure", "desc": True}}
    ans = revised(datasets["sales"], plan, {"limit": 5})
    table = {i: (v, p) for i, v, p in sales.execute('SELECT "Order ID", Revenue, Profit FROM t').fetchall()}
    top = [v for (v,) in sales.execute("SELECT Revenue FROM t ORDER BY 1 DESC LIMIT 5").fetchall()]
    assert [r["Revenue"] for r in ans.data] == top  # ties in Revenue may come in any order
    assert all(table[r["Order ID"]] == (r["Revenue"], r["Profit"]) for r in ans.data)
    assert ans.chart_type == "bar" and ans.spec["encoding"]["xOffset"]["field"] == "Measure"
    assert "All 5 have the same revenue ($8,800)" in ans.insight and "has the highest profit" in ans.insight
    assert render(ans.spec, "svg").decode().startswith("<svg")


def test_a_share_of_rows_reads_as_plain_words(hr, datasets, sales):
    ds, con = hr
    remote = answer(ds, "what percentage of staff work remotely?")
    share = con.execute("SELECT count(*) FILTER (WHERE Remote) / count(*) FROM t").fetchone()[0]
    assert remote.insight.startswith(f"{round(share * 100)}% of employees are remote")
    west = answer(datasets["sales"], "what percentage of orders are from the West?")
    share = sales.execute("SELECT count(*) FILTER (WHERE Region = 'West') / count(*) FROM t").fetchone()[0]
    assert west.insight.startswith(f"West accounts for {round(share * 100)}% of orders")
    assert "holds for" not in remote.insight + west.insight
    amount = answer(datasets["sales"], "what share of revenue comes from the West?")
    share = sales.execute("SELECT sum(Revenue) FILTER (WHERE Region = 'West') / sum(Revenue) FROM t").fetchone()[0]
    assert amount.insight.startswith(f"West accounts for {round(share * 100)}% of total revenue")


def _tooltip_formats(spec: dict) -> dict:
    return {t["title"]: t.get("format") for t in spec["encoding"]["tooltip"]}


def test_money_tooltips_use_the_axis_money_sign(datasets):
    ds = datasets["sales"]
    one = answer(ds, "total revenue by region")
    assert one.spec["encoding"]["y"]["axis"]["format"].startswith("$")
    assert _tooltip_formats(one.spec)["Total Revenue"].startswith("$")
    two = revised(ds, {**one.state["plan"], "measures": TWO})
    assert _tooltip_formats(two.spec)["Value"].startswith("$")
    count = answer(ds, "number of orders by region")
    assert "$" not in (_tooltip_formats(count.spec)["Number of orders"] or "")
    scatter = answer(ds, "correlation between discount and profit")
    assert scatter.chart_type == "point" and scatter.spec["encoding"]["y"]["axis"]["format"].startswith("$")
    assert _tooltip_formats(scatter.spec)["Profit"].startswith("$")
    assert not _tooltip_formats(scatter.spec)["Discount"].startswith("$")
    hist = answer(ds, "distribution of revenue")
    assert hist.chart_type == "histogram" and _tooltip_formats(hist.spec)["from"].startswith("$")


def test_money_in_euros_is_drawn_with_the_euro_sign(write_csv, tmp_path):
    """d3's "$" format writes the chart's locale currency: a € column's chart says €, in the
    rendered SVG too; a dollar chart keeps the default locale."""
    path = write_csv("store,amount\nA,€1200.50\nB,€800\nA,€950\nC,€4000\n")
    ingest_csv(path, tmp_path / "eur", name="eur")
    ans = answer(tmp_path / "eur", "total amount by store")
    assert ans.spec["config"]["locale"]["number"]["currency"] == ["€", ""]
    svg = render(ans.spec, "svg").decode()
    assert "€" in svg and "$" not in svg.replace("$schema", "")


def test_an_alternative_names_what_is_counted_and_every_measure(datasets):
    profile = load_profile(datasets["sales"])["profile"]
    counted = Plan.model_validate({"measures": [{"column": None, "agg": "count"}], "dimension": {"column": "Region"}})
    assert describe(counted, profile) == "Number of orders by Region"
    two = Plan.model_validate({"measures": TWO, "dimension": {"column": "Region"}})
    assert describe(two, profile) == "Total Revenue and Total Profit by Region"
    fewest = Plan.model_validate({"measures": TWO[:1], "dimension": {"column": "Product"}, "limit": 3,
                                  "order": {"by": "measure", "desc": False}})
    assert describe(fewest, profile) == "Bottom 3: Total Revenue by Product"
    # the button's words ask for the same chart again
    again = answer(datasets["sales"], describe(two, profile))
    assert [m["field"] for m in again.plan["measures"]] == ["Revenue", "Profit"]
    assert again.plan["x"]["field"] == "Region"


def test_a_kpi_says_its_period_once(datasets, sales):
    ds = datasets["sales"]
    a = answer(ds, "total revenue in 2024")
    total = sales.execute('SELECT sum(Revenue) FROM t WHERE year("Order Date") = 2024').fetchone()[0]
    assert close(a.data[0][a.plan["data_fields"]["y"]], total)
    assert a.insight.startswith("Total Revenue in 2024 is $")
    b = answer(ds, "what about the year before?", previous=a.state)
    assert b.insight.startswith("Total Revenue for the year before 2024 is $")
    assert "for in" not in a.insight + b.insight


def test_an_axis_below_a_thousand_writes_plain_numbers(datasets):
    """SI prefixes would write an average discount of 0.15 as "150m"."""
    ans = answer(datasets["sales"], "average discount by category")
    y = ans.plan["data_fields"]["y"]
    axis = next(enc for enc in (ans.spec["encoding"]["x"], ans.spec["encoding"]["y"]) if enc["field"] == y)
    assert max(r[y] for r in ans.data) < 1 and "s" not in axis["axis"]["format"]
    big = answer(datasets["sales"], "total revenue by region")
    assert big.spec["encoding"]["y"]["axis"]["format"] == "$~s"


def test_an_hour_of_the_day_is_written_as_a_time(tmp_path, write_csv):
    rows = "\n".join(f"T{i},2024-03-0{1 + i % 5} {i % 24:02d}:15:00" for i in range(120))
    ds = tmp_path / "ds"
    ingest_csv(write_csv("Ticket ID,Created At\n" + rows + "\n"), ds, name="tickets")
    ans = answer(ds, "number of tickets by hour of the day")
    assert "00:00" in ans.insight and "23:00" in ans.insight and " in 0 " not in ans.insight


def test_a_y_n_column_is_worded_as_yes_or_no(write_csv, tmp_path):
    """A rate or share of a column written Y/N names the column, not its letter: "% Converted", "20% of leads
    are converted", "… are not converted" (as a true/false column is worded)."""
    rows = "\n".join(f"L{i:03d},{['Web', 'Ads'][i % 2]},{'Y' if i % 5 == 0 else 'N'}" for i in range(100))
    ingest_csv(write_csv("Lead ID,Source,Converted\n" + rows + "\n", "leads.csv"), tmp_path / "leads", name="leads")
    rate = answer(tmp_path / "leads", "conversion rate by source")
    assert rate.plan["data_fields"]["y"] == "% Converted", rate.plan
    assert "converted y" not in rate.insight.lower(), rate.insight
    share = answer(tmp_path / "leads", "what share of leads converted")
    assert "20% of leads are converted" in share.insight, share.insight
    assert "80% of leads are not converted" in answer(tmp_path / "leads", "share of leads not converted").insight
