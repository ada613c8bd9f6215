"""Every read of the disciplinary cases, one module per topic."""

from discipline.selectors.cases import (
    appeal_deadline_of,
    appealable_decision,
    case_page,
    cases,
    cases_for_list,
    cases_for_page,
    hearings_of_chair_this_week,
    home_summary,
    matching_cases,
    redacted,
    under_advisement,
)
from discipline.selectors.compilation import MAX_MONTHS, compilation
from discipline.selectors.directory import (
    active_chairs,
    chair_page,
    chairs,
    council_page,
    councils,
    members,
    members_of,
)
from discipline.selectors.hearings import hearings_between, month_of, roll_of, week_of
from discipline.selectors.reconciliation import order_reconciliation, reconciliation
from discipline.selectors.report_tables import fiscal_year, fiscal_year_label, fiscal_year_of
from discipline.selectors.yearly_report import yearly_report

__all__ = [
    "MAX_MONTHS",
    "active_chairs",
    "appeal_deadline_of",
    "appealable_decision",
    "case_page",
    "cases",
    "cases_for_list",
    "cases_for_page",
    "chair_page",
    "chairs",
    "compilation",
    "council_page",
    "councils",
    "fiscal_year",
    "fiscal_year_label",
    "fiscal_year_of",
    "hearings_between",
    "hearings_of_chair_this_week",
    "home_summary",
    "matching_cases",
    "members",
    "members_of",
    "month_of",
    "order_reconciliation",
    "reconciliation",
    "redacted",
    "roll_of",
    "under_advisement",
    "week_of",
    "yearly_report",
]
