from .access import AccessRequest, ReviewRequest
from .contacts import Contact
from .mail import MailAttachment, MailItem, RoutingEvent
from .mandates import Mandate, MandateNote

__all__ = [
    "AccessRequest",
    "Contact",
    "MailAttachment",
    "MailItem",
    "Mandate",
    "MandateNote",
    "ReviewRequest",
    "RoutingEvent",
]
