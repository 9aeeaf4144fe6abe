"""The second fresh evaluation set's shape: every gold query runs, follow-ups build on earlier questions
of the same dataset, categories are the business set's, no top-N gold cuts through a tie, and the data
is what make_data writes (the planner's score is reported by the runner, never asserted here)."""
from __future__ import annotations

import csv
import re
from collections import Counter

import duckdb

from tests.analysis.blindset import UNANSWERABLE
from tests.analysis.business.questions import CATEGORIES as BUSINESS_CATEGORIES
from tests.analysis.fresh2.questions import CATEGORIES, QUESTIONS
from tests.analysis.fresh2.runner import DATA, gold

CHART_TYPES = {"bar", "line", "area", "arc", "point", "histogram", "boxplot", "kpi", "table", "heatmap"}


def test_set_size_and_datasets():
    ids = [q[0] for q in QUESTIONS]
    assert len(QUESTIONS) >= 150 and len(set(ids)) == len(ids)
    per_dataset = Counter(q[1] for q in QUESTIONS)
    assert len(per_dataset) == 5 and min(per_dataset.values()) >= 25, per_dataset
    assert {p.stem for p in DATA.glob("*.csv")} == set(per_dataset)
    unanswerable = sum(1 for q in QUESTIONS if q[3] is None)
    assert 0.03 <= unanswerable / len(QUESTIONS) <= 0.08


def test_every_item_is_well_formed():
    by_id = {q[0]: q for q in QUESTIONS}
    order = [q[0] for q in QUESTIONS]
    for qid, ds, question, sql, prev, accepted in QUESTIONS:
        assert question.strip() == question and question, qid
        assert (sql is None) == (accepted == {UNANSWERABLE}), qid
        assert sql is None or (accepted and accepted <= CHART_TYPES), qid
        if prev is not None:  # a follow-up builds on an earlier, answerable question of its dataset
            assert prev in by_id and order.index(prev) < order.index(qid), qid
            assert by_id[prev][1] == ds and by_id[prev][3] is not None, qid
    assert sum(1 for q in QUESTIONS if q[4]) >= 20


def test_categories_are_the_business_sets_and_name_existing_items():
    assert set(CATEGORIES) == set(BUSINESS_CATEGORIES)
    ids = {q[0] for q in QUESTIONS}
    for name, members in CATEGORIES.items():
        assert members and members <= ids, (name, members - ids)


def test_every_gold_query_runs_and_is_small():
    con = duckdb.connect()
    for qid, ds, _, sql, _, accepted in QUESTIONS:
        if sql is None:
            continue
        columns, rows = gold(con, ds, sql)
        assert 1 <= len(rows) <= 100, qid
        assert all(v is not None for r in rows for v in r), qid  # no empty group or NULL measure
        if accepted <= {"kpi", "histogram"}:
            assert len(rows) == 1 and len(columns) == 1, qid


def test_no_top_n_gold_cuts_through_a_tie():
    """A "3 best …" question has one right answer only if the 3rd and 4th values differ."""
    con = duckdb.connect()
    for qid, ds, _, sql, _, _ in QUESTIONS:
        cut = re.search(r" LIMIT (\d+)$", sql or "")
        if cut is None:
            continue
        n = int(cut.group(1))
        _, rows = gold(con, ds, sql[:cut.start()])  # the ranking without its cut
        assert len(rows) > n and rows[n - 1][-1] != rows[n][-1], qid


def test_data_is_what_make_data_writes(tmp_path, monkeypatch):
    from tests.analysis.fresh2 import make_data
    monkeypatch.setattr(make_data, "DATA", tmp_path)
    make_data.main()
    for path in DATA.glob("*.csv"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
        with path.open(newline="") as f:
            assert 300 <= sum(1 for _ in csv.reader(f)) - 1 <= 3000, path.name
