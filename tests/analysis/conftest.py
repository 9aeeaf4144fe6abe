"""Fixtures of the analysis tests: real datasets ingested into DuckDB files in temp dirs."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import duckdb
import pytest

from datavis.analysis import forget, ingest_csv

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


DEPARTMENTS = ["Engineering", "Sales", "Marketing", "Finance", "Support", "HR"]


def _write_employees(path: Path, n: int = 800) -> None:
    rnd = random.Random(11)
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Employee", "Department", "Hire Date", "Annual Salary", "Gender", "Age", "Performance Score",
                    "Remote"])
        for i in range(n):
            dept = rnd.choice(DEPARTMENTS)
            hired = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3650))
            salary = rnd.randrange(40_000, 160_000, 500) + (20_000 if dept == "Engineering" else 0)
            w.writerow([f"E{i + 1:04d}", dept, hired.isoformat(), salary, rnd.choice("MF"), rnd.randint(21, 64),
                        round(rnd.uniform(1, 5), 1), rnd.choice(["Yes", "No", "No"])])


@pytest.fixture(scope="module")
def hr(tmp_path_factory):
    """The HR file of issue 11 (800 employees), ingested, and a DuckDB view `t` over its CSV."""
    root = tmp_path_factory.mktemp("hr")
    path = root / "employees.csv"
    _write_employees(path)
    ingest_csv(path, root / "ds", name="employees")
    con = duckdb.connect()
    con.execute(f"CREATE VIEW t AS SELECT * FROM read_csv_auto('{path}')")
    yield root / "ds", con
    con.close()
    forget(root / "ds")


@pytest.fixture(scope="session")
def write_employees():
    """Writes the HR file of issue 11 to a path of the test's choosing (a table name that says nothing)."""
    return _write_employees


@pytest.fixture(scope="module")
def sales_sql():
    """The suite's sales CSV as a DuckDB view `t`, for gold answers."""
    con = duckdb.connect()
    con.execute(f"CREATE VIEW t AS SELECT * FROM read_csv_auto('{SUITE_DATA / 'sales.csv'}')")
    yield con
    con.close()
