"""The lifecycle, legal holds and disposition lists: nothing is destroyed any other way."""

import io
from datetime import date

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from documents import selectors, services
from documents.lifecycle import advance
from documents.models import DispositionList, Record, RecordFile
from opq_intranet.core.models import PrivateFile
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RecordFileFactory, RetentionRuleFactory
from tests.documents.samples import pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def memos(legal):
    """Class 1102 (under 1100): 1 year active + 2 semi-active from closing, then destroyed."""
    rule = RetentionRuleFactory(number="1100", title="Notes de service")
    rule.holding_units.add(legal)
    CopyRuleFactory(rule=rule, medium="digital", active_period=1, semi_active_period=2, final_disposal="D")
    parent = RecordClassFactory(code="1100", title="Administration", retention_rule=rule)
    return RecordClassFactory(code="1102", title="Correspondance", parent=parent)


def closed_file(lawyer, record_class, closed_on=date(2020, 6, 15), **fields):
    fields.setdefault("medium", "digital")
    record_file = RecordFileFactory(record_class=record_class, opened_on=date(2019, 1, 10), **fields)
    return services.file_close(record_file=record_file, user=lawyer, closed_on=closed_on)


def with_record(lawyer, record_file, text="Contenu confidentiel du dossier"):
    record = Record(record_file=record_file, title="Note", medium="digital")
    return services.record_add(record=record, user=lawyer, uploaded=upload("note.pdf", pdf_bytes(text)))


def test_the_nightly_job_moves_files_to_semi_active_when_due(lawyer, memos):
    record_file = closed_file(lawyer, memos)  # semi-active 2021-12-31, disposal 2023-12-31
    assert advance(date(2021, 12, 30), log=print).startswith("0 files became semi-active")
    assert advance(date(2021, 12, 31), log=print).startswith("1 files became semi-active")
    record_file.refresh_from_db()
    assert (record_file.stage, record_file.semi_active_since) == ("semi_active", date(2021, 12, 31))
    # Disposal is never automatic.
    advance(date(2030, 1, 1), log=print)
    record_file.refresh_from_db()
    assert record_file.stage == "semi_active"


def test_due_for_disposal_leaves_out_held_files(lawyer, records_manager, memos):
    free = closed_file(lawyer, memos)
    held_directly = closed_file(lawyer, memos)
    services.hold_place(
        title="Recours",
        reason="Recours en cours",
        file_references=held_directly.reference,
        class_codes="",
        user=records_manager,
    )
    assert set(selectors.due_for_disposal(date(2024, 1, 1))) == {free}
    # A hold on a parent class covers the subclass's files.
    hold = services.hold_place(
        title="Vérification", reason="BVG", file_references="", class_codes="1100", user=records_manager
    )
    assert not selectors.due_for_disposal(date(2024, 1, 1)).exists()
    services.hold_lift(hold=hold, user=records_manager, reason="Vérification terminée")
    assert set(selectors.due_for_disposal(date(2024, 1, 1))) == {free}


def generate(records_manager, legal, due_on=date(2024, 1, 1), kind="destruction"):
    return services.disposition_list_generate(kind=kind, org_unit=legal, due_on=due_on, user=records_manager)


def test_the_whole_list_workflow_destroys_content_and_keeps_the_description(
    make_client, lawyer, records_manager, legal, memos
):
    record_file = closed_file(lawyer, memos)
    record = with_record(lawyer, record_file)
    assert Record.objects.filter(search_vector=SearchQuery("confidentiel", config="opq_french")).exists()
    stored = record.current_version.stored_file
    kept = closed_file(lawyer, memos)

    disposition_list = generate(records_manager, legal)
    assert set(disposition_list.files.all()) == {record_file, kept}
    services.disposition_list_validate(disposition_list=disposition_list, user=lawyer, keep_ids=[kept.pk])
    services.disposition_list_approve(disposition_list=disposition_list, user=records_manager)
    services.disposition_list_process(disposition_list=disposition_list, user=records_manager)

    record_file.refresh_from_db()
    assert (record_file.stage, record_file.disposal_outcome) == ("disposed", "destroyed")
    stored.refresh_from_db()
    assert stored.content_destroyed_at is not None and not stored.content
    assert PrivateFile.objects.filter(pk=stored.pk).exists()  # the description stays
    record.refresh_from_db()
    assert record.title == "Note" and record.current_version.text == ""
    # Its former text no longer finds it; its title still does.
    assert not Record.objects.filter(search_vector=SearchQuery("confidentiel", config="opq_french")).exists()
    assert Record.objects.filter(search_vector=SearchQuery("note", config="opq_french")).exists()
    kept.refresh_from_db()
    assert kept.stage != "disposed"
    # The version can no longer be downloaded; the certificate can.
    client = make_client(lawyer)
    assert client.get(reverse("documents:version_download", args=[record.pk, 1])).status_code == 404
    disposition_list.refresh_from_db()
    response = client.get(reverse("core:private_file", args=[disposition_list.certificate.uuid]))
    text = " ".join(PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages[0].extract_text().split())
    assert "Certificat de destruction" in text and record_file.reference in text
    assert "sauvegardes" in text


def test_the_certificate_is_for_the_unit_and_the_records_manager(
    make_client, lawyer, outsider, records_manager, legal, memos
):
    closed_file(lawyer, memos)
    disposition_list = generate(records_manager, legal)
    services.disposition_list_validate(disposition_list=disposition_list, user=lawyer)
    services.disposition_list_approve(disposition_list=disposition_list, user=records_manager)
    services.disposition_list_process(disposition_list=disposition_list, user=records_manager)
    disposition_list.refresh_from_db()
    url = reverse("core:private_file", args=[disposition_list.certificate.uuid])
    assert make_client(outsider).get(url).status_code == 404
    assert (
        make_client(outsider).get(reverse("documents:disposition_detail", args=[disposition_list.pk])).status_code
        == 404
    )


def test_a_hold_placed_after_approval_stops_the_processing(lawyer, records_manager, legal, memos):
    record_file = closed_file(lawyer, memos)
    disposition_list = generate(records_manager, legal)
    services.disposition_list_validate(disposition_list=disposition_list, user=lawyer)
    services.disposition_list_approve(disposition_list=disposition_list, user=records_manager)
    services.hold_place(
        title="Demande d'accès",
        reason="Demande en cours",
        file_references=record_file.reference,
        class_codes="",
        user=records_manager,
    )
    with pytest.raises(ValidationError, match="gel juridique"):
        services.disposition_list_process(disposition_list=disposition_list, user=records_manager)
    record_file.refresh_from_db()
    assert record_file.stage != "disposed"


def test_who_does_what(lawyer, outsider, records_manager, legal, memos):
    closed_file(lawyer, memos)
    with pytest.raises(PermissionDenied):
        generate(lawyer, legal)
    disposition_list = generate(records_manager, legal)
    with pytest.raises(PermissionDenied):  # another unit does not validate
        services.disposition_list_validate(disposition_list=disposition_list, user=outsider)
    with pytest.raises(ValidationError, match="validée par son unité"):
        services.disposition_list_approve(disposition_list=disposition_list, user=records_manager)
    services.disposition_list_validate(disposition_list=disposition_list, user=lawyer)
    with pytest.raises(PermissionDenied):
        services.disposition_list_approve(disposition_list=disposition_list, user=lawyer)
    with pytest.raises(ValidationError, match="approuvée"):
        services.disposition_list_process(disposition_list=disposition_list, user=records_manager)


def test_nothing_due_says_so_in_french(make_client, records_manager, legal, memos):
    response = make_client(records_manager).post(
        reverse("documents:disposition_generate"),
        {"kind": "destruction", "org_unit": legal.pk, "due_on": "2024-01-01"},
        follow=True,
    )
    assert "Aucun dossier de Direction des affaires juridiques n’est échu pour cette disposition" in response.text
    assert not RecordFile.objects.filter(disposition_lists__isnull=False).exists()


def test_a_file_on_an_open_list_is_not_put_on_another(lawyer, records_manager, legal, memos):
    closed_file(lawyer, memos)
    generate(records_manager, legal)
    with pytest.raises(ValidationError):
        generate(records_manager, legal)


def test_holds_need_a_reason_and_existing_targets(make_client, records_manager):
    response = make_client(records_manager).post(
        reverse("documents:hold_create"), {"title": "Gel", "reason": "", "file_references": "D1999-99999"}
    )
    assert response.status_code == 422
    assert "Aucun dossier ne porte le numéro D1999-99999." in response.text
    assert "Indiquez le motif du gel." in response.text


def test_pages_for_each_kind_of_user(make_client, lawyer, staff_without_role, partner_user, records_manager):
    assert make_client(lawyer).get(reverse("documents:disposition_index")).status_code == 200
    assert make_client(records_manager).get(reverse("documents:disposition_index")).status_code == 200
    assert make_client(lawyer).get(reverse("documents:hold_list")).status_code == 403
    assert make_client(partner_user).get(reverse("documents:disposition_index")).status_code == 403
    assert make_client(staff_without_role).get(reverse("documents:disposition_index")).status_code == 403


def test_a_list_prepared_ahead_is_processed_only_once_its_files_are_due(
    lawyer, records_manager, legal, memos, settings
):
    # Closed 2025-06-15: semi-active at the end of 2026, disposal at the end of 2028.
    record_file = closed_file(lawyer, memos, closed_on=date(2025, 6, 15))
    disposition_list = services.disposition_list_generate(
        kind="destruction", org_unit=legal, due_on=date(2029, 1, 1), user=records_manager
    )
    services.disposition_list_validate(disposition_list=disposition_list, user=lawyer)
    services.disposition_list_approve(disposition_list=disposition_list, user=records_manager)
    settings.RECORDS_TODAY = date(2028, 12, 30)
    with pytest.raises(ValidationError, match=record_file.reference):
        services.disposition_list_process(disposition_list=disposition_list, user=records_manager)
    record_file.refresh_from_db()
    assert record_file.stage != "disposed"
    settings.RECORDS_TODAY = date(2028, 12, 31)  # time run forward to the disposal date
    services.disposition_list_process(disposition_list=disposition_list, user=records_manager)
    record_file.refresh_from_db()
    assert (record_file.stage, record_file.disposed_on) == ("disposed", date(2028, 12, 31))


def test_a_simulated_today_is_shown_and_refused_by_the_deployment_check(make_client, records_manager, settings):
    from documents.checks import records_today_is_real

    assert records_today_is_real(None) == []
    settings.RECORDS_TODAY = date(2030, 1, 1)
    assert [w.id for w in records_today_is_real(None)] == ["documents.W001"]
    page = make_client(records_manager).get(reverse("documents:disposition_index"))
    assert page.context["today"] == date(2030, 1, 1)
    assert "Date simulée" in page.content.decode()


def test_the_file_list_shows_what_is_due(make_client, lawyer, records_manager, legal, memos):
    due = closed_file(lawyer, memos)  # disposal 2023-12-31
    held = closed_file(lawyer, memos)
    services.hold_place(
        title="Recours", reason="Recours en cours", file_references=held.reference, class_codes="", user=records_manager
    )
    recent = closed_file(lawyer, memos, closed_on=date(2026, 6, 15))  # semi-active at the end of 2027
    client = make_client(records_manager)

    def listed(due_filter):
        response = client.get(reverse("documents:file_list"), {"due": due_filter})
        return {f.pk for f in response.context["page"].object_list}

    assert listed("disposal") == {due.pk}
    assert listed("held") == {held.pk}
    assert listed("semi_active") == {due.pk, held.pk}  # closed 2020: semi-active since 2021, not moved yet
    assert recent.pk not in listed("semi_active")
    page = client.get(reverse("documents:disposition_index")).content.decode()
    assert f"?due=disposal&amp;org_unit={legal.pk}" in page


def test_holds_lists_and_records_show_their_history(make_client, lawyer, outsider, records_manager, legal, memos):
    record_file = closed_file(lawyer, memos, confidentiality="confidential")
    record = with_record(lawyer, record_file)
    hold = services.hold_place(
        title="Recours", reason="Recours", file_references=record_file.reference, class_codes="", user=records_manager
    )
    services.hold_lift(hold=hold, user=records_manager, reason="Jugement rendu")
    disposition_list = generate(records_manager, legal)
    manager, unit, other = make_client(records_manager), make_client(lawyer), make_client(outsider)
    page = manager.get(reverse("documents:hold_detail", args=[hold.pk]))
    assert reverse("documents:hold_history", args=[hold.pk]) in page.content.decode()
    history = manager.get(reverse("documents:hold_history", args=[hold.pk]))
    assert history.status_code == 200
    assert sorted(entry.kind for entry in history.context["history"]) == ["add", "insert", "update"]  # placed
    # with its file (a link), then lifted
    assert unit.get(reverse("documents:hold_history", args=[hold.pk])).status_code == 403
    assert unit.get(reverse("documents:disposition_history", args=[disposition_list.pk])).status_code == 200
    assert other.get(reverse("documents:disposition_history", args=[disposition_list.pk])).status_code == 404
    assert unit.get(reverse("documents:record_history", args=[record.pk])).status_code == 200
    assert other.get(reverse("documents:record_history", args=[record.pk])).status_code == 404


def test_the_lifecycle_follows_the_dates_in_force(lawyer, records_manager, memos):
    plain = closed_file(lawyer, memos)  # semi-active 2021-12-31
    overridden = closed_file(lawyer, memos)
    services.file_override_dates(
        record_file=overridden,
        user=records_manager,
        semi_active_on=date(2022, 6, 30),
        disposal_on=None,
        reason="Dossier encore consulté",
    )
    held = closed_file(lawyer, memos)
    services.hold_place(
        title="Recours", reason="Recours", file_references=held.reference, class_codes="", user=records_manager
    )
    still_open = RecordFileFactory(record_class=memos, medium="digital", opened_on=date(2019, 1, 10))
    disposed = closed_file(lawyer, memos)
    RecordFile.objects.filter(pk=disposed.pk).update(stage="disposed")

    advance(date(2022, 1, 3), log=print)
    stages = dict(RecordFile.objects.values_list("pk", "stage"))
    # A hold suspends disposition, not the move to semi-active; an open file has no date yet.
    assert stages[plain.pk] == stages[held.pk] == "semi_active"
    assert stages[overridden.pk] == "active"  # the records manager's date: 2022-06-30
    assert stages[still_open.pk] == "active"
    assert stages[disposed.pk] == "disposed"
    advance(date(2022, 6, 30), log=print)
    overridden.refresh_from_db()
    assert (overridden.stage, overridden.semi_active_since) == ("semi_active", date(2022, 6, 30))
    # Run again the same day: nothing changes (the job is idempotent).
    assert advance(date(2022, 6, 30), log=print).startswith("0 files became semi-active")


def test_paper_moves_to_semi_active_storage_with_a_transfer_list(make_client, lawyer, records_manager, legal, memos):
    CopyRuleFactory(rule=memos.parent.retention_rule, medium="paper", active_period=1, semi_active_period=2)
    paper = closed_file(lawyer, memos, medium="paper")  # semi-active 2021-12-31
    digital = closed_file(lawyer, memos)
    services.hold_place(
        title="Recours", reason="Recours", file_references=paper.reference, class_codes="", user=records_manager
    )
    assert advance(date(2022, 1, 3), log=print).startswith("1 files became semi-active; 1 paper files wait")
    paper.refresh_from_db()
    assert paper.stage == "active"  # someone has to carry it: a transfer list
    transfer = generate(records_manager, legal, due_on=date(2022, 1, 3), kind="semi_active_transfer")
    assert list(transfer.files.all()) == [paper]  # a hold suspends disposal, not the transfer
    services.disposition_list_validate(disposition_list=transfer, user=lawyer)
    services.disposition_list_approve(disposition_list=transfer, user=records_manager)
    services.disposition_list_process(disposition_list=transfer, user=records_manager)
    paper.refresh_from_db()
    assert (paper.stage, paper.semi_active_since, paper.disposal_outcome) == ("semi_active", date.today(), "")
    transfer.refresh_from_db()
    response = make_client(lawyer).get(reverse("core:private_file", args=[transfer.certificate.uuid]))
    text = " ".join(PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages[0].extract_text().split())
    assert "Bordereau de transfert au semi-actif" in text and paper.reference in text
    assert digital.reference not in text


def test_the_preview_shows_what_the_list_would_take_then_generates_it(
    make_client, lawyer, records_manager, legal, memos
):
    due = closed_file(lawyer, memos)
    closed_file(lawyer, memos, closed_on=date(2026, 6, 15))  # not due yet
    client = make_client(records_manager)
    url = reverse("documents:disposition_preview")
    assert client.get(url).context["count"] is None  # nothing asked yet
    params = {"kind": "destruction", "org_unit": legal.pk, "due_on": "2026-11-25"}
    page = client.get(url, params)
    assert page.context["count"] == 1 and page.context["files"] == [due]
    assert f'name="org_unit" value="{legal.pk}"' in page.content.decode()
    response = client.post(reverse("documents:disposition_generate"), params)
    disposition_list = DispositionList.objects.get()
    assert response["Location"] == disposition_list.get_absolute_url()
    assert list(disposition_list.files.all()) == [due]
    assert client.get(url, params).context["count"] == 0  # now on an open list
    bad = client.get(url, {"kind": "destruction", "org_unit": legal.pk, "due_on": "2026-13-45"})
    assert bad.context["count"] is None and "Saisissez une date valide." in bad.content.decode()
    assert make_client(lawyer).get(url, params).status_code == 403
