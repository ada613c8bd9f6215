"""Enumerations of the BDSP (annual returns of the professional orders)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class YearStatus(models.TextChoices):
    PREPARATION = "preparation", _("In preparation")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ValueType(models.TextChoices):
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    MONEY = "money", _("Amount ($)")
    PERCENTAGE = "percentage", _("Percentage")
    BOOLEAN = "boolean", _("Yes / no")
    CHOICE = "choice", _("Choice")
    TEXT = "text", _("Text")
    DATE = "date", _("Date")


NUMERIC_TYPES = frozenset({ValueType.INTEGER, ValueType.DECIMAL, ValueType.MONEY, ValueType.PERCENTAGE})


class ValueState(models.TextChoices):
    """Section 2 of the regulation: "none" is not zero."""

    VALUE = "value", _("Value")
    NO_ACTIVITY = "no_activity", _("No activity")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class RuleKind(models.TextChoices):
    REQUIRED = "required", _("Required")
    RANGE = "range", _("Range")
    SUM_EQUALS = "sum_equals", _("Total equals the sum of its parts")
    BALANCE = "balance", _("Balance (end = start + entries − exits)")
    LESS_OR_EQUAL = "less_or_equal", _("Less than or equal to")
    YEAR_OVER_YEAR = "year_over_year", _("Change from the previous year")


class Severity(models.TextChoices):
    BLOCKING = "blocking", _("Blocking")
    WARNING = "warning", _("Warning")


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    ACCEPTED = "accepted", _("Accepted")


# What the campaign follow-up shows per order, including orders that have not started.
class Completeness(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    ACCEPTED = "accepted", _("Accepted")


class AttachmentKind(models.TextChoices):
    ANNUAL_REPORT = "annual_report", _("Annual report")
    FINANCIAL_STATEMENTS = "financial_statements", _("Financial statements")
    OTHER = "other", _("Other document")
