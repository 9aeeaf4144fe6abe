"""API keys, CORS and proxy headers."""
from __future__ import annotations

import pytest

from datavis import create_app
from datavis.extensions import qstash
from datavis.store import db
from tests.helpers import ask_through_qstash, upload_bytes
from tests.peers import Recorder

SHARE_QSTASH_DEV = True  # one local QStash server for the module (tests/conftest.py)


@pytest.fixture
def make_app(app_config):
    made = []

    def factory(**overrides):
        app = create_app({**app_config, **overrides})
        made.append(app)
        return app
    yield factory
    for app in made:
        qstash.close(app)
        db.dispose(app)


def test_api_keys_guard_every_public_route(make_app):
    client = make_app(API_KEYS=["key-one", "key-two"]).test_client()
    for method, path in (("GET", "/files"), ("POST", "/analyze"), ("GET", "/openapi.json"),
                         ("GET", "/chats/x"), ("GET", "/tasks/x"), ("GET", "/charts/x.png"),
                         ("GET", "/health"), ("POST", "/files"), ("GET", "/docs")):
        res = client.open(path, method=method)
        assert res.status_code == 401, path
        assert res.get_json()["message"].startswith("a valid API key is required")
        assert res.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/files", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/files", headers={"Authorization": "Basic key-one"}).status_code == 401
    for key in ("key-one", "key-two"):
        assert client.get("/files", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert client.get("/health/live").status_code == 200
    # The internal routes take QStash signatures, not API keys.
    res = client.post("/internal/process-analysis_tasks", json={},
                      headers={"Authorization": "Bearer key-one"})
    assert res.status_code == 401 and "Upstash-Signature" in res.get_json()["message"]
    spec = client.get("/openapi.json", headers={"Authorization": "Bearer key-one"}).get_json()
    assert spec["security"] == [{"apiKey": []}]


def test_cors_allow_list(make_app):
    client = make_app(CORS_ORIGINS=["https://app.example.com"]).test_client()
    allowed = client.get("/files", headers={"Origin": "https://app.example.com"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    denied = client.get("/files", headers={"Origin": "https://evil.example.com"})
    assert "Access-Control-Allow-Origin" not in denied.headers
    preflight = client.options("/analyze", headers={
        "Origin": "https://app.example.com", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Authorization, Content-Type"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()
    internal = client.post("/internal/analysis-failed", headers={"Origin": "https://app.example.com"})
    assert "Access-Control-Allow-Origin" not in internal.headers


def test_cors_preflight_needs_no_key(make_app):
    client = make_app(CORS_ORIGINS=["https://app.example.com"], API_KEYS=["k"]).test_client()
    preflight = client.options("/files", headers={"Origin": "https://app.example.com",
                                                  "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200
    assert client.get("/files", headers={"Origin": "https://app.example.com"}).status_code == 401


def test_proxy_fix_trusts_exactly_the_configured_hops(make_app):
    headers = {"X-Forwarded-For": "203.0.113.9, 10.0.0.2", "X-Forwarded-Proto": "https",
               "X-Forwarded-Host": "datavis.example.com"}
    seen = {}

    def capture(app):
        @app.get("/_whoami")
        def whoami():
            from flask import request
            seen.update(remote=request.remote_addr, scheme=request.scheme, host=request.host)
            return {}
        return app

    capture(make_app(PROXY_FIX_HOPS=1)).test_client().get("/_whoami", headers=headers)
    assert seen == {"remote": "10.0.0.2", "scheme": "https", "host": "datavis.example.com"}
    capture(make_app(PROXY_FIX_HOPS=0)).test_client().get("/_whoami", headers=headers)
    assert seen["remote"] == "127.0.0.1" and seen["scheme"] == "http" and seen["host"] == "localhost"


CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")


def _every_kind_of_answer(client, chart_id=None):
    """One request per route of the OpenAPI document, plus errors, internal and health."""
    spec = client.get("/openapi.json").get_json()
    ids = {"file_id": "file_x", "chat_id": "chat_x", "request_id": "req_x", "chart_id": chart_id or "chart_x"}
    for path, methods in spec["paths"].items():
        for method in methods:
            if method != "parameters":
                yield client.open(path.format(**ids), method=method.upper())
    yield from (client.get("/docs"), client.get("/openapi.json"), client.get("/nope"),
                client.delete("/openapi.json"), client.post("/analyze", data="x", content_type="text/plain"),
                client.post("/internal/process-analysis_tasks", data=b"{}"), client.get("/health"),
                client.get("/health/live"))


def test_security_headers_on_every_answer(app, client, wired):
    """Contract 3: nosniff and same-origin referrers everywhere; the CSP on every HTML page
    (any page: one is added here); an SVG opened on its own runs nothing."""
    @app.get("/_page")
    def page():
        return "<!doctype html><title>x</title>"
    file = upload_bytes(client, b"region,sales\nWest,10\nEast,20\n")
    res, _ = ask_through_qstash(client, wired, file["id"], "total sales by region", "chat-h", "req-h")
    chart_id = res.get_json()["chart_id"]
    seen = {}
    for res in [*_every_kind_of_answer(client, chart_id), client.get("/_page")]:
        assert res.headers["X-Content-Type-Options"] == "nosniff", res.request.path
        assert res.headers["Referrer-Policy"] == "same-origin", res.request.path
        seen[res.mimetype] = seen.get(res.mimetype, 0) + 1
        if res.mimetype == "text/html":
            assert res.headers["Content-Security-Policy"] == CSP, res.request.path
        elif res.mimetype == "image/svg+xml":
            assert "default-src 'none'" in res.headers["Content-Security-Policy"]
            assert "sandbox" in res.headers["Content-Security-Policy"]
    assert {"text/html", "application/json", "image/png", "image/svg+xml"} <= set(seen)


@pytest.mark.parametrize("keys", [[], ["key-one"]])
def test_chart_images_are_cached_privately_behind_api_keys(make_app, keys, qstash_dev):
    recorder = Recorder(qstash_dev.receiver())
    try:
        app = make_app(API_KEYS=keys, API_URL=recorder.url, QSTASH_URL=qstash_dev.url)
        client = app.test_client()
        if keys:
            client.environ_base["HTTP_AUTHORIZATION"] = "Bearer key-one"
        file = upload_bytes(client, b"region,sales\nWest,10\nEast,20\n")
        res, _ = ask_through_qstash(client, recorder, file["id"], "total sales by region", "chat-c", "req-c")
        for fmt in ("png", "svg"):
            image = client.get(f"/charts/{res.get_json()['chart_id']}.{fmt}")
            assert image.status_code == 200
            cache = image.headers["Cache-Control"]
            assert ("private" in cache and "public" not in cache) if keys else "public" in cache, cache
    finally:
        recorder.close()
