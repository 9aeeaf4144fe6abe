"""answer(), the one orchestrator: question → plan (the embedded planner, or a model) → sandboxed
SQL → chart → insight.

    answer(): request() → plan_question() → run() → present() (+ the model's wording of the insight)

The planners only plan: the embedded one declines what no reading of past rows answers (planning.scope),
then ranks its readings of the message (planning.choose),
and in a chat also its readings as an edit of the previous plan (planning.followup); the model
planner (planning.llm) returns a validated plan. Every plan is run and presented here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from pydantic import ValidationError

from .datasets.store import load_profile
from .errors import Unanswerable
from .labels import blanks_note, measure_name
from .language import cues
from .language.linking import Links, link
from .language.matching import left_out
from .language.names import quote_ident
from .models import AnalysisSettings, Answer
from .plan import Plan, validate_plan
from .planning import choose, followup, llm
from .planning.features import readout
from .planning.ranker import Ranked, describe
from .planning.rules import help_message
from .planning.scope import beyond_the_data
from .presentation.check import check_answer
from .presentation.explain import explain, title_for
from .presentation.insights import compute_facts, word_insight
from .presentation.vegalite import build_spec, choose_chart
from .sql.compiler import Query, compile_plan, where_sql
from .sql.jsonsafe import rows_to_dicts
from .sql.sandbox import Sandbox

MAX_QUESTION_CHARS = 2000
DEFAULT_SETTINGS = AnalysisSettings()  # frozen: one shared default
STATE_VERSION = 1


@dataclass(frozen=True)
class Request:
    """One message to answer: the dataset, the question, its profile, the chat's previous plan,
    and whether the caller says the message edits that plan (`forced`)."""

    dataset_dir: Path
    question: str
    profile: dict[str, Any]
    prev: Plan | None
    forced: bool
    settings: AnalysisSettings


@dataclass
class Planned:
    """What a planner decided: the plan, who planned it, the next readings when unsure, the model
    calls spent (the insight is worded by the model only when one is left)."""

    plan: Plan
    planner: str
    alternatives: list[Plan] = field(default_factory=list)
    model_calls: int = 0


@dataclass
class Executed:
    plan: Plan
    query: Query
    rows: list[dict[str, Any]]
    truncated: bool
    extra: dict[str, Any]


# ---------------------------------------------------------------- question → plan
def request(dataset_dir: Path, question: str, previous: dict[str, Any] | None, forced: bool,
            settings: AnalysisSettings) -> Request:
    """The message checked, with the dataset's profile and the chat's previous plan."""
    question = (question or "").strip()
    profile = load_profile(Path(dataset_dir))["profile"]
    if not question:
        raise Unanswerable("The question is empty. " + help_message(profile))
    if len(question) > MAX_QUESTION_CHARS:
        raise Unanswerable(f"The question is too long ({len(question):,} characters; at most "
                           f"{MAX_QUESTION_CHARS:,}). Ask it in a sentence or two.")
    return Request(Path(dataset_dir), question, profile, previous_plan(previous, profile), forced, settings)


def previous_plan(previous: dict[str, Any] | None, profile: dict[str, Any]) -> Plan | None:
    """The plan of the chat's previous answer, if it belongs to this dataset and still validates."""
    if not previous or not isinstance(previous, dict) or previous.get("v") != STATE_VERSION:
        return None
    try:
        plan = Plan.model_validate(previous.get("plan") or {})
        return validate_plan(plan, profile)
    except (ValidationError, Unanswerable):
        return None


_RESET = re.compile(cues.RESET + r"[\s,.:;!-]*", re.I)  # the parser's reset words and what follows them


def read_message(question: str, profile: dict[str, Any], prev: Plan | None) -> tuple[str, Links, Plan | None]:
    """The words of the message and their links (read once, for the reset, the edits and the
    ranker); "start over, ..." forgets the previous plan and keeps the rest."""
    links = link(question, profile)
    if not links.parsed.reset:
        return question, links, prev
    rest = _RESET.sub("", question)
    if not rest.strip():
        raise Unanswerable("Starting over. " + help_message(profile))
    return rest, link(rest, profile), None


def embedded_plan(req: Request) -> Planned:
    """The message's readings alone (ranked by planning.choose) against its readings as an edit
    of the previous plan (planning.followup); the next readings come back when the choice is close."""
    question, links, prev = read_message(req.question, req.profile, req.prev)
    beyond = beyond_the_data(links, req.profile)
    if beyond:  # a forecast, a cause, a period the dates do not reach: no reading nor edit answers it
        raise Unanswerable(beyond)
    fresh: Ranked | Unanswerable
    try:
        fresh = choose(question, req.profile, links)
    except Unanswerable as e:
        fresh = e
    reading = followup.rank(links.parsed, prev, req.profile, req.forced, fresh)
    return Planned(reading.plan, "embedded", reading.alternatives)


def model_plan(req: Request) -> Planned:
    """The model's plan; the embedded planner's when the model cannot be used or fails twice."""
    try:
        got = llm.plan_with_model(req.question, req.profile, req.prev, req.forced, req.settings)
    except llm.ModelUnavailable as e:
        # a configuration problem (unknown model, no API key): answer, and say so
        planned = embedded_plan(req)
        planned.plan.assumptions.append(f"the configured model could not be used: {str(e)[:160]}")
        planned.planner, planned.alternatives = "embedded (model unavailable)", []
        return planned
    if got.plan is not None:
        return Planned(got.plan, got.planner, model_calls=got.calls)
    return model_failed(req, got.error or "no plan")


def model_failed(req: Request, error: str) -> Planned:
    """After two failed model plans (or a model plan that does not run): the embedded planner's."""
    if not req.settings.fall_back_to_embedded:
        raise Unanswerable(f"I could not turn that question into a chart: {error}")
    planned = embedded_plan(req)
    planned.planner, planned.alternatives = "embedded (model failed)", []
    return planned


def plan_question(req: Request) -> Planned:
    """The model plans when one is configured (settings.model); the embedded planner otherwise."""
    return model_plan(req) if req.settings.model is not None else embedded_plan(req)


# ---------------------------------------------------------------- plan → SQL → rows
def execute(dataset_dir: Path, plan: Plan, profile: dict[str, Any], settings: AnalysisSettings) -> Executed:
    """The plan validated, compiled and run in the sandbox (with a second query for the stats of a
    histogram or a sampled scatter)."""
    plan = validate_plan(plan, profile)
    q = compile_plan(plan, profile, settings.max_rows)
    with Sandbox(dataset_dir, settings.timeout_seconds) as box:
        res = box.run(q.sql, max_rows=settings.max_rows)
        rows = rows_to_dicts(res.columns, res.rows)
        extra: dict[str, Any] = {}
        if q.kind == "histogram":
            extra = _distribution_stats(box, plan, q, profile)
        elif q.kind == "raw" and q.extra.get("sampled") and len(q.ys) >= 2:
            extra = _correlation_stats(box, plan, profile)
    return Executed(plan, q, rows, res.truncated, extra)


def run(req: Request, planned: Planned) -> tuple[Planned, Executed]:
    """Execute the plan; a model's plan that fails to run gives way to the embedded planner's."""
    try:
        return planned, execute(req.dataset_dir, planned.plan, req.profile, req.settings)
    except duckdb.Error as e:
        if planned.planner.startswith("llm"):
            planned = model_failed(req, str(e).splitlines()[0][:300])
            return planned, execute(req.dataset_dir, planned.plan, req.profile, req.settings)
        # a compiled plan must run; this is a bug, but the user gets a clear answer
        raise Unanswerable(f"I could not compute that ({str(e).splitlines()[0][:200]}). "
                           + help_message(req.profile)) from e


def _distribution_stats(box: Sandbox, plan: Plan, q: Query, profile: dict[str, Any]) -> dict[str, Any]:
    """Quartiles and the number of 1.5×IQR outliers of a histogram's column (second query)."""
    col = quote_ident(q.extra["column"])
    where = where_sql(plan, profile, [f"{col} IS NOT NULL"])
    sql = (f"WITH s AS (SELECT quantile_cont({col}, 0.25) AS q1, median({col}) AS med, "
           f"quantile_cont({col}, 0.75) AS q3, min({col}) AS lo, max({col}) AS hi FROM data{where}) "
           f"SELECT q1, med, q3, lo, hi, "
           f"(SELECT count(*) FROM data{where} AND ({col} < q1 - 1.5 * (q3 - q1) OR {col} > q3 + 1.5 * (q3 - q1))) "
           f"FROM s")
    r = box.run(sql, max_rows=1).rows[0]
    return {"q1": r[0], "median": r[1], "q3": r[2], "min": r[3], "max": r[4], "outliers": r[5]}


def _correlation_stats(box: Sandbox, plan: Plan, profile: dict[str, Any]) -> dict[str, Any]:
    """Pearson r over all rows when the scatter shows a sample (second query)."""
    x, y = (m.column for m in plan.measures[:2])
    assert x is not None and y is not None  # a scatter plots two columns' raw values
    a, b = quote_ident(x), quote_ident(y)
    where = where_sql(plan, profile, [f"{a} IS NOT NULL", f"{b} IS NOT NULL"])
    sql = f"SELECT corr({a}, {b}), count(*) FROM data{where}"
    r = box.run(sql, max_rows=1).rows[0]
    return {"corr": r[0], "n": r[1]}


# ---------------------------------------------------------------- rows → chart + insight
def present(ex: Executed, profile: dict[str, Any], question: str, planner: str) -> Answer:
    """The chart, its title and spec, the facts and the insight that quotes them, and the state a
    follow-up passes back."""
    plan, q, rows = ex.plan, ex.query, ex.rows
    used = {str(v).lower() for f in plan.filters for v in [f.column, *f.values]} | {
        c.lower() for c in [*(m.column for m in plan.measures), plan.dimension and plan.dimension.column,
                            plan.color] if c}
    plan.assumptions += [a for a in left_out(question, used, profile) if a not in plan.assumptions]
    if q.extra.get("blank_x") and rows and blanks_note(q.extra["blank_x"]) not in plan.assumptions:
        plan.assumptions.append(blanks_note(q.extra["blank_x"]))
    off = q.extra.get("own_dates_off")
    if off and _own_dates_note(off) not in plan.assumptions:
        plan.assumptions.append(_own_dates_note(off))
    chart = choose_chart(plan, q, rows)
    title = title_for(plan, q, profile)
    spec = build_spec(chart, plan, q, rows, title, profile, {y: y for y in q.ys})
    sampled = bool(q.extra.get("sampled")) and len(rows) < profile["row_count"]
    facts = compute_facts(plan, q, rows, chart, profile, ex.extra, partial=ex.truncated or sampled)
    insight = word_insight(facts, plan, _measure_name(plan, q, profile),
                           plan.dimension.column if plan.dimension else None)
    if ex.truncated:
        insight += f" Only the first {len(rows):,} rows are shown."
    elif sampled:
        insight += f" The chart shows a random sample of {len(rows):,} rows."
    checked = check_answer(plan, chart, spec, insight, facts, rows, title)  # never sent wrong
    chart, spec, insight = checked.chart, checked.spec, checked.insight
    state = {"v": STATE_VERSION, "plan": plan.model_dump(mode="json"), "question": question[:500],
             "chart_type": chart}
    return Answer(chart_type=chart, title=title, spec=spec, data=rows, sql=q.sql, plan=explain(plan, q, chart),
                  insight=insight, state=state, planner=planner, facts=facts)


def _own_dates_note(off: dict[str, Any]) -> str:
    """Why a measure with a date of its own is shown along the axis's date: with many series, a top N or
    shares, each measure cannot keep its own date, so every row is counted where the axis puts it."""
    dates = " and ".join(f"'{d}'" for d in off["dates"])
    return (f"Every measure is placed by '{off['axis']}' here, not by {dates}: split into many series, cut to a "
            "top N or shown as shares, the measures cannot each keep their own date")


def _measure_name(plan: Plan, q: Query, profile: dict[str, Any]) -> str:
    """What the insight says is measured: the counted things' name for a count ("employees"); raw
    values by their column (a scatter's last one)."""
    raw = q.kind == "raw" and plan.dimension is None
    shown = plan.measures[-1 if raw else 0] if plan.measures else None
    return measure_name(shown, profile, shown.column if shown and q.kind == "raw" else None)


def alternative(plan: Plan, profile: dict[str, Any], settings: AnalysisSettings) -> dict[str, Any]:
    """A reading the user can pick in one click: the question that asks for it and its plan."""
    q = compile_plan(plan, profile, settings.max_rows)
    return {"question": describe(plan, profile), "plan": explain(plan, q, readout(plan, profile)["mark"])}


# ---------------------------------------------------------------- the pipeline
def answer(dataset_dir: Path, question: str, *, previous: dict[str, Any] | None = None, is_follow_up: bool = False,
           settings: AnalysisSettings = DEFAULT_SETTINGS) -> Answer:
    """question → plan → SQL → chart → insight (see the package docstring)."""
    req = request(dataset_dir, question, previous, is_follow_up, settings)
    planned = plan_question(req)
    planned, executed = run(req, planned)
    ans = present(executed, req.profile, req.question, planned.planner)
    ans.alternatives = [alternative(p, req.profile, settings) for p in planned.alternatives]
    if planned.planner.startswith("llm") and settings.word_insights_with_model and planned.model_calls < 2:
        ans.insight = llm.word_with_model(ans, settings)
    return ans
