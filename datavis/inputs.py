"""Well-formed input, checked before any schema or service sees it.

Every JSON body (public routes in ``guards``, QStash's after its signature is verified) is
parsed by ``parse_json``: nesting is bounded *before* parsing (Python's parser recurses and
would raise RecursionError), integers too long to convert and non-finite numbers are
refused, and every string and key must be text the databases can store: no NUL (PostgreSQL
refuses it) and no lone surrogate (no encoding can write it; raw bytes that are not UTF-8
are decoded to such surrogates, so they are caught the same way and named by field).
"""
from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from typing import Any

MAX_JSON_DEPTH = 32
# A JSON string literal, escapes included; what is left outside them is structure.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_NOT_BRACKET = bytes(b for b in range(256) if b not in _STEP)


class BadInput(ValueError):
    """Input no schema should see: ``problem`` with the value at ``field`` (None: the body)."""

    def __init__(self, problem: str, field: str | None = None) -> None:
        self.problem, self.field = problem, field
        self.detail = f"{field}: {problem}" if field else problem
        super().__init__(self.detail)


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored as text, or None."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode text (a lone surrogate, or bytes that are not UTF-8)"
    return None


def printable(value: str) -> str:
    """``value`` safe to echo in an error message (invalid code points escaped)."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def nesting_depth(raw: bytes) -> int:
    """How deeply arrays and objects nest in a JSON text, without parsing it."""
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number out of range: {text[:20]}")
    return value


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(raw: bytes) -> Any:
    """The JSON document in ``raw``, or BadInput saying what is wrong and where."""
    if nesting_depth(raw) > MAX_JSON_DEPTH:
        raise BadInput(f"the JSON body nests arrays or objects more than {MAX_JSON_DEPTH} levels deep")
    try:
        data = json.loads(raw.decode("utf-8", "surrogateescape"), parse_float=_finite,
                          parse_constant=_no_constants)
    except (ValueError, RecursionError):  # JSONDecodeError, integers past 4,300 digits, NaN
        raise BadInput("the body is not valid JSON") from None
    _check_text(data)
    return data


def _check_text(data: Any) -> None:
    """Every key and string in ``data`` is storable text, or BadInput naming where."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                raise BadInput(problem, where or "_body")
        elif isinstance(value, dict):
            for key, item in value.items():
                name = f"{where}.{printable(key)}" if where else printable(key)
                problem = text_problem(key)
                if problem:
                    raise BadInput(f"the key {problem}", name)
                stack.append((item, name))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(value))
