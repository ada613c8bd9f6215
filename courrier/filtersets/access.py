"""Filters of the access requests."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier.choices import AccessDecision, AccessRequestStatus
from courrier.models import AccessRequest
from opq_intranet.core.filtersets import BaseFilterSet, YearFilter, YesNoAllWidget


class AccessRequestFilterSet(BaseFilterSet):
    search_fields = ("reference", "documents_requested", "mail_item__contact__name", "mail_item__reference")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=AccessRequestStatus.choices, empty_label=_("All"))
    decision = django_filters.ChoiceFilter(label=_("Decision"), choices=AccessDecision.choices, empty_label=_("All"))
    year = YearFilter(
        label=_("Year received"),
        field_name="received_on",
        lookup_expr="year",
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue", widget=YesNoAllWidget)

    class Meta:
        model = AccessRequest
        fields = ["q", "status", "decision", "year", "overdue"]

    def filter_overdue(self, queryset, name, value):
        late = queryset.overdue(timezone.localdate())
        return late if value else queryset.exclude(pk__in=late.values("pk"))
