"""Filters of the BDSP lists."""

import django_filters
from django.utils.translation import gettext_lazy as _

from bdsp.choices import ReturnStatus
from bdsp.models import AnnualReturn
from opq_intranet.core.filtersets import BaseFilterSet, YearFilter, YesNoAllWidget
from opq_intranet.core.models import ProfessionalOrder


class ReturnFilterSet(BaseFilterSet):
    search_fields = ("professional_order__name", "professional_order__code")
    year = YearFilter(label=_("Year"), field_name="reporting_year__year")
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
