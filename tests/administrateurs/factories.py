"""Factories of the administrators' bank."""

import datetime

import factory

from administrateurs.choices import CandidacyStatus, MeetingKind, ObligationKind, Region
from administrateurs.models import (
    AllowanceRate,
    AppointmentDecision,
    Attendance,
    Body,
    Candidate,
    Meeting,
    Obligation,
    Seat,
    Term,
    TrainingSession,
)
from opq_intranet.core.models import ProfessionalOrder
from tests.factories import UserFactory


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    first_name = factory.Faker("first_name", locale="fr_CA")
    last_name = factory.Faker("last_name", locale="fr_CA")
    email = factory.LazyAttribute(lambda c: f"{c.last_name.lower()}@example.qc.ca")
    region = Region.CAPITALE_NATIONALE
    expertise = "comptabilité, gouvernance"
    received_on = datetime.date(2026, 9, 1)
    consent_on = datetime.date(2026, 9, 1)
    created_by = factory.SubFactory(UserFactory)


class BodyFactory(factory.django.DjangoModelFactory):
    """An order's board of 12 with 4 seats the Office fills (seats created with it)."""

    class Meta:
        model = Body
        skip_postgeneration_save = True

    # An order without a body yet, read when the body is made (a transactional test's flush
    # re-creates the orders with new ids: nothing may be kept from an earlier test).
    order = factory.LazyFunction(
        lambda: ProfessionalOrder.objects.exclude(pk__in=Body.objects.values("order")).order_by("pk").first()
    )
    name = factory.LazyAttribute(lambda b: f"Conseil d’administration · {b.order.name}")
    size = 12
    office_seats = 4
    term_years = 4

    @factory.post_generation
    def with_seats(body, create, extracted, **kwargs):
        if create and extracted is not False:
            Seat.objects.bulk_create([Seat(body=body, number=n) for n in range(1, body.office_seats + 1)])


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppointmentDecision

    decided_on = datetime.date(2024, 3, 1)
    resolution_number = factory.Sequence(lambda n: f"OPQ-{n:04d}")


class TermFactory(factory.django.DjangoModelFactory):
    """A term written directly (the services' checks are tested on their own)."""

    class Meta:
        model = Term

    seat = factory.LazyFunction(lambda: BodyFactory().seats.first())
    candidate = factory.SubFactory(CandidateFactory, status=CandidacyStatus.APPOINTED)
    decision = factory.SubFactory(DecisionFactory)
    starts_on = datetime.date(2024, 4, 1)
    ends_on = factory.LazyAttribute(
        lambda t: t.starts_on.replace(year=t.starts_on.year + 4) - datetime.timedelta(days=1)
    )


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    held_on = datetime.date(2026, 10, 15)
    hours = 3


# --- obligations, training sessions, attendance, allowance rates ---------------------


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    title = "Gouvernance et éthique"
    held_on = datetime.date(2026, 5, 20)
    place = "Québec, 800 place D’Youville"


class ObligationFactory(factory.django.DjangoModelFactory):
    """An obligation still owed (written directly, as term_appoint opens them)."""

    class Meta:
        model = Obligation

    term = factory.SubFactory(TermFactory)
    kind = ObligationKind.TRAINING
    due_on = factory.LazyAttribute(lambda o: o.term.starts_on + datetime.timedelta(days=60))


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    term = factory.SubFactory(TermFactory)
    present = True


class AllowanceRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AllowanceRate

    meeting_kind = MeetingKind.REGULAR
    min_hours = 0
    amount = 200
    valid_from = datetime.date(2025, 4, 1)
