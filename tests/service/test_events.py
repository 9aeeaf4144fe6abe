"""GET /chats/<id>/events: task stages and messages, recorded with the change they describe,
streamed, woken across connections, resumable with Last-Event-ID, within a stream budget."""
from __future__ import annotations

import queue
import threading

import pytest
from sqlalchemy import delete, func, select

from datavis.services import event_hub, receiving
from datavis.store import db
from datavis.store.tables import chats, events
from tests.helpers import events_only, forward, reconfigure, sse
from tests.peers import wait_until

SHARE_QSTASH_DEV = True  # one local QStash server for the module (tests/conftest.py)

PROCESS = "/internal/process-analysis_tasks"


@pytest.fixture
def app_config(app_config):
    return {**app_config, "EVENTS_HEARTBEAT_SECONDS": 0.2}


def ask(client, file_id, request_id, prompt="total revenue by region"):
    res = client.post("/analyze", json={"prompt": prompt, "file_id": file_id, "chat_id": "chat-1",
                                        "request_id": request_id})
    assert res.status_code == 202, res.get_json()


def open_stream(client, query="", **headers):
    res = client.get(f"/chats/chat-1/events{query}", headers=headers, buffered=False)
    assert res.status_code == 200, res.get_data(as_text=True)
    assert res.mimetype == "text/event-stream"
    return res, events_only(sse(res.response))


def take(frames, count):
    return [next(frames) for _ in range(count)]


def test_the_whole_story_of_a_question_replays_and_resumes(client, sales, wired):
    ask(client, sales["id"], "req-1")
    [delivery] = wired.wait_for(PROCESS)
    assert forward(client, delivery).status_code == 200
    res, frames = open_stream(client, "?last_event_id=0")
    ready, *story = take(frames, 6)
    res.close()
    assert ready["event"] == "ready" and ready["data"]["last_event_id"] == 0
    assert [(e["event"], e["data"].get("status") or e["data"].get("role")) for e in story] == [
        ("message", "user"), ("task", "queued"), ("task", "processing"),
        ("message", "assistant"), ("task", "completed")]
    ids = [e["id"] for e in story]
    assert ids == sorted(ids) and len(set(ids)) == 5
    # Message events are the messages as GET /chats/<id>/messages shows them.
    listed = client.get("/chats/chat-1/messages").get_json()["messages"]
    assert [e["data"] for e in story if e["event"] == "message"] == [
        {**m, "chat_id": "chat-1"} for m in listed]
    completed = story[-1]["data"]
    assert completed == {"request_id": "req-1", "status": "completed", "attempts": 1,
                         "chart_id": listed[1]["chart_id"], "error": None}
    # Resuming after the second event gives exactly the rest (the header wins over the query).
    res, frames = open_stream(client, "?last_event_id=0", **{"Last-Event-ID": str(ids[1])})
    ready, *rest = take(frames, 4)
    res.close()
    assert ready["id"] == ids[1] and [e["id"] for e in rest] == ids[2:]


def test_a_stream_is_woken_by_a_commit_on_another_connection(app, client, sales, wired, caplog):
    """The stream waits on the process's watcher (SQLite: inotify + data_version; PostgreSQL:
    LISTEN/NOTIFY), not on its heartbeat: the events arrive before any keep-alive."""
    woken_by_a_commit(app, client, sales)
    assert "event watcher" not in caplog.text  # (its error path would also wake streams)


def test_without_inotify_the_sqlite_watcher_polls(app, client, sales, wired, database_url,
                                                  monkeypatch, caplog):
    if not database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL is woken by LISTEN/NOTIFY")
    monkeypatch.setattr(event_hub, "_writes_in", lambda directory: None)
    woken_by_a_commit(app, client, sales)
    assert "event watcher" not in caplog.text


def woken_by_a_commit(app, client, sales):
    reconfigure(app, EVENTS_HEARTBEAT_SECONDS=60)
    ask(client, sales["id"], "req-0")  # the chat exists
    res, _ = open_stream(client)
    got: queue.Queue = queue.Queue()

    def read() -> None:
        for frame in sse(res.response):
            got.put(frame)
    reader = threading.Thread(target=read)
    reader.start()
    assert got.get(timeout=10) == {"retry": 1000}
    ready = got.get(timeout=10)
    assert ready["event"] == "ready" and ready["data"]["last_event_id"] > 0
    ask(app.test_client(), sales["id"], "req-1")
    user, queued = got.get(timeout=20), got.get(timeout=20)
    assert user["event"] == "message" and user["data"]["request_id"] == "req-1"
    assert queued["event"] == "task" and queued["data"]["status"] == "queued"
    assert user["id"] > ready["id"] and queued["id"] > user["id"]
    app.extensions[event_hub.EXTENSION_KEY].close()  # as on SIGTERM: the stream ends now
    reader.join(timeout=10)
    assert not reader.is_alive()
    res.close()


def test_the_watcher_runs_only_while_a_stream_is_open(app, client, sales):
    client.post("/chats", json={"file_id": sales["id"], "id": "chat-1"})
    hub = app.extensions[event_hub.EXTENSION_KEY]
    assert not hub.watching
    first, frames = open_stream(client)
    assert next(frames)["event"] == "ready"
    second, frames2 = open_stream(client)
    assert next(frames2)["event"] == "ready"
    assert hub.watching
    first.close()
    assert hub.watching  # one stream is still open
    second.close()
    wait_until(lambda: not hub.watching, timeout=10, message="the watcher to stop")


def test_streams_beyond_the_budget_are_refused_with_retry_after(app, client, sales):
    reconfigure(app, EVENTS_MAX_STREAMS=2)
    event_hub.init_app(app)
    client.post("/chats", json={"file_id": sales["id"], "id": "chat-1"})
    opened = [open_stream(client)[0] for _ in range(2)]
    refused = client.get("/chats/chat-1/events")
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "2"
    assert "too many open event streams" in refused.get_json()["message"]
    opened[0].close()
    again, frames = open_stream(client)  # the slot came back
    assert next(frames)["event"] == "ready"
    for res in (again, opened[1]):
        res.close()


def test_a_deleted_chat_ends_its_stream(app, client, sales):
    client.post("/chats", json={"file_id": sales["id"], "id": "chat-1"})
    res, frames = open_stream(client)
    assert next(frames)["event"] == "ready"
    with app.app_context(), db.transaction() as conn:
        conn.execute(delete(chats).where(chats.c.id == "chat-1"))
    gone = next(frames)  # noticed at the next heartbeat
    assert gone["event"] == "gone" and gone["data"] == {"chat_id": "chat-1"}
    assert list(frames) == []  # and the stream ends
    res.close()


def test_errors(client, sales):
    assert client.get("/chats/nope/events").status_code == 404
    client.post("/chats", json={"file_id": sales["id"], "id": "chat-1"})
    bad = client.get("/chats/chat-1/events", headers={"Last-Event-ID": "yesterday"})
    assert bad.status_code == 422 and "Last-Event-ID" in bad.get_json()["message"]
    assert client.get("/chats/chat-1/events?last_event_id=-1").status_code == 422


def test_nothing_is_recorded_for_a_change_that_did_not_happen(app, client, sales, wired):
    ask(client, sales["id"], "req-1")
    ask(client, sales["id"], "req-1")  # the same request again: no second question, no event

    def count():
        with app.app_context(), db.read() as conn:
            return conn.execute(select(func.count()).select_from(events)).scalar_one()
    assert count() == 2  # the user's message and "queued"
    [delivery] = wired.wait_for(PROCESS)
    assert forward(client, delivery).status_code == 200
    with app.app_context():  # QStash delivering it again: a no-op, and no event
        assert receiving.process("req-1", None).outcome == "duplicate"
    assert count() == 5
