"""Filters of the bodies', the appointment decisions' and the vacancies' lists."""

import django_filters
from django.utils.translation import gettext_lazy as _

from administrateurs import selectors
from administrateurs.choices import BodyKind
from administrateurs.models import AppointmentDecision, Body, Seat
from administrateurs.selectors.vacancies import DEFAULT_HORIZON, HORIZON_LABELS, HORIZONS
from opq_intranet.core.filtersets import BaseFilterSet, YearFilter, YesNoAllWidget
from opq_intranet.core.models import ProfessionalOrder


def _orders():
    return ProfessionalOrder.objects.order_by("name")


class BodyFilterSet(BaseFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=BodyKind.choices, empty_label=_("All"))
    order = django_filters.ModelChoiceFilter(label=_("Order"), queryset=_orders(), empty_label=_("All"))
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = Body
        fields = ["q", "kind", "order", "is_active"]

    def filter_q(self, queryset, name, value):
        return selectors.matching_bodies(queryset, value)


class DecisionFilterSet(BaseFilterSet):
    year = YearFilter(label=_("Year"), field_name="decided_on__year")

    class Meta:
        model = AppointmentDecision
        fields = ["q", "year"]

    def filter_q(self, queryset, name, value):
        return selectors.matching_decisions(queryset, value)


class VacancyFilterSet(BaseFilterSet):
    """The horizon (cumulative: within 6 months is now and the next 6 months), the order, the kind."""

    search_fields = ("body__name", "body__order__name")

    horizon = django_filters.ChoiceFilter(
        label=_("Vacant"),
        choices=[(key, label) for key, label in HORIZON_LABELS if key != DEFAULT_HORIZON],
        empty_label=dict(HORIZON_LABELS)[DEFAULT_HORIZON],  # the page's own rows
        method="filter_horizon",
    )
    order = django_filters.ModelChoiceFilter(
        label=_("Order"), field_name="body__order", queryset=_orders(), empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="body__kind", choices=BodyKind.choices, empty_label=_("All")
    )

    class Meta:
        model = Seat
        fields = ["q", "horizon", "order", "kind"]

    def filter_horizon(self, queryset, name, value):
        return queryset.filter(band__in=HORIZONS[value])
