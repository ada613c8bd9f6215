from .disposition import DispositionList
from .files import RecordFile
from .holds import LegalHold
from .paper import Box, BoxStatus, PaperLoan, StorageSpace
from .plan import RecordClass
from .records import Record, RecordVersion
from .retention import CopyRule, RetentionRule

__all__ = [
    "Box",
    "BoxStatus",
    "CopyRule",
    "DispositionList",
    "LegalHold",
    "PaperLoan",
    "Record",
    "RecordClass",
    "RecordFile",
    "RecordVersion",
    "RetentionRule",
    "StorageSpace",
]
