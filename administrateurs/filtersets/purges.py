"""Filters of the purge log."""

import django_filters
from django.utils.translation import gettext_lazy as _

from administrateurs.models import PurgeLog
from administrateurs.services.purge import PURGEABLE
from opq_intranet.core.filtersets import BaseFilterSet


class PurgeLogFilterSet(BaseFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=[(s.value, s.label) for s in PURGEABLE], empty_label=_("All")
    )

    class Meta:
        model = PurgeLog
        fields = ["status"]
