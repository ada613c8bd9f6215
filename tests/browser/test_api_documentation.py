"""The API description renders in the browser from the site's own copy of Redoc, under the CSP."""

from playwright.sync_api import expect

# Redoc's sidebar always asks for its maker's logo from their CDN (hard-coded in the bundle);
# the site's img-src 'self' refuses it, as it should: that one refusal is expected.
REDOC_LOGO = "cdn.redoc.ly/redoc/logo-mini.svg"


def test_the_api_documentation_renders(session):
    # Tolerated from the start: Redoc may ask for it at any time, even after the page settles.
    session.tolerated.append(REDOC_LOGO)
    session.page.goto(session.base_url + "/api/v1/documentation/")
    expect(session.page.get_by_role("heading", level=1)).to_contain_text("API de la BDSP")
    # Redoc drops its logo once refused: the refusal is over before axe is injected (a refusal
    # while Playwright adds a script tag fails that call).
    session.page.wait_for_function(
        "() => { const link = document.querySelector('a[href=\"https://redocly.com/redoc/\"]');"
        " return link !== null && link.querySelector('img') === null; }"
    )
    session.check_page()
