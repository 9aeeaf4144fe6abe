"""What the RQ worker runs: the QStash receiver's processing, with RQ as the transport.

``run`` is one delivery: it returns when the task is settled (answered, unanswerable, or
already done) and raises to have RQ retry it (a transient failure, or another worker holding
the claim), as the receiver answers 5xx/409 to have QStash retry. ``on_failure`` is the
failure callback: RQ calls it after every failed attempt (and for a job abandoned by a
killed worker), so it apologises only when no retry is left.
"""
from __future__ import annotations

import logging
from typing import Any

from datavis import metrics
from datavis.services import receiving

log = logging.getLogger("datavis")


class RetryLater(Exception):
    """The task could not be settled now; RQ retries it on its schedule."""


def run(request_id: str) -> dict[str, Any]:
    from rq import get_current_job

    job = get_current_job()
    result = receiving.process(request_id, job.id if job else None)
    if result.outcome in ("retry", "busy"):
        raise RetryLater(f"{result.outcome}: {result.detail}")
    return {"status": result.outcome, "request_id": request_id, "chart_id": result.chart_id,
            "detail": result.detail}


def on_failure(job, connection, exc_type, exc_value, traceback) -> None:
    if job.retries_left:
        log.warning("task %s: attempt failed (%s: %s); RQ retries it", job.args[0],
                    exc_type.__name__, exc_value)
        return
    request_id = job.args[0]
    reason = f"RQ gave up after its retries (last error: {exc_type.__name__}: {exc_value})"
    if receiving.fail_finally(request_id, reason):
        metrics.task_failed()
        log.warning("task %s failed for good: %s", request_id, reason)
