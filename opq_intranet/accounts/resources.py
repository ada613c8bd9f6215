"""Import and export of the people in the admin (django-import-export), by username.

Only what a directory shows: username, names, email, kind of account, unit (by its code), job
title, active. Never the password hash, the admin flags (is_staff, is_superuser), the roles or
the permissions: a file cannot give rights, they stay on the person's admin page. A person
created by an import has no usable password; they choose one through "Mot de passe oublié?".
"""

from import_export import fields, resources, widgets

from opq_intranet.accounts.models import User
from opq_intranet.core.models import OrgUnit

PERSON_FIELDS = ("username", "first_name", "last_name", "email", "kind", "org_unit", "job_title", "is_active")


class PersonResource(resources.ModelResource):
    org_unit = fields.Field(
        attribute="org_unit", column_name="org_unit", widget=widgets.ForeignKeyWidget(OrgUnit, field="code")
    )

    class Meta:
        model = User
        fields = PERSON_FIELDS
        import_id_fields = ("username",)
        clean_model_instances = True  # the model's checks: a partner needs an order, emails are unique
        skip_unchanged = True
        report_skipped = True

    def init_instance(self, row=None):
        person = super().init_instance(row)
        person.set_unusable_password()
        return person
