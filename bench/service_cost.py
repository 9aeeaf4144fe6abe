"""CPU of the service path around the analysis, in one process, without HTTP or gunicorn:
``POST /analyze`` then the signed delivery to the receiver, through Flask's test client, on
SQLite. The queue's publish is replaced by a stand-in (the SDK's cost is in ``e2e_bench``),
and with ``--no-analysis`` so is ``analysis.answer`` (it returns the answer it gave for the
same question before): what is left is the app's own per-answer work — the request guards,
webargs/smorest, the signature check and replay record, the four write transactions.

    python bench/service_cost.py [--questions 400] [--rows 100000] [--no-analysis] [--profile N]
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cost import QUESTIONS, make_csv  # noqa: E402
from datavis import analysis, create_app, queueing  # noqa: E402
from datavis.queueing.published import Published  # noqa: E402
from tests.helpers import PROCESS, signed_post, upload_csv  # noqa: E402


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=400)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--no-analysis", action="store_true", help="replay each question's answer")
    parser.add_argument("--threads", type=int, default=1, help="questions asked at a time")
    parser.add_argument("--profile", type=int, default=0, help="print the top N cProfile frames")
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    workdir = Path(tempfile.mkdtemp(prefix="datavis-service-cost-"))
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
                      "DATA_DIR": str(workdir / "data"), "API_URL": "http://datavis.test",
                      "QSTASH_URL": "http://127.0.0.1:9", "LOG_LEVEL": "WARNING"})
    client = app.test_client()
    file_id = upload_csv(client, make_csv(workdir / "sales.csv", args.rows))["id"]
    published: dict[str, dict[str, Any]] = {}

    def publish(task: dict[str, Any]) -> Published:
        published[task["request_id"]] = task
        return Published(qstash_message_id=f"msg_{task['request_id']}", queue_name=None)

    queueing.publish = publish  # type: ignore[assignment]
    real_answer, answers = analysis.answer, {}

    def replayed(dataset, prompt, **kw):
        if prompt not in answers:
            answers[prompt] = real_answer(dataset, prompt, **kw)
        return answers[prompt]

    if args.no_analysis:
        analysis.answer = replayed  # type: ignore[assignment]

    def ask(i: int) -> None:
        body = {"prompt": QUESTIONS[i % len(QUESTIONS)], "file_id": file_id,
                "chat_id": f"chat-{i % 50}", "request_id": f"req-{i}"}
        assert client.post("/analyze", json=body).status_code == 202
        task = published.pop(body["request_id"])
        delivery = json.dumps({k: task[k] for k in ("request_id", "chat_id", "file_id", "prompt",
                                                    "is_follow_up", "last_chart_id")}).encode()
        res = signed_post(client, app, PROCESS, delivery, headers={"Upstash-Message-Id": f"msg_{i}"})
        assert res.status_code == 200, res.get_json()

    for i in range(40):  # warm: compiled statements, the dataset opened, the answers replayed
        ask(i)
    profiler = cProfile.Profile() if args.profile else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    if args.threads == 1:  # in this thread: cProfile sees only the thread it was enabled in
        for i in range(40, 40 + args.questions):
            ask(i)
    else:
        with ThreadPoolExecutor(args.threads) as pool:
            list(pool.map(ask, range(40, 40 + args.questions)))
    if profiler:
        profiler.disable()
    cpu = time.process_time() - start
    print(json.dumps({"questions": args.questions, "rows": args.rows,
                      "threads": args.threads,
                      "analysis": "replayed" if args.no_analysis else "run",
                      "cpu_ms_per_answer": round(cpu / args.questions * 1000, 3)}))
    if profiler:
        profiler.dump_stats(str(workdir / "profile.pstats"))
        print("profile:", workdir / "profile.pstats")
        pstats.Stats(profiler).sort_stats(__import__("os").environ.get("SORT", "cumulative")).print_stats(args.profile)


if __name__ == "__main__":
    main()
