"""Filters of the stock-taking campaigns."""

import django_filters
from django.utils.translation import gettext_lazy as _

from inventaire.choices import CampaignStatus
from inventaire.models import Campaign
from opq_intranet.core.filtersets import BaseFilterSet, YearFilter
from opq_intranet.core.models import Site


class CampaignFilterSet(BaseFilterSet):
    search_fields = ("number", "note", "location__room")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CampaignStatus.choices, empty_label=_("All"))
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.all(), empty_label=_("All"))
    year = YearFilter(label=_("Year"), field_name="opened_on__year")

    class Meta:
        model = Campaign
        fields = ["q", "status", "site", "year"]
