"""The item's page and its embedded forms on core's generic views: a refused form answers 422
on the item's page, with its error, and changes nothing."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courrier import services
from courrier.models import Contact, MailItem, RoutingEvent
from opq_intranet.accounts.roles import Role
from tests.courrier.factories import ContactFactory
from tests.documents.samples import upload
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(mail_clerk):
    item = MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(), subject="Lettre")
    return services.mail_register(item=item, user=mail_clerk)


def snapshot(item):
    item = MailItem.objects.get(pk=item.pk)
    return (
        item.status,
        item.routed_unit_id,
        item.assignee_id,
        RoutingEvent.objects.filter(mail_item=item).count(),
        MailItem.objects.filter(in_reply_to=item).count(),
    )


def test_a_refused_route_shows_its_error_on_the_item_page_in_422(make_client, mail_clerk, lawyer, outsider, item):
    before = snapshot(item)
    client = make_client(mail_clerk)
    url = reverse("courrier:item_route", args=[item.pk])
    empty = client.post(url, {})
    assert empty.status_code == 422
    assert empty.templates[0].name == "courrier/item_detail.html"
    assert empty.context["route_form"].errors["unit"] == ["Ce champ est obligatoire."]
    # The service refuses a person of another unit: its message, on the page.
    wrong_person = client.post(url, {"unit": lawyer.org_unit_id, "assignee": outsider.pk})
    assert wrong_person.status_code == 422
    message = wrong_person.context["route_form"].errors["assignee"][0]
    assert message.startswith("Choisissez une personne") and message in wrong_person.text.replace("&#x27;", "'")
    assert snapshot(item) == before


def test_only_people_who_can_open_the_mail_app_can_be_chosen_or_routed_to(make_client, mail_clerk, lawyer, legal, item):
    """A person without the mail app (here, the inventory role only) would be emailed a link
    that answers 403: the picker leaves them out, and the service refuses them."""
    inventory_clerk = UserFactory(roles=[Role.INVENTORY], org_unit=legal, first_name="Paul", last_name="Sans")
    client = make_client(mail_clerk)
    page = client.get(reverse("courrier:item_detail", args=[item.pk]))
    choices = {person.pk for person in page.context["route_form"].fields["assignee"].queryset}
    assert lawyer.pk in choices and inventory_clerk.pk not in choices
    assert f'data-filter-value="{legal.pk}"' in page.text  # each person carries their unit
    before = snapshot(item)
    with pytest.raises(ValidationError) as refused:
        services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=inventory_clerk)
    assert refused.value.message_dict["assignee"] == [
        "Cette personne ne peut pas ouvrir l’application Courrier : acheminez l’élément à son unité."
    ]
    assert snapshot(item) == before


def test_a_refused_reply_shows_its_error_on_the_item_page_and_registers_nothing(make_client, mail_clerk, item):
    before = snapshot(item)
    response = make_client(mail_clerk).post(
        reverse("courrier:item_reply", args=[item.pk]),
        {"sent_on": "2026-03-10", "channel": "post", "subject": "Réponse",
         "attachments": [upload("virus.exe", b"MZ\x90\x00")]},
    )  # fmt: skip
    assert response.status_code == 422
    assert response.context["reply_form"].errors["attachments"]
    assert 'id="reply-title"' in response.text
    assert snapshot(item) == before
    assert MailItem.objects.count() == 1


def test_taking_an_item_already_in_progress_answers_422_with_the_reason(make_client, mail_clerk, item):
    services.mail_take(item=item, user=mail_clerk)
    before = snapshot(item)
    response = make_client(mail_clerk).post(reverse("courrier:item_take", args=[item.pk]))
    assert response.status_code == 422
    assert "Cet élément est déjà en traitement, a déjà reçu sa réponse ou est fermé." in response.text
    assert snapshot(item) == before


def test_the_items_actions_are_post_only_and_for_those_who_handle_it(make_client, mail_clerk, outsider, item):
    for name in ("item_route", "item_take", "item_reply", "item_attach", "item_close", "item_file"):
        url = reverse(f"courrier:{name}", args=[item.pk])
        assert make_client(mail_clerk).get(url).status_code == 405, name
        assert make_client(outsider).post(url, {}).status_code == 403, name
    assert snapshot(item) == ("registered", None, None, 0, 0)


def test_the_item_page_offers_only_what_the_person_may_do(make_client, mail_clerk, outsider, item):
    clerk_page = make_client(mail_clerk).get(item.get_absolute_url())
    assert [a.label for a in clerk_page.context["actions"]] == ["Corriger"]
    assert clerk_page.context["can_route"] and clerk_page.context["can_take"]
    outsider_page = make_client(outsider).get(item.get_absolute_url())
    assert outsider_page.status_code == 200 and outsider_page.context["actions"] == []
    assert not outsider_page.context["can_route"] and 'id="route-title"' not in outsider_page.text


def test_a_registration_refused_by_the_service_saves_neither_the_item_nor_the_new_contact(make_client, mail_clerk):
    response = make_client(mail_clerk).post(
        reverse("courrier:item_register"),
        {"direction": "incoming", "received_on": "2026-03-02", "channel": "post", "mail_type": "letter",
         "confidentiality": "internal", "new_contact_name": "Jeanne Bouchard", "subject": "Lettre",
         "attachments": [upload("virus.exe", b"MZ\x90\x00")]},
    )  # fmt: skip
    assert response.status_code == 422
    assert response.context["form"].errors["attachments"]
    assert not MailItem.objects.exists() and not Contact.objects.exists()


def test_correcting_an_item_keeps_its_number(make_client, mail_clerk, lawyer, item):
    url = reverse("courrier:item_edit", args=[item.pk])
    assert make_client(lawyer).get(url).status_code == 403
    page = make_client(mail_clerk).get(url)
    assert page.status_code == 200 and page.context["title"] == f"Corriger {item.reference}"
    data = {"received_on": "2026-03-03", "channel": "email", "contact": item.contact_id, "subject": "Lettre corrigée",
            "mail_type": "letter", "confidentiality": "internal"}  # fmt: skip
    assert make_client(mail_clerk).post(url, {**data, "subject": ""}).status_code == 422
    assert MailItem.objects.get(pk=item.pk).subject == "Lettre"
    response = make_client(mail_clerk).post(url, data)
    assert response.status_code == 302
    saved = MailItem.objects.get(pk=item.pk)
    assert (saved.reference, saved.subject, saved.direction) == (item.reference, "Lettre corrigée", "incoming")


def test_mine_lists_what_is_routed_to_me_and_the_links_say_so(make_client, mail_clerk, lawyer, legal, item):
    services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer)
    other = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(), subject="Autre"),
        user=mail_clerk,
    )
    client = make_client(lawyer)
    mine = client.get(reverse("courrier:item_list"), {"mine": "true"}).context["page"].object_list
    assert [i.pk for i in mine] == [item.pk]
    not_mine = client.get(reverse("courrier:item_list"), {"mine": "false"}).context["page"].object_list
    assert [i.pk for i in not_mine] == [other.pk]
    assert f"{reverse('courrier:item_list')}?mine=true" in client.get(reverse("courrier:index")).text


def test_the_registry_and_the_search_filter_by_the_items_own_date(make_client, mail_clerk, item):
    sent = services.mail_register(
        item=MailItem(direction="outgoing", sent_on=date(2026, 3, 20), contact=ContactFactory(), subject="Lettre"),
        user=mail_clerk,
    )
    client = make_client(mail_clerk)

    def listed(**params):
        return {i.pk for i in client.get(reverse("courrier:item_list"), params).context["page"].object_list}

    assert listed(since="2026-03-10") == {sent.pk}  # sent on 20 March; the other received on 2 March
    assert listed(until="2026-03-10") == {item.pk}
    assert listed(since="2026-03-01", until="2026-03-31") == {item.pk, sent.pk}
    found = client.get(reverse("courrier:search"), {"q": "lettre", "since": "2026-03-10"}).context["hits"]
    assert [hit.item.pk for hit in found] == [sent.pk]


def item_text(page):
    """The item page as a person reads it (tags dropped), down to its history card."""
    text = re.sub(r"<[^>]+>", " ", page.text.split('aria-labelledby="history-title"')[0])
    return " ".join(text.split())


def test_an_outgoing_notice_is_not_routed_and_its_page_says_who_handled_it(make_client, mail_clerk, legal):
    """The extension notice of an access request: an outgoing item, closed, never routed.
    Its page shows who handled it, neither "Acheminé à" nor "Pas encore acheminé", and no
    route form; the service refuses to route it."""
    request_item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(),
                      subject="Accès", mail_type="access_request"),
        user=mail_clerk,
    )  # fmt: skip
    opened = services.access_request_open(mail_item=request_item, user=mail_clerk, documents_requested="Le plan")
    services.access_request_extend(
        access_request=opened, user=mail_clerk, notice_on=date(2026, 3, 10), reason="Volume de documents"
    )
    notice = MailItem.objects.get(in_reply_to=request_item)
    page = make_client(mail_clerk).get(notice.get_absolute_url())
    text = item_text(page)
    assert "Acheminé à" not in text and "Pas encore acheminé" not in text
    assert "Historique d’acheminement" not in text
    assert f"Traité par {mail_clerk.org_unit} · Nathalie Roy" in text
    assert not page.context["can_route"] and 'id="route-title"' not in page.text
    before = snapshot(notice)
    with pytest.raises(ValidationError) as refused:
        services.mail_route(item=notice, user=mail_clerk, unit=legal)
    assert refused.value.messages == ["Un élément sortant n’est pas acheminé."]
    assert snapshot(notice) == before


def test_an_outgoing_item_registered_by_the_mail_room_offers_no_routing(make_client, mail_clerk, legal):
    sent = services.mail_register(
        item=MailItem(direction="outgoing", sent_on=date(2026, 3, 20), contact=ContactFactory(), subject="Lettre"),
        user=mail_clerk,
    )
    page = make_client(mail_clerk).get(sent.get_absolute_url())
    text = item_text(page)
    assert "Acheminé à" not in text and "Pas encore acheminé" not in text and "Traité par" not in text
    assert not page.context["can_route"]
    response = make_client(mail_clerk).post(reverse("courrier:item_route", args=[sent.pk]), {"unit": legal.pk})
    assert response.status_code == 422 and "Un élément sortant n’est pas acheminé." in response.text
    assert snapshot(sent) == ("registered", None, None, 0, 0)


def test_an_incoming_items_routing_lines_agree_with_its_trail(make_client, mail_clerk, lawyer, legal, item):
    client = make_client(mail_clerk)
    text = item_text(client.get(item.get_absolute_url()))
    assert "Acheminé à —" in text and "Pas encore acheminé." in text
    # Taken in hand by the mail room without a routing step: who handles it, not "not routed yet".
    services.mail_take(item=item, user=mail_clerk)
    text = item_text(client.get(item.get_absolute_url()))
    assert "Traité par Nathalie Roy" in text and "Pris en charge sans acheminement." in text
    assert "Acheminé à" not in text and "Pas encore acheminé" not in text
    # Routed: where to, and the trail.
    services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer)
    text = item_text(client.get(item.get_absolute_url()))
    assert f"Acheminé à {legal} · Louise Lavoie" in text and "Pas encore acheminé" not in text
    assert "Pris en charge sans acheminement" not in text
    # Closed without ever being routed: not "yet".
    other = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(), subject="Autre"),
        user=mail_clerk,
    )
    services.mail_close(item=other, user=mail_clerk, closed_on=date(2026, 3, 3))
    text = item_text(client.get(other.get_absolute_url()))
    assert "Non acheminé." in text and "Pas encore acheminé" not in text


def test_the_registry_and_the_routing_trail_name_units_as_people_say_them(make_client, mail_clerk, lawyer, legal, item):
    """A unit's code ("daj") is for the database: people read its name."""
    services.mail_route(item=item, user=mail_clerk, unit=mail_clerk.org_unit)
    services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer)
    client = make_client(mail_clerk)
    registry = client.get(reverse("courrier:item_list"))
    assert "<td>Direction des affaires juridiques</td>" in registry.text
    assert f"<td>{legal.code}</td>" not in registry.text and f"<td>{legal.code.upper()}</td>" not in registry.text
    page = client.get(reverse("courrier:item_detail", args=[item.pk]))
    trail = page.text.split('<ol class="small">', 1)[1].split("</ol>", 1)[0]
    assert f"{mail_clerk.org_unit.name} → Direction des affaires juridiques" in trail
