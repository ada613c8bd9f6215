"""Trainings and declarations: opened by an appointment, completed through a session attended
or a signed declaration (a private file only the Nominations role reads), refused in French,
reminded once 14 days before the due date and once when overdue, on Mon travail; the training
sessions' pages; each page for each kind of user, 422 with nothing changed, constant queries."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from administrateurs import reminders, services
from administrateurs.choices import ObligationKind
from administrateurs.dashboard import obligations_due
from administrateurs.models import Obligation, TrainingSession
from opq_intranet.accounts.roles import Role
from opq_intranet.core import pdf
from opq_intranet.core.models import Notification, PrivateFile
from tests.administrateurs.factories import (
    BodyFactory,
    CandidateFactory,
    ObligationFactory,
    TermFactory,
    TrainingSessionFactory,
)
from tests.factories import UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def officer(db):
    return UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS], first_name="Isabelle", last_name="Leblanc")


@pytest.fixture
def body(db):
    return BodyFactory(name="Conseil d’administration de l’Ordre des hygiénistes dentaires")


@pytest.fixture
def term(body):
    candidate = CandidateFactory(
        first_name="Hélène", last_name="Bouchard", email="helene.bouchard@example.qc.ca", status="appointed"
    )
    return TermFactory(seat=body.seats.get(number=1), candidate=candidate, starts_on=TODAY - timedelta(days=40))


@pytest.fixture
def training(term):
    return ObligationFactory(term=term, kind=ObligationKind.TRAINING, due_on=TODAY + timedelta(days=20))


@pytest.fixture
def declaration(term):
    return ObligationFactory(term=term, kind=ObligationKind.DECLARATION, due_on=TODAY + timedelta(days=20))


@pytest.fixture
def session(db):
    return TrainingSessionFactory(title="Gouvernance et éthique", held_on=TODAY - timedelta(days=3))


def signed_pdf(name="declaration.pdf"):
    content = pdf.render([pdf.paragraph("Déclaration solennelle")], title="Déclaration")
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def state():
    return sorted(Obligation.objects.values_list("pk", "completed_on", "session_id", "file_id"))


# --- Opened by the appointment ----------------------------------------------------------------


def test_a_renewal_opens_a_new_declaration_and_the_list_shows_it(make_client, officer, term, settings):
    renewal = services.term_renew(term=term, resolution_number="OPQ-2026-117", decided_on=TODAY, user=officer)
    due = renewal.starts_on + timedelta(days=settings.ADMINISTRATEURS_OBLIGATION_DAYS)
    assert list(renewal.obligations.values_list("kind", "due_on")) == [(ObligationKind.DECLARATION, due)]
    response = make_client(officer).get(reverse("administrateurs:obligation_list"))
    assert response.status_code == 200
    assert [row.term for row in response.context["page"].object_list] == [renewal]
    assert "Bouchard" in response.text and "Consigner" in response.text


def test_the_list_filters_by_kind_body_and_due_date(make_client, officer, term, training, declaration):
    late = ObligationFactory(
        term=TermFactory(seat=term.seat.body.seats.get(number=3), candidate__last_name="Tremblay"),
        due_on=TODAY - timedelta(days=1),
    )
    far = ObligationFactory(
        term=TermFactory(seat=term.seat.body.seats.get(number=4), candidate__last_name="Lavoie"),
        due_on=TODAY + timedelta(days=45),
    )
    other_body = ObligationFactory(term=TermFactory(candidate__last_name="Côté"), due_on=TODAY + timedelta(days=2))
    ended = ObligationFactory(
        term=TermFactory(seat=term.seat, starts_on=TODAY - timedelta(days=400), ended_on=TODAY - timedelta(days=2)),
        due_on=TODAY - timedelta(days=300),
    )
    done = ObligationFactory(term=TermFactory(seat=term.seat), completed_on=TODAY - timedelta(days=5))
    client = make_client(officer)

    def shown(**query):
        response = client.get(reverse("administrateurs:obligation_list"), query)
        assert response.status_code == 200
        return {row.pk for row in response.context["page"].object_list}

    assert shown() == {training.pk, declaration.pk, late.pk, far.pk, other_body.pk}  # not the ended, not the done
    assert shown(due="overdue") == {late.pk}
    assert shown(due="soon") == {training.pk, declaration.pk, other_body.pk}
    assert shown(kind="declaration") == {declaration.pk}
    assert shown(body=term.seat.body_id) == {training.pk, declaration.pk, late.pk, far.pk}
    assert shown(shown="completed") == {done.pk}
    assert ended.pk in shown(shown="all")
    assert shown(q="tremblay") == {late.pk}
    export = client.get(reverse("administrateurs:obligation_list"), {"export": "csv", "due": "overdue"})
    text = b"".join(export.streaming_content).decode()
    assert "Tremblay" in text and "En retard" in text and "Bouchard" not in text


# --- Completion -------------------------------------------------------------------------------


def test_a_training_is_completed_on_the_date_of_the_session_attended(officer, training, session):
    services.obligation_complete(obligation=training, user=officer, session=session)
    training.refresh_from_db()
    assert (training.completed_on, training.session) == (session.held_on, session)


def test_a_declaration_is_completed_with_its_signed_file_that_only_the_role_reads(
    make_client, officer, staff_user, declaration
):
    signed_on = TODAY - timedelta(days=1)
    response = make_client(officer).post(
        reverse("administrateurs:obligation_complete", args=[declaration.pk]),
        {"signed_on": signed_on.isoformat(), "declaration": signed_pdf()},
    )
    assert response["Location"] == declaration.get_absolute_url()
    declaration.refresh_from_db()
    assert declaration.completed_on == signed_on
    stored = declaration.file
    assert (stored.original_name, stored.mime_type, stored.owner) == ("declaration.pdf", "application/pdf", declaration)
    url = reverse("core:private_file", args=[stored.uuid])
    assert make_client(officer).get(url).status_code == 200
    assert make_client(staff_user).get(url).status_code == 404
    other_role = UserFactory(roles=[Role.STAFF, Role.INVENTORY])
    assert make_client(other_role).get(url).status_code == 404
    page = make_client(officer).get(declaration.get_absolute_url())
    assert "declaration.pdf" in page.text and page.context["actions"] == []


@pytest.mark.parametrize(
    ("kind", "values", "message"),
    [
        ("training", {}, "Choisissez la séance de formation"),
        ("training", {"session": "future"}, "n’a pas encore eu lieu"),
        ("declaration", {"declaration": "pdf"}, "Indiquez la date de signature"),
        ("declaration", {"signed_on": TODAY + timedelta(days=1), "declaration": "pdf"}, "postérieure à aujourd’hui"),
        ("declaration", {"signed_on": TODAY}, "Joignez la déclaration signée"),
        ("declaration", {"signed_on": TODAY, "declaration": "text"}, "pas accepté ici"),
    ],
)
def test_a_completion_is_refused_in_french_and_changes_nothing(officer, term, kind, values, message):
    obligation = ObligationFactory(term=term, kind=kind)
    arguments = dict(values)
    if arguments.get("session") == "future":
        arguments["session"] = TrainingSessionFactory(held_on=TODAY + timedelta(days=7))
    if arguments.get("declaration") == "pdf":
        arguments["declaration"] = signed_pdf()
    elif arguments.get("declaration") == "text":
        arguments["declaration"] = SimpleUploadedFile("declaration.pdf", b"Ceci n'est pas un PDF.\n" * 20)
    before = state()
    with pytest.raises(ValidationError) as refused:
        services.obligation_complete(obligation=obligation, user=officer, **arguments)
    assert any(message in text for text in refused.value.messages), refused.value.messages
    assert state() == before and not PrivateFile.objects.exists()


def test_a_completed_obligation_and_another_role_are_refused(officer, staff_user, training, session):
    with pytest.raises(PermissionDenied):
        services.obligation_complete(obligation=training, user=staff_user, session=session)
    services.obligation_complete(obligation=training, user=officer, session=session)
    with pytest.raises(ValidationError, match="déjà été remplie"):
        services.obligation_complete(obligation=training, user=officer, session=TrainingSessionFactory())


def test_a_refused_completion_answers_422_and_changes_nothing(make_client, officer, training, declaration, session):
    client = make_client(officer)
    before = state()
    future = TrainingSessionFactory(held_on=TODAY + timedelta(days=7))
    response = client.post(reverse("administrateurs:obligation_complete", args=[training.pk]), {"session": future.pk})
    assert response.status_code == 422  # a future session is not offered: not a valid choice
    assert "Sélectionnez un choix valide" in response.text
    response = client.post(
        reverse("administrateurs:obligation_complete", args=[declaration.pk]),
        {"signed_on": (TODAY + timedelta(days=1)).isoformat(), "declaration": signed_pdf()},
    )
    assert response.status_code == 422 and "postérieure à aujourd’hui" in response.text
    assert state() == before and not PrivateFile.objects.exists()
    offered = client.get(reverse("administrateurs:obligation_complete", args=[training.pk])).context["form"]
    assert list(offered.fields["session"].queryset) == [session]


def test_the_completion_page_of_a_completed_obligation_leads_back_to_it(make_client, officer, training, session):
    services.obligation_complete(obligation=training, user=officer, session=session)
    response = make_client(officer).get(reverse("administrateurs:obligation_complete", args=[training.pk]))
    assert response.status_code == 302 and response["Location"] == training.get_absolute_url()


# --- Training sessions ------------------------------------------------------------------------


def test_a_session_lists_who_attended_and_moves_their_date_with_its_own(make_client, officer, training, session):
    services.obligation_complete(obligation=training, user=officer, session=session)
    client = make_client(officer)
    page = client.get(session.get_absolute_url())
    assert [o.pk for o in page.context["attendees"]] == [training.pk] and "Bouchard" in page.text
    earlier = TODAY - timedelta(days=10)
    response = client.post(
        reverse("administrateurs:training_edit", args=[session.pk]),
        {"title": session.title, "held_on": earlier.isoformat(), "place": ""},
    )
    assert response["Location"] == session.get_absolute_url()
    training.refresh_from_db()
    assert training.completed_on == earlier
    refused = client.post(
        reverse("administrateurs:training_edit", args=[session.pk]),
        {"title": session.title, "held_on": (TODAY + timedelta(days=1)).isoformat(), "place": ""},
    )
    assert refused.status_code == 422 and "ne peut pas être postérieure" in refused.text
    assert TrainingSession.objects.get(pk=session.pk).held_on == earlier


def test_a_session_is_planned_and_a_refused_one_changes_nothing(make_client, officer):
    client = make_client(officer)
    response = client.post(
        reverse("administrateurs:training_create"),
        {"title": "Éthique et déontologie", "held_on": (TODAY + timedelta(days=30)).isoformat(), "place": "Montréal"},
    )
    session = TrainingSession.objects.get()
    assert response["Location"] == session.get_absolute_url()
    refused = client.post(reverse("administrateurs:training_create"), {"title": "", "held_on": "2026-13-45"})
    assert refused.status_code == 422
    assert "Ce champ est obligatoire." in refused.context["form"].errors["title"]
    assert TrainingSession.objects.count() == 1


# --- Reminders --------------------------------------------------------------------------------


def run(day):
    return reminders.send_obligation_reminders(day, lambda line: None)


def test_the_job_reminds_once_14_days_before_and_once_overdue(
    officer, term, django_capture_on_commit_callbacks, session
):
    due = TODAY + timedelta(days=14)
    obligation = ObligationFactory(term=term, kind=ObligationKind.DECLARATION, due_on=due)
    later = ObligationFactory(term=TermFactory(seat=term.seat.body.seats.get(number=2)), due_on=due + timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert run(TODAY) == "1 obligation reminders before the due date, 0 overdue reminders sent"  # not `later`
    later.delete()
    entry = Notification.objects.get(key=reminders.KEY, recipient=officer)
    assert "Bouchard" in entry.title and entry.url == obligation.get_absolute_url()
    to_appointee = [m for m in mail.outbox if m.to == ["helene.bouchard@example.qc.ca"]]
    assert len(to_appointee) == 1 and "Déclaration solennelle" in to_appointee[0].subject
    assert "http" not in to_appointee[0].body  # the appointee has no account: no link into the intranet
    obligation.refresh_from_db()
    assert obligation.reminded_on == TODAY
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert run(TODAY).startswith("0 obligation reminders")  # the same day again: nothing
        assert run(due).startswith("0 obligation reminders")  # the due date itself: not overdue yet
        assert run(due + timedelta(days=1)) == "0 obligation reminders before the due date, 1 overdue reminders sent"
    assert [m.to for m in mail.outbox].count(["helene.bouchard@example.qc.ca"]) == 1
    assert "dépassée" in next(m for m in mail.outbox if m.to == ["helene.bouchard@example.qc.ca"]).body
    obligation.refresh_from_db()
    assert obligation.overdue_reminded_on == due + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert run(due + timedelta(days=2)) == "0 obligation reminders before the due date, 0 overdue reminders sent"
    assert Notification.objects.filter(key=reminders.KEY, recipient=officer, target_id=str(obligation.pk)).count() == 1
    # Completed: its entry leaves the team's queue.
    services.obligation_complete(obligation=obligation, user=officer, signed_on=TODAY, declaration=signed_pdf())
    assert Notification.objects.get(target_id=str(obligation.pk), recipient=officer).done_at is not None


def test_the_job_leaves_out_completed_obligations_and_ended_terms(officer, term):
    ObligationFactory(term=term, due_on=TODAY + timedelta(days=3), completed_on=TODAY - timedelta(days=1))
    ended = TermFactory(seat=term.seat, starts_on=TODAY - timedelta(days=500), ended_on=TODAY - timedelta(days=1))
    ObligationFactory(term=ended, due_on=TODAY - timedelta(days=5))
    assert run(TODAY) == "0 obligation reminders before the due date, 0 overdue reminders sent"


def test_the_job_is_registered():
    from opq_intranet.core.registry.schedule import jobs

    assert "administrateurs.obligations_due" in {job.key for job in jobs()}


# --- Mon travail ------------------------------------------------------------------------------


def test_mon_travail_shows_the_role_what_is_overdue_and_due_within_14_days(make_client, officer, staff_user, term):
    late = ObligationFactory(term=term, kind=ObligationKind.TRAINING, due_on=TODAY - timedelta(days=2))
    soon = ObligationFactory(term=term, kind=ObligationKind.DECLARATION, due_on=TODAY + timedelta(days=14))
    ObligationFactory(term=TermFactory(seat=term.seat.body.seats.get(number=2)), due_on=TODAY + timedelta(days=15))
    response = make_client(officer).get(reverse("core:dashboard"))
    panel = next(p for p in response.context["panels"] if p["panel"].key == "administrateurs.obligations_due")
    assert panel["context"]["overdue"] == [late] and panel["context"]["soon"] == [soon]
    assert "Formations et déclarations à remplir" in response.text and "en retard" in response.text
    other = make_client(staff_user).get(reverse("core:dashboard"))
    assert all(p["panel"].key != "administrateurs.obligations_due" for p in other.context["panels"])


def test_the_panel_costs_one_query(rf, officer, body, django_assert_num_queries):
    for number in range(10):
        ObligationFactory(term=TermFactory(seat=body.seats.get(number=1)), due_on=TODAY + timedelta(days=number))
    request = rf.get("/")
    request.user = officer
    with django_assert_num_queries(1):
        context = obligations_due(request)
    assert len(context["soon"]) == 8 and context["more"]


# --- Pages for each kind of user ----------------------------------------------------------------


def pages(obligation, session):
    return {
        "list": reverse("administrateurs:obligation_list"),
        "detail": reverse("administrateurs:obligation_detail", args=[obligation.pk]),
        "complete": reverse("administrateurs:obligation_complete", args=[obligation.pk]),
        "history": reverse("administrateurs:obligation_history", args=[obligation.pk]),
        "sessions": reverse("administrateurs:training_list"),
        "session_create": reverse("administrateurs:training_create"),
        "session": reverse("administrateurs:training_detail", args=[session.pk]),
        "session_edit": reverse("administrateurs:training_edit", args=[session.pk]),
        "session_history": reverse("administrateurs:training_history", args=[session.pk]),
    }


def test_anonymous_is_sent_to_sign_in(client, training, session):
    for name, url in pages(training, session).items():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), name


@pytest.mark.parametrize("who", ["staff_user", "staff_without_role", "partner_user"])
def test_other_staff_and_partners_get_403(make_client, request, training, session, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in pages(training, session).items():
        assert client.get(url).status_code == 403, name
    before = state()
    assert client.post(pages(training, session)["complete"], {"session": session.pk}).status_code == 403
    assert state() == before


def test_the_role_reaches_every_page_and_a_missing_id_is_404(make_client, officer, training, declaration, session):
    client = make_client(officer)
    for name, url in pages(training, session).items():
        assert client.get(url).status_code == 200, name
    assert client.get(reverse("administrateurs:obligation_complete", args=[declaration.pk])).status_code == 200
    for name in ("obligation_detail", "obligation_complete", "obligation_history", "training_detail"):
        assert client.get(reverse(f"administrateurs:{name}", args=[999_999])).status_code == 404, name


# --- Query counts -----------------------------------------------------------------------------


def test_the_lists_cost_the_same_with_10_and_100(assert_constant_queries, make_client, officer, body):
    seats = list(body.seats.all())

    def obligations(count):
        for n in range(count):
            ObligationFactory(term=TermFactory(seat=seats[n % 4]), due_on=TODAY + timedelta(days=n % 40 - 5))

    client = make_client(officer)
    assert_constant_queries(
        "administrateurs:obligation_list", client, reverse("administrateurs:obligation_list"), up_to(obligations)
    )
    assert_constant_queries(
        "administrateurs:training_list",
        client,
        reverse("administrateurs:training_list"),
        up_to(lambda n: TrainingSessionFactory.create_batch(n, held_on=date(2026, 5, 20))),
    )


@pytest.mark.parametrize(
    "name",
    [
        "administrateurs:obligation_detail",
        "administrateurs:obligation_history",
        "administrateurs:training_detail",
        "administrateurs:training_history",
    ],
)
def test_the_pages_query_counts(assert_query_count, make_client, officer, training, session, name):
    services.obligation_complete(obligation=training, user=officer, session=session)
    client = make_client(officer)
    url = reverse(name, args=[session.pk if "training" in name else training.pk])
    client.get(url)
    with assert_query_count(name):
        assert client.get(url).status_code == 200
