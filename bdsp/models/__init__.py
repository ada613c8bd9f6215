from .forms import Dimension, DimensionCategory, Indicator, IndicatorDimension, ReportingYear, Section, ValidationRule
from .returns import AnnualReturn, ReturnComment, ReturnEvent, ReturnValue

__all__ = [
    "AnnualReturn",
    "Dimension",
    "DimensionCategory",
    "Indicator",
    "IndicatorDimension",
    "ReportingYear",
    "ReturnComment",
    "ReturnEvent",
    "ReturnValue",
    "Section",
    "ValidationRule",
]
