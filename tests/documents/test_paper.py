"""Paper records: spaces, numbered boxes and their fill, loans, reminders and labels."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.utils import timezone
from pypdf import PdfReader

from documents import labels, selectors, services
from documents.dashboard import my_loans
from documents.models import Box, PaperLoan, RecordFile, StorageSpace
from documents.reminders import loans_to_remind
from documents.seed import generate_paper as generate
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import NumberSequence, OrgUnit, Site
from tests.documents.factories import RecordFileFactory
from tests.factories import OfficeClosureFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR = TODAY.year


@pytest.fixture
def quebec():
    return Site.objects.get(code="quebec")


@pytest.fixture
def space(quebec):
    return StorageSpace.objects.create(code="Q-10.12-A", site=quebec, room="Salle 10.12", shelf="A", capacity=2)


@pytest.fixture
def box(records_manager, legal, space):
    return services.box_create(box=Box(org_unit=legal, storage_space=space, capacity=2), user=records_manager)


@pytest.fixture
def paper_file(litigation):
    return RecordFileFactory(record_class=litigation, medium="paper", confidentiality="internal")


def refused(call, message):
    """The call is refused with this French message."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert message in " ".join(caught.value.messages), caught.value.messages


# --- Spaces and boxes -------------------------------------------------------------------------------


def test_boxes_are_numbered_in_their_own_series(records_manager, legal, space):
    first = services.box_create(box=Box(org_unit=legal, storage_space=space), user=records_manager)
    second = services.box_create(box=Box(org_unit=legal), user=records_manager)
    assert (first.number, second.number) == (f"B{YEAR}-00001", f"B{YEAR}-00002")
    assert NumberSequence.objects.get(series="documents.box", year=YEAR).last_value == 2
    assert (first.capacity, first.status, first.created_by) == (12, "active", records_manager)
    assert second.storage_space is None  # in transit
    assert selectors.spaces().get(pk=space.pk).occupied == 1


def test_a_refused_box_gives_its_number_back(records_manager, legal, space):
    services.box_create(box=Box(org_unit=legal, storage_space=space), user=records_manager)
    services.box_create(box=Box(org_unit=legal, storage_space=space), user=records_manager)
    refused(
        lambda: services.box_create(box=Box(org_unit=legal, storage_space=space), user=records_manager),
        "L’espace Q-10.12-A est plein (2 boîtes) : choisissez-en un autre.",
    )
    assert Box.objects.count() == 2
    assert services.box_create(box=Box(org_unit=legal), user=records_manager).number == f"B{YEAR}-00003"


def test_files_go_in_a_box_until_it_is_full(records_manager, box, litigation):
    first, second, third = (
        RecordFileFactory(record_class=litigation, medium=medium) for medium in ("paper", "hybrid", "paper")
    )
    services.file_put_in_box(record_file=first, box=box, user=records_manager)
    services.file_put_in_box(record_file=second, box=box, user=records_manager)
    filled = selectors.boxes().get(pk=box.pk)
    assert (filled.file_count, filled.fill) == (2, 100.0)
    refused(
        lambda: services.file_put_in_box(record_file=third, box=box, user=records_manager),
        f"La boîte {box.number} est pleine (2 dossiers) : choisissez une autre boîte ou augmentez sa capacité.",
    )
    third.refresh_from_db()
    assert third.box is None
    services.file_take_out_of_box(record_file=first, user=records_manager)
    services.file_put_in_box(record_file=third, box=box, user=records_manager)
    assert set(box.files.values_list("pk", flat=True)) == {second.pk, third.pk}
    refused(
        lambda: services.file_take_out_of_box(record_file=first, user=records_manager),
        "Ce dossier n’est dans aucune boîte.",
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"medium": "digital"},
            "Un dossier numérique n’a pas de boîte : seuls les dossiers papier et hybrides sont mis en boîte.",
        ),
        (
            {"stage": "disposed"},
            "Ce dossier a fait l’objet d’une disposition : il ne peut plus être déplacé ni prêté.",
        ),
        (
            {"org_unit_code": "dcom"},
            "contient les dossiers de « Direction des affaires juridiques » ; "
            "ce dossier relève de « Direction des communications ».",
        ),
    ],
)
def test_a_box_refuses_a_file_that_does_not_belong_in_it(records_manager, box, litigation, change, message):
    fields = {"medium": "paper", **change}
    fields["org_unit"] = OrgUnit.objects.get(code=fields.pop("org_unit_code", "daj"))
    record_file = RecordFileFactory(record_class=litigation, **fields)
    refused(lambda: services.file_put_in_box(record_file=record_file, box=box, user=records_manager), message)
    record_file.refresh_from_db()
    assert record_file.box is None


def test_a_file_is_in_one_box_at_a_time(records_manager, box, legal, paper_file):
    services.file_put_in_box(record_file=paper_file, box=box, user=records_manager)
    refused(
        lambda: services.file_put_in_box(record_file=paper_file, box=box, user=records_manager),
        f"Le dossier est déjà dans la boîte {box.number}.",
    )
    other = services.box_create(box=Box(org_unit=legal), user=records_manager)
    services.file_put_in_box(record_file=paper_file, box=other, user=records_manager)  # moved
    paper_file.refresh_from_db()
    assert paper_file.box == other
    assert not box.files.exists()


def test_a_lent_file_goes_in_a_box_once_returned(records_manager, box, lawyer, paper_file):
    loan = services.loan_create(record_file=paper_file, borrower=lawyer, user=records_manager)
    refused(
        lambda: services.file_put_in_box(record_file=paper_file, box=box, user=records_manager),
        f"Le dossier est prêté à {lawyer} : mettez-le en boîte à son retour.",
    )
    services.loan_return(loan=loan, user=records_manager)
    services.file_put_in_box(record_file=paper_file, box=box, user=records_manager)


def test_a_digital_file_cannot_keep_a_box(records_manager, box, paper_file):
    services.file_put_in_box(record_file=paper_file, box=box, user=records_manager)
    paper_file.refresh_from_db()
    paper_file.medium = "digital"
    with pytest.raises(ValidationError) as caught:
        paper_file.full_clean()
    assert caught.value.message_dict["medium"] == [
        "Un dossier numérique n’a pas de boîte : retirez-le d’abord de sa boîte."
    ]


def test_space_rules(records_manager, box, space):
    space.capacity = 0
    refused(
        lambda: services.space_save(space=space, user=records_manager),
        "Assurez-vous que cette valeur est supérieure ou égale à 1.",
    )
    space.refresh_from_db()
    space.capacity = 1
    space.is_active = False
    with pytest.raises(ValidationError) as caught:
        services.space_save(space=space, user=records_manager)
    assert caught.value.message_dict["is_active"] == [
        "L’espace contient encore 1 boîte : déplacez-la avant de retirer l’espace du service."
    ]
    space.refresh_from_db()
    assert space.is_active
    services.box_create(box=Box(org_unit=box.org_unit, storage_space=space), user=records_manager)
    space.capacity = 1
    refused(
        lambda: services.space_save(space=space, user=records_manager),
        "L’espace contient 2 boîtes : sa capacité ne peut pas être inférieure.",
    )
    space.refresh_from_db()
    assert space.capacity == 2


def test_a_space_no_longer_in_use_takes_no_box(records_manager, legal, quebec):
    retired = StorageSpace(code="q-old", site=quebec, room="Ancienne voûte", capacity=10, is_active=False)
    services.space_save(space=retired, user=records_manager)
    assert retired.code == "Q-OLD"
    refused(
        lambda: services.box_create(box=Box(org_unit=legal, storage_space=retired), user=records_manager),
        "L’espace Q-OLD n’est plus utilisé : il ne reçoit plus de boîte.",
    )


def test_box_rules(records_manager, box, paper_file, litigation):
    services.file_put_in_box(record_file=paper_file, box=box, user=records_manager)
    box.refresh_from_db()
    box.capacity = 0
    refused(lambda: services.box_save(box=box, user=records_manager), "Assurez-vous que cette valeur")
    box.refresh_from_db()
    box.org_unit = OrgUnit.objects.get(code="dcom")
    refused(
        lambda: services.box_save(box=box, user=records_manager),
        "La boîte contient des dossiers de « Direction des affaires juridiques » : "
        "videz-la avant de la confier à une autre unité.",
    )
    box.refresh_from_db()
    box.status = "destroyed"
    refused(
        lambda: services.box_save(box=box, user=records_manager),
        f"Ces dossiers n’ont pas encore fait l’objet d’une disposition : {paper_file.reference}. "
        "Traitez d’abord leur liste de disposition.",
    )
    box.refresh_from_db()
    assert (box.status, box.storage_space_id, box.org_unit.code) == ("active", box.storage_space_id, "daj")
    refused(
        lambda: services.box_create(box=Box(org_unit=box.org_unit, status="transferred"), user=records_manager),
        "Une nouvelle boîte est active ou semi-active.",
    )


def test_a_box_leaves_its_space_once_its_files_are_disposed_of(records_manager, box, paper_file, space):
    services.file_put_in_box(record_file=paper_file, box=box, user=records_manager)
    RecordFile.objects.filter(pk=paper_file.pk).update(stage="disposed", disposal_outcome="transferred")
    box.refresh_from_db()
    box.status = "transferred"
    services.box_save(box=box, user=records_manager)
    box.refresh_from_db()
    assert (box.status, box.storage_space) == ("transferred", None)
    assert selectors.spaces().get(pk=space.pk).occupied == 0
    box.notes = "Versée le 2026-05-01"
    refused(
        lambda: services.box_save(box=box, user=records_manager),
        "Cette boîte a quitté l’Office (versée à BAnQ ou détruite) : elle ne peut plus être modifiée.",
    )
    other = RecordFileFactory(record_class=paper_file.record_class, medium="paper")
    refused(
        lambda: services.file_put_in_box(record_file=other, box=box, user=records_manager),
        f"La boîte {box.number} a quitté l’Office (versée à BAnQ ou détruite) : elle ne reçoit plus de dossier.",
    )


def test_only_the_records_manager_writes(lawyer, legal, space, paper_file, box):
    with pytest.raises(PermissionDenied):
        services.space_save(space=space, user=lawyer)
    with pytest.raises(PermissionDenied):
        services.box_create(box=Box(org_unit=legal), user=lawyer)
    with pytest.raises(PermissionDenied):
        services.file_put_in_box(record_file=paper_file, box=box, user=lawyer)
    with pytest.raises(PermissionDenied):
        services.loan_create(record_file=paper_file, borrower=lawyer, user=lawyer)
    assert not PaperLoan.objects.exists() and not box.files.exists()


# --- Loans ------------------------------------------------------------------------------------------


def test_a_loan_is_due_30_days_later_on_a_working_day(records_manager, lawyer, paper_file):
    # Lent Friday 6 March 2026: 30 days later is Easter Sunday, then Easter Monday (a jour férié).
    loan = services.loan_create(record_file=paper_file, borrower=lawyer, user=records_manager, lent_on=date(2026, 3, 6))
    assert (loan.lent_on, loan.due_on, loan.lent_by, loan.returned_on) == (
        date(2026, 3, 6),
        date(2026, 4, 7),
        records_manager,
        None,
    )
    assert services.default_due_on(date(2026, 1, 5)) == date(2026, 2, 4)  # a Wednesday: as is
    OfficeClosureFactory(date=date(2026, 2, 4))
    assert services.default_due_on(date(2026, 1, 5)) == date(2026, 2, 5)  # the Office is closed


def test_a_file_has_one_open_loan(records_manager, lawyer, records_manager_colleague, paper_file):
    loan = services.loan_create(record_file=paper_file, borrower=lawyer, user=records_manager)
    refused(
        lambda: services.loan_create(record_file=paper_file, borrower=records_manager_colleague, user=records_manager),
        f"Ce dossier est déjà prêté à {lawyer} jusqu’au {loan.due_on.isoformat()}.",
    )
    # The database refuses it too, whatever the code path.
    with pytest.raises(IntegrityError), transaction.atomic():
        PaperLoan.objects.create(
            record_file=paper_file, borrower=lawyer, lent_by=records_manager, lent_on=TODAY, due_on=TODAY
        )
    services.loan_return(loan=loan, user=records_manager)
    again = services.loan_create(record_file=paper_file, borrower=records_manager_colleague, user=records_manager)
    assert list(paper_file.loans.order_by("pk")) == [loan, again]


@pytest.fixture
def records_manager_colleague(legal):
    return UserFactory(roles=[Role.STAFF], org_unit=legal)


@pytest.mark.parametrize(
    ("medium", "stage", "message"),
    [
        ("digital", "active", "Seuls les dossiers papier et hybrides sont prêtés : ce dossier est numérique."),
        ("paper", "disposed", "Ce dossier a fait l’objet d’une disposition : il ne peut plus être déplacé ni prêté."),
    ],
)
def test_only_paper_files_still_kept_are_lent(records_manager, lawyer, litigation, medium, stage, message):
    record_file = RecordFileFactory(record_class=litigation, medium=medium, stage=stage)
    refused(lambda: services.loan_create(record_file=record_file, borrower=lawyer, user=records_manager), message)
    assert not PaperLoan.objects.exists()


def test_bad_loans_change_nothing(records_manager, lawyer, outsider, partner_user, litigation):
    confidential = RecordFileFactory(record_class=litigation, medium="paper", confidentiality="confidential")
    cases = [
        (
            {"borrower": outsider},
            f"{outsider} ne peut pas consulter ce dossier (renseignements personnels ou confidentiel) : "
            "prêtez-le au personnel de son unité.",
        ),
        ({"borrower": partner_user}, "Un dossier est prêté à un membre du personnel de l’Office."),
        ({"lent_on": TODAY + timedelta(days=1)}, "Un prêt ne peut pas commencer dans le futur."),
        ({"due_on": TODAY - timedelta(days=1)}, "L’échéance ne peut pas précéder la date du prêt."),
    ]
    for overrides, message in cases:
        arguments = {"record_file": confidential, "borrower": lawyer, "user": records_manager, **overrides}
        refused(lambda arguments=arguments: services.loan_create(**arguments), message)
    assert not PaperLoan.objects.exists()
    # Its own unit's staff may borrow it.
    assert services.loan_create(record_file=confidential, borrower=lawyer, user=records_manager).borrower == lawyer


def test_return_and_extend(records_manager, lawyer, paper_file):
    loan = services.loan_create(
        record_file=paper_file, borrower=lawyer, user=records_manager, lent_on=date(2026, 3, 6), note="Audience"
    )
    refused(
        lambda: services.loan_extend(loan=loan, user=records_manager, due_on=date(2026, 4, 20), reason=""),
        "Indiquez le motif de la prolongation.",
    )
    refused(
        lambda: services.loan_extend(loan=loan, user=records_manager, due_on=date(2026, 4, 1), reason="Appel"),
        "La nouvelle échéance doit suivre l’échéance actuelle (2026-04-07).",
    )
    loan.refresh_from_db()
    assert loan.due_on == date(2026, 4, 7)
    PaperLoan.objects.filter(pk=loan.pk).update(last_reminder_on=date(2026, 4, 10))
    # Saturday 2 May: moved to Monday 4 May; reminders start again from the new date.
    loan = services.loan_extend(loan=loan, user=records_manager, due_on=date(2026, 5, 2), reason="Appel interjeté")
    assert (loan.due_on, loan.extension_reason, loan.last_reminder_on) == (date(2026, 5, 4), "Appel interjeté", None)
    refused(
        lambda: services.loan_return(loan=loan, user=records_manager, returned_on=TODAY + timedelta(days=1)),
        "Un retour ne peut pas être daté dans le futur.",
    )
    refused(
        lambda: services.loan_return(loan=loan, user=records_manager, returned_on=date(2026, 3, 1)),
        "Un dossier est rendu après avoir été prêté.",
    )
    loan = services.loan_return(loan=loan, user=records_manager, returned_on=date(2026, 5, 1))
    assert (loan.returned_on, loan.returned_to) == (date(2026, 5, 1), records_manager)
    refused(
        lambda: services.loan_return(loan=loan, user=records_manager),
        "Ce dossier a déjà été rendu le 2026-05-01.",
    )
    refused(
        lambda: services.loan_extend(loan=loan, user=records_manager, due_on=date(2026, 6, 1), reason="x"),
        "Ce dossier a été rendu le 2026-05-01 : le prêt ne peut plus être prolongé.",
    )


# --- Reminders --------------------------------------------------------------------------------------


@pytest.fixture
def loans_on_june_15(records_manager, litigation):
    """Loans as they stand on 15 June 2026, each named by what should happen to it."""

    def loan(name, due_on, *, last_reminder_on=None, returned_on=None, email=True):
        borrower = UserFactory(
            roles=[Role.STAFF], first_name=name.capitalize(), email=f"{name}@opq.example" if email else ""
        )
        return PaperLoan.objects.create(
            record_file=RecordFileFactory(record_class=litigation, medium="paper", title=f"Dossier {name}"),
            borrower=borrower,
            lent_by=records_manager,
            lent_on=due_on - timedelta(days=30),
            due_on=due_on,
            last_reminder_on=last_reminder_on,
            returned_on=returned_on,
        )

    return {
        "late": loan("late", date(2026, 6, 14)),
        "due_today": loan("due_today", date(2026, 6, 15)),
        "reminded_5_days_ago": loan("recent", date(2026, 6, 1), last_reminder_on=date(2026, 6, 10)),
        "reminded_7_days_ago": loan("weekly", date(2026, 6, 1), last_reminder_on=date(2026, 6, 8)),
        "returned": loan("returned", date(2026, 5, 1), returned_on=date(2026, 6, 10)),
        "no_email": loan("noemail", date(2026, 6, 1), email=False),
    }


def run_reminders(day):
    out = io.StringIO()
    # The emails leave when the job's transaction commits (core/notifications.py).
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("run_scheduled", "--only", "documents.loan_reminders", "--today", day, stdout=out)
    return out.getvalue()


def test_which_loans_get_a_reminder_on_a_given_day(loans_on_june_15, settings):
    settings.PORTAL_BASE_URL = "https://intranet.opq.example"
    loans = loans_on_june_15
    assert set(loans_to_remind(date(2026, 6, 15))) == {loans["late"], loans["reminded_7_days_ago"], loans["no_email"]}
    run_reminders("2026-06-15")
    assert sorted(m.to[0] for m in mail.outbox) == ["late@opq.example", "weekly@opq.example"]
    message = next(m for m in mail.outbox if m.to == ["late@opq.example"])
    reference = loans["late"].record_file.reference
    assert message.subject == f"En retard : dossier papier {reference} à rapporter"
    assert "Bonjour Late," in message.body
    assert f"Le dossier papier {reference} « Dossier late », qui vous a été prêté le 2026-05-15, " in message.body
    assert "Il a 1 jour de retard." in message.body
    assert f"https://intranet.opq.example/documents/prets/{loans['late'].pk}/" in message.body
    loans["late"].refresh_from_db()
    assert loans["late"].last_reminder_on == date(2026, 6, 15)
    loans["no_email"].refresh_from_db()
    assert loans["no_email"].last_reminder_on is None  # nothing was sent

    run_reminders("2026-06-15")  # idempotent: the same day sends nothing more
    assert len(mail.outbox) == 2
    run_reminders("2026-06-16")  # the day after its due date
    assert [m.to[0] for m in mail.outbox[2:]] == ["due_today@opq.example"]
    run_reminders("2026-06-17")  # 7 days after the 10th
    assert [m.to[0] for m in mail.outbox[3:]] == ["recent@opq.example"]
    run_reminders("2026-06-21")
    assert len(mail.outbox) == 4
    run_reminders("2026-06-22")  # a week after the first ones
    assert sorted(m.to[0] for m in mail.outbox[4:]) == ["late@opq.example", "weekly@opq.example"]
    assert "Il a 8 jours de retard." in next(m for m in mail.outbox[4:] if m.to == ["late@opq.example"]).body
    assert not any("returned@" in m.to[0] for m in mail.outbox)


def test_the_job_reports_borrowers_without_email(loans_on_june_15):
    out = run_reminders("2026-06-15")
    assert "documents.loan_reminders: ok reminders sent: 2; borrowers without an email address: 1" in out
    assert f"{loans_on_june_15['no_email'].record_file.reference}: " in out


# --- Labels -----------------------------------------------------------------------------------------


def pdf_text(content):
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_a_box_label_is_a_pdf_with_its_number_unit_place_and_files(records_manager, box, litigation):
    files = [
        RecordFileFactory(record_class=litigation, medium="paper", opened_on=date(2021, 1, 4 + n)) for n in range(2)
    ]
    for record_file in files:
        services.file_put_in_box(record_file=record_file, box=box, user=records_manager)
    content = labels.box_labels_pdf([{"box": box, "files": selectors.box_label_files(box)}])
    reader, text = pdf_text(content)
    assert len(reader.pages) == 1
    assert f"Boîte {box.number}" in text
    assert "Direction des affaires juridiques" in text
    assert "Q-10.12-A · Bureau de Québec · Salle 10.12 · A" in text
    assert "Dossiers du 2021-01-04 au 2021-01-05" in text
    assert f"2 dossiers : {files[0].reference}, {files[1].reference}" in text
    assert reader.metadata.title == f"Étiquette de la boîte {box.number}"


def test_a_sheet_holds_four_box_labels(records_manager, legal):
    boxes = [services.box_create(box=Box(org_unit=legal), user=records_manager) for _n in range(5)]
    reader, text = pdf_text(labels.box_labels_pdf([{"box": b, "files": []} for b in boxes]))
    assert len(reader.pages) == 2
    assert all(b.number in text for b in boxes)
    assert "En transit (sans espace de rangement)" in text


def test_a_file_label_has_its_number_title_and_class(paper_file):
    _reader, text = pdf_text(labels.file_label_pdf(paper_file))
    assert paper_file.reference in text
    assert paper_file.title in text
    assert "7200 Litiges" in text


# --- Mon travail, seed --------------------------------------------------------------------------------


class FakeRequest:
    def __init__(self, user):
        self.user = user


def test_my_loans_overdue_first_and_the_managers_count(records_manager, lawyer, litigation, django_assert_num_queries):
    def lend(due_on):
        return PaperLoan.objects.create(
            record_file=RecordFileFactory(record_class=litigation, medium="paper"),
            borrower=lawyer,
            lent_by=records_manager,
            lent_on=due_on - timedelta(days=30),
            due_on=due_on,
        )

    later = lend(TODAY + timedelta(days=10))
    late = lend(TODAY - timedelta(days=3))
    sooner = lend(TODAY + timedelta(days=2))
    for person in (lawyer, records_manager):
        person.has_perm("documents.manage_plan")  # as on any page: the menu loaded the permissions
    with django_assert_num_queries(1):
        context = my_loans(FakeRequest(lawyer))
    assert context["loans"] == [late, sooner, later]
    assert context["overdue_count"] is None
    with django_assert_num_queries(2):
        assert my_loans(FakeRequest(records_manager))["overdue_count"] == 1


def test_the_seed_boxes_and_lends_the_paper_files_once(litigation, legal):
    UserFactory(username="gd.gagnon", roles=[Role.STAFF, Role.RECORDS], org_unit=OrgUnit.objects.get(code="sgd"))
    for person in ("marie.tremblay", "bp.cote"):
        UserFactory(username=person, roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="dso"))
    generate("demo", log=lambda message: None)  # no paper file yet: spaces only
    assert StorageSpace.objects.count() == 5 and not Box.objects.exists()
    for n in range(3):
        RecordFileFactory(record_class=litigation, medium="paper", opened_on=date(2020, 1, 1 + n))
    RecordFileFactory(record_class=litigation, medium="digital")
    generate("demo", log=lambda message: None)
    assert StorageSpace.objects.filter(site__code="montreal").count() == 2
    assert Box.objects.count() == 2  # the unit's box, and one in transit
    assert RecordFile.objects.filter(box__isnull=False).count() == 3
    assert PaperLoan.objects.count() == 3
    assert selectors.overdue_loans(TODAY).count() == 1
    assert PaperLoan.objects.filter(returned_on__isnull=False).count() == 1
    generate("demo", log=lambda message: None)  # a second run adds nothing
    assert (StorageSpace.objects.count(), Box.objects.count(), PaperLoan.objects.count()) == (5, 2, 3)


def test_the_full_scale_seed_fills_boxes_in_bulk_and_numbering_goes_on(litigation, legal, records_manager):
    UserFactory(username="gd.gagnon", roles=[Role.STAFF, Role.RECORDS])
    for _n in range(30):
        RecordFileFactory(record_class=litigation, medium="paper")
    RecordFileFactory(record_class=litigation, medium="digital")
    generate("full", log=lambda message: None)
    boxes = list(selectors.boxes().order_by("number"))
    assert sum(b.file_count for b in boxes) == 30
    assert all(b.file_count <= b.capacity == 12 and b.storage_space.site.code == "quebec" for b in boxes)
    assert RecordFile.objects.filter(box__isnull=True, medium="paper").count() == 0
    assert PaperLoan.objects.count() == 30  # every open-level paper file, half of them returned
    assert PaperLoan.objects.filter(returned_on__isnull=True).count() == 15
    assert StorageSpace.objects.count() == 5 + 28
    generate("full", log=lambda message: None)
    assert Box.objects.count() == len(boxes) and PaperLoan.objects.count() == 30
    following = services.box_create(box=Box(org_unit=legal), user=records_manager)
    assert following.number == f"B{YEAR}-{len(boxes) + 1:05d}"
