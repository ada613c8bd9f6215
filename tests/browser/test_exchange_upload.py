"""The upload zone of an exchange space in a real browser: two files chosen at once, each with
its progress bar reaching "Terminé" (one of them through a dropped connection, resumed by
tus-js-client), then listed on the page; a file dropped on the zone whose content is not
what its name says, refused with the server's French message under its bar."""

import io
import os
import re
import zipfile

import pytest
from django.utils import translation
from playwright.sync_api import expect

from documents.exchange.choices import UploadState
from documents.exchange.models import SharedFile, Upload
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.documents.samples import pdf_bytes
from tests.exchange.factories import ExchangeSpaceFactory
from tests.factories import UserFactory

CHUNK = 64 * 1024


def french(msgid, context=None):
    """The zone's words as the French catalogue gives them (this area's msgids are new)."""
    with translation.override("fr-ca"):
        return translation.pgettext(context, msgid) if context else translation.gettext(msgid)


@pytest.fixture(autouse=True)
def small_chunks(settings, tmp_path):
    settings.EXCHANGE_UPLOAD_ROOT = tmp_path / "uploads"
    settings.EXCHANGE_UPLOAD_CHUNK_BYTES = CHUNK  # several chunks per file, as a large file has


def padded_pdf(text, size):
    head = pdf_bytes(text)
    return head + b"%" + os.urandom(size - len(head) - 1)


def test_two_files_chosen_each_with_its_progress_bar_then_listed(session, tmp_path):
    member = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="daj"))
    space = ExchangeSpaceFactory(name="Échanges avec l'Ordre des infirmières")
    first, second = tmp_path / "rapport-annuel.pdf", tmp_path / "annexe.pdf"
    first.write_bytes(padded_pdf("Rapport annuel", 5 * CHUNK + 100))
    second.write_bytes(padded_pdf("Annexe", 2 * CHUNK + 10))
    session.sign_in(member.username)
    page = session.visit(space.get_absolute_url())

    # The line drops during the first chunk sent: tus-js-client asks the offset and resumes.
    dropped = []

    def drop_one_chunk(route):
        if route.request.method == "PATCH" and not dropped:
            dropped.append(route.request.url)
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route(re.compile(r".*/televersements/[0-9a-f-]+/$"), drop_one_chunk)

    zone = page.get_by_role("region", name=french("Add files"))
    zone.get_by_label(french("Choose files"), exact=True).set_input_files([str(first), str(second)])
    items = zone.get_by_role("listitem")
    expect(items).to_have_count(2)
    for name in ("rapport-annuel.pdf", "annexe.pdf"):
        item = items.filter(has_text=name)
        expect(item.get_by_role("status")).to_have_text(french("Done", "upload"), timeout=30_000)
        expect(item.get_by_role("progressbar", name=name)).to_have_attribute("value", "100")
    assert dropped, "no chunk was dropped: the resumption was not exercised"
    session.errors[:] = [e for e in session.errors if "ERR_CONNECTION_RESET" not in e and "ERR_FAILED" not in e]

    # The page's file table is fetched again: both files are there, with their sizes.
    files = page.get_by_role("region", name=french("Files"), exact=True)
    expect(files.get_by_role("cell", name="rapport-annuel.pdf", exact=True)).to_be_visible()
    expect(files.get_by_role("cell", name="annexe.pdf", exact=True)).to_be_visible()
    assert sorted(SharedFile.objects.values_list("name", flat=True)) == ["annexe.pdf", "rapport-annuel.pdf"]
    stored = SharedFile.objects.get(name="rapport-annuel.pdf").current_version.stored_file
    assert stored.size == first.stat().st_size
    session.check_page()


def test_a_dropped_file_that_is_not_what_its_name_says_is_refused_in_french(session):
    member = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="daj"))
    space = ExchangeSpaceFactory()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "pas un PDF")
    session.sign_in(member.username)
    page = session.visit(space.get_absolute_url())

    # Drag and drop: the file arrives on the zone as a browser's drop event carries it.
    area = page.locator("[data-drop-area]")
    transfer = page.evaluate_handle(
        """(bytes) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([new Uint8Array(bytes)], "faux.pdf", {type: "application/pdf"}));
            return transfer;
        }""",
        list(buffer.getvalue()),
    )
    area.dispatch_event("dragover", {"dataTransfer": transfer})
    area.dispatch_event("drop", {"dataTransfer": transfer})

    item = page.get_by_role("listitem").filter(has_text="faux.pdf")
    expect(item.get_by_role("status")).to_contain_text("Ce type de fichier (application/zip)", timeout=20_000)
    expect(item.get_by_role("status")).to_contain_text("n'est pas accepté ici")
    assert Upload.objects.get().state == UploadState.REFUSED
    assert not SharedFile.objects.exists()
    session.errors[:] = [e for e in session.errors if "422" not in e]
    session.check_page()
