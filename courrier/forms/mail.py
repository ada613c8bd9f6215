"""Forms of the mail registry: registering an item, routing it, replying, attaching, closing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courrier import permissions, selectors
from courrier.choices import Direction, MailType
from courrier.models import Contact, MailItem
from opq_intranet.core.forms import DateInput, MultipleFileField
from opq_intranet.core.models import OrgUnit


class ContactSelect(forms.Select):
    """A native select whose options the search box next to it replaces (htmx)."""

    template_name = "courrier/widgets/contact_select.html"


class ContactChoiceField(forms.ModelChoiceField):
    widget = ContactSelect

    def __init__(self, **kwargs):
        super().__init__(queryset=Contact.objects.filter(is_active=True), **kwargs)


class MailItemForm(forms.ModelForm):
    """Registering (or correcting) an item; a new sender can be entered on the spot."""

    contact = ContactChoiceField(label=_("Sender or recipient"), required=False, empty_label=_("— choose —"))
    new_contact_name = forms.CharField(label=_("or a new contact: name"), required=False, max_length=200)
    new_contact_organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)
    new_contact_email = forms.EmailField(label=_("Email"), required=False)
    attachments = MultipleFileField(
        label=_("Scanned copy or email file"),
        required=False,
        help_text=_("PDF, EML, MSG, DOCX, ODT or TXT: their text is indexed for the search."),
    )

    class Meta:
        model = MailItem
        fields = [
            "direction",
            "received_on",
            "sent_on",
            "letter_date",
            "channel",
            "contact",
            "subject",
            "mail_type",
            "confidentiality",
            "reply_due_on",
            "notes",
        ]
        widgets = {
            "received_on": DateInput,
            "sent_on": DateInput,
            "letter_date": DateInput,
            "reply_due_on": DateInput,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        selected = self.instance.contact if self.instance.pk else None
        if self.is_bound and self.data.get(self.add_prefix("contact")):
            selected = Contact.objects.filter(pk=self.data.get(self.add_prefix("contact"))).first() or selected
        self.fields["contact"].widget.choices = [("", _("— choose —"))] + [
            (c.pk, str(c)) for c in selectors.contact_options(selected=selected)
        ]
        if editing:  # the chrono's series follows the direction: it never changes
            self.fields["direction"].disabled = True
            for name in ("new_contact_name", "new_contact_organisation", "new_contact_email", "attachments"):
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        if "new_contact_name" in self.fields:
            new_name = cleaned.get("new_contact_name", "").strip()
            if not cleaned.get("contact") and not new_name:
                self.add_error("contact", _("Choose the sender or recipient, or enter a new contact."))
            if cleaned.get("contact") and new_name:
                self.add_error("new_contact_name", _("Choose a contact or enter a new one, not both."))
        direction = cleaned.get("direction")
        if direction == Direction.INCOMING and not cleaned.get("received_on"):
            self.add_error("received_on", _("Give the date the item was received."))
        if direction == Direction.OUTGOING and not cleaned.get("sent_on"):
            self.add_error("sent_on", _("Give the date the item was sent."))
        return cleaned

    def new_contact(self):
        """The contact typed in the form (not saved), or None."""
        name = self.cleaned_data.get("new_contact_name", "").strip()
        if not name:
            return None
        organisation = self.cleaned_data.get("new_contact_organisation", "").strip()
        return Contact(
            name=name,
            organisation=organisation,
            email=self.cleaned_data.get("new_contact_email", ""),
            kind="person" if organisation or " " in name else "organisation",
        )


class PersonOfUnitSelect(forms.Select):
    """Each person carries their unit, so that the list shows only the chosen unit's people
    (static/js/intranet.js: `data-filter-by`); without JavaScript every person shows, and
    the service refuses a person of another unit."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        person = getattr(value, "instance", None)
        if person is not None:
            option["attrs"]["data-filter-value"] = person.org_unit_id or ""
        return option


class RouteForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.filter(is_active=True))
    assignee = forms.ModelChoiceField(
        label=_("Person (optional)"),
        queryset=permissions.people_who_receive_mail(),
        required=False,
        widget=PersonOfUnitSelect(attrs={"data-filter-by": "unit"}),
        help_text=_("A person of that unit; left empty, the unit shares the item."),
    )
    note = forms.CharField(label=_("Instructions"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.org_unit or '—'})"


class ReplyForm(forms.ModelForm):
    attachments = MultipleFileField(label=_("The reply (PDF, EML…)"), required=False)

    class Meta:
        model = MailItem
        fields = ["sent_on", "channel", "subject", "notes"]
        widgets = {"sent_on": DateInput, "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sent_on"].required = True


class AttachForm(forms.Form):
    attachments = MultipleFileField(label=_("Files to attach"))


class CloseForm(forms.Form):
    closed_on = forms.DateField(label=_("Closed on"), widget=DateInput)


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "kind",
            "name",
            "organisation",
            "professional_order",
            "email",
            "phone",
            "address",
            "city",
            "province",
            "postal_code",
            "notes",
            "is_active",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 2}),
            "postal_code": forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }


class MailSearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), max_length=200)
    direction = forms.ChoiceField(label=_("Direction"), choices=[("", _("All")), *Direction.choices], required=False)
    mail_type = forms.ChoiceField(label=_("Type"), choices=[("", _("All")), *MailType.choices], required=False)
    routed_unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.all(), required=False)
    since = forms.DateField(label=_("Dated from"), required=False, widget=DateInput)
    until = forms.DateField(label=_("Dated until"), required=False, widget=DateInput)
