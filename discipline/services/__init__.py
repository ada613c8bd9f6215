"""Every write of the disciplinary cases that has a rule, one module per topic."""

from discipline.services.cases import (
    TRANSITIONS,
    can_move,
    case_assign_panel,
    case_close,
    case_open,
    case_serve,
    case_update,
    case_withdraw,
    cases_close_after_appeal_delay,
    count_add,
)
from discipline.services.decisions import (
    FINE_MAX,
    FINE_MIN,
    SanctionInput,
    appeal_decide,
    appeal_file,
    check_sanction,
    decision_record,
    decision_serve,
    enforceable_on,
)
from discipline.services.directory import (
    chair_calendar_link_issue,
    chair_calendar_link_revoke,
    chair_save,
    council_save,
    member_save,
    unavailability_add,
    unavailability_remove,
)
from discipline.services.filing import decision_file
from discipline.services.hearings import conflicts, hearing_cancel, hearing_held, hearing_postpone, hearing_schedule
from discipline.services.protection import protection_order_lift, protection_order_place

__all__ = [
    "FINE_MAX",
    "FINE_MIN",
    "TRANSITIONS",
    "SanctionInput",
    "appeal_decide",
    "appeal_file",
    "can_move",
    "case_assign_panel",
    "case_close",
    "case_open",
    "case_serve",
    "case_update",
    "case_withdraw",
    "cases_close_after_appeal_delay",
    "chair_calendar_link_issue",
    "chair_calendar_link_revoke",
    "chair_save",
    "check_sanction",
    "conflicts",
    "council_save",
    "count_add",
    "decision_file",
    "decision_record",
    "decision_serve",
    "enforceable_on",
    "hearing_cancel",
    "hearing_held",
    "hearing_postpone",
    "hearing_schedule",
    "member_save",
    "protection_order_lift",
    "protection_order_place",
    "unavailability_add",
    "unavailability_remove",
]
