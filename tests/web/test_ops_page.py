"""The operators' page (/ops) in Debian's chromium: asked for the API key like the chat page,
it shows tasks by status, the failing and slowest tasks, and QStash's dead letters; "Retry"
delivers one again and the chat still holds one reply for it."""
from __future__ import annotations

import shutil

import httpx
from playwright.sync_api import expect

from tests.helpers import SALES_CSV
from tests.peers import wait_until

KEY = "ops-key"


def _seed(site) -> None:
    with httpx.Client(base_url=site.url, timeout=30, headers={"Authorization": f"Bearer {KEY}"}) as http:
        with open(SALES_CSV, "rb") as fh:
            file_id = http.post("/files", files={"file": ("sales.csv", fh, "text/csv")}).json()["id"]
        prompts = ["total revenue by region", "average profit by category", "what is the meaning of life?"]
        for i, prompt in enumerate(prompts):
            assert http.post("/analyze", json={"prompt": prompt, "file_id": file_id, "chat_id": "ops",
                                               "request_id": f"page-{i}"}).status_code == 202
        wait_until(lambda: len(http.get("/ops/api/dead-letters").json()["entries"]) == 1,
                   timeout=60, message="the unanswerable question in the DLQ")
        wait_until(lambda: http.get("/ops/api/summary").json()["by_status"]["hour"]["completed"] == 2,
                   timeout=60, message="two answers")


def _replies(site, request_id: str) -> int:
    messages = httpx.get(site.url + "/chats/ops/messages", headers={"Authorization": f"Bearer {KEY}"}).json()
    return len([m for m in messages["messages"] if m["request_id"] == request_id and m["role"] != "user"])


def test_ops_page_shows_the_queue_and_retries_a_dead_letter(open_page, make_site):
    site = make_site("ops", API_KEYS=KEY)
    _seed(site)
    page, shot = open_page(width=1280, height=1000, expected_statuses=(401,))
    page.goto(site.url + "/ops")
    expect(page.locator("#key-dialog")).to_be_visible()
    page.fill("#key-input", KEY)
    page.press("#key-input", "Enter")
    expect(page.locator("body[data-loaded=true]")).to_be_attached()
    expect(page.locator("#backend")).to_have_text("QStash")
    completed = page.locator("#by-status tr[data-id=completed] td")
    expect(completed.nth(1)).to_have_text("2")
    expect(completed.nth(2)).to_have_text("2")
    expect(page.locator("#by-status tr[data-id=failed] td").nth(1)).to_have_text("1")
    expect(page.locator("#failing tbody tr")).to_have_count(1)
    expect(page.locator("#failing tbody tr").first).to_contain_text("page-2")
    expect(page.locator("#slowest tbody tr")).to_have_count(2)
    row = page.locator("#dead-letters tbody tr").first
    expect(row).to_contain_text("page-2")
    expect(row).to_contain_text("489")
    path = shot("ops", full_page=True)
    shutil.copy(path, "/tmp/ops-page.png")
    client = site.qstash.client()

    def delivered() -> int:
        return sum(e.state.value == "DELIVERED" for e in client.log.list().logs)
    before = delivered()
    row.get_by_role("button", name="Retry").click()
    expect(page.locator("#dead-letters tbody tr td.empty")).to_have_text("no dead letters")
    # Delivered again, found settled: still one reply.
    wait_until(lambda: delivered() > before, timeout=30, message="the retried delivery")
    assert _replies(site, "page-2") == 1
    shot("after-retry", full_page=True)
