from .files import (
    CloseFileForm,
    GenerateListForm,
    HoldForm,
    LiftForm,
    OverrideForm,
    RecordFileForm,
    RecordForm,
    RecordSearchForm,
    ValidateListForm,
    VersionForm,
)
from .paper import AddFileForm, BoxForm, ExtendForm, LoanForm, PutInBoxForm, ReturnForm, StorageSpaceForm
from .plan import CopyRuleFormSet, PlanImportForm, RecordClassForm, RetentionRuleForm, RetentionRuleWithCopiesForm

__all__ = [
    "AddFileForm",
    "BoxForm",
    "CloseFileForm",
    "CopyRuleFormSet",
    "ExtendForm",
    "GenerateListForm",
    "HoldForm",
    "LiftForm",
    "LoanForm",
    "OverrideForm",
    "PlanImportForm",
    "PutInBoxForm",
    "RecordClassForm",
    "RecordFileForm",
    "RecordForm",
    "RecordSearchForm",
    "RetentionRuleForm",
    "RetentionRuleWithCopiesForm",
    "ReturnForm",
    "StorageSpaceForm",
    "ValidateListForm",
    "VersionForm",
]
