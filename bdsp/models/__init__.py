from .api import ApiToken
from .attachments import ReturnAttachment
from .forms import Dimension, DimensionCategory, Indicator, IndicatorDimension, ReportingYear, Section, ValidationRule
from .returns import AnnualReturn, ReturnComment, ReturnEvent, ReturnValue

__all__ = [
    "AnnualReturn",
    "ApiToken",
    "Dimension",
    "DimensionCategory",
    "Indicator",
    "IndicatorDimension",
    "ReportingYear",
    "ReturnAttachment",
    "ReturnComment",
    "ReturnEvent",
    "ReturnValue",
    "Section",
    "ValidationRule",
]
