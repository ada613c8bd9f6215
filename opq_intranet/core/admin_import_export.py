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
- Imported files are read by core's bounded reader (`read_csv`, `read_xlsx`): at most
  MAX_ROWS rows, MAX_COLUMNS columns and MAX_CELLS cells, and an XLSX checked for what it
  holds once inflated; the refusal is shown, in French, on the import form.
- The CSP stays 'self': the export page's inline "Select all" handler is bound by
  static/js/admin-export.js instead; the library writes `style` attributes (its preview's diff
  colours, a few paddings), so its import and export pages alone allow style attributes
  (`style-src-attr 'unsafe-inline'`, never scripts).
"""

import io

import tablib
from django import forms
from django.core.exceptions import ValidationError
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import SelectableFieldsExportForm

from opq_intranet.core.spreadsheets import FORMULA_STARTS, csv_text, read_csv, read_xlsx, xlsx_bytes

# Reference data is a few thousand rows (5 000 contacts at full scale): a file past these
# bounds is refused before it is parsed whole.
MAX_ROWS, MAX_COLUMNS, MAX_CELLS = 20_000, 50, 500_000


def _unescaped(value):
    """A CSV cell as it was before export: "'=SUM(A1)" -> "=SUM(A1)"."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


class SafeCSV(base_formats.CSV):
    def export_data(self, dataset, **kwargs):
        return csv_text([dataset.headers, *dataset])

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        read_csv(in_stream, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS, max_cells=MAX_CELLS)  # bounds first
        dataset = super().create_dataset(in_stream, **kwargs)
        return tablib.Dataset(*[[_unescaped(v) for v in row] for row in dataset], headers=dataset.headers)


class SafeXLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        return xlsx_bytes([(dataset.title or "export", [dataset.headers, *dataset])])

    def create_dataset(self, in_stream):
        """The first sheet, as the library reads it (a header row, then the rows), bounded."""
        sheets = read_xlsx(io.BytesIO(in_stream), max_rows=MAX_ROWS, max_columns=MAX_COLUMNS, max_cells=MAX_CELLS)
        rows = sheets[0][1]
        dataset = tablib.Dataset()
        if rows:
            dataset.headers = list(rows[0])
            for row in rows[1:]:
                if any(value is not None for value in row):
                    dataset.append(list(row))
        return dataset


# The library's pages write style attributes (diff colours, paddings); scripts stay 'self'.
STYLE_ATTRIBUTES_ALLOWED = {"style-src-attr": ["'unsafe-inline'"]}


class ExportForm(SelectableFieldsExportForm):
    @property
    def media(self):
        return super().media + forms.Media(js=["js/admin-export.js"])


def _with_style_attributes(response):
    response._csp_update = STYLE_ATTRIBUTES_ALLOWED  # read by django-csp's middleware
    return response


class ReferenceImportExportMixin(ImportExportMixin):
    """Export for whoever may view the list; import, with its dry-run preview, for IT only."""

    formats = [SafeCSV, SafeXLSX]
    export_form_class = ExportForm

    def import_action(self, request, **kwargs):
        return _with_style_attributes(super().import_action(request, **kwargs))

    def process_import(self, request, **kwargs):
        return _with_style_attributes(super().process_import(request, **kwargs))

    def export_action(self, request):
        return _with_style_attributes(super().export_action(request))

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, ValidationError):  # core's reader refused the file: say why, in French
            form.add_error("import_file", e.messages[0])
            return
        super().add_data_read_fail_error_to_form(form, e)

    def has_import_permission(self, request):
        return request.user.is_active and request.user.is_superuser and super().has_import_permission(request)
