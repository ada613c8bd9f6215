"""Factories of the exchange spaces. A file with real content goes through the service
(`stored_pdf`), so that its type, SHA-256 and quota are what production would record."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.exchange import services
from documents.exchange.models import ExchangeSpace, Folder, SpaceMember
from opq_intranet.core.models import OrgUnit, PartnerOrganisation
from tests.documents.samples import pdf_bytes
from tests.factories import order


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    name = factory.Sequence(lambda n: f"Organisme partenaire {n}")


class ExchangeSpaceFactory(factory.django.DjangoModelFactory):
    """A space with the nurses' order, owned by the legal affairs unit (daj), by default."""

    class Meta:
        model = ExchangeSpace

    name = factory.Sequence(lambda n: f"Échanges {n}")
    professional_order = factory.LazyFunction(order)
    organisation = None
    owner_unit = factory.LazyFunction(lambda: OrgUnit.objects.get(code="daj"))


class FolderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Folder

    space = factory.SubFactory(ExchangeSpaceFactory)
    name = factory.Sequence(lambda n: f"Dossier {n}")


class SpaceMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpaceMember


def pdf_upload(name="piece.pdf", text="Pièce échangée"):
    return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")


def stored_pdf(*, space, user, folder=None, name="piece.pdf", text="Pièce échangée"):
    """A real PDF stored in the space by `user` (a read-write member): its FileVersion."""
    return services.file_store(space=space, folder=folder, uploaded=pdf_upload(name, text), user=user)
