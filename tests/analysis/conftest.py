"""Fixtures of the analysis tests: real datasets ingested into DuckDB files in temp dirs."""
from __future__ import annotations

from pathlib import Path

import pytest

from datavis.analysis import ingest_csv

SUITE_DATA = Path(__file__).parent / "suite" / "data"


@pytest.fixture(scope="session")
def datasets(tmp_path_factory) -> dict[str, Path]:
    """The suite's four datasets, ingested once per test session."""
    root = tmp_path_factory.mktemp("datasets")
    out = {}
    for name in ("sales", "signups", "traffic", "stores"):
        out[name] = root / name
        ingest_csv(SUITE_DATA / f"{name}.csv", out[name], name=name)
    return out


@pytest.fixture
def write_csv(tmp_path):
    """Write bytes or text to a CSV file in tmp_path; returns its path."""
    def _write(content: bytes | str, name: str = "upload.csv") -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path
    return _write
