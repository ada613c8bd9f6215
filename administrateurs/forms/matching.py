"""The matching's forms: the criteria (read from the query string) and the appointment."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from administrateurs import matching
from administrateurs.choices import Region
from opq_intranet.core.filtersets import FIRST_YEAR, LAST_YEAR
from opq_intranet.core.forms import EMPTY_CHOICE_LABEL, DateInput, FastSelect

# Unbound (the page opened without criteria): the criteria that need nothing typed.
DEFAULT_CRITERIA = matching.Criteria(preference=True, parity=True, diversity=True)


def _within_years(value):
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Give a date between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return value


def weights_help():
    """Each criterion's points, as the page's help says them."""
    return {
        "region": _("%(points)s points when the candidate lives in the region wanted.")
        % {"points": matching.REGION_POINTS},
        "expertise": _("%(points)s points for each keyword found in the candidate’s fields of expertise.")
        % {"points": matching.EXPERTISE_POINTS},
        "preference": _(
            "The candidate’s wish for this body: 1st choice %(first)s points, 2nd %(second)s, 3rd %(third)s, "
            "a later one %(later)s, none 0."
        )
        % {
            "first": matching.PREFERENCE_POINTS[1],
            "second": matching.PREFERENCE_POINTS[2],
            "third": matching.PREFERENCE_POINTS[3],
            "later": matching.PREFERENCE_LATER_POINTS,
        },
        "parity": _(
            "%(points)s points when the appointment narrows the gap between women and men on the body, "
            "minus %(points)s when it leaves women and men more than one apart."
        )
        % {"points": matching.PARITY_POINTS},
        "diversity": _(
            "%(points)s points for a candidate who self-declared diversity when no appointee on the body did."
        )
        % {"points": matching.DIVERSITY_POINTS},
    }


class MatchingForm(forms.Form):
    on = forms.DateField(
        label=gettext_lazy("Seat filled on"),
        required=False,
        widget=DateInput,
        help_text=gettext_lazy("Empty: the seat’s next vacancy."),
    )
    by_region = forms.BooleanField(label=gettext_lazy("Region"), required=False)
    region = forms.ChoiceField(
        label=gettext_lazy("Region wanted"),
        choices=[("", EMPTY_CHOICE_LABEL), *Region.choices],
        required=False,
        widget=FastSelect,
    )
    by_expertise = forms.BooleanField(label=gettext_lazy("Expertise"), required=False)
    keywords = forms.CharField(
        label=gettext_lazy("Keywords"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Separated by commas, for example: accounting, governance."),
    )
    by_preference = forms.BooleanField(label=gettext_lazy("Preference"), required=False)
    by_parity = forms.BooleanField(label=gettext_lazy("Parity after the appointment"), required=False)
    by_diversity = forms.BooleanField(label=gettext_lazy("Diversity"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, text in weights_help().items():
            self.fields[f"by_{key}"].help_text = text

    @classmethod
    def from_query(cls, query):
        """Bound when the query string names one of the criteria, else the defaults."""
        if any(name in query for name in cls.base_fields):
            return cls(query)
        initial = {f"by_{key}": True for key in DEFAULT_CRITERIA.active}
        return cls(initial=initial)

    def clean_on(self):
        return _within_years(self.cleaned_data.get("on"))

    def clean(self):
        data = super().clean()
        if data.get("by_region") and not data.get("region"):
            self.add_error("region", _("Choose the region wanted."))
        if data.get("by_expertise") and not matching.keywords_of(data.get("keywords")):
            self.add_error("keywords", _("Type at least one keyword."))
        return data

    def criteria(self):
        """The criteria ticked (the defaults when the form is not bound)."""
        if not self.is_bound:
            return DEFAULT_CRITERIA
        data = self.cleaned_data
        return matching.Criteria(
            region=data["region"] if data.get("by_region") else "",
            keywords=matching.keywords_of(data.get("keywords")) if data.get("by_expertise") else (),
            preference=bool(data.get("by_preference")),
            parity=bool(data.get("by_parity")),
            diversity=bool(data.get("by_diversity")),
        )

    def day(self):
        return self.cleaned_data.get("on") if self.is_bound else None


class MatchingAppointForm(forms.Form):
    starts_on = forms.DateField(label=gettext_lazy("Start of term"), widget=DateInput)
    resolution_number = forms.CharField(label=gettext_lazy("Resolution number"), max_length=30)
    decided_on = forms.DateField(label=gettext_lazy("Decision date"), widget=DateInput)

    def clean_starts_on(self):
        return _within_years(self.cleaned_data.get("starts_on"))

    def clean_decided_on(self):
        return _within_years(self.cleaned_data.get("decided_on"))


class DayForm(forms.Form):
    """The `on` of the appointment page's link: the start of term it suggests."""

    on = forms.DateField(required=False)

    def clean_on(self):
        return _within_years(self.cleaned_data.get("on"))

    def day(self, default):
        return (self.cleaned_data.get("on") if self.is_valid() else None) or default
