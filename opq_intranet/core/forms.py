"""Form rendering shared by every app: Bootstrap markup, accessible errors."""

from django.forms.renderers import TemplatesSetting


class IntranetFormRenderer(TemplatesSetting):
    """Project templates may override Django's widget templates (templates/django/forms/)."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
