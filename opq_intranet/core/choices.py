"""Enumerations of the core reference data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeKind(models.TextChoices):
    """Code des professions: exclusive practice (art. 32) or reserved title only (art. 36)."""

    EXCLUSIVE = "exclusive", _("Exclusive practice")
    RESERVED_TITLE = "reserved_title", _("Reserved title")


class ConfidentialityLevel(models.TextChoices):
    """Shared by every app that holds content (art. 53-54 of the access law)."""

    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")
    PERSONAL = "personal", _("Personal information")
    CONFIDENTIAL = "confidential", _("Confidential")


class NotificationDelivery(models.TextChoices):
    """How a person hears of new work: an email each time, or one email a day."""

    IMMEDIATE = "immediate", _("An email for each new item")
    DIGEST = "digest", _("One summary email a day")
