"""The states of an analysis task, and reading one.

queued ──publish fails──► enqueue_failed ──same request again──► queued
  │ (QStash delivers; the receiver claims it with a lease)
  ▼
processing ──answer stored──► completed
  │ ├─ the question cannot be answered ─► failed (one helpful message)
  │ └─ transient error ─► retrying ─► (next delivery claims it again)
  └─ QStash gives up (failure callback) ─► failed (one apology)

``submission`` moves a task up to queued; ``claims`` moves it from there on.
"""
from __future__ import annotations

from typing import Any

from datavis.store import rows
from datavis.store.tables import tasks

QUEUED, PROCESSING, RETRYING = "queued", "processing", "retrying"
COMPLETED, FAILED, ENQUEUE_FAILED = "completed", "failed", "enqueue_failed"
CLAIMABLE = (QUEUED, RETRYING, ENQUEUE_FAILED)
DONE = (COMPLETED, FAILED)


def get_task(request_id: str) -> dict[str, Any]:
    return rows.get(tasks, request_id, "task")
