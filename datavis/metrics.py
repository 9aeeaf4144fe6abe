"""Prometheus metrics: one small function per event, called from the code where it happens.

Across processes (gunicorn's workers, RQ workers) the counters and histograms use
prometheus_client's **multiprocess mode**: each process writes its values to memory-mapped
files in ``PROMETHEUS_MULTIPROC_DIR`` (default ``DATA_DIR/metrics``, so the app and its RQ
workers share it when they share DATA_DIR) and ``/metrics`` adds them up at scrape time.
Tasks in each status are read from the database at scrape time (every instance sees the
same figures). Under tests (``TESTING``), one in-process registry.

The mode is chosen when prometheus_client is first imported, so ``init_app`` sets the
directory before importing it; nothing else in the app imports prometheus_client earlier.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flask import Flask, g

from datavis.config import settings_of

log = logging.getLogger("datavis")
ENV = "PROMETHEUS_MULTIPROC_DIR"
# Seconds: an analysis takes milliseconds to a model's tens of seconds; an answer, longer.
ANALYSIS_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
ANSWER_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 7200)
_m: dict[str, Any] = {}


def use_shared_dir(data_dir: Path) -> None:
    """Multiprocess mode in ``PROMETHEUS_MULTIPROC_DIR``, by default ``DATA_DIR/metrics``
    (gunicorn's master calls this too, so that its workers inherit it and ``child_exit``
    finds their files)."""
    if ENV not in os.environ:
        if "prometheus_client" in sys.modules:
            log.warning("prometheus_client was imported before %s was set: "
                        "/metrics shows this process only", ENV)
            return
        os.environ[ENV] = str(Path(data_dir) / "metrics")
    Path(os.environ[ENV]).mkdir(parents=True, exist_ok=True)


def init_app(app: Flask) -> None:
    """Choose the mode, create the metrics once per process, count busy request threads."""
    if not _m:
        if not app.config.get("TESTING") or os.environ.get(ENV):
            use_shared_dir(settings_of(app).data_dir)
        _create()

    @app.before_request
    def _busy() -> None:
        _m["busy"].inc()
        g.metrics_busy = True

    @app.teardown_request
    def _free(_exc: BaseException | None) -> None:
        if g.pop("metrics_busy", False):
            _m["busy"].dec()


def _create() -> None:
    from prometheus_client import Counter, Gauge, Histogram

    _m.update(
        accepted=Counter("datavis_tasks_accepted", "Tasks recorded (a new request_id)"),
        settled=Counter("datavis_tasks_settled", "Tasks settled, by outcome "
                        "(completed, unanswerable, failed)", ["outcome"]),
        enqueue_failed=Counter("datavis_tasks_enqueue_failed", "Publishes the queue refused or "
                               "could not take", ["backend"]),
        attempts=Counter("datavis_delivery_attempts", "Deliveries of a task to the receiver or "
                         "the RQ worker, by outcome", ["outcome"]),
        duplicates=Counter("datavis_delivery_duplicates", "Deliveries of a task already settled"),
        rejected=Counter("datavis_signature_rejections", "Internal requests refused for their "
                         "Upstash-Signature"),
        analysis=Histogram("datavis_analysis_seconds", "Time to analyse one task (one attempt)",
                           buckets=ANALYSIS_BUCKETS),
        answer=Histogram("datavis_time_to_answer_seconds", "From the accepted request to its "
                         "answer stored", buckets=ANSWER_BUCKETS),
        busy=Gauge("datavis_http_threads_busy", "Request threads serving a request now "
                   "(gunicorn threads busy, summed over workers)", multiprocess_mode="livesum"),
    )


# ---------------------------------------------------------------- events (one call each)
def task_accepted() -> None:
    _m["accepted"].inc()


def enqueue_failed(backend: str) -> None:
    _m["enqueue_failed"].labels(backend).inc()


def delivery(outcome: str) -> None:
    """One delivery attempt ended with ``processing.Result.outcome`` (or "error")."""
    _m["attempts"].labels(outcome).inc()
    if outcome == "duplicate":
        _m["duplicates"].inc()
    if outcome in ("completed", "unanswerable"):
        _m["settled"].labels(outcome).inc()


def task_failed() -> None:
    """The queue gave up on a task: its one apology was posted."""
    _m["settled"].labels("failed").inc()


def signature_rejected() -> None:
    _m["rejected"].inc()


@contextmanager
def analysis_timer() -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        _m["analysis"].observe(time.perf_counter() - started)


def answered(created_at) -> None:
    """The answer of a task accepted at ``created_at`` (naive UTC, as stored) is stored."""
    from datavis.store.tables import utcnow
    _m["answer"].observe(max(0.0, (utcnow() - created_at).total_seconds()))


# ---------------------------------------------------------------- the scrape
def exposition() -> tuple[bytes, str]:
    """The metrics in Prometheus' text format: every process's (multiprocess mode) or this
    one's, plus the tasks by status from the database."""
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

    if os.environ.get(ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        for collector in list(REGISTRY._collector_to_names):
            registry.register(collector)
    registry.register(_TasksByStatus())
    return generate_latest(registry), CONTENT_TYPE_LATEST


class _TasksByStatus:
    def collect(self):
        from prometheus_client.core import GaugeMetricFamily
        from sqlalchemy import func, select

        from datavis.store import db
        from datavis.store.tables import tasks

        family = GaugeMetricFamily("datavis_tasks", "Tasks in each status now (from the database)",
                                   labels=["status"])
        counts = {status: 0 for status in ("queued", "processing", "retrying", "completed",
                                           "failed", "enqueue_failed")}
        with db.read() as conn:
            counts.update(conn.execute(select(tasks.c.status, func.count())
                                       .group_by(tasks.c.status)).all())
        for status, count in sorted(counts.items()):
            family.add_metric([status], count)
        yield family


def mark_process_dead(pid: int) -> None:
    """gunicorn's child_exit: drop a dead worker's live gauges (busy threads)."""
    if os.environ.get(ENV):
        from prometheus_client import multiprocess
        multiprocess.mark_process_dead(pid)
