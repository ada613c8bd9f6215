"""Tables of the meetings' list and of the allowance rate table."""

from django.utils.translation import gettext_lazy as _

from administrateurs import allowances
from administrateurs.models import AllowanceRate, Meeting
from opq_intranet.core.lists.tables import Column, Table
from opq_intranet.core.templatetags.quebec import money


class MeetingTable(Table):
    model = Meeting
    held_on = Column(_("Date"), link=True)
    body = Column(_("Body"), accessor="body.name", sort_by=("body__name",))
    kind = Column(_("Kind"))
    hours = Column(_("Duration (hours)"), display=lambda value, meeting: allowances.hours_text(value))
    attendee_count = Column(_("Attended"))
    default_sort = "-held_on"
    caption = _("Meetings")


class AllowanceRateTable(Table):
    model = AllowanceRate
    meeting_kind = Column(_("Meeting kind"), link=True)
    min_hours = Column(_("From (hours)"), display=lambda value, rate: allowances.hours_text(value))
    amount = Column(_("Allowance"), display=lambda value, rate: money(value, 2))
    valid_from = Column(_("In force from"))
    default_sort = "-valid_from"
    caption = _("Allowance rates")
