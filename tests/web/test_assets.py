"""The page's shell and assets, through the app: security headers, no CDN, vendored files
as pinned, and the page open while the API asks for keys."""
from __future__ import annotations

import importlib.util
import re

from datavis.web.views import CSP, STATIC

spec = importlib.util.spec_from_file_location("vendor_vega", STATIC.parents[2] / "tools" / "vendor_vega.py")
vendor_vega = importlib.util.module_from_spec(spec)
spec.loader.exec_module(vendor_vega)


def test_the_page_and_a_chat_address_carry_the_policy(client):
    for path in ("/", "/c/chat_123"):
        res = client.get(path)
        assert res.status_code == 200 and res.mimetype == "text/html"
        assert res.headers["Content-Security-Policy"] == CSP
        assert res.headers["X-Content-Type-Options"] == "nosniff"
        assert res.headers["Referrer-Policy"] == "same-origin"
        html = res.get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script
        assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing from another host


def test_every_referenced_asset_is_served(client):
    html = client.get("/").get_data(as_text=True)
    paths = re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", html)
    assert len(paths) == 6  # the stylesheet, four vendored scripts, the page's module
    for path in paths:
        res = client.get(path)
        assert res.status_code == 200, path
        res.close()
    vendored = client.get(next(p for p in paths if "/vendor/" in p))
    assert "max-age=31536000" in vendored.headers["Cache-Control"]
    vendored.close()
    imports = set()
    for module in STATIC.glob("*.js"):  # the modules the page's script imports exist
        imports |= set(re.findall(r"from \"\./([\w.]+)\"", module.read_text()))
    assert imports and all((STATIC / name).exists() for name in imports)


def test_vendored_files_are_the_pinned_ones():
    assert vendor_vega.check() == []
    for package in vendor_vega.PACKAGES:
        assert (STATIC / "vendor" / f"{package[0]}-{package[1]}" / "LICENSE").read_text().strip()


def test_the_page_needs_no_key_but_the_api_does(app_config):
    from datavis import create_app
    from datavis.extensions import qstash
    from datavis.store import db
    app = create_app({**app_config, "API_KEYS": ["k1"]})
    try:
        client = app.test_client()
        assert client.get("/").status_code == 200
        res = client.get("/static/app.js")
        assert res.status_code == 200
        res.close()
        assert client.get("/files").status_code == 401
        assert client.get("/files", headers={"Authorization": "Bearer k1"}).status_code == 200
    finally:
        qstash.close(app)
        db.dispose(app)
