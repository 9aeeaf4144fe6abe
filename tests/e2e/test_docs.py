"""/docs in a real browser (Debian's chromium through Playwright) against gunicorn, with
every request outside the app refused: Swagger UI must load offline, under the CSP of the
HTML pages, and show every operation."""
from __future__ import annotations

import os
import shutil

import pytest

from tests.peers import LiveApp

pytestmark = pytest.mark.e2e
CHROMIUM = os.environ.get("DATAVIS_TEST_CHROMIUM") or shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium')")
def test_docs_work_offline_under_the_csp(tmp_path):
    from playwright.sync_api import sync_playwright
    app = LiveApp(tmp_path, {"API_URL": "http://127.0.0.1:1", "QSTASH_URL": "http://127.0.0.1:9"}).start()
    outside, errors = [], []

    def only_the_app(route):
        if route.request.url.startswith(app.url + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                page = browser.new_page()
                page.route("**/*", only_the_app)
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.on("console", lambda message: message.type == "error" and errors.append(message.text))
                page.add_init_script("window.violations = []; document.addEventListener("
                                     "'securitypolicyviolation', e => window.violations.push("
                                     "e.violatedDirective + ' ' + e.blockedURI))")
                response = page.goto(app.url + "/docs")
                assert "script-src 'self'" in response.headers["content-security-policy"]
                page.wait_for_selector(".opblock", timeout=30_000)
                operations = page.locator(".opblock-summary-path").all_inner_texts()
                assert {"/analyze", "/files", "/charts/{chart_id}.png"} <= {o.replace("\u200b", "") for o in operations}
                assert page.evaluate("window.violations") == []
            finally:
                browser.close()
    finally:
        app.stop()
    assert outside == [] and errors == []
