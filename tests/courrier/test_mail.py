"""The mail registry: chrono numbers, routing trail and notice, replies, visibility, search."""

from datetime import date

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core import mail as outbox
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from courrier import selectors, services
from courrier.models import MailItem, RoutingEvent
from tests.courrier.factories import ContactFactory
from tests.documents.samples import eml_bytes, msg_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def incoming(**fields):
    values = {
        "direction": "incoming",
        "received_on": date(2026, 3, 2),
        "contact": ContactFactory(name="Jean Tremblay"),
        "subject": "Demande de renseignements sur le permis",
    }
    values.update(fields)
    return MailItem(**values)


def test_each_direction_has_its_yearly_chrono(mail_clerk):
    first = services.mail_register(item=incoming(), user=mail_clerk)
    second = services.mail_register(item=incoming(), user=mail_clerk)
    last_year = services.mail_register(item=incoming(received_on=date(2025, 12, 31)), user=mail_clerk)
    sent = services.mail_register(
        item=MailItem(direction="outgoing", sent_on=date(2026, 3, 3), contact=first.contact, subject="Réponse"),
        user=mail_clerk,
    )
    assert (first.reference, second.reference) == ("E2026-00001", "E2026-00002")
    assert last_year.reference == "E2025-00001"  # the year of receipt, not of registration
    assert sent.reference == "S2026-00001"


def test_a_refused_registration_gives_its_number_back(mail_clerk):
    with pytest.raises(ValidationError), transaction.atomic():
        services.mail_register(item=incoming(), user=mail_clerk, uploads=[upload("virus.exe", b"MZ\x90\x00")])
    assert not MailItem.objects.exists()
    assert services.mail_register(item=incoming(), user=mail_clerk).reference == "E2026-00001"


def test_only_the_mail_room_registers(lawyer):
    with pytest.raises(PermissionDenied):
        services.mail_register(item=incoming(), user=lawyer)


def test_attachments_are_read_for_the_search(mail_clerk, lawyer):
    item = services.mail_register(
        item=incoming(subject="Plainte"),
        user=mail_clerk,
        uploads=[
            upload("lettre.pdf", pdf_bytes("Je conteste la décision du syndic de l'Ordre des dentistes.")),
            upload("courriel.eml", eml_bytes("Suivi", "Le comité d'inspection professionnelle a siégé.")),
            upload("transfert.msg", msg_bytes("Transfert", "Greffe", "Le greffe transmet l'avis d'audience.")),
        ],
    )
    assert item.attachments.count() == 3

    def found(words):
        return list(MailItem.objects.filter(search_vector=SearchQuery(words, config="opq_french")))

    assert found("syndic dentistes") == [item]  # inside the PDF, plural or not
    assert found("inspection") == [item]  # inside the email
    assert found("audience greffe") == [item]  # inside the Outlook message
    assert found("tremblay") == [item]  # the contact
    assert found("radiation") == []


def test_routing_keeps_the_trail_and_notifies_the_assignee(
    mail_clerk, lawyer, colleague, legal, django_capture_on_commit_callbacks
):
    item = services.mail_register(item=incoming(reply_due_on=date(2026, 3, 20)), user=mail_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer, note="Pour réponse")
    with django_capture_on_commit_callbacks(execute=True):
        services.mail_route(item=item, user=lawyer, unit=legal, assignee=colleague, note="Tu connais le dossier")
    trail = list(RoutingEvent.objects.filter(mail_item=item).values_list("from_assignee", "to_assignee", "by", "note"))
    assert trail == [
        (None, lawyer.pk, mail_clerk.pk, "Pour réponse"),
        (lawyer.pk, colleague.pk, lawyer.pk, "Tu connais le dossier"),
    ]
    assert [m.to for m in outbox.outbox] == [[lawyer.email], [colleague.email]]
    assert "E2026-00001" in outbox.outbox[0].subject
    assert "2026-03-20" in outbox.outbox[0].body
    item.refresh_from_db()
    assert (item.status, item.assignee) == ("routed", colleague)


def test_a_confidential_items_notice_does_not_tell_its_subject(
    mail_clerk, lawyer, legal, django_capture_on_commit_callbacks
):
    item = services.mail_register(
        item=incoming(confidentiality="confidential", subject="Signalement X"), user=mail_clerk
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer)
    assert "Signalement" not in outbox.outbox[0].body + outbox.outbox[0].subject


def test_routing_refusals_say_why_and_change_nothing(mail_clerk, lawyer, outsider, legal):
    item = services.mail_register(item=incoming(), user=mail_clerk)
    with pytest.raises(ValidationError) as refused:
        services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=outsider)
    assert refused.value.message_dict["assignee"] == [
        "Choisissez une personne de l’unité à laquelle l’élément est acheminé."
    ]
    with pytest.raises(PermissionDenied):
        services.mail_route(item=item, user=outsider, unit=legal)
    assert not RoutingEvent.objects.exists()


def test_the_reply_answers_the_item(mail_clerk, lawyer, legal):
    item = services.mail_register(item=incoming(), user=mail_clerk)
    services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer)
    services.mail_take(item=item, user=lawyer)
    reply = services.mail_reply(
        item=item,
        user=lawyer,
        reply=MailItem(sent_on=date(2026, 3, 10), channel="email", subject="Réponse à votre demande"),
        uploads=[upload("reponse.pdf", pdf_bytes("Voici la réponse."))],
    )
    item.refresh_from_db()
    assert (reply.reference, reply.in_reply_to, reply.contact) == ("S2026-00001", item, item.contact)
    assert item.status == "answered"
    services.mail_close(item=item, user=lawyer, closed_on=date(2026, 3, 11))
    item.refresh_from_db()
    assert (item.status, item.closed_on) == ("closed", date(2026, 3, 11))
    with pytest.raises(ValidationError):
        services.mail_close(item=item, user=lawyer)


def test_confidential_items_are_for_the_mail_room_the_unit_and_the_assignee(
    mail_clerk, lawyer, colleague, outsider, legal
):
    secret = services.mail_register(item=incoming(confidentiality="confidential"), user=mail_clerk)
    personal = services.mail_register(item=incoming(confidentiality="personal"), user=mail_clerk)
    internal = services.mail_register(item=incoming(), user=mail_clerk)
    services.mail_route(item=secret, user=mail_clerk, unit=legal, assignee=lawyer)
    for person, expected in (
        (mail_clerk, {secret, personal, internal}),
        (lawyer, {secret, internal}),
        (colleague, {secret, internal}),  # the unit's
        (outsider, {internal}),
    ):
        assert set(selectors.items_visible_to(person)) == expected, person


def test_the_search_page_finds_words_inside_attachments_among_visible_items(
    make_client, mail_clerk, lawyer, outsider, legal
):
    from django.urls import reverse

    visible = services.mail_register(
        item=incoming(subject="Lettre de l'ordre"),
        user=mail_clerk,
        uploads=[upload("lettre.pdf", pdf_bytes("Le comité d'inspection professionnelle recommande un stage."))],
    )
    secret = services.mail_register(
        item=incoming(subject="Signalement", confidentiality="confidential"),
        user=mail_clerk,
        uploads=[upload("signalement.pdf", pdf_bytes("Inspection demandée d'urgence."))],
    )
    services.mail_route(item=secret, user=mail_clerk, unit=legal, assignee=lawyer)

    def found(user, words):
        response = make_client(user).get(reverse("courrier:search"), {"q": words})
        return response, [hit.item for hit in response.context["hits"]]

    response, items = found(outsider, "inspections")
    assert items == [visible]
    assert "<mark>inspection</mark>" in response.content.decode()
    assert set(found(lawyer, "inspection")[1]) == {visible, secret}
    assert found(outsider, "tremblay")[1] == [visible]  # the contact's name
    group = reverse("core:search_group", args=["courrier.mail"])
    global_search = make_client(outsider).get(group, {"q": "inspection"}, headers={"HX-Request": "true"})
    assert [r.url for r in global_search.context["results"]] == [visible.get_absolute_url()]
    global_search = make_client(lawyer).get(group, {"q": "inspection"}, headers={"HX-Request": "true"})
    assert {r.url for r in global_search.context["results"]} == {visible.get_absolute_url(), secret.get_absolute_url()}
