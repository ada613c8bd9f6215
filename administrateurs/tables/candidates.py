"""Table of the candidates' list."""

from django.utils.translation import gettext_lazy as _

from administrateurs.models import Candidate
from opq_intranet.core.lists.tables import Column, Table


class CandidateTable(Table):
    model = Candidate
    last_name = Column(_("Last name"), link=True)
    first_name = Column(_("First name"))
    region = Column(_("Region"))
    expertise = Column(_("Fields of expertise"))
    status = Column(_("Status"))
    received_on = Column(_("Received on"))
    default_sort = "last_name"
