"""``flask --app datavis worker``: the RQ worker of the rollback backend.

One process runs one task at a time, in the process itself (RQ's SimpleWorker: no fork per
job, so the app, its database pool and the open datasets are reused). Run more processes for
more parallelism. RQ's scheduler runs inside, for the retries' waits. A worker killed
mid-task leaves its job in RQ's started registry; the next worker's maintenance finds it
abandoned, calls the failure callback (which apologises only when no retry is left) and
retries it, and the task's claim makes sure it is answered once.

RQ's worker quits when Redis goes away under it (a restart, a failover); this command then
waits for Redis and starts a new one, so a Redis restart needs no process manager.
"""
from __future__ import annotations

import logging
import signal
import time

import click
from flask import Flask

from datavis import config

log = logging.getLogger("datavis")


def init_app(app: Flask) -> None:
    @app.cli.command("worker")
    @click.option("--burst", is_flag=True, help="stop once the queue is empty (to drain it)")
    def worker(burst: bool) -> None:
        """Run an RQ worker for the analysis tasks (QUEUE_BACKEND=rq)."""
        from redis.exceptions import RedisError
        from rq import SimpleWorker

        from datavis.queueing import redis_queue

        s = config.current()
        while True:
            rq_worker = SimpleWorker([redis_queue.queue()], connection=redis_queue.connection(),
                                     maintenance_interval=s.rq_maintenance_seconds,
                                     worker_ttl=s.rq_worker_ttl,
                                     # A killed worker's job counts as abandoned 60 s after its
                                     # last heartbeat, taken this often while it runs.
                                     job_monitoring_interval=min(30, s.rq_worker_ttl - 15))
            try:
                rq_worker.work(burst=burst, with_scheduler=True, logging_level=s.log_level)
            except RedisError as exc:
                log.warning("RQ worker stopped on a Redis error: %s", exc)
            if burst or rq_worker._shutdown_requested_date is not None:
                return  # drained, or asked to stop (SIGTERM / SIGINT)
            if not _wait_for_redis(redis_queue.connection()):
                return


def _wait_for_redis(connection) -> bool:
    """Wait until Redis answers again (True), or until asked to stop (False)."""
    from redis.exceptions import RedisError

    stop = []
    for name in (signal.SIGTERM, signal.SIGINT):
        signal.signal(name, lambda *_: stop.append(True))
    delay = 0.5
    while not stop:
        try:
            connection.ping()
            log.warning("Redis answers again: starting a new RQ worker")
            return True
        except RedisError:
            time.sleep(delay)
            delay = min(5.0, delay * 2)
    return False
