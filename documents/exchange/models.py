"""Partner exchange spaces: spaces, members, folders, shared files and their versions,
comments, share links, resumable uploads and the audit trail.

- A space is shared between one staff unit (its owner) and one partner: a professional order
  or another partner organisation. The unit's staff and the partner's users are members by
  default, with the space's `unit_access` and `partner_access`; a `SpaceMember` row adds a
  person (staff of another unit) or gives one person other rights than the default.
- A shared file lives in a folder (or at the space's root) and has numbered versions, each
  a core `PrivateFile` (type sniffed, SHA-256 kept). Deleting a file marks it deleted (the
  audit trail keeps it); the retention job purges the content of files whose last activity
  is older than the space's `retention_days`, after what had to be kept was filed.
- A share link opens one file or one folder to someone without an account, until its expiry,
  with an optional password and download limit; a drop link only receives files. Only the
  SHA-256 of a link's secret is kept.
- An upload is a tus resumable upload: its bytes land in a temporary file until complete,
  then become a version.

Every write goes through documents/exchange/services.
"""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.exchange.choices import EventAction, LinkKind, MemberAccess, UploadState
from opq_intranet.core.history import track_history

GIGABYTE = 1024**3


def default_retention_days():
    return settings.EXCHANGE_RETENTION_DAYS


def default_quota_bytes():
    return settings.EXCHANGE_QUOTA_GB * GIGABYTE


@track_history(exclude=["used_bytes", "office_news_through", "partner_news_through"])
class ExchangeSpace(models.Model):
    name = models.CharField(_("name"), max_length=200)
    professional_order = models.ForeignKey(
        "core.ProfessionalOrder",
        verbose_name=_("professional order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exchange_spaces",
    )
    organisation = models.ForeignKey(
        "core.PartnerOrganisation",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exchange_spaces",
    )
    owner_unit = models.ForeignKey(
        "core.OrgUnit", verbose_name=_("owner unit"), on_delete=models.PROTECT, related_name="exchange_spaces"
    )
    description = models.TextField(_("description"), blank=True)
    unit_access = models.CharField(
        _("access of the unit's staff"), max_length=10, choices=MemberAccess.choices, default=MemberAccess.WRITE
    )
    partner_access = models.CharField(
        _("access of the partner's users"), max_length=10, choices=MemberAccess.choices, default=MemberAccess.WRITE
    )
    retention_days = models.PositiveIntegerField(
        _("retention (days after the last activity)"),
        default=default_retention_days,
        validators=[MinValueValidator(1)],
        help_text=_("A file is purged this many days after its last activity; file what must be kept before."),
    )
    quota_bytes = models.PositiveBigIntegerField(
        _("quota (bytes)"), default=default_quota_bytes, validators=[MinValueValidator(1)]
    )
    # Kept by the services (upload, purge) so that the quota bar costs no sum.
    used_bytes = models.PositiveBigIntegerField(_("space used (bytes)"), default=0)
    # The new-files digest (services/digest.py): the last audit event announced to each side.
    office_news_through = models.PositiveBigIntegerField(_("news to the Office announced up to event"), default=0)
    partner_news_through = models.PositiveBigIntegerField(_("news to the partner announced up to event"), default=0)
    is_active = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("exchange space")
        verbose_name_plural = _("exchange spaces")
        permissions = [
            ("use_exchange", "Can use the partner exchange spaces"),
            ("manage_exchange", "Can create and administer the exchange spaces of every unit"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(professional_order__isnull=False, organisation__isnull=True)
                | Q(professional_order__isnull=True, organisation__isnull=False),
                name="documents_space_one_partner",
                violation_error_message=_("A space is shared with one order or one partner organisation."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exchange:space_detail", args=[self.pk])

    @property
    def partner(self):
        return self.professional_order or self.organisation

    @property
    def free_bytes(self):
        return max(self.quota_bytes - self.used_bytes, 0)

    @property
    def used_percent(self):
        return min(100, round(100 * self.used_bytes / self.quota_bytes)) if self.quota_bytes else 100


@track_history()
class SpaceMember(models.Model):
    """A person's access to a space other than the default (another unit's staff member, or a
    partner user limited to reading)."""

    space = models.ForeignKey(ExchangeSpace, verbose_name=_("space"), on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="exchange_access"
    )
    access = models.CharField(_("access"), max_length=10, choices=MemberAccess.choices, default=MemberAccess.READ)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("space member")
        verbose_name_plural = _("space members")
        constraints = [models.UniqueConstraint(fields=["space", "user"], name="documents_space_member_uniq")]

    def __str__(self):
        return f"{self.user} ({self.get_access_display()})"


@track_history()
class Folder(models.Model):
    space = models.ForeignKey(ExchangeSpace, verbose_name=_("space"), on_delete=models.CASCADE, related_name="folders")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent folder"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=200)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("folder")
        verbose_name_plural = _("folders")
        constraints = [
            models.UniqueConstraint(
                "space",
                "parent",
                "name",
                name="documents_folder_name_uniq",
                nulls_distinct=False,
                violation_error_message=_("A folder of this name already exists here."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exchange:folder_detail", args=[self.space_id, self.pk])


# Its last activity moves with every download and comment: the audit trail says those, the
# history keeps to what people changed (name, place, deletion, versions).
@track_history(exclude=["last_activity_at"])
class SharedFile(models.Model):
    """A file of a space; its content is its current version's stored file."""

    space = models.ForeignKey(ExchangeSpace, verbose_name=_("space"), on_delete=models.CASCADE, related_name="files")
    folder = models.ForeignKey(
        Folder, verbose_name=_("folder"), null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    name = models.CharField(_("name"), max_length=255)
    current_version = models.ForeignKey(
        "FileVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    # Upload, new version, download, comment: what the retention counts from.
    last_activity_at = models.DateTimeField(_("last activity"))
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # "Verser au dossier": the record it was filed as, kept when the space's copy is purged.
    filed_record = models.ForeignKey(
        "documents.Record",
        verbose_name=_("filed as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    purged_at = models.DateTimeField(_("purged at"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("shared file")
        verbose_name_plural = _("shared files")
        indexes = [
            models.Index(fields=["space", "folder", "name"], name="documents_sharedfile_list_idx"),
            models.Index(
                fields=["last_activity_at"], name="documents_sharedfile_activ_idx", condition=Q(purged_at__isnull=True)
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exchange:file_detail", args=[self.space_id, self.pk])

    @property
    def is_available(self):
        return self.deleted_at is None and self.purged_at is None


class FileVersion(models.Model):
    """One upload of a shared file; its stored file is never changed, only purged."""

    shared_file = models.ForeignKey(
        SharedFile, verbose_name=_("shared file"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    stored_file = models.OneToOneField(
        "core.PrivateFile", verbose_name=_("stored file"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    # Through a drop link: the link it came by (its creator is then the Office's member).
    link = models.ForeignKey(
        "ShareLink", verbose_name=_("through link"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("file version")
        verbose_name_plural = _("file versions")
        constraints = [models.UniqueConstraint(fields=["shared_file", "number"], name="documents_fileversion_uniq")]

    def __str__(self):
        return f"{self.shared_file} v{self.number}"


class FileComment(models.Model):
    shared_file = models.ForeignKey(
        SharedFile, verbose_name=_("shared file"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.author}: {self.body[:40]}"


@track_history(exclude=["download_count", "password_hash"])
class ShareLink(models.Model):
    """A link to one file or one folder (the space's root when both are empty) for someone
    without an account. Only the SHA-256 of its secret is stored: the URL is shown once."""

    space = models.ForeignKey(ExchangeSpace, verbose_name=_("space"), on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=10, choices=LinkKind.choices, default=LinkKind.DOWNLOAD)
    shared_file = models.ForeignKey(
        SharedFile, verbose_name=_("file"), null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )
    folder = models.ForeignKey(
        Folder, verbose_name=_("folder"), null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )
    label = models.CharField(_("for whom"), max_length=200, blank=True)
    digest = models.CharField(_("SHA-256 of the secret"), max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    password_hash = models.CharField(_("password (hash)"), max_length=200, blank=True, editable=False)
    max_downloads = models.PositiveIntegerField(
        _("download limit"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        constraints = [
            models.CheckConstraint(
                condition=Q(shared_file__isnull=True) | Q(folder__isnull=True),
                name="documents_link_one_target",
                violation_error_message=_("A link opens one file or one folder."),
            ),
            models.CheckConstraint(
                condition=~Q(kind=LinkKind.DROP) | Q(shared_file__isnull=True),
                name="documents_drop_link_to_folder",
                violation_error_message=_("A drop link receives files into a folder, not into a file."),
            ),
        ]

    def __str__(self):
        return self.label or f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}"

    @property
    def has_password(self):
        return bool(self.password_hash)


class Upload(models.Model):
    """A resumable upload (tus): its bytes land in `temp_path` until `offset == length`."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    space = models.ForeignKey(ExchangeSpace, on_delete=models.CASCADE, related_name="uploads")
    folder = models.ForeignKey(Folder, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    # A new version of this file, rather than a new file.
    shared_file = models.ForeignKey(SharedFile, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link = models.ForeignKey(ShareLink, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    length = models.PositiveBigIntegerField()
    offset = models.PositiveBigIntegerField(default=0)
    state = models.CharField(max_length=10, choices=UploadState.choices, default=UploadState.RECEIVING)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    result = models.ForeignKey(FileVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    refusal = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("upload in progress")
        verbose_name_plural = _("uploads in progress")

    def __str__(self):
        return self.filename


class ExchangeEvent(models.Model):
    """The audit trail of a space: who (a person, or a link's visitor by address) did what,
    when, to which file. Append-only; names are copied so that the trail outlives a purge."""

    space = models.ForeignKey(
        ExchangeSpace, verbose_name=_("space"), on_delete=models.CASCADE, related_name="audit_events"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=30, choices=EventAction.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    link = models.ForeignKey(
        ShareLink, verbose_name=_("link"), null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    shared_file = models.ForeignKey(
        SharedFile,
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    object_name = models.CharField(_("object"), max_length=300, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("exchange event")
        verbose_name_plural = _("exchange events")
        indexes = [models.Index(fields=["space", "-at"], name="documents_exchevent_space_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.object_name}"
