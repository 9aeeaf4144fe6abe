"""Chart rows: the stored answer of a task (the only place chart rows are built and read),
and the plan state a follow-up builds on. Their images are ``chart_images``."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, select

from datavis import analysis
from datavis.services.ids import new_id
from datavis.store import rows
from datavis.store.tables import charts, utcnow


def get(chart_id: str) -> dict[str, Any]:
    return rows.get(charts, chart_id, "chart")


def new_row(task: dict[str, Any], answer: analysis.Answer) -> dict[str, Any]:
    """The chart row of a task's answer (stored with the answer message by ``claims``)."""
    return {"id": new_id("chart"), "chat_id": task["chat_id"], "file_id": task["file_id"],
            "request_id": task["request_id"], "chart_type": answer.chart_type,
            "title": answer.title, "spec": answer.spec, "data": answer.data, "sql": answer.sql,
            "plan": answer.plan, "state": answer.state, "insight": answer.insight,
            "alternatives": answer.alternatives, "created_at": utcnow()}


# Built once, filled with bind parameters (building a statement costs more than running it).
_STATE_OF_CHAT = select(charts.c.state).where(charts.c.chat_id == bindparam("chat"))
_STATE_OF_CHART = _STATE_OF_CHAT.where(charts.c.id == bindparam("chart"))
_LATEST_STATE = (_STATE_OF_CHAT.where(charts.c.request_id != bindparam("request"))
                 .order_by(charts.c.created_at.desc()).limit(1))


def previous_state(conn: Connection, task: dict[str, Any]) -> dict[str, Any] | None:
    """The plan state of the answer a follow-up builds on: the chart the frontend named
    (if it belongs to this chat), else the chat's latest chart. Read in the caller's
    transaction (the claim's: one transaction less per answer)."""
    if task.get("last_chart_id"):
        row = conn.execute(_STATE_OF_CHART, {"chat": task["chat_id"], "chart": task["last_chart_id"]}).first()
        if row or task.get("edit"):  # a revision changes that chart, no other
            return row[0] if row else None
    row = conn.execute(_LATEST_STATE, {"chat": task["chat_id"], "request": task["request_id"]}).first()
    return row[0] if row else None
