"""Derived indicators: small arithmetic formulas over other indicators, evaluated safely.

    100 * (permis_accordees['equiv-diplome'] + permis_accordees['equiv-formation']) / permis_accordees

A name is an indicator code with `_` for `-`; alone it means the indicator's total, and
`name['category']` one of its categories. Only numbers, names, subscripts, parentheses and
+ - * / are allowed: the formula is parsed with `ast`, never passed to eval().
"""

import ast
from decimal import Decimal, DivisionByZero, InvalidOperation

OPERATORS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}


class FormulaError(ValueError):
    pass


def parse(formula):
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError as error:
        raise FormulaError(f"syntax: {error.msg}") from error
    _check(tree.body)
    return tree.body


def references(formula):
    """The (indicator code, category key) pairs a formula reads."""
    found = []

    def visit(node):
        if isinstance(node, ast.Name):
            found.append((_code(node.id), ""))
        elif isinstance(node, ast.Subscript):
            found.append((_code(node.value.id), node.slice.value))
        elif isinstance(node, ast.BinOp):
            visit(node.left)
            visit(node.right)
        elif isinstance(node, ast.UnaryOp):
            visit(node.operand)

    visit(parse(formula))
    return found


def evaluate(formula, lookup):
    """The formula's value; `lookup(code, category_key)` gives a Decimal or None.

    None when a value it needs is missing or the division is by zero: a derived figure is
    shown only when it can be computed.
    """
    try:
        return _eval(parse(formula), lookup)
    except (DivisionByZero, InvalidOperation, ZeroDivisionError, _Missing):
        return None


class _Missing(Exception):
    pass


def _code(name):
    return name.replace("_", "-")


def _check(node):
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        _check(node.left)
        _check(node.right)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        _check(node.operand)
    elif (
        (isinstance(node, ast.Constant) and isinstance(node.value, (int, float)))
        or isinstance(node, ast.Name)
        or (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        )
    ):
        pass
    else:
        raise FormulaError(f"not allowed: {ast.dump(node)[:60]}")


def _eval(node, lookup):
    if isinstance(node, ast.BinOp):
        return OPERATORS[type(node.op)](_eval(node.left, lookup), _eval(node.right, lookup))
    if isinstance(node, ast.UnaryOp):
        return -_eval(node.operand, lookup)
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    name, key = (node.id, "") if isinstance(node, ast.Name) else (node.value.id, node.slice.value)
    value = lookup(_code(name), key)
    if value is None:
        raise _Missing
    return value
