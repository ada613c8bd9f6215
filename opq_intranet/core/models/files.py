"""Uploaded files kept outside the static root and served only through a checked view."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


def private_upload_path(instance, filename):
    # The stored name never contains the user's filename: no traversal, no guessing.
    return f"{instance.uploaded_at:%Y/%m}/{instance.uuid}"


class PrivateFile(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    content = models.FileField(_("content"), upload_to=private_upload_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    # The object the file belongs to decides who may read it (see opq_intranet.core.files).
    owner_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    owner_id = models.CharField(max_length=64)
    owner = GenericForeignKey("owner_type", "owner_id")
    # Fixity: the scheduled check recomputes the SHA-256 and records the outcome here.
    fixity_checked_at = models.DateTimeField(_("integrity checked at"), null=True, blank=True)
    fixity_ok = models.BooleanField(_("integrity intact"), null=True, blank=True)
    # Approved destruction (records management): the content is gone, the description stays.
    content_destroyed_at = models.DateTimeField(_("content destroyed at"), null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["owner_type", "owner_id"], name="core_file_owner_idx"),
            models.Index(fields=["fixity_checked_at"], name="core_file_fixity_idx"),
        ]
        ordering = ["-uploaded_at"]
        verbose_name = _("private file")
        verbose_name_plural = _("private files")

    def __str__(self):
        return self.original_name
