from .disposition import DispositionList
from .files import RecordFile
from .holds import LegalHold
from .paper import ON_SHELF, Box, BoxStatus, PaperLoan, StorageSpace
from .plan import PATH_SEPARATOR, RecordClass
from .records import Record, RecordVersion
from .retention import CopyRule, RetentionRule

__all__ = [
    "ON_SHELF",
    "PATH_SEPARATOR",
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
