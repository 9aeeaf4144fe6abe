"""Datasets: upload, read, list, delete; bad uploads get a clear 4xx and leave nothing."""
from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from datavis.config import settings_of
from tests.helpers import SALES_CSV, ask_through_qstash, delivery_of, forward, reconfigure, upload_bytes

SHARE_QSTASH_DEV = True  # one local QStash server for the module (tests/conftest.py)


def post_file(client, content: bytes, name="data.csv", mimetype="text/csv"):
    return client.post("/files", data={"file": (io.BytesIO(content), name, mimetype)},
                       content_type="multipart/form-data")


def leftovers(app) -> list[str]:
    root = settings_of(app).data_dir
    return [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()
            and not p.name.startswith("datavis.sqlite3")]


def test_upload_read_list_delete(client, app):
    res = post_file(client, SALES_CSV.read_bytes(), name="sales.csv")
    assert res.status_code == 201
    file = res.get_json()
    assert file["id"].startswith("file_") and file["name"] == "sales.csv"
    assert file["row_count"] == 2400
    names = [c["name"] for c in file["columns"]]
    assert names == ["order_id", "order_date", "region", "category", "product",
                     "customer_segment", "units", "unit_price", "revenue", "profit"]
    types = {c["name"]: c["type"] for c in file["columns"]}
    assert types["order_date"] == "date" and types["revenue"] == "number"
    assert types["region"] == "text" and types["units"] == "integer"
    detail = client.get(f"/files/{file['id']}").get_json()
    assert len(detail["sample_rows"]) >= 5
    assert detail["sample_rows"][0]["order_id"] == "SO-10001"
    assert [f["id"] for f in client.get("/files").get_json()["files"]] == [file["id"]]
    assert client.delete(f"/files/{file['id']}").status_code == 204
    assert client.get(f"/files/{file['id']}").status_code == 404
    assert client.delete(f"/files/{file['id']}").status_code == 404
    assert leftovers(app) == []


@pytest.mark.parametrize("content, name, mimetype, status, words", [
    (b"", "empty.csv", "text/csv", 400, "empty"),
    (b"a,b\n", "header_only.csv", "text/csv", 400, "no data rows"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image.csv", "text/csv", 400, "CSV"),
    (b"name,city\nZo\x81,K\x8dln\n", "neither.csv", "text/csv", 400, "UTF-8"),
    (b"a,b\n1,2\n", "data.png", "image/png", 415, "CSV"),
    (b"a,b,c\n1,2,3\n4,5\n6,7,8,9\n", "ragged.csv", "text/csv", 400, "row"),
])
def test_bad_uploads_leave_nothing(client, app, content, name, mimetype, status, words):
    res = post_file(client, content, name, mimetype)
    assert res.status_code == status, res.get_json()
    assert words.lower() in res.get_json()["message"].lower()
    assert client.get("/files").get_json()["files"] == []
    assert leftovers(app) == []


def test_an_excel_csv_in_windows_1252_is_read(client, app):
    """Excel on Windows saves "CSV" in Windows-1252: read as such, stored as UTF-8, no copy left behind."""
    res = post_file(client, "name,city,amount\nZoë,Köln,€5\nRenée,Zürich,€7\n".encode("cp1252"))
    assert res.status_code == 201, res.get_json()
    rows = client.get(f"/files/{res.get_json()['id']}").get_json()["sample_rows"]
    assert [(r["name"], r["city"], r["amount"]) for r in rows] == [("Zoë", "Köln", 5), ("Renée", "Zürich", 7)]
    assert sorted(Path(p).name for p in leftovers(app)) == ["data.duckdb", "profile.json"]


def test_missing_file_field(client):
    res = client.post("/files", data={}, content_type="multipart/form-data")
    assert res.status_code == 422 and "file" in res.get_json()["errors"]["files"]


def test_oversized_upload(client, app):
    # (Kept under 500 KB: Werkzeug's test client spools larger bodies to a temp file that
    # it does not close when the app refuses the body unread.)
    app.config["MAX_CONTENT_LENGTH"] = 100 * 1024
    content = b"a,b\n" + b"1,2\n" * 50_000
    res = post_file(client, content)
    assert res.status_code == 413
    assert "100 KB" in res.get_json()["message"]
    assert leftovers(app) == []


@pytest.mark.parametrize("limit, content, words", [
    ({"CSV_MAX_ROWS": 3}, b"a,b\n" + b"1,2\n" * 4, "rows"),
    ({"CSV_MAX_COLUMNS": 3}, b"a,b,c,d\n1,2,3,4\n", "columns"),
    ({"CSV_MAX_LINE_BYTES": 50}, b"a,b\n1," + b"x" * 80 + b"\n", "line"),
    ({"CSV_MAX_CELL_CHARS": 10}, b"a,b\n1,\"" + b"y" * 20 + b"\"\n", "cell"),
])
def test_csv_limits(client, app, limit, content, words):
    reconfigure(app, **limit)
    res = post_file(client, content)
    assert res.status_code == 400
    assert words in res.get_json()["message"].lower()
    assert leftovers(app) == []


def test_formula_cells_are_neutralised(client):
    content = b"name,note,amount\nAda,=HYPERLINK(\"http://evil\"),5\nBob,@SUM(A1),-3\nCy,+1+1,2\n"
    file = post_file(client, content).get_json()
    rows = client.get(f"/files/{file['id']}").get_json()["sample_rows"]
    assert [r["note"] for r in rows] == ["'=HYPERLINK(\"http://evil\")", "'@SUM(A1)", "'+1+1"]
    assert [r["amount"] for r in rows] == [5, -3, 2]  # numbers stay numbers


def test_export_formats_are_read_as_numbers_and_times(client):
    """What spreadsheets and apps export: zoned ISO timestamps, European decimal commas, dashes for
    nothing, a unit after each number, clock-read durations — uploaded, typed, and answerable."""
    content = ("id,Created At,Betrag,Refund,Rating,Duration\n"
               "1,2025-03-31T14:05:00Z,\"€1.234,50\",($120.00),4.5/5,1:05:30\n"
               "2,2025-04-01T09:15:00+02:00,\"980,00 €\",-,3/5,0:45:00\n"
               "3,2025-04-15T16:45:00Z,\"€2.100,75\",\"$1,050.00\",5/5,2:10:00\n").encode()
    res = post_file(client, content)
    assert res.status_code == 201, res.get_json()
    detail = client.get(f"/files/{res.get_json()['id']}").get_json()
    types = {c["name"]: c["type"] for c in detail["columns"]}
    assert types == {"id": "integer", "Created At": "datetime", "Betrag": "number", "Refund": "number",
                     "Rating": "number", "Duration": "number"}
    first, second = detail["sample_rows"][:2]
    assert first["Created At"] == "2025-03-31 14:05:00" and second["Created At"] == "2025-04-01 07:15:00"  # UTC
    assert (first["Betrag"], second["Betrag"]) == (1234.5, 980.0)
    assert (first["Refund"], second["Refund"]) == (-120.0, None)
    assert (first["Rating"], first["Duration"], second["Duration"]) == (4.5, 65.5, 45.0)


def _open_paths() -> set[str]:
    """Files this process holds open (the test client runs the app in this process)."""
    fds = Path("/proc/self/fd")
    found = set()
    for fd in fds.iterdir():
        with contextlib.suppress(OSError):  # closed meanwhile
            found.add(os.readlink(fd))
    return found


def test_deleting_a_dataset_removes_everything_derived_from_it(client, app, sales, wired):
    """Contract 6: its chats, messages, tasks, charts, rendered images and open connection
    go; another dataset's stay; a task of it delivered later is acknowledged, writing nothing."""
    other = upload_bytes(client, b"region,sales\nWest,10\nEast,20\n", "other.csv")
    answered, _ = ask_through_qstash(client, wired, sales["id"], "total revenue by region", "chat-a", "req-a")
    chart_id = answered.get_json()["chart_id"]
    unanswerable, _ = ask_through_qstash(client, wired, sales["id"], "what is the meaning of life?", "chat-b", "req-b")
    assert unanswerable.status_code == 489
    kept, _ = ask_through_qstash(client, wired, other["id"], "total sales by region", "chat-o", "req-o")
    kept_chart = kept.get_json()["chart_id"]
    # A question still in flight when the file goes.
    assert client.post("/analyze", json={"prompt": "average profit by category", "file_id": sales["id"],
                                         "chat_id": "chat-a", "request_id": "req-late"}).status_code == 202
    late = delivery_of(wired, "req-late")
    for fmt in ("png", "svg"):
        assert client.get(f"/charts/{chart_id}.{fmt}").status_code == 200
        assert client.get(f"/charts/{kept_chart}.{fmt}").status_code == 200
    images = settings_of(app).data_dir / "charts"
    dataset = settings_of(app).data_dir / "files" / sales["id"]
    assert any(str(dataset) in path for path in _open_paths())  # its connection is cached

    assert client.delete(f"/files/{sales['id']}").status_code == 204

    for url in (f"/files/{sales['id']}", "/chats/chat-a", "/chats/chat-a/messages", "/chats/chat-b",
                f"/charts/{chart_id}", f"/charts/{chart_id}.png", f"/charts/{chart_id}.svg",
                "/tasks/req-a", "/tasks/req-b", "/tasks/req-late"):
        assert client.get(url).status_code == 404, url
    assert sorted(p.name for p in images.iterdir()) == [f"{kept_chart}.png", f"{kept_chart}.svg"]
    assert not dataset.exists()
    assert not any(str(dataset) in path for path in _open_paths())
    # The other dataset is untouched.
    assert [m["role"] for m in client.get("/chats/chat-o/messages").get_json()["messages"]] == ["user", "assistant"]
    assert client.get(f"/charts/{kept_chart}.png").status_code == 200
    # The task delivered after the deletion: acknowledged for good, nothing written.
    res = forward(client, late)
    assert res.status_code == 489 and res.headers["Upstash-NonRetryable-Error"] == "true"
    assert client.get("/chats/chat-a").status_code == 404
    assert client.get("/tasks/req-late").status_code == 404
    # Nothing can be attached to it any more.
    assert client.post("/chats", json={"file_id": sales["id"]}).status_code == 404
    assert client.post("/analyze", json={"prompt": "total revenue by region", "file_id": sales["id"],
                                         "chat_id": "chat-a"}).status_code == 404


def test_files_are_listed_a_page_at_a_time(client):
    """Contract 5: newest first, ``limit`` (default 100, at most 500) and an opaque cursor;
    a file uploaded while paging shows up on no later page, none is skipped or repeated."""
    made = [upload_bytes(client, f"n,v\nx,{i}\n".encode(), f"f{i}.csv")["id"] for i in range(5)]
    seen, cursor, pages = [], None, 0
    while True:
        res = client.get("/files", query_string={"limit": 2, **({"cursor": cursor} if cursor else {})})
        assert res.status_code == 200
        page = res.get_json()
        assert len(page["files"]) <= 2
        seen += [f["id"] for f in page["files"]]
        pages += 1
        if pages == 1:
            upload_bytes(client, b"n,v\nx,9\n", "newer.csv")
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == made[::-1] and pages == 3
    everything = client.get("/files").get_json()
    assert len(everything["files"]) == 6 and everything["next_cursor"] is None
    assert len(client.get("/files?limit=500").get_json()["files"]) == 6
    for params in ({"limit": 0}, {"limit": 501}, {"limit": "ten"}, {"limit": "٣"}, {"cursor": "nope"},
                   {"cursor": "bm90IGEgY3Vyc29y"}, {"cursor": ""}):
        res = client.get("/files", query_string=params)
        assert res.status_code == 422, params
        assert set(res.get_json()["errors"]["query"]) == set(params)
