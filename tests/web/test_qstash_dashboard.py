"""The local QStash server's dashboard at ``/`` in Debian's chromium: messages in flight with
their retries and next attempt, queues, flow-control keys, the DLQ with retry and delete,
and the event log with its filters — all read from the server's own state."""
from __future__ import annotations

import shutil

import httpx
from playwright.sync_api import expect

from tests.peers import DevQStash, wait_until

CLOSED = "http://127.0.0.1:9/nowhere"  # nothing listens: every delivery fails


def test_dashboard_shows_the_queue_and_acts_on_the_dlq(open_page, tmp_path):
    qstash = DevQStash(tmp_path, time_scale=1).start()
    try:
        client = qstash.client()
        # A message waiting in a paused queue, one waiting a minute for its retry under a
        # flow-control key, and two failed for good into the DLQ.
        client.queue.upsert("held", parallelism=2, paused=True)
        waiting = client.message.enqueue_json(queue="held", url=CLOSED, body={"n": 1})
        retrying = client.message.publish_json(url=CLOSED, body={"n": 2}, retries=3,
                                               retry_delay="60000", flow_control={"key": "tenant-a", "parallelism": 2})
        for n in (3, 4):
            client.message.publish_json(url=CLOSED, body={"n": n}, retries=0)
        wait_until(lambda: len(client.dlq.list().messages) == 2, timeout=30, message="two dead letters")
        wait_until(lambda: any(e.state.value == "RETRY" for e in client.log.list().logs), timeout=30,
                   message="a retry scheduled")
        # Programs still get the JSON index at /.
        assert httpx.get(qstash.url + "/").json()["name"] == "datavis.qstash_dev"

        page, shot = open_page(width=1280, height=1100, expected_statuses=(401,))
        page.goto(qstash.url + "/")
        expect(page.locator("#token-dialog")).to_be_visible()
        page.fill("#token-input", qstash.env["QSTASH_TOKEN"])
        page.press("#token-input", "Enter")
        expect(page.locator("body[data-loaded]")).to_be_attached()
        inflight = page.locator("#inflight tbody")
        expect(inflight).to_contain_text(waiting.message_id)
        row = inflight.locator("tr", has_text=retrying.message_id)
        expect(row).to_contain_text("1 / 3")          # retried once of three
        expect(row).to_contain_text("tenant-a")
        expect(row).to_contain_text("retry")
        expect(page.locator("#queues tbody")).to_contain_text("held")
        expect(page.locator("#queues tbody tr").first).to_contain_text("yes")  # paused
        expect(page.locator("#flows tbody")).to_contain_text("tenant-a")
        expect(page.locator("#dlq tbody tr")).to_have_count(2)
        shot_path = shot("dashboard", full_page=True)
        shutil.copy(shot_path, "/tmp/qstash-dashboard.png")

        # The event log's filters: only FAILED events, then one message's.
        page.select_option("#f-state", "FAILED")
        page.click("#filters button[type=submit]")
        expect(page.locator("#events tbody tr")).to_have_count(2)
        expect(page.locator("#events tbody")).not_to_contain_text("CREATED")
        page.select_option("#f-state", "")
        page.fill("#f-message", waiting.message_id)
        page.click("#filters button[type=submit]")
        expect(page.locator("#events tbody tr")).to_have_count(1)
        expect(page.locator("#events tbody")).to_contain_text("CREATED")

        # Delete one dead letter; retry the other (it is delivered again, and fails again).
        entries = {m.dlq_id for m in client.dlq.list().messages}
        page.locator("#dlq tbody tr").first.get_by_role("button", name="Delete").click()
        expect(page.locator("#dlq tbody tr")).to_have_count(1)
        page.locator("#dlq tbody tr").first.get_by_role("button", name="Retry").click()
        wait_until(lambda: not ({m.dlq_id for m in client.dlq.list().messages} & entries),
                   timeout=30, message="both original entries gone")
        assert len(client.dlq.list().messages) <= 1  # the retried message may fail again
        page.context.close()  # before the server goes: the page refreshes every 2 s
    finally:
        qstash.close_clients()
        qstash.stop()
