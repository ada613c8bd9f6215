"""Filters of the mail registry and the contacts directory."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier.choices import PENDING_STATUSES, Channel, ContactKind, Direction, MailStatus, MailType
from courrier.models import CHRONO_NUMBER, Contact, MailItem
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.filtersets import BaseFilterSet, YesNoAllWidget
from opq_intranet.core.forms import DateInput
from opq_intranet.core.fulltext import search_query
from opq_intranet.core.models import OrgUnit


class MailItemFilterSet(BaseFilterSet):
    search_fields = ("reference", "subject", "contact__name", "contact__organisation")
    direction = django_filters.ChoiceFilter(label=_("Direction"), choices=Direction.choices, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MailStatus.choices, empty_label=_("All"))
    mail_type = django_filters.ChoiceFilter(label=_("Type"), choices=MailType.choices, empty_label=_("All"))
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices, empty_label=_("All"))
    routed_unit = django_filters.ModelChoiceFilter(
        label=_("Unit"), queryset=OrgUnit.objects.all(), empty_label=_("All")
    )
    confidentiality = django_filters.ChoiceFilter(
        label=_("Confidentiality"), choices=ConfidentialityLevel.choices, empty_label=_("All")
    )
    mine = django_filters.BooleanFilter(label=_("Routed to me"), method="filter_mine", widget=YesNoAllWidget)
    overdue = django_filters.BooleanFilter(label=_("Reply overdue"), method="filter_overdue", widget=YesNoAllWidget)
    since = django_filters.DateFilter(label=_("Dated from"), method="filter_since", widget=DateInput)
    until = django_filters.DateFilter(label=_("Dated until"), method="filter_until", widget=DateInput)

    class Meta:
        model = MailItem
        fields = [
            "q",
            "direction",
            "status",
            "mail_type",
            "channel",
            "routed_unit",
            "confidentiality",
            "mine",
            "overdue",
            "since",
            "until",
        ]

    def filter_q(self, queryset, name, value):
        """A chrono number (or its beginning) by prefix; words through the items' full-text
        vector (subject and contact, stemmed, accents ignored), which an index serves: a
        word match on the subject OR the contact's name read all 200 000 items."""
        text = value.strip()
        if CHRONO_NUMBER.match(text):
            return queryset.filter(reference__startswith=text.upper())
        return queryset.filter(search_vector=search_query(text))

    def filter_mine(self, queryset, name, value):
        mine = Q(assignee=self.request.user)
        return queryset.filter(mine) if value else queryset.exclude(mine)

    def filter_overdue(self, queryset, name, value):
        late = Q(status__in=PENDING_STATUSES, reply_due_on__lt=timezone.localdate())
        return queryset.filter(late) if value else queryset.exclude(late)

    def filter_since(self, queryset, name, value):
        return queryset.dated_from(value)

    def filter_until(self, queryset, name, value):
        return queryset.dated_until(value)


class ContactFilterSet(BaseFilterSet):
    search_fields = ("name", "organisation", "email")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ContactKind.choices, empty_label=_("All"))
    is_order = django_filters.BooleanFilter(
        label=_("Professional order"),
        field_name="professional_order",
        lookup_expr="isnull",
        exclude=True,
        widget=YesNoAllWidget,
    )
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=YesNoAllWidget)

    class Meta:
        model = Contact
        fields = ["q", "kind", "is_order", "is_active"]
