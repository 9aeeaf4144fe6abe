"""Shape checks shared by the blind sets' tests (tests/analysis/fresh, tests/analysis/fresh2): every gold
query runs and is small, follow-ups build on earlier questions of the same dataset, categories are the
business set's, and the data is what the set's make_data writes. The planner's score is reported by
each set's runner, never asserted."""
from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb

from tests.analysis.blindset import UNANSWERABLE, Question
from tests.analysis.business.questions import CATEGORIES as BUSINESS_CATEGORIES

CHART_TYPES = {"bar", "line", "area", "arc", "point", "histogram", "boxplot", "kpi", "table", "heatmap"}
Gold = Callable[[duckdb.DuckDBPyConnection, str, str], tuple[list[str], list[tuple]]]


def check_size_and_datasets(questions: Sequence[Question], data: Path) -> None:
    ids = [q[0] for q in questions]
    assert len(questions) >= 150 and len(set(ids)) == len(ids)
    per_dataset = Counter(q[1] for q in questions)
    assert len(per_dataset) == 5 and min(per_dataset.values()) >= 25, per_dataset
    assert {p.stem for p in data.glob("*.csv")} == set(per_dataset)
    unanswerable = sum(1 for q in questions if q[3] is None)
    assert 0.03 <= unanswerable / len(questions) <= 0.08


def check_every_item(questions: Sequence[Question]) -> None:
    by_id = {q[0]: q for q in questions}
    order = [q[0] for q in questions]
    for qid, ds, question, sql, prev, accepted in questions:
        assert question.strip() == question and question, qid
        assert (sql is None) == (accepted == {UNANSWERABLE}), qid
        assert sql is None or (accepted and accepted <= CHART_TYPES), qid
        if prev is not None:  # a follow-up builds on an earlier, answerable question of its dataset
            assert prev in by_id and order.index(prev) < order.index(qid), qid
            assert by_id[prev][1] == ds and by_id[prev][3] is not None, qid
    assert sum(1 for q in questions if q[4]) >= 20


def check_categories(categories: Mapping[str, Any], questions: Sequence[Question]) -> None:
    assert set(categories) == set(BUSINESS_CATEGORIES)
    ids = {q[0] for q in questions}
    for name, members in categories.items():
        assert members and members <= ids, (name, members - ids)


def check_gold_runs_and_is_small(questions: Sequence[Question], gold: Gold) -> None:
    con = duckdb.connect()
    for qid, ds, _, sql, _, accepted in questions:
        if sql is None:
            continue
        columns, rows = gold(con, ds, sql)
        assert 1 <= len(rows) <= 100, qid
        assert all(v is not None for r in rows for v in r), qid  # no empty group or NULL measure
        if accepted <= {"kpi", "histogram"}:
            assert len(rows) == 1 and len(columns) == 1, qid


def check_no_tie_at_a_cut(questions: Sequence[Question], gold: Gold) -> None:
    """A "3 best …" question has one right answer only if the 3rd and 4th values differ."""
    con = duckdb.connect()
    for qid, ds, _, sql, _, _ in questions:
        cut = re.search(r" LIMIT (\d+)$", sql or "")
        if cut is None or sql is None:
            continue
        n = int(cut.group(1))
        _, rows = gold(con, ds, sql[:cut.start()])  # the ranking without its cut
        assert len(rows) > n and rows[n - 1][-1] != rows[n][-1], qid


def check_data_regenerates(make_data: ModuleType, data: Path, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(make_data, "DATA", tmp_path)
    make_data.main()
    for path in data.glob("*.csv"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
        with path.open(newline="") as f:
            assert 300 <= sum(1 for _ in csv.reader(f)) - 1 <= 3000, path.name
