"""Forms of the exchange spaces, one module per area; callers import from here."""

from .audit import FileIntoRecordsForm
from .links import DropForm, LinkForm, LinkPasswordForm
from .spaces import CloseSpaceForm, FolderForm, MemberForm, SpaceForm

__all__ = [
    "CloseSpaceForm",
    "DropForm",
    "FileIntoRecordsForm",
    "FolderForm",
    "LinkForm",
    "LinkPasswordForm",
    "MemberForm",
    "SpaceForm",
]
