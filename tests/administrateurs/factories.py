"""Factories of the administrators' bank."""

import datetime

import factory

from administrateurs.choices import Region
from administrateurs.models import Candidate
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
