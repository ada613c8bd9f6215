"""A decision's PDF is read by the Bureau des présidents only (the app's role)."""

from discipline import permissions
from discipline.models import Decision
from opq_intranet.core.files import register_reader


def register_file_readers():
    register_reader(Decision, lambda user, decision: permissions.uses_app(user))
