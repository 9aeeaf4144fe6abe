"""Planning: the plans a question's links allow (generate.py) and the rule reading with its
one-slot edits (rules.py, candidates.py), scored by a log-linear ranker fitted on nvBench-train
(bench/fit_ranker.py), with the top plan's margin over the runner-up as confidence.

    choose(question, profile, links=None) -> Ranked   # best plan + the next readings when unsure
"""
from .ranker import Ranked, choose

__all__ = ["Ranked", "choose"]
