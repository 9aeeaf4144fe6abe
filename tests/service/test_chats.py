"""Chats and their messages."""
from __future__ import annotations


def test_create_and_read_chats(client, sales):
    made = client.post("/chats", json={"file_id": sales["id"], "title": "Sales"})
    assert made.status_code == 201
    chat = made.get_json()
    assert chat["id"].startswith("chat_") and chat["title"] == "Sales"
    assert chat["created_at"].endswith("Z")
    assert client.get(f"/chats/{chat['id']}").get_json() == chat
    assert client.get(f"/chats/{chat['id']}/messages").get_json() == {"messages": []}
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
