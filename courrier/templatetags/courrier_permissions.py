"""The mail app's permission rules in templates: `{% load courrier_permissions %}`."""

from django import template

from courrier import permissions

register = template.Library()


@register.filter
def can_view_contacts(user):
    """`{% if user|can_view_contacts %}`: the contacts directory (courrier.permissions)."""
    return permissions.can_view_contacts(user)
