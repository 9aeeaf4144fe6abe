"""Fixtures of the local QStash server's tests.

One server per test module (``qstash_dev``), shared by tests that touch only their own
queues, URL groups, flow keys and URLs (each test has its own ``recorder``, so its own
destination URLs). A test that changes what the whole server holds (rotating the keys,
cancelling every message) takes ``private_qstash_dev``, a server of its own.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tests.peers import DevQStash, wait_until


@pytest.fixture(scope="module")
def qstash_dev(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevQStash]:
    """The module's local QStash server, waits scaled by 0.01 (QStash's 12 s backoff → 0.12 s)."""
    with DevQStash(tmp_path_factory.mktemp("qstash")) as server:
        yield server


@pytest.fixture
def private_qstash_dev(tmp_path) -> Iterator[DevQStash]:
    """A server for this test alone."""
    with DevQStash(tmp_path) as server:
        yield server


def _states(qstash: Any, message_id: str) -> list[str]:
    logs = qstash.log.list(filter={"message_id": message_id}).logs
    return [log.state.value for log in reversed(logs)]


def _wait_state(qstash: Any, message_id: str, state: str) -> list[str]:
    return wait_until(lambda: state in (seen := _states(qstash, message_id)) and seen,
                      message=f"{message_id} to reach {state}")


def _gone(server: DevQStash, message_id: str) -> bool:
    return httpx.get(f"{server.url}/v2/messages/{message_id}", headers=server.auth).status_code == 404


@pytest.fixture
def states() -> Callable[[Any, str], list[str]]:
    """``states(client, message_id)``: the message's log states, oldest first."""
    return _states


@pytest.fixture
def wait_state() -> Callable[[Any, str, str], list[str]]:
    """``wait_state(client, message_id, state)``: its states, once ``state`` is among them."""
    return _wait_state


@pytest.fixture
def gone() -> Callable[[DevQStash, str], bool]:
    """``gone(server, message_id)``: the API no longer knows the message (404)."""
    return _gone
