"""Regenerate the suite's pins from the current embedded planner:

    python -m tests.analysis.suite.pin

For every question the planner answers with the gold data, its chart type is pinned (pins.json);
every other question is written to pins.json as a known miss with what came back. Run it only
after a change that is meant to move answers, and read the diff."""
from __future__ import annotations

import json
from pathlib import Path

from .runner import run_suite

PINS = Path(__file__).with_name("pins.json")


def main() -> None:
    res = run_suite()
    pins = {qid: detail.split(" | ", 1)[0] for qid, ok, _q, detail in res["results"] if ok}
    misses = {qid: f"{q} -> {detail[:160]}" for qid, ok, q, detail in res["results"] if not ok}
    PINS.write_text(json.dumps({"chart_type": pins, "known_misses": misses}, indent=1, sort_keys=True) + "\n")
    print(f"{len(pins)} pinned, {len(misses)} known misses -> {PINS}")


if __name__ == "__main__":
    main()
