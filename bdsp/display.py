"""What the return page shows for a section: rows of cells with values, findings, comments."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats

from bdsp.choices import ValueState, ValueType
from bdsp.formulas import evaluate


@dataclass
class CellView:
    key: str  # "" for the total
    label: str
    name: str  # form field name
    raw: str  # what to show in the input
    error: str = ""


@dataclass
class IndicatorView:
    indicator: object  # selectors.FormIndicator
    state: str
    cells: list
    derived_value: str = ""
    findings: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    explanation: str = ""
    asks_explanation: bool = False
    followup: bool = False
    followup_note: str = ""

    @property
    def code(self):
        return self.indicator.code


def field_name(code, key=""):
    return f"v__{code}__{key}"


def state_name(code):
    return f"s__{code}"


def explanation_name(code):
    return f"e__{code}"


def show_value(value, value_type):
    """A stored value as it appears in an input (1 234,5 ; oui ; 2026-11-24)."""
    if value is None:
        return ""
    if value.number is not None:
        number = value.number.normalize() if value_type != ValueType.MONEY else value.number.quantize(Decimal("0.01"))
        if value_type == ValueType.INTEGER:
            number = value.number.quantize(Decimal(1))
        return formats.number_format(number, use_l10n=True, force_grouping=True).replace(",00", "")
    if value.boolean is not None:
        return "oui" if value.boolean else "non"
    if value.date is not None:
        return value.date.isoformat()
    return value.text


def section_view(form, section_code, values, *, findings=(), comments=(), posted=None, errors=None):
    """[IndicatorView] of one section. `posted`/`errors` redisplay a refused submission."""
    posted = posted or {}
    errors = errors or {}
    section_indicators = next(indicators for section, indicators in form.sections if section.code == section_code)
    yoy_codes = {r.indicator_code for r in form.rules if r.kind == "year_over_year"}
    numbers = {key: v.number for key, v in values.items() if v.state == ValueState.VALUE}

    def lookup(code, key):
        value = values.get((code, key))
        if value is not None and value.state == ValueState.NO_ACTIVITY:
            return Decimal(0)
        if key == "" and numbers.get((code, "")) is None:
            parts = [numbers.get((code, k)) for k in form.category_keys(code)]
            present = [p for p in parts if p is not None]
            return sum(present, Decimal(0)) if present else None
        return numbers.get((code, key))

    rows = []
    for indicator in section_indicators:
        total = values.get((indicator.code, ""))
        state = posted.get(state_name(indicator.code), total.state if total else ValueState.VALUE)
        cells = []
        for key in ["", *indicator.keys]:
            name = field_name(indicator.code, key)
            raw = (
                posted[name] if name in posted else show_value(values.get((indicator.code, key)), indicator.value_type)
            )
            cells.append(CellView(key, indicator.key_label(key), name, raw, errors.get(f"{indicator.code}|{key}", "")))
        view = IndicatorView(
            indicator=indicator,
            state=state,
            cells=cells,
            findings=[f for f in findings if f.indicator_code == indicator.code],
            comments=[c for c in comments if c.indicator_id == indicator.id],
            explanation=posted.get(explanation_name(indicator.code), total.explanation if total else ""),
            asks_explanation=indicator.code in yoy_codes,
            followup=bool(total and total.followup),
            followup_note=total.followup_note if total else "",
        )
        if indicator.is_derived:
            result = evaluate(indicator.formula, lookup)
            view.derived_value = (
                formats.number_format(result.quantize(Decimal("0.1")), use_l10n=True) if result is not None else "—"
            )
        rows.append(view)
    return rows


def entries_from_post(form, section_code, post):
    """The service's entries for one section's posted form."""
    section_indicators = next(indicators for section, indicators in form.sections if section.code == section_code)
    entries = []
    for indicator in section_indicators:
        if indicator.is_derived:
            continue
        state = post.get(state_name(indicator.code), ValueState.VALUE)
        if state not in ValueState.values:
            state = ValueState.VALUE
        explanation = post.get(explanation_name(indicator.code), "")
        if state != ValueState.VALUE:
            # "No activity" or "not applicable" answers for the whole indicator.
            entries.append(
                {"indicator": indicator.code, "key": "", "raw": "", "state": state, "explanation": explanation}
            )
            entries.extend({"indicator": indicator.code, "key": k, "raw": ""} for k in indicator.keys)
            continue
        for key in ["", *indicator.keys]:
            name = field_name(indicator.code, key)
            if name in post:
                entry = {"indicator": indicator.code, "key": key, "raw": post.get(name, "")}
                if key == "":
                    entry["explanation"] = explanation
                entries.append(entry)
    return entries
