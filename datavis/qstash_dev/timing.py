"""Time arithmetic QStash speaks: durations and ``Retry-After`` values (its retry schedule
is ``datavis.retry_schedule``, shared with the RQ backend).

Everything here is pure and returns seconds (floats); the engine applies the time scale.
"""
from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Callable

from datavis.retry_schedule import ONE_DAY, DurationError

_UNIT_SECONDS = {
    "ns": 1e-9, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ms": 1e-3,
    "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0,
}
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h|d)")


def parse_duration(value: str, *, units: str = "smhd") -> float:
    """Seconds in ``"90"``, ``"10s"``, ``"1h30m3s"`` or ``"1d10h30m"``.

    A bare number means seconds, as in QStash's headers. ``units`` lists the one-letter
    units accepted (``Upstash-Timeout`` has no days).
    """
    text = (value or "").strip()
    if re.fullmatch(r"\d+", text):
        return float(text)
    pos, total = 0, 0.0
    for match in _DURATION_PART.finditer(text):
        if match.start() != pos:
            break
        number, unit = match.groups()
        if len(unit) == 1 and unit not in units:
            raise DurationError(f"unit {unit!r} is not allowed in {value!r}")
        if len(unit) > 1:
            raise DurationError(f"unit {unit!r} is not allowed in {value!r}")
        total += float(number) * _UNIT_SECONDS[unit]
        pos = match.end()
    if pos != len(text) or not text:
        raise DurationError(f"invalid duration {value!r}: use a number of seconds or e.g. 1h30m10s")
    return total


def parse_go_duration(text: str) -> float | None:
    """Seconds in a Go-style duration such as ``6m5s`` or ``1.5s`` (``Retry-After`` family)."""
    text = text.strip()
    pos, total = 0, 0.0
    for match in _DURATION_PART.finditer(text):
        if match.start() != pos or match.group(2) == "d":
            return None
        total += float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
        pos = match.end()
    return total if text and pos == len(text) else None


RETRY_AFTER_HEADERS = ("Retry-After", "X-RateLimit-Reset", "X-RateLimit-Reset-Requests",
                       "X-RateLimit-Reset-Tokens")


def retry_after_seconds(header: Callable[[str], str | None],
                        now: float | None = None) -> float | None:
    """The wait a destination asked for through ``header(name)``, or None (absent,
    unparsable, or over a day)."""
    now = time.time() if now is None else now
    for name in RETRY_AFTER_HEADERS:
        raw = header(name)
        if raw is None:
            continue
        raw = raw.strip()
        seconds: float | None
        if re.fullmatch(r"\d+(\.\d+)?", raw):
            seconds = float(raw)
        else:
            seconds = parse_go_duration(raw)
            if seconds is None:
                try:
                    seconds = email.utils.parsedate_to_datetime(raw).timestamp() - now
                except (TypeError, ValueError, IndexError):
                    seconds = None
        if seconds is None:
            continue
        seconds = max(0.0, seconds)
        # QStash ignores values above one day and falls back to its own schedule.
        return seconds if seconds <= ONE_DAY else None
    return None
