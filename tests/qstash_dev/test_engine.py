"""The server's core in-process, through what a dashboard would call: ``Engine.snapshot``."""
from __future__ import annotations

import asyncio

from datavis.qstash_dev.config import DevConfig
from datavis.qstash_dev.engine import Engine, Snapshot


async def _held_message_snapshot() -> tuple[Engine, Snapshot, str]:
    engine = Engine(DevConfig(port=0, time_scale=0.01))
    await engine.start()
    engine.queues.upsert("shown", parallelism=2, paused=True)  # holds its message, undelivered
    [(message_id, _)] = engine.publisher.publish(
        "http://127.0.0.1:9/x", {"Upstash-Retries": "0"}, b"body", queue="shown").messages
    return engine, engine.snapshot(), message_id


def test_snapshot_shows_the_state_and_changing_it_changes_nothing():
    async def scenario() -> None:
        engine, snap, message_id = await _held_message_snapshot()
        try:
            assert [m.id for m in snap.messages] == [message_id]
            assert [(q.name, q.order, q.paused) for q in snap.queues] == [("shown", [message_id], True)]
            assert [(e.state, e.facts["messageId"]) for e in snap.events] == [("CREATED", message_id)]
            assert (snap.in_flight, snap.waiting_for_slot, snap.concurrency) == (0, 0, 100)
            assert snap.dlq == () and snap.schedules == () and snap.keys.current.startswith("sig_")
            snap.messages[0].state = "delivered"
            snap.queues[0].order.clear()
            assert engine.messages.get(message_id).state == "pending"
            assert engine.queues.get("shown").order == [message_id]
        finally:
            await engine.stop()

    # Its own loop, leaving the thread's current one alone (asyncio.run would unset it).
    with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:
        runner.run(scenario())
