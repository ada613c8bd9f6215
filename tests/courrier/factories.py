"""Factories of the mail app: contacts, mail items as the mail room registers them, mandates."""

import datetime

import factory

from courrier.choices import Direction, MailStatus
from courrier.models import Contact, MailItem, Mandate
from opq_intranet.core.models import OrgUnit
from tests.factories import UserFactory


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    name = factory.Faker("name", locale="fr_CA")
    email = factory.Faker("email", locale="fr_CA")


class MailItemFactory(factory.django.DjangoModelFactory):
    """An incoming item, numbered in sequence (E2026-00001…), registered by a mail clerk."""

    class Meta:
        model = MailItem

    reference = factory.Sequence(lambda n: f"E2026-{n + 1:05d}")
    direction = Direction.INCOMING
    received_on = datetime.date(2026, 3, 2)
    contact = factory.SubFactory(ContactFactory)
    subject = factory.Sequence(lambda n: f"Demande de renseignements {n}")
    status = MailStatus.REGISTERED
    registered_by = factory.SubFactory(UserFactory)


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"M2026-{n + 1:05d}")
    title = factory.Sequence(lambda n: f"Analyse du projet de règlement {n}")
    requester = factory.SubFactory(UserFactory)
    lead = factory.SubFactory(UserFactory)
    org_unit = factory.LazyFunction(lambda: OrgUnit.objects.get(code="daj"))
    due_on = datetime.date(2026, 12, 15)
    created_by = factory.SelfAttribute("requester")
