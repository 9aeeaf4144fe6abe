"""Deliveries of the local QStash server, seen by a real receiver through qstash.Receiver.

The tests share one server (see conftest.py); each has its own receiver, so its own URLs."""
from __future__ import annotations

import base64
import json
import time

import pytest
from qstash import Receiver
from qstash.errors import SignatureError

from tests.peers import DevQStash, Recorder, wait_until


def test_delivery_is_signed_and_carries_qstash_headers(qstash, recorder, states, wait_state):
    res = qstash.message.publish_json(url=recorder.url + "/hook?a=1&b=two", body={"hello": "wörld"},
                                      headers={"X-Custom": "yes"})
    [delivery] = recorder.wait_for("/hook")
    assert delivery.verified, delivery.error
    assert delivery.method == "POST"
    assert delivery.path == "/hook?a=1&b=two"
    assert json.loads(delivery.body) == {"hello": "wörld"}
    assert delivery.header("Content-Type") == "application/json"
    assert delivery.header("X-Custom") == "yes"
    assert delivery.header("User-Agent") == "Upstash-QStash"
    assert delivery.header("Upstash-Message-Id") == res.message_id
    assert delivery.header("Upstash-Retried") == "0"
    assert delivery.header("Upstash-Caller-Ip") == "127.0.0.1"
    wait_state(qstash, res.message_id, "DELIVERED")
    assert states(qstash, res.message_id) == ["CREATED", "ACTIVE", "DELIVERED"]


def test_signature_binds_url_and_body(qstash, qstash_dev, recorder):
    qstash.message.publish(url=recorder.url + "/sig", body="exact body")
    [delivery] = recorder.wait_for("/sig")
    receiver = qstash_dev.receiver()
    signature = delivery.header("Upstash-Signature")
    receiver.verify(signature=signature, body="exact body", url=recorder.url + "/sig")
    for body, url in (("tampered", recorder.url + "/sig"), ("exact body", recorder.url + "/other")):
        with pytest.raises(SignatureError):
            receiver.verify(signature=signature, body=body, url=url)
    forged = Receiver("sig_wrongwrongwrongwrongwrongwr", "sig_wrongwrongwrongwrongwrongw2")
    with pytest.raises(SignatureError):
        forged.verify(signature=signature, body="exact body", url=recorder.url + "/sig")


def test_fails_twice_then_succeeds(qstash, qstash_dev, recorder, states, wait_state, gone):
    res = qstash.message.publish_json(url=recorder.url + "/flaky/a?fail=2", body={"n": 1}, retries=3)
    wait_state(qstash, res.message_id, "DELIVERED")
    calls = recorder.calls("/flaky/a")
    assert [c.retried for c in calls] == [0, 1, 2]
    assert all(c.verified for c in calls)
    assert {c.header("Upstash-Message-Id") for c in calls} == {res.message_id}
    assert states(qstash, res.message_id) == [
        "CREATED", "ACTIVE", "ERROR", "RETRY", "ACTIVE", "ERROR", "RETRY", "ACTIVE", "DELIVERED"]
    # Final: nothing is pending for it any more, so no further delivery can happen.
    wait_until(lambda: gone(qstash_dev, res.message_id), message="message to be removed")
    assert len(recorder.calls("/flaky/a")) == 3


def test_non_retryable_489_goes_straight_to_the_dlq(qstash, recorder, states, wait_state):
    res = qstash.message.publish_json(url=recorder.url + "/nonretryable", body={}, retries=5)
    wait_state(qstash, res.message_id, "FAILED")
    assert len(recorder.calls("/nonretryable")) == 1
    [entry] = qstash.dlq.list(filter={"message_id": res.message_id}).messages
    assert entry.response_status == 489
    assert entry.response_body == "489 Custom"
    assert entry.response_headers["Upstash-NonRetryable-Error"] == ["true"]
    assert states(qstash, res.message_id) == ["CREATED", "ACTIVE", "ERROR", "FAILED"]


def test_exhausted_retries_reach_dlq_and_failure_callback_once(qstash, recorder, wait_state):
    res = qstash.message.publish_json(
        url=recorder.url + "/404", body={"job": 7}, retries=2,
        failure_callback=recorder.url + "/failed", headers={"X-Job": "7"},
    )
    [callback] = recorder.wait_for("/failed")
    assert callback.verified, callback.error  # signed, with sub = the callback URL
    payload = json.loads(callback.body)
    assert payload["sourceMessageId"] == res.message_id
    assert payload["status"] == 404
    assert base64.b64decode(payload["body"]) == b"404 Not Found"
    assert json.loads(base64.b64decode(payload["sourceBody"])) == {"job": 7}
    assert payload["retried"] == 2 and payload["maxRetries"] == 2
    assert payload["url"] == recorder.url + "/404"
    assert payload["sourceHeader"]["X-Job"] == ["7"]
    assert [c.retried for c in recorder.calls("/404")] == [0, 1, 2]
    [entry] = qstash.dlq.list(filter={"message_id": res.message_id}).messages
    assert payload["dlqId"] == entry.dlq_id
    assert entry.response_status == 404 and entry.response_body == "404 Not Found"
    assert entry.max_retries == 2
    # The callback itself is a message that was delivered; no second callback follows it.
    wait_state(qstash, callback.header("Upstash-Message-Id"), "DELIVERED")
    assert len(recorder.calls("/failed")) == 1


def test_callback_after_every_attempt(qstash, recorder):
    res = qstash.message.publish(url=recorder.url + "/flaky/cb?fail=1", body="x", retries=1,
                                 callback=recorder.url + "/callback")
    calls = recorder.wait_for("/callback", 2)
    bodies = sorted((json.loads(c.body) for c in calls), key=lambda p: p["retried"])
    assert [(b["status"], b["retried"]) for b in bodies] == [(500, 0), (200, 1)]
    assert {b["sourceMessageId"] for b in bodies} == {res.message_id}
    assert all(c.verified for c in calls)


def test_retry_delay_expression_and_retry_after(qstash, recorder, wait_state):
    # 100000 ms scaled by 0.01 = 1 s, versus QStash's default first backoff (1 s → 10 ms).
    res = qstash.message.publish(url=recorder.url + "/flaky/expr?fail=1", body="x",
                                 retry_delay="100000 * (1 + retried)")
    wait_state(qstash, res.message_id, "DELIVERED")
    first, second = recorder.calls("/flaky/expr")
    assert second.at - first.at >= 0.9
    log = qstash.log.list(filter={"message_id": res.message_id}).logs[0]
    assert log.retry_delay_expression == "100000 * (1 + retried)"
    # A destination's Retry-After (seconds) wins over the default backoff.
    res = qstash.message.publish(url=recorder.url + "/flaky/ra?fail=1&retry_after=100", body="y")
    wait_state(qstash, res.message_id, "DELIVERED")
    first, second = recorder.calls("/flaky/ra")
    assert second.at - first.at >= 0.9


def test_per_attempt_timeout(qstash, recorder, wait_state):
    res = qstash.message.publish(url=recorder.url + "/slow?sleep=3000", body="x", retries=0,
                                 timeout="1s")
    wait_state(qstash, res.message_id, "FAILED")
    [entry] = qstash.dlq.list(filter={"message_id": res.message_id}).messages
    assert entry.response_status == 0


def test_slow_endpoint_does_not_delay_others(qstash, recorder, states, wait_state):
    held = qstash.message.publish(url=recorder.url + "/hold/h1", body="slow")
    recorder.wait_for("/hold/h1")
    fast = qstash.message.publish(url=recorder.url + "/fast", body="fast")
    recorder.wait_for("/fast")
    wait_state(qstash, fast.message_id, "DELIVERED")
    assert "DELIVERED" not in states(qstash, held.message_id)
    recorder.release("h1")
    wait_state(qstash, held.message_id, "DELIVERED")


def test_delay_and_not_before(qstash, recorder, states):
    delayed = qstash.message.publish(url=recorder.url + "/delayed", body="d", delay="100s")
    message = qstash.message.get(delayed.message_id)
    assert message.not_before - message.created_at >= 99_000
    assert states(qstash, delayed.message_id) == ["CREATED"]
    [call] = recorder.wait_for("/delayed")  # 100 s scaled by 0.01
    assert call.at * 1000 - message.created_at >= 900
    not_before = int(time.time()) + 200
    later = qstash.message.publish(url=recorder.url + "/nb", body="n", delay="1s",
                                   not_before=not_before)
    assert qstash.message.get(later.message_id).not_before == not_before * 1000
    recorder.wait_for("/nb", timeout=30)


def test_url_group_fans_out(qstash, recorder):
    qstash.url_group.upsert_endpoints(url_group="team", endpoints=[
        {"url": recorder.url + "/ep/one", "name": "one"}, {"url": recorder.url + "/ep/two"}])
    res = qstash.message.publish_json(url_group="team", body={"fan": "out"})
    assert sorted(r.url for r in res) == [recorder.url + "/ep/one", recorder.url + "/ep/two"]
    calls = recorder.wait_for("/ep/", 2)
    assert {c.path for c in calls} == {"/ep/one", "/ep/two"}
    assert all(c.verified and c.header("Upstash-Topic-Name") == "team" for c in calls)
    assert {c.header("Upstash-Message-Id") for c in calls} == {r.message_id for r in res}


def test_fifo_queue_waits_for_its_retrying_head(qstash, recorder, states):
    qstash.queue.upsert("orders", parallelism=1)
    first = qstash.message.enqueue(queue="orders", url=recorder.url + "/flaky/q1?fail=2", body="1")
    for n in (2, 3):
        qstash.message.enqueue(queue="orders", url=recorder.url + f"/q{n}", body=str(n))
    recorder.wait_for("/q3")
    order = [c.path.split("?")[0] for c in recorder.calls("/")]
    assert order == ["/flaky/q1"] * 3 + ["/q2", "/q3"]
    assert states(qstash, first.message_id)[-1] == "DELIVERED"
    wait_until(lambda: qstash.queue.get("orders").lag == 0, message="queue to drain")


def test_paused_queue_holds_messages(qstash, recorder):
    qstash.queue.upsert("batch", parallelism=2, paused=True)
    qstash.message.enqueue_json(queue="batch", url=recorder.url + "/p1", body={})
    assert qstash.queue.get("batch").lag == 1
    assert qstash.queue.get("batch").paused is True
    assert recorder.calls("/p1") == []
    qstash.queue.resume("batch")
    recorder.wait_for("/p1")


def test_flow_control_parallelism(qstash, recorder, wait_state):
    flow = {"key": "tenant-1", "parallelism": 1}
    qstash.message.publish(url=recorder.url + "/hold/f1", body="1", flow_control=flow)
    second = qstash.message.publish(url=recorder.url + "/f2", body="2", flow_control=flow)
    recorder.wait_for("/hold/f1")
    info = wait_until(lambda: (i := qstash.flow_control.get("tenant-1")).wait_list_size == 1 and i,
                      message="second message to wait")
    assert info.parallelism_max == 1 and info.parallelism_count == 1
    assert recorder.calls("/f2") == []
    recorder.release("f1")
    recorder.wait_for("/f2")
    wait_state(qstash, second.message_id, "DELIVERED")


def test_deleting_a_queue_cancels_what_it_holds(qstash, recorder, states, wait_state):
    qstash.queue.upsert("doomed", parallelism=1)
    head = qstash.message.enqueue(queue="doomed", url=recorder.url + "/hold/head", body="1")
    rest = [qstash.message.enqueue(queue="doomed", url=recorder.url + f"/never{n}", body="x").message_id
            for n in range(3)]
    recorder.wait_for("/hold/head")
    qstash.queue.delete("doomed")
    recorder.release("head")
    wait_state(qstash, head.message_id, "DELIVERED")  # it was in flight: too late to stop
    for message_id in rest:
        assert states(qstash, message_id)[-1] == "CANCELED"
    assert recorder.calls("/never") == []


def test_flow_control_rate(qstash, recorder, wait_state):
    flow = {"key": "rated", "rate": 2, "period": "100s"}  # 100 s scaled: 1 s
    ids = [qstash.message.publish(url=recorder.url + f"/rate{n}", body="r", flow_control=flow).message_id
           for n in range(4)]
    calls = recorder.wait_for("/rate", 4, timeout=30)
    for message_id in ids:
        wait_state(qstash, message_id, "DELIVERED")
    times = sorted(c.at for c in calls)
    assert times[1] - times[0] < 0.9 and times[2] - times[0] >= 0.9  # the third waits a period


def test_banner_does_not_echo_credentials_from_the_environment(tmp_path):
    env = {"QSTASH_TOKEN": "real-token-123", "QSTASH_CURRENT_SIGNING_KEY": "sig_realcurrent",
           "QSTASH_NEXT_SIGNING_KEY": "sig_realnext"}
    with DevQStash(tmp_path, env=env) as server:
        printed = "".join(server.stdout)
        assert not any(secret in printed for secret in env.values())
        assert server.client().signing_key.get().current == "sig_realcurrent"


def test_restart_with_data_file_mid_retry_loses_nothing(tmp_path, wait_state):
    with DevQStash(tmp_path, data_file=tmp_path / "qstash.sqlite3") as server, \
            Recorder(server.receiver()) as recorder:
        qstash = server.client()
        qstash.url_group.upsert_endpoints(url_group="kept", endpoints=[{"url": recorder.url + "/g"}])
        qstash.queue.upsert("kept-queue", parallelism=3)
        # First attempt fails; the retry is due 1000 s (scaled: 10 s) later.
        res = qstash.message.publish(url=recorder.url + "/flaky/r?fail=1", body="survive",
                                     retry_delay="1000000", retries=2)
        recorder.wait_for("/flaky/r")
        wait_state(qstash, res.message_id, "RETRY")
        pending = qstash.message.publish(url=recorder.url + "/later", body="l", delay="500s")
        dead = qstash.message.publish(url=recorder.url + "/500", body="dead", retries=0)
        wait_state(qstash, dead.message_id, "FAILED")
        server.restart()  # SIGTERM in the middle of the retry schedule
        qstash = server.client()
        assert qstash.message.get(res.message_id).max_retries == 2
        assert qstash.message.get(pending.message_id).url == recorder.url + "/later"
        assert [m.message_id for m in qstash.dlq.list().messages] == [dead.message_id]
        assert qstash.url_group.get("kept").endpoints[0].url == recorder.url + "/g"
        assert qstash.queue.get("kept-queue").parallelism == 3
        calls = recorder.wait_for("/flaky/r", 2, timeout=30)
        assert [c.retried for c in calls] == [0, 1] and all(c.verified for c in calls)
        wait_state(qstash, res.message_id, "DELIVERED")
        recorder.wait_for("/later", timeout=30)
        # A killed process (no clean shutdown) keeps what it had accepted, too.
        accepted = qstash.message.publish(url=recorder.url + "/after-kill", body="k", delay="300s")
        server.restart(sig=9)
        assert server.client().message.get(accepted.message_id).body == "k"
        recorder.wait_for("/after-kill", timeout=30)
