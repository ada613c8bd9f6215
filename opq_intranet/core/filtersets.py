"""Filter sets of the core lists, and the base every app's filter set extends."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opq_intranet.accounts.models import User
from opq_intranet.core.choices import PracticeKind
from opq_intranet.core.models import OrgUnit, ProfessionalOrder, Site
from opq_intranet.core.text import strip_accents


class BaseFilterSet(django_filters.FilterSet):
    """Adds the free-text `q` box; subclasses list the fields it searches in `search_fields`."""

    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    search_fields = ()

    def filter_q(self, queryset, name, value):
        value = strip_accents(value.strip())
        if not value:
            return queryset
        condition = Q()
        for field in self.search_fields:
            # Accent-insensitive: "Quebec" finds "Québec".
            condition |= Q(**{f"{field}__unaccent__icontains": value})
        return queryset.filter(condition)


class ProfessionalOrderFilterSet(BaseFilterSet):
    search_fields = ("name", "code", "profession")
    practice_kind = django_filters.ChoiceFilter(label=_("Practice"), choices=PracticeKind.choices)
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = ProfessionalOrder
        fields = ["q", "practice_kind", "is_active"]


class OrgUnitFilterSet(BaseFilterSet):
    search_fields = ("name", "code")
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.all())
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = OrgUnit
        fields = ["q", "site", "is_active"]


class PersonFilterSet(BaseFilterSet):
    search_fields = ("first_name", "last_name", "job_title", "email")
    org_unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=OrgUnit.objects.all())
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.all())

    class Meta:
        model = User
        fields = ["q", "org_unit", "site"]
