"""Vega-Lite spec → PNG or SVG bytes, offline, with vl-convert (Vega-Lite 5.21)."""
from __future__ import annotations

from typing import Any, Literal

import vl_convert as vlc

VL_VERSION = "5.21"


def _external_data(node: object) -> bool:
    if isinstance(node, dict):
        if isinstance(node.get("data"), dict) and "url" in node["data"]:
            return True
        return any(_external_data(v) for v in node.values())
    if isinstance(node, list):
        return any(_external_data(v) for v in node)
    return False


def render(spec: dict[str, Any], fmt: Literal["png", "svg"] = "png") -> bytes:
    """Render a spec; data must be inline (no base URL is allowed, so no file or network reads)."""
    if _external_data(spec):
        raise ValueError("only charts with inline data can be rendered")
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec, vl_version=VL_VERSION, allowed_base_urls=[]).encode("utf-8")
    if fmt == "png":
        return vlc.vegalite_to_png(spec, vl_version=VL_VERSION, scale=1.0, allowed_base_urls=[])
    raise ValueError(f"unknown format {fmt!r}; use 'png' or 'svg'")
