"""Mandates: creation and numbering, who may change them, every status move and refusal (with
its French message, nothing changed), notes, links, and the reminders of given days."""

import io
import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from courrier import permissions, reminders, selectors, services
from courrier.choices import MandateStatus, Priority
from courrier.models import Mandate, MandateNote
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OfficeClosure, OrgUnit
from opq_intranet.core.registry.schedule import jobs
from tests.courrier.factories import MailItemFactory, MandateFactory
from tests.documents.factories import RecordFileFactory
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NEXT_MONTH = TODAY + timedelta(days=30)


@pytest.fixture
def requester(db):
    return UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="dso"), first_name="Marie")


def new_mandate(requester, lead, *, helpers=(), **fields):
    fields.setdefault("title", "Analyse du projet de règlement de l'Ordre des pharmaciens")
    fields.setdefault("due_on", NEXT_MONTH)
    return services.mandate_create(mandate=Mandate(lead=lead, **fields), user=requester, helpers=helpers)


@pytest.fixture
def mandate(requester, lawyer, colleague):
    """Requested by Marie (dso), led by the lawyer, helped by her colleague (both daj)."""
    return new_mandate(requester, lawyer, helpers=[colleague])


def refused(call, message):
    """The call raises a ValidationError whose French messages include `message`."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert message in " ".join(caught.value.messages), caught.value.messages
    return caught.value


def snapshot(mandate):
    mandate = Mandate.objects.get(pk=mandate.pk)
    return (
        mandate.status,
        mandate.completed_on,
        mandate.due_on,
        mandate.lead_id,
        mandate.last_reminder,
        sorted(mandate.helpers.values_list("pk", flat=True)),
        sorted(mandate.mail_items.values_list("pk", flat=True)),
        sorted(mandate.record_files.values_list("pk", flat=True)),
        MandateNote.objects.filter(mandate=mandate).count(),
    )


# --- Creation -----------------------------------------------------------------------------------


def test_create_numbers_the_mandate_and_makes_the_person_its_requester(requester, lawyer, colleague, legal):
    first = new_mandate(requester, lawyer, helpers=[colleague], priority=Priority.HIGH)
    second = new_mandate(requester, colleague, title="Réponse à la demande du ministre")
    year = TODAY.year
    assert first.reference == f"M{year}-00001"
    assert second.reference == f"M{year}-00002"
    assert first.requester == requester and first.created_by == requester
    assert first.status == MandateStatus.OPEN
    assert first.org_unit == legal  # the lead's unit when none is given
    assert list(first.helpers.all()) == [colleague]


def test_create_keeps_the_unit_given(requester, lawyer):
    communications = OrgUnit.objects.get(code="dcom")
    assert new_mandate(requester, lawyer, org_unit=communications).org_unit == communications


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("inactive", "Le responsable doit être un membre du personnel actif ayant accès aux mandats."),
        ("without_role", "Le responsable doit être un membre du personnel actif ayant accès aux mandats."),
        ("partner", "Le responsable doit être un membre du personnel actif ayant accès aux mandats."),
    ],
)
def test_the_lead_must_be_an_active_staff_member(requester, who, message):
    lead = {
        "inactive": lambda: UserFactory(roles=[Role.STAFF], is_active=False),
        "without_role": lambda: UserFactory(roles=[]),
        "partner": lambda: PartnerFactory(roles=[Role.ORDER_DECLARANT]),
    }[who]()
    error = refused(lambda: new_mandate(requester, lead), message)
    assert "lead" in error.message_dict
    assert not Mandate.objects.exists()


def test_helpers_cannot_include_the_lead(requester, lawyer, colleague):
    error = refused(
        lambda: new_mandate(requester, lawyer, helpers=[colleague, lawyer]),
        "Le responsable ne peut pas aussi être l’une des personnes qui l’aident.",
    )
    assert "helpers" in error.message_dict
    assert not Mandate.objects.exists()


def test_helpers_must_be_active_staff(requester, lawyer):
    gone = UserFactory(roles=[Role.STAFF], is_active=False)
    refused(
        lambda: new_mandate(requester, lawyer, helpers=[gone]),
        "Chaque personne qui aide doit être un membre du personnel actif ayant accès aux mandats.",
    )
    assert not Mandate.objects.exists()


def test_a_new_due_date_cannot_be_past(requester, lawyer):
    refused(lambda: new_mandate(requester, lawyer, due_on=TODAY - timedelta(days=1)), "L’échéance est déjà passée.")
    assert not Mandate.objects.exists()


def test_a_refused_creation_gives_its_number_back(requester, lawyer):
    refused(lambda: new_mandate(requester, lawyer, due_on=TODAY - timedelta(days=1)), "L’échéance est déjà passée.")
    assert new_mandate(requester, lawyer).reference == f"M{TODAY.year}-00001"


def test_only_staff_with_the_app_create_mandates(lawyer, staff_without_role, partner_user):
    for person in (staff_without_role, partner_user):
        with pytest.raises(PermissionDenied):
            new_mandate(person, lawyer)
    assert not Mandate.objects.exists()


# --- Who changes a mandate ----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["requester", "lawyer", "colleague", "mail_clerk"])
def test_requester_lead_helpers_and_mail_room_change_the_mandate(request, mandate, who):
    person = request.getfixturevalue(who)
    mandate.title = f"Changé par {who}"
    services.mandate_update(mandate=mandate, user=person)
    assert Mandate.objects.get(pk=mandate.pk).title == f"Changé par {who}"


def test_someone_not_involved_changes_nothing(mandate, outsider):
    before = snapshot(mandate)
    calls = [
        lambda: services.mandate_update(mandate=Mandate.objects.get(pk=mandate.pk), user=outsider),
        lambda: services.mandate_set_status(mandate=mandate, user=outsider, status=MandateStatus.IN_PROGRESS),
        lambda: services.mandate_add_note(mandate=mandate, user=outsider, text="Je m'en mêle."),
        lambda: services.mandate_set_helpers(mandate=mandate, user=outsider, helpers=[outsider]),
        lambda: services.mandate_link_mail(mandate=mandate, user=outsider, reference=MailItemFactory().reference),
        lambda: services.mandate_link_file(mandate=mandate, user=outsider, reference=RecordFileFactory().reference),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert snapshot(mandate) == before
    assert permissions.can_change_mandate(outsider, mandate) is False


def test_changing_the_due_date_starts_the_reminders_over(mandate, lawyer):
    Mandate.objects.filter(pk=mandate.pk).update(last_reminder=reminders.DUE)
    same = Mandate.objects.get(pk=mandate.pk)
    same.title = "Titre précisé"
    services.mandate_update(mandate=same, user=lawyer)
    assert Mandate.objects.get(pk=mandate.pk).last_reminder == reminders.DUE  # same date: kept
    moved = Mandate.objects.get(pk=mandate.pk)
    moved.due_on = NEXT_MONTH + timedelta(days=7)
    services.mandate_update(mandate=moved, user=lawyer)
    assert Mandate.objects.get(pk=mandate.pk).last_reminder == ""


def test_an_update_keeps_what_the_form_does_not_change(mandate, lawyer, requester):
    changed = Mandate.objects.get(pk=mandate.pk)
    changed.status, changed.reference, changed.requester = MandateStatus.DONE, "X", lawyer
    services.mandate_update(mandate=changed, user=lawyer)
    saved = Mandate.objects.get(pk=mandate.pk)
    assert (saved.status, saved.reference, saved.requester) == (MandateStatus.OPEN, mandate.reference, requester)


def test_an_update_checks_the_lead_and_the_helpers(mandate, lawyer, colleague):
    before = snapshot(mandate)
    changed = Mandate.objects.get(pk=mandate.pk)
    changed.lead = colleague
    refused(
        lambda: services.mandate_update(mandate=changed, user=lawyer, helpers=[colleague]),
        "Le responsable ne peut pas aussi être l’une des personnes qui l’aident.",
    )
    assert snapshot(mandate) == before
    # The lead changes, the former lead helps.
    services.mandate_update(mandate=changed, user=lawyer, helpers=[lawyer])
    saved = Mandate.objects.get(pk=mandate.pk)
    assert saved.lead == colleague and list(saved.helpers.all()) == [lawyer]


def test_helpers_are_managed_with_the_same_rules(mandate, lawyer, colleague, outsider):
    services.mandate_set_helpers(mandate=mandate, user=lawyer, helpers=[colleague, outsider])
    assert set(mandate.helpers.all()) == {colleague, outsider}
    before = snapshot(mandate)
    refused(
        lambda: services.mandate_set_helpers(mandate=mandate, user=lawyer, helpers=[lawyer]),
        "Le responsable ne peut pas aussi être l’une des personnes qui l’aident.",
    )
    assert snapshot(mandate) == before
    # The outsider is now a helper: they may change it.
    assert permissions.can_change_mandate(outsider, Mandate.objects.get(pk=mandate.pk))


# --- Statuses -----------------------------------------------------------------------------------


def move(mandate, user, status, note=""):
    return services.mandate_set_status(mandate=mandate, user=user, status=status, note=note)


def test_the_normal_life_of_a_mandate(mandate, lawyer, colleague):
    assert move(mandate, lawyer, MandateStatus.IN_PROGRESS).status == MandateStatus.IN_PROGRESS
    assert move(mandate, colleague, MandateStatus.WAITING, "En attente de l'avis du ministère.").status == "waiting"
    assert MandateNote.objects.get(mandate=mandate).text == "En attente de l'avis du ministère."
    assert move(mandate, lawyer, MandateStatus.IN_PROGRESS).status == MandateStatus.IN_PROGRESS
    done = move(mandate, lawyer, MandateStatus.DONE)
    assert done.status == MandateStatus.DONE and done.completed_on == TODAY
    assert Mandate.objects.get(pk=mandate.pk).completed_on == TODAY


def test_waiting_goes_straight_to_done(mandate, lawyer):
    move(mandate, lawyer, MandateStatus.IN_PROGRESS)
    move(mandate, lawyer, MandateStatus.WAITING)
    assert move(mandate, lawyer, MandateStatus.DONE).completed_on == TODAY


@pytest.mark.parametrize("path", [[], ["in_progress"], ["in_progress", "waiting"]])
def test_an_active_mandate_is_cancelled_with_its_reason(mandate, lawyer, path):
    for status in path:
        move(mandate, lawyer, status)
    cancelled = move(mandate, lawyer, MandateStatus.CANCELLED, "Le ministre a retiré sa demande.")
    assert cancelled.status == MandateStatus.CANCELLED and cancelled.completed_on is None
    assert MandateNote.objects.filter(mandate=mandate).first().text == (
        "Mandat annulé : Le ministre a retiré sa demande."
    )


@pytest.mark.parametrize("closing", [MandateStatus.DONE, MandateStatus.CANCELLED])
def test_a_done_or_cancelled_mandate_is_reopened_with_a_note(mandate, lawyer, closing):
    move(mandate, lawyer, MandateStatus.IN_PROGRESS)
    move(mandate, lawyer, closing, "Fin.")
    reopened = move(mandate, lawyer, MandateStatus.IN_PROGRESS, "L'Ordre a envoyé des commentaires.")
    assert reopened.status == MandateStatus.IN_PROGRESS and reopened.completed_on is None
    assert MandateNote.objects.filter(mandate=mandate).first().text == (
        "Mandat rouvert : L'Ordre a envoyé des commentaires."
    )


@pytest.mark.parametrize(
    ("path", "target", "note", "message"),
    [
        ([], "waiting", "", "Un mandat ne peut pas passer de « Ouvert » à « En attente »."),
        ([], "done", "", "Un mandat ne peut pas passer de « Ouvert » à « Terminé »."),
        ([], "open", "", "Le mandat est déjà « Ouvert »."),
        (["in_progress"], "open", "", "Un mandat ne peut pas passer de « En cours » à « Ouvert »."),
        (["in_progress", "done"], "waiting", "Note", "Un mandat ne peut pas passer de « Terminé » à « En attente »."),
        (["in_progress", "done"], "cancelled", "Note", "Un mandat ne peut pas passer de « Terminé » à « Annulé »."),
        (["cancelled"], "done", "", "Un mandat ne peut pas passer de « Annulé » à « Terminé »."),
        ([], "cancelled", "  ", "Donnez le motif de l’annulation."),
        (["in_progress", "waiting"], "cancelled", "", "Donnez le motif de l’annulation."),
        (["in_progress", "done"], "in_progress", "", "Dites pourquoi le mandat est rouvert."),
        (["cancelled"], "in_progress", "", "Dites pourquoi le mandat est rouvert."),
        ([], "archived", "", "Choisissez un statut."),
    ],
)
def test_refused_moves_change_nothing(mandate, lawyer, path, target, note, message):
    for status in path:
        move(mandate, lawyer, status, "Motif" if status == "cancelled" else "")
    before = snapshot(mandate)
    refused(lambda: move(mandate, lawyer, target, note), message)
    assert snapshot(mandate) == before


def test_allowed_statuses_follow_the_transitions(mandate, lawyer):
    assert services.allowed_statuses(mandate) == ["in_progress", "cancelled"]
    move(mandate, lawyer, MandateStatus.IN_PROGRESS)
    assert services.allowed_statuses(Mandate.objects.get(pk=mandate.pk)) == ["waiting", "done", "cancelled"]
    move(mandate, lawyer, MandateStatus.DONE)
    assert services.allowed_statuses(Mandate.objects.get(pk=mandate.pk)) == ["in_progress"]


def test_a_done_mandate_is_reopened_before_it_changes(mandate, lawyer):
    move(mandate, lawyer, MandateStatus.IN_PROGRESS)
    move(mandate, lawyer, MandateStatus.DONE)
    before = snapshot(mandate)
    message = "Ce mandat est terminé ou annulé : rouvrez-le d’abord."
    changed = Mandate.objects.get(pk=mandate.pk)
    changed.title = "Autre titre"
    refused(lambda: services.mandate_update(mandate=changed, user=lawyer), message)
    refused(lambda: services.mandate_link_mail(mandate=mandate, user=lawyer, reference="E2026-00001"), message)
    assert snapshot(mandate) == before
    # A note is still welcome.
    services.mandate_add_note(mandate=mandate, user=lawyer, text="Rapport transmis au ministre.")


# --- Notes --------------------------------------------------------------------------------------


def test_progress_notes_come_newest_first(mandate, lawyer, colleague):
    services.mandate_add_note(mandate=mandate, user=lawyer, text="Lecture du projet faite.")
    services.mandate_add_note(mandate=mandate, user=colleague, text="  Avis rédigé.  ")
    notes = list(selectors.notes_of(mandate))
    assert [(n.text, n.author) for n in notes] == [("Avis rédigé.", colleague), ("Lecture du projet faite.", lawyer)]


def test_an_empty_note_is_refused(mandate, lawyer):
    refused(lambda: services.mandate_add_note(mandate=mandate, user=lawyer, text="   "), "Écrivez la note.")
    assert not MandateNote.objects.exists()


# --- Links --------------------------------------------------------------------------------------


def test_mail_items_are_linked_by_chrono_number_and_unlinked(mandate, colleague):
    item = MailItemFactory(reference="E2026-00042")
    assert services.mandate_link_mail(mandate=mandate, user=colleague, reference=" e2026-00042 ") == item
    assert list(mandate.mail_items.all()) == [item]
    refused(
        lambda: services.mandate_link_mail(mandate=mandate, user=colleague, reference="E2026-00042"),
        "Le courrier E2026-00042 est déjà lié.",
    )
    services.mandate_unlink_mail(mandate=mandate, user=colleague, item_id=item.pk)
    assert not mandate.mail_items.exists()
    refused(
        lambda: services.mandate_unlink_mail(mandate=mandate, user=colleague, item_id=item.pk),
        "Ce courrier n’est pas lié au mandat.",
    )


def test_only_mail_the_person_may_see_is_linked(mandate, colleague, lawyer, mail_clerk):
    secret = MailItemFactory(
        reference="E2026-00043", confidentiality="confidential", routed_unit=OrgUnit.objects.get(code="dcom")
    )
    before = snapshot(mandate)
    for reference in ("E2026-00043", "E2026-99999", ""):
        refused(
            lambda reference=reference: services.mandate_link_mail(
                mandate=mandate, user=colleague, reference=reference
            ),
            f"Aucun courrier que vous pouvez voir ne porte le numéro {reference}."
            if reference
            else "Donnez le numéro chrono du courrier.",
        )
    assert snapshot(mandate) == before
    # The mail room sees it and links it; the lawyer does not see it on the page.
    services.mandate_link_mail(mandate=mandate, user=mail_clerk, reference="E2026-00043")
    assert list(selectors.linked_items(mandate, mail_clerk)) == [secret]
    assert list(selectors.linked_items(mandate, lawyer)) == []
    refused(
        lambda: services.mandate_unlink_mail(mandate=mandate, user=lawyer, item_id=secret.pk),
        "Ce courrier n’est pas lié au mandat.",
    )
    assert mandate.mail_items.count() == 1


def test_files_are_linked_by_number_when_the_person_may_see_them(mandate, lawyer, outsider):
    public = RecordFileFactory(reference="D2026-00100")
    of_another_unit = RecordFileFactory(
        reference="D2026-00101", confidentiality="confidential", org_unit=OrgUnit.objects.get(code="dcom")
    )
    assert services.mandate_link_file(mandate=mandate, user=lawyer, reference="d2026-00100") == public
    refused(
        lambda: services.mandate_link_file(mandate=mandate, user=lawyer, reference="D2026-00100"),
        "Le dossier D2026-00100 est déjà lié.",
    )
    refused(
        lambda: services.mandate_link_file(mandate=mandate, user=lawyer, reference="D2026-00101"),
        "Aucun dossier que vous pouvez voir ne porte le numéro D2026-00101.",
    )
    assert list(mandate.record_files.all()) == [public]
    assert list(selectors.linked_files(mandate, lawyer)) == [public]
    services.mandate_unlink_file(mandate=mandate, user=lawyer, file_id=public.pk)
    assert not mandate.record_files.exists()
    assert of_another_unit.pk  # never linked


# --- Selectors ----------------------------------------------------------------------------------


def test_my_mandates_are_the_active_ones_i_lead_or_help_with_overdue_first(lawyer, colleague, requester):
    late = MandateFactory(lead=colleague, due_on=TODAY - timedelta(days=3))
    late.helpers.add(lawyer)
    soon = MandateFactory(lead=lawyer, due_on=TODAY + timedelta(days=2))
    later = MandateFactory(lead=lawyer, due_on=TODAY + timedelta(days=20), status=MandateStatus.WAITING)
    undated = MandateFactory(lead=lawyer, due_on=None)
    MandateFactory(lead=lawyer, status=MandateStatus.DONE)
    MandateFactory(lead=colleague)
    MandateFactory(lead=requester, requester=lawyer)  # requested, not led or helped
    assert list(selectors.my_active_mandates(lawyer)) == [late, soon, later, undated]


def test_due_by_unit_groups_overdue_and_this_week(lawyer, requester):
    week_end = selectors.week_end(TODAY)
    legal, research = OrgUnit.objects.get(code="daj"), OrgUnit.objects.get(code="dra")
    late = MandateFactory(lead=lawyer, org_unit=legal, due_on=TODAY - timedelta(days=1))
    today = MandateFactory(lead=lawyer, org_unit=legal, due_on=TODAY)
    sunday = MandateFactory(lead=requester, org_unit=research, due_on=week_end)
    MandateFactory(lead=lawyer, org_unit=legal, due_on=week_end + timedelta(days=1))  # next week
    MandateFactory(lead=lawyer, org_unit=legal, due_on=TODAY - timedelta(days=9), status=MandateStatus.DONE)
    groups = selectors.due_by_unit(TODAY)
    summary = [(g["unit"].code, g["overdue"], g["this_week"], g["overdue_count"], g["this_week_count"]) for g in groups]
    # Units by name: "Direction de la recherche…" before "Direction des affaires juridiques".
    assert summary == [("dra", [], [sunday], 0, 1), ("daj", [late], [today], 1, 1)]
    assert [g["unit"].code for g in selectors.due_by_unit(TODAY, unit=research)] == ["dra"]


# --- Reminders ----------------------------------------------------------------------------------


def run_on(day):
    """Run the job for `day`: its summary and {mandate number: the email sent}."""
    mail.outbox.clear()
    summary = reminders.send_reminders(day, lambda message: None)
    return summary, {re.search(r"M\d{4}-\d{5}", m.subject).group(): m for m in mail.outbox}


@pytest.fixture
def week(lawyer, colleague):
    """Mandates of March and April 2026, checked on a calendar by hand."""
    monday = MandateFactory(reference="M2026-00101", lead=lawyer, due_on=date(2026, 3, 16))  # a Monday
    monday.helpers.add(colleague)
    after_easter = MandateFactory(reference="M2026-00102", lead=lawyer, due_on=date(2026, 4, 7))  # Tuesday
    overdue = MandateFactory(reference="M2026-00103", lead=lawyer, due_on=date(2026, 3, 2))
    MandateFactory(reference="M2026-00104", lead=lawyer, due_on=date(2026, 3, 16), status=MandateStatus.DONE)
    MandateFactory(reference="M2026-00105", lead=lawyer, due_on=None)
    return {"monday": monday, "after_easter": after_easter, "overdue": overdue}


def test_the_before_reminder_of_a_monday_goes_out_the_thursday_before(week, lawyer, colleague):
    assert reminders.before_date(date(2026, 3, 16)) == date(2026, 3, 12)
    # Wednesday 11 March: only the overdue mandate (due 2 March, never reminded), once.
    _summary, sent = run_on(date(2026, 3, 11))
    assert set(sent) == {"M2026-00103"}
    assert sent["M2026-00103"].subject == "En retard : mandat M2026-00103"
    # Thursday 12 March: the Monday mandate, to its lead with its helper in copy.
    summary, sent = run_on(date(2026, 3, 12))
    assert set(sent) == {"M2026-00101"} and summary == "1 mandate reminders sent"
    message = sent["M2026-00101"]
    assert message.to == [lawyer.email] and message.cc == [colleague.email]
    assert message.subject == "Rappel : mandat M2026-00101 à rendre le 2026-03-16"
    assert "Le mandat M2026-00101 (Analyse du projet de règlement" in message.body
    assert "est à rendre le 2026-03-16" in message.body
    assert f"/courrier/mandats/{week['monday'].pk}/" in message.body
    # Friday: nothing new; the same day again: nothing either.
    assert run_on(date(2026, 3, 13))[1] == {}
    assert run_on(date(2026, 3, 12))[1] == {}
    # Monday 16 March, the due date.
    _summary, sent = run_on(date(2026, 3, 16))
    assert set(sent) == {"M2026-00101"}
    assert sent["M2026-00101"].subject == "Échéance aujourd’hui : mandat M2026-00101"
    assert run_on(date(2026, 3, 17))[1] == {}


def test_holidays_move_the_before_reminder(week):
    # Due Tuesday 7 April 2026: Easter Monday (6) and Good Friday (3) do not count, so two
    # working days before is Wednesday 1 April.
    assert reminders.before_date(date(2026, 4, 7)) == date(2026, 4, 1)
    run_on(date(2026, 3, 20))  # the March mandates are done with
    assert run_on(date(2026, 3, 31))[1] == {}
    assert set(run_on(date(2026, 4, 1))[1]) == {"M2026-00102"}
    assert run_on(date(2026, 4, 2))[1] == {}
    assert set(run_on(date(2026, 4, 7))[1]) == {"M2026-00102"}


def test_an_office_closure_moves_the_before_reminder(lawyer):
    OfficeClosure.objects.create(date=date(2026, 3, 13), label="Fermeture")
    MandateFactory(reference="M2026-00201", lead=lawyer, due_on=date(2026, 3, 16))
    assert reminders.before_date(date(2026, 3, 16)) == date(2026, 3, 11)
    assert set(run_on(date(2026, 3, 11))[1]) == {"M2026-00201"}
    assert run_on(date(2026, 3, 12))[1] == {}


def test_a_missed_before_day_still_reminds_then_only_the_due_reminder_is_left(week):
    # The job did not run on Thursday: Friday sends the "before" reminder.
    assert set(run_on(date(2026, 3, 13))[1]) >= {"M2026-00101"}
    # Never reminded and already past the due date: one "due" reminder, marked overdue.
    mandate = MandateFactory(reference="M2026-00301", lead=week["monday"].lead, due_on=date(2026, 3, 10))
    _summary, sent = run_on(date(2026, 3, 18))
    assert sent["M2026-00301"].subject == "En retard : mandat M2026-00301"
    assert "était à rendre le 2026-03-10" in sent["M2026-00301"].body
    assert Mandate.objects.get(pk=mandate.pk).last_reminder == "due"
    assert run_on(date(2026, 3, 19))[1] == {}


def test_a_new_due_date_gets_its_reminders_again(week, lawyer):
    run_on(date(2026, 3, 16))
    monday = Mandate.objects.get(pk=week["monday"].pk)
    assert monday.last_reminder == "due"
    Mandate.objects.filter(pk=monday.pk).update(due_on=date(2026, 3, 30), last_reminder="")  # as mandate_update does
    assert set(run_on(date(2026, 3, 26))[1]) == {"M2026-00101"}  # Thursday before Monday 30


def test_no_reminder_for_done_cancelled_or_undated_mandates(lawyer):
    MandateFactory(lead=lawyer, due_on=date(2026, 3, 16), status=MandateStatus.CANCELLED)
    MandateFactory(lead=lawyer, due_on=date(2026, 3, 16), status=MandateStatus.DONE)
    MandateFactory(lead=lawyer, due_on=None)
    assert run_on(date(2026, 3, 16)) == ("0 mandate reminders sent", {})


def test_helpers_alone_are_written_to_when_the_lead_has_no_address(colleague):
    lead = UserFactory(roles=[Role.STAFF], email="")
    mandate = MandateFactory(reference="M2026-00401", lead=lead, due_on=date(2026, 3, 16))
    mandate.helpers.add(colleague)
    message = run_on(date(2026, 3, 16))[1]["M2026-00401"]
    assert message.to == [colleague.email] and message.cc == []


def test_the_job_is_registered_and_runs_from_the_command(week):
    assert "courrier.mandate_reminders" in {job.key for job in jobs()}
    mail.outbox.clear()
    call_command("run_scheduled", "--only", "courrier.mandate_reminders", "--today", "2026-03-12", stdout=io.StringIO())
    assert {m.subject for m in mail.outbox} == {
        "Rappel : mandat M2026-00101 à rendre le 2026-03-16",
        "En retard : mandat M2026-00103",
    }


def test_a_reminder_is_plain_text_in_the_leads_language(lawyer):
    """Rendered without HTML escaping (l'avis stays l'avis), in English for a lead who chose it."""
    MandateFactory(reference="M2026-00110", lead=lawyer, due_on=date(2026, 3, 2), title="Revoir l'avis d'\"experts\"")
    _summary, sent = run_on(date(2026, 3, 11))
    body = sent["M2026-00110"].body
    assert "Revoir l'avis d'\"experts\"" in body and "&#x27;" not in body and "&quot;" not in body
    lawyer.language = "en"
    lawyer.save()
    MandateFactory(reference="M2026-00111", lead=lawyer, due_on=date(2026, 3, 2))
    _summary, sent = run_on(date(2026, 3, 12))
    assert sent["M2026-00111"].subject.startswith("Overdue")
