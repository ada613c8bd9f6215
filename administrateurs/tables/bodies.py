"""Tables of the bodies', the appointment decisions' and the vacancies' lists."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from administrateurs.models import AppointmentDecision, Body, Seat
from administrateurs.selectors.vacancies import BANDS, vacant_from
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table


class BodyTable(Table):
    model = Body
    name = Column(_("Name"), link=True)
    kind = Column(_("Kind"))
    order = Column(_("Order"), sort_by=("order__name",))
    size = Column(_("Members"))
    office_seats = Column(_("Seats the Office fills"))
    held = Column(_("Held today"))
    term_years = Column(_("Term (years)"))
    is_active = BooleanColumn(_("Active"))
    default_sort = "name"


class DecisionTable(Table):
    model = AppointmentDecision
    resolution_number = Column(_("Resolution number"), link=True)
    decided_on = Column(_("Decision date"))
    term_count = Column(_("Terms"))
    default_sort = "-decided_on"


def _vacant_from_text(value, seat):
    day = vacant_from(seat)
    return date_format(day, "SHORT_DATE_FORMAT") if day else _("Never held")


def _matching_link(value, seat):
    url = reverse("administrateurs:seat_matching", args=[seat.pk])
    return format_html('<a href="{}">{}</a>', url, _("Find a candidate"))


class VacancyTable(Table):
    model = Seat
    body = Column(_("Body"), accessor="body.name", sort_by=("body__name", "number"))
    number = Column(pgettext_lazy("board seat", "Seat"), link=True)
    order = Column(_("Order"), accessor="body.order", sort_by=("body__order__name",))
    kind = Column(_("Kind"), accessor=lambda seat: seat.body.get_kind_display(), sort_by=("body__kind",))
    band = Column(_("Vacancy"), accessor=lambda seat: BANDS[seat.band], sort_by=("sort_day",))
    vacant_from = Column(
        _("Vacant from"), accessor=lambda seat: vacant_from(seat), display=_vacant_from_text, sort_by=("sort_day",)
    )
    holder = Column(_("Held today by"))
    find = Column(_("Candidates"), accessor=lambda seat: None, display=_matching_link, export=False, orderable=False)
    default_sort = "vacant_from"
