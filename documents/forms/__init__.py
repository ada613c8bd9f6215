from .files import (
    CloseFileForm,
    GenerateListForm,
    HoldForm,
    LiftForm,
    OverrideForm,
    RecordFileForm,
    RecordForm,
    RecordSearchForm,
    VersionForm,
)
from .plan import CopyRuleFormSet, PlanImportForm, RecordClassForm, RetentionRuleForm

__all__ = [
    "CloseFileForm",
    "CopyRuleFormSet",
    "GenerateListForm",
    "HoldForm",
    "LiftForm",
    "OverrideForm",
    "PlanImportForm",
    "RecordClassForm",
    "RecordFileForm",
    "RecordForm",
    "RecordSearchForm",
    "RetentionRuleForm",
    "VersionForm",
]
