"""Enumerations of records management (classification plan, retention schedule)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Special period codes of Quebec retention schedules, in place of a number of years.
PERIOD_OPEN = 888  # as long as the file is open: the period ends when it is closed
PERIOD_UNTIL_REPLACED = 999  # until the record is replaced (an event recorded on the file)
MAX_PERIOD_YEARS = 99


class ApprovalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to BAnQ")
    APPROVED = "approved", _("Approved by BAnQ")
    RETIRED = "retired", _("Retired")


class CopyKind(models.TextChoices):
    PRINCIPAL = "principal", _("Principal copy")
    SECONDARY = "secondary", _("Secondary copy")


class Medium(models.TextChoices):
    PAPER = "paper", _("Paper")
    DIGITAL = "digital", _("Digital")


class FileMedium(models.TextChoices):
    PAPER = "paper", _("Paper")
    DIGITAL = "digital", _("Digital")
    HYBRID = "hybrid", _("Hybrid (paper and digital)")


class PeriodBasis(models.TextChoices):
    """What the active period counts from."""

    OPENING = "opening", _("Opening of the file")
    CLOSING = "closing", _("Closing of the file")
    EVENT = "event", _("An event")


class FinalDisposal(models.TextChoices):
    PERMANENT = "C", _("C – Permanent (transfer to BAnQ)")
    DESTRUCTION = "D", _("D – Destruction")
    SORTING = "T", _("T – Sorting")


# When a hybrid file's two media disagree, the stronger disposal wins (keep rather than lose).
DISPOSAL_STRENGTH = {FinalDisposal.DESTRUCTION: 0, FinalDisposal.SORTING: 1, FinalDisposal.PERMANENT: 2}


class LifecycleStage(models.TextChoices):
    ACTIVE = "active", _("Active")
    SEMI_ACTIVE = "semi_active", _("Semi-active")
    DISPOSED = "disposed", _("Disposed")


class DisposalOutcome(models.TextChoices):
    TRANSFERRED = "transferred", _("Transferred to BAnQ")
    DESTROYED = "destroyed", _("Destroyed")
    SORTED = "sorted", _("Sorted")


class DispositionKind(models.TextChoices):
    """What a disposition list does with its files (Constellio's decommissioning lists)."""

    SEMI_ACTIVE_TRANSFER = "semi_active_transfer", _("Transfer to semi-active storage")
    DESTRUCTION = "destruction", _("Destruction")
    BANQ_TRANSFER = "banq_transfer", _("Transfer to BAnQ")
    SORTING = "sorting", _("Sorting")


# Which final disposal each kind of list processes.
DISPOSAL_OF_KIND = {
    DispositionKind.DESTRUCTION: FinalDisposal.DESTRUCTION,
    DispositionKind.BANQ_TRANSFER: FinalDisposal.PERMANENT,
    DispositionKind.SORTING: FinalDisposal.SORTING,
}
# Paper moves to semi-active storage with a transfer list (the boxes go to another room);
# digital files become semi-active by the nightly job alone.
TRANSFER_KINDS = frozenset({DispositionKind.SEMI_ACTIVE_TRANSFER})
OUTCOME_OF_KIND = {
    DispositionKind.DESTRUCTION: DisposalOutcome.DESTROYED,
    DispositionKind.BANQ_TRANSFER: DisposalOutcome.TRANSFERRED,
    DispositionKind.SORTING: DisposalOutcome.SORTED,
}


class DispositionStatus(models.TextChoices):
    DRAFT = "draft", _("Awaiting the unit's validation")
    VALIDATED = "validated", _("Validated by the unit")
    APPROVED = "approved", _("Approved by the records manager")
    PROCESSED = "processed", _("Processed")
    CANCELLED = "cancelled", _("Cancelled")


class PaperDestruction(models.TextChoices):
    """How the paper part of a destruction list's files is destroyed (its certificate says so)."""

    SHREDDED_ON_SITE = "shredded_on_site", _("Shredded on site (cross-cut shredder)")
    CONTRACTOR = "contractor", _("Confidential shredding by a contractor")
