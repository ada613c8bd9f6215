"""Import and export of the contacts directory in the admin (django-import-export).

A contact has no natural key (two people may share a name): rows are matched by `id`, as
exported; a row without an id is a new contact. The order a contact stands for is given by
its code; the province by its two letters (QC); the postal code is checked and written as
Canada Post does (H2X 1Y4), a bad one refusing the file. A renamed contact is found under its
new name in its mail (the search vectors).
"""

from import_export import fields, resources, widgets

from courrier import services
from courrier.models import Contact
from opq_intranet.core.models import ProfessionalOrder


class ContactResource(resources.ModelResource):
    professional_order = fields.Field(
        attribute="professional_order",
        column_name="professional_order",
        widget=widgets.ForeignKeyWidget(ProfessionalOrder, field="code"),
    )

    class Meta:
        model = Contact
        fields = (
            "id",
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
        )
        import_id_fields = ("id",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def after_init_instance(self, instance, new, row, **kwargs):
        instance._indexed_as = None if new else (instance.name, instance.organisation)

    def after_save_instance(self, instance, row, **kwargs):
        indexed_as = getattr(instance, "_indexed_as", None)
        if indexed_as is not None and indexed_as != (instance.name, instance.organisation):
            services.contact_search_refresh(instance.pk)
