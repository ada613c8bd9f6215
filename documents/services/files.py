"""Files (dossiers): opened in a class by a unit, closed, their retention dates kept current."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from documents import selectors
from documents.choices import CopyKind, LifecycleStage
from documents.models import RecordFile, RetentionRule
from documents.permissions import can_choose_file_unit, can_edit_file, can_open_file_for, can_override_file_dates
from documents.retention import FileDates, schedule_for_file
from opq_intranet.core.numbering import next_reference

REFERENCE_SERIES = "documents.file"


def _require_editor(user, record_file):
    if not can_edit_file(user, record_file):
        raise PermissionDenied
    if record_file.stage == LifecycleStage.DISPOSED:
        raise ValidationError(_("This file was disposed of: it can no longer be changed."))


def _rule_of(record_file):
    rule, _source = selectors.effective_rule(record_file.record_class)
    return rule


def default_copy_kind(rule, org_unit):
    """Principal for a holding unit of the rule (or when the rule names none), else secondary."""
    holders = {u.pk for u in rule.holding_units.all()} if rule else set()
    return CopyKind.PRINCIPAL if not holders or org_unit.pk in holders else CopyKind.SECONDARY


def file_schedule_refresh(record_file, rule=None):
    """Recompute the expected transfer and disposal dates from the class's rule (no save)."""
    rule = rule if rule is not None else _rule_of(record_file)
    copy_rules = list(rule.copy_rules.all()) if rule else []
    schedule = schedule_for_file(
        copy_rules,
        copy_kind=record_file.copy_kind,
        medium=record_file.medium,
        dates=FileDates(record_file.opened_on, record_file.closed_on, record_file.event_on),
    )
    record_file.expected_semi_active_on = schedule.semi_active_on
    record_file.expected_disposal_on = schedule.disposal_on
    record_file.final_disposal = schedule.final_disposal
    record_file.schedule_pending = str(schedule.pending)
    return record_file


REFRESH_BATCH = 1000
SCHEDULE_FIELDS = ["expected_semi_active_on", "expected_disposal_on", "final_disposal", "schedule_pending"]


def files_schedule_refresh(class_ids):
    """After a rule or a class's rule changed: recompute the dates of the classes' files that
    are not disposed of ("class determines destiny"); the records manager's overrides stay.
    Returns how many files changed."""
    rules = {}
    effective = selectors.effective_rules()
    changed = []
    files = RecordFile.objects.filter(record_class_id__in=class_ids).exclude(stage=LifecycleStage.DISPOSED)
    for record_file in files.only(
        "pk", "record_class_id", "copy_kind", "medium", "opened_on", "closed_on", "event_on", *SCHEDULE_FIELDS
    ).iterator(chunk_size=REFRESH_BATCH):
        rule_id = effective.get(record_file.record_class_id)
        if rule_id not in rules:
            rules[rule_id] = RetentionRule.objects.prefetch_related("copy_rules").filter(pk=rule_id).first()
        before = [getattr(record_file, name) for name in SCHEDULE_FIELDS]
        file_schedule_refresh(record_file, rules[rule_id])
        if [getattr(record_file, name) for name in SCHEDULE_FIELDS] != before:
            changed.append(record_file)
    RecordFile.objects.bulk_update(changed, SCHEDULE_FIELDS, batch_size=REFRESH_BATCH)
    return len(changed)


def _check_class(record_class):
    if not record_class.is_active:
        raise ValidationError({"record_class": _("This class is retired: it takes no new file.")})
    rule, _source = selectors.effective_rule(record_class)
    if rule is None:
        raise ValidationError({"record_class": _("This class has no retention rule yet: ask the records manager.")})
    return rule


@transaction.atomic
def file_create(*, record_file, user):
    """Open a file: numbered, in an active class that has a rule, for the person's unit."""
    if not can_open_file_for(user, record_file.org_unit_id):
        raise PermissionDenied
    rule = _check_class(record_file.record_class)
    record_file.created_by = user
    record_file.copy_kind = default_copy_kind(rule, record_file.org_unit)
    record_file.reference = next_reference(REFERENCE_SERIES, prefix="D", year=record_file.opened_on.year)
    file_schedule_refresh(record_file, rule)
    record_file.full_clean()
    record_file.save()
    return record_file


@transaction.atomic
def file_update(*, record_file, user):
    """Save changes made through the form; the dates follow the (possibly new) class."""
    stored = RecordFile.objects.select_for_update().get(pk=record_file.pk)
    _require_editor(user, stored)
    if record_file.record_class_id != stored.record_class_id:
        _check_class(record_file.record_class)
    if not can_choose_file_unit(user):
        record_file.org_unit_id = stored.org_unit_id
    file_schedule_refresh(record_file)
    record_file.full_clean()
    record_file.save()
    return record_file


@transaction.atomic
def file_close(*, record_file, user, closed_on):
    record_file = RecordFile.objects.select_for_update().select_related("record_class").get(pk=record_file.pk)
    _require_editor(user, record_file)
    if record_file.closed_on:
        raise ValidationError(_("This file is already closed."))
    record_file.closed_on = closed_on
    file_schedule_refresh(record_file)
    record_file.full_clean()
    record_file.save()
    return record_file


@transaction.atomic
def file_override_dates(*, record_file, user, semi_active_on, disposal_on, reason):
    """The records manager sets the dates by hand, with the reason (kept in the history)."""
    if not can_override_file_dates(user):
        raise PermissionDenied
    record_file = RecordFile.objects.select_for_update().get(pk=record_file.pk)
    record_file.semi_active_override = semi_active_on
    record_file.disposal_override = disposal_on
    record_file.override_reason = reason.strip() if (semi_active_on or disposal_on) else ""
    record_file.full_clean()
    record_file.save()
    return record_file
