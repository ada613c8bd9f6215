"""Factories of the mail app: contacts, mail items as the mail room registers them, mandates."""

import datetime

import factory

from courrier.choices import Direction, MailStatus, MailType
from courrier.models import (
    AccessRequest,
    Contact,
    MailAttachment,
    MailItem,
    Mandate,
    MandateNote,
    ReviewRequest,
    RoutingEvent,
)
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.models import OrgUnit
from tests.factories import PrivateFileFactory, UserFactory


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


class MailAttachmentFactory(factory.django.DjangoModelFactory):
    """A scan of an item, its file described but not written."""

    class Meta:
        model = MailAttachment

    mail_item = factory.SubFactory(MailItemFactory)
    stored_file = factory.SubFactory(PrivateFileFactory, owner=factory.SelfAttribute("..mail_item"))
    added_by = factory.SelfAttribute("mail_item.registered_by")


class RoutingEventFactory(factory.django.DjangoModelFactory):
    """A step of an item's trail, to the legal unit."""

    class Meta:
        model = RoutingEvent

    mail_item = factory.SubFactory(MailItemFactory)
    to_unit = factory.LazyFunction(lambda: OrgUnit.objects.get(code="daj"))
    by = factory.SelfAttribute("mail_item.registered_by")
    note = "Pour traitement"


class AccessRequestFactory(factory.django.DjangoModelFactory):
    """An open access request, as the person responsible for access opens it on an item."""

    class Meta:
        model = AccessRequest

    reference = factory.Sequence(lambda n: f"DA2026-{n + 1:05d}")
    mail_item = factory.SubFactory(
        MailItemFactory, mail_type=MailType.ACCESS_REQUEST, confidentiality=ConfidentialityLevel.PERSONAL
    )
    received_on = factory.SelfAttribute("mail_item.received_on")
    documents_requested = factory.Sequence(lambda n: f"Copie du rapport d'inspection {n}")
    deadline = datetime.date(2026, 3, 23)
    handled_by = factory.SubFactory(UserFactory)


class ReviewRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewRequest

    access_request = factory.SubFactory(AccessRequestFactory)
    received_on = datetime.date(2026, 4, 20)
    commission_reference = factory.Sequence(lambda n: f"CAI-{n + 1:06d}")
    recorded_by = factory.SelfAttribute("access_request.handled_by")


class MandateNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MandateNote

    mandate = factory.SubFactory(MandateFactory)
    text = factory.Sequence(lambda n: f"Suivi {n} : avis demandé au contentieux.")
    author = factory.SelfAttribute("mandate.lead")
