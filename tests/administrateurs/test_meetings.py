"""Meetings and their attendance: the grid holds every Office appointee sitting on the body on
the meeting's day, is saved in one POST all or nothing, refuses in French (hours attended
required when late or leaving early, more than none, within the meeting; nobody outside those
terms); the allowance rate table refuses duplicates and negative amounts; each page for each
kind of user, 422 with nothing changed, constant query counts."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from administrateurs import services
from administrateurs.choices import MeetingKind
from administrateurs.models import AllowanceRate, Attendance, Meeting
from opq_intranet.accounts.roles import Role
from tests.administrateurs.factories import (
    AllowanceRateFactory,
    AttendanceFactory,
    BodyFactory,
    CandidateFactory,
    MeetingFactory,
    TermFactory,
)
from tests.factories import UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
HELD_ON = date(2026, 10, 15)


@pytest.fixture
def officer(db):
    return UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS], first_name="Isabelle", last_name="Leblanc")


@pytest.fixture
def body(db):
    return BodyFactory(name="Conseil d’administration de l’Ordre des acupuncteurs")


def sitting(body, number, last_name, **fields):
    candidate = CandidateFactory(first_name="Marie", last_name=last_name, status="appointed")
    return TermFactory(seat=body.seats.get(number=number), candidate=candidate, **fields)


@pytest.fixture
def terms(body):
    """Three appointees sitting on the meeting's day, one whose term ended before it."""
    return {
        "bouchard": sitting(body, 1, "Bouchard"),
        "gagnon": sitting(body, 2, "Gagnon"),
        "roy": sitting(body, 3, "Roy"),
        "ended": sitting(body, 4, "Lavoie", ended_on=date(2026, 9, 30)),
    }


@pytest.fixture
def meeting(body, terms):
    return MeetingFactory(body=body, held_on=HELD_ON, hours=Decimal("3.00"))


def row(term, present=True, late=False, early=False, hours=None):
    return {"term": term.pk, "present": present, "arrived_late": late, "left_early": early, "hours_attended": hours}


def grid_post(*rows):
    """The grid's POST: a `term` per row and its checked boxes."""
    data = {"term": [str(r["term"]) for r in rows]}
    for r in rows:
        pk = r["term"]
        if r["present"]:
            data[f"present_{pk}"] = "on"
        if r["arrived_late"]:
            data[f"late_{pk}"] = "on"
        if r["left_early"]:
            data[f"early_{pk}"] = "on"
        data[f"hours_{pk}"] = "" if r["hours_attended"] is None else str(r["hours_attended"])
    return data


def recorded():
    fields = ("meeting_id", "term_id", "present", "arrived_late", "left_early", "hours_attended")
    return sorted(Attendance.objects.values_list(*fields))


# --- The grid ---------------------------------------------------------------------------------


def test_the_grid_holds_the_appointees_sitting_on_the_day(make_client, officer, meeting, terms):
    sitting(BodyFactory(), 1, "Ailleurs")  # another body's appointee
    response = make_client(officer).get(meeting.get_absolute_url())
    assert response.status_code == 200
    rows = response.context["grid_form"].rows
    assert [r.term for r in rows] == [terms["bouchard"], terms["gagnon"], terms["roy"]]
    assert "Lavoie" not in response.text and "Ailleurs" not in response.text
    assert all(r.present.value() for r in rows)  # nothing recorded yet: present unless unticked


def test_the_grid_is_saved_in_one_post(make_client, officer, meeting, terms):
    bouchard, gagnon, roy = terms["bouchard"], terms["gagnon"], terms["roy"]
    client = make_client(officer)
    url = reverse("administrateurs:meeting_attendance", args=[meeting.pk])
    response = client.post(url, grid_post(row(bouchard), row(gagnon, late=True, hours="2.5"), row(roy, present=False)))
    assert response["Location"] == meeting.get_absolute_url()
    assert recorded() == [
        (meeting.pk, bouchard.pk, True, False, False, None),
        (meeting.pk, gagnon.pk, True, True, False, Decimal("2.50")),
        (meeting.pk, roy.pk, False, False, False, None),
    ]
    # Corrected: the same rows change, none is added.
    client.post(url, grid_post(row(bouchard, early=True, hours="1"), row(gagnon), row(roy)))
    assert recorded() == [
        (meeting.pk, bouchard.pk, True, False, True, Decimal("1.00")),
        (meeting.pk, gagnon.pk, True, False, False, None),
        (meeting.pk, roy.pk, True, False, False, None),
    ]
    page = client.get(meeting.get_absolute_url())
    assert [r.present.value() for r in page.context["grid_form"].rows] == [True, True, True]


def test_one_refused_row_refuses_the_whole_grid_in_422(make_client, officer, meeting, terms):
    AttendanceFactory(meeting=meeting, term=terms["roy"], present=False)
    before = recorded()
    response = make_client(officer).post(
        reverse("administrateurs:meeting_attendance", args=[meeting.pk]),
        grid_post(row(terms["bouchard"]), row(terms["gagnon"], early=True), row(terms["roy"])),
    )
    assert response.status_code == 422
    assert "Marie Gagnon\u00a0: arrivée en retard ou départ hâtif, indiquez les heures de présence." in response.text
    assert recorded() == before
    # The page shows the grid as it was posted, to correct it.
    assert [r.left_early.value() for r in response.context["grid_form"].rows] == [False, True, False]


def test_a_grid_naming_someone_outside_the_terms_answers_422(make_client, officer, meeting, terms):
    other = sitting(BodyFactory(), 1, "Ailleurs")
    response = make_client(officer).post(
        reverse("administrateurs:meeting_attendance", args=[meeting.pk]),
        grid_post(row(terms["bouchard"]), row(other)),
    )
    assert response.status_code == 422 and "Ailleurs" not in response.text
    assert f"Le mandat nº {other.pk}" in response.text
    assert recorded() == []
    bad = make_client(officer).post(
        reverse("administrateurs:meeting_attendance", args=[meeting.pk]), {"term": ["abc"], "present_abc": "on"}
    )
    assert bad.status_code == 422 and recorded() == []


@pytest.mark.parametrize(
    ("who", "values", "message"),
    [
        ("gagnon", {"late": True}, "Marie Gagnon\u00a0: arrivée en retard ou départ hâtif, indiquez les heures"),
        (
            "gagnon",
            {"early": True, "hours": Decimal("0")},
            "Marie Gagnon\u00a0: les heures de présence doivent dépasser",
        ),
        ("gagnon", {"late": True, "hours": Decimal("3.5")}, "3,5 h de présence, plus que les 3 h de la réunion"),
        ("gagnon", {"present": False, "late": True}, "Marie Gagnon\u00a0: absence notée"),
        ("ended", {}, "n’était pas en cours"),
        ("other", {}, "n’était pas en cours"),
    ],
)
def test_each_refusal_in_french_changes_nothing(officer, meeting, terms, who, values, message):
    AttendanceFactory(meeting=meeting, term=terms["roy"])
    term = sitting(BodyFactory(), 1, "Ailleurs") if who == "other" else terms[who]
    before = recorded()
    with pytest.raises(ValidationError) as refused:
        services.attendance_record(
            meeting=meeting, user=officer, rows=[row(terms["bouchard"]), row(term, **values), row(terms["roy"])]
        )
    assert any(message in text for text in refused.value.messages), refused.value.messages
    assert recorded() == before


def test_a_future_meeting_a_row_given_twice_and_another_role_are_refused(officer, staff_user, body, terms):
    future = MeetingFactory(body=body, held_on=TODAY + timedelta(days=3))
    with pytest.raises(ValidationError, match="n’a pas encore eu lieu"):
        services.attendance_record(meeting=future, user=officer, rows=[row(terms["bouchard"])])
    meeting = MeetingFactory(body=body, held_on=HELD_ON)
    with pytest.raises(ValidationError, match="donnée deux fois"):
        services.attendance_record(meeting=meeting, user=officer, rows=[row(terms["bouchard"]), row(terms["bouchard"])])
    with pytest.raises(PermissionDenied):
        services.attendance_record(meeting=meeting, user=staff_user, rows=[row(terms["bouchard"])])
    assert recorded() == []


def test_the_hours_attended_are_cleared_when_neither_late_nor_early(officer, meeting, terms):
    services.attendance_record(meeting=meeting, user=officer, rows=[row(terms["bouchard"], hours=Decimal("2"))])
    assert recorded() == [(meeting.pk, terms["bouchard"].pk, True, False, False, None)]


# --- The meeting ------------------------------------------------------------------------------


def meeting_data(meeting, **fields):
    values = {"body": meeting.body_id, "kind": meeting.kind, "held_on": meeting.held_on.isoformat(), "hours": "3"}
    values.update(fields)
    return values


def meetings_state():
    return sorted(Meeting.objects.values_list("pk", "body_id", "kind", "held_on", "hours"))


def test_a_meeting_is_added_and_corrected(make_client, officer, body):
    client = make_client(officer)
    response = client.post(
        reverse("administrateurs:meeting_create"),
        {"body": body.pk, "kind": MeetingKind.SPECIAL, "held_on": "2026-11-05", "hours": "2.5"},
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert (meeting.kind, meeting.held_on, meeting.hours) == (MeetingKind.SPECIAL, date(2026, 11, 5), Decimal("2.50"))
    client.post(reverse("administrateurs:meeting_edit", args=[meeting.pk]), meeting_data(meeting, hours="4"))
    assert Meeting.objects.get().hours == Decimal("4.00")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"hours": "0"}, "hours", "doit dépasser zéro heure"),
        ({"body": "other"}, "body", "son instance ne peut pas changer"),
        ({"held_on": "2026-09-20"}, "held_on", "Ne siégeaient pas à cette instance le 2026-09-20\u00a0: Marie Gagnon"),
        ({"hours": "1.5"}, "hours", "plus longue que 1,5 h\u00a0: Marie Bouchard"),
        ({"held_on": "2026-13-45"}, "held_on", "Saisissez une date valide."),
    ],
)
def test_a_meeting_with_recorded_attendance_keeps_it_true(make_client, officer, meeting, terms, fields, field, message):
    AttendanceFactory(meeting=meeting, term=terms["bouchard"], left_early=True, hours_attended=2)
    AttendanceFactory(meeting=meeting, term=terms["gagnon"])
    terms["gagnon"].starts_on = date(2026, 10, 1)  # appointed after the new date
    terms["gagnon"].save()
    if fields.get("body") == "other":
        fields = {"body": BodyFactory().pk}
    before = meetings_state()
    response = make_client(officer).post(
        reverse("administrateurs:meeting_edit", args=[meeting.pk]), meeting_data(meeting, **fields)
    )
    assert response.status_code == 422
    assert any(message in error for error in response.context["form"].errors[field]), response.context["form"].errors
    assert meetings_state() == before


def test_the_list_filters_by_body_kind_and_year(make_client, officer, body):
    mine = MeetingFactory(body=body, held_on=date(2026, 3, 12))
    special = MeetingFactory(body=body, kind=MeetingKind.SPECIAL, held_on=date(2025, 11, 20))
    elsewhere = MeetingFactory(held_on=date(2026, 5, 1))
    client = make_client(officer)

    def shown(**query):
        response = client.get(reverse("administrateurs:meeting_list"), query)
        assert response.status_code == 200
        return {m.pk for m in response.context["page"].object_list}

    assert shown() == {mine.pk, special.pk, elsewhere.pk}
    assert shown(body=body.pk) == {mine.pk, special.pk}
    assert shown(kind="special") == {special.pk}
    assert shown(year=2026) == {mine.pk, elsewhere.pk}
    export = client.get(reverse("administrateurs:meeting_list"), {"export": "csv", "body": body.pk})
    text = b"".join(export.streaming_content).decode()
    assert "2026-03-12" in text and "Réunion extraordinaire" in text and "2026-05-01" not in text


# --- Allowance rates --------------------------------------------------------------------------


def rates_state():
    return sorted(AllowanceRate.objects.values_list("pk", "meeting_kind", "min_hours", "amount", "valid_from"))


def test_a_rate_is_added_and_corrected(make_client, officer):
    client = make_client(officer)
    data = {"meeting_kind": "regular", "min_hours": "4", "amount": "350", "valid_from": "2025-04-01"}
    response = client.post(reverse("administrateurs:rate_create"), data)
    rate = AllowanceRate.objects.get()
    assert response["Location"] == rate.get_absolute_url()
    client.post(reverse("administrateurs:rate_edit", args=[rate.pk]), {**data, "amount": "360"})
    assert AllowanceRate.objects.get().amount == Decimal("360.00")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": "-1"}, "Le montant ne peut pas être négatif."),
        ({"min_hours": "-2"}, "Les heures ne peuvent pas être négatives."),
        ({"valid_from": "2025-04-01"}, "La table a déjà un taux pour ce type de réunion à partir de 4 h"),
        ({"amount": ""}, "Ce champ est obligatoire."),
    ],
)
def test_a_refused_rate_answers_422_and_changes_nothing(make_client, officer, fields, message):
    AllowanceRateFactory(min_hours=4, amount=350, valid_from=date(2025, 4, 1))
    before = rates_state()
    data = {"meeting_kind": "regular", "min_hours": "4", "amount": "380", "valid_from": "2026-04-01", **fields}
    response = make_client(officer).post(reverse("administrateurs:rate_create"), data)
    assert response.status_code == 422
    assert message in response.text
    assert rates_state() == before


def test_the_service_refuses_a_duplicate_rate_and_a_negative_amount(officer):
    AllowanceRateFactory(min_hours=4, amount=350, valid_from=date(2025, 4, 1))
    duplicate = AllowanceRate(meeting_kind="regular", min_hours=4, amount=360, valid_from=date(2025, 4, 1))
    with pytest.raises(ValidationError, match="déjà un taux"):
        services.rate_save(rate=duplicate, user=officer)
    negative = AllowanceRate(meeting_kind="special", min_hours=0, amount=-5, valid_from=date(2025, 4, 1))
    with pytest.raises(ValidationError, match="négatif"):
        services.rate_save(rate=negative, user=officer)
    assert AllowanceRate.objects.count() == 1


# --- Pages for each kind of user ----------------------------------------------------------------


def pages(meeting, rate):
    return {
        "list": reverse("administrateurs:meeting_list"),
        "create": reverse("administrateurs:meeting_create"),
        "detail": reverse("administrateurs:meeting_detail", args=[meeting.pk]),
        "edit": reverse("administrateurs:meeting_edit", args=[meeting.pk]),
        "history": reverse("administrateurs:meeting_history", args=[meeting.pk]),
        "rates": reverse("administrateurs:rate_list"),
        "rate_create": reverse("administrateurs:rate_create"),
        "rate": reverse("administrateurs:rate_detail", args=[rate.pk]),
        "rate_edit": reverse("administrateurs:rate_edit", args=[rate.pk]),
        "rate_history": reverse("administrateurs:rate_history", args=[rate.pk]),
    }


@pytest.fixture
def rate(db):
    return AllowanceRateFactory()


def test_anonymous_is_sent_to_sign_in(client, meeting, rate):
    urls = [*pages(meeting, rate).values(), reverse("administrateurs:meeting_attendance", args=[meeting.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), url


@pytest.mark.parametrize("who", ["staff_user", "staff_without_role", "partner_user"])
def test_other_staff_and_partners_get_403(make_client, request, meeting, terms, rate, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in pages(meeting, rate).items():
        assert client.get(url).status_code == 403, name
    attendance = reverse("administrateurs:meeting_attendance", args=[meeting.pk])
    assert client.post(attendance, grid_post(row(terms["bouchard"]))).status_code == 403
    assert client.post(pages(meeting, rate)["rate_edit"], {"amount": "1"}).status_code == 403
    assert recorded() == [] and AllowanceRate.objects.get().amount == Decimal("200.00")


def test_the_role_reaches_every_page_and_a_missing_id_is_404(make_client, officer, meeting, rate):
    client = make_client(officer)
    for name, url in pages(meeting, rate).items():
        assert client.get(url).status_code == 200, name
    assert client.get(reverse("administrateurs:meeting_attendance", args=[meeting.pk])).status_code == 405
    for name in ("meeting_detail", "meeting_edit", "meeting_history", "rate_detail", "rate_edit", "rate_history"):
        assert client.get(reverse(f"administrateurs:{name}", args=[999_999])).status_code == 404, name
    assert client.post(reverse("administrateurs:meeting_attendance", args=[999_999])).status_code == 404


# --- Query counts -----------------------------------------------------------------------------


def test_the_lists_cost_the_same_with_10_and_100(assert_constant_queries, make_client, officer, body):
    client = make_client(officer)
    assert_constant_queries(
        "administrateurs:meeting_list",
        client,
        reverse("administrateurs:meeting_list"),
        up_to(lambda n: MeetingFactory.create_batch(n, body=body)),
    )

    def rates(count):
        start = AllowanceRate.objects.count()
        AllowanceRate.objects.bulk_create(
            AllowanceRate(meeting_kind="regular", min_hours=n, amount=100 + n, valid_from=date(2025, 4, 1))
            for n in range(start, start + count)
        )

    assert_constant_queries("administrateurs:rate_list", client, reverse("administrateurs:rate_list"), up_to(rates))


def test_the_meeting_page_costs_the_same_for_a_full_grid(assert_constant_queries, make_client, officer, terms):
    big = BodyFactory(office_seats=12, size=12)
    meeting = MeetingFactory(body=big, held_on=HELD_ON)
    AllowanceRateFactory()

    def appointees(count):
        for n in range(count):
            term = TermFactory(seat=big.seats.get(number=n % 12 + 1))
            AttendanceFactory(meeting=meeting, term=term)

    assert_constant_queries(
        "administrateurs:meeting_detail", make_client(officer), meeting.get_absolute_url(), up_to(appointees)
    )


@pytest.mark.parametrize(
    "name",
    ["administrateurs:meeting_history", "administrateurs:rate_detail", "administrateurs:rate_history"],
)
def test_the_pages_query_counts(assert_query_count, make_client, officer, meeting, rate, name):
    client = make_client(officer)
    url = reverse(name, args=[meeting.pk if "meeting" in name else rate.pk])
    client.get(url)
    with assert_query_count(name):
        assert client.get(url).status_code == 200
