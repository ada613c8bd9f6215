"""Import and export of reference data in the admin (django-import-export).

Used by the admin pages of the professional orders, the units, the people and the contacts,
each with its `resources.py`:

    @admin.register(OrgUnit)
    class OrgUnitAdmin(ReferenceImportExportMixin, HistoryAdmin):
        resource_classes = [OrgUnitResource]

- Import (a CSV or XLSX file, a preview of every row as a dry run, then a confirmation) is for
  IT administrators only (superusers); other staff with the admin's view permission export.
- Exports use the project's spreadsheet rule (core/spreadsheets.py): a CSV cell starting with
  = + - @ (or a tab or carriage return) is prefixed with an apostrophe, and XLSX text is stored
  as text, so that no text typed by someone becomes a live formula; the text stays whole. A
  CSV exported here imports back unchanged (the apostrophe is taken off).
"""

import tablib
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats

from opq_intranet.core.spreadsheets import FORMULA_STARTS, csv_text, xlsx_bytes


def _unescaped(value):
    """A CSV cell as it was before export: "'=SUM(A1)" -> "=SUM(A1)"."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


class SafeCSV(base_formats.CSV):
    def export_data(self, dataset, **kwargs):
        return csv_text([dataset.headers, *dataset])

    def create_dataset(self, in_stream, **kwargs):
        dataset = super().create_dataset(in_stream, **kwargs)
        return tablib.Dataset(*[[_unescaped(v) for v in row] for row in dataset], headers=dataset.headers)


class SafeXLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        return xlsx_bytes([(dataset.title or "export", [dataset.headers, *dataset])])


class ReferenceImportExportMixin(ImportExportMixin):
    """Export for whoever may view the list; import, with its dry-run preview, for IT only."""

    formats = [SafeCSV, SafeXLSX]

    def has_import_permission(self, request):
        return request.user.is_active and request.user.is_superuser and super().has_import_permission(request)
