"""The page's routes: one HTML shell (the page runs in the browser) and its static assets."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, render_template

STATIC = Path(__file__).resolve().parent / "static"
# contract 3: no inline script, no eval (Vega runs with its expression interpreter), no CDN.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
VENDOR_MAX_AGE = 365 * 24 * 3600  # vendored files carry their version in their path


class PageBlueprint(Blueprint):
    def get_send_file_max_age(self, filename: str | None) -> int | None:
        if filename and filename.startswith("vendor/"):
            return VENDOR_MAX_AGE
        return None  # the page's own files: revalidated (ETag) on every load


bp = PageBlueprint("web", __name__, static_folder="static", static_url_path="/static",
                   template_folder="templates")


@cache
def vendor_scripts() -> list[str]:
    """The vendored scripts in load order (tools/vendor_vega.py writes the manifest)."""
    manifest = json.loads((STATIC / "vendor" / "MANIFEST.json").read_text())
    return [f"vendor/{package['script']}" for package in manifest["packages"]]


@bp.get("/")
@bp.get("/c/<chat_id>")
def page(chat_id: str | None = None) -> str:
    """The chat page; ``/c/<chat id>`` reopens a chat (the script reads the address)."""
    return render_template("index.html", vendor_scripts=vendor_scripts())


@bp.after_request
def protect(response: Response) -> Response:
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response
