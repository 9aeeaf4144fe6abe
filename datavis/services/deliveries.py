"""A QStash delivery, from the raw values of its request to what it did: the signature is
verified first (nothing is parsed before), the body read, the token remembered — in the
claim's transaction for a task, alone for a failure callback or a malformed body — and the
task processed. Every refused signature is counted (``metrics.signature_rejected``)."""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from datavis import metrics
from datavis.domain_errors import Unauthorized
from datavis.services import receiving, signatures

# Reads a verified body into its fields; raises (the receiver answers 489) when malformed.
Reader = Callable[[bytes], dict[str, Any]]


@contextlib.contextmanager
def _counting_refusals() -> Iterator[None]:
    try:
        yield
    except Unauthorized:
        metrics.signature_rejected()
        raise


def _verified(signature: str | None, body: bytes, url: str, read: Reader) -> tuple[dict[str, Any], signatures.Seen]:
    seen = signatures.verify(signature, body, url)
    try:
        return read(body), seen  # only now: an unverified body is never parsed
    except Exception:
        signatures.remember(seen)  # a replay is refused as such (401), whatever its body
        raise


def process_task(signature: str | None, body: bytes, url: str, qstash_message_id: str | None,
                 read: Reader) -> tuple[str, receiving.Result]:
    """Verify and run one delivered task: its request id and what came of it
    (``receiving.Result``). Unauthorized (nothing touched) for a missing, invalid or
    replayed signature; ``read``'s exception for a malformed body."""
    with _counting_refusals():
        task, seen = _verified(signature, body, url, read)
        # The token is remembered in the claim's transaction: a replay changes nothing.
        return task["request_id"], receiving.process(task["request_id"], qstash_message_id, first=seen.record)


def task_failed(signature: str | None, body: bytes, url: str, read: Reader) -> tuple[str, bool]:
    """QStash's verified failure callback: the task ran out of retries. Its request id, and
    whether this call posted the apology (False when the task was already settled)."""
    with _counting_refusals():
        callback, seen = _verified(signature, body, url, read)
        signatures.remember(seen)
    request_id = callback["task"]["request_id"]
    reason = f"QStash gave up after {callback['retried']} retries (last status {callback['status']})"
    posted = receiving.fail_finally(request_id, reason)
    if posted:
        metrics.task_failed()
    return request_id, posted
