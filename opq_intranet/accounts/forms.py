from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from opq_intranet.accounts.models import User


class LoginForm(AuthenticationForm):
    """Django's form, with the autocomplete hints password managers and WCAG expect."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autofocus": True})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The 6-digit code shown by your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_token(self):
        return self.cleaned_data["token"].strip()


class NotificationPreferenceForm(forms.ModelForm):
    """How the person hears of work handed to them (the "À traiter" queue is always kept)."""

    class Meta:
        model = User
        fields = ["notification_delivery"]
        widgets = {"notification_delivery": forms.RadioSelect}
        error_messages = {
            "notification_delivery": {
                "invalid_choice": _("Choose an email for each new item or one summary email a day."),
                "required": _("Choose an email for each new item or one summary email a day."),
            }
        }
