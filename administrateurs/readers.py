"""Who reads the administrators' bank's private files: a candidate's CV and letters (owned by
the candidacy) are read by the Nominations role only, and only through the app's own download
(`administrateurs:candidate_document`), which checks `permissions.can_read_documents` and logs
each download (core.audit). The generic file view (`core:private_file`) serves none of them,
not even to the role: it would not log the read."""

from administrateurs.models import Candidate
from opq_intranet.core.files import register_reader


def register_file_readers():
    register_reader(Candidate, lambda user, candidate: False)
