"""Records (documents) inside a file: paper or digital; a digital record keeps every version
(its stored file with its SHA-256, who, when) and the text extracted for the search."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.choices import Medium
from opq_intranet.core.history import track_history


@track_history(exclude=["search_vector"])
class Record(models.Model):
    record_file = models.ForeignKey(
        "documents.RecordFile", verbose_name=_("file"), on_delete=models.PROTECT, related_name="records"
    )
    title = models.CharField(_("title"), max_length=300)
    medium = models.CharField(_("medium"), max_length=20, choices=Medium.choices, default=Medium.DIGITAL)
    record_date = models.DateField(_("date of the record"), null=True, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    keywords = models.CharField(_("keywords"), max_length=500, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True, help_text=_("Where the paper record is."))
    current_version = models.ForeignKey(
        "documents.RecordVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("current version"),
    )
    # Title (A), keywords and description (B), the current version's text (C); see documents/search.
    search_vector = SearchVectorField(null=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-record_date", "-pk"]
        indexes = [GinIndex(fields=["search_vector"], name="documents_record_search_idx")]
        verbose_name = _("record")
        verbose_name_plural = _("records")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:record_detail", args=[self.pk])


class RecordVersion(models.Model):
    """One version of a digital record. Versions are never changed: a new one is added."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    stored_file = models.ForeignKey("core.PrivateFile", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("extracted text"), blank=True)
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["record", "number"], name="documents_version_uniq")]
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self):
        return f"{self.record} v{self.number}"
