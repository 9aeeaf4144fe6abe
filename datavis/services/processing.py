"""What the QStash receiver does with one delivery: claim, analyse, answer — once."""
from __future__ import annotations

import dataclasses
import logging

import logfire
from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from datavis import analysis
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
    return analysis.answer(dataset, task["prompt"], previous=tasks.previous_state(task),
                           is_follow_up=task["is_follow_up"], settings=_settings())


def process(request_id: str, qstash_message_id: str | None) -> Result:
    claim = tasks.claim(request_id, qstash_message_id)
    if claim.outcome == "unknown":
        return Result("unknown", f"no task {request_id!r}")
    if claim.outcome == "done":
        return Result("duplicate", f"task already {claim.task['status']}")
    if claim.outcome == "busy":
        return Result("busy", "another delivery is processing this task")
    task = claim.task
    with logfire.span("run analysis", request_id=request_id, chat_id=task["chat_id"],
                      message_id=qstash_message_id, attempt=claim.token):
        try:
            answer = _answer(task)
        except analysis.Unanswerable as exc:
            if tasks.fail_permanently(claim, str(exc)):
                return Result("unanswerable", str(exc))
            return Result("busy", "lost the claim while failing")
        except (analysis.TransientAnalysisError, SQLAlchemyError) as exc:
            log.warning("task %s: transient failure, QStash will retry: %s", request_id, exc)
            tasks.release(claim, f"{type(exc).__name__}: {exc}")
            return Result("retry", str(exc))
        except Exception as exc:
            log.exception("task %s: analysis crashed", request_id)
            tasks.release(claim, f"{type(exc).__name__}: {exc}")
            raise
    chart_id = tasks.complete(claim, answer)
    if chart_id is None:
        return Result("busy", "lost the claim before storing the answer")
    return Result("completed", chart_id=chart_id)
