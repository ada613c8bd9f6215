"""Forms of the exchange spaces, one module per area; callers import from here."""

from .spaces import CloseSpaceForm, FolderForm, MemberForm, SpaceForm

__all__ = [
    "CloseSpaceForm",
    "FolderForm",
    "MemberForm",
    "SpaceForm",
]
