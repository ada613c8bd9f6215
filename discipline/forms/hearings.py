"""Forms of the hearings: scheduling one, and recording what happened."""

from django import forms
from django.utils.translation import gettext_lazy as _

from discipline.choices import HearingKind, HearingVenue, PostponementRequester
from opq_intranet.core.forms import DateInput


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class HearingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Hearing"), choices=HearingKind.choices)
    day = forms.DateField(label=_("Day"), widget=DateInput)
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput)
    minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=15, max_value=720, initial=180)
    venue = forms.ChoiceField(label=_("Place"), choices=HearingVenue.choices)
    room = forms.CharField(label=_("Room"), required=False, max_length=100)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")

    def schedule_arguments(self):
        data = self.cleaned_data
        return {key: data[key] for key in ("day", "start", "minutes", "venue", "room", "video_link")}


HELD, POSTPONED, CANCELLED = "held", "postponed", "cancelled"


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What happened"),
        choices=[(HELD, _("Held")), (POSTPONED, _("Postponed")), (CANCELLED, _("Cancelled"))],
        widget=forms.RadioSelect,
    )
    under_advisement = forms.BooleanField(
        label=_("Taken under advisement at the end of the hearing"), required=False, initial=True
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)
    reason = forms.CharField(label=_("Reason for the postponement"), required=False, max_length=300)
    requested_by = forms.ChoiceField(
        label=_("Postponement asked by"), choices=[("", "—"), *PostponementRequester.choices], required=False
    )
    reschedule_now = forms.BooleanField(label=_("Reschedule now"), required=False)
    day = forms.DateField(label=_("New day"), widget=DateInput, required=False)
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput, required=False)
    minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=15, max_value=720, required=False)
    venue = forms.ChoiceField(label=_("Place"), choices=[("", "—"), *HearingVenue.choices], required=False)
    room = forms.CharField(label=_("Room"), required=False, max_length=100)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")

    def clean(self):
        data = super().clean()
        if data.get("outcome") == POSTPONED and data.get("reschedule_now"):
            for field in ("day", "start", "minutes", "venue"):
                if not data.get(field):
                    self.add_error(field, _("Give the new hearing's day, time, duration and place."))
        return data

    def reschedule(self):
        data = self.cleaned_data
        if not data.get("reschedule_now"):
            return None
        return {key: data[key] for key in ("day", "start", "minutes", "venue", "room", "video_link")}
