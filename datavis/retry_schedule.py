"""QStash's retry schedule: its default backoff and the ``Upstash-Retry-Delay`` expression
language, evaluated without eval().

Shared by the local QStash server (``qstash_dev.outcomes``) and the RQ backend
(``queueing.redis_queue``), which spaces its retries as QStash would; neither owns it.
Everything here is pure and returns seconds (floats).
"""
from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable
from typing import cast

ONE_DAY = 86400.0


class DurationError(ValueError):
    """A duration or expression that QStash would refuse."""


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
