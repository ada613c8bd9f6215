"""A share link in a real browser: a member shares a file with a password and a download
limit, copies the URL shown once, and someone without an account opens it in a fresh browser
(no session): the password, then the download; the member revokes the link and the same
browser is told it is no longer valid. A drop link, in another fresh browser, shows only its
upload form and says what it received. Selectors are ids and test ids: the area's words are
new msgids, translated at the end."""

from pathlib import Path

from django.utils import translation
from playwright.sync_api import expect

from documents.exchange.choices import EventAction
from documents.exchange.models import ExchangeEvent, FileVersion, ShareLink
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.documents.samples import pdf_bytes
from tests.exchange.factories import ExchangeSpaceFactory, FolderFactory, stored_pdf
from tests.factories import UserFactory

PASSWORD = "mot-de-passe-du-lien"


def french(msgid):
    with translation.override("fr-ca"):
        return translation.gettext(msgid)


def test_a_share_link_opened_in_a_fresh_browser_then_revoked(new_session):
    member = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="daj"), last_name="Lavoie")
    space = ExchangeSpaceFactory(name="Échanges avec l'Ordre des infirmières")
    shared = stored_pdf(space=space, user=member, name="avis-juridique.pdf", text="Avis juridique").shared_file
    staff = new_session()
    staff.sign_in(member.username)

    # The member shares the file: for whom, a password, two downloads at most.
    page = staff.visit(f"/portail/echanges/{space.pk}/liens/ajouter/?file={shared.pk}")
    expect(page.locator("main")).to_contain_text("avis-juridique.pdf")
    page.locator("#id_label").fill("Me Tremblay, avocat")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_max_downloads").fill("2")
    page.locator("main form button[type=submit]").click()
    staff.check_page()
    url = page.get_by_test_id("new-link-url").input_value()
    assert "/partage/" in url
    expect(page.get_by_test_id("link-state").first).to_be_visible()

    # Someone without an account, in a browser that never signed in.
    visitor = new_session()
    page_v = visitor.visit(url.replace(visitor.base_url, ""))
    expect(page_v.locator("main")).not_to_contain_text("avis-juridique.pdf")
    expect(page_v.locator("#global-search")).to_have_count(0)
    page_v.locator("#id_password").fill(PASSWORD)
    page_v.get_by_test_id("link-password-submit").click()
    visitor.check_page()
    expect(page_v.get_by_role("heading", level=1)).to_contain_text("avis-juridique.pdf")
    expect(page_v.locator("body")).not_to_contain_text("Lavoie")
    with page_v.expect_download() as download:
        page_v.get_by_test_id("link-download").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename == "avis-juridique.pdf"
    link = ShareLink.objects.get()
    assert link.download_count == 1
    assert ExchangeEvent.objects.filter(action=EventAction.DOWNLOADED, link=link).exists()

    # The member revokes it from the list.
    page = staff.visit(f"/portail/echanges/{space.pk}/liens/")
    expect(page.get_by_test_id("new-link-url")).to_have_count(0)  # shown once only
    page.get_by_test_id("revoke-link").click()
    staff.check_page()
    page.locator("main form button[type=submit]").click()
    staff.check_page()
    link.refresh_from_db()
    assert link.revoked_at is not None

    # The visitor's browser, the same session: no longer valid.
    visitor.visit(url.replace(visitor.base_url, ""), status=404)
    expect(page_v.get_by_role("heading", level=1)).to_be_visible()
    expect(page_v.locator("main")).not_to_contain_text("avis-juridique.pdf")
    assert ExchangeEvent.objects.filter(action=EventAction.LINK_REFUSED, link=link).exists()


def test_a_drop_link_shows_nothing_there_and_receives_a_file(new_session, tmp_path):
    member = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="daj"))
    space = ExchangeSpaceFactory(name="Échanges avec l'Ordre des ingénieurs")
    folder = FolderFactory(space=space, name="Réponses de l'Ordre")
    stored_pdf(space=space, user=member, folder=folder, name="deja-la.pdf")
    staff = new_session()
    staff.sign_in(member.username)
    page = staff.visit(f"/portail/echanges/{space.pk}/liens/ajouter/?folder={folder.pk}")
    page.locator("#id_kind").select_option("drop")
    page.locator("#id_label").fill("Greffe de l'Ordre")
    page.locator("main form button[type=submit]").click()
    staff.check_page()
    url = page.get_by_test_id("new-link-url").input_value()

    visitor = new_session()
    page_v = visitor.visit(url.replace(visitor.base_url, ""))
    expect(page_v.locator("body")).not_to_contain_text("deja-la.pdf")
    expect(page_v.locator("body")).not_to_contain_text("Réponses de l")
    answer = tmp_path / "reponse-de-l-ordre.pdf"
    answer.write_bytes(pdf_bytes("Réponse"))
    page_v.locator("#id_uploaded").set_input_files(str(answer))
    page_v.get_by_test_id("drop-submit").click()
    visitor.check_page()
    expect(page_v.get_by_test_id("drop-received")).to_contain_text("reponse-de-l-ordre.pdf")
    expect(page_v.locator("body")).not_to_contain_text("deja-la.pdf")
    version = FileVersion.objects.get(link__isnull=False)
    assert version.shared_file.folder == folder

    # The same link's resumable zone (tus-js-client to /partage/<secret>/televerser/).
    second = tmp_path / "annexe-de-l-ordre.pdf"
    second.write_bytes(pdf_bytes("Annexe"))
    page_v.locator("#upload-input").set_input_files(str(second))
    expect(page_v.locator("[data-upload-status]")).to_have_text(french("Received"), timeout=15_000)
    visitor.check_page()
    assert FileVersion.objects.filter(link__isnull=False, shared_file__name="annexe-de-l-ordre.pdf").exists()
    expect(page_v.locator("body")).not_to_contain_text("deja-la.pdf")
