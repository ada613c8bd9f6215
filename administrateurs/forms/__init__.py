"""Forms of the administrators' bank, one module per topic."""

from administrateurs.forms.candidates import CandidateForm
from administrateurs.forms.matching import AppointForm, DayForm, MatchingForm
from administrateurs.forms.meetings import AllowanceRateForm, AttendanceGridForm, MeetingForm, PeriodForm
from administrateurs.forms.obligations import DeclarationCompletionForm, TrainingCompletionForm, TrainingSessionForm

__all__ = [
    "AllowanceRateForm",
    "AppointForm",
    "AttendanceGridForm",
    "CandidateForm",
    "DayForm",
    "DeclarationCompletionForm",
    "MatchingForm",
    "MeetingForm",
    "PeriodForm",
    "TrainingCompletionForm",
    "TrainingSessionForm",
]
