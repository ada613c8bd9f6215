"""Filtersets of the mail app, one module per sub-domain (mail, mandates, access); callers
import from here."""

from .access import AccessRequestFilterSet
from .mail import ContactFilterSet, MailItemFilterSet
from .mandates import MandateFilterSet

__all__ = ["AccessRequestFilterSet", "ContactFilterSet", "MailItemFilterSet", "MandateFilterSet"]
