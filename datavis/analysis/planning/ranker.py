"""The log-linear ranker: score = w·features; softmax over the candidates; the margin between
the best and the runner-up (in log-probability) is the confidence. Weights come from
weights.json (fitted by bench/fit_ranker.py on nvBench-train); `use_weights` swaps them (CV).
`readings` builds the candidates (links → generated plans, plus the rule reading and its edits)
the same way for answering and for fitting."""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Unanswerable
from ..labels import CHART_NAMES, measures_name
from ..language.linking import Links, link
from ..plan import Plan
from . import flows, onerow, subsets
from .candidates import Candidate, rule_edits
from .coverage import Coverage, doubts, gaps, missing_phrase, subject_named
from .decision import asks_one_number, offered, spread
from .features import context, features, readout
from .generate import generate as generate_from_links
from .generate import kind_tokens, money_links, ranks_rows
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
# A word of money that names no column ("monthly spend", "which vendors cost the most") measures the money
# column (generate.money_links): nvBench's tables have no money column named otherwise. A count and a
# measure joined by "and", or two aggregation cues of one column, are both shown (nvBench charts have one y);
# two totals per group said "A vs B" with no word of a relation ("spend vs revenue by channel") are set side
# by side, not plotted as dots (nvBench's few scatters of two aggregates all say "scatter" or "correlation"),
# but two measures in different units ("spend vs conversions per campaign") or plotted "against" each other
# are one dot per group: bars of dollars beside bars of counts share no axis; and two amounts of one unit said
# "A vs B by C" are compared per C, not plotted row by row as nvBench's scatter coloured by C.
# A superlative describing a dimension ranks its groups ("biggest spending department": nvBench's scorer
# compares no limit), and a superlative of price ("the five cheapest products") ranks by the price, one of
# weight, height, age or duration by that ("the heaviest shipment").
# "who" asks for the people of a column of people ("who closed the most tickets": by agent), and "how many
# employees" in a table whose rows are not people (timesheets, orders) counts the distinct people. Values of one
# column listed with "and" ("how many male and female professors", "hours of men and women") are one bar each
# (with "or" pooled), and pay compared between groups the words name ("compare pay for men vs women") is their
# average pay. An axis whose column a condition holds to one value is a single bar ("daily spend for the
# holiday push campaign" is not a bar of that campaign). A superlative of one item ranking groups ("which
# supplier has the longest lead time") or a level ("the best CSAT") ranks them by their average (nvBench's
# scorer compares no aggregation of a ranking).
PRIOR = {"edit=dim:entity": 1.0, "edit=color:values|compare": 1.5, "edit=color:values|vs": 1.5,
         "edit=color:values|versus": 1.5, "lic=dim=entity": 1.0, "lic=color=values|compare": 1.5,
         "lic=color=values|vs": 1.5, "lic=color=values|versus": 1.5, "prior:kpi_count": 2.0, "prior:kpi_agg": 2.0,
         "prior:two_measures": 1.5, "prior:versus_points": -1.0, "prior:versus_dots": 1.5,
         "prior:versus_raw_same_unit": -1.0,
         "prior:condition_dropped": -1.0,
         "prior:superlative_one": 1.0, "prior:share_uncued": -1.0, "prior:derived": 3.0,
         "prior:counted_axis": -2.0, "lic=money=word": 2.5, "lic=money=raw": 1.5,
         "lic=two=count_and": 1.5, "lic=two=cues": 0.5, "lic=order=sup_dim": 1.5,
         "prior:superlative_aggregated": -1.5, "lic=implicit=price": 2.0, "lic=implicit=kind": 2.0,
         "lic=dim=who": 1.0, "lic=agg=count_people": 2.0, "lic=count=entity": 2.0, "lic=agg=counted_plural": 2.0,
         "lic=dim=values": 2.5, "lic=agg=compared_level": 2.0,
         "prior:one_value_axis": -1.0, "prior:bins_named": 1.0, "lic=agg=ranked_level": 2.0}


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


def readings(question: str, profile: dict[str, Any], links: Links | None = None) -> tuple[Links, list[Candidate]]:
    """The question's links (read here unless the caller has them) and its candidate plans: the
    rule reading with its one-slot edits, and the plans the links generate (a generated plan equal
    to one of those adds its licence). Raises Unanswerable (with the columns and three questions)
    when nothing links."""
    links = links if links is not None else link(question, profile)
    parsed = links.parsed
    ruled = dataclasses.replace(parsed, groups=list(parsed.groups))  # the rule planner rewrites its parse
    try:
        base: Plan | None = build_plan(ruled, profile)
    except Unanswerable:
        if not (links.columns or links.values or links.conditions or links.aggs or ranks_rows(links)):
            raise
        base = None
    if base is not None and ranks_rows(links) and base.dimension is not None and \
            profile["_by_name"][base.dimension.column]["role"] == "measure":
        base = None  # "the 6 largest parcels by volume": rows ranked by the volume, never grouped by it
    cands = rule_edits(links.question, base, ruled, profile) if base is not None else []  # edits read its parse
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


def scored(question: str, profile: dict[str, Any],
           links: Links | None = None) -> list[tuple[float, Plan, dict[str, Any]]]:
    """Every candidate with its score and readout, best first."""
    w = model()["weights"]
    links, cands = readings(question, profile, links)
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


def choose(question: str, profile: dict[str, Any], links: Links | None = None) -> Ranked:
    """The best reading, with the next sensible readings when the choice is close
    (planning/decision.py). A question whose subject links to nothing ("the NPS by plan" in a table
    without one) is declined, naming what was not found; a word not found elsewhere ("which site
    costs the most to **run**") is said in the answer's notes, with alternatives
    (planning/coverage.py). `links`: the question's links when the caller has read them already
    (one parse per message)."""
    links = links if links is not None else link(question, profile)
    # a word of money names the money column ("revenue per account" over MRR): not a word left unlinked
    with_money = dataclasses.replace(links, columns=links.columns + money_links(links, profile))
    cov = gaps(with_money, profile)
    said = with_money.columns or links.values or links.conditions or (links.aggs and kind_tokens(links, profile)) \
        or ranks_rows(links)
    if cov.missing and not said:
        raise Unanswerable(help_message(profile, question))  # nothing links: "I could not find a column…"
    try:
        ranked = scored(question, profile, links)
    except Unanswerable:
        if cov.missing:  # no reading at all: name the words not found rather than the whole question
            raise _not_found(links, cov, profile) from None
        raise
    ranked = subsets.time_axis_kept(ranked, links)
    best = ranked[0][1]
    if cov.missing and not subject_named(best, cov, with_money, profile):
        raise _not_found(links, cov, profile)
    doubt = doubts(with_money, profile)
    margin, alts = offered(ranked, links, model().get("margin", 0.0), doubt)
    if not alts:
        alts = spread(best, profile, doubt, asks_one_number(links))
    if cov.missing and not alts:  # a reading past a word not found is offered with others, or not at all
        raise _not_found(links, cov, profile)
    if cov.missing:
        others = [w for w in doubt if w not in cov.missing]
        best.assumptions.append(f"I did not find “{missing_phrase(links, cov)}”"
                                + (f" or “{' '.join(others)}”" if others else "")
                                + f" in this dataset; I read the question as “{describe(best, profile)}”")
    elif doubt:  # said, so the answer is read as a reading of the other words
        best.assumptions.append(f"I did not find “{' '.join(doubt)}” in this dataset: the answer leaves "
                                f"{'it' if len(doubt) == 1 else 'them'} out")
    # money said one way of a signed amount, and the unit asked for, hold for every reading (flows.py)
    # a subset of the rows said beside the whole ("bookings and cancellations") is measured beside it (subsets.py)
    best = subsets.apply(flows.apply(best, links, profile), links, profile)
    best = onerow.apply(best, links, profile, _sized(best, links, profile))  # "who placed the biggest order"
    return Ranked(best, margin, [flows.apply(a, links, profile) for a in alts])


def _sized(best: Plan, links: Links, profile: dict[str, Any]) -> Plan | None:
    """The reading of the one-row superlative alone ("the biggest order"), when the chosen plan counts rows
    and so says nothing of the rows' size (planning/onerow.py); None when it is not needed or has none."""
    if not onerow.needs_size(best, links, profile):
        return None
    try:
        return choose(onerow.superlative_words(links), profile).plan
    except Unanswerable:
        return None


def _not_found(links: Links, cov: Coverage, profile: dict[str, Any]) -> Unanswerable:
    """The decline of a question whose subject the data lacks: what was not found, the columns and
    three questions the data can answer."""
    return Unanswerable(f"I could not find “{missing_phrase(links, cov)}” in this dataset. " + help_message(profile))


def describe(plan: Plan, profile: dict[str, Any]) -> str:
    """A plan as a short question, for an alternative's one-click button."""
    text = measures_name(plan.measures, profile)
    if plan.dimension is not None:
        grain = f" per {plan.dimension.grain.replace('_', ' ')}" if plan.dimension.grain else ""
        text += f" by {plan.dimension.column}{grain}"
    if plan.color:
        text += f" and {plan.color}"
    desc = plan.order is None or plan.order.desc
    if plan.order is not None and plan.order.by == "dimension" and plan.dimension is not None:
        text += f", sorted by {plan.dimension.column} {'descending' if desc else 'ascending'}"
    elif plan.order is not None and not plan.limit:
        text += f", {'highest' if desc else 'lowest'} first"
    if plan.limit:  # the N largest or smallest, or the first N in the order of the axis
        head = "first" if plan.order is not None and plan.order.by == "dimension" else "top" if desc else "bottom"
        text = f"{head} {plan.limit}: {text}"
    # a KPI or a scatter is said, since the same measures alone could read as another chart
    chart = plan.chart if plan.chart != "auto" else {"kpi": "kpi", "correlation": "point"}.get(plan.intent)
    if chart is not None:
        text += f" as {CHART_NAMES[chart]}"
    return text[0].upper() + text[1:]
