"""Factories of the disciplinary cases: councils, chairs, members, cases with their counts."""

import datetime

import factory

from discipline.choices import CaseStatus, ComplainantKind
from discipline.models import Case, Chair, ChairUnavailability, Council, CouncilMember, Count
from tests.factories import UserFactory, order

ORDER_CODES = ["infirmieres", "medecins", "pharmaciens", "ingenieurs", "notaires", "dentistes", "psychologues"]


class CouncilFactory(factory.django.DjangoModelFactory):
    """The council of an order (the nurses' by default), numbered 26, 27…"""

    class Meta:
        model = Council
        django_get_or_create = ("order",)

    order = factory.LazyFunction(order)
    number = factory.Sequence(lambda n: 20 + n)
    secretary_name = "Me Hélène Tremblay"
    secretary_email = "secretariat@example.qc.ca"


class ChairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chair

    first_name = factory.Faker("first_name", locale="fr_CA")
    last_name = factory.Faker("last_name", locale="fr_CA")
    email = factory.LazyAttribute(lambda c: f"{c.last_name.lower()}@bpcd.example.qc.ca")


class UnavailabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChairUnavailability

    chair = factory.SubFactory(ChairFactory)
    starts_on = datetime.date(2026, 7, 6)
    ends_on = datetime.date(2026, 7, 17)
    reason = "Vacances"


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMember

    council = factory.SubFactory(CouncilFactory)
    first_name = factory.Faker("first_name", locale="fr_CA")
    last_name = factory.Faker("last_name", locale="fr_CA")
    title = "inf."


class CaseFactory(factory.django.DjangoModelFactory):
    """A case as a clerk opens it, with one count (`counts=3` for more), numbered 26-26-90001…"""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    council = factory.SubFactory(CouncilFactory)
    # Apart from the numbers the service gives (26-26-00001…), so that both mix in a test.
    number = factory.Sequence(lambda n: f"26-26-{n + 90001:05d}")
    filed_on = datetime.date(2026, 3, 2)
    complainant_kind = ComplainantKind.SYNDIC
    complainant_name = "Julie Bouchard, syndique"
    respondent_name = factory.Faker("name", locale="fr_CA")
    respondent_permit = factory.Sequence(lambda n: f"{100000 + n}")
    status = CaseStatus.FILED
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def counts(self, create, extracted, **kwargs):
        if create:
            for n in range(1, (extracted or 1) + 1):
                Count.objects.create(
                    case=self,
                    number=n,
                    description=f"A manqué à ses obligations ({n}).",
                    provisions="art. 59.2 C.prof.",
                )
