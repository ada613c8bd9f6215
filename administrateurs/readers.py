"""Who reads the administrators' bank's private files through core's generic file view:
a signed solemn declaration (attached to its obligation) by the Nominations role only.

A candidate's CV and letters (owned by the candidacy) are read by the role too, but only
through the app's own download (`administrateurs:candidate_document`), which checks
`permissions.can_read_documents` and logs each download (core.audit): the generic view serves
none of them, not even to the role, since it would not log the read."""

from administrateurs import permissions
from administrateurs.models import Candidate, Obligation
from opq_intranet.core.files import register_reader


def register_file_readers():
    register_reader(Obligation, lambda user, obligation: permissions.manages(user))
    register_reader(Candidate, lambda user, candidate: False)
