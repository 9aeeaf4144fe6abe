"""Where a dataset lives on disk, and a per-process cache of its profile (keyed by path+mtime)."""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from ..errors import Unanswerable

DATA_FILE = "data.duckdb"
PROFILE_FILE = "profile.json"

_cache: dict[str, tuple[int, dict[str, Any]]] = {}
_lock = threading.Lock()
_MAX_CACHED = 256


def load_profile(dataset_dir: Path) -> dict[str, Any]:
    """{"profile": ..., "sample_rows": ...} as stored by ingest; cached while the file is unchanged."""
    path = Path(dataset_dir) / PROFILE_FILE
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise Unanswerable("this dataset is not available any more; upload the file again") from None
    key = str(path.resolve())
    with _lock:
        hit = _cache.get(key)
        if hit and hit[0] == mtime:
            return hit[1]
    stored: dict[str, Any] = json.loads(path.read_text())
    _index(stored["profile"])
    stored["profile"]["_samples"] = stored.get("sample_rows") or []  # a few rows, for typical values
    with _lock:
        if len(_cache) >= _MAX_CACHED:
            _cache.pop(next(iter(_cache)))
        _cache[key] = (mtime, stored)
    return stored


def _index(profile: dict[str, Any]) -> None:
    """Derived lookups kept in memory only (not written to disk)."""
    profile["_by_name"] = {c["name"]: c for c in profile["columns"]}
    profile["_by_lower"] = {c["name"].lower(): c for c in profile["columns"]}


def data_file(dataset_dir: Path) -> Path:
    return Path(dataset_dir) / DATA_FILE
