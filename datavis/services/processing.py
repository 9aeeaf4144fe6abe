"""What the QStash receiver does with one delivery: claim, analyse, answer — once."""
from __future__ import annotations

import dataclasses
import logging

import logfire
from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from datavis import analysis, metrics
from datavis.services import files, tasks

log = logging.getLogger("datavis")


@dataclasses.dataclass
class Result:
    outcome: str   # completed | duplicate | busy | unanswerable | unknown | retry
    detail: str = ""
    chart_id: str | None = None


def _settings() -> analysis.AnalysisSettings:
    c = current_app.config
    return analysis.AnalysisSettings(model=c["DATAVIS_MODEL"], timeout_seconds=c["ANALYSIS_TIMEOUT"],
                                     max_rows=c["ANALYSIS_MAX_ROWS"])


def _answer(task: dict) -> analysis.Answer:
    dataset = files.dataset_dir(task["file_id"])
    if not dataset.exists():
        raise analysis.Unanswerable("The dataset this chat is about has been deleted; "
                                    "upload it again and start a new chat.")
    previous = tasks.previous_state(task)
    if task.get("edit"):
        if previous is None:
            raise analysis.Unanswerable("The chart to change no longer exists; ask the question again.")
        return analysis.revise(dataset, previous, task["edit"], settings=_settings())
    return analysis.answer(dataset, task["prompt"], previous=previous,
                           is_follow_up=task["is_follow_up"], settings=_settings())


def process(request_id: str, qstash_message_id: str | None) -> Result:
    """Claim the task, answer it and store the answer, or say why not (see Result)."""
    try:
        result = _process(request_id, qstash_message_id)
    except Exception:
        metrics.delivery("error")
        raise
    metrics.delivery(result.outcome)
    return result


def _process(request_id: str, qstash_message_id: str | None) -> Result:
    claim = tasks.claim(request_id, qstash_message_id)
    if claim.outcome == "unknown":
        return Result("unknown", f"no task {request_id!r}")
    if claim.outcome == "done":
        return Result("duplicate", f"task already {claim.task['status']}", claim.task["chart_id"])
    if claim.outcome == "busy":
        return Result("busy", "another delivery is processing this task")
    task = claim.task
    try:
        with logfire.span("run analysis", request_id=request_id, chat_id=task["chat_id"],
                          message_id=qstash_message_id, attempt=claim.token), metrics.analysis_timer():
            answer = _answer(task)
        chart_id = tasks.complete(claim, answer)
    except analysis.Unanswerable as exc:
        try:
            failed = tasks.fail_permanently(claim, str(exc))
        except SQLAlchemyError:
            return _database_down(claim)
        if failed:
            return Result("unanswerable", str(exc))
        return Result("busy", "lost the claim while failing")
    except analysis.TransientAnalysisError as exc:
        log.warning("task %s: transient failure, QStash will retry: %s", request_id, exc)
        _release(claim, f"temporary failure: {exc}")
        return Result("retry", str(exc))
    except SQLAlchemyError:
        return _database_down(claim)
    except Exception:
        log.exception("task %s: analysis crashed", request_id)
        _release(claim, "internal error")
        raise
    if chart_id is None:
        return Result("busy", "lost the claim before storing the answer")
    metrics.answered(task["created_at"])
    return Result("completed", chart_id=chart_id)


def _database_down(claim: tasks.Claim) -> Result:
    log.warning("task %s: database failure, QStash will retry", claim.task["request_id"],
                exc_info=True)
    _release(claim, "temporary failure: the database was unavailable")
    return Result("retry", "database unavailable")


def _release(claim: tasks.Claim, error: str) -> None:
    """Give the task back at once, so QStash's next delivery need not wait for the lease.
    (If even that fails, the lease runs out and a later delivery takes it over.)"""
    try:
        tasks.release(claim, error)
    except SQLAlchemyError:
        log.warning("task %s: could not release the claim; it expires with its lease",
                    claim.task["request_id"])
