"""Charts: the stored answer of a task, and its server-side rendering (vl-convert)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import logfire
from flask import current_app

from datavis import analysis
from datavis.store import rows
from datavis.store.tables import charts

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


def get_chart(chart_id: str) -> dict[str, Any]:
    return rows.get(charts, chart_id, "chart")


def render(chart_id: str, fmt: str) -> bytes:
    """The chart as PNG or SVG, rendered once and kept next to the datasets."""
    chart = get_chart(chart_id)
    path = Path(current_app.config["DATA_DIR"]) / "charts" / f"{chart_id}.{fmt}"
    if path.exists():
        return path.read_bytes()
    with logfire.span("render chart", chart_id=chart_id, format=fmt):
        data = analysis.render(chart["spec"], fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as tmp:
        tmp.write(data)
    os.replace(tmp.name, path)  # atomic: a concurrent reader sees all of it or nothing
    return data
