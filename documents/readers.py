"""Records' stored files are downloaded through documents' own view, which checks the file's
access rules and logs each read of a restricted record: never through the generic one."""

from documents.models import DispositionList, Record
from opq_intranet.core.files import register_reader


def register_file_readers():
    register_reader(Record, lambda user, record: False)
    register_reader(DispositionList, _can_read_certificate)


def _can_read_certificate(user, disposition_list):
    return user.is_office_staff and (
        user.has_perm("documents.manage_plan") or user.org_unit_id == disposition_list.org_unit_id
    )
