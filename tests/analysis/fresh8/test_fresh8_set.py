"""The eighth fresh evaluation set's shape (checks shared with fresh in tests/analysis/blindshape.py), and no
top-N gold cuts through a tie."""
from __future__ import annotations

from tests.analysis import blindshape as S
from tests.analysis.fresh8 import make_data
from tests.analysis.fresh8.questions import CATEGORIES, QUESTIONS
from tests.analysis.fresh8.runner import DATA, gold


def test_set_size_and_datasets():
    S.check_size_and_datasets(QUESTIONS, DATA)


def test_every_item_is_well_formed():
    S.check_every_item(QUESTIONS)


def test_categories_are_the_business_sets_and_name_existing_items():
    S.check_categories(CATEGORIES, QUESTIONS)


def test_every_gold_query_runs_and_is_small():
    S.check_gold_runs_and_is_small(QUESTIONS, gold)


def test_no_top_n_gold_cuts_through_a_tie():
    S.check_no_tie_at_a_cut(QUESTIONS, gold)


def test_data_is_what_make_data_writes(tmp_path, monkeypatch):
    S.check_data_regenerates(make_data, DATA, tmp_path, monkeypatch)
