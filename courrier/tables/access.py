"""Table of the access requests."""

from django.utils.translation import gettext_lazy as _

from courrier.models import AccessRequest
from opq_intranet.core.lists.tables import Column, Table


class AccessRequestTable(Table):
    model = AccessRequest
    reference = Column(_("Request"), link=True)
    applicant = Column(_("Applicant"), accessor="mail_item.contact.name", sort_by=("mail_item__contact__name",))
    received_on = Column(_("Received on"))
    deadline = Column(_("Deadline in force"), accessor="deadline_in_force", sort_by=("deadline_in_force",))
    status = Column(_("Status"))
    decision = Column(_("Decision"))
    decided_on = Column(_("Answered on"))
    default_sort = "-received_on"
