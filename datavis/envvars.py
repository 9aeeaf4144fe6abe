"""Reading environment variables into typed values, collecting every problem at once (so a
bad configuration is reported whole, not one variable per attempt)."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

T = TypeVar("T")


class EnvReader:
    """Reads variables, collecting every problem instead of stopping at the first."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env
        self.problems: list[str] = []

    def text(self, name: str) -> str | None:
        return self.env.get(name, "").strip() or None

    def _typed(self, name: str, cast: Callable[[str], T], kind: str, default: T) -> T:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            return cast(raw)
        except ValueError:
            self.problems.append(f"{name} must be {kind}, got {raw!r}")
            return default

    def integer(self, name: str, default: int, minimum: int = 0) -> int:
        value = self._typed(name, int, "an integer", default)
        if value < minimum:
            self.problems.append(f"{name} must be at least {minimum}, got {value}")
        return value

    def optional_integer(self, name: str, minimum: int = 1) -> int | None:
        return self.integer(name, 0, minimum) if self.text(name) else None

    def number(self, name: str, default: float) -> float:
        value = self._typed(name, float, "a number", default)
        if not value > 0 or value == float("inf"):
            self.problems.append(f"{name} must be a positive number, got {value}")
        return value

    def flag(self, name: str, *truthy: str) -> bool:
        return (self.text(name) or "").lower() in (truthy or ("1", "true", "yes"))

    def items(self, name: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in self.env.get(name, "").split(",") if item.strip())
