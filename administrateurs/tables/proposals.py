"""Table of the proposals' list: each links its candidate and its seat's matching; a pending
one, the page that ends it."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from administrateurs.choices import ProposalStatus
from administrateurs.models import Proposal
from opq_intranet.core.lists.tables import EMPTY, Column, Table


def _end_link(value, record):
    if record.status != ProposalStatus.PENDING:
        return EMPTY
    return format_html(
        '<a class="btn btn-sm btn-outline-secondary" href="{}">{}</a>',
        reverse("administrateurs:proposal_end", args=[record.pk]),
        _("End"),
    )


def _seat_link(value, record):
    return format_html(
        '<a href="{}">{}</a>',
        reverse("administrateurs:seat_matching", args=[record.seat_id]),
        pgettext("a body's seat", "Seat %(number)s") % {"number": value},
    )


class ProposalTable(Table):
    model = Proposal
    candidate = Column(
        _("Candidate"),
        sort_by=("candidate__last_name", "candidate__first_name"),
        link=lambda record: record.candidate.get_absolute_url(),
    )
    body = Column(_("Body"), accessor="seat.body", sort_by=("seat__body__name",))
    seat = Column(_("Seat"), accessor="seat.number", sort_by=("seat__body__name", "seat__number"), display=_seat_link)
    status = Column(_("Status"))
    proposed_on = Column(_("Proposed on"))
    proposed_by = Column(_("Proposed by"), accessor="proposed_by.get_full_name", orderable=False)
    closed_on = Column(_("Closed on"))
    end = Column(_("Actions"), accessor="pk", orderable=False, export=False, display=_end_link)
    default_sort = "-proposed_on"
