"""What the server's core refuses, as domain errors; the HTTP layer maps each to a status."""
from __future__ import annotations


class QStashDevError(Exception):
    """Something the server refuses; ``str(error)`` is the message its API answers with."""


class Invalid(QStashDevError):
    """A request QStash would refuse as malformed (HTTP 400)."""


class NotFound(QStashDevError):
    """A message, queue, URL group, DLQ entry, schedule or flow key that does not exist (404)."""


class DailyLimitExceeded(QStashDevError):
    """More publishes today than ``QSTASH_DEV_DAILY_LIMIT`` allows (429 with RateLimit-*)."""

    def __init__(self, limit: int, used: int, reset: int) -> None:
        super().__init__(f"daily message limit of {limit} exceeded")
        self.limit = limit
        self.remaining = max(0, limit - used)
        self.reset = reset  # unix seconds of the next UTC midnight
