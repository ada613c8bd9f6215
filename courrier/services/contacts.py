"""The contacts directory's writes."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courrier import permissions
from courrier.models import Contact
from courrier.services.search_vector import contact_search_refresh


@transaction.atomic
def contact_save(*, contact, user):
    """Any staff member with access to the mail app adds or corrects a contact; an order is one contact."""
    if not permissions.can_change_contact(user, contact):
        raise PermissionDenied
    if contact.professional_order_id:
        duplicate = Contact.objects.filter(professional_order_id=contact.professional_order_id).exclude(pk=contact.pk)
        if duplicate.exists():
            raise ValidationError({"professional_order": _("This order already has its contact.")})
    renamed = (
        contact.pk
        and Contact.objects.filter(pk=contact.pk).exclude(name=contact.name, organisation=contact.organisation).exists()
    )
    contact.full_clean()
    contact.save()
    if renamed:
        contact_search_refresh(contact.pk)
    return contact
