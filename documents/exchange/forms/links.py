"""Forms of the exchange spaces: share and drop links (the member's side) and the visitor's
password and drop forms."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.exchange.choices import LinkKind
from documents.exchange.services.links import PASSWORD_MIN_LENGTH, check_expiry_date, latest_expiry_date
from opq_intranet.core.forms import DateInput

DEFAULT_LINK_DAYS = 7


class LinkForm(forms.Form):
    """A new link to the target the page names (a file, a folder or the space's root): a file
    is only shared; a folder may also receive files (drop link)."""

    kind = forms.ChoiceField(label=_("Kind of link"), choices=LinkKind.choices, initial=LinkKind.DOWNLOAD)
    label = forms.CharField(
        label=_("For whom"),
        max_length=200,
        help_text=_("Whom the link is for (a person, a firm): shown in the list of links, never to the visitor."),
    )
    expires_on = forms.DateField(label=_("Valid until"), widget=DateInput)
    password = forms.CharField(
        label=_("Password (optional)"),
        required=False,
        strip=False,
        min_length=PASSWORD_MIN_LENGTH,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Give it to the person by another way than the link (by phone, for example)."),
    )
    max_downloads = forms.IntegerField(
        label=_("Download limit (optional)"),
        required=False,
        min_value=1,
        max_value=10_000,
        help_text=_("A share link only: after this many downloads it stops working."),
    )

    def __init__(self, *args, shared_file=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        latest = latest_expiry_date(today)
        self.fields["expires_on"].initial = min(today + timedelta(days=DEFAULT_LINK_DAYS), latest)
        self.fields["expires_on"].widget.attrs.update(min=today.isoformat(), max=latest.isoformat())
        self.fields["expires_on"].help_text = _(
            "At most %(days)s days from today; the link works until the end of that day."
        ) % {"days": settings.EXCHANGE_LINK_MAX_DAYS}
        if shared_file is not None:
            # A drop link receives files into a folder: a file is only shared.
            self.fields["kind"].choices = [(LinkKind.DOWNLOAD, LinkKind.DOWNLOAD.label)]

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        check_expiry_date(day)
        return day

    def clean(self):
        data = super().clean()
        if data.get("kind") == LinkKind.DROP and data.get("max_downloads"):
            message = _("A drop link serves no download: it has no download limit.")
            self.add_error("max_downloads", ValidationError(message))
        return data


class LinkPasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class DropForm(forms.Form):
    """A visitor's file through a drop link (the size is checked again by the service)."""

    uploaded = forms.FileField(label=_("File to send"))

    def clean_uploaded(self):
        uploaded = self.cleaned_data["uploaded"]
        if uploaded.size > settings.EXCHANGE_MAX_FILE_BYTES:
            raise ValidationError(
                _("The file is too large (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(settings.EXCHANGE_MAX_FILE_BYTES)}
            )
        return uploaded
