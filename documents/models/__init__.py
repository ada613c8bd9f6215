from documents.exchange.models import (
    ExchangeEvent,
    ExchangeSpace,
    FileComment,
    FileVersion,
    Folder,
    SharedFile,
    ShareLink,
    SpaceMember,
    Upload,
)
from opq_intranet.core.history import track_links

from .disposition import DispositionList, LeftOffFile
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
    "ExchangeEvent",
    "ExchangeSpace",
    "FileComment",
    "FileVersion",
    "Folder",
    "LeftOffFile",
    "LegalHold",
    "PaperLoan",
    "Record",
    "RecordClass",
    "RecordFile",
    "RecordVersion",
    "RetentionRule",
    "ShareLink",
    "SharedFile",
    "SpaceMember",
    "StorageSpace",
    "Upload",
]

# Their links live in link tables: recorded there, shown in each object's history.
track_links(LegalHold, "files", "classes")
track_links(RetentionRule, "holding_units")
track_links(DispositionList, "files")
