from opq_intranet.core.history import track_links

from .access import AccessRequest, ReviewRequest
from .contacts import Contact
from .mail import CHRONO_NUMBER, RESTRICTED_LEVELS, MailAttachment, MailItem, RoutingEvent
from .mandates import Mandate, MandateNote

__all__ = [
    "CHRONO_NUMBER",
    "RESTRICTED_LEVELS",
    "AccessRequest",
    "Contact",
    "MailAttachment",
    "MailItem",
    "Mandate",
    "MandateNote",
    "ReviewRequest",
    "RoutingEvent",
]

# Their links live in link tables: recorded there, shown in each mandate's history.
track_links(Mandate, "helpers", "mail_items", "record_files")
