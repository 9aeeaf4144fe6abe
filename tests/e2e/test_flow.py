"""The real flow over HTTP: upload → chat → analyze → QStash → receiver → answer in the chat."""
from __future__ import annotations

import json

import pytest
from qstash.log import LogState

from datavis.qstash_dev.signing import sign
from tests.helpers import SALES_CSV
from tests.peers import wait_until

pytestmark = pytest.mark.e2e
PROCESS = "/internal/process-analysis_tasks"


def upload(system) -> dict:
    with open(SALES_CSV, "rb") as fh:
        res = system.http.post("/files", files={"file": ("sales.csv", fh, "text/csv")})
    assert res.status_code == 201, res.text
    return res.json()


def ask(system, file_id, request_id, prompt="total revenue by region", chat_id="chat-e2e"):
    return system.http.post("/analyze", json={"prompt": prompt, "file_id": file_id,
                                              "chat_id": chat_id, "request_id": request_id})


def replies(system, chat_id="chat-e2e") -> list[dict]:
    messages = system.http.get(f"/chats/{chat_id}/messages").json()["messages"]
    return [m for m in messages if m["role"] != "user"]


def wait_reply(system, request_id: str, chat_id="chat-e2e") -> dict:
    return wait_until(lambda: next((m for m in replies(system, chat_id)
                                    if m["request_id"] == request_id), None),
                      timeout=30, message=f"the answer to {request_id}")


def test_question_answered_with_a_chart(system):
    file = upload(system)
    chat = system.http.post("/chats", json={"file_id": file["id"], "id": "chat-e2e"}).json()
    accepted = ask(system, file["id"], "e2e-1")
    assert accepted.status_code == 202
    assert accepted.json()["status_url"] == f"{system.api}/tasks/e2e-1"
    answer = wait_reply(system, "e2e-1", chat["id"])
    assert answer["chart_id"] and not answer["error"]
    task = system.http.get("/tasks/e2e-1").json()
    assert task["status"] == "completed" and task["attempts"] == 1
    png = system.http.get(f"/charts/{answer['chart_id']}.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    # The same request again: same task, no second question, no second answer.
    again = ask(system, file["id"], "e2e-1")
    assert again.status_code == 202 and again.json()["message_id"] == accepted.json()["message_id"]
    messages = system.http.get("/chats/chat-e2e/messages").json()["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant"]
    health = system.http.get("/health").json()
    assert health["status"] == "ok"


def test_forged_and_tampered_deliveries_are_refused(system):
    file = upload(system)
    body = json.dumps({"request_id": "forged", "chat_id": "c", "file_id": file["id"],
                       "prompt": "total revenue by region"}).encode()
    url = system.api + PROCESS
    for headers, data in (
        ({}, body),
        ({"Upstash-Signature": sign("sig_not_the_key_000000000000000", url, body)}, body),
        ({"Upstash-Signature": sign(system.qstash.env["QSTASH_CURRENT_SIGNING_KEY"], url, body)},
         body.replace(b"region", b"product")),
        ({"Upstash-Signature": sign(system.qstash.env["QSTASH_CURRENT_SIGNING_KEY"],
                                    system.app.url + PROCESS, body)}, body),
    ):
        res = system.http.post(PROCESS, content=data, headers={"Content-Type": "application/json", **headers})
        assert res.status_code == 401
    assert system.http.get("/tasks/forged").status_code == 404


def test_malformed_payloads_and_unknown_file(system):
    file = upload(system)
    res = system.http.post("/analyze", json={"prompt": "", "file_id": file["id"]})
    assert res.status_code == 422 and {"prompt", "chat_id"} <= set(res.json()["errors"]["json"])
    missing = ask(system, "file_doesnotexist", "e2e-missing")
    assert missing.status_code == 404
    assert system.qstash.client().log.list().logs == []


def test_qstash_down_at_publish_then_retry(system):
    file = upload(system)
    system.qstash.stop()
    down = ask(system, file["id"], "e2e-down")
    assert down.status_code == 503
    assert system.http.get("/tasks/e2e-down").json()["status"] == "enqueue_failed"
    system.qstash.start()
    retry = ask(system, file["id"], "e2e-down")
    assert retry.status_code == 202
    answer = wait_reply(system, "e2e-down")
    assert answer["chart_id"]
    assert len(replies(system)) == 1


@pytest.mark.parametrize("when", ["before", "after"])
def test_receiver_error_then_retry_gives_one_answer(system, when):
    file = upload(system)
    system.proxy.fail(PROCESS, 1, when)
    accepted = ask(system, file["id"], f"e2e-{when}").json()
    answer = wait_reply(system, f"e2e-{when}")
    assert answer["chart_id"]
    client = system.qstash.client()
    wait_until(lambda: client.log.list(filter={"message_id": accepted["message_id"],
                                               "state": LogState.DELIVERED}).logs,
               message="QStash to record the delivery")
    attempts = [s for p, s in system.proxy.seen if p == PROCESS]
    assert attempts[0] in (502, 503) and attempts[-1] == 200 and len(attempts) == 2
    assert len(replies(system)) == 1
    task = system.http.get(f"/tasks/e2e-{when}").json()
    # "before": the app saw one delivery; "after": it answered the first and found the
    # second already completed (a duplicate claims nothing).
    assert task["status"] == "completed" and task["attempts"] == 1


def test_exhausted_retries_give_one_apology(system):
    file = upload(system)
    system.proxy.fail(PROCESS, 10, "before")
    ask(system, file["id"], "e2e-fail")
    apology = wait_reply(system, "e2e-fail")
    assert apology["error"] is True and apology["chart_id"] is None
    assert system.http.get("/tasks/e2e-fail").json()["status"] == "failed"
    [entry] = system.qstash.client().dlq.list().messages
    assert entry.response_status == 503
    assert len(replies(system)) == 1
