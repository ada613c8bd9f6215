"""The mail app's demo and scale data (`manage.py seed_demo`): the mail, contacts and access
requests (mail.py, which registers the generator) and the mandates (mandates.py)."""

from . import mail, mandates

__all__ = ["mail", "mandates"]
