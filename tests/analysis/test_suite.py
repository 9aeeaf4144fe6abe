"""The project's own question suite (tests/analysis/suite: 4 datasets, 125 questions, expected
tables by hand SQL) as a regression test: each question is pinned on its own. A pinned question
must keep the gold data and its pinned chart type; the known misses (pins.json, regenerated with
``python -m tests.analysis.suite.pin``) are expected to stay wrong until someone fixes and re-pins them."""
from __future__ import annotations

import json

import pytest

from tests.analysis.suite.pin import PINS
from tests.analysis.suite.questions import QUESTIONS
from tests.analysis.suite.runner import rows_match, run_suite

_PINNED = json.loads(PINS.read_text())


def test_suite_shape():
    datasets = {q[1] for q in QUESTIONS}
    assert len(QUESTIONS) >= 120 and len(datasets) >= 4
    assert len({q[0] for q in QUESTIONS}) == len(QUESTIONS)
    assert sum(1 for q in QUESTIONS if q[4]) >= 15  # follow-ups
    assert set(_PINNED["chart_type"]) | set(_PINNED["known_misses"]) == {q[0] for q in QUESTIONS}


def test_comparison_is_strict():
    assert rows_match([("a", 1.0)], [("a", 1)])
    assert rows_match([("a", 1.0), ("b", 2.0)], [(2, "b"), (1, "a")])
    assert not rows_match([("a", 1.0)], [("a", 1.01)])
    assert not rows_match([("a", 1.0)], [("a", 1.0), ("b", 2.0)])


@pytest.fixture(scope="module")
def outcomes() -> dict[str, tuple[bool, str]]:
    return {qid: (ok, detail) for qid, ok, _q, detail in run_suite()["results"]}


def _params():
    for qid, _ds, question, _sql, _prev in QUESTIONS:
        if qid in _PINNED["known_misses"]:
            yield pytest.param(qid, marks=pytest.mark.xfail(strict=True, reason="known miss: " + question), id=qid)
        else:
            yield pytest.param(qid, id=qid)


@pytest.mark.parametrize("qid", list(_params()))
def test_question_keeps_its_answer(outcomes, qid):
    ok, detail = outcomes[qid]
    assert ok, f"{qid}: wrong data: {detail[:300]}"
    assert detail.split(" | ", 1)[0] == _PINNED["chart_type"][qid], f"{qid}: chart type changed: {detail[:200]}"
