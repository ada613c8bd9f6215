"""Tables of the exchange spaces' lists."""

from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from documents.exchange.models import ExchangeSpace
from opq_intranet.core.lists.tables import Column, Table


def quota_bar(used_bytes, quota_bytes, percent):
    """A Bootstrap progress bar with its words (read by screen readers and printed beside it)."""
    text = _("%(used)s of %(quota)s") % {"used": filesizeformat(used_bytes), "quota": filesizeformat(quota_bytes)}
    tone = "bg-danger" if percent >= 90 else "bg-warning" if percent >= 75 else "bg-primary"
    return format_html(
        '<div class="opq-quota"><div class="progress" role="progressbar" aria-label="{}" aria-valuenow="{}" '
        'aria-valuemin="0" aria-valuemax="100" aria-valuetext="{}"><div class="progress-bar {} opq-w-{}"></div>'
        '</div><small class="text-body-secondary">{}</small></div>',
        _("Space used"),
        percent,
        text,
        tone,
        percent,
        text,
    )


def _quota_cell(value, space):
    return quota_bar(space.used_bytes, space.quota_bytes, space.used_percent)


def _partner(space):
    return space.partner


def _state(space):
    return _("open") if space.is_active else _("closed")


def _state_cell(value, space):
    if space.is_active:
        return format_html('<span class="badge text-bg-success">{}</span>', _("open"))
    return format_html('<span class="badge text-bg-secondary">{}</span>', _("closed"))


class ExchangeSpaceTable(Table):
    model = ExchangeSpace
    name = Column(_("Name"), link=True)
    partner = Column(_("Partner"), accessor=_partner, sort_by=("professional_order__name", "organisation__name"))
    owner_unit = Column(_("Unit"), sort_by=("owner_unit__name",))
    used_percent = Column(_("Space used (%)"), display=_quota_cell, sort_by=("used_bytes",))
    last_activity_at = Column(_("Last activity"))
    state = Column(_("State"), accessor=_state, display=_state_cell, sort_by=("is_active",))
    default_sort = "name"


# --- Audit trail (views/audit.py). ----------------------------------------------------------
from documents.exchange.choices import EventAction  # noqa: E402
from documents.exchange.models import ExchangeEvent  # noqa: E402

# Done by a member on a link, not by its visitor.
LINK_MANAGEMENT = frozenset({EventAction.LINK_CREATED, EventAction.LINK_REVOKED})


def _who(event):
    """The link's visitor ("lien « Cabinet X »"; a drop link stores in its creator's name), the
    person, or the retention job."""
    if event.link_id is not None and event.action not in LINK_MANAGEMENT:
        return _("link “%(label)s”") % {"label": event.link}
    if event.user_id is not None:
        return str(event.user)
    if event.action == EventAction.PURGED:
        return _("the retention job")
    return None


class ExchangeEventTable(Table):
    """A space's audit trail: every column from the event's own row, its person and its link."""

    model = ExchangeEvent
    at = Column(_("When"))
    who = Column(_("Who"), accessor=_who, sort_by=("user__last_name", "user__first_name", "link__label"))
    ip_address = Column(_("Address"))
    action = Column(_("Action"))
    object_name = Column(_("Object"))
    detail = Column(_("Detail"), orderable=False)
    default_sort = "-at"
