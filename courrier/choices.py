"""Enumerations of the mail registry, the mandates and the access-to-information requests."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Direction(models.TextChoices):
    INCOMING = "incoming", _("Incoming")
    OUTGOING = "outgoing", _("Outgoing")


# Each direction has its own yearly chrono: E2026-00042 (entrant), S2026-00012 (sortant).
CHRONO = {
    Direction.INCOMING: ("courrier.incoming", "E"),
    Direction.OUTGOING: ("courrier.outgoing", "S"),
}


class Channel(models.TextChoices):
    POST = "post", _("Post")
    EMAIL = "email", _("Email")
    HAND = "hand", _("Hand delivery")
    FAX = "fax", _("Fax")
    PORTAL = "portal", _("Portal")


class MailType(models.TextChoices):
    LETTER = "letter", _("Letter")
    COMPLAINT = "complaint", _("Complaint")
    INFORMATION_REQUEST = "information_request", _("Request for information")
    ACCESS_REQUEST = "access_request", _("Access request")
    NOTICE = "notice", _("Notice")
    INVOICE = "invoice", _("Invoice")
    OTHER = "other", _("Other")


class MailStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ROUTED = "routed", _("Routed")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


# Items still waiting for someone: they appear in "Mon courrier" and count for due dates.
PENDING_STATUSES = (MailStatus.REGISTERED, MailStatus.ROUTED, MailStatus.IN_PROGRESS)


class ContactKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class Province(models.TextChoices):
    """Canada's provinces and territories, by Canada Post's codes."""

    QC = "QC", _("Quebec")
    ON = "ON", _("Ontario")
    NB = "NB", _("New Brunswick")
    NS = "NS", _("Nova Scotia")
    PE = "PE", _("Prince Edward Island")
    NL = "NL", _("Newfoundland and Labrador")
    MB = "MB", _("Manitoba")
    SK = "SK", _("Saskatchewan")
    AB = "AB", _("Alberta")
    BC = "BC", _("British Columbia")
    YT = "YT", _("Yukon")
    NT = "NT", _("Northwest Territories")
    NU = "NU", _("Nunavut")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class MandateStatus(models.TextChoices):
    # "mandate" context: a mandat is masculine in French (ouvert, annulé), other apps' are not.
    OPEN = "open", pgettext_lazy("mandate", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("mandate", "In progress")
    WAITING = "waiting", pgettext_lazy("mandate", "Waiting")
    DONE = "done", pgettext_lazy("mandate", "Done")
    CANCELLED = "cancelled", pgettext_lazy("mandate", "Cancelled")


ACTIVE_MANDATE_STATUSES = (MandateStatus.OPEN, MandateStatus.IN_PROGRESS, MandateStatus.WAITING)


class AccessDecision(models.TextChoices):
    """The responsible officer's answer (Loi sur l'accès, RLRQ c. A-2.1)."""

    GRANTED = "granted", _("Access granted")
    PARTLY_GRANTED = "partly_granted", _("Access partly granted")
    REFUSED = "refused", _("Access refused")
    NO_DOCUMENT = "no_document", _("No document")
    REFERRED = "referred", _("Referred to another body")


# Decisions that refuse something must say which articles of the law they rely on.
DECISIONS_WITH_ARTICLES = (AccessDecision.PARTLY_GRANTED, AccessDecision.REFUSED)


class AccessRequestStatus(models.TextChoices):
    OPEN = "open", _("Being processed")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class ReviewOutcome(models.TextChoices):
    PENDING = "pending", _("Pending before the Commission")
    CONFIRMED = "confirmed", _("Decision confirmed")
    REVERSED = "reversed", _("Decision reversed in whole or in part")
    SETTLED = "settled", _("Settled (mediation)")
    WITHDRAWN = "withdrawn", _("Withdrawn")
