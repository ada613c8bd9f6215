"""Filters of the mandates' list."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier import selectors
from courrier.choices import ACTIVE_MANDATE_STATUSES, MandateStatus, Priority
from courrier.models import Mandate
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget
from opq_intranet.core.forms import FastSelect
from opq_intranet.core.models import OrgUnit
from opq_intranet.core.selectors import active_staff

ACTIVE = "active"
STATUS_CHOICES = [(ACTIVE, _("Active (open, in progress, waiting)")), *MandateStatus.choices]


class MandateFilterSet(BaseFilterSet):
    search_fields = ("reference", "title", "description")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=_("All"), method="filter_status"
    )
    priority = django_filters.ChoiceFilter(label=_("Priority"), choices=Priority.choices, empty_label=_("All"))
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        field_name="org_unit",
        queryset=OrgUnit.objects.all(),
        empty_label=_("All"),
        widget=FastSelect,
    )
    lead = django_filters.ModelChoiceFilter(
        label=_("Lead"),
        queryset=active_staff().only("pk", "username", "first_name", "last_name").order_by("last_name", "first_name"),
        empty_label=_("All"),
        widget=FastSelect,
    )
    mine = django_filters.BooleanFilter(label=_("Mine (lead or helper)"), method="filter_mine", widget=YesNoAllWidget)
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue", widget=YesNoAllWidget)
    due_this_week = django_filters.BooleanFilter(
        label=_("Due this week"), method="filter_due_this_week", widget=YesNoAllWidget
    )

    class Meta:
        model = Mandate
        fields = ["q", "status", "priority", "unit", "lead", "mine", "overdue", "due_this_week"]

    def filter_status(self, queryset, name, value):
        if value == ACTIVE:
            return queryset.filter(status__in=ACTIVE_MANDATE_STATUSES)
        return queryset.filter(status=value)

    def filter_mine(self, queryset, name, value):
        condition = selectors.involving(self.request.user)
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_overdue(self, queryset, name, value):
        matching = selectors.overdue(queryset, timezone.localdate())
        return matching if value else queryset.exclude(pk__in=matching.values("pk"))

    def filter_due_this_week(self, queryset, name, value):
        matching = selectors.due_this_week(queryset, timezone.localdate())
        return matching if value else queryset.exclude(pk__in=matching.values("pk"))
