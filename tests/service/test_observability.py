"""Tracing: spans around publish, verify, analysis and chat delivery carry the request id,
the chat id and the QStash message id (logfire, captured in memory)."""
from __future__ import annotations

import pytest

from tests.helpers import PROCESS, forward
from tests.helpers import accepted_question as ask

SHARE_QSTASH_DEV = True  # one local QStash server for the module (tests/conftest.py)


@pytest.fixture
def app_config(app_config):
    return {**app_config, "TRACING": True}  # (on by default only with a Logfire token or console)


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


def test_no_tracing_without_somewhere_to_send_it(untraced_app, capfire):
    client = untraced_app.test_client()
    assert client.get("/files").status_code == 200
    assert capfire.exporter.exported_spans_as_dict() == []


@pytest.fixture
def untraced_app(app_config):
    from datavis import create_app
    from datavis.extensions import qstash
    from datavis.store import db

    app = create_app({**app_config, "TRACING": False})
    yield app
    qstash.close(app)
    db.dispose(app)
