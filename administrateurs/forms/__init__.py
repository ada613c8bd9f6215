"""Forms of the administrators' bank, one module per topic."""

from administrateurs.forms.bodies import AppointForm, BodyForm, EndForm, RenewForm
from administrateurs.forms.candidates import CandidateForm
from administrateurs.forms.declarations import ConsentForm, DocumentForm, LinkForm, PreferenceForm
from administrateurs.forms.imports import CandidateImportForm
from administrateurs.forms.matching import DayForm, MatchingAppointForm, MatchingForm
from administrateurs.forms.meetings import AllowanceRateForm, AttendanceGridForm, MeetingForm, PeriodForm
from administrateurs.forms.obligations import DeclarationCompletionForm, TrainingCompletionForm, TrainingSessionForm

__all__ = [
    "AllowanceRateForm",
    "AppointForm",
    "AttendanceGridForm",
    "BodyForm",
    "CandidateForm",
    "CandidateImportForm",
    "ConsentForm",
    "DayForm",
    "DeclarationCompletionForm",
    "DocumentForm",
    "EndForm",
    "LinkForm",
    "MatchingAppointForm",
    "MatchingForm",
    "MeetingForm",
    "PeriodForm",
    "PreferenceForm",
    "RenewForm",
    "TrainingCompletionForm",
    "TrainingSessionForm",
]
