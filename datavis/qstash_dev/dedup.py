"""Deduplication: a publish with a deduplication id, or with content-based deduplication,
seen again within the window answers with the first publish's ids and creates nothing."""
from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Mapping

from . import options as opts
from .model import Published
from .records import DedupRecord
from .state import State


def content_key(destination: str, body: bytes, raw: Mapping[str, str]) -> str:
    """What content-based deduplication compares: destination, body, ``Content-Type`` and
    the forwarded headers."""
    digest = hashlib.sha256(destination.encode() + b"\0" + body)
    for key in sorted(raw, key=str.lower):
        low = key.lower()
        if low == "content-type" or low.startswith("upstash-forward-"):
            digest.update(f"\0{low}:{raw[key]}".encode())
    return "content:" + digest.hexdigest()


class Dedup:
    def __init__(self, state: State, window: float) -> None:
        self.state = state
        self.window = window

    @staticmethod
    def key(options: opts.Options, destination: str, body: bytes,
            raw: Mapping[str, str]) -> str | None:
        """The key a publish is deduplicated on, or None when it asks for no deduplication."""
        if options.dedup_id:
            return "id:" + options.dedup_id
        if options.content_dedup:
            return content_key(destination, body, raw)
        return None

    def seen(self, key: str) -> Published | None:
        """The first publish under ``key``, marked deduplicated, if it is still remembered."""
        record = self.state.dedup.get(key)
        if record is None or record.expires <= time.time():
            return None
        return dataclasses.replace(record.published, deduplicated=True)

    def remember(self, key: str, published: Published) -> None:
        record = DedupRecord(published, time.time() + self.window)
        self.state.dedup[key] = record
        self.state.put("dedup", key, record.to_record())

    def expire(self) -> None:
        now = time.time()
        for key in [k for k, v in self.state.dedup.items() if v.expires <= now]:
            del self.state.dedup[key]
            self.state.delete("dedup", key)
