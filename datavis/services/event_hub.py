"""Waking this process's open event streams when something happens in their chat.

Events are written to the database by whichever process changed a task or a message (a
QStash delivery in another gunicorn worker, or on another instance); a stream open here must
learn of them without each stream polling the database. One watcher thread per process does
that for all of its streams, and only while at least one stream is open:

- PostgreSQL: the writing transaction sends ``NOTIFY datavis_events, '<chat id>'`` (delivered
  on commit, to every listening process on every instance); the watcher ``LISTEN``s on one
  dedicated connection and wakes the streams of that chat.
- SQLite (one machine): every commit writes to the database's files, so the watcher waits
  on Linux's inotify for writes in the database's directory (no CPU while nothing is
  written), then reads ``PRAGMA data_version`` (it changes when another connection commits;
  reading it touches only shared memory) and, only when it changed, looks up which chats got
  new events. A write may be seen a moment before its commit is visible, so it looks again
  a few times 2 ms apart after a write, and every 100 ms in any case. Without inotify
  (another OS) it reads ``data_version`` every ``EVENTS_POLL_MS``.

With no stream open there is no thread, no connection and no query. The hub also holds the
process's stream budget (``EVENTS_MAX_STREAMS``): gunicorn runs that many threads on top of
its request threads, so open streams can never take the threads QStash's deliveries need.
"""
from __future__ import annotations

import ctypes
import logging
import os
import select as io_select
import threading
import time
import weakref
from collections.abc import Iterable
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import Connection, Engine, bindparam, func, select

from datavis.config import settings_of

log = logging.getLogger("datavis")

CHANNEL = "datavis_events"
EXTENSION_KEY = "datavis.event_hub"
IN_MODIFY = 0x00000002
# With inotify, a write may be seen a moment before its commit becomes visible: look again a
# few times shortly after a write, and every SAFETY_SECONDS in any case.
RECHECKS, RECHECK_SECONDS, SAFETY_SECONDS = 5, 0.002, 0.1
_hubs: weakref.WeakSet[Hub] = weakref.WeakSet()


class Waiter:
    """One open stream's doorbell."""

    def __init__(self, chat_id: str) -> None:
        self.chat_id = chat_id
        self._rung = threading.Event()

    def ring(self) -> None:
        self._rung.set()

    def wait(self, timeout: float) -> bool:
        """True if rung (since the last wait) within ``timeout`` seconds. Cleared before the
        caller reads, so a ring during the read is kept for the next wait."""
        rung = self._rung.wait(timeout)
        self._rung.clear()
        return rung


class Hub:
    """The process's open streams, their budget, and the watcher that wakes them."""

    def __init__(self, engine: Engine, *, max_streams: int, poll_seconds: float) -> None:
        self.engine = engine
        self.backend = engine.url.get_backend_name()
        self.poll_seconds = poll_seconds
        self.max_streams = max_streams
        self.closing = False
        self._slots = threading.BoundedSemaphore(max_streams)
        self._lock = threading.Lock()
        self._waiters: dict[str, set[Waiter]] = {}
        self._watcher: threading.Thread | None = None
        _hubs.add(self)

    # ----------------------------------------------------------------- streams
    def take_slot(self) -> bool:
        return not self.closing and self._slots.acquire(blocking=False)

    def give_slot(self) -> None:
        self._slots.release()

    def subscribe(self, chat_id: str) -> Waiter:
        waiter = Waiter(chat_id)
        with self._lock:
            self._waiters.setdefault(chat_id, set()).add(waiter)
            if self._watcher is None:
                self._watcher = threading.Thread(target=self._watch, name="datavis-event-watcher",
                                                 daemon=True)
                self._watcher.start()
        return waiter

    def unsubscribe(self, waiter: Waiter) -> None:
        with self._lock:
            waiters = self._waiters.get(waiter.chat_id)
            if waiters is not None:
                waiters.discard(waiter)
                if not waiters:
                    del self._waiters[waiter.chat_id]

    def wake(self, chat_ids: Iterable[str] | None = None) -> None:
        """Ring the streams of these chats (all streams when None)."""
        with self._lock:
            if chat_ids is None:
                targets = [w for waiters in self._waiters.values() for w in waiters]
            else:
                targets = [w for chat in set(chat_ids) for w in self._waiters.get(chat, ())]
        for waiter in targets:
            waiter.ring()

    def close(self) -> None:
        """The process is stopping: open streams end now (clients reconnect elsewhere)."""
        self.closing = True
        # No lock: this runs in a signal handler, which may have interrupted a lock holder.
        for waiters in list(self._waiters.values()):
            for waiter in list(waiters):
                waiter.ring()

    @property
    def watching(self) -> bool:
        """Whether the watcher thread runs (it does exactly while a stream is open)."""
        with self._lock:
            return self._watcher is not None

    # ----------------------------------------------------------------- the watcher
    def _stop_if_idle(self) -> bool:
        with self._lock:
            if self._waiters and not self.closing:
                return False
            self._watcher = None
            return True

    def _watch(self) -> None:
        watch = self._watch_postgres if self.backend == "postgresql" else self._watch_sqlite
        while True:
            try:
                watch()  # returns once no stream is open
                return
            except Exception:  # the database went away: streams stay open, keep trying
                log.warning("event watcher: database error, retrying in 1 s", exc_info=True)
                if self._stop_if_idle():
                    return
                time.sleep(1.0)

    def _watch_sqlite(self) -> None:
        raw = self.engine.raw_connection()
        database = self.engine.url.database
        doorbell = _writes_in(Path(database).resolve().parent) if database not in (None, "", ":memory:") else None
        try:
            cursor = raw.cursor()
            version = cursor.execute("PRAGMA data_version").fetchone()[0]
            last = cursor.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
            # Events committed before this point may have raced a stream's first read.
            self.wake()
            soon = 0  # looks left at short intervals: a write was seen, its commit was not yet
            while not self._stop_if_idle():
                if doorbell is None:
                    time.sleep(self.poll_seconds)
                elif io_select.select([doorbell], [], [], RECHECK_SECONDS if soon else SAFETY_SECONDS)[0]:
                    os.read(doorbell, 65536)  # which file does not matter: look once
                    soon = RECHECKS + 1
                soon = max(0, soon - 1)
                now = cursor.execute("PRAGMA data_version").fetchone()[0]
                if now == version:
                    continue
                version, soon = now, 0
                found = cursor.execute("SELECT chat_id, max(id) FROM events WHERE id > ? "
                                       "GROUP BY chat_id", (last,)).fetchall()
                if found:
                    last = max(row[1] for row in found)
                    self.wake(row[0] for row in found)
        finally:
            raw.close()
            if doorbell is not None:
                os.close(doorbell)

    def _watch_postgres(self) -> None:
        raw = self.engine.raw_connection()
        try:
            listener = raw.driver_connection
            assert listener is not None  # a fresh raw connection has its driver connection
            listener.rollback()
            listener.autocommit = True
            listener.execute(f"LISTEN {CHANNEL}")
            self.wake()  # anything committed before LISTEN took effect
            while not self._stop_if_idle():
                for note in listener.notifies(timeout=0.5):
                    self.wake((note.payload,))
        finally:
            raw.invalidate()  # a LISTENing connection must not go back to the pool


def _writes_in(directory: Path) -> int | None:
    """A non-blocking inotify descriptor that becomes readable when a file directly in
    ``directory`` is written to (Linux), or None where inotify is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
    except (OSError, AttributeError):
        return None
    if fd < 0:
        return None
    if libc.inotify_add_watch(fd, os.fsencode(directory), IN_MODIFY) < 0:
        os.close(fd)
        return None
    return fd


# Built once: every change of a chat on PostgreSQL sends it.
_NOTIFY = select(func.pg_notify(CHANNEL, bindparam("chat")))


def notify(conn: Connection, chat_id: str) -> None:
    """Inside the writing transaction: tell PostgreSQL listeners (on commit) that this chat
    has new events. SQLite needs nothing: its watchers see the commit."""
    if conn.dialect.name == "postgresql":
        conn.execute(_NOTIFY, {"chat": chat_id})


def init_app(app: Flask) -> None:
    """The app's hub, bound to its database engine; it starts nothing until a stream opens."""
    from datavis.store.database import EXTENSION_KEY as DB_KEY

    app.extensions[EXTENSION_KEY] = Hub(app.extensions[DB_KEY][0],
                                        max_streams=settings_of(app).events_max_streams,
                                        poll_seconds=settings_of(app).events_poll_ms / 1000)


def hub() -> Hub:
    return current_app.extensions[EXTENSION_KEY]


def close_all() -> None:
    """End every open stream of this process (gunicorn's worker is shutting down)."""
    for each in list(_hubs):
        each.close()
