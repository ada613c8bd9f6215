"""Tables of the records lists."""

from django.utils.translation import gettext_lazy as _

from documents.models import RecordFile, RetentionRule
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table


def copy_rules_summary(rule):
    """ "P papier 2-5 C · S num. 1-0 D": the periods at a glance, as a schedule prints them."""
    parts = []
    for copy in rule.copy_rules.all():
        kind = "P" if copy.copy_kind == "principal" else "S"
        medium = _("paper") if copy.medium == "paper" else _("digital")
        parts.append(f"{kind} {medium} {copy.active_period}-{copy.semi_active_period} {copy.final_disposal}")
    return " · ".join(parts)


class RetentionRuleTable(Table):
    model = RetentionRule
    number = Column(_("Number"), link=True)
    title = Column(_("Title"))
    periods = Column(_("Periods"), accessor=copy_rules_summary, orderable=False)
    approval_status = Column(_("Approval"))
    banq_approved_on = Column(_("Approved on"))
    essential = BooleanColumn(_("Essential"))
    confidential = BooleanColumn(_("Confidential"))
    class_count = Column(_("Classes"), orderable=False)
    default_sort = "number"


class RecordFileTable(Table):
    model = RecordFile
    reference = Column(_("File number"), link=True)
    title = Column(_("Title"))
    record_class = Column(_("Class"), accessor="record_class.code", sort_by=("record_class__path",))
    org_unit = Column(_("Unit"), sort_by=("org_unit__name",))
    opened_on = Column(_("Opened on"))
    closed_on = Column(_("Closed on"))
    stage = Column(_("Stage"))
    disposal_on = Column(_("Disposal"), sort_by=("expected_disposal_on",))
    confidentiality = Column(_("Confidentiality"))
    default_sort = "-opened_on"
