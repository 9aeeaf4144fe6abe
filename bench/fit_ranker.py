"""Fit the planner's ranker on nvBench-train and write datavis/analysis/planning/weights.json.

usage: python bench/fit_ranker.py [--epochs N]

Every paraphrase (`nl_all`) of every training item is linked to its table, and its candidates are
built as at answer time (datavis.analysis.planning.ranker.readings: the rule reading, its one-slot
edits, and the plans the links generate, planning/generate.py); each candidate is labelled right
when what it would show equals the gold chart on the scorer's fields (mark, x, y+aggregate,
colour, time unit, order; ../shared/eval/score_nvbench.py). The weights maximise the log of the
probability of the right candidates (softmax over the question's candidates; AdaGrad, L2).
Questions with no right candidate teach nothing and are skipped. The margin threshold under which
alternatives are offered is the smallest one at which answers above it are 95% right, judged as
the CV judges: an inner 5-fold cross-fit by table, every question answered (as asked without a chart
word) by weights fitted on the other tables, over the answers of a settled shape (bars or a pie over
a column: planning/decision.settled, the only ones given without alternatives); every fifth of the
tables is judged, because the share right at a cut varies much between groups of tables. When no
cut reaches 95%, the most precise cut that still answers at least half of them outright.
`fit(items, items_dir, dir_of)` is what bench/analysis_quality.py calls for each CV fold.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from datavis.analysis.datasets.store import load_profile  # noqa: E402
from datavis.analysis.errors import AnalysisError  # noqa: E402
from datavis.analysis.planning.features import context, features, readout  # noqa: E402
from datavis.analysis.planning.ranker import WEIGHTS, readings  # noqa: E402

_CACHE: dict[tuple[str, str], list[tuple[dict, bool]] | None] = {}
MIN_COUNT = 5
CONFIDENT_TARGET = 0.95
INNER_FOLDS = 5


def _sc():
    from analysis_quality import _scorer  # noqa: PLC0415

    return _scorer()


def is_right(r: dict, it: dict, sc) -> bool:
    ex, ey = it["x"], it["y"]
    eagg = sc.nagg(ey["aggregate"])
    order = {"by": r["order"][0], "desc": r["order"][1]} if r["order"] else None
    return (sc.nmark(r["mark"]) == it["mark"]
            and sc.nfield(r["x"]) == sc.nfield(ex["field"]) and sc.nagg(ex["aggregate"]) is None
            and sc.nagg(r["agg"]) == eagg and (eagg == "count" or sc.nfield(r["y"] or "*") == sc.nfield(ey["field"]))
            and sc.nfield(r["color"]) == sc.nfield(it.get("color"))
            and sc.nunit(r["time_unit"]) == sc.EXPECTED_UNITS.get(ex["time_unit"], ex["time_unit"])
            and sc.order_ok(it.get("order"), sc.norder(order, r["x"], r["y"]), it))


def examples(question: str, it: dict, profile: dict, sc) -> list[tuple[dict, bool]] | None:
    try:
        links, cands = readings(question, profile)
    except AnalysisError:
        return None
    ctx = context(links.question, links.parsed, links.period_words)
    rule = cands[0].plan.model_copy(deep=True) if cands[0].source == "rule" else None
    out = []
    for c in cands:
        try:
            r = readout(c.plan, profile)
        except AnalysisError:
            continue
        f = {k: v for k, v in features(c, r, ctx, profile, links, rule).items() if not k.startswith("prior:")}
        out.append((f, is_right(r, it, sc)))
    return out


def paraphrases(it: dict) -> list[str]:
    """Every wording of an item: what the weights are fitted on."""
    return it.get("nl_all") or [it["question"]]


def as_held_out(it: dict) -> list[str]:
    """The wording the held-out sets ask: without a chart word where nvBench has one."""
    return [it.get("question_no_chart_word") or it["question"]]


def extract(items: list[dict], items_dir: Path, dir_of,
            wordings: Callable[[dict], list[str]] = paraphrases) -> list[list[tuple[dict, bool]]]:
    sc = _sc()
    data = []
    for it in items:
        profile = load_profile(dir_of(items_dir, it))["profile"]
        for q in wordings(it):
            key = (it["id"], q)
            if key not in _CACHE:
                _CACHE[key] = examples(q, it, profile, sc)
            if _CACHE[key]:
                data.append(_CACHE[key])
    return data


def _probs(ex, w) -> list[float]:
    s = [sum(w.get(k, 0.0) for k in f) for f, _ in ex]
    top = max(s)
    e = [math.exp(v - top) for v in s]
    z = sum(e)
    return [v / z for v in e]


def train(data, epochs: int, rate: float = 0.2, l2: float = 0.05) -> dict[str, float]:
    counts = Counter(k for ex in data for k in {k for f, _ in ex for k in f})
    keep = {k for k, n in counts.items() if n >= MIN_COUNT}
    data = [[({k: v for k, v in f.items() if k in keep}, ok) for f, ok in ex] for ex in data
            if any(ok for _, ok in ex) and not all(ok for _, ok in ex)]
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    for _ in range(epochs):
        for ex in data:
            p = _probs(ex, w)
            pr = sum(pi for pi, (_, ok) in zip(p, ex, strict=True) if ok)
            grad: dict[str, float] = {}
            for pi, (f, ok) in zip(p, ex, strict=True):
                coef = pi - (pi / pr if ok else 0.0)  # d(-log P(right))/d score
                for k in f:
                    grad[k] = grad.get(k, 0.0) + coef
            for k, gk in grad.items():
                gk += l2 * w.get(k, 0.0)
                g2[k] = g2.get(k, 0.0) + gk * gk
                w[k] = w.get(k, 0.0) - rate * gk / math.sqrt(g2[k] + 1e-8)
    return {k: round(v, 3) for k, v in w.items() if abs(v) >= 0.01}


def outcomes(data, w) -> list[tuple[float, bool]]:
    """(margin, right) of the best reading of each question of `data` under the weights `w`, for the
    questions that could be answered without alternatives (more than one reading, a settled shape)."""
    out = []
    for ex in data:
        s = sorted(((sum(w.get(k, 0.0) for k in f), ok, f) for f, ok in ex), key=lambda t: -t[0])
        if len(s) > 1 and settled_features(s[0][2]):  # a single reading has no alternative to offer
            out.append((s[0][0] - s[1][0], s[0][1]))
    return out


def margin_threshold(judged: list[tuple[float, bool]]) -> float:
    """Smallest margin above which the `judged` answers (not fitted on) are CONFIDENT_TARGET right."""
    judged = sorted(judged, key=lambda t: -t[0])
    best, right = math.inf, 0
    prec = []
    for i, (m, ok) in enumerate(judged, 1):
        right += ok
        prec.append((right / i, m, i))
        if right / i >= CONFIDENT_TARGET:
            best = m
    if best == math.inf and prec:  # unreachable: the most precise cut that still answers half outright
        best = max((p for p in prec if p[2] >= len(prec) // 2), key=lambda p: p[0])[1]
    return 0.0 if best == math.inf else round(best, 4)


def settled_features(f: dict) -> bool:
    """decision.settled, read from a candidate's features (its mark and time unit)."""
    return bool(f.get("mark=bar") or f.get("mark=arc")) and bool(f.get("tu=None"))


def _inner_fold(item: dict) -> int:
    return int(hashlib.sha1(("margin:" + item["csv"]).encode()).hexdigest(), 16) % INNER_FOLDS


def fit(items: list[dict], items_dir: Path, dir_of, epochs: int = 6) -> dict:
    """Weights from all `items`; the margin threshold from the answers of an inner cross-fit by table
    (each fifth of the tables answered by weights fitted on the other four), asked without a chart word."""
    judged = []
    for k in range(INNER_FOLDS):
        inner = train(extract([i for i in items if _inner_fold(i) != k], items_dir, dir_of), epochs)
        held = [i for i in items if _inner_fold(i) == k]
        judged += outcomes(extract(held, items_dir, dir_of, as_held_out), inner)
    return {"weights": train(extract(items, items_dir, dir_of), epochs), "margin": margin_threshold(judged)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=6)
    a = ap.parse_args()
    from analysis_quality import TRAIN, Tables, load_items  # noqa: PLC0415

    items = load_items(TRAIN)
    with tempfile.TemporaryDirectory() as tmp:
        tables = Tables(Path(tmp))
        m = fit(items, TRAIN.parent, tables.dir, a.epochs)
        tables.close()
    WEIGHTS.write_text(json.dumps({"fitted_on": "nvbench-train", "items": len(items), **m}, sort_keys=True) + "\n")
    print(f"{len(m['weights'])} weights, margin {m['margin']} -> {WEIGHTS}")


if __name__ == "__main__":
    main()
