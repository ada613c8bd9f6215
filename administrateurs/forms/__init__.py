"""Forms of the administrators' bank, one module per topic."""

from administrateurs.forms.candidates import CandidateForm

# Slice h4: obligations, training sessions, meetings, attendance, allowances
from administrateurs.forms.meetings import AllowanceRateForm, AttendanceGridForm, MeetingForm, PeriodForm
from administrateurs.forms.obligations import DeclarationCompletionForm, TrainingCompletionForm, TrainingSessionForm

__all__ = [
    "AllowanceRateForm",
    "AttendanceGridForm",
    "CandidateForm",
    "DeclarationCompletionForm",
    "MeetingForm",
    "PeriodForm",
    "TrainingCompletionForm",
    "TrainingSessionForm",
]
