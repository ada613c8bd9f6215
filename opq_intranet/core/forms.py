"""Form pieces shared by every app: Bootstrap rendering, the date picker, several files in one input."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.renderers import TemplatesSetting
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _


class IntranetFormRenderer(TemplatesSetting):
    """Project templates may override Django's widget templates (templates/django/forms/)."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class DateInput(forms.DateInput):
    """The browser's date picker, with the ISO value it expects (2026-11-24)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe); cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


# Django writes an empty choice as "---------"; the project says it in words, the same in
# every form (filters say "All" instead: there, the empty choice means no filter).
DJANGO_EMPTY_LABEL = "---------"
EMPTY_CHOICE_LABEL = _("— choose —")


def choice_label(label):
    return EMPTY_CHOICE_LABEL if label == DJANGO_EMPTY_LABEL else label


class FastSelectMixin:
    """The project's single <select> (templates/django/forms/widgets/select.html) built in
    Python: through the templates, each option costs an include, and a list page's filters
    (units, people, statuses…) cost several milliseconds before any of its rows."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        css = " ".join(filter(None, ["form-select", attrs.pop("class", "")]))
        formatted = self.format_value(value)
        selected = {str(v) for v in formatted} if isinstance(formatted, list | tuple) else {str(formatted)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, " selected" if str(key) in selected else "", choice_label(label)) for key, label in self.choices),
        )
        return format_html('<select name="{}" class="{}"{}>{}</select>', name, css, flatatt(attrs), options)


class FastSelect(FastSelectMixin, forms.Select):
    pass


def add_service_errors(form, error):
    """Show a service's ValidationError on the form: on the field it names, else above it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields or field == NON_FIELD_ERRORS else None, problems)


def focus_first_field(form):
    """A page that is a form opens with the cursor in it: in the first field with an error
    when the form was refused, else in the first field a person fills (not hidden, not
    disabled or read-only). Without it, a new mandate took 14 Tabs to reach its title."""
    if form is None:
        return
    candidates = [
        bound
        for bound in form.visible_fields()
        if not bound.field.disabled and not bound.field.widget.attrs.get("readonly")
    ]
    with_errors = [bound for bound in candidates if bound.errors]
    chosen = (with_errors or candidates)[:1]
    for bound in chosen:
        bound.field.widget.attrs["autofocus"] = True


class SpreadsheetImportForm(forms.Form):
    """The file of an import (XLSX or CSV, at most IMPORT_MAX_BYTES); a subclass says, in its
    field's help text, what one row is."""

    IMPORT_MAX_BYTES = 5 * 1024 * 1024

    spreadsheet = forms.FileField(label=_("Spreadsheet (XLSX or CSV)"))

    def clean_spreadsheet(self):
        upload = self.cleaned_data["spreadsheet"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Send an XLSX or CSV file."))
        if upload.size > self.IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB: import it in parts."))
        return upload
