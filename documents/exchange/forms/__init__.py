"""Forms of the exchange spaces, one module per area; callers import from here."""

from .audit import FileIntoRecordsForm
from .spaces import CloseSpaceForm, FolderForm, MemberForm, SpaceForm

__all__ = [
    "CloseSpaceForm",
    "FileIntoRecordsForm",
    "FolderForm",
    "MemberForm",
    "SpaceForm",
]
