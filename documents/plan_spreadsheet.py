"""The classification plan as a spreadsheet: exported whole, and imported back.

One sheet, one row per class: code, title, parent class's code, retention rule's number,
description, keywords, active (oui/non). The import creates the classes it does not know
and updates the others (by code); every row is checked first (unknown parent or rule,
a code given twice, a class under its own subclass, …) and nothing is saved unless the
whole file is clean. Problems are reported by row, in French.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl.styles import Font

from documents import services
from documents.models import RecordClass, RetentionRule
from opq_intranet.core.spreadsheets import cell_text, read_workbook, safe_cell_value, styled_workbook, workbook_bytes

HEADERS = ["Code", "Titre", "Classe parente", "Règle", "Description", "Mots-clés", "Active"]
SHEET = "Plan"
MAX_ROWS = 5000  # classes; with the header row. What an import reads, at most:
MAX_COLUMNS, MAX_CELLS = 26, 100_000
YES, NO = "oui", "non"


@dataclass(frozen=True)
class ImportProblem:
    row: int | str
    message: str


@dataclass(frozen=True)
class ImportOutcome:
    created: int = 0
    updated: int = 0
    problems: tuple = ()


@dataclass
class PlanRow:
    row: int
    code: str
    title: str
    parent_code: str
    rule_number: str
    description: str
    keywords: str
    is_active: bool


def export_plan():
    """The plan's XLSX bytes, in tree order: a styled sheet (bold header, widths, frozen first
    row) whose every cell is written through core's safe_cell_value (core/spreadsheets.py), so
    that no class's text becomes a live formula."""
    workbook = styled_workbook()
    sheet = workbook.active
    sheet.title = SHEET
    for column, header in enumerate(HEADERS, start=1):  # every cell through core's guard, the header too
        safe_cell_value(sheet.cell(row=1, column=column), header).font = Font(bold=True)
    rows = RecordClass.objects.order_by("path").values_list(
        "code", "title", "parent__code", "retention_rule__number", "description", "keywords", "is_active"
    )
    for row_number, (code, title, parent, rule, description, keywords, active) in enumerate(rows, start=2):
        values = (code, title, parent or "", rule or "", description, keywords, YES if active else NO)
        for column, value in enumerate(values, start=1):  # people's text is never a live formula
            safe_cell_value(sheet.cell(row=row_number, column=column), value)
    for column, width in zip("ABCDEFG", (12, 50, 14, 12, 50, 40, 8), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    return workbook_bytes(workbook)


def read_plan(uploaded):
    """([PlanRow], [ImportProblem]); the rows are only good if there is no problem."""
    try:
        sheets = read_workbook(uploaded, max_rows=MAX_ROWS + 1, max_columns=MAX_COLUMNS, max_cells=MAX_CELLS)
    except ValidationError as error:  # not a workbook, or too large: the file itself is refused
        return [], [ImportProblem("", error.messages[0])]
    _title, sheet_rows = sheets[0]
    rows, problems = [], []
    for number, values in enumerate(sheet_rows[1:], start=2):
        if not values or all(v in (None, "") for v in values):
            continue
        values = [cell_text(v) for v in values] + [""] * (len(HEADERS) - len(values))
        code, title, parent, rule, description, keywords, active = values[: len(HEADERS)]
        if active.lower() not in ("", YES, NO):
            problems.append(ImportProblem(number, _("The Active column holds “oui” or “non”.")))
            continue
        rows.append(PlanRow(number, code, title, parent, rule, description, keywords, active.lower() != NO))
    return rows, problems + check_rows(rows)


def check_rows(rows):
    problems = []
    existing = dict(RecordClass.objects.values_list("code", "parent__code"))
    rules = set(RetentionRule.objects.values_list("number", flat=True))
    parent_of = dict(existing)
    seen = set()
    for row in rows:
        if not row.code or not row.title:
            problems.append(ImportProblem(row.row, _("A class needs its code and its title.")))
        elif len(row.code) > 30 or len(row.title) > 300:
            problems.append(ImportProblem(row.row, _("The code is at most 30 characters, the title 300.")))
        elif row.code in seen:
            problems.append(ImportProblem(row.row, _("The code %(code)s appears twice.") % {"code": row.code}))
        seen.add(row.code)
        parent_of[row.code] = row.parent_code or None
        if row.rule_number and row.rule_number not in rules:
            problems.append(
                ImportProblem(row.row, _("No retention rule has the number %(number)s.") % {"number": row.rule_number})
            )
    for row in rows:
        if row.parent_code and row.parent_code not in parent_of:
            problems.append(
                ImportProblem(row.row, _("No class has the code %(code)s (parent class).") % {"code": row.parent_code})
            )
            continue
        ancestor, steps = row.parent_code, 0
        while ancestor and steps <= len(parent_of):
            if ancestor == row.code:
                problems.append(
                    ImportProblem(row.row, _("The class %(code)s would be under itself.") % {"code": row.code})
                )
                break
            ancestor, steps = parent_of.get(ancestor), steps + 1
    return sorted(problems, key=lambda p: (str(p.row).zfill(6), p.message))


def _depth_in_file(row, by_code, memo):
    if row.code in memo:
        return memo[row.code]
    parent = by_code.get(row.parent_code)
    memo[row.code] = 0 if parent is None else _depth_in_file(parent, by_code, memo) + 1
    return memo[row.code]


@transaction.atomic
def import_plan(rows, *, user):
    """Apply checked rows, parents first; returns (created, updated)."""
    by_code = {r.code: r for r in rows}
    memo = {}
    ordered = sorted(rows, key=lambda r: _depth_in_file(r, by_code, memo))
    rules = {r.number: r for r in RetentionRule.objects.filter(number__in={r.rule_number for r in rows} - {""})}
    classes = {c.code: c for c in RecordClass.objects.all()}
    created = updated = 0
    for row in ordered:
        record_class = classes.get(row.code) or RecordClass(code=row.code)
        is_new = record_class.pk is None
        record_class.title = row.title
        # Read afresh: moving a class earlier in the loop may have changed its subtree's paths.
        record_class.parent = RecordClass.objects.get(code=row.parent_code) if row.parent_code else None
        record_class.retention_rule = rules.get(row.rule_number)
        record_class.description = row.description
        record_class.keywords = row.keywords
        record_class.is_active = row.is_active
        try:
            services.record_class_save(record_class=record_class, user=user)
        except ValidationError as error:
            raise ValidationError(f"{_('Row')} {row.row} : {' '.join(error.messages)}") from error
        classes[row.code] = record_class
        created, updated = created + is_new, updated + (not is_new)
    return created, updated


def import_workbook(uploaded, *, user):
    """Check the upload (type, size, what it holds once inflated) and every row, then import:
    an ImportOutcome (problems, or counts)."""
    rows, problems = read_plan(uploaded)
    if problems:
        return ImportOutcome(problems=tuple(problems))
    try:
        created, updated = import_plan(rows, user=user)
    except ValidationError as error:
        return ImportOutcome(problems=tuple(ImportProblem("", m) for m in error.messages))
    return ImportOutcome(created, updated)
