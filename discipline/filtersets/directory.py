"""Filters of the directory's lists: councils, chairs, council members."""

import django_filters
from django.utils.translation import gettext_lazy as _

from discipline.models import Chair, Council, CouncilMember
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget
from opq_intranet.core.forms import FastSelect


class CouncilFilterSet(BaseFilterSet):
    search_fields = ("order__name", "order__code", "secretary_name")
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = Council
        fields = ["q", "is_active"]


class ChairFilterSet(BaseFilterSet):
    search_fields = ("first_name", "last_name", "email")
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = Chair
        fields = ["q", "is_active"]


class MemberFilterSet(BaseFilterSet):
    search_fields = ("first_name", "last_name", "title", "email")
    council = django_filters.ModelChoiceFilter(
        label=_("Council"), queryset=Council.objects.select_related("order"), empty_label=_("All"), widget=FastSelect
    )
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = CouncilMember
        fields = ["q", "council", "is_active"]
