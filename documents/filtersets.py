"""Filter sets of the records lists."""

import django_filters
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents import clock, selectors
from documents.choices import (
    ApprovalStatus,
    DispositionKind,
    DispositionStatus,
    FileMedium,
    FinalDisposal,
    LifecycleStage,
)
from documents.models import (
    PATH_SEPARATOR,
    Box,
    BoxStatus,
    DispositionList,
    LegalHold,
    PaperLoan,
    RecordFile,
    RetentionRule,
    StorageSpace,
)
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget
from opq_intranet.core.forms import DateInput
from opq_intranet.core.models import OrgUnit, Site
from opq_intranet.core.selectors import active_staff


class RetentionRuleFilterSet(BaseFilterSet):
    search_fields = ("number", "title", "description", "legal_references")
    approval_status = django_filters.ChoiceFilter(
        label=_("Approval"), choices=ApprovalStatus.choices, empty_label=_("All")
    )
    final_disposal = django_filters.ChoiceFilter(
        label=_("Final disposal"),
        choices=FinalDisposal.choices,
        empty_label=_("All"),
        field_name="copy_rules__final_disposal",
        distinct=True,
    )
    essential = django_filters.BooleanFilter(label=_("Essential"), widget=YesNoAllWidget)
    confidential = django_filters.BooleanFilter(label=_("Confidential"), widget=YesNoAllWidget)

    class Meta:
        model = RetentionRule
        fields = ["q", "approval_status", "final_disposal", "essential", "confidential"]


class DueChoice(models.TextChoices):
    SEMI_ACTIVE = "semi_active", _("Due for the semi-active stage")
    DISPOSAL = "disposal", _("Due for disposal (not held)")
    HELD = "held", _("Under a legal hold")


class RecordFileFilterSet(BaseFilterSet):
    search_fields = ("reference", "title", "keywords")
    record_class = django_filters.CharFilter(label=_("Class (code, with its subclasses)"), method="filter_class")
    org_unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=OrgUnit.objects.all(), empty_label=_("All"))
    medium = django_filters.ChoiceFilter(label=_("Medium"), choices=FileMedium.choices, empty_label=_("All"))
    confidentiality = django_filters.ChoiceFilter(
        label=_("Confidentiality"), choices=ConfidentialityLevel.choices, empty_label=_("All")
    )
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=LifecycleStage.choices, empty_label=_("All"))
    opened_after = django_filters.DateFilter(
        label=_("Opened from"), field_name="opened_on", lookup_expr="gte", widget=DateInput
    )
    opened_before = django_filters.DateFilter(
        label=_("Opened until"), field_name="opened_on", lookup_expr="lte", widget=DateInput
    )
    due = django_filters.ChoiceFilter(
        label=_("What is due"), choices=DueChoice.choices, empty_label=_("All"), method="filter_due"
    )

    class Meta:
        model = RecordFile
        fields = [
            "q",
            "record_class",
            "org_unit",
            "medium",
            "confidentiality",
            "stage",
            "due",
            "opened_after",
            "opened_before",
        ]

    def filter_due(self, queryset, name, value):
        """What the lifecycle has to do today (records management's date, documents.clock)."""
        today = clock.today()
        if value == DueChoice.SEMI_ACTIVE:
            return queryset.filter(pk__in=selectors.due_for_semi_active(today).values("pk"))
        if value == DueChoice.DISPOSAL:
            return queryset.filter(pk__in=selectors.due_for_disposal(today).values("pk"))
        if value == DueChoice.HELD:
            return queryset.filter(pk__in=selectors.held_files(RecordFile.objects.all()).values("pk"))
        return queryset

    def filter_class(self, queryset, name, value):
        code = value.strip()
        return queryset.filter(
            Q(record_class__code=code)
            | Q(record_class__path__contains=f"{PATH_SEPARATOR}{code}{PATH_SEPARATOR}")
            | Q(record_class__path__startswith=f"{code}{PATH_SEPARATOR}")
        )


# --- Paper: spaces, boxes, loans ------------------------------------------------------------------


class StorageSpaceFilterSet(BaseFilterSet):
    search_fields = ("code", "room", "shelf", "description")
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.all(), empty_label=_("All"))
    has_room = django_filters.BooleanFilter(
        label=_("Has room for a box"), method="filter_has_room", widget=YesNoAllWidget
    )
    is_active = django_filters.BooleanFilter(label=_("In use"), widget=YesNoAllWidget)

    class Meta:
        model = StorageSpace
        fields = ["q", "site", "has_room", "is_active"]

    def filter_has_room(self, queryset, name, value):
        return queryset.filter(free__gt=0) if value else queryset.filter(free=0)


class BoxFilterSet(BaseFilterSet):
    search_fields = ("number", "notes")
    storage_space = django_filters.ModelChoiceFilter(
        label=_("Storage space"), queryset=StorageSpace.objects.all(), empty_label=_("All")
    )
    site = django_filters.ModelChoiceFilter(
        label=_("Site"), field_name="storage_space__site", queryset=Site.objects.all(), empty_label=_("All")
    )
    org_unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=OrgUnit.objects.all(), empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=BoxStatus.choices, empty_label=_("All"))
    full = django_filters.BooleanFilter(label=_("Full"), method="filter_full", widget=YesNoAllWidget)
    in_transit = django_filters.BooleanFilter(
        label=_("In transit (no space)"), field_name="storage_space", lookup_expr="isnull", widget=YesNoAllWidget
    )

    class Meta:
        model = Box
        fields = ["q", "storage_space", "site", "org_unit", "status", "full", "in_transit"]

    def filter_full(self, queryset, name, value):
        return (
            queryset.filter(file_count__gte=F("capacity")) if value else queryset.filter(file_count__lt=F("capacity"))
        )


class LoanState(models.TextChoices):
    OPEN = "open", _("Out (not returned)")
    OVERDUE = "overdue", _("Overdue")
    RETURNED = "returned", _("Returned")


class PaperLoanFilterSet(BaseFilterSet):
    search_fields = ("record_file__reference", "record_file__title", "note")
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=LoanState.choices, empty_label=_("All"), method="filter_state"
    )
    borrower = django_filters.ModelChoiceFilter(
        label=_("Borrower"),
        queryset=active_staff().order_by("last_name", "first_name"),
        empty_label=_("All"),
    )
    org_unit = django_filters.ModelChoiceFilter(
        label=_("Unit of the file"),
        field_name="record_file__org_unit",
        queryset=OrgUnit.objects.all(),
        empty_label=_("All"),
    )
    due_before = django_filters.DateFilter(label=_("Due by"), field_name="due_on", lookup_expr="lte", widget=DateInput)

    class Meta:
        model = PaperLoan
        fields = ["q", "state", "borrower", "org_unit", "due_before"]

    def filter_state(self, queryset, name, value):
        if value == LoanState.RETURNED:
            return queryset.filter(returned_on__isnull=False)
        queryset = queryset.filter(returned_on__isnull=True)
        if value == LoanState.OVERDUE:
            return queryset.filter(due_on__lt=timezone.localdate())
        return queryset


# --- Disposition lists and legal holds ----------------------------------------------------------


class DispositionListFilterSet(BaseFilterSet):
    search_fields = ("reference",)
    kind = django_filters.ChoiceFilter(label=_("Kind of list"), choices=DispositionKind.choices, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=DispositionStatus.choices, empty_label=_("All"))
    org_unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=OrgUnit.objects.all(), empty_label=_("All"))

    class Meta:
        model = DispositionList
        fields = ["q", "kind", "status", "org_unit"]


class LegalHoldFilterSet(BaseFilterSet):
    search_fields = ("title", "reason")
    in_force = django_filters.BooleanFilter(
        label=_("In force"), field_name="lifted_at", lookup_expr="isnull", widget=YesNoAllWidget
    )

    class Meta:
        model = LegalHold
        fields = ["q", "in_force"]
