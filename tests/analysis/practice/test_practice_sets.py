"""The practice sets' shape: ids are unique across sets, every item is well formed, every gold query
runs over a CSV of data/, categories are the business set's (the planner's score is reported by the
runner, never asserted here)."""
from __future__ import annotations

import duckdb

from tests.analysis.blindset import UNANSWERABLE, gold
from tests.analysis.business.questions import CATEGORIES as BUSINESS_CATEGORIES
from tests.analysis.practice.runner import DATA, question_sets

CHART_TYPES = {"bar", "line", "area", "arc", "point", "histogram", "boxplot", "kpi", "table", "heatmap"}
SETS = question_sets()


def _all() -> list[tuple]:
    return [q for module in SETS.values() for q in module.QUESTIONS]  # type: ignore[attr-defined]


def test_ids_are_unique_across_sets():
    ids = [q[0] for q in _all()]
    assert len(set(ids)) == len(ids)


def test_every_item_is_well_formed():
    for module in SETS.values():
        questions = module.QUESTIONS  # type: ignore[attr-defined]
        by_id = {q[0]: q for q in questions}
        order = [q[0] for q in questions]
        for qid, ds, question, sql, prev, accepted in questions:
            assert question.strip() == question and question, qid
            assert (DATA / f"{ds}.csv").is_file(), qid
            assert (sql is None) == (accepted == {UNANSWERABLE}), qid
            assert sql is None or (accepted and accepted <= CHART_TYPES), qid
            if prev is not None:
                assert prev in by_id and order.index(prev) < order.index(qid), qid
                assert by_id[prev][1] == ds and by_id[prev][3] is not None, qid
        for name, members in module.CATEGORIES.items():  # type: ignore[attr-defined]
            assert name in BUSINESS_CATEGORIES, name
            assert members <= set(by_id), (name, members - set(by_id))


def test_every_gold_query_runs_and_is_small():
    con = duckdb.connect()
    for qid, ds, _, sql, _, accepted in _all():
        if sql is None:
            continue
        columns, rows = gold(con, DATA / f"{ds}.csv", sql)
        assert 1 <= len(rows) <= 100, qid
        assert all(v is not None for r in rows for v in r), qid
        if accepted <= {"kpi", "histogram"}:
            assert len(rows) == 1 and len(columns) == 1, qid
