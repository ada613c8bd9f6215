"""Filters of the cases' list."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from discipline import permissions, selectors
from discipline.choices import ADVISEMENT_STATUSES, ENDED_STATUSES, CaseStatus, ComplainantKind
from discipline.models import Case, Chair, Council
from opq_intranet.core.filtersets import BaseFilterSet, YearFilter, YesNoAllWidget
from opq_intranet.core.forms import FastSelect

ACTIVE, UNDER_ADVISEMENT = "active", "advisement"
STATUS_CHOICES = [
    (ACTIVE, _("Active")),
    (UNDER_ADVISEMENT, _("Under advisement (guilt or sanction)")),
    *CaseStatus.choices,
]


class CaseFilterSet(BaseFilterSet):
    # The number, the summary, the counts' wording and provisions, and the respondent's name
    # where the person may read it (selectors.matching_cases).
    search_fields = ("number", "summary")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, empty_label=_("All"), method="filter_status"
    )
    council = django_filters.ModelChoiceFilter(
        label=_("Council"), queryset=Council.objects.select_related("order"), empty_label=_("All"), widget=FastSelect
    )
    chair = django_filters.ModelChoiceFilter(
        label=_("Chair"), queryset=Chair.objects.all(), empty_label=_("All"), widget=FastSelect
    )
    complainant_kind = django_filters.ChoiceFilter(
        label=_("Complainant"), choices=ComplainantKind.choices, empty_label=_("All")
    )
    year = YearFilter(label=_("Year filed"), field_name="filed_on__year")
    urgent = django_filters.BooleanFilter(label=_("Urgent track"), widget=YesNoAllWidget)
    mine = django_filters.BooleanFilter(label=_("My cases (as chair)"), method="filter_mine", widget=YesNoAllWidget)

    class Meta:
        model = Case
        fields = ["q", "status", "council", "chair", "complainant_kind", "year", "urgent", "mine"]

    def filter_q(self, queryset, name, value):
        return selectors.matching_cases(queryset, self.request.user, value)

    def filter_status(self, queryset, name, value):
        if value == ACTIVE:
            return queryset.exclude(status__in=ENDED_STATUSES)
        if value == UNDER_ADVISEMENT:
            return queryset.filter(status__in=ADVISEMENT_STATUSES)
        return queryset.filter(status=value)

    def filter_mine(self, queryset, name, value):
        chair = permissions.chair_of(self.request.user)
        condition = Q(chair=chair.pk) if chair else Q(pk__in=[])
        return queryset.filter(condition) if value else queryset.exclude(condition)
