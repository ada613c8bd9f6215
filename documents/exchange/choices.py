"""Enumerations of the partner exchange spaces."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MemberAccess(models.TextChoices):
    READ = "read", _("Read")
    WRITE = "write", _("Read and write")


class LinkKind(models.TextChoices):
    DOWNLOAD = "download", _("Share (download)")
    DROP = "drop", _("Drop (upload only)")


class UploadState(models.TextChoices):
    RECEIVING = "receiving", _("Receiving")
    COMPLETE = "complete", pgettext_lazy("upload", "Complete")
    REFUSED = "refused", pgettext_lazy("upload", "Refused")


class EventAction(models.TextChoices):
    """What the audit trail records, per space."""

    SPACE_CREATED = "space_created", _("Space created")
    SPACE_CHANGED = "space_changed", _("Space changed")
    MEMBER_SET = "member_set", _("Member added or changed")
    MEMBER_REMOVED = "member_removed", _("Member removed")
    FOLDER_CREATED = "folder_created", _("Folder created")
    FOLDER_DELETED = "folder_deleted", _("Folder deleted")
    UPLOADED = "uploaded", _("Uploaded")
    VERSION_ADDED = "version_added", _("New version")
    UPLOAD_REFUSED = "upload_refused", _("Upload refused")
    VIEWED = "viewed", _("Viewed")
    DOWNLOADED = "downloaded", _("Downloaded")
    DELETED = "deleted", _("Deleted")
    COMMENTED = "commented", _("Commented")
    FILED = "filed", _("Filed into a records file")
    PURGED = "purged", _("Purged at the end of retention")
    LINK_CREATED = "link_created", _("Link created")
    LINK_REVOKED = "link_revoked", _("Link revoked")
    LINK_OPENED = "link_opened", _("Link opened")
    LINK_PASSWORD_WRONG = "link_password_wrong", _("Wrong link password")
    LINK_REFUSED = "link_refused", _("Link refused (expired, revoked or used up)")


class LinkState(models.TextChoices):
    """Where a share or drop link stands (documents.exchange.services.links.link_state)."""

    ACTIVE = "active", pgettext_lazy("link", "Active")
    EXPIRED = "expired", pgettext_lazy("link", "Expired")
    REVOKED = "revoked", pgettext_lazy("link", "Revoked")
    USED_UP = "used_up", _("Download limit reached")
