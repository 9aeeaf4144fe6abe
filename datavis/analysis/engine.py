"""answer(): question → plan (embedded rules or a model) → sandboxed SQL → chart → insight."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
from pydantic import ValidationError

from .planning import llm
from .presentation.vegalite import build_spec, choose_chart
from .sql.compiler import Query, compile_plan, measure_label, where_sql
from .errors import Unanswerable
from .presentation.explain import explain, title_for
from .planning.followup import apply_follow_up, is_follow_up
from .presentation.insights import compute_facts, word_insight
from .sql.jsonsafe import rows_to_dicts
from .language.matching import left_out
from .models import AnalysisSettings, Answer
from .language.names import quote_ident
from .planning.plan import Plan, validate_plan
from .language.parsing import parse
from .planning.rules import help_message
from .planning import choose
from .presentation.wording import count_label
from .planning.features import readout
from .planning.ranker import describe
from .sql.sandbox import Sandbox
from .datasets.store import load_profile

MAX_QUESTION_CHARS = 2000
STATE_VERSION = 1


@dataclass
class Executed:
    plan: Plan
    query: Query
    rows: list[dict]
    truncated: bool
    extra: dict


def previous_plan(previous: dict | None, profile: dict) -> Plan | None:
    """The plan of the chat's previous answer, if it belongs to this dataset and still validates."""
    if not previous or not isinstance(previous, dict) or previous.get("v") != STATE_VERSION:
        return None
    try:
        plan = Plan.model_validate(previous.get("plan") or {})
        return validate_plan(plan, profile)
    except (ValidationError, Unanswerable):
        return None


def embedded_plan(question: str, profile: dict, prev: Plan | None,
                  forced: bool) -> tuple[Plan, list[str], list[Plan]]:
    """The rule reading of a follow-up edits the previous plan; a new question's readings are
    ranked, and the next ones come back when the ranker is unsure."""
    parsed = parse(question, profile)
    if parsed.reset:
        rest = re.sub(r"^\s*(start over|reset|new question|forget (that|it|this|everything)|clear|start again|"
                      r"from scratch)[\s,.:;!-]*", "", question, flags=re.I)
        if not rest.strip():
            raise Unanswerable("Starting over. " + help_message(profile))
        parsed = parse(rest, profile)
        prev = None
    if is_follow_up(parsed, prev, forced):
        return (*apply_follow_up(prev, parsed, profile), [])
    ranked = choose(parsed.question, profile)
    return ranked.plan, [], ranked.alternatives


def alternative(plan: Plan, profile: dict, settings: AnalysisSettings) -> dict:
    """A reading the user can pick in one click: the question that asks for it and its plan."""
    q = compile_plan(plan, profile, settings.max_rows)
    return {"question": describe(plan, profile), "plan": explain(plan, q, readout(plan, profile)["mark"])}


def execute(dataset_dir: Path, plan: Plan, profile: dict, settings: AnalysisSettings) -> Executed:
    plan = validate_plan(plan, profile)
    q = compile_plan(plan, profile, settings.max_rows)
    with Sandbox(dataset_dir, settings.timeout_seconds) as box:
        res = box.run(q.sql, max_rows=settings.max_rows)
        rows = rows_to_dicts(res.columns, res.rows)
        extra: dict = {}
        if q.kind == "histogram":
            extra = _distribution_stats(box, plan, q, profile)
        elif q.kind == "raw" and q.extra.get("sampled") and len(q.ys) >= 2:
            extra = _correlation_stats(box, plan, profile)
    return Executed(plan, q, rows, res.truncated, extra)


def _distribution_stats(box: Sandbox, plan: Plan, q: Query, profile: dict) -> dict:
    """Quartiles and the number of 1.5×IQR outliers of a histogram's column (second query)."""
    col = quote_ident(q.extra["column"])
    where = where_sql(plan, profile, [f"{col} IS NOT NULL"])
    sql = (f"WITH s AS (SELECT quantile_cont({col}, 0.25) AS q1, median({col}) AS med, quantile_cont({col}, 0.75) AS q3, "
           f"min({col}) AS lo, max({col}) AS hi FROM data{where}) SELECT q1, med, q3, lo, hi, "
           f"(SELECT count(*) FROM data{where} AND ({col} < q1 - 1.5 * (q3 - q1) OR {col} > q3 + 1.5 * (q3 - q1))) "
           f"FROM s")
    r = box.run(sql, max_rows=1).rows[0]
    return {"q1": r[0], "median": r[1], "q3": r[2], "min": r[3], "max": r[4], "outliers": r[5]}


def _correlation_stats(box: Sandbox, plan: Plan, profile: dict) -> dict:
    """Pearson r over all rows when the scatter shows a sample (second query)."""
    a, b = (quote_ident(m.column) for m in plan.measures[:2])
    sql = f"SELECT corr({a}, {b}), count(*) FROM data{where_sql(plan, profile, [f'{a} IS NOT NULL', f'{b} IS NOT NULL'])}"
    r = box.run(sql, max_rows=1).rows[0]
    return {"corr": r[0], "n": r[1]}


def present(ex: Executed, profile: dict, question: str, planner: str, changes: list[str]) -> Answer:
    plan, q, rows = ex.plan, ex.query, ex.rows
    used = {str(v).lower() for f in plan.filters for v in [f.column, *f.values]} | {
        c.lower() for c in [*(m.column for m in plan.measures), plan.dimension and plan.dimension.column,
                            plan.color] if c}
    plan.assumptions += [a for a in left_out(question, used, profile) if a not in plan.assumptions]
    chart = choose_chart(plan, q, rows)
    title = title_for(plan, q, profile)
    y_labels = {y: y for y in q.ys}
    spec = build_spec(chart, plan, q, rows, title, profile, y_labels)
    sampled = bool(q.extra.get("sampled")) and len(rows) < profile["row_count"]
    facts = compute_facts(plan, q, rows, chart, profile, ex.extra, partial=ex.truncated or sampled)
    measure = (measure_label(plan.measures[0]) if plan.measures else "Count")
    if plan.measures and plan.measures[0].column is None:
        measure = count_label(profile)
    if q.kind == "raw" and plan.measures and plan.measures[0].column:
        measure = plan.measures[-1].column if plan.dimension is None else plan.measures[0].column
    insight = word_insight(facts, plan, measure, plan.dimension.column if plan.dimension else None)
    if ex.truncated:
        insight += f" Only the first {len(rows):,} rows are shown."
    elif sampled:
        insight += f" The chart shows a random sample of {len(rows):,} rows."
    if changes and changes != ["new question"]:
        title_change = ", ".join(dict.fromkeys(changes))
        plan.evidence.append(f"follow-up: changed {title_change}")
    explained = explain(plan, q, chart)
    state = {"v": STATE_VERSION, "plan": plan.model_dump(mode="json"), "question": question[:500],
             "chart_type": chart}
    return Answer(chart_type=chart, title=title, spec=spec, data=rows, sql=q.sql, plan=explained, insight=insight,
                  state=state, planner=planner, facts=facts)


def answer(dataset_dir: Path, question: str, *, previous: dict | None = None, is_follow_up: bool = False,
           settings: AnalysisSettings = AnalysisSettings()) -> Answer:
    dataset_dir = Path(dataset_dir)
    question = (question or "").strip()
    stored = load_profile(dataset_dir)
    profile = stored["profile"]
    if not question:
        raise Unanswerable("The question is empty. " + help_message(profile))
    if len(question) > MAX_QUESTION_CHARS:
        raise Unanswerable(f"The question is too long ({len(question):,} characters; at most "
                           f"{MAX_QUESTION_CHARS:,}). Ask it in a sentence or two.")
    prev = previous_plan(previous, profile)
    if settings.model is not None:
        return llm.answer_with_model(dataset_dir, question, profile, prev, is_follow_up, settings)
    plan, changes, alternatives = embedded_plan(question, profile, prev, is_follow_up)
    try:
        ex = execute(dataset_dir, plan, profile, settings)
    except duckdb.Error as e:  # a compiled plan must run; this is a bug, but the user gets a clear answer
        raise Unanswerable(f"I could not compute that ({str(e).splitlines()[0][:200]}). "
                           + help_message(profile)) from e
    ans = present(ex, profile, question, "embedded", changes)
    ans.alternatives = [alternative(p, profile, settings) for p in alternatives]
    return ans

