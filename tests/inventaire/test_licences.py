"""Software licences: seats to people or assets, never beyond the seats bought nor twice to
the same one; the expiry warning to the Inventaire role, once per expiry date; the pages."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from inventaire import reminders, services
from inventaire.models import Licence, Seat
from opq_intranet.core.models import Notification
from tests.factories import UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def acrobat(technician):
    licence = Licence(name="Adobe Acrobat Pro", vendor="Adobe", seats=2, cost=Decimal("480.00"))
    licence.expires_on = TODAY + timedelta(days=45)
    return services.licence_save(licence=licence, user=technician)


def open_seats():
    return Seat.objects.filter(released_on__isnull=True).count()


def test_seats_go_to_people_and_assets_up_to_the_number_bought(technician, holder, other_holder, laptop, acrobat):
    services.seat_assign(licence=acrobat, user=technician, holder=holder)
    services.seat_assign(licence=acrobat, user=technician, asset=laptop)
    with pytest.raises(ValidationError) as full:
        services.seat_assign(licence=acrobat, user=technician, holder=other_holder)
    assert "(2)" in full.value.messages[0]
    seat = Seat.objects.get(holder=holder)
    services.seat_release(seat=seat, user=technician)
    services.seat_assign(licence=acrobat, user=technician, holder=other_holder)
    assert open_seats() == 2


def test_a_seat_is_not_given_twice_to_the_same_one(technician, holder, acrobat):
    services.seat_assign(licence=acrobat, user=technician, holder=holder)
    with pytest.raises(ValidationError):
        services.seat_assign(licence=acrobat, user=technician, holder=holder)
    with pytest.raises(ValidationError):
        services.seat_assign(licence=acrobat, user=technician)
    assert open_seats() == 1


def test_the_seats_cannot_drop_below_those_held_and_dates_are_checked(technician, holder, other_holder, acrobat):
    services.seat_assign(licence=acrobat, user=technician, holder=holder)
    services.seat_assign(licence=acrobat, user=technician, holder=other_holder)
    acrobat.seats = 1
    with pytest.raises(ValidationError) as refused:
        services.licence_save(licence=acrobat, user=technician)
    assert "seats" in refused.value.message_dict
    backwards = Licence(name="X", seats=1, starts_on=TODAY, expires_on=TODAY - timedelta(days=1))
    with pytest.raises(ValidationError):
        services.licence_save(licence=backwards, user=technician)
    assert Licence.objects.get(pk=acrobat.pk).seats == 2 and Licence.objects.count() == 1


def test_the_team_is_warned_once_of_an_expiry_within_60_days(technician, acrobat):
    Licence.objects.create(name="Loin", seats=1, expires_on=TODAY + timedelta(days=61))
    Licence.objects.create(name="Perpétuelle", seats=1)
    assert reminders.send_expiry_alerts(TODAY, print) == "1 licence expiry alerts sent"
    notification = Notification.objects.get(key=reminders.KEY)
    assert notification.recipient == technician and "Adobe Acrobat Pro" in notification.title
    assert len(mail.outbox) <= 1
    assert reminders.send_expiry_alerts(TODAY, print) == "0 licence expiry alerts sent"
    # Renewed to a new date: warned again when that one comes near.
    acrobat.refresh_from_db()
    acrobat.expires_on = TODAY + timedelta(days=50)
    services.licence_save(licence=acrobat, user=technician)
    assert reminders.send_expiry_alerts(TODAY, print) == "1 licence expiry alerts sent"


def test_the_licence_pages(make_client, technician, holder, acrobat):
    client = make_client(technician)
    for url in (
        reverse("inventaire:licence_list"),
        reverse("inventaire:licence_create"),
        reverse("inventaire:licence_detail", args=[acrobat.pk]),
        reverse("inventaire:licence_edit", args=[acrobat.pk]),
        reverse("inventaire:licence_history", args=[acrobat.pk]),
    ):
        assert client.get(url).status_code == 200, url
    response = client.post(reverse("inventaire:seat_assign", args=[acrobat.pk]), {"holder": holder.pk})
    assert response["Location"] == acrobat.get_absolute_url()
    seat = Seat.objects.get()
    client.post(reverse("inventaire:seat_release", args=[acrobat.pk, seat.pk]))
    assert Seat.objects.get().released_on == TODAY


def test_a_seat_to_an_unknown_tag_answers_422_on_the_licence_page(make_client, technician, acrobat):
    response = make_client(technician).post(
        reverse("inventaire:seat_assign", args=[acrobat.pk]), {"asset_tag": "NOPE-1"}
    )
    assert response.status_code == 422
    assert "Aucun actif ne porte cette étiquette." in response.text
    assert not Seat.objects.exists()


@pytest.mark.parametrize("who", ["staff_user", "staff_without_role", "partner_user", "other_partner_user"])
def test_the_licences_are_for_the_role(make_client, request, holder, acrobat, who):
    client = make_client(request.getfixturevalue(who))
    assert client.get(reverse("inventaire:licence_list")).status_code == 403
    assert client.get(reverse("inventaire:licence_detail", args=[acrobat.pk])).status_code == 403
    assert client.post(reverse("inventaire:seat_assign", args=[acrobat.pk]), {"holder": holder.pk}).status_code == 403
    assert not Seat.objects.exists()


def test_the_licence_list_costs_the_same_with_10_and_100(assert_constant_queries, make_client, technician):
    assert_constant_queries(
        "inventaire:licence_list",
        make_client(technician),
        reverse("inventaire:licence_list"),
        up_to(lambda n: Licence.objects.bulk_create([Licence(name=f"Logiciel {i}", seats=5) for i in range(n)])),
    )


def test_a_licence_page_costs_the_same_with_10_and_100_seats(assert_constant_queries, make_client, technician):
    licence = Licence.objects.create(name="Microsoft 365", seats=500)

    def seats(count):
        for _ in range(count):
            Seat.objects.create(licence=licence, holder=UserFactory(), assigned_on=TODAY, assigned_by=technician)

    url = reverse("inventaire:licence_detail", args=[licence.pk])
    assert_constant_queries("inventaire:licence_detail", make_client(technician), url, up_to(seats), per_page=False)


def test_the_licence_history_query_count(assert_query_count, make_client, technician, acrobat):
    client = make_client(technician)
    url = reverse("inventaire:licence_history", args=[acrobat.pk])
    client.get(url)
    with assert_query_count("inventaire:licence_history"):
        assert client.get(url).status_code == 200


def test_the_global_search_finds_a_licence_for_the_role_only(make_client, technician, staff_user, acrobat):
    url = reverse("core:search_group", args=["inventaire.licences"])
    found = make_client(technician).get(url, {"q": "acrobat"})
    assert acrobat.get_absolute_url() in found.text
    refused = make_client(staff_user).get(url, {"q": "acrobat"})
    assert refused.status_code in (403, 404) and acrobat.get_absolute_url() not in refused.text
