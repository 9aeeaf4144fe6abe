"""The database extension: one SQLAlchemy engine per app, bound with ``init_app``."""
from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.schema import CreateColumn

from datavis.config import settings_of

from .tables import metadata

EXTENSION_KEY = "datavis.db"
WRITE_OPTION = "datavis_write"


def _on_connect(backend: str, lock_timeout: float):
    millis = int(lock_timeout * 1000)

    def configure(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        if backend == "sqlite":
            # We issue BEGIN ourselves (see _begin_immediate), not the sqlite3 module.
            dbapi_connection.isolation_level = None
            # WAL lets readers and one writer work at once (gunicorn threads and workers).
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA busy_timeout={millis}")
            cursor.execute("PRAGMA foreign_keys=ON")
        else:
            # A locked or stuck database fails the request (QStash retries it) instead of
            # holding a worker until gunicorn kills it.
            cursor.execute(f"SET lock_timeout = {millis}")
            cursor.execute(f"SET statement_timeout = {max(millis * 6, 30000)}")
            dbapi_connection.commit()
        cursor.close()
    return configure


# Engines whose idle pooled connections are closed before this process forks (see below).
_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def _before_fork() -> None:
    # A child that inherits a pooled connection keeps its socket open: had the parent died in
    # a transaction on it (a worker killed mid-task), the server would never see it go, and
    # the transaction would hold its locks forever (seen with RQ's scheduler, forked by the
    # worker between tasks). Idle connections are closed first; the parent reconnects.
    for engine in list(_engines):
        engine.dispose()


os.register_at_fork(before=_before_fork)


def make_engine(database_url: str, lock_timeout: float = 5.0, *, begin_event: bool = True) -> Engine:
    """An engine with the connection settings below. On SQLite, ``begin_event`` sends BEGIN
    (IMMEDIATE for writers) from SQLAlchemy's "begin" event; ``Database`` sends it itself
    instead: any engine event makes SQLAlchemy dispatch every event of every statement
    (about 4% of an answer's CPU)."""
    url = make_url(database_url)
    backend = url.get_backend_name()
    options: dict = {}
    if backend == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        options["connect_args"] = {"check_same_thread": False, "timeout": lock_timeout}
    else:
        options.update(pool_pre_ping=True, pool_size=5, max_overflow=10)
    engine = create_engine(url, **options)
    # ("connect" is a pool event: it does not turn that dispatch on.)
    event.listen(engine, "connect", _on_connect(backend, lock_timeout))
    if backend == "sqlite" and begin_event:
        event.listen(engine, "begin", _sqlite_begin)
    _engines.add(engine)
    return engine


def _sqlite_begin(conn) -> None:
    # A SQLite transaction that reads and then writes cannot wait for the write lock (SQLite
    # answers "database is locked" at once to avoid a deadlock): write transactions take it
    # at BEGIN and queue up within the busy timeout; reads stay lock-free (WAL).
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def create_schema(engine: Engine) -> None:
    """Create missing tables (idempotent). Several processes starting at once may race on
    the same CREATE; the loser simply finds the tables there on its second look."""
    try:
        metadata.create_all(engine)
    except (OperationalError, ProgrammingError, IntegrityError):
        metadata.create_all(engine)
    _add_missing_columns(engine)


def _add_missing_columns(engine: Engine) -> None:
    """Add the nullable columns a newer version introduced to tables an older one created
    (create_all never alters a table), so an existing database keeps working."""
    existing = inspect(engine)
    for table in metadata.sorted_tables:
        have = {column["name"] for column in existing.get_columns(table.name)}
        for column in table.columns:
            if column.name in have or not column.nullable:
                continue
            ddl = CreateColumn(column).compile(dialect=engine.dialect)
            try:
                with engine.begin() as conn:
                    conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {ddl}")
            except (OperationalError, ProgrammingError):
                # Another process starting at the same moment added it first.
                if column.name not in {c["name"] for c in inspect(engine).get_columns(table.name)}:
                    raise


class Database:
    """Holds the app's engine. Services write in ``with db.transaction() as conn`` and read
    in ``with db.read() as conn``."""

    def init_app(self, app: Flask) -> None:
        settings = settings_of(app)
        engine = make_engine(settings.database_url, settings.db_lock_timeout, begin_event=False)
        # SQLite's writers of one process queue on a lock of their own: SQLite's busy
        # handler retries after sleeps of up to 100 ms, so a writer often slept while the
        # lock was free (the tail of the answer times under load); a thread lock hands it
        # over at once. Other processes still meet the busy handler.
        sqlite = engine.dialect.name == "sqlite"
        writers = threading.RLock() if sqlite else contextlib.nullcontext()
        app.extensions[EXTENSION_KEY] = (engine, sqlite, writers)

    @property
    def engine(self) -> Engine:
        return current_app.extensions[EXTENSION_KEY][0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction, committed on success, rolled back on error."""
        engine, sqlite, writers = current_app.extensions[EXTENSION_KEY]
        with writers, engine.connect() as conn, conn.begin():
            if sqlite:
                # A SQLite transaction that reads and then writes cannot wait for the write
                # lock (SQLite answers "database is locked" at once to avoid a deadlock):
                # writers take it at BEGIN and queue up within the busy timeout.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading (one snapshot: reads stay lock-free under WAL)."""
        engine, sqlite, _ = current_app.extensions[EXTENSION_KEY]
        with engine.connect() as conn:
            if sqlite:
                conn.exec_driver_sql("BEGIN")
            yield conn

    def create_all(self) -> None:
        create_schema(self.engine)

    def dispose(self, app: Flask) -> None:
        engines = app.extensions.get(EXTENSION_KEY)
        if engines is not None:
            engines[0].dispose()


db = Database()
