"""Filters of the categories and the locations."""

import django_filters
from django.utils.translation import gettext_lazy as _

from inventaire.choices import CategoryKind
from inventaire.models import Category, Location
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget
from opq_intranet.core.models import Site


class CategoryFilterSet(BaseFilterSet):
    search_fields = ("name",)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=CategoryKind.choices, empty_label=_("All"))
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = Category
        fields = ["q", "kind", "is_active"]


class LocationFilterSet(BaseFilterSet):
    search_fields = ("room", "floor", "description")
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.all(), empty_label=_("All"))
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = Location
        fields = ["q", "site", "is_active"]
