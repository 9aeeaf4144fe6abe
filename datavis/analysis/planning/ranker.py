"""The log-linear ranker: score = w·features; softmax over the candidates; the margin between
the best and the runner-up (in log-probability) is the confidence. Weights come from
weights.json (fitted by bench/fit_ranker.py on nvBench-train); `use_weights` swaps them (CV)."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from ..language.parsing import Parsed
from .plan import AGG_WORDS, Plan
from ..presentation.wording import count_label
from .candidates import generate
from .features import context, features, readout

WEIGHTS = Path(__file__).with_name("weights.json")
_state: dict = {}


# A small hand-written prior where nvBench says nothing: it has no question about the rows themselves
# ("the 5 highest paid employees"), and no comparison of a few values across another column ("men and
# women across departments" splits by gender). Added to the fitted weights, never fitted.
PRIOR = {"edit=dim:entity": 1.0, "edit=color:values|compare": 1.0, "edit=color:values|vs": 1.0,
         "edit=color:values|versus": 1.0}


def use_weights(model: dict | None) -> None:
    """Use these weights ({"weights": {...}, "margin": float}); None = the shipped file."""
    _state["model"] = model


def model() -> dict:
    if _state.get("model") is None:
        _state["model"] = json.loads(WEIGHTS.read_text()) if WEIGHTS.exists() else {"weights": {}, "margin": 0.0}
    return _state["model"]


@dataclass
class Ranked:
    """The chosen plan, its confidence, and the next readings when it is low."""

    plan: Plan
    margin: float
    alternatives: list[Plan] = field(default_factory=list)


def score(f: dict[str, float], w: dict[str, float]) -> float:
    return sum(w.get(k, 0.0) * v for k, v in f.items())


def scored(question: str, parsed: Parsed, base: Plan, profile: dict) -> list[tuple[float, Plan, dict]]:
    """Every candidate with its score and readout, best first."""
    w = model()["weights"]
    if "_prior" not in model():
        model()["_prior"] = True
        for k, v in PRIOR.items():
            w[k] = w.get(k, 0.0) + v
    ctx = context(question, parsed)
    out = []
    for cand in generate(question, base, parsed, profile):
        r = readout(cand.plan, profile)
        if cand.edits:
            cand.plan.evidence.append(f"ranker: the rule reading edited ({', '.join(cand.edits)})")
        out.append((score(features(cand, r, ctx, profile), w), cand.plan, r))
    out.sort(key=lambda t: -t[0])
    return out


def choose(question: str, parsed: Parsed, base: Plan, profile: dict) -> Ranked:
    """The best reading; the two next distinct readings as alternatives when the margin is low."""
    ranked = scored(question, parsed, base, profile)
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


def describe(plan: Plan, profile: dict) -> str:
    """A plan as a short question, for an alternative's one-click button."""
    m = plan.measures[0] if plan.measures else None
    if m is None or m.column is None:
        what = count_label(profile).lower()
    elif m.agg == "none":
        what = m.column
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
