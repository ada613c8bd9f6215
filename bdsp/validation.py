"""Validation rules of a year's form, run on a return's values (on save and on submit).

Kinds and their parameters (ValidationRule.params):
- required        the indicator (its total) must be answered: a value, "no activity" or
                  "not applicable";
- range           {"min": 0, "max": 1000}: every cell of the indicator within bounds;
- sum_equals      {}: the indicator's total equals the sum of its categories;
                  {"equals": "other-code"}: the sum of its categories equals the other's total;
- balance         {"start": code, "plus": [codes], "minus": [codes]}: total = start + plus − minus;
- less_or_equal   {"other": code, "plus": [codes]}: total (+ the plus ones) ≤ the other's total;
- year_over_year  {"threshold": 25}: a change of more than 25 % from the previous year's
                  accepted return asks for an explanation (on the cell).

"No activity" counts as zero; "not applicable" and empty cells make a rule that needs them
silent (the `required` rule is what catches a missing answer).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from bdsp.choices import RuleKind, Severity, ValueState


@dataclass(frozen=True)
class Cell:
    state: str = ValueState.VALUE
    number: Decimal | None = None
    answered: bool = False  # any kind of answer: a value of any type, or a state
    explanation: str = ""


@dataclass(frozen=True)
class Finding:
    rule_code: str
    severity: str
    message: str
    indicator_code: str
    category_key: str = ""

    @property
    def blocking(self):
        return self.severity == Severity.BLOCKING


class ReturnData:
    """The cells of one return, read through the form's structure."""

    def __init__(self, form, cells, previous=None):
        self.form = form  # selectors.FormDefinition
        self.cells = cells  # {(code, category_key): Cell}
        self.previous = previous or {}  # {(code, category_key): Decimal} of last year's accepted return

    def cell(self, code, key=""):
        return self.cells.get((code, key))

    def number(self, code, key=""):
        cell = self.cell(code, key)
        if cell is None:
            return None
        if cell.state == ValueState.NO_ACTIVITY:
            return Decimal(0)
        if cell.state == ValueState.NOT_APPLICABLE:
            return None
        return cell.number

    def parts_sum(self, code):
        """Sum of the indicator's category cells; None if none is filled in."""
        values = [self.number(code, key) for key in self.form.category_keys(code)]
        present = [v for v in values if v is not None]
        return sum(present, Decimal(0)) if present else None

    def total(self, code):
        explicit = self.number(code, "")
        if explicit is not None:
            return explicit
        if self.form.category_keys(code):
            return self.parts_sum(code)
        return None


def run_rules(data, *, kinds=None):
    """Every finding of the form's rules on this return, in the form's order."""
    findings = []
    for rule in data.form.rules:
        if kinds is not None and rule.kind not in kinds:
            continue
        check = CHECKS[rule.kind]
        findings.extend(check(rule, data))
    return findings


def _finding(rule, key=""):
    return Finding(rule.code, rule.severity, rule.message, rule.indicator_code, key)


def _required(rule, data):
    code = rule.indicator_code
    cell = data.cell(code, "")
    if cell is not None and cell.answered:
        return []
    if data.form.category_keys(code) and data.parts_sum(code) is not None:
        return []
    return [_finding(rule)]


def _range(rule, data):
    low, high = rule.params.get("min"), rule.params.get("max")
    out = []
    for key in ["", *data.form.category_keys(rule.indicator_code)]:
        value = data.number(rule.indicator_code, key)
        if value is None:
            continue
        if (low is not None and value < Decimal(str(low))) or (high is not None and value > Decimal(str(high))):
            out.append(_finding(rule, key))
    return out


def _sum_equals(rule, data):
    code = rule.indicator_code
    parts = data.parts_sum(code)
    other = rule.params.get("equals")
    expected = data.total(other) if other else data.number(code, "")
    if parts is None or expected is None:
        return []
    return [] if parts == expected else [_finding(rule)]


def _balance(rule, data):
    end = data.total(rule.indicator_code)
    terms = [data.total(rule.params["start"])]
    plus = [data.total(c) for c in rule.params.get("plus", [])]
    minus = [data.total(c) for c in rule.params.get("minus", [])]
    if end is None or any(v is None for v in terms + plus + minus):
        return []
    return [] if end == terms[0] + sum(plus) - sum(minus) else [_finding(rule)]


def _less_or_equal(rule, data):
    left = [data.total(rule.indicator_code)] + [data.total(c) for c in rule.params.get("plus", [])]
    right = data.total(rule.params["other"])
    if right is None or any(v is None for v in left):
        return []
    return [] if sum(left) <= right else [_finding(rule)]


def _year_over_year(rule, data):
    code = rule.indicator_code
    current, previous = data.total(code), data.previous.get((code, ""))
    if current is None or not previous:
        return []
    change = abs(current - previous) * 100 / previous
    cell = data.cell(code, "")
    if change <= Decimal(str(rule.params.get("threshold", 25))) or (cell and cell.explanation.strip()):
        return []
    return [_finding(rule)]


CHECKS = {
    RuleKind.REQUIRED: _required,
    RuleKind.RANGE: _range,
    RuleKind.SUM_EQUALS: _sum_equals,
    RuleKind.BALANCE: _balance,
    RuleKind.LESS_OR_EQUAL: _less_or_equal,
    RuleKind.YEAR_OVER_YEAR: _year_over_year,
}


# --- Checking a rule's parameters when an analyst defines it --------------------------------

PARAMETERS_OF = {
    RuleKind.REQUIRED: (),
    RuleKind.RANGE: ("min", "max"),
    RuleKind.SUM_EQUALS: ("equals",),
    RuleKind.BALANCE: ("start", "plus", "minus"),
    RuleKind.LESS_OR_EQUAL: ("other", "plus"),
    RuleKind.YEAR_OVER_YEAR: ("threshold",),
}


def rule_parameter_problems(kind, params, *, indicator_code, numeric_codes, codes_with_categories):
    """{parameter: French message} of what is wrong with a rule's parameters, {} if nothing.

    `numeric_codes`: the year's numeric indicators; `codes_with_categories`: those that have a
    disaggregation. The checks above assume what this refuses (a balance without its start…).
    """
    problems = {}
    unexpected = set(params) - set(PARAMETERS_OF.get(kind, ()))
    if unexpected:
        problems["params"] = _("Parameters not used by this kind of rule: %(names)s") % {
            "names": ", ".join(sorted(unexpected))
        }
    numeric_needed = kind not in (RuleKind.REQUIRED,)
    if numeric_needed and indicator_code not in numeric_codes:
        problems["indicator"] = _("This kind of rule needs a numeric indicator.")

    def check_codes(name, codes):
        unknown = [c for c in codes if c not in numeric_codes]
        if unknown:
            problems[name] = _("Unknown or non-numeric indicators: %(codes)s") % {"codes": ", ".join(unknown)}
        elif indicator_code in codes:
            problems[name] = _("A rule cannot compare an indicator with itself.")

    if kind == RuleKind.RANGE:
        low, high = params.get("min"), params.get("max")
        if low is None and high is None:
            problems["min"] = _("Give a minimum, a maximum or both.")
        elif low is not None and high is not None and Decimal(str(low)) > Decimal(str(high)):
            problems["max"] = _("The maximum is lower than the minimum.")
    elif kind == RuleKind.SUM_EQUALS:
        if indicator_code not in codes_with_categories:
            problems["indicator"] = _("This indicator has no disaggregation to add up.")
        if params.get("equals"):
            check_codes("equals", [params["equals"]])
    elif kind == RuleKind.BALANCE:
        if not params.get("start"):
            problems["start"] = _("Choose the indicator the balance starts from.")
        else:
            check_codes("start", [params["start"]])
        check_codes("plus", params.get("plus", []))
        check_codes("minus", params.get("minus", []))
    elif kind == RuleKind.LESS_OR_EQUAL:
        if not params.get("other"):
            problems["other"] = _("Choose the indicator it must not exceed.")
        else:
            check_codes("other", [params["other"]])
        check_codes("plus", params.get("plus", []))
    elif kind == RuleKind.YEAR_OVER_YEAR:
        threshold = params.get("threshold")
        if threshold is None or Decimal(str(threshold)) <= 0:
            problems["threshold"] = _("Give a threshold greater than 0 %.")
    return problems
