"""Run a blind question set through the embedded planner and score it (shared by the business set in
tests/analysis/business and the fresh set in tests/analysis/fresh).

A set is a data folder of CSVs, a list of ``(id, dataset, question, expected_sql, prev_id, chart_types)``
and named categories of ids. Each question goes through `datavis.analysis.answer` (no model) over its
ingested CSV; a follow-up passes the state of the answer it builds on. Three scores per question:
- right data: the answer's rows equal the gold table (tests/analysis/scoring.py), with the sets'
  conventions: ``pct_`` columns may come as fractions, ``share_`` columns as shares of their
  total, Yes/No and True/False are the same values, and a multi-measure gold table may be found
  among all the columns of the answer's data;
- right chart type: the answer's chart type is in the accepted set;
- both.
An `Unanswerable` error is right (data and chart) only where the set expects one.
Also reported: the answers given without alternatives (``Answer.alternatives`` empty or absent)
and how many of those are fully right.
"""
from __future__ import annotations

import argparse
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from datavis.analysis import AnalysisError, Unanswerable, answer

from .scoring import comparable_rows, ingested, rows_match

UNANSWERABLE = "unanswerable"
_TRUTHS = {"yes": True, "true": True, "no": False, "false": False}

Question = tuple[str, str, str, "str | None", "str | None", set[str]]


@dataclass
class Outcome:
    """How one question was answered and scored."""

    qid: str
    dataset: str
    question: str
    right_data: bool
    right_chart: bool
    confident: bool  # answered without alternatives
    got: str  # chart type, or the error's class name
    detail: str  # SQL or error message

    @property
    def both(self) -> bool:
        return self.right_data and self.right_chart


def _canon(rows: list[tuple]) -> list[tuple]:
    """Yes/No and True/False text become booleans, so a Yes/No column matches DuckDB's BOOLEAN."""
    return [tuple(_TRUTHS.get(v.strip().lower(), v) if isinstance(v, str) else v for v in r) for r in rows]


def _readings(columns: list[str], rows: list[tuple]) -> list[list[tuple]]:
    """The gold table in every form the sets' conventions accept."""
    forms_per_column = []
    for i, name in enumerate(columns):
        values = [r[i] for r in rows]
        if name.startswith("pct_"):
            forms_per_column.append([values, [v / 100 if v is not None else v for v in values]])
        elif name.startswith("share_"):
            total = sum(v for v in values if v is not None) or 1
            forms_per_column.append([values, [v / total for v in values], [100 * v / total for v in values]])
        else:
            forms_per_column.append([values])
    return [list(zip(*combo, strict=True)) for combo in itertools.product(*forms_per_column)]


def _all_columns(ans) -> list[tuple]:
    keys = list(ans.data[0].keys()) if ans.data else []
    return [tuple(r.get(k) for k in keys) for r in ans.data]


def data_matches(columns: list[str], expected: list[tuple], ans) -> bool:
    """Whether the answer's data is the gold table (named `columns`) under the sets' conventions."""
    candidates = [comparable_rows(ans)]
    if expected and candidates[0] and len(expected[0]) > len(candidates[0][0]):
        candidates.append(_all_columns(ans))  # a second measure lives outside the x/colour/y fields
    golds = [_canon(g) for g in _readings(columns, expected)]
    return any(rows_match(g, _canon(c)) for g in golds for c in candidates)


def gold(con: duckdb.DuckDBPyConnection, csv: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """The gold table: `sql` over the raw CSV as the view ``t``; its column names and rows."""
    con.execute(f"CREATE OR REPLACE VIEW t AS SELECT * FROM read_csv_auto('{csv}')")
    cur = con.execute(sql)
    return [d[0] for d in cur.description], cur.fetchall()


def score_question(con, q: Question, data: Path, dataset_dir: Path,
                   previous: dict | None) -> tuple[Outcome, dict | None]:
    """Answer one question of a set (with the state it follows up on) and score it against its gold SQL."""
    qid, dataset, question, sql, _, accepted = q
    try:
        ans = answer(dataset_dir, question, previous=previous)
    except Unanswerable as e:
        right = accepted == {UNANSWERABLE}
        return Outcome(qid, dataset, question, right, right, True, "Unanswerable", e.message), None
    except AnalysisError as e:
        return Outcome(qid, dataset, question, False, False, True, type(e).__name__, e.message), None
    confident = not getattr(ans, "alternatives", [])
    if sql is None:
        right_data = False
    else:
        columns, expected = gold(con, data / f"{dataset}.csv", sql)
        right_data = data_matches(columns, expected, ans)
    return (Outcome(qid, dataset, question, right_data, ans.chart_type in accepted, confident, ans.chart_type,
                    ans.sql), ans.state)


def _tally(outcomes: list[Outcome]) -> dict:
    n = len(outcomes)
    return {"total": n, "right_data": sum(o.right_data for o in outcomes),
            "right_chart": sum(o.right_chart for o in outcomes), "both": sum(o.both for o in outcomes)}


def _print_miss(o: Outcome, accepted: set[str]) -> None:
    print(f"  MISS {o.qid} {o.question!r}: data {'ok' if o.right_data else 'WRONG'}, "
          f"chart {o.got} {'ok' if o.right_chart else 'not in ' + str(sorted(accepted))}\n       {o.detail[:300]}")


def run_set(data: Path, questions: Sequence[Question], categories: Mapping[str, frozenset[str]],
            verbose: bool = False) -> dict:
    """Answer every question of a set; return the tallies overall, per dataset, per category
    (with ``follow-up`` and ``unanswerable``), for the answers given without alternatives, and every
    outcome."""
    con = duckdb.connect()
    outcomes: list[Outcome] = []
    with ingested(data, (q[1] for q in questions)) as dirs:
        states: dict[str, dict] = {}
        for q in questions:
            prev = q[4]
            outcome, state = score_question(con, q, data, dirs[q[1]], states.get(prev) if prev else None)
            if state is not None:
                states[q[0]] = state
            outcomes.append(outcome)
            if verbose and not outcome.both:
                _print_miss(outcome, q[5])
    con.close()
    follow_ups = {q[0] for q in questions if q[4]}
    unanswerable = {q[0] for q in questions if q[3] is None}
    groups = {**categories, "follow-up": follow_ups, "unanswerable": unanswerable}
    return {
        **_tally(outcomes),
        "per_dataset": {ds: _tally([o for o in outcomes if o.dataset == ds]) for ds in sorted(dirs)},
        "per_category": {c: _tally([o for o in outcomes if o.qid in ids]) for c, ids in groups.items()},
        "confident": _tally([o for o in outcomes if o.confident]),
        "outcomes": outcomes,
    }


def _pct(part: int, whole: int) -> str:
    return f"{part:>3} {part / whole:6.1%}" if whole else "          -"


def _line(label: str, t: dict) -> str:
    return (f"{label:<30} {t['total']:>4}  {_pct(t['right_data'], t['total'])}  {_pct(t['right_chart'], t['total'])}"
            f"  {_pct(t['both'], t['total'])}")


def report(res: dict) -> str:
    """The tallies of `run_set` as a plain-text table."""
    head = f"{'':<30} {'n':>4}  {'data':>10}  {'chart':>10}  {'both':>10}"
    lines = [head, *(_line(ds, t) for ds, t in res["per_dataset"].items()), _line("all", res), "", head]
    lines += [_line(c, t) for c, t in res["per_category"].items()]
    c = res["confident"]
    share = f"{c['both'] / c['total']:.1%}" if c["total"] else "-"
    lines += ["", f"answered without alternatives: {c['total']}/{res['total']}, of which fully right: "
                  f"{c['both']} ({share})"]
    return "\n".join(lines)


def main(description: str, data: Path, questions: Sequence[Question],
         categories: Mapping[str, frozenset[str]]) -> None:
    """A set runner's command line: ``[--verbose]`` lists every question not fully right."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--verbose", action="store_true", help="print every question not fully right")
    print(report(run_set(data, questions, categories, verbose=ap.parse_args().verbose)))
