"""Tables of the mail registry and the contacts directory."""

from django.utils.translation import gettext_lazy as _

from courrier.models import Contact, MailItem
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table


class MailItemTable(Table):
    model = MailItem
    reference = Column(_("Chrono"), link=True)
    direction = Column(_("Direction"))
    dated_on = Column(_("Date"), accessor="dated_on", sort_by=("received_on", "sent_on"))
    contact = Column(_("Sender or recipient"), accessor="contact.name", sort_by=("contact__name",))
    subject = Column(_("Subject"))
    mail_type = Column(_("Type"))
    routed_unit = Column(_("Unit"), accessor="routed_unit.name", sort_by=("routed_unit__name",))
    assignee = Column(_("Person"), accessor="assignee", sort_by=("assignee__last_name",))
    reply_due_on = Column(_("Reply due"))
    status = Column(_("Status"))
    filed_in = Column(_("Filed in"), accessor="filed_in.reference", sort_by=("filed_in__reference",))
    # Unsorted, the registry keeps the model's order: the latest registered first (indexed).


class ContactTable(Table):
    model = Contact
    name = Column(_("Name"), link=True)
    organisation = Column(_("Organisation"))
    kind = Column(_("Kind"))
    email = Column(_("Email"))
    phone = Column(_("Telephone"))
    is_active = BooleanColumn(_("Active"))
    default_sort = "name"
