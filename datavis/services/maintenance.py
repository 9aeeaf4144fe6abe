"""Housekeeping an operator runs now and then (``flask --app datavis sweep``, e.g. hourly
from cron): nothing runs in the background, so nothing costs anything while idle."""
from __future__ import annotations

import datetime as dt
import shutil
import time
from typing import Any

from sqlalchemy import select

from datavis.services import datasets, submission
from datavis.store import db
from datavis.store.tables import files


def sweep(older_than: dt.timedelta) -> dict[str, Any]:
    """Publish tasks that never reached QStash, and remove what interrupted uploads left:
    temporary upload files and dataset folders without a database row."""
    published, failing = submission.republish_stale(older_than)
    cutoff = time.time() - older_than.total_seconds()
    removed_uploads = 0
    for path in (datasets.data_dir() / "tmp").glob("*.upload"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed_uploads += 1
    with db.read() as conn:
        known = set(conn.execute(select(files.c.id)).scalars())
    removed_datasets = 0
    for folder in (datasets.data_dir() / "files").glob("file_*"):
        if folder.name not in known and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed_datasets += 1
    return {"republished": published, "still_unpublished": failing,
            "removed_uploads": removed_uploads, "removed_datasets": removed_datasets}
