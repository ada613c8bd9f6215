"""Read queries of the classification plan and the retention schedule."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Prefetch

from documents.models import PATH_SEPARATOR, CopyRule, RecordClass, RetentionRule
from opq_intranet.core.text import filter_words


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
    child_count: int = 0  # its subclasses shown
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
    children = Counter(item.record_class.parent_id for item in items)
    for index, item in enumerate(items):
        item.child_count = children[item.record_class.pk]
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


def rules_with_details():
    """Rules with their copy rules, holding units and classes: a rule's page."""
    return RetentionRule.objects.prefetch_related(
        Prefetch("copy_rules", queryset=CopyRule.objects.order_by("copy_kind", "medium")),
        "holding_units",
        Prefetch("classes", queryset=RecordClass.objects.order_by("path")),
    )


def rule_with_details(pk):
    return rules_with_details().get(pk=pk)


# --- Page selectors ---------------------------------------------------------------------------------


def classes():
    """Classes as a class's page reads them."""
    return RecordClass.objects.select_related("retention_rule", "parent")


def class_page(record_class):
    """What a class's page shows: its lineage, the rule it takes (and where from), its
    copy rules and its subclasses."""
    lineage = ancestors(record_class)
    rule, rule_source = effective_rule(record_class, lineage)
    return {
        "lineage": lineage,
        "rule": rule,
        "rule_source": rule_source,
        "copy_rules": list(rule.copy_rules.all()) if rule else [],
        "children": record_class.children.order_by("path").select_related("retention_rule"),
    }
