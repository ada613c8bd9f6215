"""The return as a spreadsheet: a template generated from the year's form, and its import.

The template has an instructions sheet and one sheet per section (named by the section's
code), one row per cell of the form: code, category key, labels, then the value, the
"no activity / not applicable" answer and the explanation, pre-filled with what is saved.
The import reads every row, checks each value with the same parsing as the page, and
reports every problem by sheet and cell; nothing is saved unless the whole file is clean.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from bdsp import display, selectors
from bdsp.choices import NUMERIC_TYPES, ValueState, ValueType
from bdsp.services import parse_value
from opq_intranet.core.spreadsheets import read_workbook, safe_cell_value, styled_workbook, workbook_bytes

HEADERS = ["code", "categorie", "Indicateur", "Catégorie", "Valeur", "Réponse", "Explication"]
VALUE_COLUMN, STATE_COLUMN, EXPLANATION_COLUMN = 5, 6, 7
STATES = {"": ValueState.VALUE, "aucune activité": ValueState.NO_ACTIVITY, "sans objet": ValueState.NOT_APPLICABLE}
STATE_WORDS = {ValueState.NO_ACTIVITY: "aucune activité", ValueState.NOT_APPLICABLE: "sans objet"}
# What an import reads, at most (core's read_workbook refuses the rest before parsing it).
MAX_ROWS, MAX_COLUMNS, MAX_CELLS = 5000, 26, 100_000
EDITABLE = PatternFill("solid", fgColor="FFF8DC")
# The value cell's number format: figures are numbers, shown the Quebec way by Excel.
NUMBER_FORMATS = {
    ValueType.INTEGER: "#,##0",
    ValueType.DECIMAL: "#,##0.00",
    ValueType.MONEY: '#,##0.00 "$"',
    ValueType.PERCENTAGE: '0.0 "%"',
}
# The orders fill in French: the instructions sheet is written in French.
INSTRUCTIONS = [
    "Remplissez la colonne « Valeur » (fond jaune) de chaque feuille, puis importez le fichier dans le portail.",
    "Nombres : 1234 ou 1 234,50. Dates : 2026-11-24. Oui/non : oui ou non.",
    "Pour un indicateur sans activité ou sans objet, choisissez-le dans la colonne « Réponse » de sa ligne Total.",
    "Ne modifiez pas les colonnes code et categorie : elles relient chaque ligne au formulaire.",
    "Rien n'est enregistré tant que le fichier contient une erreur : le portail indique la feuille et la cellule.",
]


@dataclass
class ImportProblem:
    sheet: str
    cell: str
    message: str


def template(annual_return):
    """The XLSX bytes of the return's template, pre-filled with its saved values."""
    form = selectors.form_definition(annual_return.reporting_year)
    values = selectors.return_values(annual_return)
    workbook = styled_workbook()  # core's: no text is ever saved as a formula
    intro = workbook.active
    intro.title = "Instructions"
    _append(intro, [f"Déclaration annuelle {annual_return.reporting_year.year} — {annual_return.professional_order}"])
    for row in INSTRUCTIONS:
        _append(intro, [row])
    intro.column_dimensions["A"].width = 120
    for section, indicators in form.sections:
        sheet = workbook.create_sheet(title=section.code[:31])
        sheet.append(HEADERS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        states = DataValidation(type="list", formula1='"aucune activité,sans objet"', allow_blank=True)
        sheet.add_data_validation(states)
        for indicator in indicators:
            if indicator.is_derived:
                continue
            for key in [*indicator.keys, ""]:
                value = values.get((indicator.code, key))
                label = indicator.key_label(key) if key else ("Total" if indicator.keys else "")
                state = STATE_WORDS.get(value.state, "") if value is not None and not key else ""
                explanation = value.explanation if value is not None and not key else ""
                _append(
                    sheet,
                    [
                        indicator.code,
                        key,
                        indicator.label,
                        label,
                        _template_value(value, indicator.value_type),
                        state,
                        explanation,
                    ],
                )
                row = sheet.max_row
                if indicator.value_type in NUMBER_FORMATS:  # typed or pre-filled: shown 80 000 $
                    sheet.cell(row=row, column=VALUE_COLUMN).number_format = NUMBER_FORMATS[indicator.value_type]
                for column in (VALUE_COLUMN, STATE_COLUMN, EXPLANATION_COLUMN):
                    sheet.cell(row=row, column=column).fill = EDITABLE
                    sheet.cell(row=row, column=column).protection = Protection(locked=False)
                if not key:
                    states.add(sheet.cell(row=row, column=STATE_COLUMN))
        for letter, width in zip("ABCDEFG", (22, 14, 60, 40, 16, 18, 40), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.column_dimensions["A"].hidden = True
        sheet.column_dimensions["B"].hidden = True
    return workbook_bytes(workbook)


def _append(sheet, values):
    """One row; text typed by people (an explanation, a label) never becomes a live formula."""
    sheet.append(values)
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        safe_cell_value(sheet.cell(row=row, column=column), value)


def _template_value(value, value_type):
    """Numbers as numbers (1234, not "1 234" as text); anything else as the page shows it."""
    if value is not None and value.number is not None and value_type in NUMERIC_TYPES:
        number = value.number
        return int(number) if number == number.to_integral_value() else float(number)
    return display.show_value(value, value_type)


def read(annual_return, uploaded):
    """(entries for return_save_values, [ImportProblem]). Entries are empty if any problem."""
    form = selectors.form_definition(annual_return.reporting_year)
    sections = {section.code: indicators for section, indicators in form.sections}
    try:
        sheets = read_workbook(uploaded, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS, max_cells=MAX_CELLS)
    except ValidationError as error:  # not a workbook, or too large: the file itself is refused
        return [], [ImportProblem("", "", error.messages[0])]
    entries, problems = [], []
    seen = set()
    for title, rows in sheets:
        if title == "Instructions":
            continue
        if title not in sections:
            problems.append(ImportProblem(title, "", _("This sheet is not a section of the form.")))
            continue
        indicators = {i.code: i for i in sections[title]}
        for number, row in enumerate(rows[1:], start=2):
            if not row or all(cell in (None, "") for cell in row):
                continue
            row = list(row) + [None] * (len(HEADERS) - len(row))
            code, key = _text(row[0]), _text(row[1])
            indicator = indicators.get(code)
            if indicator is None or indicator.is_derived or (key and key not in indicator.keys):
                problems.append(ImportProblem(title, f"A{number}", _("This row does not match the form.")))
                continue
            if (code, key) in seen:
                problems.append(ImportProblem(title, f"A{number}", _("This row appears twice.")))
                continue
            seen.add((code, key))
            state_word = _text(row[STATE_COLUMN - 1]).lower()
            if state_word not in STATES or (state_word and key):
                problems.append(
                    ImportProblem(
                        title, f"F{number}", _("Answer is empty, “aucune activité” or “sans objet” (Total row).")
                    )
                )
                continue
            raw = _raw(row[VALUE_COLUMN - 1])
            try:
                parse_value(indicator, raw, STATES[state_word])
            except ValidationError as error:
                problems.append(ImportProblem(title, f"E{number}", error.messages[0]))
                continue
            entry = {"indicator": code, "key": key, "raw": raw, "state": STATES[state_word]}
            if not key:
                entry["explanation"] = _text(row[EXPLANATION_COLUMN - 1])
            entries.append(entry)
    # "No activity" or "not applicable" on a Total row answers for the whole indicator.
    answered = {e["indicator"] for e in entries if not e["key"] and e["state"] != ValueState.VALUE}
    for entry in entries:
        if entry["key"] and entry["indicator"] in answered:
            entry["raw"] = ""
    return ([] if problems else entries), problems


def _text(value):
    return "" if value is None else str(value).strip()


def _raw(value):
    """A cell as the page would receive it: numbers as typed, dates in ISO."""
    if value is None:
        return ""
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
