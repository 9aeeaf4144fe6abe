"""Answer or ask over HTTP: a question about a measure the file does not hold is declined in the
chat, naming what was not found and what the file can answer, and is not retried."""
from __future__ import annotations

from tests.helpers import PROCESS, forward
from tests.helpers import accepted_question as ask

SHARE_QSTASH_DEV = True  # one local QStash server for the module (tests/conftest.py)


def test_a_measure_the_file_lacks_is_declined_in_the_chat(client, app, sales, wired):
    ask(client, sales["id"], prompt="what's the NPS by region?")
    [delivery] = wired.wait_for(PROCESS)
    res = forward(client, delivery)
    assert res.status_code == 489 and res.headers["Upstash-NonRetryable-Error"] == "true"
    _, reply = client.get("/chats/chat-1/messages").get_json()["messages"]
    assert reply["role"] == "assistant" and reply["error"] is True and reply["chart_id"] is None
    assert "“NPS”" in reply["content"]  # names what it could not find, not "a column"
    assert "region" in reply["content"].lower() and "Try for example" in reply["content"]
    assert client.get("/tasks/req-1").get_json()["status"] == "failed"
