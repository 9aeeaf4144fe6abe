"""The app shell: config, OpenAPI, docs, health, the error shape, the CLI."""
from __future__ import annotations

import dataclasses
import runpy
from pathlib import Path

import pytest

from datavis import create_app
from datavis.config import ConfigError, Settings, settings_of
from tests.helpers import reconfigure


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["info"]["title"] == "datavis"
    assert spec["servers"] == [{"url": "http://datavis.test"}]
    for path in ("/files", "/files/{file_id}", "/chats", "/chats/{chat_id}/messages", "/analyze",
                 "/tasks/{request_id}", "/charts/{chart_id}", "/charts/{chart_id}.png"):
        assert path in spec["paths"], path
    assert not any(p.startswith(("/internal", "/health")) for p in spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and b"swagger" in docs.data.lower()


def test_errors_share_one_shape(client):
    for response, status in ((client.get("/nope"), 404), (client.get("/files/file_x"), 404),
                             (client.delete("/openapi.json"), 405),
                             (client.post("/analyze", json={"prompt": ""}), 422)):
        body = response.get_json()
        assert response.status_code == status
        assert set(body) >= {"code", "status", "message"} and body["code"] == status
    invalid = client.post("/analyze", json={"prompt": "", "extra": 1}).get_json()
    assert set(invalid["errors"]["json"]) == {"prompt", "file_id", "chat_id", "extra"}
    assert "prompt" in invalid["message"] and "file_id" in invalid["message"]


def test_malformed_json_is_a_clear_400(client):
    res = client.post("/analyze", data="{not json", content_type="application/json")
    assert res.status_code == 400
    assert res.get_json()["code"] == 400


def test_json_body_limit(client):
    res = client.post("/analyze", json={"prompt": "x" * 70_000, "file_id": "f", "chat_id": "c"})
    assert res.status_code == 413
    assert "large" in res.get_json()["message"].lower()


def test_liveness_and_readiness(client, qstash_dev, app):
    assert client.get("/health/live").get_json() == {"status": "ok"}
    down = client.get("/health")
    assert down.status_code == 503
    components = down.get_json()["components"]
    assert components["database"]["status"] == "ok" and components["storage"]["status"] == "ok"
    assert components["qstash"]["status"] == "error"
    reconfigure(app, QSTASH_URL=qstash_dev.url)  # (forgets the cached QStash check)
    up = client.get("/health")
    assert up.status_code == 200 and up.get_json()["components"]["qstash"]["status"] == "ok"
    again = client.get("/health").get_json()["components"]["qstash"]
    assert again["cached"] is True  # probes do not turn into QStash calls


def test_init_db_cli(runner):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0 and "tables ready" in result.output


def test_config_defaults_to_the_local_qstash(app_config):
    settings = Settings.from_env({})
    assert settings.qstash_local is True and settings.uses_dev_keys
    assert settings.qstash_url == "http://127.0.0.1:8080"
    assert settings.qstash_current_signing_key.startswith("sig_")
    assert settings.qstash_retries == 3 and settings.max_upload_mb == 100
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.qstash_retries = 5  # type: ignore[misc]


def test_config_refuses_what_cannot_work():
    with pytest.raises(ConfigError, match="SIGNING_KEY"):
        Settings.from_env({"QSTASH_TOKEN": "real-token"})
    with pytest.raises(ConfigError, match="QSTASH_RETRIES"):
        Settings.from_env({"QSTASH_RETRIES": "many"})
    with pytest.raises(ConfigError, match="API_URL"):
        Settings.from_env({"API_URL": "datavis.example.com"})


def test_bad_configuration_names_every_wrong_variable():
    with pytest.raises(ConfigError) as refused:
        Settings.from_env({"QSTASH_RETRIES": "many", "ANALYSIS_TIMEOUT": "-1", "GUNICORN_WORKERS": "0",
                           "LOG_LEVEL": "loud"})
    for name in ("QSTASH_RETRIES", "ANALYSIS_TIMEOUT", "GUNICORN_WORKERS", "LOG_LEVEL"):
        assert name in str(refused.value)


def test_gunicorn_reads_the_same_settings(monkeypatch, tmp_path):
    for key in ("GUNICORN_TIMEOUT", "GUNICORN_BIND", "QSTASH_TOKEN", "PORT"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.setenv("ANALYSIS_TIMEOUT", "45")
    conf = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))
    assert conf["timeout"] == 180 and conf["bind"] == "127.0.0.1:8000"
    monkeypatch.setenv("ANALYSIS_TIMEOUT", "soon")
    with pytest.raises(SystemExit, match="ANALYSIS_TIMEOUT"):
        runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))


def test_environment_wins_over_dotenv(tmp_path, monkeypatch, app_config):
    (tmp_path / ".env").write_text("QSTASH_RETRIES=7\nANALYSIS_MAX_ROWS=99\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QSTASH_RETRIES", "5")
    settings = Settings.from_env()
    assert settings.qstash_retries == 5 and settings.analysis_max_rows == 99
    monkeypatch.delenv("ANALYSIS_MAX_ROWS")
    app = create_app({**app_config, "TESTING": True})
    try:
        assert settings_of(app).qstash_retries == 5
    finally:
        from datavis.extensions import qstash
        from datavis.store import db
        qstash.close(app)
        db.dispose(app)


def test_reads_do_not_wait_for_a_writer(app, client):
    """A write transaction in progress holds SQLite's write lock; reads must not queue
    behind it (WAL), or polling clients would time out under load."""
    from datavis.store import db
    reconfigure(app, DB_LOCK_TIMEOUT=0.2)
    with app.app_context(), db.transaction() as conn:
        conn.exec_driver_sql("INSERT INTO seen_signatures (jti, expires_at) VALUES ('x', 0)")
        assert client.get("/files").status_code == 200
        assert client.get("/tasks/none").status_code == 404


def test_docs_page_is_served_by_the_app(client):
    """No CDN and no inline script: every script and stylesheet of /docs is a file of the
    app (the browser test in tests/e2e/test_docs.py runs it under the CSP)."""
    import re
    page = client.get("/docs")
    html = page.get_data(as_text=True)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="/' in attrs and not body.strip() for attrs, body in scripts)
    assert "//" not in "".join(re.findall(r'(?:src|href)="([^"]*)"', html))  # nothing from elsewhere
    for url in re.findall(r'(?:src|href)="([^"]*)"', html):
        with client.get(url) as asset:
            assert asset.status_code == 200 and asset.mimetype in ("text/javascript", "text/css"), url
    with client.get("/docs/assets/LICENSE") as licence:
        assert "Apache License" in licence.get_data(as_text=True)
    assert client.get("/docs/assets/swagger-editor.js").status_code == 404
