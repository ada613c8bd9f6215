"""Factories of records management: rules with their copy rules, classes placed in the tree."""

import datetime

import factory

from documents.choices import CopyKind, FileMedium, FinalDisposal, Medium, PeriodBasis
from documents.models import (
    Box,
    CopyRule,
    DispositionList,
    LegalHold,
    PaperLoan,
    Record,
    RecordClass,
    RecordFile,
    RecordVersion,
    RetentionRule,
    StorageSpace,
)
from documents.models.plan import PATH_SEPARATOR
from documents.services.files import file_schedule_refresh
from opq_intranet.core.models import OrgUnit, Site
from tests.factories import PrivateFileFactory, UserFactory


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


class RecordFactory(factory.django.DjangoModelFactory):
    """A digital record of a file, without a version (RecordVersionFactory adds them)."""

    class Meta:
        model = Record

    record_file = factory.SubFactory(RecordFileFactory)
    title = factory.Sequence(lambda n: f"Avis juridique {n}")
    record_date = datetime.date(2024, 3, 1)
    created_by = factory.SelfAttribute("record_file.created_by")


class RecordVersionFactory(factory.django.DjangoModelFactory):
    """A version of a record, numbered in sequence, its file described but not written."""

    class Meta:
        model = RecordVersion

    record = factory.SubFactory(RecordFactory)
    number = factory.Sequence(lambda n: n + 1)
    stored_file = factory.SubFactory(PrivateFileFactory, owner=factory.SelfAttribute("..record"))
    created_by = factory.SelfAttribute("record.created_by")


class StorageSpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StorageSpace

    code = factory.Sequence(lambda n: f"Q-{n:04d}")
    site = factory.LazyFunction(lambda: Site.objects.get(code="quebec"))
    room = "Entrepôt"
    capacity = 200


class BoxFactory(factory.django.DjangoModelFactory):
    """A box of the legal unit on a shelf, numbered as the service numbers it."""

    class Meta:
        model = Box

    number = factory.Sequence(lambda n: f"B2026-{n + 1:05d}")
    org_unit = factory.LazyFunction(lambda: OrgUnit.objects.get(code="daj"))
    storage_space = factory.SubFactory(StorageSpaceFactory)
    capacity = 200
    created_by = factory.SubFactory(UserFactory)


class PaperLoanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PaperLoan

    record_file = factory.SubFactory(RecordFileFactory, medium=FileMedium.PAPER)
    borrower = factory.SubFactory(UserFactory)
    lent_by = factory.SubFactory(UserFactory)
    lent_on = datetime.date(2026, 3, 2)
    due_on = datetime.date(2026, 4, 1)


class LegalHoldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalHold

    title = factory.Sequence(lambda n: f"Gel {n}")
    reason = "Recours devant le Tribunal des professions"
    placed_by = factory.SubFactory(UserFactory)


class DispositionListFactory(factory.django.DjangoModelFactory):
    """A draft destruction list of the legal unit."""

    class Meta:
        model = DispositionList

    reference = factory.Sequence(lambda n: f"L2026-{n + 1:05d}")
    kind = "destruction"
    org_unit = factory.LazyFunction(lambda: OrgUnit.objects.get(code="daj"))
    due_on = datetime.date(2026, 1, 1)
    created_by = factory.SubFactory(UserFactory)
