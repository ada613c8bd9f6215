from .disposition import DispositionList
from .files import RecordFile
from .holds import LegalHold
from .plan import RecordClass
from .records import Record, RecordVersion
from .retention import CopyRule, RetentionRule

__all__ = [
    "CopyRule",
    "DispositionList",
    "LegalHold",
    "Record",
    "RecordClass",
    "RecordFile",
    "RecordVersion",
    "RetentionRule",
]
