"""Table of the cases' list. A case under a non-publication order shows its respondent as
"[protected]" on the list and in its exports, whoever looks (the case's page shows the name to
those who may read it)."""

from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from discipline import deadlines
from discipline.models import Case
from discipline.redaction import redact
from opq_intranet.core.lists.tables import EMPTY, Column, Table


def _respondent(case):
    return redact(case.respondent_name, case.protected or [])


def _number(value, record):
    if record.urgent:
        return format_html('{} <span class="badge text-bg-danger">{}</span>', value, _("urgent"))
    return value


def _advisement(value, record):
    if value is None:
        return EMPTY
    days = (timezone.localdate() - value).days
    flag = deadlines.advisement_flag(value, timezone.localdate())
    style = {"late": "text-bg-danger", "warning": "text-bg-warning"}.get(flag, "text-bg-light border")
    return format_html(
        '{} <span class="badge {}">{}</span>', value.isoformat(), style, _("%(days)s d") % {"days": days}
    )


class CaseTable(Table):
    model = Case
    number = Column(_("Number"), link=True, display=_number)
    council = Column(_("Council"), accessor="council.number", sort_by=("council__number",))
    filed_on = Column(_("Filed on"))
    respondent = Column(_("Respondent"), accessor=_respondent, orderable=False)
    status = Column(_("Status"))
    chair = Column(_("Chair"), sort_by=("chair__last_name", "chair__first_name"))
    advisement_since = Column(_("Under advisement since"), display=_advisement)
    default_sort = "-filed_on"
