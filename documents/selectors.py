"""Read queries of records management."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from documents.choices import DISPOSAL_OF_KIND, TRANSFER_KINDS, DispositionStatus, FileMedium, LifecycleStage
from documents.models import CopyRule, DispositionList, LegalHold, Record, RecordClass, RecordFile, RetentionRule
from documents.models.plan import PATH_SEPARATOR
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.text import filter_words

OPEN_LIST_STATUSES = (DispositionStatus.DRAFT, DispositionStatus.VALIDATED, DispositionStatus.APPROVED)


@dataclass
class TreeNode:
    """A class as the tree shows it (plain values: ~600 model instances cost 15 ms)."""

    pk: int
    code: str
    title: str
    path: str
    depth: int
    is_active: bool
    parent_id: int | None
    rule_number: str | None


@dataclass
class TreeItem:
    record_class: TreeNode
    rule_number: str | None  # its own rule's or the inherited one's
    inherited: bool
    has_children: bool = False
    closes: range = range(0)
    matches: bool = True


TREE_FIELDS = ("pk", "code", "title", "path", "depth", "is_active", "parent_id", "retention_rule__number")


def plan_tree(*, query="", include_retired=True):
    """The whole plan in one query, in tree order, each class with its effective rule.

    With a query, the matching classes are shown with their ancestors (for context).
    """
    classes = [TreeNode(*row) for row in RecordClass.objects.order_by("path").values_list(*TREE_FIELDS)]
    if not include_retired:  # a retired class hides its subtree
        retired = tuple(c.path + PATH_SEPARATOR for c in classes if not c.is_active)
        classes = [c for c in classes if c.is_active and not (retired and c.path.startswith(retired))]
    matching = None
    if query:
        searched = filter_words(RecordClass.objects.all(), ("code", "title", "keywords", "description"), query)
        matching = set(searched.values_list("pk", flat=True))
        shown_paths = set()
        for c in classes:
            if c.pk in matching:
                codes = c.path.split(PATH_SEPARATOR)
                shown_paths.update(PATH_SEPARATOR.join(codes[: i + 1]) for i in range(len(codes)))
        classes = [c for c in classes if c.path in shown_paths]
    rule_of = {}
    items = []
    for c in classes:
        parent_rule = rule_of.get(c.parent_id)
        rule_of[c.pk] = c.rule_number or parent_rule
        items.append(TreeItem(c, rule_of[c.pk], c.rule_number is None and parent_rule is not None))
    for index, item in enumerate(items):
        next_depth = items[index + 1].record_class.depth if index + 1 < len(items) else 0
        depth = item.record_class.depth
        item.has_children = next_depth > depth
        item.closes = range(max(0, depth - next_depth))
        if matching is not None:
            item.matches = item.record_class.pk in matching
    return items


def ancestors(record_class):
    """The class's ancestors, root first, in one query."""
    codes = record_class.path.split(PATH_SEPARATOR)[:-1]
    if not codes:
        return []
    found = {c.code: c for c in RecordClass.objects.filter(code__in=codes).select_related("retention_rule")}
    return [found[code] for code in codes if code in found]


def effective_rule(record_class, lineage=None):
    """(rule, the class it comes from): the class's own, or its nearest ancestor's."""
    if record_class.retention_rule_id:
        return record_class.retention_rule, record_class
    for ancestor in reversed(lineage if lineage is not None else ancestors(record_class)):
        if ancestor.retention_rule_id:
            return ancestor.retention_rule, ancestor
    return None, None


def effective_rules():
    """{class id: the id of the rule it takes (its own or its nearest ancestor's)}, one query."""
    effective = {}
    for pk, parent_id, rule_id in RecordClass.objects.order_by("path").values_list(
        "pk", "parent_id", "retention_rule_id"
    ):
        effective[pk] = rule_id or effective.get(parent_id)
    return effective


def classes_governed_by(rule_id):
    return [pk for pk, effective in effective_rules().items() if effective == rule_id]


def rules():
    return RetentionRule.objects.annotate(class_count=Count("classes")).prefetch_related(
        Prefetch("copy_rules", queryset=CopyRule.objects.order_by("copy_kind", "medium"))
    )


def rule_with_details(pk):
    return RetentionRule.objects.prefetch_related(
        Prefetch("copy_rules", queryset=CopyRule.objects.order_by("copy_kind", "medium")),
        "holding_units",
        Prefetch("classes", queryset=RecordClass.objects.order_by("path")),
    ).get(pk=pk)


# --- Files ----------------------------------------------------------------------------------------


def files_visible_to(user):
    """Public and internal files for every staff member; personal-information and
    confidential ones for their unit and the records manager only."""
    files = RecordFile.objects.select_related("record_class", "org_unit")
    if not user.is_office_staff:
        return files.none()
    if user.has_perm("documents.manage_plan"):
        return files
    open_levels = Q(confidentiality__in=[ConfidentialityLevel.PUBLIC, ConfidentialityLevel.INTERNAL])
    if user.org_unit_id is None:
        return files.filter(open_levels)
    return files.filter(open_levels | Q(org_unit_id=user.org_unit_id))


def records_visible_to(user):
    """Records of the files the person may see."""
    return Record.objects.filter(record_file__in=files_visible_to(user).values("pk")).select_related(
        "record_file", "current_version__stored_file"
    )


# --- Holds and what is due ------------------------------------------------------------------------


def held_files(queryset):
    """The files of `queryset` under a hold in force (on the file, its class or an ancestor)."""
    held_paths = {
        path
        for path in LegalHold.objects.filter(lifted_at__isnull=True).values_list("classes__path", flat=True)
        if path
    }
    direct = LegalHold.files.through.objects.filter(recordfile_id=OuterRef("pk"), legalhold__lifted_at__isnull=True)
    condition = Q(Exists(direct))
    for path in held_paths:
        condition |= Q(record_class__path=path) | Q(record_class__path__startswith=path + PATH_SEPARATOR)
    return queryset.filter(condition)


def not_held(queryset):
    return queryset.exclude(pk__in=held_files(RecordFile.objects.all()).values("pk"))


def holds_on(record_file):
    """The holds in force on this file, directly or through its class's lineage."""
    codes = record_file.record_class.path.split(PATH_SEPARATOR)
    return list(
        LegalHold.objects.filter(lifted_at__isnull=True)
        .filter(Q(files=record_file) | Q(classes__code__in=codes))
        .distinct()
    )


def due_for_semi_active(today):
    return RecordFile.objects.filter(stage=LifecycleStage.ACTIVE, semi_active_due_on__lte=today)


def paper_due_for_semi_active(today):
    """Paper and hybrid files whose semi-active date has come: a transfer list moves them."""
    return due_for_semi_active(today).exclude(medium=FileMedium.DIGITAL)


def digital_due_for_semi_active(today):
    """Digital files whose semi-active date has come: the nightly job moves them."""
    return due_for_semi_active(today).filter(medium=FileMedium.DIGITAL)


def due_for_disposal_including_held(today):
    return RecordFile.objects.exclude(stage=LifecycleStage.DISPOSED).filter(disposal_due_on__lte=today)


def due_for_disposal(today):
    """Files whose disposal date has come and that no hold keeps."""
    return not_held(due_for_disposal_including_held(today))


def files_for_new_list(*, kind, org_unit, due_on):
    """The unit's files a new list of this kind takes by `due_on`: due, not held (for disposal),
    not already on an open list. The preview page and the generation read the same query."""
    if kind in TRANSFER_KINDS:
        due = paper_due_for_semi_active(due_on)
    else:
        due = due_for_disposal(due_on).filter(final_disposal=DISPOSAL_OF_KIND[kind])
    on_open_lists = DispositionList.objects.filter(status__in=OPEN_LIST_STATUSES).values("files")
    return due.filter(org_unit=org_unit).exclude(pk__in=on_open_lists)
