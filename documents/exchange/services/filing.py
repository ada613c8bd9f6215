""" "Verser au dossier": a shared file's current version becomes a record of a records file.

The record gets a copy of the content (`documents.services.record_add_copy`), which then
follows the records file's retention rule; the space's copy stays until its own retention
purges it. The file remembers the record it was filed as (`filed_record`) and the trail says
who filed what where (FILED).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents import services as records
from documents.choices import LifecycleStage
from documents.exchange import permissions
from documents.exchange.choices import EventAction
from documents.exchange.models import SharedFile
from documents.exchange.services.audit import event_log
from documents.exchange.services.retention import expiry_warning_settle


@transaction.atomic
def shared_file_file_into(*, shared_file, user, record_file, title, record_date=None, request=None):
    """File the current version of `shared_file` into `record_file`; returns the new Record."""
    shared_file = (
        SharedFile.objects.select_for_update(of=("self",))
        .select_related("space", "current_version__stored_file")
        .get(pk=shared_file.pk)
    )
    if not permissions.can_file_into_records(user, shared_file.space):
        raise PermissionDenied
    version = shared_file.current_version
    if shared_file.purged_at is not None or version is None or version.stored_file.content_destroyed_at is not None:
        raise ValidationError(_("This file was purged at the end of its retention: there is nothing left to file."))
    if not records.can_edit_file(user, record_file):
        message = _("You may not file into %(file)s: only its unit and records management may.")
        raise ValidationError({"reference": message % {"file": record_file.reference}})
    if record_file.stage == LifecycleStage.DISPOSED:
        raise ValidationError({"reference": _("The file %(file)s was disposed of.") % {"file": record_file.reference}})
    record = records.record_add_copy(
        record_file=record_file,
        user=user,
        title=title,
        stored_file=version.stored_file,
        record_date=record_date,
    )
    shared_file.filed_record = record
    shared_file.save(update_fields=["filed_record"])
    event_log(
        space=shared_file.space,
        action=EventAction.FILED,
        user=user,
        shared_file=shared_file,
        detail=f"v{version.number} → {record_file.reference} « {record.title} »",
        request=request,
    )
    expiry_warning_settle(space=shared_file.space, today=timezone.localdate())
    return record
