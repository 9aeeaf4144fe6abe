"""Shared fixtures: real peers on loopback (local QStash server, recording receiver)."""
from __future__ import annotations

import pytest

from tests.peers import DevQStash, Recorder


@pytest.fixture
def qstash_dev(tmp_path):
    """A fresh local QStash server, waits scaled by 0.01 (QStash's 12 s backoff → 0.12 s)."""
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
