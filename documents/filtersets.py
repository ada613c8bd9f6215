"""Filter sets of the records lists."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from documents.choices import ApprovalStatus, FileMedium, FinalDisposal, LifecycleStage
from documents.forms.plan import DateInput
from documents.models import RecordFile, RetentionRule
from documents.models.plan import PATH_SEPARATOR
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget
from opq_intranet.core.models import OrgUnit


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

    class Meta:
        model = RecordFile
        fields = [
            "q",
            "record_class",
            "org_unit",
            "medium",
            "confidentiality",
            "stage",
            "opened_after",
            "opened_before",
        ]

    def filter_class(self, queryset, name, value):
        code = value.strip()
        return queryset.filter(
            Q(record_class__code=code)
            | Q(record_class__path__contains=f"{PATH_SEPARATOR}{code}{PATH_SEPARATOR}")
            | Q(record_class__path__startswith=f"{code}{PATH_SEPARATOR}")
        )
