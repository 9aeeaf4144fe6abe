"""Datasets: upload, read, list, delete; bad uploads get a clear 4xx and leave nothing."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import SALES_CSV


def post_file(client, content: bytes, name="data.csv", mimetype="text/csv"):
    return client.post("/files", data={"file": (io.BytesIO(content), name, mimetype)},
                       content_type="multipart/form-data")


def leftovers(app) -> list[str]:
    root = Path(app.config["DATA_DIR"])
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
    ("name,city\nZoë,Köln\n".encode("latin-1"), "latin1.csv", "text/csv", 400, "UTF-8"),
    (b"a,b\n1,2\n", "data.png", "image/png", 415, "CSV"),
    (b"a,b,c\n1,2,3\n4,5\n6,7,8,9\n", "ragged.csv", "text/csv", 400, "row"),
])
def test_bad_uploads_leave_nothing(client, app, content, name, mimetype, status, words):
    res = post_file(client, content, name, mimetype)
    assert res.status_code == status, res.get_json()
    assert words.lower() in res.get_json()["message"].lower()
    assert client.get("/files").get_json()["files"] == []
    assert leftovers(app) == []


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
    app.config.update(limit)
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
