"""POST /analyze: validated, recorded, published to (real, local) QStash, idempotent."""
from __future__ import annotations

import json
import threading
import time

import pytest

from datavis.config import settings_of
from datavis.services import answers_first
from tests.helpers import reconfigure
from tests.peers import wait_until

PROCESS = "/internal/process-analysis_tasks"


def ask(client, file_id, **extra):
    payload = {"prompt": "total revenue by region", "file_id": file_id, "chat_id": "chat-1", **extra}
    return client.post("/analyze", json=payload)


def test_accepted_and_published(client, sales, wired, qstash_dev):
    res = ask(client, sales["id"], request_id="req-1")
    assert res.status_code == 202
    body = res.get_json()
    assert body["request_id"] == body["task_id"] == "req-1"
    assert body["chat_id"] == "chat-1" and body["queue_name"] is None
    assert body["message_id"].startswith("msg_")
    assert body["status_url"] == f"{wired.url}/tasks/req-1"
    [delivery] = wired.wait_for(PROCESS)
    assert delivery.verified, delivery.error
    assert json.loads(delivery.body) == {
        "request_id": "req-1", "chat_id": "chat-1", "file_id": sales["id"],
        "prompt": "total revenue by region", "is_follow_up": False, "last_chart_id": None}
    assert delivery.header("Upstash-Message-Id") == body["message_id"]
    message = qstash_dev.client().log.list(filter={"message_id": body["message_id"]}).logs[-1]
    assert message.max_retries == 3
    assert message.failure_callback == f"{wired.url}/internal/analysis-failed"
    task = client.get("/tasks/req-1").get_json()
    assert task["status"] == "queued" and task["message_id"] == body["message_id"]
    [user] = client.get("/chats/chat-1/messages").get_json()["messages"]
    assert (user["role"], user["content"], user["request_id"]) == ("user", "total revenue by region", "req-1")
    chat = client.get("/chats/chat-1").get_json()
    assert chat["file_id"] == sales["id"]  # an unknown chat id creates the chat


def test_same_request_id_is_one_task(client, sales, wired):
    first = ask(client, sales["id"], request_id="req-2").get_json()
    again = ask(client, sales["id"], request_id="req-2")
    assert again.status_code == 202 and again.get_json()["message_id"] == first["message_id"]
    assert len(client.get("/chats/chat-1/messages").get_json()["messages"]) == 1
    wired.wait_for(PROCESS)
    conflict = ask(client, sales["id"], request_id="req-2", prompt="another question")
    assert conflict.status_code == 409 and "req-2" in conflict.get_json()["message"]


def test_request_id_is_generated(client, sales, wired):
    body = ask(client, sales["id"]).get_json()
    assert body["request_id"].startswith("req_")
    assert client.get(f"/tasks/{body['request_id']}").status_code == 200


def test_unknown_file_enqueues_nothing(client, wired, qstash_dev):
    res = ask(client, "file_missing")
    assert res.status_code == 404 and "file_missing" in res.get_json()["message"]
    assert client.get("/chats/chat-1").status_code == 404
    assert qstash_dev.client().log.list().logs == []


def test_chat_about_another_file(client, sales, wired):
    ask(client, sales["id"], request_id="a")
    from tests.helpers import upload_csv
    other = upload_csv(client, name="other.csv")
    res = ask(client, other["id"], request_id="b")
    assert res.status_code == 409 and "another file" in res.get_json()["message"]


@pytest.mark.parametrize("payload, field", [
    ({"file_id": "f", "chat_id": "c"}, "prompt"),
    ({"prompt": "", "file_id": "f", "chat_id": "c"}, "prompt"),
    ({"prompt": "q", "chat_id": "c"}, "file_id"),
    ({"prompt": "q", "file_id": "f"}, "chat_id"),
    ({"prompt": "q", "file_id": "f", "chat_id": "bad id!"}, "chat_id"),
    ({"prompt": "q", "file_id": "f", "chat_id": "c", "is_follow_up": "maybe"}, "is_follow_up"),
    ({"prompt": "q", "file_id": "f", "chat_id": "c", "request_id": "x" * 65}, "request_id"),
    ({"prompt": 5, "file_id": "f", "chat_id": "c"}, "prompt"),
])
def test_malformed_payloads(client, payload, field):
    res = client.post("/analyze", json=payload)
    assert res.status_code == 422
    assert field in res.get_json()["errors"]["json"]


def test_qstash_down_then_retry(client, sales, app, qstash_dev, tmp_path):
    recorder_url = "http://127.0.0.1:9"  # deliveries are not what this test looks at
    reconfigure(app, API_URL=recorder_url)
    res = ask(client, sales["id"], request_id="req-down")
    assert res.status_code == 503
    assert "same request_id" in res.get_json()["message"]
    assert res.get_json()["request_id"] == "req-down"
    generated = ask(client, sales["id"])  # without a request_id: told which one to retry
    assert generated.status_code == 503 and generated.get_json()["request_id"].startswith("req_")
    task = client.get("/tasks/req-down").get_json()
    assert task["status"] == "enqueue_failed" and task["message_id"] is None
    assert len(client.get("/chats/chat-1/messages").get_json()["messages"]) == 2
    # QStash is back: the client sends the same request again.
    reconfigure(app, QSTASH_URL=qstash_dev.url)
    retry = ask(client, sales["id"], request_id="req-down")
    assert retry.status_code == 202 and retry.get_json()["message_id"].startswith("msg_")
    assert client.get("/tasks/req-down").get_json()["status"] == "queued"
    assert len(client.get("/chats/chat-1/messages").get_json()["messages"]) == 2
    wait_until(lambda: qstash_dev.client().log.list().logs, message="the publish in QStash logs")


def test_publish_through_a_queue(client, app, sales, wired, qstash_dev):
    reconfigure(app, QSTASH_QUEUE="analysis", QSTASH_QUEUE_PARALLELISM=2)
    body = ask(client, sales["id"], request_id="req-q").get_json()
    assert body["queue_name"] == "analysis"
    assert client.get("/tasks/req-q").get_json()["status"] == "queued"
    [delivery] = wired.wait_for(PROCESS)
    assert delivery.verified
    queue = qstash_dev.client().queue.get("analysis")
    assert queue.parallelism == 2


def test_publish_with_flow_control(client, app, sales, wired, qstash_dev):
    reconfigure(app, QSTASH_FLOW_CONTROL_KEY="datavis", QSTASH_FLOW_CONTROL_PARALLELISM=3)
    body = ask(client, sales["id"], request_id="req-fc").get_json()
    wired.wait_for(PROCESS)
    [created] = [e for e in qstash_dev.client().log.list(filter={"message_id": body["message_id"]}).logs
                 if e.state.value == "CREATED"]
    assert (created.flow_control.key, created.flow_control.parallelism) == ("datavis", 3)
    assert qstash_dev.client().flow_control.get("datavis").parallelism_max == 3


def test_publish_to_a_url_group(client, app, sales, wired, qstash_dev):
    qstash_dev.client().url_group.upsert_endpoints(
        url_group="datavis-instances", endpoints=[{"url": wired.url + PROCESS}])
    reconfigure(app, QSTASH_URL_GROUP="datavis-instances")
    body = ask(client, sales["id"], request_id="req-g").get_json()
    [delivery] = wired.wait_for(PROCESS)
    assert delivery.header("Upstash-Topic-Name") == "datavis-instances"
    assert delivery.header("Upstash-Message-Id") == body["message_id"]


def test_sweep_publishes_stranded_tasks_and_removes_leftovers(client, app, sales, runner, qstash_dev):
    res = ask(client, sales["id"], request_id="stranded")  # QStash unreachable: 503
    assert res.status_code == 503
    data = settings_of(app).data_dir
    (data / "tmp" / "file_dead.upload").write_bytes(b"half an upload")
    (data / "files" / "file_orphan").mkdir()
    reconfigure(app, QSTASH_URL=qstash_dev.url)
    young = runner.invoke(args=["sweep"])  # default: only what is 10 minutes old
    assert "republished=0" in young.output and "removed_uploads=0" in young.output
    result = runner.invoke(args=["sweep", "--older-than", "0"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["republished=1", "still_unpublished=0", "removed_uploads=1",
                                     "removed_datasets=1"]
    task = client.get("/tasks/stranded").get_json()
    assert task["status"] == "queued" and task["message_id"].startswith("msg_")
    assert not (data / "tmp" / "file_dead.upload").exists()
    assert not (data / "files" / "file_orphan").exists()
    assert (data / "files" / sales["id"]).exists()


def test_a_question_holding_its_turn_never_blocks_the_next_for_long(app, client, sales, wired):
    """A process records and publishes one question at a time (answers_first); one that
    holds its turn (say, a publish held up by a slow QStash) delays the next one by at most
    the gate's bounded wait: the next is accepted, recorded and published all the same."""
    holding, release = threading.Event(), threading.Event()

    def hold_the_turn():
        with app.app_context(), answers_first.gate().question():
            holding.set()
            release.wait(timeout=60)

    holder = threading.Thread(target=hold_the_turn)
    holder.start()
    answered: list = []
    try:
        assert holding.wait(timeout=10)
        began = time.monotonic()
        asker = threading.Thread(target=lambda: answered.append((ask(app.test_client(), sales["id"],
                                                                     request_id="req-1"), time.monotonic())))
        asker.start()
        wait_until(lambda: answered, timeout=10, message="the question to be accepted while another holds the turn")
    finally:
        release.set()
        holder.join()
    asker.join()
    response, accepted_at = answered[0]
    assert response.status_code == 202
    # it did wait for the turn (a lower bound of a scheduled delay, never an upper one)
    assert accepted_at - began >= answers_first.MAX_WAIT_SECONDS - 0.01
    wired.wait_for(PROCESS)
    assert client.get("/tasks/req-1").get_json()["status"] in ("queued", "processing", "completed")
