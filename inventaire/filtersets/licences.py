"""Filters of the software licences."""

import django_filters
from django.utils.translation import gettext_lazy as _

from inventaire.models import Licence
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget


class LicenceFilterSet(BaseFilterSet):
    search_fields = ("name", "vendor", "reference")
    expires_before = django_filters.DateFilter(label=_("Expires before"), field_name="expires_on", lookup_expr="lt")
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = Licence
        fields = ["q", "expires_before", "is_active"]
