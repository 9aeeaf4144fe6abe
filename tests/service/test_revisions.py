"""POST /charts/<id>/revisions: a chart re-answered with one plan edit, through /analyze's
path (recorded, published to the real local QStash, delivered, exactly one answer)."""
from __future__ import annotations

import json

import pytest

from datavis import analysis
from datavis.services import receiving
from tests.helpers import forward

SHARE_QSTASH_DEV = True  # one local QStash server for the module (tests/conftest.py)

PROCESS = "/internal/process-analysis_tasks"


def messages(client):
    return client.get("/chats/chat-1/messages").get_json()["messages"]


@pytest.fixture
def chart(client, sales, wired):
    """An answered question: "total revenue by region" in chat-1."""
    res = client.post("/analyze", json={"prompt": "total revenue by region", "file_id": sales["id"],
                                        "chat_id": "chat-1", "request_id": "ask-1"})
    assert res.status_code == 202
    [delivery] = wired.wait_for(PROCESS)
    assert forward(client, delivery).status_code == 200
    return client.get(f"/charts/{messages(client)[-1]['chart_id']}").get_json()


def revise(client, chart_id, edit, request_id="rev-1"):
    return client.post(f"/charts/{chart_id}/revisions", json={"edit": edit, "request_id": request_id})


def test_a_revision_is_answered_with_the_edited_plan(client, wired, chart):
    res = revise(client, chart["id"], {"aggregate": "avg"})
    assert res.status_code == 202
    body = res.get_json()
    assert body["request_id"] == "rev-1" and body["chat_id"] == "chat-1" and body["message_id"]
    asked = messages(client)[-1]
    assert (asked["role"], asked["content"]) == ("user", "Change: average instead of total")
    delivery = wired.wait_for(PROCESS, count=2)[-1]
    assert json.loads(delivery.body)["request_id"] == "rev-1"
    assert forward(client, delivery).status_code == 200
    answer = messages(client)[-1]
    assert answer["role"] == "assistant" and answer["request_id"] == "rev-1" and not answer["error"]
    new = client.get(f"/charts/{answer['chart_id']}").get_json()
    assert new["plan"]["y"] == {"field": "revenue", "aggregate": "avg"}
    assert new["plan"]["x"] == chart["plan"]["x"]
    assert new["data"] != chart["data"] and new["title"].startswith("Average revenue")
    assert client.get("/tasks/rev-1").get_json()["status"] == "completed"
    # The same request again is the same revision: 202, nothing asked twice.
    assert revise(client, chart["id"], {"aggregate": "avg"}).status_code == 202
    assert [m["request_id"] for m in messages(client)].count("rev-1") == 2
    conflict = revise(client, chart["id"], {"aggregate": "max"})
    assert conflict.status_code == 409


def test_a_revision_of_a_revision(client, wired, chart):
    assert revise(client, chart["id"], {"dimension": "order_date"}).status_code == 202
    forward(client, wired.wait_for(PROCESS, count=2)[-1])
    by_date = messages(client)[-1]["chart_id"]
    assert revise(client, by_date, {"time_unit": "quarter"}, "rev-2").status_code == 202
    assert messages(client)[-1]["content"] == "Change: by quarter instead of by month"
    forward(client, wired.wait_for(PROCESS, count=3)[-1])
    plan = client.get(f"/charts/{messages(client)[-1]['chart_id']}").get_json()["plan"]
    assert plan["x"] == {"field": "order_date", "time_unit": "yearquarter", "bin": None}


def test_removing_a_filter_reads_like_its_chip(client, sales, wired):
    """The chat says which condition went, in the page chip's words, not the plan's raw operator."""
    asked = client.post("/analyze", json={"prompt": "revenue by region on weekends", "file_id": sales["id"],
                                          "chat_id": "chat-1", "request_id": "ask-1"})
    assert asked.status_code == 202
    forward(client, wired.wait_for(PROCESS)[-1])
    weekends = client.get(f"/charts/{messages(client)[-1]['chart_id']}").get_json()
    [condition] = weekends["plan"]["filters"]
    assert condition == {"field": "order_date", "op": "weekday", "value": ["Saturday", "Sunday"]}
    assert revise(client, weekends["id"], {"remove_filter": 0}).status_code == 202
    assert messages(client)[-1]["content"] == "Change: without the filter order_date is on Saturday, Sunday"
    forward(client, wired.wait_for(PROCESS, count=2)[-1])
    every_day = client.get(f"/charts/{messages(client)[-1]['chart_id']}").get_json()
    assert every_day["plan"]["filters"] == [] and every_day["data"] != weekends["data"]


def test_an_edit_that_cannot_apply_is_answered_in_the_chat(client, wired, chart):
    assert revise(client, chart["id"], {"time_unit": "month"}).status_code == 202
    res = forward(client, wired.wait_for(PROCESS, count=2)[-1])
    assert res.status_code == 489 and res.headers["Upstash-NonRetryable-Error"] == "true"
    answer = messages(client)[-1]
    assert answer["error"] and answer["request_id"] == "rev-1"
    assert "not over a date" in answer["content"]
    assert client.get("/tasks/rev-1").get_json()["status"] == "failed"


MALFORMED = [
    ({}, "edit"),
    ({"edit": {}}, "exactly one"),
    ({"edit": {"aggregate": "avg", "limit": 3}}, "exactly one"),
    ({"edit": {"aggregate": "mean"}}, "aggregate"),
    ({"edit": {"chart_type": "pie"}}, "chart_type"),
    ({"edit": {"time_unit": "fortnight"}}, "time_unit"),
    ({"edit": {"limit": 0}}, "limit"),
    ({"edit": {"limit": "3"}}, "limit"),
    ({"edit": {"remove_filter": -1}}, "remove_filter"),
    ({"edit": {"measure": ""}}, "measure"),
    ({"edit": {"sql": "DROP TABLE x"}}, "sql"),
    ({"edit": {"aggregate": "avg"}, "request_id": "bad id!"}, "request_id"),
]


def test_a_malformed_edit_is_422_and_records_nothing(client, wired, chart):
    before = messages(client)
    for payload, words in MALFORMED:
        res = client.post(f"/charts/{chart['id']}/revisions", json=payload)
        assert res.status_code == 422, payload
        assert words in res.get_json()["message"], (payload, res.get_json()["message"])
    assert messages(client) == before
    assert len(wired.calls(PROCESS)) == 1  # only the question's own delivery


def test_unknown_chart(client, wired):
    res = revise(client, "chart_missing", {"aggregate": "avg"})
    assert res.status_code == 404 and "chart_missing" in res.get_json()["message"]


def test_alternatives_are_stored_and_returned(client, sales, wired, monkeypatch):
    """The redesigned planner fills ``Answer.alternatives``; today's leaves them empty. What
    it returns must reach the chart, the message and its event."""
    real = analysis.answer

    def unsure(*args, **kwargs):
        answer = real(*args, **kwargs)
        answer.alternatives = [{"question": "total profit by region", "plan": answer.plan}]
        return answer
    monkeypatch.setattr(receiving.analysis, "answer", unsure)
    client.post("/analyze", json={"prompt": "total revenue by region", "file_id": sales["id"],
                                  "chat_id": "chat-1", "request_id": "ask-1"})
    assert forward(client, wired.wait_for(PROCESS)[-1]).status_code == 200
    user, answer = messages(client)
    assert user["alternatives"] == []
    assert [a["question"] for a in answer["alternatives"]] == ["total profit by region"]
    chart = client.get(f"/charts/{answer['chart_id']}").get_json()
    assert chart["alternatives"] == answer["alternatives"]
    events = client.get("/chats/chat-1/events?last_event_id=0", buffered=False)
    body = b""
    for chunk in events.response:
        body += chunk
        if b'"role":"assistant"' in body:
            break
    events.close()
    assert b'"alternatives":[{"question":"total profit by region"' in body
