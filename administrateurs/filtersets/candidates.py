"""Filters of the candidates' list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from administrateurs import selectors
from administrateurs.choices import CandidacyStatus, Gender, Region
from administrateurs.models import Candidate
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget


class CandidateFilterSet(BaseFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CandidacyStatus.choices, empty_label=_("All"))
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices, empty_label=_("All"))
    gender = django_filters.ChoiceFilter(label=_("Gender"), choices=Gender.choices[1:], empty_label=_("All"))
    speaks_english = django_filters.BooleanFilter(label=_("Speaks English"), widget=YesNoAllWidget)

    class Meta:
        model = Candidate
        fields = ["q", "status", "region", "gender", "speaks_english"]

    def filter_q(self, queryset, name, value):
        return selectors.matching_candidates(queryset, value)
