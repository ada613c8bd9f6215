"""Factories of records management: rules with their copy rules, classes placed in the tree."""

import datetime

import factory

from documents.choices import CopyKind, FinalDisposal, Medium, PeriodBasis
from documents.models import CopyRule, RecordClass, RecordFile, RetentionRule
from documents.models.plan import PATH_SEPARATOR
from documents.services.files import file_schedule_refresh
from opq_intranet.core.models import OrgUnit
from tests.factories import UserFactory


class RetentionRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RetentionRule

    number = factory.Sequence(lambda n: f"R-{n:04d}")
    title = factory.Sequence(lambda n: f"Dossiers de gestion {n}")


class CopyRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CopyRule

    rule = factory.SubFactory(RetentionRuleFactory)
    copy_kind = CopyKind.PRINCIPAL
    medium = Medium.PAPER
    active_period = 2
    active_basis = PeriodBasis.CLOSING
    semi_active_period = 5
    final_disposal = FinalDisposal.DESTRUCTION


class RecordClassFactory(factory.django.DjangoModelFactory):
    """A class with its path set as the service sets it."""

    class Meta:
        model = RecordClass

    code = factory.Sequence(lambda n: f"{1000 + n}")
    title = factory.Sequence(lambda n: f"Classe {n}")
    parent = None

    @factory.lazy_attribute
    def path(self):
        return f"{self.parent.path}{PATH_SEPARATOR}{self.code}" if self.parent else self.code

    @factory.lazy_attribute
    def depth(self):
        return self.parent.depth + 1 if self.parent else 0


class RecordFileFactory(factory.django.DjangoModelFactory):
    """A file as the service opens it: numbered, dated by its class's rule."""

    class Meta:
        model = RecordFile
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"D2026-{n + 1:05d}")
    title = factory.Sequence(lambda n: f"Dossier {n}")
    record_class = factory.SubFactory(RecordClassFactory)
    org_unit = factory.LazyFunction(lambda: OrgUnit.objects.get(code="daj"))
    opened_on = datetime.date(2024, 2, 1)
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def schedule(self, create, extracted, **kwargs):
        file_schedule_refresh(self)
        if create:
            self.save()
