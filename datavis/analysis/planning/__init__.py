"""Planning: candidate plans around the rule reading, scored by a log-linear ranker fitted on
nvBench-train (bench/fit_ranker.py), with the top plan's margin over the runner-up as confidence.

    choose(question, parsed, base, profile) -> Ranked   # best plan + the next readings when unsure
"""
from .ranker import Ranked, choose

__all__ = ["Ranked", "choose"]
