from .files import (
    CloseFileForm,
    GenerateListForm,
    HoldForm,
    LiftForm,
    OverrideForm,
    ProcessListForm,
    RecordFileForm,
    RecordForm,
    RecordSearchForm,
    ValidateListForm,
    VersionForm,
)
from .filing import FileIntoForm
from .paper import AddFileForm, BoxForm, ExtendForm, LoanForm, PutInBoxForm, ReturnForm, StorageSpaceForm
from .plan import CopyRuleFormSet, PlanImportForm, RecordClassForm, RetentionRuleForm, RetentionRuleWithCopiesForm

__all__ = [
    "AddFileForm",
    "BoxForm",
    "CloseFileForm",
    "CopyRuleFormSet",
    "ExtendForm",
    "FileIntoForm",
    "GenerateListForm",
    "HoldForm",
    "LiftForm",
    "LoanForm",
    "OverrideForm",
    "PlanImportForm",
    "ProcessListForm",
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
