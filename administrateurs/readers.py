"""Who reads the administrators' bank's private files: a signed solemn declaration (attached
to its obligation) by the Nominations role only."""

from administrateurs import permissions
from administrateurs.models import Obligation
from opq_intranet.core.files import register_reader


def register_file_readers():
    register_reader(Obligation, lambda user, obligation: permissions.manages(user))
