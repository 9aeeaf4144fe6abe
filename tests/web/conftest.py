"""Browser tests: Debian's chromium driven by Playwright (never `playwright install`),
against the app under gunicorn and the local QStash server, on loopback."""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.peers import DevQStash, LiveApp, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]
# Content-Security-Policy violations, seen by the page itself (init scripts are exempt).
WATCH_CSP = """document.addEventListener("securitypolicyviolation", (e) => {
  (window.__cspViolations = window.__cspViolations || []).push(`${e.violatedDirective} ${e.blockedURI}`);
});"""


# Per module, not per session: Playwright's sync API keeps an event loop running in the main
# thread while it is open, and asyncio.run() in any later test would refuse to start.
@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/services.sh installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@dataclasses.dataclass
class Site:
    qstash: DevQStash
    app: LiveApp

    @property
    def url(self) -> str:
        return self.app.url


def start_site(workdir: Path, **env: str) -> Site:
    workdir.mkdir(parents=True, exist_ok=True)
    qstash = DevQStash(workdir, time_scale=0.01, env={"QSTASH_DEV_LOG_LEVEL": "WARNING"}).start()
    port = free_port()
    app = LiveApp(workdir, {"API_URL": f"http://127.0.0.1:{port}", "QSTASH_URL": qstash.url,
                            "LOG_LEVEL": "WARNING", **env}, port=port).start()
    return Site(qstash, app)


def stop_site(site: Site) -> None:
    site.app.stop()
    site.qstash.close_clients()
    site.qstash.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[Site]:
    running = start_site(tmp_path_factory.mktemp("site"))
    yield running
    stop_site(running)


@pytest.fixture
def make_site(tmp_path) -> Iterator[Callable[..., Site]]:
    """A site of the test's own, with other settings (``make_site("name", API_KEYS=...)``);
    stopped when the test ends."""
    started: list[Site] = []

    def make(name: str, **env: str) -> Site:
        started.append(start_site(tmp_path / name, **env))
        return started[-1]
    yield make
    for running in reversed(started):
        stop_site(running)


class Shots:
    """Screenshots of each step, numbered, in the test's temporary directory."""

    def __init__(self, page, folder: Path) -> None:
        self.page, self.folder, self.count = page, folder, 0
        folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, name: str, full_page: bool = False) -> Path:
        """What the person sees (the viewport), or the whole page."""
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture
def open_page(browser, tmp_path):
    """A fresh browser context and page (viewport given); console errors and CSP violations
    are collected, and checked to be none when the test ends."""
    contexts, problems = [], []

    def _open(width: int = 1280, height: int = 900, expected_statuses: tuple[int, ...] = ()):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.add_init_script(WATCH_CSP)
        expected = tuple(f"the server responded with a status of {s} " for s in expected_statuses)

        def console(message) -> None:
            # A refused request the test provokes is logged by the browser as an error too.
            if message.type == "error" and not any(e in message.text for e in expected):
                problems.append(f"console: {message.text}")
        page.on("console", console)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.set_default_timeout(30_000)
        return page, Shots(page, tmp_path / "screenshots")

    yield _open
    for context in contexts:
        for page in context.pages:
            problems.extend(page.evaluate("window.__cspViolations || []"))
        context.close()
    print(f"screenshots: {tmp_path / 'screenshots'}")
    assert problems == [], problems
