"""Quality of the embedded planner, measured honestly in one command.

usage: python bench/analysis_quality.py [--only suite,cv,dev,business] [--out DIR] [--verbose] [--no-fit]
       [--variant question_no_chart_word]

- cv: 5-fold cross-validation on ../shared/eval/nvbench-train split BY TABLE. For each fold the ranker
  (datavis/analysis/planning/ranker.py) is refitted with bench/fit_ranker.py on the other four folds' tables
  only, then every item of the held-out tables is answered by `answer()` and scored with score_nvbench.py.
- dev: ../shared/eval/nvbench-dev with the shipped weights (never used for fitting).
- business: tests/analysis/business (205 questions written blind), through run_business().
- suite: the project's own question suite (tests/analysis/suite).
Both nvBench variants are scored: `question`, and `question_no_chart_word` falling back to `question`
(the held-out target is the latter). "confident" = answers given without alternatives, and their share right.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from datavis.analysis import AnalysisError, answer, forget, ingest_csv  # noqa: E402

EVAL = Path(os.environ.get("DATAVIS_EVAL") or next(
    (p / "shared" / "eval" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "eval").is_dir()),
    ROOT.parent / "shared" / "eval"))
DEV = EVAL / "nvbench-dev" / "items.jsonl"
TRAIN = EVAL / "nvbench-train" / "items.jsonl"
VARIANTS = ("question", "question_no_chart_word")
METRICS = ("mark", "x", "y+agg", "color", "time_unit", "order", "all")
FOLDS = 5


def _scorer():
    sys.path.insert(0, str(EVAL))
    import score_nvbench  # noqa: PLC0415

    return score_nvbench


def prediction(item_id: str, ans) -> dict:
    p = ans.plan
    f = p.get("data_fields") or {}
    x = p.get("x") or {}
    y = p.get("y") or {}
    keys = [k for k in (f.get("x"), f.get("y"), f.get("color")) if k]
    rows = [{k: r.get(k) for k in keys} for r in ans.data] if keys else ans.data
    order = p.get("order")
    return {"id": item_id, "chart_type": ans.chart_type,
            "x": {"field": x.get("field"), "aggregate": None, "time_unit": x.get("time_unit")},
            "y": {"field": y.get("field") or "*", "aggregate": y.get("aggregate")},
            "color": p.get("color"),
            "order": {"by": order["by"], "desc": order["desc"]} if order and order.get("explicit") else None,
            "rows": rows, "confident": not ans.alternatives}


def load_items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def fold_of(table_csv: str) -> int:
    """A table's fold: a stable hash of its CSV path, so folds never share a table."""
    return int(hashlib.sha1(table_csv.encode()).hexdigest(), 16) % FOLDS


class Tables:
    """Ingested nvBench tables, kept for the whole run (ingest once per CSV)."""

    def __init__(self, root: Path) -> None:
        self.root, self.dirs = root, {}

    def dir(self, items_dir: Path, item: dict) -> Path:
        key = str(items_dir / item["csv"])
        if key not in self.dirs:
            d = self.root / f"ds{len(self.dirs)}"
            ingest_csv(items_dir / item["csv"], d, name=item["table"])
            self.dirs[key] = d
        return self.dirs[key]

    def close(self) -> None:
        for d in self.dirs.values():
            forget(d)


def predict(items: list[dict], items_dir: Path, tables: Tables, variant: str, verbose: bool) -> tuple[list, int]:
    preds, failures = [], 0
    for it in items:
        q = it.get(variant) or it["question"]
        try:
            preds.append(prediction(it["id"], answer(tables.dir(items_dir, it), q)))
        except AnalysisError as e:
            failures += 1
            preds.append({"id": it["id"], "chart_type": None, "x": {}, "y": {}, "error": e.message, "confident": True})
            if verbose:
                print(f"  [{it['id']}] {type(e).__name__}: {e.message[:120]}")
    return preds, failures


def score(items: list[dict], preds: list[dict], out: Path, name: str) -> dict:
    sc = _scorer()
    items_path, preds_path = out / f"{name}_items.jsonl", out / f"{name}_preds.jsonl"
    items_path.write_text("".join(json.dumps(i) + "\n" for i in items))
    preds_path.write_text("".join(json.dumps(p, default=str) + "\n" for p in preds))
    r = sc.score(str(items_path), str(preds_path))
    by_id = {i["id"]: i for i in items}
    conf = [p for p in preds if p.get("confident")]
    right = 0
    for p in conf:  # fully right per the scorer's "all", one item at a time
        one = out / f"{name}_one.jsonl"
        one.write_text(json.dumps(by_id[p["id"]]) + "\n")
        onep = out / f"{name}_onep.jsonl"
        onep.write_text(json.dumps(p, default=str) + "\n")
        right += sc.score(str(one), str(onep))["accuracy"]["all"] == 1.0
    r["confident"], r["confident_right"] = len(conf), right
    return r


def run_dev(out: Path, tables: Tables, verbose: bool) -> dict:
    items = load_items(DEV)
    res = {}
    for v in VARIANTS:
        preds, fails = predict(items, DEV.parent, tables, v, verbose)
        res[v] = score(items, preds, out, f"dev_{v}")
        res[v]["errors"] = fails
    return res


def run_cv(out: Path, tables: Tables, verbose: bool, fit: bool) -> dict:
    items = load_items(TRAIN)
    folds = [[i for i in items if fold_of(i["csv"]) == k] for k in range(FOLDS)]
    preds = {v: [] for v in VARIANTS}
    fails = dict.fromkeys(VARIANTS, 0)
    ranker = _ranker() if fit else None
    for k in range(FOLDS):
        if ranker is not None:
            train = [i for j, f in enumerate(folds) if j != k for i in f]
            ranker.use_weights(_fit(train, tables))
        for v in VARIANTS:
            p, n = predict(folds[k], TRAIN.parent, tables, v, verbose)
            preds[v] += p
            fails[v] += n
    if ranker is not None:
        ranker.use_weights(None)  # back to the shipped weights
    res = {}
    for v in VARIANTS:
        res[v] = score(items, preds[v], out, f"cv_{v}")
        res[v]["errors"] = fails[v]
    return res


def _ranker():
    try:
        from datavis.analysis.planning import ranker  # noqa: PLC0415
    except ImportError:
        return None
    return ranker


def _fit(train: list[dict], tables: Tables) -> dict:
    import fit_ranker  # noqa: PLC0415

    return fit_ranker.fit(train, TRAIN.parent, tables.dir)


def print_nv(title: str, res: dict) -> None:
    print(title)
    print(f"  {'run':26s} " + " ".join(f"{m:>9s}" for m in (*METRICS, "exec")) + "  confident: n, right")
    for variant, r in res.items():
        acc = r["accuracy"]
        c = r["confident"]
        print(f"  {variant:26s} " + " ".join(f"{acc[m]:9.1%}" for m in METRICS) + f" {r['exec_match']:9.1%}"
              f"  {c}/{r['items']}, {r['confident_right'] / c if c else 0:.1%}   ({r['errors']} unanswered)")


def run_suite_section(verbose: bool) -> None:
    from tests.analysis.suite.runner import run_suite  # noqa: PLC0415

    res = run_suite(verbose=verbose)
    print(f"own suite: {res['right']}/{res['total']} right data = {res['right'] / res['total']:.1%} "
          f"({len(res['datasets'])} datasets)")


def run_business_section(verbose: bool) -> None:
    from tests.analysis.business.runner import report, run_business  # noqa: PLC0415

    print("business set (tests/analysis/business, 205 questions)")
    res = run_business(verbose=verbose)
    print(report(res))
    print(answer_or_ask(res))


def answer_or_ask(res: dict) -> str:
    """The answer-or-ask figures of a blind set (tests/analysis/blindset.run_set): unanswerable
    questions declined, answerable ones declined by mistake, and the answers given without
    alternatives (declines and errors left out) that are fully right."""
    un = res["per_category"]["unanswerable"]
    failed = [o for o in res["outcomes"] if o.got in ("Unanswerable", "AnalysisError", "UnsafeQuery")]
    wrongly = [o.qid for o in failed if not o.right_data]
    answers = [o for o in res["outcomes"] if o not in failed]
    alone = [o for o in answers if o.confident]
    right = sum(o.both for o in alone)
    return (f"answer or ask: unanswerable declined {un['both']}/{un['total']}; answerable declined "
            f"{len(wrongly)} ({', '.join(wrongly) or '-'}); answers without alternatives {len(alone)}/{len(answers)}, "
            f"fully right {right} ({right / len(alone) if alone else 0:.1%})")


def main() -> None:
    global VARIANTS  # noqa: PLW0603 - --variant: one run scores one variant
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="suite,cv,dev,business")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--no-fit", action="store_true", help="CV with the shipped weights (no refit per fold)")
    ap.add_argument("--variant", choices=VARIANTS, help="score one nvBench variant only (half the time)")
    a = ap.parse_args()
    if a.variant:
        VARIANTS = (a.variant,)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    only = set(a.only.split(","))
    if "suite" in only:
        run_suite_section(a.verbose)
    with tempfile.TemporaryDirectory() as tmp:
        tables = Tables(Path(tmp))
        if "cv" in only:
            print_nv(f"nvBench train, {FOLDS}-fold cross-validation by table", run_cv(out, tables, a.verbose,
                                                                                     not a.no_fit))
        if "dev" in only:
            print_nv("nvBench dev (embedded planner)", run_dev(out, tables, a.verbose))
        tables.close()
    if "business" in only:
        run_business_section(a.verbose)


if __name__ == "__main__":
    main()
