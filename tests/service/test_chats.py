"""Chats and their messages."""
from __future__ import annotations


def test_create_and_read_chats(client, sales):
    made = client.post("/chats", json={"file_id": sales["id"], "title": "Sales"})
    assert made.status_code == 201
    chat = made.get_json()
    assert chat["id"].startswith("chat_") and chat["title"] == "Sales"
    assert chat["created_at"].endswith("Z")
    assert client.get(f"/chats/{chat['id']}").get_json() == chat
    assert client.get(f"/chats/{chat['id']}/messages").get_json() == {"messages": [], "next_after": None}
    own = client.post("/chats", json={"file_id": sales["id"], "id": "my-chat"})
    assert own.status_code == 201 and own.get_json()["id"] == "my-chat"
    again = client.post("/chats", json={"file_id": sales["id"], "id": "my-chat"})
    assert again.status_code == 409


def test_chat_errors(client, sales):
    assert client.post("/chats", json={"file_id": "file_nope"}).status_code == 404
    assert client.post("/chats", json={}).status_code == 422
    assert client.get("/chats/none").status_code == 404
    assert client.get("/chats/none/messages").status_code == 404
    res = client.get("/chats/none/messages?after=abc")
    assert res.status_code == 422 and "after" in res.get_json()["errors"]["query"]
    huge = client.get("/chats/none/messages?after=99999999999999999999999")  # found by fuzzing
    assert huge.status_code == 422


def test_messages_are_read_a_page_at_a_time(client, sales):
    """Contract 5: oldest first, ``limit`` (default 100, at most 500), ``next_after`` to go
    on, null when there is nothing more right now; polling with ``after`` still works."""
    for n in range(5):  # QStash is unreachable here: each question is recorded, then 503
        res = client.post("/analyze", json={"prompt": f"question {n}", "file_id": sales["id"],
                                            "chat_id": "paged", "request_id": f"req-{n}"})
        assert res.status_code == 503
    seen, after = [], None
    while True:
        page = client.get("/chats/paged/messages", query_string={"limit": 2, **({"after": after} if after else {})})
        assert page.status_code == 200
        body = page.get_json()
        assert len(body["messages"]) <= 2
        seen += [m["content"] for m in body["messages"]]
        after = body["next_after"]
        if after is None:
            break
        assert after == body["messages"][-1]["id"]
    assert seen == [f"question {n}" for n in range(5)]
    last = client.get("/chats/paged/messages").get_json()
    assert len(last["messages"]) == 5 and last["next_after"] is None
    newest = last["messages"][-1]["id"]
    assert client.get(f"/chats/paged/messages?after={newest}").get_json() == {"messages": [], "next_after": None}
    for params in ({"limit": 0}, {"limit": 501}, {"limit": "x"}, {"after": "١"}, {"after": -1}):
        res = client.get("/chats/paged/messages", query_string=params)
        assert res.status_code == 422 and set(res.get_json()["errors"]["query"]) == set(params), params
