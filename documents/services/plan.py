"""The classification plan and the retention schedule: saved by the records manager."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr

from documents import selectors
from documents.models import PATH_SEPARATOR, RecordClass
from documents.permissions import can_manage_plan
from documents.services.files import files_schedule_refresh


def _require_manager(user):
    if not can_manage_plan(user):
        raise PermissionDenied


@transaction.atomic
def record_class_save(*, record_class, user):
    """Create or change a class; moving it or changing its code moves its whole subtree."""
    _require_manager(user)
    record_class.full_clean()
    old_path, old_rule = None, None
    if record_class.pk:
        old_path, old_rule = (
            RecordClass.objects.filter(pk=record_class.pk).values_list("path", "retention_rule_id").first()
        )
    parent = record_class.parent
    record_class.path = f"{parent.path}{PATH_SEPARATOR}{record_class.code}" if parent else record_class.code
    record_class.depth = parent.depth + 1 if parent else 0
    record_class.save()
    if old_path and old_path != record_class.path:
        old_depth = old_path.count(PATH_SEPARATOR)
        RecordClass.objects.filter(path__startswith=old_path + PATH_SEPARATOR).update(
            path=Concat(Value(record_class.path), Substr("path", len(old_path) + 1)),
            depth=F("depth") + (record_class.depth - old_depth),
        )
    if old_path and (old_path != record_class.path or old_rule != record_class.retention_rule_id):
        # Its rule (or the rule it inherits) may have changed: so have its files' dates.
        subtree = RecordClass.objects.filter(
            Q(pk=record_class.pk) | Q(path__startswith=record_class.path + PATH_SEPARATOR)
        ).values_list("pk", flat=True)
        files_schedule_refresh(list(subtree))
    return record_class


@transaction.atomic
def retention_rule_save(*, rule, copy_rules_formset, holding_units, user):
    """A rule with its copy rules (an inline formset, already valid) and its holding units."""
    _require_manager(user)
    rule.full_clean()
    rule.save()
    rule.holding_units.set(holding_units)
    copy_rules_formset.instance = rule
    copy_rules_formset.save()
    files_schedule_refresh(selectors.classes_governed_by(rule.pk))
    return rule
