"""Factories for the test data. Orders, sites and units come from the data migration."""

import factory
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from opq_intranet.accounts.models import User, UserKind
from opq_intranet.core.models import OfficeClosure, OrgUnit, PrivateFile, ProfessionalOrder, Site

PASSWORD = "motdepasse-de-test-2026"


def order(code="infirmieres"):
    return ProfessionalOrder.objects.get(code=code)


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"site-{n}")
    name = factory.Sequence(lambda n: f"Site {n}")
    address = "1, rue Principale, Québec"


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    code = factory.Sequence(lambda n: f"unite-{n}")
    name = factory.Sequence(lambda n: f"Direction {n}")


class OfficeClosureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeClosure

    label = "Fermeture"


class UserFactory(factory.django.DjangoModelFactory):
    """A staff member; `roles=[Role.MAIL, ...]` puts them in those groups."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"personne{n}")
    first_name = factory.Faker("first_name", locale="fr_CA")
    last_name = factory.Faker("last_name", locale="fr_CA")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.qc.ca")
    kind = UserKind.STAFF
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=[str(r) for r in extracted]))
        if create:
            self.save()


class PartnerFactory(UserFactory):
    kind = UserKind.PARTNER
    professional_order = factory.LazyFunction(order)


class PrivateFileFactory(factory.django.DjangoModelFactory):
    """A stored file's description, without content: pages show its name, size and date.

    `owner` is the object it belongs to (who may read it follows from that)."""

    class Meta:
        model = PrivateFile
        exclude = ("owner",)

    owner = None
    content = factory.Sequence(lambda n: f"tests/sans-contenu-{n}.pdf")
    original_name = factory.Sequence(lambda n: f"piece-{n}.pdf")
    mime_type = "application/pdf"
    size = 20480
    sha256 = "0" * 64
    uploaded_at = factory.LazyFunction(timezone.now)
    owner_type = factory.LazyAttribute(lambda f: ContentType.objects.get_for_model(f.owner or User))
    owner_id = factory.LazyAttribute(lambda f: str(f.owner.pk) if f.owner else "0")
