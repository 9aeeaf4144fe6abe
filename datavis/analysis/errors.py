"""Exceptions of the analysis engine, one per way the service has to react.

BadDataset and Unanswerable carry a user-facing message (plain words, no stack trace);
TransientAnalysisError means "try again later" (the service answers 5xx so QStash retries).
"""
from __future__ import annotations


class AnalysisError(Exception):
    """Base of every error raised on purpose by datavis.analysis."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadDataset(AnalysisError):
    """The uploaded file cannot become a dataset (empty, not CSV, not UTF-8, over a limit...)."""


class Unanswerable(AnalysisError):
    """Permanent: the question cannot be answered from this data (message explains what can)."""


class UnsafeQuery(Unanswerable):
    """The sandbox refused a SQL statement (not one read-only SELECT, too slow, too big...)."""


class TransientAnalysisError(AnalysisError):
    """A retry may help: model timeout or rate limit, database busy."""
