"""Hostile input through every public route, found from the OpenAPI document so that a new
route or field is covered without editing this file: invalid Unicode, NUL, deep nesting,
numbers Python cannot hold, the wrong content type, non-ASCII digits. Each is a clear 4xx
naming what is wrong, never a 5xx, and nothing is written."""
from __future__ import annotations

import json
import re

import pytest

from datavis.config import settings_of
from tests.helpers import SALES_CSV

# A valid value for each field a JSON body may require; a new required field must be added.
VALID = {"prompt": "total revenue by region", "chat_id": "chat-in", "title": "a title",
         "id": "chat-own", "request_id": "req-in", "edit": {"aggregate": "sum"}}
# Text no database can store, written as JSON escapes, plus raw bytes that are not UTF-8.
INVALID_TEXT = {"lone high surrogate": "a\ud800b", "lone low surrogate": "\udfff",
                "NUL": "a\x00b", "not UTF-8": b"\xff\xfe"}


def operations(client):
    spec = client.get("/openapi.json").get_json()
    for path, methods in spec["paths"].items():
        shared = methods.get("parameters", [])
        for method, operation in methods.items():
            if method != "parameters":
                yield spec, path, method.upper(), {**operation,
                                                   "parameters": shared + operation.get("parameters", [])}


def json_routes(client):
    """(method, path, schema) of every operation that takes a JSON body; a path parameter is
    an id of the right shape that names nothing."""
    for spec, path, method, operation in operations(client):
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            ref = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
            yield method, re.sub(r"\{\w+\}", "none", path), spec["components"]["schemas"][ref]


def valid_body(schema, file_id):
    body = {}
    for name in schema.get("required", []):
        assert name in VALID or name == "file_id", f"no valid example for required field {name!r}"
        body[name] = file_id if name == "file_id" else VALID[name]
    return body


def encode(body: dict, raw: bytes | None = None) -> bytes:
    """JSON with every non-ASCII character escaped; ``raw`` replaces the "@RAW@" marker."""
    data = json.dumps(body).encode()
    return data.replace(b"@RAW@", raw) if raw is not None else data


def nothing_written(client, file_id):
    assert client.get("/chats/chat-in").status_code == 404
    assert client.get("/chats/chat-own").status_code == 404
    assert client.get("/tasks/req-in").status_code == 404
    assert [f["id"] for f in client.get("/files").get_json()["files"]] == [file_id]


@pytest.mark.parametrize("kind", INVALID_TEXT)
def test_invalid_text_in_any_json_field_is_a_422_naming_it(client, sales, kind):
    value = INVALID_TEXT[kind]
    checked = 0
    for method, path, schema in json_routes(client):
        for name, prop in schema["properties"].items():
            if prop.get("type") != "string":
                continue
            body = {**valid_body(schema, sales["id"]), name: "@RAW@" if isinstance(value, bytes) else value}
            res = client.open(path, method=method, data=encode(body, value if isinstance(value, bytes) else None),
                              content_type="application/json")
            assert res.status_code == 422, (path, name, res.get_json())
            assert name in res.get_json()["errors"]["json"], (path, name)
            assert name in res.get_json()["message"]
            checked += 1
    assert checked >= 8  # prompt, file_id, chat_id, request_id, last_chart_id, title, id…
    # A key, too.
    res = client.post("/chats", data=encode({"file_id": sales["id"], "@RAW@": 1}, b"\xed\xa0\x80"),
                      content_type="application/json")
    assert res.status_code == 422
    nothing_written(client, sales["id"])


def test_the_reported_payloads(client, sales):
    res = client.post("/analyze", data=encode({"prompt": "revenue \ud800 by region", "file_id": sales["id"],
                                               "chat_id": "chat-in"}), content_type="application/json")
    assert res.status_code == 422 and "prompt" in res.get_json()["errors"]["json"]
    res = client.post("/chats", data=encode({"file_id": sales["id"], "title": "a\ud800b"}),
                      content_type="application/json")
    assert res.status_code == 422 and "title" in res.get_json()["errors"]["json"]
    deep = b'{"prompt":' + b"[" * 30_000 + b"]" * 30_000 + b"}"
    for path in ("/analyze", "/chats"):
        res = client.post(path, data=deep, content_type="application/json")
        assert res.status_code == 400 and "levels deep" in res.get_json()["message"]
    nothing_written(client, sales["id"])


@pytest.mark.parametrize("body", [
    b"[" * 33 + b"]" * 33,                                       # just past the bound
    b'{"prompt": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}",    # objects
    # brackets in a string do not count; after it they do
    b'{"prompt": "' + b"[" * 5000 + b'", "x": ' + b"[" * 40 + b"]" * 40 + b"}",
])
def test_deep_nesting_on_every_json_route_is_a_400(client, body):
    for method, path, _ in json_routes(client):
        res = client.open(path, method=method, data=body, content_type="application/json")
        assert res.status_code == 400, (path, res.get_json())
        assert "levels deep" in res.get_json()["message"]


def test_nesting_within_the_bound_reaches_the_schema(client, sales):
    inside = {"prompt": "total revenue by region", "file_id": sales["id"], "chat_id": "c",
              "extra": json.loads("[" * 31 + "]" * 31)}
    res = client.post("/analyze", json=inside)
    assert res.status_code == 422 and "extra" in res.get_json()["errors"]["json"]
    text = {"prompt": "[" * 1000 + " total revenue by region", "file_id": sales["id"], "chat_id": "c"}
    assert client.post("/analyze", json=text).status_code in (202, 503)  # brackets inside a string are text


@pytest.mark.parametrize("number", [b"1" * 5000, b"NaN", b"Infinity", b"-Infinity", b"1e999"])
def test_numbers_python_cannot_hold_are_a_400(client, number):
    for method, path, _schema in json_routes(client):
        res = client.open(path, method=method, data=b'{"x": ' + number + b"}", content_type="application/json")
        assert res.status_code == 400 and res.get_json()["message"] == "the body is not valid JSON", path


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", None])
def test_a_body_that_is_not_json_is_a_415(client, sales, content_type):
    for method, path, schema in json_routes(client):
        body = json.dumps(valid_body(schema, sales["id"]))
        res = client.open(path, method=method, data=body, content_type=content_type)
        assert res.status_code == 415, (path, content_type, res.get_json())
        assert "application/json" in res.get_json()["message"]
    nothing_written(client, sales["id"])


def test_nul_in_any_path_parameter_is_a_404(client, sales):
    checked = 0
    for _, path, method, _operation in operations(client):
        if "{" not in path:
            continue
        for bad in ("a%00b", "%00", "%ff%fe", "%ed%a0%80", "/x", "a//b", "%2F%2Fx"):
            url = path.split("{")[0] + bad + path.split("}")[1]
            res = client.open(url, method=method)
            assert res.status_code == 404 and res.is_json, (method, url, res.data[:200])
            assert res.get_json()["code"] == 404
            checked += 1
    assert checked >= 56
    assert client.get(f"/files/{sales['id']}").status_code == 200  # nothing was deleted


def test_query_parameters_take_text_and_ascii_digits_only(client):
    chat = "/chats/none/messages"
    checked = 0
    for _, path, _method, operation in operations(client):
        for param in operation.get("parameters", []):
            if param["in"] != "query":
                continue
            url = path.replace("{chat_id}", "none")
            res = client.get(f"{url}?{param['name']}=1%002")
            assert res.status_code == 422, (url, param["name"])
            assert param["name"] in res.get_json()["errors"]["query"]
            if param["schema"].get("type") == "integer":
                # Arabic-Indic and Devanagari one, full-width two, underscores, signs, spaces.
                for bad in ("١", "१", "２", "1_0", "+1", " 1", "1 ", "0x10", "1e2", ""):
                    res = client.get(url, query_string={param["name"]: bad})
                    assert res.status_code == 422, (url, param["name"], bad)
                    assert param["name"] in res.get_json()["errors"]["query"]
            checked += 1
    assert checked >= 4  # /files limit, cursor; messages after, limit
    assert client.get(chat, query_string={"after": "1"}).status_code == 404  # a plain integer is fine


@pytest.mark.parametrize("prompt", [" ", "   \t\n", "\x00", "\x00\x00", "\u200b\u200b", "\ufeff",
                                    "\u2060", "\u200f\u200e", "\u00a0\u3000", "\u200d\u200c "])
def test_a_prompt_with_nothing_to_read_is_refused(client, sales, prompt):
    res = client.post("/analyze", json={"prompt": prompt, "file_id": sales["id"], "chat_id": "chat-in",
                                        "request_id": "req-in"})
    assert res.status_code == 422, res.get_json()
    assert "prompt" in res.get_json()["errors"]["json"]
    nothing_written(client, sales["id"])


@pytest.mark.parametrize("field", ["chat_id", "request_id", "file_id", "last_chart_id"])
def test_ids_with_a_final_newline_are_refused(client, sales, field):
    body = {"prompt": "total revenue by region", "file_id": sales["id"], "chat_id": "chat-in",
            "request_id": "req-in", field: "abc\n"}
    res = client.post("/analyze", json=body)
    assert res.status_code == 422 and field in res.get_json()["errors"]["json"]
    res = client.post("/chats", json={"file_id": sales["id"], "id": "chat-own\n"})
    assert res.status_code == 422 and "id" in res.get_json()["errors"]["json"]
    nothing_written(client, sales["id"])


@pytest.mark.parametrize("name", ["a\x00b.csv", "\x00.csv"])
def test_an_upload_whose_name_is_not_text_is_refused(app, client, sales, name):
    with open(SALES_CSV, "rb") as fh:
        res = client.post("/files", data={"file": (fh, name, "text/csv")}, content_type="multipart/form-data")
    assert res.status_code == 400, res.get_json()
    assert "file name" in res.get_json()["message"] and "file" in res.get_json()["errors"]["files"]
    assert [f["id"] for f in client.get("/files").get_json()["files"]] == [sales["id"]]
    assert [p.name for p in (settings_of(app).data_dir / "files").iterdir()] == [sales["id"]]
