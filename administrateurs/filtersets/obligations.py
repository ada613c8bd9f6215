"""Filters of the obligations' list and of the training sessions' list."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administrateurs import selectors
from administrateurs.choices import DueWindow, ObligationKind, ObligationShown
from administrateurs.models import Body, Obligation, TrainingSession
from opq_intranet.core.filtersets import BaseFilterSet, YearFilter


class ObligationFilterSet(BaseFilterSet):
    shown = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=ObligationShown.choices,
        empty_label=_("To complete"),
        method="filter_shown",
    )
    kind = django_filters.ChoiceFilter(label=_("Obligation"), choices=ObligationKind.choices, empty_label=_("All"))
    body = django_filters.ModelChoiceFilter(
        label=_("Body"), field_name="term__seat__body", queryset=Body.objects.order_by("name"), empty_label=_("All")
    )
    due = django_filters.ChoiceFilter(
        label=_("Due"), choices=DueWindow.choices, empty_label=_("All"), method="filter_due"
    )

    class Meta:
        model = Obligation
        fields = ["q", "shown", "kind", "body", "due"]

    def filter_q(self, queryset, name, value):
        return selectors.matching_obligations(queryset, value)

    def filter_shown(self, queryset, name, value):
        return queryset  # the list's queryset already follows it (selectors.obligations_for_list)

    def filter_due(self, queryset, name, value):
        return selectors.in_window(queryset, value, timezone.localdate())


class TrainingSessionFilterSet(BaseFilterSet):
    year = YearFilter(label=_("Year"), field_name="held_on", lookup_expr="year")

    class Meta:
        model = TrainingSession
        fields = ["q", "year"]

    def filter_q(self, queryset, name, value):
        return selectors.matching_sessions(queryset, value)
