"""Filters of the proposals' list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from administrateurs.choices import ProposalStatus
from administrateurs.models import Body, Proposal
from opq_intranet.core.filtersets import BaseFilterSet


class ProposalFilterSet(BaseFilterSet):
    search_fields = ("candidate__first_name", "candidate__last_name")
    body = django_filters.ModelChoiceFilter(
        label=_("Body"), field_name="seat__body", queryset=Body.objects.order_by("name"), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProposalStatus.choices, empty_label=_("All"))

    class Meta:
        model = Proposal
        fields = ["q", "body", "status"]
