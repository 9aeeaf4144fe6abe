"""Shared fixtures: a fresh app per test (its own temp database and data dir), and real
peers on loopback (the local QStash server, a recording receiver)."""
from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy

from datavis import create_app
from datavis.extensions import qstash as qstash_clients
from datavis.store import db
from tests.helpers import reconfigure, upload_csv
from tests.peers import DevQStash, Recorder


@pytest.fixture(scope="module")
def shared_qstash_dev(tmp_path_factory):
    """One local QStash server for a whole test module (see ``qstash_dev``). Deduplication is
    off (window 0): the module's tests reuse request ids such as "req-1"."""
    server = DevQStash(tmp_path_factory.mktemp("qstash-dev"),
                       env={"QSTASH_DEV_DEDUP_WINDOW": "0"}).start()
    yield server
    server.close_clients()
    server.stop()


@pytest.fixture
def qstash_dev(request, tmp_path):
    """A local QStash server, waits scaled by 0.01 (QStash's 12 s backoff → 0.12 s): a fresh
    one per test, or one per module in modules that set ``SHARE_QSTASH_DEV = True`` because
    no test there looks at the server's own state (logs, queues, deduplication) — each test
    has its own receiver, so deliveries never cross tests."""
    if getattr(request.module, "SHARE_QSTASH_DEV", False):
        yield request.getfixturevalue("shared_qstash_dev")
        return
    server = DevQStash(tmp_path).start()
    yield server
    server.close_clients()
    server.stop()


@pytest.fixture
def qstash(qstash_dev):
    """The official SDK client pointed at the local server."""
    return qstash_dev.client()


@pytest.fixture
def recorder(qstash_dev):
    """A receiver that records every delivery and checks it with ``qstash.Receiver``."""
    rec = Recorder(qstash_dev.receiver())
    yield rec
    rec.close()


# ------------------------------------------------------------------ the Flask app
ENV_PREFIXES = ("QSTASH_", "DATABASE_URL", "DATA_DIR", "API_", "DATAVIS_", "LOGFIRE_", "CORS_",
                "MAX_", "CSV_", "ANALYSIS_", "PROXY_FIX", "TASK_LEASE", "HEALTH_", "EVENTS_")


POSTGRES_URL = os.environ.get("DATAVIS_TEST_POSTGRES_URL")
DATABASES = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path):
    """A fresh, empty database: a SQLite file, and (when DATAVIS_TEST_POSTGRES_URL is set,
    as in CI) a fresh schema of that PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'datavis.sqlite3'}"
        return
    schema = "test_" + uuid.uuid4().hex[:16]
    admin = sqlalchemy.create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(sqlalchemy.text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(sqlalchemy.text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def app_config(tmp_path, monkeypatch, database_url):
    """A test configuration: a fresh database and data dir, QStash unreachable (a test
    that needs QStash points QSTASH_URL at the ``qstash_dev`` fixture)."""
    for key in list(os.environ):
        if key.startswith(ENV_PREFIXES):
            monkeypatch.delenv(key)
    return {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "DATA_DIR": str(tmp_path / "data"),
        "API_URL": "http://datavis.test",
        "QSTASH_URL": "http://127.0.0.1:9",
        "QSTASH_PUBLISH_ATTEMPTS": 1,
    }


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    yield app
    qstash_clients.close(app)
    db.dispose(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()




@pytest.fixture
def sales(client):
    """The sample sales dataset, uploaded through the API."""
    return upload_csv(client)


@pytest.fixture
def wired(app, qstash_dev):
    """An app publishing to the real local QStash server, whose deliveries a Recorder
    (standing at API_URL) captures so a test can hand them to the app's receiver."""
    recorder = Recorder(qstash_dev.receiver())
    reconfigure(app, API_URL=recorder.url, QSTASH_URL=qstash_dev.url)
    yield recorder
    recorder.close()
