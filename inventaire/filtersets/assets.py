"""Filters of the assets' list (disposed assets are left out unless the status asks for them:
selectors.assets_for_list)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inventaire import selectors
from inventaire.choices import AssetStatus, CategoryKind, Encryption, Posture
from inventaire.models import Asset, Category, Location
from opq_intranet.accounts.models import User
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget
from opq_intranet.core.forms import FastSelect
from opq_intranet.core.models import Site
from opq_intranet.core.selectors import active_staff


class AssetFilterSet(BaseFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AssetStatus.choices, empty_label=_("All but disposed"), method="filter_status"
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="category__kind", choices=CategoryKind.choices, empty_label=_("All")
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=Category.objects.all(), empty_label=_("All")
    )
    site = django_filters.ModelChoiceFilter(
        label=_("Site"), field_name="location__site", queryset=Site.objects.all(), empty_label=_("All")
    )
    location = django_filters.ModelChoiceFilter(
        label=_("Location"), queryset=Location.objects.select_related("site"), empty_label=_("All"), widget=FastSelect
    )
    holder = django_filters.ModelChoiceFilter(
        label=_("Held by"), queryset=User.objects.none(), empty_label=_("All"), widget=FastSelect
    )
    disk_encryption = django_filters.ChoiceFilter(
        label=_("Disk encryption"), choices=Encryption.choices, empty_label=_("All")
    )
    mdm_enrolled = django_filters.BooleanFilter(label=_("Under device management"), widget=YesNoAllWidget)
    posture = django_filters.ChoiceFilter(
        label=_("Security requirement"),
        field_name="category__posture",
        choices=[choice for choice in Posture.choices if choice[0]],
        empty_label=_("All"),
    )
    computers = django_filters.BooleanFilter(
        label=_("Workstations and laptops"), method="filter_computers", widget=YesNoAllWidget
    )
    os_name = django_filters.CharFilter(label=_("Operating system"), field_name="os_name")
    os_version = django_filters.CharFilter(label=_("OS version"), field_name="os_version")
    warranty_before = django_filters.DateFilter(
        label=_("Warranty ends before"), field_name="warranty_ends_on", lookup_expr="lt"
    )

    class Meta:
        model = Asset
        fields = ["q", "status", "kind", "category", "site", "location", "holder", "disk_encryption", "mdm_enrolled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["holder"].queryset = active_staff().order_by("last_name", "first_name")

    def filter_q(self, queryset, name, value):
        return selectors.matching_assets(queryset, value)

    def filter_computers(self, queryset, name, value):
        computers = Q(category__posture__in=(Posture.LAPTOP, Posture.WORKSTATION))
        return queryset.filter(computers) if value else queryset.exclude(computers)

    def filter_status(self, queryset, name, value):
        return queryset.filter(status=value)
