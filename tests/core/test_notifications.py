"""notify(): the "À traiter" queue, immediate emails or the daily digest, in each person's language."""

import copy
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opq_intranet.accounts.roles import Role
from opq_intranet.core.choices import NotificationDelivery
from opq_intranet.core.dashboard import todo
from opq_intranet.core.models import Notification, OrgUnit
from opq_intranet.core.notifications import (
    notifications_done,
    notify,
    open_notifications_for,
    people_with_permission,
    send_digests,
)
from opq_intranet.core.registry.schedule import jobs
from tests.factories import PartnerFactory, UserFactory, order

pytestmark = pytest.mark.django_db

KEY = "test.work"
SUBJECT = '{% load i18n %}{% translate "Hello," %} <b>{{ thing }}</b> — l\'inscription'
BODY = (
    '{% load i18n %}{% translate "Hello," %}\n\n'
    "Pour {{ recipient.first_name|default:'vous' }} : l'inscription de {{ name }} <b>en gras</b>.\n"
    "{{ url }}\n"
)


@pytest.fixture
def templates(settings, tmp_path):
    """Two plain-text templates written for these tests, found before the project's."""
    folder = tmp_path / "notify_test"
    folder.mkdir()
    (folder / "subject.txt").write_text(SUBJECT)
    (folder / "body.txt").write_text(BODY)
    engines = copy.deepcopy(settings.TEMPLATES)
    engines[0]["DIRS"] = [str(tmp_path), *engines[0].get("DIRS", [])]
    settings.TEMPLATES = engines
    settings.PORTAL_BASE_URL = "https://intranet.opq.example"
    return {"subject_template": "notify_test/subject.txt", "body_template": "notify_test/body.txt"}


@pytest.fixture
def unit():
    """Any object will do as the work's target."""
    return OrgUnit.objects.get(code="daj")


def send(templates, unit, recipients, **options):
    return notify(
        recipients=recipients,
        key=options.pop("key", KEY),
        target=options.pop("target", unit),
        url=options.pop("url", "/unites/1/"),
        context={"thing": "R&D", "name": "l'Ordre des conseillers et conseillères d'orientation"},
        **templates,
        **options,
    )


def test_the_email_is_plain_text_without_html_escaping(templates, unit, django_capture_on_commit_callbacks):
    person = UserFactory(roles=[Role.STAFF], first_name="Louise")
    with django_capture_on_commit_callbacks(execute=True):
        [notification] = send(templates, unit, [person])
    [message] = mail.outbox
    assert message.to == [person.email]
    assert message.subject == "Bonjour, <b>R&D</b> — l'inscription"
    assert "Pour Louise : l'inscription de l'Ordre des conseillers et conseillères d'orientation <b>en gras</b>." in (
        message.body
    )
    assert "&#x27;" not in message.body + message.subject and "&lt;" not in message.body + message.subject
    assert "https://intranet.opq.example/unites/1/" in message.body  # absolute in the email
    notification.refresh_from_db()
    assert notification.title == message.subject  # the queue shows the subject
    assert notification.url == "/unites/1/"  # relative in the queue
    assert (notification.key, notification.target, notification.recipient) == (KEY, unit, person)
    assert notification.emailed_at is not None and notification.done_at is None


def test_nothing_is_sent_before_the_commit(templates, unit, django_capture_on_commit_callbacks):
    person = UserFactory(roles=[Role.STAFF])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(templates, unit, [person])
    assert mail.outbox == [] and len(callbacks) == 1
    assert Notification.objects.get(recipient=person).emailed_at is None


def test_english_for_a_person_who_chose_english(templates, unit, django_capture_on_commit_callbacks):
    french = UserFactory(roles=[Role.STAFF])
    english = UserFactory(roles=[Role.STAFF], language="en")
    with django_capture_on_commit_callbacks(execute=True):
        send(templates, unit, [french, english])
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address[french.email].subject.startswith("Bonjour,")
    assert by_address[english.email].subject.startswith("Hello,")
    assert by_address[english.email].body.startswith("Hello,")
    assert Notification.objects.get(recipient=english).title.startswith("Hello,")


def test_the_language_switch_keeps_the_choice_on_the_account(make_client, staff_user):
    client = make_client(staff_user)
    client.post("/langue/", {"language": "en", "next": "/"})
    staff_user.refresh_from_db()
    assert staff_user.language == "en"
    client.post("/langue/", {"language": "klingon", "next": "/"})
    staff_user.refresh_from_db()
    assert staff_user.language == "en"  # an unknown language changes nothing


def test_inactive_people_and_duplicates_are_skipped(templates, unit, django_capture_on_commit_callbacks):
    active = UserFactory(roles=[Role.STAFF])
    gone = UserFactory(roles=[Role.STAFF], is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        notifications = send(templates, unit, [active, gone, active, None])
    assert [n.recipient for n in notifications] == [active]
    assert [m.to for m in mail.outbox] == [[active.email]]
    assert not Notification.objects.filter(recipient=gone).exists()


def test_a_units_address_gets_the_email_only(templates, unit, django_capture_on_commit_callbacks):
    person = UserFactory(roles=[Role.STAFF])
    with django_capture_on_commit_callbacks(execute=True):
        send(templates, unit, [person], extra_addresses=["daj@opq.example", "", person.email.upper()])
    assert sorted(m.to[0] for m in mail.outbox) == sorted([person.email, "daj@opq.example"])  # once each
    unit_message = next(m for m in mail.outbox if m.to == ["daj@opq.example"])
    assert unit_message.body.startswith("Bonjour,\n\nPour vous :")  # no person: the Office's language
    assert Notification.objects.count() == 1


def test_digest_people_get_no_immediate_email_and_one_digest(templates, unit, django_capture_on_commit_callbacks):
    digest = UserFactory(roles=[Role.STAFF], notification_delivery=NotificationDelivery.DIGEST, first_name="Marc")
    immediate = UserFactory(roles=[Role.STAFF])
    other_unit = OrgUnit.objects.get(code="dcom")
    with django_capture_on_commit_callbacks(execute=True):
        send(templates, unit, [digest, immediate])
        send(templates, other_unit, [digest], url="/unites/2/")
        send(templates, other_unit, [digest], key="test.done", url="/unites/3/")
    notifications_done(target=other_unit, key="test.done")  # done before the digest: not listed
    assert [m.to for m in mail.outbox] == [[immediate.email]]

    summary = send_digests(timezone.localdate(), log=lambda line: None)
    assert summary == "1 digests sent"
    assert len(mail.outbox) == 2
    digest_email = mail.outbox[1]
    assert digest_email.to == [digest.email]
    assert digest_email.subject == "À traiter : 2 nouveaux éléments"
    assert digest_email.body.startswith("Bonjour Marc,")
    assert digest_email.body.count("Bonjour, <b>R&D</b> — l'inscription") == 2
    assert "https://intranet.opq.example/unites/1/" in digest_email.body
    assert "https://intranet.opq.example/unites/2/" in digest_email.body
    assert "/unites/3/" not in digest_email.body
    assert not Notification.objects.filter(recipient=digest, done_at__isnull=True, emailed_at__isnull=True).exists()

    assert send_digests(timezone.localdate(), log=lambda line: None) == "0 digests sent"  # idempotent
    assert len(mail.outbox) == 2


def test_the_digest_is_a_scheduled_job(templates, unit):
    assert "core.notification_digest" in [job.key for job in jobs()]
    digest = UserFactory(roles=[Role.STAFF], notification_delivery=NotificationDelivery.DIGEST)
    send(templates, unit, [digest])
    for _run in range(2):
        call_command("run_scheduled", "--only", "core.notification_digest", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [[digest.email]]


def test_notifying_again_refreshes_the_open_entry(templates, unit):
    person = UserFactory(roles=[Role.STAFF])
    first = send(templates, unit, [person])[0]
    Notification.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - timedelta(days=7), emailed_at=timezone.now()
    )
    again = send(templates, unit, [person], url="/unites/1/?encore")[0]
    assert again.pk == first.pk
    again.refresh_from_db()
    assert again.url == "/unites/1/?encore" and again.emailed_at is None
    assert timezone.now() - again.created_at < timedelta(minutes=1)  # back on top of the queue


def test_done_clears_by_target_key_and_person(templates, unit):
    one, two = UserFactory(roles=[Role.STAFF]), UserFactory(roles=[Role.STAFF])
    other_unit = OrgUnit.objects.get(code="dcom")
    send(templates, unit, [one, two])
    send(templates, unit, [one], key="test.other")
    send(templates, other_unit, [one])
    assert notifications_done(target=unit, key=KEY, recipient=two) == 1
    assert notifications_done(target=unit, key=KEY) == 1
    assert notifications_done(target=unit) == 1  # the other key
    assert notifications_done(target=unit) == 0
    assert [n.target for n in open_notifications_for(one).items] == [other_unit]


def test_people_with_permission_are_those_whose_role_grants_it():
    analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST])
    UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST], is_active=False)
    UserFactory(roles=[Role.STAFF])
    admin = UserFactory(roles=[Role.STAFF, Role.IT_ADMIN], is_superuser=True, is_staff=True)
    found = people_with_permission("bdsp.review_returns")
    assert analyst in found and admin not in found  # every permission is not every job
    assert len(found) == len(set(found))


# --- The "À traiter" panel ------------------------------------------------------------------


def make_notifications(person, count, **fields):
    unit = OrgUnit.objects.get(code="daj")
    now = timezone.now()
    return Notification.objects.bulk_create(
        Notification(
            recipient=person,
            key=KEY,
            title=f"Élément {n}",
            url=f"/unites/{n}/",
            target_type_id=_content_type_id(unit),
            target_id=str(unit.pk),
            created_at=now - timedelta(minutes=n),
            **fields,
        )
        for n in range(count)
    )


def _content_type_id(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_the_panel_lists_the_persons_open_entries_newest_first(make_client, staff_user):
    make_notifications(staff_user, 12)
    make_notifications(staff_user, 2, done_at=timezone.now())  # done: gone from the queue
    make_notifications(UserFactory(roles=[Role.STAFF]), 3)  # someone else's
    page = make_client(staff_user).get("/")
    panels = [p["panel"].key for p in page.context["panels"]]
    assert panels[0] == "core.todo"  # first on Mon travail
    context = page.context["panels"][0]["context"]
    assert context["total"] == 12 and context["more"] == 2
    assert [n.title for n in context["items"]] == [f"Élément {n}" for n in range(10)]
    html = page.content.decode()
    assert "<h2" in html and "À traiter" in html
    assert '<a href="/unites/0/">Élément 0</a>' in html
    assert "12 éléments à traiter." in html
    assert "Élément 10" not in html


def test_an_empty_queue_says_so(make_client, staff_user):
    html = make_client(staff_user).get("/").content.decode()
    assert "Rien à traiter" in html


def test_the_panel_costs_one_query_whatever_the_queue(make_client, staff_user, django_assert_max_num_queries):
    request = RequestFactory().get("/")
    request.user = staff_user
    client = make_client(staff_user)
    client.get("/")
    counts = []
    for size in (10, 30):
        make_notifications(staff_user, size - Notification.objects.filter(recipient=staff_user).count())
        with django_assert_max_num_queries(1):
            assert todo(request)["total"] == size
        with CaptureQueriesContext(connection) as page:
            assert client.get("/").status_code == 200
        counts.append(len(page.captured_queries))
    assert counts[0] == counts[1]


def test_partners_see_their_queue_on_the_portal(make_client):
    partner = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    make_notifications(partner, 1)
    page = make_client(partner).get("/portail/")
    assert "core.todo_portal" in [p["panel"].key for p in page.context["panels"]]
    assert "Élément 0" in page.content.decode()


# --- The preference on the account page -----------------------------------------------------


def test_a_person_chooses_the_daily_digest_on_their_account_page(make_client, staff_user):
    client = make_client(staff_user)
    page = client.get("/compte/").content.decode()
    assert 'value="digest"' in page and "Un seul courriel récapitulatif par jour" in page
    response = client.post("/compte/", {"notification_delivery": "digest"})
    assert response.status_code == 302 and response["Location"] == "/compte/"
    staff_user.refresh_from_db()
    assert staff_user.notification_delivery == NotificationDelivery.DIGEST


def test_a_bad_preference_is_refused_in_french_and_changes_nothing(make_client, staff_user):
    response = make_client(staff_user).post("/compte/", {"notification_delivery": "pigeon"})
    assert response.status_code == 422
    assert "Choisissez un courriel pour chaque nouvel élément ou un seul courriel récapitulatif par jour." in (
        response.content.decode()
    )
    staff_user.refresh_from_db()
    assert staff_user.notification_delivery == NotificationDelivery.IMMEDIATE
