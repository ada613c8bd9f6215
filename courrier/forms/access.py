"""Forms of the access-to-information requests."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courrier.choices import AccessDecision, ReviewOutcome
from opq_intranet.core.forms import DateInput


class OpenForm(forms.Form):
    documents_requested = forms.CharField(
        label=_("Documents requested"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("As the applicant describes them: the letters quote it."),
    )


class ExtendForm(forms.Form):
    notice_on = forms.DateField(label=_("Notice sent on"), widget=DateInput)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why the request cannot be processed within 20 days without hindering the Office's work."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=AccessDecision.choices)
    articles = forms.CharField(
        label=_("Articles invoked"),
        required=False,
        help_text=_("For a partial access or a refusal: the articles of the law, e.g. 53, 54."),
    )
    referred_to = forms.CharField(label=_("Referred to (body)"), required=False, max_length=200)
    documents_concerned = forms.CharField(
        label=_("Documents concerned"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The documents found, one per line, and where they are."),
    )
    notes = forms.CharField(label=_("Notes on the decision"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(forms.Form):
    answered_on = forms.DateField(label=_("Response dated"), widget=DateInput)


class ReviewForm(forms.Form):
    received_on = forms.DateField(label=_("Notified on"), widget=DateInput)
    commission_reference = forms.CharField(label=_("Commission's file number"), required=False, max_length=60)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReviewOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ReviewOutcome.choices)
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
