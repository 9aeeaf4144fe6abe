"""A chart's images: its stored spec rendered server-side (vl-convert) as PNG or SVG.

Images are rendered once and kept under ``DATA_DIR/charts``; so is a failure: a spec that
cannot be rendered is not rendered again on every request (``<id>.<fmt>.failed`` holds why).
"""
from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from datavis import analysis, config, observability
from datavis.domain_errors import RenderFailed
from datavis.services import chart_rows

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
FAILED = ".failed"
log = logging.getLogger("datavis")


def _folder() -> Path:
    return config.current().data_dir / "charts"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as tmp:
        tmp.write(data)
    os.replace(tmp.name, path)  # atomic: a concurrent reader sees all of it or nothing


def render(chart_id: str, fmt: Literal["png", "svg"]) -> bytes:
    """The chart as PNG or SVG, rendered once and kept next to the datasets."""
    chart = chart_rows.get(chart_id)
    path = _folder() / f"{chart_id}.{fmt}"
    failed = path.with_name(path.name + FAILED)
    if path.exists():
        return path.read_bytes()
    if not failed.exists():
        with observability.span("render chart", chart_id=chart_id, format=fmt):
            try:
                data = analysis.render(chart["spec"], fmt)
            except ValueError as exc:  # vl-convert's errors: the spec will not get better
                log.error("chart %s cannot be rendered as %s: %s", chart_id, fmt, exc)
                _write(failed, " ".join(str(exc).splitlines()[:2])[:300].encode())
            else:
                _write(path, data)
                return data
    raise RenderFailed(f"chart {chart_id!r} cannot be rendered as {fmt}: {failed.read_text()}")


def forget(chart_ids: Iterable[str]) -> None:
    """Remove the rendered images (and recorded failures) of these charts."""
    folder = _folder()
    for chart_id in chart_ids:
        for fmt in FORMATS:
            for path in (folder / f"{chart_id}.{fmt}", folder / f"{chart_id}.{fmt}{FAILED}"):
                path.unlink(missing_ok=True)
