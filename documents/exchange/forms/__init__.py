"""Forms of the exchange spaces, one module per area; callers import from here."""

from .audit import FileIntoRecordsForm
from .files import CommentForm, FileUploadForm, NewVersionForm, RenameForm
from .links import DropForm, LinkForm, LinkPasswordForm
from .spaces import CloseSpaceForm, FolderForm, MemberForm, SpaceForm

__all__ = [
    "CloseSpaceForm",
    "CommentForm",
    "DropForm",
    "FileIntoRecordsForm",
    "FileUploadForm",
    "FolderForm",
    "LinkForm",
    "LinkPasswordForm",
    "MemberForm",
    "NewVersionForm",
    "RenameForm",
    "SpaceForm",
]
