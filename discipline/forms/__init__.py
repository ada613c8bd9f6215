"""Form classes of the disciplinary cases, one module per topic (the layout rule in the README)."""

from discipline.forms.calendar import DayForm, MonthForm
from discipline.forms.cases import (
    CaseEditForm,
    CaseOpenForm,
    CountForm,
    DateOnlyForm,
    LiftForm,
    PanelForm,
    ProtectionOrderForm,
    ServeForm,
)
from discipline.forms.decisions import AppealForm, AppealOutcomeForm, DecisionForm
from discipline.forms.directory import ChairForm, CouncilForm, MemberForm, UnavailabilityForm
from discipline.forms.hearings import CANCELLED, HELD, POSTPONED, HearingForm, OutcomeForm
from discipline.forms.reports import CompilationForm, ReconciliationForm, YearForm

__all__ = [
    "CANCELLED",
    "HELD",
    "POSTPONED",
    "AppealForm",
    "AppealOutcomeForm",
    "CaseEditForm",
    "CaseOpenForm",
    "ChairForm",
    "CompilationForm",
    "CouncilForm",
    "CountForm",
    "DateOnlyForm",
    "DayForm",
    "DecisionForm",
    "HearingForm",
    "LiftForm",
    "MemberForm",
    "MonthForm",
    "OutcomeForm",
    "PanelForm",
    "ProtectionOrderForm",
    "ReconciliationForm",
    "ServeForm",
    "UnavailabilityForm",
    "YearForm",
]
