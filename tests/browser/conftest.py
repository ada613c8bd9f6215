"""Playwright in Debian's Chromium against Django's live server, with axe-core on every page.

Never `playwright install`: the browser is /usr/bin/chromium, and the machine has no internet.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.pages import BrowserSession

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# (creating users) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/__axe-core__.js"  # answered by each context's route, never by the site


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_session(browser, live_server, reference_data):
    """Opens browser contexts (own cookies: one per person) on the live server."""
    opened = []

    def open_session():
        # The site's CSP stays in force: axe-core is served from the site's own origin by this
        # route (never by the site), so 'self' allows it, and every refusal of the policy is a
        # console error the session fails on (the init script is not subject to the policy).
        context = browser.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900}, accept_downloads=True)
        context.set_default_timeout(10_000)
        context.route(f"**{AXE_URL}", lambda route: route.fulfill(path=str(AXE_SCRIPT), content_type="text/javascript"))
        context.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => console.error("
            "'CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')"
            " + ' ' + (e.sourceFile || '')))"
        )
        browser_session = BrowserSession(page=context.new_page(), base_url=live_server.url, axe_script=AXE_SCRIPT)
        opened.append((context, browser_session))
        return browser_session

    yield open_session
    for context, browser_session in opened:
        context.close()
        browser_session.assert_no_errors()


@pytest.fixture
def session(new_session):
    """A fresh browser context on the live server; axe runs on every page it visits."""
    return new_session()
