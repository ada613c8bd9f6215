"""Records' stored files are downloaded through documents' own view, which checks the file's
access rules and logs each read of a restricted record: never through the generic one.
Likewise an exchange space's files go through the space's own views, which write the audit
trail (who downloaded what, when)."""

from documents.models import DispositionList, Record, SharedFile
from documents.permissions import can_read_certificate
from opq_intranet.core.files import register_reader


def register_file_readers():
    register_reader(Record, lambda user, record: False)
    register_reader(SharedFile, lambda user, shared_file: False)
    register_reader(DispositionList, can_read_certificate)
