"""The per-process caches of the analysis (the profile, what is derived from it, the open
database, the remembered results of pure functions): a dataset uploaded again into the same
directory is answered from its new file, and every cache is bounded."""
from __future__ import annotations

import functools
import importlib
import pkgutil
import shutil
from pathlib import Path

import pytest

import datavis.analysis
from datavis.analysis import Unanswerable, answer, forget, ingest_csv
from datavis.analysis.datasets import store
from datavis.analysis.language.names import split_name

FIRST = "Order Date,Region,Revenue\n" + "".join(
    f"2024-0{m}-1{d},{r},{v}\n" for m in (1, 2, 3) for d in (1, 2) for r, v in (("East", 10), ("West", 25)))
# the same directory later holds other columns, other values and another date column
SECOND = "Ship Date,Warehouse,Pallets\n" + "".join(
    f"2025-1{m}-0{d},{t},{v}\n" for m in (0, 1) for d in (3, 4) for t, v in (("Alpha", 7), ("Beta", 3), ("Gamma", 1)))


def _upload(tmp_path: Path, text: str, name: str) -> Path:
    """The dataset directory the service would use, (re)created from a CSV written here; an old one
    is deleted as the service deletes a dataset (its open database closed first: DuckDB cannot
    create a file where this process still has one open)."""
    csv_path = tmp_path / f"{name}.csv"
    csv_path.write_text(text)
    dataset = tmp_path / "dataset"
    if dataset.exists():
        forget(dataset)
        shutil.rmtree(dataset)
    ingest_csv(csv_path, dataset, name=name)
    return dataset


def _totals(rows: list[dict], by: str) -> dict:
    """Each row's group and its one other value."""
    return {r[by]: next(v for k, v in r.items() if k != by) for r in rows}


def test_dataset_uploaded_again_in_the_same_directory_is_answered_from_the_new_file(tmp_path):
    dataset = _upload(tmp_path, FIRST, "orders")
    first = answer(dataset, "total revenue by region")
    assert _totals(first.data, "Region") == {"East": 60, "West": 150}
    assert len(answer(dataset, "revenue by month").data) == 3  # Order Date: January to March 2024
    with pytest.raises(Unanswerable):
        answer(dataset, "total pallets by warehouse")

    dataset = _upload(tmp_path, SECOND, "shipments")  # the profile's file itself says it changed
    second = answer(dataset, "total pallets by warehouse")
    assert _totals(second.data, "Warehouse") == {"Alpha": 28, "Beta": 12, "Gamma": 4}
    by_month = answer(dataset, "pallets by month")  # the main date column is now Ship Date
    assert by_month.plan["x"]["field"] == "Ship Date" and len(by_month.data) == 2
    with pytest.raises(Unanswerable):
        answer(dataset, "total revenue by region")


def test_profile_cache_keeps_at_most_its_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_MAX_CACHED", 2)
    monkeypatch.setattr(store, "_cache", {})
    for k in range(3):
        (tmp_path / str(k)).mkdir()
        ingest_csv(_csv(tmp_path, k), tmp_path / str(k) / "dataset", name=f"d{k}")
        assert answer(tmp_path / str(k) / "dataset", "total revenue by region").data
        assert len(store._cache) <= 2
    assert answer(tmp_path / "0" / "dataset", "total revenue by region").data  # evicted, read again


def _csv(tmp_path: Path, k: int) -> Path:
    path = tmp_path / f"{k}.csv"
    path.write_text("Region,Revenue\n" + "".join(f"R{i},{i + k}\n" for i in range(4)))
    return path


def test_every_remembered_function_of_the_analysis_is_bounded():
    cached = []
    for info in pkgutil.walk_packages(datavis.analysis.__path__, "datavis.analysis."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if isinstance(obj, functools._lru_cache_wrapper) and obj.__module__ == info.name:
                cached.append(name)
                assert obj.cache_parameters()["maxsize"] is not None, f"{info.name}.{name} is unbounded"
    assert {"_split_name", "singular", "humanize"} <= set(cached)


def test_split_name_gives_each_caller_its_own_list():
    words = split_name("Order Date")
    words.append("changed")
    assert split_name("Order Date") == ["order", "date"]
