"""Tracing: spans around publish, verify, analysis and chat delivery carry the request id,
the chat id and the QStash message id (logfire, captured in memory)."""
from __future__ import annotations

from tests.helpers import PROCESS, forward
from tests.helpers import accepted_question as ask


def test_spans_carry_the_ids(client, sales, wired, capfire):
    accepted = ask(client, sales["id"], request_id="req-trace")
    [delivery] = wired.wait_for(PROCESS)
    assert forward(client, delivery).status_code == 200
    spans = {s["name"]: s["attributes"] for s in capfire.exporter.exported_spans_as_dict()}
    publish = spans["publish analysis task"]
    assert (publish["request_id"], publish["chat_id"]) == ("req-trace", "chat-1")
    assert publish["message_id"] == accepted["message_id"]
    assert spans["verify qstash signature"]["url"].endswith(PROCESS)
    run = spans["run analysis"]
    assert (run["request_id"], run["chat_id"], run["message_id"]) == (
        "req-trace", "chat-1", accepted["message_id"])
    deliver = spans["deliver answer to chat"]
    assert deliver["request_id"] == "req-trace" and deliver["chart_id"].startswith("chart_")
    assert any(name.startswith("POST /internal/process-analysis_tasks") or "process_analysis_task" in name
               for name in spans), sorted(spans)  # the Flask request itself is traced
