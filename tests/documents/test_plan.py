"""The classification plan: the tree, a class, its form; who may see and change them."""

import pytest
from django.urls import reverse

from documents import selectors, services
from documents.models import RecordClass
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RetentionRuleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db):
    """1000 Administration (rule A) > 1100 Personnel (inherits A) > 1110 Dossiers d'employés (rule B)."""
    rule_a = RetentionRuleFactory(number="A-100", title="Administration générale")
    CopyRuleFactory(rule=rule_a)
    rule_b = RetentionRuleFactory(number="B-200", title="Dossiers du personnel")
    root = RecordClassFactory(code="1000", title="Administration", retention_rule=rule_a)
    personnel = RecordClassFactory(code="1100", title="Personnel", parent=root, keywords="embauche employés")
    employees = RecordClassFactory(code="1110", title="Dossiers d'employés", parent=personnel, retention_rule=rule_b)
    other = RecordClassFactory(code="2000", title="Affaires juridiques")
    return {"root": root, "personnel": personnel, "employees": employees, "other": other, "a": rule_a, "b": rule_b}


def test_the_tree_in_order_with_the_rule_each_class_takes(plan):
    items = selectors.plan_tree()
    assert [i.record_class.code for i in items] == ["1000", "1100", "1110", "2000"]
    rules = {i.record_class.code: (i.rule_number, i.inherited) for i in items}
    assert rules == {"1000": ("A-100", False), "1100": ("A-100", True), "1110": ("B-200", False), "2000": (None, False)}
    # Nesting: 1000 and 1100 open a list; 1110 closes two; 2000 none.
    assert [(i.has_children, len(i.closes)) for i in items] == [(True, 0), (True, 0), (False, 2), (False, 0)]


def test_searching_shows_the_matches_with_their_ancestors(plan):
    items = selectors.plan_tree(query="embauche")
    assert [(i.record_class.code, i.matches) for i in items] == [("1000", False), ("1100", True)]


def test_a_retired_class_hides_its_subtree_unless_asked(plan):
    plan["personnel"].is_active = False
    plan["personnel"].save()
    assert [i.record_class.code for i in selectors.plan_tree(include_retired=False)] == ["1000", "2000"]
    assert len(selectors.plan_tree(include_retired=True)) == 4


def test_the_class_page_shows_the_inherited_rule(make_client, staff_user, plan):
    response = make_client(staff_user).get(reverse("documents:class_detail", args=[plan["personnel"].pk]))
    assert response.status_code == 200
    assert "héritée de la classe 1000" in response.text
    assert "A-100" in response.text


@pytest.mark.parametrize("name", ["documents:plan", "documents:rule_list"])
def test_every_staff_member_reads_the_plan_and_the_schedule(make_client, staff_user, plan, name):
    assert make_client(staff_user).get(reverse(name)).status_code == 200


def test_who_may_open_the_plan(make_client, staff_without_role, partner_user, plan):
    url = reverse("documents:plan")
    assert make_client().get(url).status_code == 302
    assert make_client(staff_without_role).get(url).status_code == 403
    assert make_client(partner_user).get(url).status_code == 403


def test_only_the_records_manager_changes_the_plan(make_client, staff_user, records_manager, partner_user, plan):
    url = reverse("documents:class_create")
    assert make_client(staff_user).get(url).status_code == 403
    assert make_client(partner_user).get(url).status_code == 403
    assert make_client(records_manager).get(url).status_code == 200
    data = {"code": "1120", "title": "Formation", "parent": plan["personnel"].pk, "is_active": "on"}
    assert make_client(staff_user).post(url, data).status_code == 403
    assert not RecordClass.objects.filter(code="1120").exists()


def test_the_records_manager_adds_a_subclass(make_client, records_manager, plan):
    response = make_client(records_manager).post(
        reverse("documents:class_create"),
        {"code": "1120", "title": "Formation", "parent": plan["personnel"].pk, "is_active": "on"},
        follow=True,
    )
    assert "La classe 1120 est enregistrée." in response.text
    created = RecordClass.objects.get(code="1120")
    assert (created.path, created.depth) == ("1000/1100/1120", 2)


def test_a_duplicate_code_is_refused_in_french_and_nothing_changes(make_client, records_manager, plan):
    response = make_client(records_manager).post(
        reverse("documents:class_create"), {"code": "1100", "title": "Doublon", "is_active": "on"}
    )
    assert response.status_code == 422
    assert "Une autre classe porte déjà ce code." in response.text
    assert RecordClass.objects.filter(code="1100").count() == 1


def test_moving_a_class_moves_its_subtree(records_manager, plan):
    personnel = plan["personnel"]
    personnel.parent = plan["other"]
    services.record_class_save(record_class=personnel, user=records_manager)
    employees = RecordClass.objects.get(code="1110")
    assert (employees.path, employees.depth) == ("2000/1100/1110", 2)
    # The moved class now takes no rule from its new parent (2000 has none).
    assert selectors.effective_rule(personnel) == (None, None)
    assert selectors.effective_rule(employees)[0] == plan["b"]


def test_a_class_cannot_go_under_its_own_subclass(make_client, records_manager, plan):
    response = make_client(records_manager).post(
        reverse("documents:class_edit", args=[plan["root"].pk]),
        {"code": "1000", "title": "Administration", "parent": plan["employees"].pk, "is_active": "on"},
    )
    assert response.status_code == 422
    assert RecordClass.objects.get(code="1000").parent is None


def test_the_tree_keeps_its_query_count(make_client, staff_user, assert_query_count):
    root = RecordClassFactory(code="9000")
    for n in range(120):
        RecordClassFactory(code=f"9{n:03d}X", parent=root)
    client = make_client(staff_user)
    client.get(reverse("documents:plan"))  # the session's activity stamp is written once
    with assert_query_count("documents:plan"):
        response = client.get(reverse("documents:plan"))
    assert response.text.count('class="plan-code"') == 121


def test_the_schedule_keeps_its_query_count(make_client, staff_user, assert_query_count):
    for _n in range(30):
        CopyRuleFactory(rule=RecordClassFactory(retention_rule=RetentionRuleFactory()).retention_rule)
    client = make_client(staff_user)
    client.get(reverse("documents:rule_list"))
    with assert_query_count("documents:rule_list"):
        response = client.get(reverse("documents:rule_list") + "?per_page=100")
    assert response.status_code == 200
    assert "P papier 2-5 D" in response.text


# --- The tree opens collapsed; a class lists its files ---------------------------------------------


def test_the_tree_opens_collapsed_to_the_first_level(make_client, staff_user, plan):
    page = make_client(staff_user).get(reverse("documents:plan")).text
    tree = page[page.index('<ul class="plan-tree">') :]
    # Every class with subclasses folds them in a closed <details>; its summary says how many.
    assert tree.count("<details") == 2 and "<details open" not in tree
    assert "<summary" in tree and "1 sous-classe" in tree
    # The first level's classes are outside any <details>: the page is as long as the first level.
    for code in (">1000<", ">2000<"):
        before = tree[: tree.index(code)]
        assert before.count("<details") == before.count("</details>")
    before = tree[: tree.index(">1110<")]
    assert before.count("<details") - before.count("</details>") == 2  # two levels down


def test_a_search_or_expand_all_opens_the_tree(make_client, staff_user, plan):
    client = make_client(staff_user)
    found = client.get(reverse("documents:plan"), {"q": "embauche"}).text
    assert "<details open" in found
    assert "<details open" in client.get(reverse("documents:plan"), {"expanded": "1"}).text


def test_the_class_page_lists_its_files_by_page(make_client, staff_user, records_manager, plan, litigation):
    from tests.documents.factories import RecordFileFactory

    visible = RecordFileFactory.create_batch(27, record_class=litigation, confidentiality="internal")
    secret = RecordFileFactory(record_class=litigation, confidentiality="confidential", title="Dossier secret")
    url = reverse("documents:class_detail", args=[litigation.pk])
    first = make_client(staff_user).get(url)
    assert first.status_code == 200
    shown = [f.reference for f in first.context["files_page"].object_list]
    assert len(shown) == 25
    assert "?page=2" in first.text
    second = make_client(staff_user).get(url, {"page": "2"})
    assert len(second.context["files_page"].object_list) == 2
    assert secret.reference not in first.text + second.text  # another unit's confidential file
    everything = {f.reference for f in visible}
    assert set(shown) | {f.reference for f in second.context["files_page"].object_list} == everything
    manager_pages = make_client(records_manager).get(url).text
    assert secret.reference in manager_pages
    assert f"?record_class={litigation.code}" in first.text  # every file of the class and its subclasses


def test_the_class_page_keeps_its_query_count_with_its_files(
    make_client, records_manager, litigation, assert_constant_queries
):
    from tests.documents.factories import RecordFileFactory
    from tests.querycounts import up_to

    make_rows = up_to(lambda count: RecordFileFactory.create_batch(count, record_class=litigation))
    url = reverse("documents:class_detail", args=[litigation.pk])
    assert_constant_queries(
        "documents:class_detail", make_client(records_manager), url, make_rows, per_page=False, at_most=12
    )
