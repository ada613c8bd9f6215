"""Filter sets of the core lists, and the base every app's filter set extends."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from opq_intranet.accounts.models import User
from opq_intranet.core.choices import PracticeKind
from opq_intranet.core.forms import FastSelect, FastSelectMixin
from opq_intranet.core.models import OrgUnit, ProfessionalOrder, Site
from opq_intranet.core.text import filter_words

YES_NO_ALL = [("", _("All")), ("true", _("Yes")), ("false", _("No"))]


class YesNoAllWidget(FastSelectMixin, django_filters.widgets.BooleanWidget):
    """Yes / No / All: the empty choice reads "All" rather than django-filter's "Unknown"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = YES_NO_ALL


FIRST_YEAR, LAST_YEAR = 2000, 2100


class YearFilter(django_filters.NumberFilter):
    """A whole year between 2000 and 2100: "abc", 0 or a 20-digit number is a French message
    on the list, never a 500."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


class BaseFilterSet(django_filters.FilterSet):
    """Adds the free-text `q` box; subclasses list the fields it searches in `search_fields`."""

    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    search_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():  # each instance has its own copies
            if isinstance(filter_, django_filters.ChoiceFilter | django_filters.ModelChoiceFilter):
                filter_.extra.setdefault("widget", FastSelect)

    def filter_q(self, queryset, name, value):
        # Every word, accents ignored: "quebec ingenieurs" finds "Ordre des ingénieurs du Québec".
        return filter_words(queryset, self.search_fields, value)


class ProfessionalOrderFilterSet(BaseFilterSet):
    search_fields = ("name", "code", "profession")
    practice_kind = django_filters.ChoiceFilter(label=_("Practice"), choices=PracticeKind.choices, empty_label=_("All"))
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = ProfessionalOrder
        fields = ["q", "practice_kind", "is_active"]


class OrgUnitFilterSet(BaseFilterSet):
    search_fields = ("name", "code")
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.all(), empty_label=_("All"))
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = OrgUnit
        fields = ["q", "site", "is_active"]


class PersonFilterSet(BaseFilterSet):
    search_fields = ("first_name", "last_name", "job_title", "email")
    org_unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=OrgUnit.objects.all(), empty_label=_("All"))
    site = django_filters.ModelChoiceFilter(label=_("Site"), queryset=Site.objects.all(), empty_label=_("All"))

    class Meta:
        model = User
        fields = ["q", "org_unit", "site"]
