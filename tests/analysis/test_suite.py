"""Quality gate: the embedded planner answers ≥ 90% of the project's own question suite with
the right data (tests/analysis/suite: 4 datasets, 125 questions, expected tables by hand SQL)."""
from __future__ import annotations

from tests.analysis.suite.questions import QUESTIONS
from tests.analysis.suite.runner import rows_match, run_suite


def test_suite_shape():
    datasets = {q[1] for q in QUESTIONS}
    assert len(QUESTIONS) >= 120 and len(datasets) >= 4
    assert len({q[0] for q in QUESTIONS}) == len(QUESTIONS)
    assert sum(1 for q in QUESTIONS if q[4]) >= 15  # follow-ups


def test_comparison_is_strict():
    assert rows_match([("a", 1.0)], [("a", 1)])
    assert rows_match([("a", 1.0), ("b", 2.0)], [(2, "b"), (1, "a")])
    assert not rows_match([("a", 1.0)], [("a", 1.01)])
    assert not rows_match([("a", 1.0)], [("a", 1.0), ("b", 2.0)])


def test_embedded_planner_quality_gate():
    res = run_suite()
    failed = [f"{qid}: {q} -> {d[:160]}" for qid, ok, q, d in res["results"] if not ok]
    assert res["right"] / res["total"] >= 0.90, "\n".join(failed)
