"""Tables of the mail app, one module per sub-domain (mail, mandates, access); callers import
from here."""

from .access import AccessRequestTable
from .mail import ContactTable, MailItemTable
from .mandates import MandateTable

__all__ = ["AccessRequestTable", "ContactTable", "MailItemTable", "MandateTable"]
