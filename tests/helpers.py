"""Helpers shared by test modules (imported, never copied): the QStash flow through the
app's test client (ask, capture QStash's delivery at API_URL, hand it to the receiver), signed
requests made with the local server's dev keys, CSV uploads of any content, reading
Server-Sent Events, and an answer's data next to a gold SQL result (`answer_rows`, `gold_rows`)."""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import jwt

from datavis.config import settings_of
from datavis.extensions import qstash
from datavis.qstash_dev.config import DEV_CURRENT_SIGNING_KEY
from datavis.qstash_dev.signing import body_hash, random_id, sign

PROCESS = "/internal/process-analysis_tasks"
FAILED = "/internal/analysis-failed"


SALES_CSV = Path(__file__).resolve().parent.parent / "datavis" / "sample_data" / "sales.csv"


def upload_csv(client, path: Path = SALES_CSV, name: str | None = None) -> dict:
    with open(path, "rb") as fh:
        res = client.post("/files", data={"file": (fh, name or path.name, "text/csv")},
                          content_type="multipart/form-data")
    assert res.status_code == 201, res.get_json()
    return res.get_json()


def reconfigure(app, **changes) -> None:
    """Give a running app other settings (as a restart with another environment would):
    ``reconfigure(app, QSTASH_URL=...)``; the QStash client is built again for them."""
    app.extensions["datavis.settings"] = settings_of(app).replace(changes)
    qstash.close(app)
    qstash.init_app(app)
    app.extensions.pop("datavis.health", None)  # forget the cached QStash check


def upload_bytes(client, content: bytes, name: str = "data.csv") -> dict:
    res = client.post("/files", data={"file": (io.BytesIO(content), name, "text/csv")},
                      content_type="multipart/form-data")
    assert res.status_code == 201, res.get_json()
    return res.get_json()


def forward(client, delivery):
    """Hand a delivery QStash made (captured at API_URL) to the app, byte for byte."""
    return client.post(delivery.path, data=delivery.body, headers={
        k: v for k, v in delivery.headers.items()
        if k.lower().startswith("upstash-") or k.lower() == "content-type"})


def signed_post(client, app, path, body: bytes, key=DEV_CURRENT_SIGNING_KEY, url=None, now=None,
                headers=None):
    """POST ``body`` to ``path`` signed as QStash signs (the local server's signer)."""
    token = sign(key, url or settings_of(app).public_url(path), body, now=now)
    return client.post(path, data=body, headers={"Upstash-Signature": token,
                                                 "Content-Type": "application/json", **(headers or {})})


def token_with(app, path: str, body: bytes, /, **claims) -> str:
    """A validly signed token (dev key) whose claims are QStash's with ``claims`` replacing
    or adding some: signed but hostile values."""
    now = int(time.time())
    payload = {"iss": "Upstash", "sub": settings_of(app).public_url(path), "iat": now, "nbf": 0,
               "exp": now + 300, "jti": random_id("jwt_"), "body": body_hash(body), **claims}
    return jwt.encode(payload, DEV_CURRENT_SIGNING_KEY, algorithm="HS256")


def accepted_question(client, file_id, prompt="total revenue by region", request_id="req-1",
                      chat_id="chat-1") -> dict:
    """POST /analyze and expect 202: the accepted answer."""
    res = client.post("/analyze", json={"prompt": prompt, "file_id": file_id,
                                        "chat_id": chat_id, "request_id": request_id})
    assert res.status_code == 202, res.get_json()
    return res.get_json()


def ask_through_qstash(client, wired, file_id: str, prompt: str, chat_id: str, request_id: str):
    """POST /analyze, wait for the local QStash server's signed delivery, hand it to the
    receiver: (receiver's answer, the delivery)."""
    res = client.post("/analyze", json={"prompt": prompt, "file_id": file_id, "chat_id": chat_id,
                                        "request_id": request_id})
    assert res.status_code == 202, res.get_json()
    delivery = delivery_of(wired, request_id)
    return forward(client, delivery), delivery


def delivery_of(wired, request_id: str):
    """QStash's (first) delivery of ``request_id``, waiting for it."""
    def mine():
        return [d for d in wired.calls(PROCESS) if json.loads(d.body)["request_id"] == request_id]
    while not mine():
        wired.wait_for(PROCESS, len(wired.calls(PROCESS)) + 1, timeout=30)
    return mine()[0]


def reply(client, chat_id: str, request_id: str) -> dict:
    """The one non-user message of ``request_id`` in the chat."""
    [found] = [m for m in client.get(f"/chats/{chat_id}/messages?limit=500").get_json()["messages"]
               if m["request_id"] == request_id and m["role"] != "user"]
    return found


def spec_fields(node, found=None) -> set[str]:
    """Every field name a Vega-Lite spec's encodings refer to (its inline data aside)."""
    found = set() if found is None else found
    if isinstance(node, dict):
        if isinstance(node.get("field"), str):
            found.add(node["field"])
        for key, value in node.items():
            if key != "data":
                spec_fields(value, found)
    elif isinstance(node, list):
        for item in node:
            spec_fields(item, found)
    return found


def check_chart(client, chart_id: str) -> dict:
    """A stored chart is sound: its spec is Vega-Lite v5 whose every field exists in its
    data, and it renders to PNG and SVG through the routes. Returns the chart."""
    res = client.get(f"/charts/{chart_id}")
    assert res.status_code == 200, res.get_json()
    chart = res.get_json()
    spec = chart["spec"]
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
    keys = {key for row in spec["data"]["values"] for key in row}
    assert spec_fields(spec) <= keys, (spec_fields(spec) - keys, keys)
    png = client.get(f"/charts/{chart_id}.png")
    assert png.status_code == 200 and png.data.startswith(b"\x89PNG\r\n\x1a\n"), png.data[:300]
    svg = client.get(f"/charts/{chart_id}.svg")
    assert svg.status_code == 200 and b"<svg" in svg.data[:200], svg.data[:300]
    return chart


def sse(chunks: Iterable[bytes | str]) -> Iterator[dict[str, Any]]:
    """The frames of a text/event-stream body, as they complete: ``{"id", "event", "data"}``
    (data parsed as JSON), ``{"comment": text}`` for keep-alives, ``{"retry": ms}``."""
    buffer = ""
    for chunk in chunks:
        buffer += chunk.decode() if isinstance(chunk, bytes) else chunk
        *blocks, buffer = buffer.split("\n\n")
        for block in blocks:
            frame: dict[str, Any] = {}
            for line in block.split("\n"):
                field, _, value = line.partition(":")
                value = value[1:] if value.startswith(" ") else value
                if field == "":
                    frame["comment"] = value
                elif field == "id":
                    frame["id"] = int(value)
                elif field == "event":
                    frame["event"] = value
                elif field == "data":
                    frame["data"] = json.loads(value)
                elif field == "retry":
                    frame["retry"] = int(value)
            yield frame


def events_only(frames: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Only the frames that are events (not keep-alives or the retry hint)."""
    return (frame for frame in frames if "event" in frame)


def _comparable(v: Any) -> Any:
    """A cell as both sides write it: floats rounded, dates and timestamps as their day."""
    if isinstance(v, float):
        return round(v, 6)
    if isinstance(v, (dt.date, dt.datetime)):
        return str(v)[:10]
    return str(v)[:10] if isinstance(v, str) and len(v) >= 10 and v[4] == "-" else v


def answer_rows(ans: Any) -> set[tuple]:
    """An analysis answer's data as (x, colour, y) tuples, for comparison with `gold_rows`."""
    f = ans.plan["data_fields"]
    keys = [k for k in (f["x"], f["color"], f["y"]) if k]
    return {tuple(_comparable(r[k]) for k in keys) for r in ans.data}


def gold_rows(con: Any, sql: str) -> set[tuple]:
    """The rows of a gold SQL query over a DuckDB connection, written as `answer_rows` writes them."""
    return {tuple(_comparable(v) for v in r) for r in con.execute(sql).fetchall()}


@contextlib.contextmanager
def ingested_views(root: Path, writers: Iterable[tuple[str, Callable[[Path], None]]]
                   ) -> Iterator[tuple[dict[str, Path], Any]]:
    """Each CSV written by its writer, ingested as a dataset under `root` and shown to one DuckDB
    connection as a view of its name (what gold queries read); closed and forgotten after."""
    import duckdb  # noqa: PLC0415

    from datavis.analysis import forget, ingest_csv  # noqa: PLC0415

    con = duckdb.connect()
    out: dict[str, Path] = {}
    try:
        for name, write in writers:
            path = root / f"{name}.csv"
            write(path)
            ingest_csv(path, root / name, name=name)
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_csv_auto('{path}')")
            out[name] = root / name
        yield out, con
    finally:
        con.close()
        for ds in out.values():
            forget(ds)


def dead_letter_after_task(entry: dict[str, Any]) -> bool:
    """An ops dead letter's time and its task's are written as the rest of the API writes them
    (``...Z``), and the letter died after its task was created."""
    at, created = entry["at"], entry["task"]["created_at"]
    if not (at.endswith("Z") and created.endswith("Z")):
        return False
    slack = dt.timedelta(seconds=1)  # QStash stamps in milliseconds
    return dt.datetime.fromisoformat(at[:-1]) + slack >= dt.datetime.fromisoformat(created[:-1])
