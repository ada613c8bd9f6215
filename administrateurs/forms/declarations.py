"""The forms of a candidate's declarations, embedded in the candidate's page (each with its own
ids, so that two of them on one page never share one), and the consent's renewal."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from administrateurs.choices import DocumentKind, LinkKind
from administrateurs.models import Body
from opq_intranet.core.files import DOCUMENT_TYPES, accepted_names
from opq_intranet.core.forms import DateInput, FastSelect
from opq_intranet.core.models import ProfessionalOrder


class EmbeddedForm(forms.Form):
    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class LinkForm(EmbeddedForm):
    id_prefix = "link"
    order = forms.ModelChoiceField(
        label=_("Professional order"), queryset=ProfessionalOrder.objects.order_by("name"), widget=FastSelect
    )
    kind = forms.ChoiceField(label=_("Link"), choices=LinkKind.choices, widget=FastSelect)
    details = forms.CharField(label=_("Details"), required=False, max_length=300)
    declared_on = forms.DateField(label=_("Declared on"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"declared_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class PreferenceForm(EmbeddedForm):
    id_prefix = "preference"
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.filter(is_active=True).order_by("name"), widget=FastSelect
    )


class DocumentForm(EmbeddedForm):
    id_prefix = "document"
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices, widget=FastSelect)
    uploaded = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uploaded"].help_text = gettext("Accepted: %(types)s.") % {"types": accepted_names(DOCUMENT_TYPES)}


class ConsentForm(forms.Form):
    consent_on = forms.DateField(
        label=_("Consent renewed on"),
        required=False,
        widget=DateInput,
        help_text=_("Today if left empty; never later than today."),
    )
