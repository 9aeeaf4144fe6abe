"""The business evaluation set's shape and its scoring rules (the planner's score is reported by
the runner and the bench, never asserted here)."""
from __future__ import annotations

import duckdb
import pytest

from datavis.analysis import Answer
from tests.analysis.business.questions import CATEGORIES, QUESTIONS
from tests.analysis.business.runner import DATA, UNANSWERABLE, _gold, data_matches

CHART_TYPES = {"bar", "line", "area", "arc", "point", "histogram", "boxplot", "kpi", "table", "heatmap"}


def test_set_shape():
    ids = [q[0] for q in QUESTIONS]
    assert len(QUESTIONS) >= 180 and len(set(ids)) == len(ids)
    assert len({q[1] for q in QUESTIONS}) >= 6
    assert sum(1 for q in QUESTIONS if q[4]) >= 25
    assert 5 <= sum(1 for q in QUESTIONS if q[3] is None) <= 10
    for qid, ds, question, sql, prev, accepted in QUESTIONS:
        assert (DATA / f"{ds}.csv").stat().st_size < 600_000
        assert question.strip() and accepted, qid
        assert prev is None or ids.index(prev) < ids.index(qid), qid  # a follow-up comes after its question
        assert (sql is None) == (accepted == {UNANSWERABLE}), qid
        assert sql is None or accepted <= CHART_TYPES, qid
    assert set().union(*CATEGORIES.values()) <= set(ids)


def test_every_gold_query_runs_and_is_small():
    con = duckdb.connect()
    for qid, ds, _, sql, _, _ in QUESTIONS:
        if sql is not None:
            _, rows = _gold(con, ds, sql)
            assert 1 <= len(rows) <= 60, qid


def test_data_is_what_make_data_writes(tmp_path, monkeypatch):
    from tests.analysis.business import make_data
    monkeypatch.setattr(make_data, "DATA", tmp_path)
    make_data.main()
    for path in DATA.glob("*.csv"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def _answer(chart_type: str, rows: list[dict], x: str, y: str, color: str | None = None) -> Answer:
    return Answer(chart_type=chart_type, title="", spec={}, data=rows, sql="", state={}, insight="",
                  planner="embedded", plan={"data_fields": {"x": x, "y": y, "color": color}})


@pytest.mark.parametrize(("columns", "expected", "rows", "ok"), [
    (["office", "n"], [("Austin", 3)], [{"o": "austin", "v": 3.0}], True),
    (["office", "n"], [("Austin", 3)], [{"o": "Austin", "v": 4}], False),
    (["pct_remote"], [(30.0,)], [{"o": "all", "v": 0.3}], True),
    (["pct_remote"], [(30.0,)], [{"o": "all", "v": 0.31}], False),
    (["level", "share_n"], [("A", 1), ("B", 3)], [{"o": "A", "v": 25.0}, {"o": "B", "v": 75.0}], True),
    (["level", "share_n"], [("A", 1), ("B", 3)], [{"o": "A", "v": 0.25}, {"o": "B", "v": 0.75}], True),
    (["level", "n"], [("A", 1), ("B", 3)], [{"o": "A", "v": 0.25}, {"o": "B", "v": 0.75}], False),
    (["remote", "n"], [(True, 5), (False, 7)], [{"o": "Yes", "v": 5}, {"o": "No", "v": 7}], True),
    (["remote", "n"], [(True, 5), (False, 7)], [{"o": "Yes", "v": 7}, {"o": "No", "v": 5}], False),
])
def test_scoring_conventions(columns, expected, rows, ok):
    assert data_matches(columns, expected, _answer("bar", rows, "o", "v")) is ok


def test_a_second_measure_is_found_outside_the_plan_fields():
    rows = [{"month": "2024-01-01", "sessions": 10, "conversions": 2}]
    expected = [("2024-01-01", 10, 2)]
    assert data_matches(["m", "s", "c"], expected, _answer("line", rows, "month", "sessions"))
    assert not data_matches(["m", "s", "c"], [("2024-01-01", 10, 3)], _answer("line", rows, "month", "sessions"))
