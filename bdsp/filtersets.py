"""Filters of the BDSP lists."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from bdsp.choices import ReturnStatus
from bdsp.models import AnnualReturn
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget
from opq_intranet.core.models import ProfessionalOrder

FIRST_YEAR, LAST_YEAR = 2000, 2100


class YearFilter(django_filters.NumberFilter):
    """A whole year within bounds: "abc", 0 or a 20-digit number is a French message, never a 500."""

    field_class = forms.IntegerField


class ReturnFilterSet(BaseFilterSet):
    search_fields = ("professional_order__name", "professional_order__code")
    year = YearFilter(label=_("Year"), field_name="reporting_year__year", min_value=FIRST_YEAR, max_value=LAST_YEAR)
    order = django_filters.ModelChoiceFilter(
        label=_("Professional order"),
        field_name="professional_order",
        queryset=ProfessionalOrder.objects.order_by("name"),
        empty_label=_("All"),
    )
    state = django_filters.ChoiceFilter(
        label=_("Status"), field_name="status", choices=ReturnStatus.choices, empty_label=_("All")
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue", widget=YesNoAllWidget)

    class Meta:
        model = AnnualReturn
        fields = ["q", "year", "order", "state", "overdue"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if user is not None and user.is_partner:
            del self.filters["order"]  # a partner sees its own order's returns only

    def filter_overdue(self, queryset, name, value):
        overdue = AnnualReturn.objects.overdue_condition()
        return queryset.filter(overdue) if value else queryset.exclude(overdue)
