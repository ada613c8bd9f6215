"""Disposition lists: the only way a file is destroyed, transferred to BAnQ or sorted.

A list gathers one unit's files due for one kind of disposition; the unit validates it,
the records manager approves it, then it is processed, which leaves a certificate (PDF).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.choices import DispositionKind, DispositionStatus
from opq_intranet.core.history import track_history


@track_history()
class DispositionList(models.Model):
    reference = models.CharField(_("list number"), max_length=30, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=DispositionKind.choices)
    org_unit = models.ForeignKey("core.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=DispositionStatus.choices, default=DispositionStatus.DRAFT
    )
    due_on = models.DateField(_("files due by"))
    files = models.ManyToManyField("documents.RecordFile", verbose_name=_("files"), related_name="disposition_lists")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    processed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    certificate = models.ForeignKey(
        "core.PrivateFile", verbose_name=_("certificate"), null=True, blank=True, on_delete=models.PROTECT
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("disposition list")
        verbose_name_plural = _("disposition lists")

    def __str__(self):
        return f"{self.reference} · {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("documents:disposition_detail", args=[self.pk])

    @property
    def is_open(self):
        """Not processed or cancelled yet: it may still be cancelled."""
        return self.status in (DispositionStatus.DRAFT, DispositionStatus.VALIDATED, DispositionStatus.APPROVED)

    @property
    def is_destruction(self):
        return self.kind == DispositionKind.DESTRUCTION
