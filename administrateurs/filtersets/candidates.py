"""Filters of the candidates' list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from administrateurs import selectors
from administrateurs.choices import CandidacyStatus, Gender, Region
from administrateurs.models import Candidate
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget
from opq_intranet.core.models import ProfessionalOrder


class CandidateFilterSet(BaseFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CandidacyStatus.choices, empty_label=_("All"))
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices, empty_label=_("All"))
    gender = django_filters.ChoiceFilter(label=_("Gender"), choices=Gender.choices[1:], empty_label=_("All"))
    speaks_english = django_filters.BooleanFilter(label=_("Speaks English"), widget=YesNoAllWidget)
    # the declared links (eligibility's rule for the first)
    ineligible_for = django_filters.ModelChoiceFilter(
        label=_("Ineligible for the board of"),
        queryset=ProfessionalOrder.objects.order_by("name"),
        method="filter_ineligible_for",
        empty_label=_("All"),
    )
    link_with = django_filters.ModelChoiceFilter(
        label=_("Declared a link with"),
        queryset=ProfessionalOrder.objects.order_by("name"),
        method="filter_link_with",
        empty_label=_("All"),
    )

    class Meta:
        model = Candidate
        fields = ["q", "status", "region", "gender", "speaks_english"]
        fields += ["ineligible_for", "link_with"]

    def filter_q(self, queryset, name, value):
        return selectors.matching_candidates(queryset, value)

    def filter_ineligible_for(self, queryset, name, value):
        return selectors.ineligible_for(queryset, value)

    def filter_link_with(self, queryset, name, value):
        return selectors.with_link_to(queryset, value)
