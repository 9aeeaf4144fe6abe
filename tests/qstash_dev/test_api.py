"""The REST surface of the local QStash server, driven through the official SDK.

The tests share one server (see conftest.py): each uses names and URLs of its own and looks
only at what it made; those that change the whole server take a private one."""
from __future__ import annotations

import uuid

import httpx
import pytest
from qstash import Receiver
from qstash.errors import DailyMessageLimitExceededError, QStashError
from qstash.log import LogState

from tests.peers import DevQStash, Recorder, wait_until


def test_wrong_token_is_401_json(qstash_dev):
    bad = httpx.get(qstash_dev.url + "/v2/keys", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    assert "unauthorized" in bad.json()["error"]
    assert httpx.get(qstash_dev.url + "/v2/keys").status_code == 401
    token = qstash_dev.env["QSTASH_TOKEN"]
    ok = httpx.get(qstash_dev.url + "/v2/keys", params={"qstash_token": token})
    assert ok.status_code == 200
    with pytest.raises(QStashError, match="401"):
        qstash_dev.client(token="wrong").signing_key.get()


def test_errors_have_one_shape(qstash_dev):
    auth = qstash_dev.auth
    cases = [
        ("POST", "/v2/publish/http://127.0.0.1:1/x", {"Upstash-Retries": "many"}, 400, "Upstash-Retries"),
        ("POST", "/v2/publish/http://127.0.0.1:1/x", {"Upstash-Retry-Delay": "__import__('os')"}, 400, "retry delay"),
        ("POST", "/v2/publish/http://127.0.0.1:1/x", {"Upstash-Delay": "10 years"}, 400, "duration"),
        ("POST", "/v2/publish/nogroup", {}, 404, "not found"),
        ("GET", "/v2/messages/msg_missing", {}, 404, "not found"),
        ("GET", "/v2/dlq/123-1", {}, 404, "not found"),
        ("GET", "/v2/queues/none", {}, 404, "not found"),
        ("GET", "/v2/nothing-here", {}, 404, "Not Found"),
    ]
    for method, path, headers, status, text in cases:
        res = httpx.request(method, qstash_dev.url + path, headers={**auth, **headers}, content=b"x")
        assert res.status_code == status, (path, res.text)
        assert text in res.json()["error"], res.json()


def test_signing_keys_match_and_rotate(private_qstash_dev):
    server, qstash = private_qstash_dev, private_qstash_dev.client()
    keys = qstash.signing_key.get()
    assert (keys.current, keys.next) == (server.env["QSTASH_CURRENT_SIGNING_KEY"],
                                         server.env["QSTASH_NEXT_SIGNING_KEY"])
    assert keys.current == "sig_7kYjw48mhY7kAjqNGcy6cr29RJ6r"  # Upstash's public dev key
    rotated = qstash.signing_key.rotate()
    assert rotated.current == keys.next and rotated.next not in (keys.current, keys.next)
    assert qstash.signing_key.get() == rotated
    with Recorder(server.receiver()) as recorder:
        qstash.message.publish(url=recorder.url + "/after-rotation", body="r")
        [delivery] = recorder.wait_for("/after-rotation")
    # An app still configured with the old pair verifies through its *next* key.
    assert delivery.verified, delivery.error
    Receiver(rotated.current, rotated.next).verify(
        signature=delivery.header("Upstash-Signature"), body="r", url=recorder.url + "/after-rotation")


def test_deduplication_by_id_and_content(qstash, recorder, wait_state):
    dedup_id = f"req-{uuid.uuid4()}"
    first = qstash.message.publish_json(url=recorder.url + "/dedup", body={"a": 1},
                                        deduplication_id=dedup_id)
    again = qstash.message.publish_json(url=recorder.url + "/dedup", body={"a": 2},
                                        deduplication_id=dedup_id)
    assert not first.deduplicated
    assert again.deduplicated and again.message_id == first.message_id
    content = [qstash.message.publish_json(url=recorder.url + "/content", body={"same": True},
                                           content_based_deduplication=True) for _ in range(2)]
    assert content[1].deduplicated and content[1].message_id == content[0].message_id
    other = qstash.message.publish_json(url=recorder.url + "/content", body={"same": False},
                                        content_based_deduplication=True)
    assert not other.deduplicated
    wait_state(qstash, first.message_id, "DELIVERED")
    wait_state(qstash, other.message_id, "DELIVERED")
    assert len(recorder.calls("/dedup")) == 1
    assert len(recorder.calls("/content")) == 2


def test_duplicate_status_is_202(qstash_dev):
    auth = {**qstash_dev.auth, "Upstash-Deduplication-Id": f"same-{uuid.uuid4()}",
            "Upstash-Delay": "1000s"}
    url = qstash_dev.url + "/v2/publish/http://127.0.0.1:9/x"
    first, second = httpx.post(url, headers=auth), httpx.post(url, headers=auth)
    assert first.status_code == 200 and second.status_code == 202
    assert second.json() == {"messageId": first.json()["messageId"], "deduplicated": True}


def test_cancel_one_many_and_all(private_qstash_dev, recorder, states, gone):
    qstash = private_qstash_dev.client()
    ids = [qstash.message.publish(url=recorder.url + f"/c{n}", body="c", delay="1000s").message_id
           for n in range(4)]
    qstash.message.cancel(ids[0])
    assert states(qstash, ids[0]) == ["CREATED", "CANCEL_REQUESTED", "CANCELED"]
    with pytest.raises(QStashError, match="404"):
        qstash.message.cancel(ids[0])
    assert qstash.message.cancel_many([ids[1], ids[2]]) == 2
    assert qstash.message.cancel_all() == 1
    for message_id in ids:
        wait_until(lambda m=message_id: gone(private_qstash_dev, m), message="cancelled to vanish")
    assert recorder.calls("/") == []


def test_logs_filter_and_paginate(qstash, qstash_dev, recorder, wait_state):
    label = f"batch-{uuid.uuid4().hex[:8]}"
    ids = [qstash.message.publish(url=recorder.url + f"/log{n}", body="l", label=label).message_id
           for n in range(3)]
    for message_id in ids:
        wait_state(qstash, message_id, "DELIVERED")
    delivered = qstash.log.list(filter={"state": LogState.DELIVERED, "label": label}).logs
    assert sorted(log.message_id for log in delivered) == sorted(ids)
    assert all(log.label == label for log in delivered)
    seen, cursor, pages = [], None, 0
    while True:
        page = qstash.log.list(cursor=cursor, count=2, filter={"label": label})
        seen += page.logs
        pages += 1
        if page.cursor is None:
            break
        cursor = page.cursor
    assert len(seen) == 9 and pages == 5  # 3 messages × CREATED/ACTIVE/DELIVERED, 2 a page
    assert [log.time for log in seen] == sorted((log.time for log in seen), reverse=True)
    raw = httpx.get(qstash_dev.url + "/v2/logs", params={"messageId": ids[0]},
                    headers=qstash_dev.auth).json()
    assert "cursor" not in raw and raw["logs"] == raw["events"] and len(raw["logs"]) == 3


def test_in_progress_filter(qstash, recorder, wait_state):
    res = qstash.message.publish(url=recorder.url + "/hold/ip", body="x")
    recorder.wait_for("/hold/ip")
    active = qstash.log.list(filter={"message_id": res.message_id, "state": LogState.IN_PROGRESS})
    assert [log.state for log in active.logs] == [LogState.ACTIVE]
    recorder.release("ip")
    wait_state(qstash, res.message_id, "DELIVERED")


def test_message_get_shape(qstash, recorder):
    res = qstash.message.publish_json(
        url=recorder.url + "/shape", body={"k": "v"}, delay="1000s", retries=2,
        callback=recorder.url + "/cb", failure_callback=recorder.url + "/fcb",
        headers={"X-A": "1"}, label="lbl", retry_delay="1000 * retried",
        flow_control={"key": "fk", "rate": 23, "period": "1h30m3s"})
    message = qstash.message.get(res.message_id)
    assert message.url == recorder.url + "/shape"
    assert message.method == "POST" and message.max_retries == 2
    assert message.body == '{"k": "v"}'
    assert message.headers == {"Content-Type": ["application/json"], "X-A": ["1"]}
    assert (message.callback, message.failure_callback) == (recorder.url + "/cb", recorder.url + "/fcb")
    assert message.label == "lbl" and message.retry_delay_expression == "1000 * retried"
    assert (message.flow_control.key, message.flow_control.parallelism,
            message.flow_control.rate, message.flow_control.period) == ("fk", None, 23, 5403)
    qstash.message.cancel(res.message_id)


def test_batch_mixes_urls_groups_and_queues(qstash, recorder):
    qstash.url_group.upsert_endpoints(url_group="pair", endpoints=[
        {"url": recorder.url + "/b/g1"}, {"url": recorder.url + "/b/g2"}])
    res = qstash.message.batch_json([
        {"url": recorder.url + "/b/url", "body": {"n": 1}},
        {"url_group": "pair", "body": {"n": 2}},
        {"queue": "bq", "url": recorder.url + "/b/queued", "body": {"n": 3}},
    ])
    assert len(res) == 3 and isinstance(res[1], list) and len(res[1]) == 2
    recorder.wait_for("/b/", 4)
    assert qstash.queue.get("bq").parallelism == 1


def test_batch_with_a_bad_item_publishes_nothing(qstash, recorder):
    with pytest.raises(QStashError, match="400"):
        qstash.message.batch([{"url": recorder.url + "/ok", "body": "x"},
                              {"url": recorder.url + "/bad", "body": "y", "retries": -1}])
    with pytest.raises(QStashError, match="404"):
        qstash.message.batch([{"url": recorder.url + "/ok", "body": "x"},
                              {"url_group": "missing", "body": "y"}])
    for path in ("/ok", "/bad"):
        assert qstash.log.list(filter={"url": recorder.url + path}).logs == []


def test_url_groups_api(qstash):
    qstash.url_group.delete("never-existed")  # idempotent, as the SDK's own tests expect
    qstash.url_group.upsert_endpoints(url_group="g", endpoints=[
        {"url": "http://127.0.0.1:9/a", "name": "a"}, {"url": "http://127.0.0.1:9/b"}])
    group = qstash.url_group.get("g")
    assert [e.url for e in group.endpoints] == ["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"]
    assert "g" in [g.name for g in qstash.url_group.list()]
    qstash.url_group.remove_endpoints(url_group="g", endpoints=[{"name": "a"}])
    assert [e.url for e in qstash.url_group.get("g").endpoints] == ["http://127.0.0.1:9/b"]
    qstash.url_group.remove_endpoints(url_group="g", endpoints=[{"url": "http://127.0.0.1:9/b"}])
    with pytest.raises(QStashError, match="404"):
        qstash.url_group.get("g")  # a group left empty is deleted


def test_queues_api(qstash):
    qstash.queue.upsert("q1", parallelism=2)
    qstash.queue.pause("q1")
    queue = qstash.queue.get("q1")
    assert (queue.name, queue.parallelism, queue.paused, queue.lag) == ("q1", 2, True, 0)
    qstash.queue.resume("q1")
    assert qstash.queue.get("q1").paused is False
    assert "q1" in [q.name for q in qstash.queue.list()]
    qstash.queue.delete("q1")
    assert "q1" not in [q.name for q in qstash.queue.list()]
    with pytest.raises(QStashError, match="400"):
        qstash.queue.upsert("bad name!", parallelism=1)


def test_dlq_get_delete_and_retry(qstash, recorder, wait_state):
    ids = [qstash.message.publish(url=recorder.url + f"/flaky/d{n}?fail=1&status=404", body=f"d{n}",
                                  retries=0).message_id for n in range(3)]
    for message_id in ids:
        wait_state(qstash, message_id, "FAILED")
    entries = [e for e in qstash.dlq.list().messages if e.message_id in ids]
    assert sorted(e.message_id for e in entries) == sorted(ids)
    by_message = {e.message_id: e for e in entries}
    entry = qstash.dlq.get(by_message[ids[0]].dlq_id)
    assert entry.body == "d0" and entry.response_status == 404
    # The SDK has no retry method; the app calls the endpoint through the client's http.
    retried = qstash.http.request(path=f"/v2/dlq/retry/{entry.dlq_id}", method="POST")
    recorder.wait_for("/flaky/d0", 2)
    wait_state(qstash, retried["messageId"], "DELIVERED")
    with pytest.raises(QStashError, match="404"):
        qstash.dlq.get(entry.dlq_id)
    qstash.dlq.delete(by_message[ids[1]].dlq_id)
    assert qstash.dlq.delete_many([by_message[ids[2]].dlq_id, "0-0"]) == 1
    assert not {e.message_id for e in qstash.dlq.list().messages} & set(ids)


def test_dlq_pages(qstash, recorder):
    mine = {"url": recorder.url + "/410"}
    for n in range(5):
        qstash.message.publish(url=mine["url"], body=str(n), retries=0)
    wait_until(lambda: len(qstash.dlq.list(filter=mine).messages) == 5, message="5 DLQ entries")
    first = qstash.dlq.list(count=3, filter=mine)
    second = qstash.dlq.list(count=3, cursor=first.cursor, filter=mine)
    assert len(first.messages) == 3 and len(second.messages) == 2 and second.cursor is None
    assert qstash.dlq.list(filter={**mine, "response_status": 410}).messages


def test_schedules_api(qstash, recorder):
    schedule_id = qstash.schedule.create_json(
        destination=recorder.url + "/cron", cron="1 1 1 1 1", body={"s": 1}, retries=2,
        label="nightly", flow_control={"key": "sk", "parallelism": 2})
    schedule = qstash.schedule.get(schedule_id)
    assert (schedule.cron, schedule.destination, schedule.retries) == ("1 1 1 1 1", recorder.url + "/cron", 2)
    assert schedule.flow_control.parallelism == 2 and schedule.label == "nightly"
    assert schedule.next_schedule_time and not schedule.paused
    qstash.schedule.pause(schedule_id)
    assert qstash.schedule.get(schedule_id).paused
    qstash.schedule.resume(schedule_id)
    assert schedule_id in [s.schedule_id for s in qstash.schedule.list()]
    qstash.schedule.delete(schedule_id)
    assert schedule_id not in [s.schedule_id for s in qstash.schedule.list()]
    with pytest.raises(QStashError, match="400"):
        qstash.schedule.create(destination=recorder.url + "/cron", cron="not a cron")


def test_flow_control_api(qstash):
    qstash.message.publish(url="http://127.0.0.1:9/fc", body="x", delay="1000s",
                           flow_control={"key": "fc-api", "parallelism": 4, "rate": 10, "period": 60})
    info = qstash.flow_control.get("fc-api")
    assert (info.parallelism_max, info.rate_max, info.rate_period) == (4, 10, 60)
    qstash.flow_control.pause("fc-api")
    assert qstash.flow_control.get("fc-api").is_paused
    qstash.flow_control.resume("fc-api")
    qstash.flow_control.pin("fc-api", {"parallelism": 3, "rate": 20, "period": 120})
    info = qstash.flow_control.get("fc-api")
    assert (info.parallelism_max, info.rate_max, info.rate_period) == (3, 20, 120)
    assert info.is_pinned_parallelism and info.is_pinned_rate
    qstash.flow_control.unpin("fc-api", {"parallelism": True})
    info = qstash.flow_control.get("fc-api")
    assert not info.is_pinned_parallelism and info.is_pinned_rate
    qstash.flow_control.reset_rate("fc-api")
    assert qstash.flow_control.get("fc-api").rate_count == 0
    glob = qstash.flow_control.get_global_parallelism()
    assert glob.parallelism_max == 100
    with pytest.raises(QStashError, match="404"):
        qstash.flow_control.get("unknown-key")


def test_enqueue_refuses_delay(qstash_dev):
    res = httpx.post(qstash_dev.url + "/v2/enqueue/q/http://127.0.0.1:9/x",
                     headers={**qstash_dev.auth, "Upstash-Delay": "10s"})
    assert res.status_code == 400 and "queue" in res.json()["error"]


def test_daily_limit_answers_429(tmp_path):
    with DevQStash(tmp_path, env={"QSTASH_DEV_DAILY_LIMIT": "1"}) as server:
        client = server.client()
        client.message.publish(url="http://127.0.0.1:9/x", body="1", delay="1000s")
        with pytest.raises(DailyMessageLimitExceededError):
            client.message.publish(url="http://127.0.0.1:9/x", body="2", delay="1000s")
