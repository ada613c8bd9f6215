"""Filters of the meetings' list and of the allowance rate table."""

import django_filters
from django.utils.translation import gettext_lazy as _

from administrateurs.choices import MeetingKind
from administrateurs.models import AllowanceRate, Body, Meeting
from opq_intranet.core.filtersets import BaseFilterSet, YearFilter
from opq_intranet.core.forms import FastSelect


class MeetingFilterSet(BaseFilterSet):
    search_fields = ("body__name",)
    body = django_filters.ModelChoiceFilter(
        label=_("Body"), queryset=Body.objects.order_by("name"), empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MeetingKind.choices, empty_label=_("All"))
    year = YearFilter(label=_("Year"), field_name="held_on", lookup_expr="year")

    class Meta:
        model = Meeting
        fields = ["q", "body", "kind", "year"]


class AllowanceRateFilterSet(django_filters.FilterSet):
    meeting_kind = django_filters.ChoiceFilter(
        label=_("Meeting kind"), choices=MeetingKind.choices, empty_label=_("All"), widget=FastSelect
    )

    class Meta:
        model = AllowanceRate
        fields = ["meeting_kind"]
