"""Where a dataset lives on disk, and a per-process cache of its profile (keyed by the profile
file's identity: inode, mtime and size) with the lookups derived from it (`derived`)."""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from ..errors import Unanswerable

DATA_FILE = "data.duckdb"
PROFILE_FILE = "profile.json"

T = TypeVar("T")
_cache: dict[str, tuple[tuple[int, int, int], dict[str, Any]]] = {}
_lock = threading.Lock()
_MAX_CACHED = 256


def file_identity(st: os.stat_result) -> tuple[int, int, int]:
    """Which file a stat is of: a new one (another inode, mtime or size) is another upload."""
    return st.st_ino, st.st_mtime_ns, st.st_size


def load_profile(dataset_dir: Path) -> dict[str, Any]:
    """{"profile": ..., "sample_rows": ...} as stored by ingest; cached while the file is unchanged.

    One stat per question: a dataset uploaded again into the same directory is a new file (another
    inode, mtime or size), so its profile and everything derived from it are read again."""
    path = os.path.join(dataset_dir, PROFILE_FILE)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise Unanswerable("this dataset is not available any more; upload the file again") from None
    identity = file_identity(st)
    with _lock:
        hit = _cache.get(path)
        if hit and hit[0] == identity:
            return hit[1]
    with open(path, encoding="utf-8") as fh:
        stored: dict[str, Any] = json.load(fh)
    _index(stored["profile"])
    stored["profile"]["_samples"] = stored.get("sample_rows") or []  # a few rows, for typical values
    with _lock:
        _cache.pop(path, None)
        if len(_cache) >= _MAX_CACHED:
            _cache.pop(next(iter(_cache)))
        _cache[path] = (identity, stored)
    return stored


def derived(profile: dict[str, Any], key: str, build: Callable[[dict[str, Any]], T]) -> T:
    """A lookup computed from the profile alone, built once per loaded profile and kept in it (a
    changed dataset loads a new profile, so nothing derived from the old one is reused). Two
    threads may both build it the first time: the same value, the last one kept."""
    if key not in profile:
        profile[key] = build(profile)
    return cast(T, profile[key])


def _index(profile: dict[str, Any]) -> None:
    """Derived lookups kept in memory only (not written to disk)."""
    profile["_by_name"] = {c["name"]: c for c in profile["columns"]}
    profile["_by_lower"] = {c["name"].lower(): c for c in profile["columns"]}


def data_file(dataset_dir: Path) -> Path:
    return Path(dataset_dir) / DATA_FILE
