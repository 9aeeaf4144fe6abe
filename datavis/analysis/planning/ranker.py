"""The log-linear ranker: score = w·features; softmax over the candidates; the margin between
the best and the runner-up (in log-probability) is the confidence. Weights come from
weights.json (fitted by bench/fit_ranker.py on nvBench-train); `use_weights` swaps them (CV).
`readings` builds the candidates (links → generated plans, plus the rule reading and its edits)
the same way for answering and for fitting."""
from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Unanswerable
from ..language.linking import Links, link
from ..plan import AGG_WORDS, Plan
from ..presentation.wording import count_label
from ..sql.derived import derived_label
from .candidates import Candidate, generate
from .features import context, features, readout
from .generate import generate as generate_from_links
from .rules import build_plan, help_message

WEIGHTS = Path(__file__).with_name("weights.json")
_state: dict[str, dict[str, Any] | None] = {}


# A small hand-written prior where nvBench says nothing: it has no question about the rows themselves
# ("the 5 highest paid employees"), and no comparison of a few values across another column ("men and
# women across departments" splits by gender). Added to the fitted weights, never fitted.
# A count or an aggregate asked with no grouping word is one number, and two measures joined by
# "and" are both shown (nvBench has no KPI and no two-measure bar chart: its fitted weights only
# learn that charts have an x axis and one y), a condition the words state is kept, and "which X
# has the highest Y" names one X (nvBench's scorer compares neither filters nor limits, so its
# labels cannot teach them), and a Yes/No column is a share only when a share word asks for it
# ("orders that were returned" counts them; nvBench has few Yes/No columns), and "how many customers are
# there" is one number, not a count per customer (nvBench counts "the number of the dates" per date).
# A derived measure the words name (a rate, a ratio, the time between two dates: planning/measures.py)
# is read as such; its readers fire on no nvBench question. "prior:" features are never fitted (features.prior).
PRIOR = {"edit=dim:entity": 1.0, "edit=color:values|compare": 1.5, "edit=color:values|vs": 1.5,
         "edit=color:values|versus": 1.5, "lic=dim=entity": 1.0, "lic=color=values|compare": 1.5,
         "lic=color=values|vs": 1.5, "lic=color=values|versus": 1.5, "prior:kpi_count": 2.0, "prior:kpi_agg": 2.0,
         "prior:two_measures": 1.5, "prior:condition_dropped": -1.0,
         "prior:superlative_one": 1.0, "prior:share_uncued": -1.0, "prior:derived": 3.0,
         "prior:counted_axis": -1.0}


def use_weights(model: dict[str, Any] | None) -> None:
    """Use these weights ({"weights": {...}, "margin": float}); None = the shipped file."""
    _state["model"] = None if model is None else _with_prior(model)


def model() -> dict[str, Any]:
    """The weights in use, the hand prior added (built whole, then swapped in: request threads
    only ever see a finished model)."""
    current = _state.get("model")
    if current is None:
        loaded = json.loads(WEIGHTS.read_text()) if WEIGHTS.exists() else {"weights": {}, "margin": 0.0}
        current = _state["model"] = _with_prior(loaded)
    return current


def _with_prior(fitted: dict[str, Any]) -> dict[str, Any]:
    weights = dict(fitted["weights"])
    for k, v in PRIOR.items():
        weights[k] = weights.get(k, 0.0) + v
    return {**fitted, "weights": weights}


@dataclass
class Ranked:
    """The chosen plan, its confidence, and the next readings when it is low."""

    plan: Plan
    margin: float
    alternatives: list[Plan] = field(default_factory=list)


def score(f: dict[str, float], w: dict[str, float]) -> float:
    return sum(w.get(k, 0.0) * v for k, v in f.items())


def _key(plan: Plan) -> str:
    return plan.model_dump_json(exclude={"assumptions", "evidence"})


def readings(question: str, profile: dict[str, Any]) -> tuple[Links, list[Candidate]]:
    """The question's links and its candidate plans: the rule reading with its one-slot edits,
    and the plans the links generate (a generated plan equal to one of those adds its licence).
    Raises Unanswerable (with the columns and three questions) when nothing links."""
    links = link(question, profile)
    parsed = links.parsed
    ruled = dataclasses.replace(parsed, groups=list(parsed.groups))  # the rule planner rewrites its parse
    try:
        base: Plan | None = build_plan(ruled, profile)
    except Unanswerable:
        if not (links.columns or links.values or links.conditions or links.aggs):
            raise
        base = None
    cands = generate(links.question, base, ruled, profile) if base is not None else []  # edits read its parse
    by_key = {_key(c.plan): c for c in cands}
    for g in generate_from_links(links, profile, base):
        k = _key(g.plan)
        if k in by_key:
            by_key[k].licence = g.feats
        elif base is not None or g.plan.filters or any(f not in ("count=default", "dim=none") for f in g.feats):
            by_key[k] = Candidate(g.plan, (), "gen", g.feats)
            cands.append(by_key[k])
    if not cands:
        raise Unanswerable(help_message(profile, question))
    return links, cands


def scored(question: str, profile: dict[str, Any]) -> list[tuple[float, Plan, dict[str, Any]]]:
    """Every candidate with its score and readout, best first."""
    w = model()["weights"]
    links, cands = readings(question, profile)
    rule = cands[0].plan if cands[0].source == "rule" else None
    ctx = context(links.question, links.parsed, links.period_words)
    out = []
    for cand in cands:
        r = readout(cand.plan, profile)
        if cand.edits:
            cand.plan.evidence.append(f"ranker: the rule reading edited ({', '.join(cand.edits)})")
        elif cand.source == "gen":
            cand.plan.evidence.append(f"ranker: generated from the links ({', '.join(cand.licence)})")
        out.append((score(features(cand, r, ctx, profile, links, rule), w), cand.plan, r))
    out.sort(key=lambda t: -t[0])
    return out


def choose(question: str, profile: dict[str, Any]) -> Ranked:
    """The best reading; the two next distinct readings as alternatives when the margin is low."""
    ranked = scored(question, profile)
    if len(ranked) == 1:
        return Ranked(ranked[0][1], math.inf)
    margin = ranked[0][0] - ranked[1][0]
    alts: list[Plan] = []
    if margin < model().get("margin", 0.0):
        seen = {json.dumps(ranked[0][2], default=str)}
        for _s, plan, r in ranked[1:]:
            key = json.dumps(r, default=str)
            if key not in seen and len(alts) < 2:
                seen.add(key)
                alts.append(plan)
    return Ranked(ranked[0][1], margin, alts)


def describe(plan: Plan, profile: dict[str, Any]) -> str:
    """A plan as a short question, for an alternative's one-click button."""
    m = plan.measures[0] if plan.measures else None
    if m is None or (m.column is None and m.kind is None):
        what = count_label(profile).lower()
    elif m.kind is not None:  # a rate, a ratio, the time between two dates
        what = derived_label(m).lower()
    elif m.agg == "none":
        what = m.column or ""
    else:
        what = f"{AGG_WORDS.get(m.agg, m.agg).lower()} {m.column}"
    text = what
    if plan.dimension is not None:
        grain = f" per {plan.dimension.grain.replace('_', ' ')}" if plan.dimension.grain else ""
        text += f" by {plan.dimension.column}{grain}"
    if plan.color:
        text += f" and {plan.color}"
    if plan.limit:
        text = f"top {plan.limit}: {text}"
    if plan.chart not in ("auto", None):
        text += f" as a {plan.chart} chart"
    return text[0].upper() + text[1:]
