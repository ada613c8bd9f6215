"""Import and export of core's reference data in the admin (django-import-export): the
professional orders by their code, the units by theirs (parent and site by code too)."""

from import_export import fields, resources, widgets

from opq_intranet.core.models import OrgUnit, ProfessionalOrder, Site


class ProfessionalOrderResource(resources.ModelResource):
    class Meta:
        model = ProfessionalOrder
        fields = ("code", "name", "profession", "practice_kind", "website", "email", "is_active")
        import_id_fields = ("code",)
        clean_model_instances = True  # the model's validation, as a form would
        skip_unchanged = True
        report_skipped = True


class OrgUnitResource(resources.ModelResource):
    parent = fields.Field(
        attribute="parent", column_name="parent", widget=widgets.ForeignKeyWidget(OrgUnit, field="code")
    )
    site = fields.Field(attribute="site", column_name="site", widget=widgets.ForeignKeyWidget(Site, field="code"))

    class Meta:
        model = OrgUnit
        fields = ("code", "name", "parent", "site", "email", "is_active")
        import_id_fields = ("code",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
