"""What every browser test does on every page: no console error, no serious a11y violation."""

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path

from django_otp.oath import totp
from playwright.sync_api import Page

from tests.factories import PASSWORD

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_URL = "/__axe-core__.js"  # routed to node_modules/axe-core by the browser context (conftest)
# What the browser reports when the site's CSP refuses something (console errors).
REFUSED = re.compile(r"Refused to (apply|load|execute)|Content Security Policy|CSP violation", re.IGNORECASE)
BLOCKING_IMPACTS = {"serious", "critical"}


@dataclass
class BrowserSession:
    page: Page
    base_url: str
    axe_script: Path
    errors: list = field(default_factory=list)
    # Substrings of console errors a test expects (a third party's refused request, say).
    tolerated: list = field(default_factory=list)

    def __post_init__(self):
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("response", self._on_response)

    def _on_response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.errors.append(f"{response.status} on {response.url}")

    def _on_console(self, message):
        if message.type == "error" and not any(part in message.text for part in self.tolerated):
            self.errors.append(f"console: {message.text} ({self.page.url})")

    # --- navigation ------------------------------------------------------------------------

    def visit(self, path, *, status=200):
        """Open a page and check it; `status` is the HTTP status the test expects."""
        response = self.page.goto(self.base_url + path)
        assert response.status == status, f"{path}: {response.status}"
        if status != 200:
            # Chrome logs every 4xx document as a console error; this one was expected.
            expected = f"status of {status}"
            self.errors[:] = [e for e in self.errors if not (expected in e and path in e)]
        return self.check_page()

    def check_refused_form(self, status=422):
        """After a form the server refused (it answers 422 with the errors): check the page."""
        self.page.wait_for_load_state("load")
        expected = f"status of {status}"
        self.errors[:] = [e for e in self.errors if expected not in e]
        return self.check_page()

    def check_page(self):
        """Run on every page a test reaches: no console error so far, no a11y violation."""
        self.page.wait_for_load_state("load")
        self.assert_no_errors()
        self.assert_accessible()
        return self.page

    def assert_no_errors(self):
        assert not self.errors, "\n".join(self.errors)

    @property
    def refusals(self):
        """The errors that are refusals of the site's CSP."""
        return [error for error in self.errors if REFUSED.search(error)]

    def assert_no_refusal(self):
        assert not self.refusals, "\n".join(self.refusals)

    def assert_accessible(self):
        self.page.add_script_tag(url=self.base_url + AXE_URL)  # same origin: the CSP allows it
        results = self.page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
        report = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in blocking
        )
        assert not blocking, f"accessibility violations on {self.page.url}:\n{report}"

    # --- people -----------------------------------------------------------------------------

    def sign_in(self, username, password=PASSWORD):
        self.visit("/connexion/")
        self.page.get_by_label("Nom d'utilisateur").fill(username)
        self.page.get_by_label("Mot de passe").fill(password)
        self.page.get_by_role("button", name="Se connecter").click()
        return self.check_page()

    def sign_out(self):
        """With the keyboard, as someone who does not use a mouse would."""
        self.page.locator("#user-menu").focus()
        self.page.keyboard.press("Enter")
        self.page.get_by_role("button", name="Se déconnecter").focus()
        self.page.keyboard.press("Enter")
        self.page.wait_for_url("**/connexion/")
        return self.check_page()

    def enrol_second_factor(self):
        """On the enrolment page: read the key, type the current code, keep the recovery codes."""
        secret = self.page.get_by_test_id("otp-secret").inner_text()
        self.page.get_by_label("Code").fill(totp_code(secret))
        self.page.get_by_role("button", name="Activer").click()
        self.check_page()
        self.page.get_by_role("link", name="Je les ai conservés, continuer").click()
        self.check_page()
        return secret


def totp_code(secret, *, steps_ahead=0):
    """The code an app shows for a base32 secret; `steps_ahead=1` is the next 30-s code.

    A code is accepted once: signing in again within the same 30 s needs the next one,
    which django-otp accepts (one step of tolerance), as a person would wait for it.
    """
    key = secret.replace(" ", "")
    key += "=" * (-len(key) % 8)
    return f"{totp(base64.b32decode(key), drift=steps_ahead):06d}"
