"""What the QStash receiver does with one delivery: claim, analyse, answer — once."""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from datavis import analysis, config, metrics, observability
from datavis.domain_errors import Unauthorized
from datavis.services import claims, datasets
from datavis.services.claims import Claim, Refused, fail_finally

__all__ = ["Result", "fail_finally", "process"]

log = logging.getLogger("datavis")


@dataclasses.dataclass
class Result:
    outcome: str   # completed | duplicate | busy | unanswerable | unknown | retry
    detail: str = ""
    chart_id: str | None = None


def _settings() -> analysis.AnalysisSettings:
    s = config.current()
    return analysis.AnalysisSettings(model=s.datavis_model, timeout_seconds=s.analysis_timeout,
                                     max_rows=s.analysis_max_rows)


def _answer(held: Claim) -> analysis.Answer:
    task, previous = held.task, held.previous
    dataset = datasets.dataset_dir(task["file_id"])
    if not dataset.exists():
        raise analysis.Unanswerable("The dataset this chat is about has been deleted; "
                                    "upload it again and start a new chat.")
    if task.get("edit"):
        if previous is None:
            raise analysis.Unanswerable("The chart to change no longer exists; ask the question again.")
        return analysis.revise(dataset, previous, task["edit"], settings=_settings())
    return analysis.answer(dataset, task["prompt"], previous=previous,
                           is_follow_up=task["is_follow_up"], settings=_settings())


def _refused(refusal: Refused, request_id: str) -> Result:
    if refusal.reason == "unknown" or refusal.task is None:
        return Result("unknown", f"no task {request_id!r}")
    if refusal.reason == "done":
        return Result("duplicate", f"task already {refusal.task['status']}", refusal.task["chart_id"])
    return Result("busy", "another delivery is processing this task")


def process(request_id: str, qstash_message_id: str | None,
            first: Callable[[Connection], None] | None = None) -> Result:
    """Claim the task, answer it and store the answer, or say why not (see Result).

    ``first`` runs in the claim's transaction, before it (see ``claims.claim``)."""
    try:
        result = _process(request_id, qstash_message_id, first)
    except Unauthorized:
        raise  # refused by ``first`` (a replay): not a delivery
    except Exception:
        metrics.delivery("error")
        raise
    metrics.delivery(result.outcome)
    return result


def _process(request_id: str, qstash_message_id: str | None,
             first: Callable[[Connection], None] | None) -> Result:
    held = claims.claim(request_id, qstash_message_id, first)
    if isinstance(held, Refused):
        return _refused(held, request_id)
    try:
        with observability.span("run analysis", request_id=request_id, chat_id=held.task["chat_id"],
                                message_id=qstash_message_id, attempt=held.token), metrics.analysis_timer():
            answer = _answer(held)
        chart_id = claims.complete(held, answer)
    except analysis.Unanswerable as exc:
        return _unanswerable(held, str(exc))
    except analysis.TransientAnalysisError as exc:
        log.warning("task %s: transient failure, QStash will retry: %s", request_id, exc)
        _release(held, f"temporary failure: {exc}")
        return Result("retry", str(exc))
    except SQLAlchemyError:
        return _database_down(held)
    except Exception:
        log.exception("task %s: analysis crashed", request_id)
        _release(held, "internal error")
        raise
    if chart_id is None:
        return Result("busy", "lost the claim before storing the answer")
    metrics.answered(held.task["created_at"])
    return Result("completed", chart_id=chart_id)


def _unanswerable(held: Claim, reason: str) -> Result:
    try:
        failed = claims.fail_permanently(held, reason)
    except SQLAlchemyError:
        return _database_down(held)
    return Result("unanswerable", reason) if failed else Result("busy", "lost the claim while failing")


def _database_down(held: Claim) -> Result:
    log.warning("task %s: database failure, QStash will retry", held.task["request_id"], exc_info=True)
    _release(held, "temporary failure: the database was unavailable")
    return Result("retry", "database unavailable")


def _release(held: Claim, error: str) -> None:
    """Give the task back at once, so QStash's next delivery need not wait for the lease.
    (If even that fails, the lease runs out and a later delivery takes it over.)"""
    try:
        claims.release(held, error)
    except SQLAlchemyError:
        log.warning("task %s: could not release the claim; it expires with its lease",
                    held.task["request_id"])
