"""Forms of the directory: a council, a chair, a council member, a chair's period away."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from discipline import permissions
from discipline.models import Chair, Council, CouncilMember
from opq_intranet.core.forms import DateInput
from opq_intranet.core.models import ProfessionalOrder
from opq_intranet.core.selectors import staff_holding


class CouncilForm(forms.ModelForm):
    class Meta:
        model = Council
        fields = ["order", "number", "secretary_name", "secretary_email", "secretary_phone", "is_active"]
        error_messages = {"number": {"unique": _("Another council already has this number.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The orders without a council yet, and the council's own.
        others = Council.objects.exclude(pk=self.instance.pk) if self.instance.pk else Council.objects.all()
        self.fields["order"].queryset = ProfessionalOrder.objects.exclude(pk__in=others.values("order")).order_by(
            "name"
        )


class ChairForm(forms.ModelForm):
    # Not a model field of the form: the model's one-senior-chair constraint would refuse a
    # new senior chair before chair_save() takes the title from the previous one.
    is_senior = forms.BooleanField(
        label=capfirst(Chair._meta.get_field("is_senior").verbose_name),
        required=False,
        help_text=Chair._meta.get_field("is_senior").help_text,
    )
    field_order = ["first_name", "last_name", "email", "user", "is_senior", "is_active"]

    class Meta:
        model = Chair
        fields = ["first_name", "last_name", "email", "user", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("is_senior", self.instance.is_senior)
        # The accounts of the Bureau des présidents (the service checks it again).
        self.fields["user"].queryset = staff_holding(permissions.APP).order_by("last_name", "first_name")

    def save(self, commit=True):
        self.instance.is_senior = self.cleaned_data["is_senior"]
        return super().save(commit=commit)


class MemberForm(forms.ModelForm):
    class Meta:
        model = CouncilMember
        fields = ["council", "first_name", "last_name", "title", "email", "appointed_on", "is_active"]
        widgets = {"appointed_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        councils = Council.objects.select_related("order")
        current = self.instance.council_id
        # Active councils, and the member's own even when it no longer sits.
        self.fields["council"].queryset = (
            councils.filter(is_active=True) | councils.filter(pk=current)
            if current
            else councils.filter(is_active=True)
        )


class UnavailabilityForm(forms.Form):
    """Embedded in the chair's page (prefix "away"): a period the chair cannot sit."""

    prefix = "away"

    starts_on = forms.DateField(label=_("From"), widget=DateInput)
    ends_on = forms.DateField(label=_("To"), widget=DateInput)
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The period cannot end before it starts."))
        return data
