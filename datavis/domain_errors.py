"""What services and the store refuse, in their own words: no HTTP here. ``datavis.errors``
maps each class to its HTTP answer, in one table."""
from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A service refused something; views let it propagate and it becomes a JSON error."""

    def __init__(self, detail: str, *, errors: dict[str, Any] | None = None,
                 retry_after: int | None = None, request_id: str | None = None) -> None:
        super().__init__(detail)
        self.detail, self.errors, self.retry_after = detail, errors, retry_after
        self.request_id = request_id


class InvalidInput(DomainError):
    """Well-formed input the service cannot use."""


class Unauthorized(DomainError):
    """A request whose origin could not be verified (QStash's signature, an API key)."""


class NotFound(DomainError):
    """No such row (file, chat, chart, task)."""


class Conflict(DomainError):
    """The request contradicts what is stored (a request id reused for another question)."""


class UnsupportedMediaType(DomainError):
    """A body of a type the route does not take."""


class InvalidField(DomainError):
    """A value that is well-formed but unusable, named in ``errors``."""


class RenderFailed(DomainError):
    """A stored chart vl-convert cannot render: a bug, recorded and answered the same way
    each time rather than rendered again."""


class ServiceBusy(DomainError):
    """A capacity limit is reached right now (e.g. open event streams): retry later."""


class QueueUnavailable(DomainError):
    """QStash refused the task or could not be reached: the client may retry."""
