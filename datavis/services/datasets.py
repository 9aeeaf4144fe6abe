"""Datasets: upload (validated, profiled and stored once as a columnar file), list, read,
delete. The files live under ``DATA_DIR/files/<id>``; the database keeps their metadata."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, and_, bindparam, delete, insert, or_, select

from datavis import analysis, config, observability
from datavis.domain_errors import InvalidInput, NotFound, UnsupportedMediaType
from datavis.inputs import text_problem
from datavis.services import chart_images
from datavis.services.ids import new_id
from datavis.store import db, rows
from datavis.store.tables import charts, chats, events, files, messages, tasks, utcnow

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
CSV_TYPES = ("text/csv", "application/csv", "text/tab-separated-values")


def data_dir() -> Path:
    return config.current().data_dir


def dataset_dir(file_id: str) -> Path:
    return data_dir() / "files" / file_id


def _limits() -> analysis.IngestLimits:
    s = config.current()
    return analysis.IngestLimits(max_rows=s.csv_max_rows, max_columns=s.csv_max_columns,
                                 max_line_bytes=s.csv_max_line_bytes, max_cell_chars=s.csv_max_cell_chars)


def upload(stream: BinaryIO, filename: str, content_type: str) -> dict[str, Any]:
    """Store an uploaded CSV: all of it (columnar file, profile, row) or nothing."""
    name = Path(filename or "").name.strip()
    if not name:
        raise InvalidInput("the upload has no file name", errors={"files": {"file": ["missing file name"]}})
    problem = text_problem(name)
    if problem:
        raise InvalidInput(f"the file name {problem}", errors={"files": {"file": [f"the file name {problem}"]}})
    mimetype = (content_type or "").split(";")[0].strip().lower()
    # The name or the declared type must say CSV; the content itself is checked by ingest.
    if not (name.lower().endswith(CSV_SUFFIXES) or mimetype in CSV_TYPES):
        raise UnsupportedMediaType(f"{name!r} is not a CSV file: upload a .csv file")
    file_id = new_id("file")
    tmp_dir = data_dir() / "tmp"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    tmp_path = tmp_dir / f"{file_id}.upload"
    target = dataset_dir(file_id)
    try:
        with open(tmp_path, "wb") as out:
            shutil.copyfileobj(stream, out, 1024 * 1024)
        size = tmp_path.stat().st_size
        with observability.span("ingest dataset", file_id=file_id, file_name=name, size_bytes=size):
            try:
                dataset = analysis.ingest_csv(tmp_path, target, name=name, limits=_limits())
            except analysis.BadDataset as exc:
                raise InvalidInput(f"{name}: {exc}", errors={"files": {"file": [str(exc)]}}) from None
        row = {"id": file_id, "name": name[:255], "row_count": dataset.row_count,
               "size_bytes": size, "columns": dataset.columns, "sample_rows": dataset.sample_rows,
               "created_at": utcnow()}
        with db.transaction() as conn:
            conn.execute(insert(files).values(**row))
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    finally:
        tmp_path.unlink(missing_ok=True)
    return row


def list_files(limit: int = 100, cursor: tuple[dt.datetime, str] | None = None) -> dict[str, Any]:
    """A page of datasets, newest first, and the cursor of the next page (None: last page)."""
    query = select(files).order_by(files.c.created_at.desc(), files.c.id.desc()).limit(limit + 1)
    if cursor is not None:
        created_at, file_id = cursor
        query = query.where(or_(files.c.created_at < created_at,
                                and_(files.c.created_at == created_at, files.c.id < file_id)))
    with db.read() as conn:
        found = [dict(r) for r in conn.execute(query).mappings()]
    last = found[limit - 1] if len(found) > limit else None
    return {"files": found[:limit], "next_cursor": (last["created_at"], last["id"]) if last else None}


def get_file(file_id: str) -> dict[str, Any]:
    return rows.get(files, file_id, "file")


# Built once: every question holds its file.
_HOLD_FILE = select(files.c.id).where(files.c.id == bindparam("file")).with_for_update(read=True)


def hold(conn: Connection, file_id: str) -> None:
    """Inside the caller's transaction: the file exists, and stays until it commits (a
    deletion waits), so nothing is attached to a file being deleted. Else NotFound."""
    found = conn.execute(_HOLD_FILE, {"file": file_id}).first()
    if found is None:
        raise NotFound(f"file {file_id!r} not found")


def delete_file(file_id: str) -> None:
    """Delete a dataset and everything derived from it, in one transaction: its chats with
    their messages, events, tasks and charts; then the rendered images, this process's open
    connection and the files. A task of the file delivered later finds nothing (489)."""
    with db.transaction() as conn:
        if conn.execute(delete(files).where(files.c.id == file_id)).rowcount == 0:
            raise NotFound(f"file {file_id!r} not found")
        # A chat, its tasks and its charts all carry the file they are about. Tasks go
        # first: that waits for an answer being stored right now (it holds its task's
        # row), whose chart and message the next statements then see; a later one finds
        # no task to complete. New tasks and chats wait on the file row (FOR SHARE).
        conn.execute(delete(tasks).where(tasks.c.file_id == file_id))
        chart_ids = list(conn.execute(select(charts.c.id).where(charts.c.file_id == file_id)).scalars())
        conn.execute(delete(charts).where(charts.c.file_id == file_id))
        its_chats = select(chats.c.id).where(chats.c.file_id == file_id)
        conn.execute(delete(messages).where(messages.c.chat_id.in_(its_chats)))
        conn.execute(delete(events).where(events.c.chat_id.in_(its_chats)))
        conn.execute(delete(chats).where(chats.c.file_id == file_id))
    chart_images.forget(chart_ids)
    analysis.forget(dataset_dir(file_id))
    shutil.rmtree(dataset_dir(file_id), ignore_errors=True)
