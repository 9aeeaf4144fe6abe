"""The dataclasses the service exchanges with the analysis engine (see the package docstring)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydantic-ai is imported only where a model is called
    from pydantic_ai.settings import ModelSettings

# Plan edits (revise(); README, "Revisions"): the values each kind of edit accepts.
EDIT_AGGREGATES = ("sum", "avg", "median", "min", "max", "count", "count_distinct")
EDIT_TIME_UNITS = ("year", "quarter", "month", "week", "day", "weekday", "month_of_year", "hour")
EDIT_CHART_TYPES = ("bar", "line", "area", "arc", "point", "table", "kpi", "histogram", "boxplot", "heatmap")


@dataclass(frozen=True)
class IngestLimits:
    """Upload limits; the service fills these from its configuration."""

    max_rows: int = 5_000_000
    max_columns: int = 2_000
    max_line_bytes: int = 1_000_000
    max_cell_chars: int = 100_000


@dataclass
class Dataset:
    """What ingest returns and the service stores (as JSON) in its database."""

    row_count: int
    columns: list[dict[str, Any]]  # [{"name", "type", "role", ...}]
    profile: dict[str, Any]  # compact JSON-safe profile, also written to the dataset dir
    sample_rows: list[dict[str, Any]]  # first rows, JSON-safe values


@dataclass(frozen=True)
class AnalysisSettings:
    """How `answer()` runs.

    model: a pydantic-ai model name (``DATAVIS_MODEL``) or a pydantic-ai ``Model`` instance
    (tests inject ``TestModel``/``FunctionModel``); None = embedded planner only.
    """

    model: Any = None
    word_insights_with_model: bool = True
    timeout_seconds: float = 10.0  # query time limit
    max_rows: int = 5_000  # row cap of a result
    model_timeout_seconds: float = 30.0  # one model call
    model_settings: ModelSettings | None = None  # passed to pydantic-ai (temperature, max_tokens...)
    fall_back_to_embedded: bool = True  # when the model's plan still fails after the repair round


@dataclass
class Answer:
    """One answered question: chart, data, SQL, explainable plan, insight and follow-up state."""

    chart_type: str  # bar|line|area|arc|point|histogram|boxplot|kpi|table
    title: str
    spec: dict[str, Any]  # Vega-Lite v5 with inline data.values
    data: list[dict[str, Any]]  # result rows, JSON-safe
    sql: str  # the exact SQL that ran
    plan: dict[str, Any]  # explainable plan in the dataset's own column names
    insight: str  # 2-3 sentences quoting real numbers
    state: dict[str, Any]  # opaque, JSON-serialisable; pass back as `previous`
    planner: str  # "embedded" | "llm" | "llm+repair" | "embedded (model failed)"
    facts: list[dict[str, Any]] = field(default_factory=list)  # the computed facts behind the insight
    # the next readings when the planner is unsure: [{"question": str, "plan": <explained plan>}]
    alternatives: list[dict[str, Any]] = field(default_factory=list)
