"""Forms of the mandates: the mandate itself, its status, a progress note, its links, and the\ndue page's unit."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courrier.choices import MandateStatus
from courrier.models import Mandate
from opq_intranet.accounts.models import User
from opq_intranet.core.forms import DateInput
from opq_intranet.core.models import OrgUnit
from opq_intranet.core.selectors import active_staff


def assignable_people():
    """Active staff who use the app (Personnel or Courrier role, or given the permission)."""
    holds_access = Q(groups__permissions__codename="access_courrier") | Q(user_permissions__codename="access_courrier")
    ids = User.objects.filter(holds_access | Q(is_superuser=True)).values("pk")
    return active_staff().filter(pk__in=ids).select_related("org_unit").order_by("last_name", "first_name", "pk")


class PersonLabelMixin:
    """A person as the pickers show them: with their unit."""

    def label_from_instance(self, obj):
        return f"{obj} ({obj.org_unit.name})" if obj.org_unit_id else str(obj)


class PersonChoiceField(PersonLabelMixin, forms.ModelChoiceField):
    pass


class PeopleChoiceField(PersonLabelMixin, forms.ModelMultipleChoiceField):
    pass


class MandateForm(forms.ModelForm):
    lead = PersonChoiceField(label=_("Lead"), queryset=User.objects.none())
    helpers = PeopleChoiceField(
        label=_("Helpers"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several people."),
    )
    org_unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.filter(is_active=True),
        required=False,
        empty_label=_("(the lead's unit)"),
        help_text=_("The unit that carries the mandate; the lead's unit when left empty."),
    )

    class Meta:
        model = Mandate
        fields = ["title", "description", "lead", "helpers", "org_unit", "priority", "due_on"]
        widgets = {"due_on": DateInput, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = assignable_people()
        self.fields["lead"].queryset = people
        self.fields["helpers"].queryset = people


class StatusForm(forms.Form):
    """One form, one button per allowed status; the note is required to cancel or reopen."""

    prefix = "status"
    status = forms.ChoiceField(label=_("New status"), choices=MandateStatus.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required to cancel or reopen the mandate; kept with the progress notes."),
    )


class NoteForm(forms.Form):
    prefix = "note"
    text = forms.CharField(
        label=_("Progress note"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the note.")},
    )


class MailLinkForm(forms.Form):
    prefix = "mail"
    reference = forms.CharField(
        label=_("Chrono number of the mail item"),
        max_length=30,
        help_text=_("For example E2026-00042."),
        error_messages={"required": _("Give the chrono number of the mail item.")},
    )


class FileLinkForm(forms.Form):
    prefix = "file"
    reference = forms.CharField(
        label=_("File number"), max_length=30, error_messages={"required": _("Give the file number.")}
    )


class UnlinkForm(forms.Form):
    """The "Unlink" buttons of the mandate's page: the linked item or file to take off."""

    unlink_mail = forms.IntegerField(required=False, error_messages={"invalid": _("Say what to link or unlink.")})
    unlink_file = forms.IntegerField(required=False, error_messages={"invalid": _("Say what to link or unlink.")})

    def clean(self):
        cleaned = super().clean()
        if not self.errors and cleaned.get("unlink_mail") is None and cleaned.get("unlink_file") is None:
            raise forms.ValidationError(_("Say what to link or unlink."))
        return cleaned


class DueUnitForm(forms.Form):
    """The due page's choice of a unit."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.all(), required=False, empty_label=_("All"))
