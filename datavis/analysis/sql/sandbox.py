"""Run one read-only SELECT over a dataset, whatever produced it.

Layers, each enough on its own for some attacks: (1) the text must parse as exactly one
statement of type SELECT (DuckDB's own parser decides, so comments and string tricks do not
fool a keyword list); (2) the database file is opened read-only with external access off
(no file reads/writes, no ATTACH/INSTALL/LOAD/COPY) and the configuration locked (no SET to
undo it); (3) a watchdog interrupts queries that run past the time limit (cross joins); (4) at
most `max_rows` + 1 rows are fetched from a streaming result.
"""
from __future__ import annotations

import atexit
import collections
import heapq
import itertools
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..datasets.store import data_file, file_identity
from ..errors import TransientAnalysisError, UnsafeQuery

_CONFIG: dict[str, str | bool] = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "memory_limit": "1GB",
    "lock_configuration": True,  # last: nothing above can be changed back by the query
}


@dataclass
class Result:
    columns: list[str]
    types: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool


def check_statement(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> duckdb.Statement:
    """Accept exactly one SELECT statement (CTEs allowed) and return it parsed; raise UnsafeQuery
    otherwise.

    Given the answer's own cursor, its parser is used: the module-level function goes through
    DuckDB's one default connection, which every thread of the process shares."""
    try:
        statements = (con or duckdb).extract_statements(sql)
    except duckdb.Error as e:
        raise UnsafeQuery(f"the query is not valid SQL: {_short(e)}") from None
    if len(statements) != 1:
        raise UnsafeQuery(f"only one SQL statement may run, this text has {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise UnsafeQuery(f"only a read-only SELECT may run, this is a {kind.name} statement")
    return statements[0]


class _Watchdog:
    """One thread per process interrupts the queries that pass their deadline.

    A timer thread per query cost a thread start and join on every answer (the new thread
    must win the GIL from the busy request threads before ``start`` returns). A query is
    watched from ``watch`` until ``done``; the interrupt is sent under the lock that ``done``
    takes, so once ``done`` returns no late interrupt can reach the cursor's next query.
    """

    def __init__(self) -> None:
        self._order = itertools.count()
        self.reset()
        # A forked child (a gunicorn worker) has no watchdog thread: it starts its own.
        os.register_at_fork(after_in_child=self.reset)
        # Stopped before the interpreter finalizes: a thread still alive then holds DuckDB
        # objects that the extension reports as leaked.
        atexit.register(self.stop)

    def reset(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, dict[str, Any]]] = []  # (deadline, order, watched query)
        self._thread: threading.Thread | None = None
        self._stopping = False

    def stop(self) -> None:
        with self._cond:
            thread, self._stopping = self._thread, True
            self._cond.notify()
        if thread is not None:
            thread.join()
        self.reset()

    def watch(self, con: duckdb.DuckDBPyConnection, seconds: float) -> dict[str, Any]:
        entry: dict[str, Any] = {"con": con}
        with self._cond:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="sandbox-watchdog", daemon=True)
                self._thread.start()
            heapq.heappush(self._heap, (time.monotonic() + seconds, next(self._order), entry))
            if self._heap[0][2] is entry:
                self._cond.notify()  # an earlier deadline than the one being waited for
        return entry

    def done(self, entry: dict[str, Any]) -> bool:
        """Stop watching this query (the heap may hold the entry until it comes up); False if
        it was interrupted."""
        with self._cond:
            interrupted = "con" not in entry
            entry["con"] = None
            return not interrupted

    def _run(self) -> None:
        cond, heap = self._cond, self._heap  # this thread's, even after a reset
        with cond:
            while not self._stopping:
                while heap and heap[0][2]["con"] is None:
                    heapq.heappop(heap)  # answered in time
                left = heap[0][0] - time.monotonic() if heap else None
                if left is None or left > 0:
                    cond.wait(left)
                    continue
                con = heapq.heappop(heap)[2].pop("con")
                con.interrupt()


_watchdog = _Watchdog()


def _identity(path: Path) -> tuple[int, int, int]:
    """Which file is at `path`: a new one (another inode, mtime or size) is another database."""
    return file_identity(os.stat(path))
MAX_OPEN_DATASETS = 8


class _Database:
    """A dataset's database, opened once per process (read-only, locked) and shared."""

    def __init__(self, path: Path) -> None:
        self.identity = _identity(path)
        self.con = duckdb.connect(str(path), read_only=True, config=dict(_CONFIG))
        self.users = 0
        self.evicted = False
        self.idle: list[duckdb.DuckDBPyConnection] = []  # cursors given back, for reuse

    def close(self) -> None:
        for cursor in self.idle:
            cursor.close()
        self.idle.clear()
        self.con.close()


# Opening a DuckDB database costs ~25 ms and closing it ~5 ms, three quarters of a whole
# answer: each process keeps its most recently used datasets open and hands every answer
# a cursor of its own (a cursor inherits the locked configuration). A cursor's first query
# costs ~0.2 ms more than the next ones, so cursors given back clean are kept for the next
# answers. An evicted database closes when its last cursor is done (closing it would close
# their cursors too).
_lock = threading.Lock()
_open: collections.OrderedDict[str, _Database] = collections.OrderedDict()


def _evict(key: str) -> None:
    database = _open.pop(key)
    database.evicted = True
    if database.users == 0:
        database.close()


def _acquire(path: Path) -> tuple[_Database, duckdb.DuckDBPyConnection]:
    key = str(path)
    with _lock:
        database = _open.get(key)
        if database is not None and database.identity != _identity(path):
            _evict(key)  # replaced on disk (uploaded again into the same directory)
            database = None
        if database is None:
            database = _open[key] = _Database(path)
            while len(_open) > MAX_OPEN_DATASETS:
                _evict(next(iter(_open)))
        _open.move_to_end(key)
        database.users += 1
        cursor = database.idle.pop() if database.idle else None
    return database, cursor or database.con.cursor()


MAX_IDLE_CURSORS = 8


def _release(database: _Database, cursor: duckdb.DuckDBPyConnection, clean: bool) -> None:
    """Give a cursor back: kept for the next answer when its queries all ended normally (an
    interrupted or failed one is closed: nothing of it may reach the next answer)."""
    with _lock:
        database.users -= 1
        if clean and not database.evicted and len(database.idle) < MAX_IDLE_CURSORS:
            database.idle.append(cursor)
            return
        cursor.close()
        if database.evicted and database.users == 0:
            database.close()


def forget(dataset_dir: Path) -> None:
    """Close this process's handle on a dataset (it is being deleted)."""
    with _lock:
        if str(data_file(dataset_dir)) in _open:
            _evict(str(data_file(dataset_dir)))


class Sandbox:
    """A locked, read-only cursor on a dataset for the queries of one answer."""

    def __init__(self, dataset_dir: Path, timeout: float = 10.0):
        self.timeout = timeout
        path = data_file(dataset_dir)
        if not path.exists():
            raise UnsafeQuery("this dataset is not available any more; upload the file again")
        self._clean = True  # every query so far ended normally
        try:
            self._database, self.con = _acquire(path)
        except duckdb.IOException as e:  # e.g. the file is locked by a writer
            raise TransientAnalysisError(f"the dataset could not be opened: {_short(e)}") from None

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        _release(self._database, self.con, self._clean)

    def run(self, sql: str, *, params: list[Any] | None = None, max_rows: int = 5000) -> Result:
        statement = check_statement(sql, self.con)
        watched = _watchdog.watch(self.con, self.timeout)
        clean, self._clean = self._clean, False
        try:
            # the statement checked is the one run: parsed once, not again from the text
            cur = self.con.execute(statement, params or [])
            rows = cur.fetchmany(max_rows + 1)
            clean = _watchdog.done(watched) and clean
        except duckdb.InterruptException:
            raise UnsafeQuery(f"the query took longer than {self.timeout:g} s and was stopped") from None
        except duckdb.PermissionException as e:
            raise UnsafeQuery(f"the query tried something that is not allowed: {_short(e)}") from None
        except duckdb.OutOfMemoryException:
            raise UnsafeQuery("the query needed too much memory and was stopped") from None
        finally:
            _watchdog.done(watched)
        self._clean = clean
        columns = [d[0] for d in cur.description]
        types = [str(d[1]) for d in cur.description]
        return Result(columns, types, rows[:max_rows], len(rows) > max_rows)


def _short(e: Exception) -> str:
    text = str(e).strip().splitlines()
    return text[0][:300] if text else type(e).__name__
