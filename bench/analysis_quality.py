"""Quality of the embedded planner: the project's own question suite and the nvBench dev split.

usage: python bench/analysis_quality.py [--suite-only | --nvbench-only] [--out DIR] [--verbose]

nvBench: every item's table is ingested once, each question answered by `answer()` (no model),
predictions written as JSONL in the scorer's format, then ../shared/eval/score_nvbench.py is run
on both variants: `question`, and `question_no_chart_word` falling back to `question`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from datavis.analysis import AnalysisError, answer, ingest_csv  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
ITEMS = EVAL / "nvbench-dev" / "items.jsonl"
SCORER = EVAL / "score_nvbench.py"


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
            "rows": rows}


def run_nvbench(out_dir: Path, verbose: bool = False) -> dict:
    items = [json.loads(line) for line in ITEMS.read_text().splitlines() if line.strip()]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        dirs: dict[str, Path] = {}
        for variant in ("question", "question_no_chart_word"):
            preds, failures = [], 0
            for it in items:
                csv = ITEMS.parent / it["csv"]
                if it["csv"] not in dirs:
                    d = Path(tmp) / f"ds{len(dirs)}"
                    ingest_csv(csv, d, name=it["table"])
                    dirs[it["csv"]] = d
                q = it.get(variant) or it["question"]
                try:
                    ans = answer(dirs[it["csv"]], q)
                    preds.append(prediction(it["id"], ans))
                except AnalysisError as e:
                    failures += 1
                    preds.append({"id": it["id"], "chart_type": None, "x": {}, "y": {}, "error": e.message})
                    if verbose:
                        print(f"  [{it['qid']}] {type(e).__name__}: {e.message[:120]}")
            path = out_dir / f"nvbench_{variant}.jsonl"
            path.write_text("".join(json.dumps(p, default=str) + "\n" for p in preds))
            r = subprocess.run([sys.executable, str(SCORER), str(ITEMS), str(path), "--json"],
                               capture_output=True, text=True, check=True)
            results[variant] = json.loads(r.stdout)
            results[variant]["errors"] = failures
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite-only", action="store_true")
    ap.add_argument("--nvbench-only", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    if not a.nvbench_only:
        from tests.analysis.suite.runner import run_suite

        res = run_suite(verbose=a.verbose)
        print(f"own suite: {res['right']}/{res['total']} right data = {res['right'] / res['total']:.1%} "
              f"({len(res['datasets'])} datasets)")
        for name, (ok, n) in res["per_dataset"].items():
            print(f"  {name:14s} {ok}/{n}")
    if not a.suite_only:
        res = run_nvbench(out, verbose=a.verbose)
        print("nvBench dev (embedded planner)")
        print(f"  {'run':26s} " + " ".join(f"{m:>9s}" for m in ("mark", "x", "y+agg", "color", "time_unit", "order",
                                                                   "all", "exec")))
        for variant, r in res.items():
            acc = r["accuracy"]
            print(f"  {variant:26s} " + " ".join(f"{acc[m]:9.1%}" for m in ("mark", "x", "y+agg", "color",
                                                                            "time_unit", "order", "all"))
                  + f" {r['exec_match']:9.1%}   ({r['errors']} unanswered)")


if __name__ == "__main__":
    main()
