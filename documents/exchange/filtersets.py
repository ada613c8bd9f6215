"""Filter sets of the exchange spaces' lists."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from documents.exchange.models import ExchangeSpace
from opq_intranet.core.filtersets import BaseFilterSet
from opq_intranet.core.models import OrgUnit, PartnerOrganisation, ProfessionalOrder

STATES = [("open", _("Open")), ("closed", _("Closed"))]


class PartnerChoiceFilter(django_filters.ChoiceFilter):
    """An order ("order-12") or an organisation ("organisation-3"), in one box."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", self.partner_choices)
        super().__init__(*args, **kwargs)

    @staticmethod
    def partner_choices():
        orders = [(f"order-{pk}", name) for pk, name in ProfessionalOrder.objects.values_list("pk", "name")]
        organisations = [
            (f"organisation-{pk}", name) for pk, name in PartnerOrganisation.objects.values_list("pk", "name")
        ]
        return orders + organisations

    def filter(self, qs, value):
        if not value:
            return qs
        kind, _sep, pk = value.partition("-")
        field = "professional_order_id" if kind == "order" else "organisation_id"
        return qs.filter(**{field: int(pk)})


class ExchangeSpaceFilterSet(BaseFilterSet):
    search_fields = ("name", "description")
    partner = PartnerChoiceFilter(label=_("Partner"), empty_label=_("All"))
    owner_unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=OrgUnit.objects.all(), empty_label=_("All"))
    state = django_filters.ChoiceFilter(label=_("State"), choices=STATES, empty_label=_("All"), method="filter_state")

    class Meta:
        model = ExchangeSpace
        fields = ["q", "partner", "owner_unit", "state"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        if user is not None and user.is_partner:
            # A partner's spaces are all theirs, and open: their filters would only show others.
            for name in ("partner", "owner_unit", "state"):
                self.filters.pop(name, None)

    def filter_state(self, queryset, name, value):
        return queryset.filter(Q(is_active=(value == "open")))


# --- Audit trail (views/audit.py). ----------------------------------------------------------
from documents.exchange.choices import EventAction  # noqa: E402
from documents.exchange.models import ExchangeEvent  # noqa: E402
from opq_intranet.accounts.models import User  # noqa: E402
from opq_intranet.core.forms import DateInput  # noqa: E402


class ExchangeEventFilterSet(BaseFilterSet):
    """A space's trail: by action, person, day (Québec time) and words of the object, detail,
    person or link."""

    search_fields = ("object_name", "detail", "user__first_name", "user__last_name", "link__label")
    action = django_filters.ChoiceFilter(label=_("Action"), choices=EventAction.choices, empty_label=_("All"))
    person = django_filters.ModelChoiceFilter(
        label=_("Person"), field_name="user", queryset=User.objects.none(), empty_label=_("All")
    )
    since = django_filters.DateFilter(label=_("From"), field_name="at", lookup_expr="date__gte", widget=DateInput)
    until = django_filters.DateFilter(label=_("To"), field_name="at", lookup_expr="date__lte", widget=DateInput)

    class Meta:
        model = ExchangeEvent
        fields = ["q", "action", "person", "since", "until"]

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, queryset=queryset, **kwargs)
        # The people of this trail only (one query when the box is drawn).
        self.filters["person"].queryset = User.objects.filter(
            pk__in=self.queryset.filter(user__isnull=False).values("user_id")
        ).order_by("last_name", "first_name", "pk")
