"""Charts: the stored answer of a task (the only place chart rows are built and read), and
its server-side rendering (vl-convert).

Images are rendered once and kept under ``DATA_DIR/charts``; so is a failure: a spec that
cannot be rendered is not rendered again on every request (``<id>.<fmt>.failed`` holds why).
"""
from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select

from datavis import analysis, config, observability
from datavis.errors import RenderFailed
from datavis.services.ids import new_id
from datavis.store import db, rows
from datavis.store.tables import charts, utcnow

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
FAILED = ".failed"
log = logging.getLogger("datavis")


def get_chart(chart_id: str) -> dict[str, Any]:
    return rows.get(charts, chart_id, "chart")


def new_row(task: dict[str, Any], answer: analysis.Answer) -> dict[str, Any]:
    """The chart row of a task's answer (stored with the answer message by ``claims``)."""
    return {"id": new_id("chart"), "chat_id": task["chat_id"], "file_id": task["file_id"],
            "request_id": task["request_id"], "chart_type": answer.chart_type,
            "title": answer.title, "spec": answer.spec, "data": answer.data, "sql": answer.sql,
            "plan": answer.plan, "state": answer.state, "insight": answer.insight,
            "alternatives": answer.alternatives, "created_at": utcnow()}


def previous_state(task: dict[str, Any]) -> dict[str, Any] | None:
    """The plan state of the answer a follow-up builds on: the chart the frontend named
    (if it belongs to this chat), else the chat's latest chart."""
    query = select(charts.c.state).where(charts.c.chat_id == task["chat_id"])
    with db.read() as conn:
        if task.get("last_chart_id"):
            row = conn.execute(query.where(charts.c.id == task["last_chart_id"])).first()
            if row or task.get("edit"):  # a revision changes that chart, no other
                return row[0] if row else None
        row = conn.execute(query.where(charts.c.request_id != task["request_id"])
                           .order_by(charts.c.created_at.desc()).limit(1)).first()
    return row[0] if row else None


def _images() -> Path:
    return config.current().data_dir / "charts"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as tmp:
        tmp.write(data)
    os.replace(tmp.name, path)  # atomic: a concurrent reader sees all of it or nothing


def render(chart_id: str, fmt: Literal["png", "svg"]) -> bytes:
    """The chart as PNG or SVG, rendered once and kept next to the datasets."""
    chart = get_chart(chart_id)
    path = _images() / f"{chart_id}.{fmt}"
    failed = path.with_name(path.name + FAILED)
    if path.exists():
        return path.read_bytes()
    if not failed.exists():
        with observability.span("render chart", chart_id=chart_id, format=fmt):
            try:
                data = analysis.render(chart["spec"], fmt)
            except ValueError as exc:  # vl-convert's errors: the spec will not get better
                log.error("chart %s cannot be rendered as %s: %s", chart_id, fmt, exc)
                _write(failed, " ".join(str(exc).splitlines()[:2])[:300].encode())
            else:
                _write(path, data)
                return data
    raise RenderFailed(f"chart {chart_id!r} cannot be rendered as {fmt}: {failed.read_text()}")


def forget_images(chart_ids: Iterable[str]) -> None:
    """Remove the rendered images (and recorded failures) of these charts."""
    folder = _images()
    for chart_id in chart_ids:
        for fmt in FORMATS:
            for path in (folder / f"{chart_id}.{fmt}", folder / f"{chart_id}.{fmt}{FAILED}"):
                path.unlink(missing_ok=True)
