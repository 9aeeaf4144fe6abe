"""Hostile data through the whole flow (upload → ask → QStash → chart JSON → PNG and SVG):
column names Vega-Lite would read as access paths, values whose punctuation hides them from
the planner, a result cut at the row cap, and a chart that cannot be rendered."""
from __future__ import annotations

import csv
import html
import io

import pytest

from datavis import analysis
from datavis.config import settings_of
from tests.helpers import ask_through_qstash, check_chart, reconfigure, reply, upload_bytes

SHARE_QSTASH_DEV = True  # one local QStash server for the module (tests/conftest.py)


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def ask_about_column(client, wired, name: str) -> tuple[dict, str]:
    file = upload_bytes(client, csv_bytes([name, "sales"], [["West", 10], ["East", 20], ["North", 5]]))
    stored = file["columns"][0]["name"]  # whitespace inside a name is normalised at upload
    res, _ = ask_through_qstash(client, wired, file["id"], f"total sales by {stored}", "chat-n", "req-n")
    assert res.status_code == 200, res.get_json()
    return check_chart(client, res.get_json()["chart_id"]), stored


@pytest.mark.parametrize("name", ["customer's region", 'a"b', "a.b", "x[0]", "back\\slash", "tab\there",
                                  "line\nbreak", "zero\u200bwidth", "rtl \u202eregion", "région"])
def test_column_names_vega_lite_reads_as_paths_chart_and_render(client, wired, name):
    chart, stored = ask_about_column(client, wired, name)
    assert chart["plan"]["x"]["field"] == stored  # the plan speaks the dataset's own names
    assert {row[stored] for row in chart["data"]} == {"West", "East", "North"}
    svg = html.unescape(client.get(f"/charts/{chart['id']}.svg").get_data(as_text=True))
    assert all(label in svg for label in ("West", "East", "North"))  # the data is drawn, not lost


@pytest.mark.parametrize("name", ["a'b\"c.d[e]\\f", "it's \"big\"", "مدينة", "北京市", "'", "[", "\\"])
def test_a_column_the_planner_cannot_read_is_used_or_said(client, wired, name):
    chart, stored = ask_about_column(client, wired, name)
    used = chart["plan"]["x"] and chart["plan"]["x"]["field"] == stored
    assert used or len(stored) < 2 or any(stored in a for a in chart["plan"]["assumptions"]), chart["plan"]


@pytest.mark.parametrize("value", ["O'Brien", "D'Angelo", "O’Neil", "Lowe's", "St. Louis", "AT&T",
                                   "Coca-Cola", "Zürich", "北京", "C++", "50/50", "rock'n'roll"])
def test_a_value_in_the_question_is_used_or_said(client, wired, value):
    """A word of the question that is a value of the data is matched (the answer is about
    it) or reported (assumptions and the insight say so); it never vanishes."""
    rows = [[value, 4_500_000], ["Smith", 13_500_000], ["Jones", 100]]
    file = upload_bytes(client, csv_bytes(["region", "amount"], rows))
    res, _ = ask_through_qstash(client, wired, file["id"], f"total amount in {value}", "chat-v", "req-v")
    assert res.status_code == 200, res.get_json()
    chart = check_chart(client, res.get_json()["chart_id"])
    message = reply(client, "chat-v", "req-v")["content"]
    filtered = [f for f in chart["plan"]["filters"] if f["field"] == "region"]
    if filtered:
        assert filtered == [{"field": "region", "op": "=", "value": value}]
        assert "4.5M" in message and "18M" not in message
    else:
        assert any(value in a for a in chart["plan"]["assumptions"]), chart["plan"]
        assert value in message


def test_an_insight_on_a_cut_result_quotes_no_total(client, app, wired):
    reconfigure(app, ANALYSIS_MAX_ROWS=50)
    rows = [[f"c{i:03d}", 1] for i in range(60)]
    file = upload_bytes(client, csv_bytes(["customer", "amount"], rows))
    for n, question in enumerate(["total amount by customer", "count of rows by customer",
                                  "amount of each customer"]):
        res, _ = ask_through_qstash(client, wired, file["id"], question, "chat-t", f"req-{n}")
        assert res.status_code == 200
        insight = reply(client, "chat-t", f"req-{n}")["content"]
        assert "of the total" not in insight and "make up" not in insight, insight
        assert "50" in insight and ("Only the first 50" in insight or "sample of 50" in insight), insight


def test_a_chart_that_cannot_render_is_not_rendered_again(client, app, wired, sales, monkeypatch):
    res, _ = ask_through_qstash(client, wired, sales["id"], "total revenue by region", "chat-r", "req-r")
    chart_id = res.get_json()["chart_id"]
    calls = []

    def broken(spec, fmt):
        calls.append(fmt)
        raise ValueError("Vega-Lite to PNG conversion failed:\nError: something in the spec")
    monkeypatch.setattr(analysis, "render", broken)
    for _ in range(3):
        res = client.get(f"/charts/{chart_id}.png")
        assert res.status_code == 500
        assert "cannot be rendered as png" in res.get_json()["message"]
        assert "something in the spec" in res.get_json()["message"]
    assert calls == ["png"]  # once, then the recorded failure answers
    assert client.get(f"/charts/{chart_id}.svg").status_code == 500 and calls == ["png", "svg"]
    assert client.delete(f"/files/{sales['id']}").status_code == 204
    assert not any((settings_of(app).data_dir / "charts").iterdir())
