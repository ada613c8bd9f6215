"""Filing a council's decision into records management: its PDF is copied as a record of a
documents-app file (the copy then follows that file's retention rule; the case keeps its own).
The record is titled with the case number and the decision's nature and date only: no party's
name, so that nothing a non-publication order covers reaches the records' titles or search."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from discipline.models import Decision
from discipline.services.cases import require_manager
from documents import services as records


@transaction.atomic
def decision_file(*, decision, user, record_file):
    require_manager(user)
    current = Decision.objects.select_for_update(of=("self",)).select_related("case", "document").get(pk=decision.pk)
    if current.filed_in_id:
        raise ValidationError(_("This decision is already filed in %(file)s.") % {"file": current.filed_in})
    if current.document is None or current.document.content_destroyed_at:
        raise ValidationError(_("The decision has no PDF to file: attach it first."))
    if not records.can_edit_file(user, record_file):
        raise ValidationError({"reference": _("You may not file into this file: it belongs to another unit.")})
    if record_file.stage == "disposed":
        raise ValidationError({"reference": _("This file was disposed of.")})
    title = _("%(number)s · %(decision)s of %(day)s") % {
        "number": current.case.number,
        "decision": current.get_stage_display(),
        "day": current.rendered_on.isoformat(),
    }
    records.record_add_copy(
        record_file=record_file,
        user=user,
        title=title,
        stored_file=current.document,
        record_date=current.rendered_on,
        keywords=current.case.number,
    )
    current.filed_in, current.filed_at = record_file, timezone.now()
    current.save(update_fields=["filed_in", "filed_at"])
    return current
