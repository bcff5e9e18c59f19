"""Browser-test fixtures: the app under gunicorn, as in production, and Debian's Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.serving import ROOT, serving

from .helpers import ArticlePages


@pytest.fixture(scope="session")
def server():
    yield from serving(ROOT / "events")


@pytest.fixture(scope="session")
def mini_server():
    yield from serving(ROOT / "tests" / "data" / "cold-war-mini.yaml", workers=1)


@pytest.fixture(scope="session")
def site():
    """A 'news site' on another loopback port whose pages frame the app."""
    pages = ArticlePages()
    yield pages
    pages.httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run scripts/test, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class ConsoleLog:
    """Console errors and uncaught page errors seen while a test ran."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.console = ConsoleLog(opened)
    yield opened
    errors = opened.console.errors
    context.close()
    assert errors == [], f"console errors: {errors}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, attach what the servers logged (a 500 is only explained there)."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for name in ("server", "mini_server", "large_server", "counted_server", "hostile_server"):
            running = item.funcargs.get(name)
            running = running[0] if isinstance(running, tuple) else running
            if running is not None:
                report.sections.append((f"{name} log", running.log()[-5000:]))
