"""Time arithmetic QStash speaks: durations, retry delays and ``Retry-After`` values.

Everything here is pure and returns seconds (floats); the engine applies the time scale.
"""
from __future__ import annotations

import ast
import email.utils
import math
import operator
import re
import time
from collections.abc import Callable
from typing import cast

ONE_DAY = 86400.0

_UNIT_SECONDS = {
    "ns": 1e-9, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ms": 1e-3,
    "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0,
}
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h|d)")


class DurationError(ValueError):
    """A duration or expression that QStash would refuse."""


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


def default_backoff(retried: int) -> float:
    """QStash's default wait before the retry that follows ``retried`` earlier retries."""
    return min(ONE_DAY, math.exp(2.5 * retried))


# --- Upstash-Retry-Delay: a tiny arithmetic language, evaluated without eval() ----------

_FUNCTIONS: dict[str, tuple[int, Callable[..., float]]] = {
    "pow": (2, math.pow), "exp": (1, math.exp), "sqrt": (1, math.sqrt), "abs": (1, abs),
    "floor": (1, math.floor), "ceil": (1, math.ceil), "round": (1, round),
    "min": (2, min), "max": (2, max),
}
_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Mod: operator.mod, ast.Pow: operator.pow,
}
_UNARY: dict[type[ast.unaryop], Callable[[float], float]] = {ast.UAdd: operator.pos,
                                                             ast.USub: operator.neg}
_MAX_EXPRESSION = 512


def _check(node: ast.AST) -> None:
    if isinstance(node, ast.Expression):
        _check(node.body)
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise DurationError("only numbers are allowed in a retry delay")
    elif isinstance(node, ast.Name):
        if node.id != "retried":
            raise DurationError(f"unknown name {node.id!r} in retry delay (only 'retried')")
    elif isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        _check(node.left)
        _check(node.right)
    elif isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        _check(node.operand)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        spec = _FUNCTIONS.get(node.func.id)
        if spec is None:
            raise DurationError(f"unknown function {node.func.id!r} in retry delay")
        if node.keywords or len(node.args) != spec[0]:
            raise DurationError(f"{node.func.id}() takes {spec[0]} argument(s)")
        for arg in node.args:
            _check(arg)
    else:
        raise DurationError(f"unsupported syntax in retry delay: {type(node).__name__}")


def compile_retry_delay(expression: str) -> ast.Expression:
    """Parse and vet an ``Upstash-Retry-Delay`` expression; raises DurationError."""
    if len(expression) > _MAX_EXPRESSION:
        raise DurationError("retry delay expression is too long")
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError as exc:
        raise DurationError(f"invalid retry delay expression {expression!r}") from exc
    _check(tree)
    return tree


def _evaluate(node: ast.AST, retried: int) -> float:
    # Everything is a float: an overflow raises or becomes inf at once, where integers
    # would grow without bound ((9 ** 64) ** 64 ...) and stall the event loop.
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, retried)
    if isinstance(node, ast.Constant):
        return float(cast(float, node.value))  # _check let only numbers through
    if isinstance(node, ast.Name):
        return float(retried)
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, retried), _evaluate(node.right, retried)
        if isinstance(node.op, ast.Pow) and abs(right) > 64:
            raise DurationError("exponent too large in retry delay")
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_evaluate(node.operand, retried))
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name)  # _check made sure
    name = node.func.id
    args = [_evaluate(a, retried) for a in node.args]
    if name == "pow" and abs(args[1]) > 64:
        raise DurationError("exponent too large in retry delay")
    if name == "exp" and args[0] > 64:
        return float("inf")
    return float(_FUNCTIONS[name][1](*args))


def retry_delay_seconds(expression: str, retried: int) -> float:
    """The wait (seconds, capped at a day) an ``Upstash-Retry-Delay`` expression gives."""
    try:
        millis = _evaluate(compile_retry_delay(expression), retried)
    except (ArithmeticError, ValueError) as exc:
        if isinstance(exc, DurationError):
            raise
        raise DurationError(f"retry delay expression failed: {exc}") from exc
    if math.isnan(millis):
        raise DurationError("retry delay expression is not a number")
    return min(ONE_DAY, max(0.0, millis / 1000.0))
