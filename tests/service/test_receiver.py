"""The QStash receiver: verified deliveries, idempotent processing, exactly one answer."""
from __future__ import annotations

import base64
import datetime as dt
import json
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from datavis import analysis
from datavis.config import settings_of
from datavis.qstash_dev.config import DEV_CURRENT_SIGNING_KEY, DEV_NEXT_SIGNING_KEY
from datavis.qstash_dev.signing import sign
from datavis.services import claims as task_claims
from datavis.store import db, tables
from tests.helpers import FAILED, PROCESS, forward, signed_post, token_with
from tests.helpers import accepted_question as ask

SHARE_QSTASH_DEV = True  # one local QStash server for the module (tests/conftest.py)


def messages(client):
    return client.get("/chats/chat-1/messages").get_json()["messages"]


def test_delivery_answers_in_the_chat_once(client, app, sales, wired):
    accepted = ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    res = forward(client, delivery)
    assert res.status_code == 200, res.get_json()
    assert res.get_json()["status"] == "completed"
    user, answer = messages(client)
    assert answer["role"] == "assistant" and answer["request_id"] == "req-1"
    assert answer["chart_id"] and not answer["error"]
    assert any(ch.isdigit() for ch in answer["content"])  # the insight quotes numbers
    task = client.get("/tasks/req-1").get_json()
    assert task["status"] == "completed" and task["attempts"] == 1
    assert task["chart_id"] == answer["chart_id"] and task["message_id"] == accepted["message_id"]
    chart = client.get(f"/charts/{answer['chart_id']}").get_json()
    assert chart["chart_type"] == "bar" and chart["spec"]["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
    labels = {row for r in chart["data"] for row in r.values() if isinstance(row, str)}
    assert labels >= {"North", "South", "East", "West"}
    assert chart["plan"]["y"]["aggregate"] == "sum" and chart["plan"]["y"]["field"] == "revenue"
    assert chart["plan"]["x"]["field"] == "region"
    assert "SELECT" in chart["sql"].upper()
    # Rendered concurrently, PNG and SVG each come out whole (and cached apart).
    with ThreadPoolExecutor(6) as pool:
        images = list(pool.map(lambda fmt: (fmt, app.test_client().get(
            f"/charts/{answer['chart_id']}.{fmt}")), ["png", "svg"] * 3))
    for fmt, image in images:
        assert image.status_code == 200
        if fmt == "png":
            assert image.data[:8] == b"\x89PNG\r\n\x1a\n"
        else:
            assert image.mimetype == "image/svg+xml" and image.data.lstrip().startswith(b"<svg")
    # The same captured request replayed: refused, nothing changes.
    replay = forward(client, delivery)
    assert replay.status_code == 401 and "replayed" in replay.get_json()["message"]
    # QStash delivering the message again (new signature, at-least-once): a no-op 200.
    again = signed_post(client, app, PROCESS, delivery.body)
    assert again.status_code == 200 and again.get_json()["status"] == "duplicate"
    assert again.get_json()["chart_id"] == answer["chart_id"]  # not null
    assert len(messages(client)) == 2
    assert client.get("/tasks/req-1").get_json()["attempts"] == 1


@pytest.mark.parametrize("case", ["missing", "garbage", "wrong key", "tampered", "wrong url",
                                  "other route", "expired", "not yet valid"])
def test_bad_signatures_change_nothing(client, app, sales, wired, case):
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    url = settings_of(app).public_url(PROCESS)
    body = delivery.body
    headers = {"Content-Type": "application/json"}
    if case == "garbage":
        headers["Upstash-Signature"] = "not.a.jwt"
    elif case == "wrong key":
        headers["Upstash-Signature"] = sign("sig_attacker_key_0000000000000", url, body)
    elif case == "tampered":
        headers["Upstash-Signature"] = delivery.header("Upstash-Signature")
        body = body.replace(b"region", b"product")
    elif case == "wrong url":
        headers["Upstash-Signature"] = sign(DEV_CURRENT_SIGNING_KEY, "http://evil.example" + PROCESS, body)
    elif case == "other route":
        headers["Upstash-Signature"] = sign(DEV_CURRENT_SIGNING_KEY, settings_of(app).public_url(FAILED), body)
    elif case == "expired":
        headers["Upstash-Signature"] = sign(DEV_CURRENT_SIGNING_KEY, url, body, now=1_000_000_000)
    elif case == "not yet valid":
        headers["Upstash-Signature"] = sign(DEV_CURRENT_SIGNING_KEY, url, body, now=4_000_000_000)
    res = client.post(PROCESS, data=body, headers=headers)
    assert res.status_code == 401 and res.get_json()["code"] == 401
    assert client.get("/tasks/req-1").get_json()["status"] == "queued"
    assert len(messages(client)) == 1
    # The real delivery still works afterwards.
    assert forward(client, delivery).status_code == 200


def test_next_signing_key_is_accepted(client, app, sales, wired):
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    res = signed_post(client, app, PROCESS, delivery.body, key=DEV_NEXT_SIGNING_KEY)
    assert res.status_code == 200 and res.get_json()["status"] == "completed"


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"request_id": "req-1"}',
                                  b'{"request_id": "r", "chat_id": "c", "file_id": "f", "prompt": ""}'])
def test_malformed_task_is_non_retryable(client, app, body):
    res = signed_post(client, app, PROCESS, body)
    assert res.status_code == 489
    assert res.headers["Upstash-NonRetryable-Error"] == "true"


def test_unknown_task_is_non_retryable(client, app):
    body = json.dumps({"request_id": "ghost", "chat_id": "c", "file_id": "f", "prompt": "q"}).encode()
    res = signed_post(client, app, PROCESS, body)
    assert res.status_code == 489 and res.headers["Upstash-NonRetryable-Error"] == "true"


def test_unanswerable_question_gets_one_helpful_message(client, app, sales, wired):
    ask(client, sales["id"], prompt="what is the meaning of life?")
    [delivery] = wired.wait_for(PROCESS)
    res = forward(client, delivery)
    assert res.status_code == 489 and res.headers["Upstash-NonRetryable-Error"] == "true"
    _, reply = messages(client)
    assert reply["role"] == "assistant" and reply["error"] is True and reply["chart_id"] is None
    assert "revenue" in reply["content"].lower()  # says what the data can answer
    assert client.get("/tasks/req-1").get_json()["status"] == "failed"
    # QStash then calls the failure callback: no second message.
    assert _failure_callback(client, app, delivery).status_code == 200
    assert len(messages(client)) == 2


def _failure_callback(client, app, delivery):
    body = json.dumps({"status": 500, "retried": 3, "maxRetries": 3, "sourceMessageId": "msg_x",
                       "sourceBody": base64.b64encode(delivery.body).decode(),
                       "url": settings_of(app).public_url(PROCESS), "dlqId": "1-1"}).encode()
    return signed_post(client, app, FAILED, body)


def test_final_failure_apologises_once(client, app, sales, wired):
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    first = _failure_callback(client, app, delivery)
    assert first.status_code == 200 and first.get_json()["status"] == "failed"
    second = _failure_callback(client, app, delivery)
    assert second.get_json()["status"] == "unchanged"
    _, apology = messages(client)
    assert apology["error"] is True and "total revenue by region" in apology["content"]
    assert client.get("/tasks/req-1").get_json()["status"] == "failed"
    # A late delivery of the task after the failure changes nothing either.
    late = signed_post(client, app, PROCESS, delivery.body)
    assert late.status_code == 200 and late.get_json()["status"] == "duplicate"
    assert len(messages(client)) == 2


def test_delivery_while_another_is_processing_is_retried_later(client, app, sales, wired):
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    with app.app_context():
        claim = task_claims.claim("req-1", "msg_other")
    assert isinstance(claim, task_claims.Claim)
    busy = signed_post(client, app, PROCESS, delivery.body)
    assert busy.status_code == 409
    assert "Upstash-NonRetryable-Error" not in busy.headers
    # The other delivery's worker dies and its lease runs out: the next delivery takes over.
    with app.app_context(), db.engine.begin() as conn:
        conn.execute(update(tables.tasks).values(lease_until=tables.utcnow() - dt.timedelta(seconds=1)))
    assert signed_post(client, app, PROCESS, delivery.body).status_code == 200
    with app.app_context():
        late = SimpleNamespace(chart_type="bar", title="late", spec={}, data=[], sql="SELECT 1",
                               plan={}, state={}, insight="a late answer", alternatives=[])
        assert task_claims.complete(claim, late) is None  # the stale claim can no longer write
    assert len(messages(client)) == 2


def test_transient_error_is_retried_then_answered(client, app, sales, wired, monkeypatch):
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    real = analysis.answer
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise analysis.TransientAnalysisError("model timed out")
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis, "answer", flaky)
    first = signed_post(client, app, PROCESS, delivery.body)
    assert first.status_code == 503
    task = client.get("/tasks/req-1").get_json()
    assert task["status"] == "retrying" and "model timed out" in task["error"]
    assert len(messages(client)) == 1
    second = signed_post(client, app, PROCESS, delivery.body)
    assert second.status_code == 200
    assert client.get("/tasks/req-1").get_json()["attempts"] == 2
    assert len(messages(client)) == 2


def test_failure_after_the_claim_releases_it(client, app, sales, wired, monkeypatch):
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    real = task_claims.complete

    def locked(*args, **kwargs):
        raise OperationalError("UPDATE tasks", {}, Exception("database is locked"))
    monkeypatch.setattr(task_claims, "complete", locked)
    first = signed_post(client, app, PROCESS, delivery.body)
    assert first.status_code == 503 and "Retry-After" not in first.headers
    task = client.get("/tasks/req-1").get_json()
    assert task["status"] == "retrying"  # released: the next delivery need not wait a lease
    assert "locked" not in task["error"]  # no database internals in a public answer
    monkeypatch.setattr(task_claims, "complete", real)
    assert signed_post(client, app, PROCESS, delivery.body).status_code == 200
    assert len(messages(client)) == 2


# ------------------------------------------------------------------ signed but hostile
def test_hostile_bodies_with_a_valid_signature_are_non_retryable(client, app, sales, wired):
    """Deep nesting, invalid Unicode and NUL in a validly signed body: 489 naming the
    problem (QStash must not retry it), never 500; unsigned, the body is not even parsed."""
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    task = json.loads(delivery.body)
    deep = b'{"prompt":' + b"[" * 30_000 + b"]" * 30_000 + b"}"
    bad = {"lone surrogate": (json.dumps({**task, "prompt": "revenue \ud800 by region"}).encode(), "prompt"),
           "NUL": (json.dumps({**task, "chat_id": "chat\u0000"}).encode(), "chat_id"),
           "not UTF-8": (json.dumps({**task, "prompt": "@"}).encode().replace(b"@", b"\xff"), "prompt"),
           "deep": (deep, "_body"), "huge integer": (b'{"request_id": ' + b"9" * 5000 + b"}", "_body")}
    for name, (body, field) in bad.items():
        assert client.post(PROCESS, data=body, content_type="application/json").status_code == 401
        for path, payload in ((PROCESS, body), (FAILED, _callback_body(app, body))):
            res = signed_post(client, app, path, payload)
            assert res.status_code == 489, (name, path, res.get_json())
            assert res.headers["Upstash-NonRetryable-Error"] == "true"
            if path == PROCESS:
                assert field in res.get_json()["errors"]["json"], name
    assert client.get("/tasks/req-1").get_json()["status"] == "queued"
    assert len(messages(client)) == 1


def _callback_body(app, source: bytes) -> bytes:
    return json.dumps({"status": 500, "retried": 3, "sourceMessageId": "msg_x",
                       "sourceBody": base64.b64encode(source).decode(),
                       "url": settings_of(app).public_url(PROCESS)}).encode()


def _post_token(client, path, body, token, headers=None):
    return client.post(path, data=body, headers={"Upstash-Signature": token,
                                                 "Content-Type": "application/json", **(headers or {})})


def test_signed_hostile_claims_are_refused_cleanly(client, app, sales, wired):
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    now = int(time.time())
    for claims in ({"exp": 10**20}, {"exp": 2**63}, {"exp": now + 3 * 3600}, {"exp": "tomorrow"},
                   {"jti": 12345}, {"jti": None}, {"nbf": now + 120}, {"iat": now + 120},
                   {"exp": now - 120}, {"iss": "Someone"}, {"body": None}, {"body": 42}):
        res = _post_token(client, PROCESS, delivery.body, token_with(app, PROCESS, delivery.body, **claims))
        assert res.status_code == 401, (claims, res.get_json())
    assert client.get("/tasks/req-1").get_json()["status"] == "queued"
    assert len(messages(client)) == 1


@pytest.mark.parametrize("skew", [-25, 25])
def test_clock_leeway(client, app, sales, wired, skew):
    """QStash's clock may run a little ahead of ours or behind it (LEEWAY_SECONDS = 30)."""
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    now = int(time.time()) + skew
    exp = now + 300 if skew > 0 else int(time.time()) + skew
    token = token_with(app, PROCESS, delivery.body, iat=now, nbf=now, exp=exp)
    res = _post_token(client, PROCESS, delivery.body, token)
    assert res.status_code == 200, res.get_json()


def test_token_ids_are_remembered_whole(client, app, sales, wired):
    """Two different ids sharing a long prefix are two tokens; the same id is a replay."""
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    prefix = "jwt_" + "x" * 200
    first = _post_token(client, PROCESS, delivery.body, token_with(app, PROCESS, delivery.body, jti=prefix + "A"))
    second = _post_token(client, PROCESS, delivery.body, token_with(app, PROCESS, delivery.body, jti=prefix + "B"))
    assert first.get_json()["status"] == "completed"
    assert second.status_code == 200 and second.get_json()["status"] == "duplicate"
    replay = _post_token(client, PROCESS, delivery.body, token_with(app, PROCESS, delivery.body, jti=prefix + "B"))
    assert replay.status_code == 401 and "replayed" in replay.get_json()["message"]


def test_unsigned_message_id_header_is_not_stored_unless_it_is_one(client, app, sales, wired):
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    for n, header in enumerate(["<script>alert(1)</script>" * 13, "msg_" + "a" * 400, "msg x", "msg_été", ""]):
        body = json.loads(delivery.body) | {"request_id": f"req-{n}"}
        accepted = ask(client, sales["id"], request_id=f"req-{n}")
        res = signed_post(client, app, PROCESS, json.dumps(body).encode(),
                          headers={"Upstash-Message-Id": header.encode().decode("latin-1")})
        assert res.status_code == 200, res.get_json()
        task = client.get(f"/tasks/req-{n}").get_json()
        assert task["message_id"] == accepted["message_id"], header  # what QStash answered at publish
    # A header that is a message id (a URL group's copy has its own) is kept.
    body = json.loads(delivery.body) | {"request_id": "req-other"}
    ask(client, sales["id"], request_id="req-other")
    signed_post(client, app, PROCESS, json.dumps(body).encode(), headers={"Upstash-Message-Id": "msg_Other123"})
    assert client.get("/tasks/req-other").get_json()["message_id"] == "msg_Other123"


def test_every_verified_request_replayed_is_refused(client, app, sales, wired):
    """The token is remembered whatever the answer was (malformed 489, unknown task 489,
    busy 409, failure callback), in the claim's own transaction for a delivery: its replay
    is a 401 and changes nothing."""
    ask(client, sales["id"])
    [delivery] = wired.wait_for(PROCESS)
    ghost = json.dumps({"request_id": "ghost", "chat_id": "c", "file_id": "f", "prompt": "q"}).encode()
    with db.transaction() as conn:  # another delivery holds the task
        conn.execute(update(tables.tasks).where(tables.tasks.c.request_id == "req-1").values(
            status="processing", attempts=1, lease_until=dt.datetime(2999, 1, 1)))
    cases = [(PROCESS, b"[1, 2]", 489), (PROCESS, ghost, 489), (PROCESS, delivery.body, 409),
             (FAILED, _callback_body(app, b"[1]"), 489)]
    for path, body, status in cases:
        token = token_with(app, path, body)
        assert _post_token(client, path, body, token).status_code == status, (path, body)
        replay = _post_token(client, path, body, token)
        assert replay.status_code == 401 and "replayed" in replay.get_json()["message"], (path, body)
    task = client.get("/tasks/req-1").get_json()
    assert task["status"] == "processing" and task["attempts"] == 1
    assert len(messages(client)) == 1
