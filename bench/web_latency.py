"""The chat page's latency: from pressing Enter to the chart drawn, in headless Chromium.

usage: python bench/web_latency.py [--rows 100000] [--questions 22] [--tabs 16] [--per-tab 4]

Real processes on loopback: the local QStash server, the app under gunicorn (2 workers,
SQLite), Debian's chromium driven by Playwright. On generated sales data (--rows):

- sequential: one tab asks --questions questions, one after the other, in one chat;
- concurrent: --tabs tabs (separate browser contexts, as separate people) each ask --per-tab
  questions, all tabs at once.

The page marks `ask:<request id>` when Enter is pressed and measures `answer:<request id>`
once the chart is drawn (the next animation frame after vega-embed resolves). For
comparison: the analysis itself (`answer()` in this process on the same dataset, warm) and
the server's part (the question's message stored → the answer's message stored).

It also measures the event watcher's idle cost: the CPU the gunicorn workers use over
--idle-seconds with no page open, then with --tabs pages open on a chat and idle.
Timings depend on the machine (all of it runs on the same one); compare ratios.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis_speed import QUESTIONS, make_csv, pct  # noqa: E402  (bench/ is on sys.path)
from playwright.async_api import async_playwright  # noqa: E402

from datavis.analysis import answer, ingest_csv  # noqa: E402
from tests.peers import DevQStash, LiveApp, free_port  # noqa: E402
from tests.web.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

MEASURES = "performance.getEntriesByType('measure').filter((m) => m.name.startsWith('answer:'))"


def summary(values_ms: list[float]) -> str:
    return (f"p50 {statistics.median(values_ms):7.1f} ms   p99 {pct(values_ms, 99):7.1f} ms   "
            f"(n={len(values_ms)})")


def cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / ticks


def worker_pids(app: LiveApp) -> list[int]:
    master = app.proc.pid
    return [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


async def open_tab(browser, url: str):
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.goto(url)
    await page.wait_for_selector("#chat:not([hidden])")
    return context, page


async def ask_all(page, questions: list[str]) -> list[str]:
    """Ask one question after the other in this tab; returns the chat's id."""
    for question in questions:
        before = await page.evaluate(f"{MEASURES}.length")
        await page.fill("#question", question)
        await page.press("#question", "Enter")
        # Polled from here (wait_for_function evaluates strings, which the page's CSP
        # forbids); the time itself is measured by the page, so polling adds nothing to it.
        deadline = time.monotonic() + 120
        while await page.evaluate(f"{MEASURES}.length") <= before:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no chart for {question!r} within 120 s")
            await asyncio.sleep(0.01)
    return page.url.rsplit("/", 1)[1]


async def measures(page) -> list[float]:
    return await page.evaluate(f"{MEASURES}.map((m) => m.duration)")


def server_ms(base: str, chat_ids: list[str]) -> list[float]:
    """Question stored → answer stored, from the chats' messages."""
    out = []
    for chat_id in chat_ids:
        asked = {}
        for message in httpx.get(f"{base}/chats/{chat_id}/messages", timeout=30).json()["messages"]:
            at = dt.datetime.fromisoformat(message["created_at"].replace("Z", "+00:00"))
            if message["role"] == "user":
                asked[message["request_id"]] = at
            elif message["request_id"] in asked:
                out.append((at - asked[message["request_id"]]).total_seconds() * 1000)
    return out


async def idle_cost(app: LiveApp, seconds: float, label: str) -> None:
    pids = worker_pids(app)
    start = cpu_seconds(pids)
    await asyncio.sleep(seconds)
    used = cpu_seconds(pids) - start
    print(f"idle, {label:<27} gunicorn workers' CPU {1000 * used / seconds:6.1f} ms/s (both workers)")


async def run(args, base: str, file_id: str, app: LiveApp) -> None:
    await idle_cost(app, args.idle_seconds, "no page open")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page_url = f"{base}/?file={file_id}"

        context, page = await open_tab(browser, page_url)
        chats = [await ask_all(page, [QUESTIONS[i % len(QUESTIONS)] for i in range(args.questions)])]
        sequential = await measures(page)
        await context.close()
        print(f"sequential, 1 tab          Enter → chart drawn   {summary(sequential)}")
        print(f"                           server (stored→stored) {summary(server_ms(base, chats))}")

        tabs = [await open_tab(browser, page_url) for _ in range(args.tabs)]
        chats = await asyncio.gather(*(ask_all(page, [QUESTIONS[(t + i) % len(QUESTIONS)] for i in range(args.per_tab)])
                                       for t, (_, page) in enumerate(tabs)))
        concurrent = [ms for _, page in tabs for ms in await measures(page)]
        print(f"concurrent, {args.tabs} tabs        Enter → chart drawn   {summary(concurrent)}")
        print(f"                           server (stored→stored) {summary(server_ms(base, list(chats)))}")

        # The watcher's idle cost: the tabs open on their chats (one stream each), nothing
        # happening (the workers' CPU with no page open was measured first).
        await asyncio.sleep(2)  # the last charts drawn
        await idle_cost(app, args.idle_seconds, f"{args.tabs} pages open, nothing asked")
        for context, _ in tabs:
            await context.close()
        await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=22)
    parser.add_argument("--tabs", type=int, default=16)
    parser.add_argument("--per-tab", type=int, default=4)
    parser.add_argument("--idle-seconds", type=float, default=10)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs (shared), Python "
          f"{platform.python_version()}; chromium, gunicorn (2 workers), the QStash server and "
          f"this script on the same machine; SQLite")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        csv = work / "sales.csv"
        make_csv(csv, args.rows)
        dataset = work / "local-dataset"
        ingest_csv(csv, dataset, name="sales.csv")
        answer(dataset, QUESTIONS[0])  # open the dataset once, as the server's warm process has
        itself = []
        for i in range(args.questions):
            started = time.perf_counter()
            answer(dataset, QUESTIONS[i % len(QUESTIONS)])
            itself.append((time.perf_counter() - started) * 1000)
        print(f"{args.rows:,} rows; the analysis itself (answer(), warm) {summary(itself)}")

        qstash = DevQStash(work, time_scale=1, env={"QSTASH_DEV_LOG_LEVEL": "WARNING"}).start()
        port = free_port()
        app = LiveApp(work, {"API_URL": f"http://127.0.0.1:{port}", "QSTASH_URL": qstash.url,
                             "EVENTS_MAX_STREAMS": str(max(16, args.tabs)), "LOG_LEVEL": "WARNING"},
                      port=port).start()
        try:
            with csv.open("rb") as fh:
                res = httpx.post(f"{app.url}/files", files={"file": ("sales.csv", fh, "text/csv")}, timeout=300)
            res.raise_for_status()
            asyncio.run(run(args, app.url, res.json()["id"], app))
        finally:
            app.stop()
            qstash.close_clients()
            qstash.stop()


if __name__ == "__main__":
    main()
