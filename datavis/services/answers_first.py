"""Answers first: a process records and publishes one question at a time.

On a busy machine the GIL and the cores are shared evenly among the threads that want them.
With every question (``/analyze``: record, publish) running at once, the questions took as
much CPU as the answers to the questions already accepted, and accepted tasks piled up in
QStash (about 25 at 16 questions in flight on two cores). Taking the questions of a process
one at a time leaves the CPU to the answers.

The wait is bounded: after ``MAX_WAIT_SECONDS`` a question goes ahead without its turn, and
nothing is ever refused. The bound is the asker's tail: a 1 s bound lengthened the p99 from
question sent to answer, 0.2 s kept it near 300 ms at 16 questions in flight on two cores
(README, "Cost of an answer", has the runs). It shapes only this
process's questions; deliveries never wait.
"""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from flask import current_app

EXTENSION_KEY = "datavis.answers_first"
MAX_WAIT_SECONDS = 0.2


class Gate:
    """This process's turn to record and publish a question (one at a time)."""

    def __init__(self, max_wait: float) -> None:
        self.max_wait = max_wait
        # A plain lock, not a semaphore: threading's semaphores are Python code around a
        # condition, and their release showed up in the profile under load.
        self._turn = threading.Lock()

    @contextlib.contextmanager
    def question(self) -> Iterator[None]:
        """Wait for the turn (at most ``max_wait``; then go ahead without it)."""
        held = self._turn.acquire(timeout=self.max_wait)
        try:
            yield
        finally:
            if held:
                self._turn.release()


def gate() -> Gate:
    """The app's gate (one per process: each gunicorn worker has its own app)."""
    found = current_app.extensions.get(EXTENSION_KEY)
    if found is None:
        found = current_app.extensions.setdefault(EXTENSION_KEY, Gate(MAX_WAIT_SECONDS))
    return found
