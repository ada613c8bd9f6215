"""Forms of the administrators' bank, one module per topic."""

from administrateurs.forms.candidates import CandidateForm
from administrateurs.forms.declarations import ConsentForm, DocumentForm, LinkForm, PreferenceForm
from administrateurs.forms.imports import CandidateImportForm
from administrateurs.forms.matching import AppointForm, DayForm, MatchingForm
from administrateurs.forms.meetings import AllowanceRateForm, AttendanceGridForm, MeetingForm, PeriodForm
from administrateurs.forms.obligations import DeclarationCompletionForm, TrainingCompletionForm, TrainingSessionForm

__all__ = [
    "AllowanceRateForm",
    "AppointForm",
    "AttendanceGridForm",
    "CandidateForm",
    "CandidateImportForm",
    "ConsentForm",
    "DayForm",
    "DeclarationCompletionForm",
    "DocumentForm",
    "LinkForm",
    "MatchingForm",
    "MeetingForm",
    "PeriodForm",
    "PreferenceForm",
    "TrainingCompletionForm",
    "TrainingSessionForm",
]
