"""The checks every browser test relies on must be able to fail."""

import pytest


def test_axe_reports_a_serious_violation(session):
    session.page.set_content('<html lang="fr"><body><main><img src="x.png"><input type="text"></main></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        session.assert_accessible()


def test_a_console_error_fails_the_page(session):
    session.visit("/connexion/")
    session.page.evaluate("console.error('erreur volontaire')")
    with pytest.raises(AssertionError, match="erreur volontaire"):
        session.assert_no_errors()
    session.errors.clear()


def test_a_style_the_csp_refuses_fails_the_page(session):
    """The browser contexts keep the site's CSP in force (no bypass): a refusal is an error."""
    session.visit("/connexion/")
    session.page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">en ligne</p>')")
    session.page.wait_for_timeout(200)
    with pytest.raises(AssertionError, match="style-src"):
        session.assert_no_errors()
    session.errors.clear()
