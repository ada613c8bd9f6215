"""The list layer itself: columns, sorting, counting, light pages."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import translation

from opq_intranet.core.lists import views as list_views
from opq_intranet.core.lists.pagination import paginate
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table
from opq_intranet.core.models import OfficeClosure, ProfessionalOrder
from opq_intranet.core.tables import ProfessionalOrderTable

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _french():
    with translation.override("fr-ca"):
        yield


def test_choice_fields_show_their_label_and_booleans_their_word():
    order = ProfessionalOrder.objects.get(code="barreau")
    table = ProfessionalOrderTable(ProfessionalOrder.objects.filter(pk=order.pk))
    cells = table.rows([order])[0]
    assert cells[0] == f'<a href="/ordres/{order.pk}/">Barreau du Québec</a>'
    assert cells[3] == "Exercice exclusif"
    assert "Oui" in cells[4]


def test_cells_are_escaped():
    order = ProfessionalOrder(pk=1, name="<script>x</script>", code="x", practice_kind="exclusive")
    cell = ProfessionalOrderTable(ProfessionalOrder.objects.none()).rows([order])[0][0]
    assert "<script>" not in cell
    assert "&lt;script&gt;" in cell


class ClosureTable(Table):
    model = OfficeClosure
    date = Column("Date")
    label = Column("Motif", orderable=False)
    weekday = Column("Jour", accessor=lambda c: c.date.weekday())
    default_sort = "-date"


def test_dates_are_written_the_quebec_way_and_callables_work():
    closure = OfficeClosure(date=datetime.date(2026, 12, 24), label="Veille de Noël")
    assert ClosureTable(OfficeClosure.objects.none()).rows([closure])[0] == ["2026-12-24", "Veille de Noël", "3"]


def test_sorting_accepts_only_declared_sortable_columns_and_breaks_ties_by_id():
    qs = OfficeClosure.objects.all()
    assert ClosureTable(qs, sort="label").sort == "-date"  # not sortable: default
    assert ClosureTable(qs, sort="password").sort == "-date"
    ordered = ClosureTable(qs, sort="date").queryset
    assert ordered.query.order_by == ("date", "pk")
    assert ClosureTable(qs, sort="-date").queryset.query.order_by == ("-date", "-pk")


def test_headers_link_to_the_opposite_sort_and_say_the_current_one():
    table = ClosureTable(OfficeClosure.objects.all(), sort="date")
    headers = table.headers(QueryDict("sort=date&page=3&q=x"))
    assert headers[0]["aria_sort"] == "ascending"
    assert headers[0]["sort_url"] == "?sort=-date&q=x"  # back to page 1
    assert headers[1]["sort_url"] is None


def test_export_rows_give_plain_values():
    closure = OfficeClosure(date=datetime.date(2026, 12, 24), label="=cmd")
    rows = list(ClosureTable(OfficeClosure.objects.none()).export_rows([closure]))
    assert rows == [["Date", "Motif", "Jour"], [datetime.date(2026, 12, 24), "=cmd", 3]]


def test_light_pages_know_if_there_is_a_next_page_without_counting(django_assert_num_queries):
    qs = ProfessionalOrder.objects.order_by("pk")
    with django_assert_num_queries(1):
        page = paginate(qs, page="2", per_page=20, count=None)
    assert len(page.object_list) == 20 and page.has_next and page.has_previous
    last = paginate(qs, page="3", per_page=20, count=None)
    assert len(last.object_list) == 6 and not last.has_next
    assert paginate(qs, page="abc", per_page=20, count=None).number == 1


def test_exact_pages_reuse_the_count(django_assert_num_queries):
    qs = ProfessionalOrder.objects.order_by("pk")
    with django_assert_num_queries(1):
        page = paginate(qs, page="99", per_page=20, count=46)
    assert page.number == 3  # an out-of-range page shows the last one
    assert page.count == 46


def test_big_unfiltered_lists_show_an_estimate_and_page_without_count(make_client, staff_user, monkeypatch):
    monkeypatch.setattr(list_views, "estimated_count", lambda model: 1_000_000)
    response = make_client(staff_user).get("/ordres/")
    assert response.context["total_kind"] == "estimate"
    assert response.context["total"] == 1_000_000
    assert response.context["page"].count is None
    assert "Environ 1" in response.text


def test_filtered_counts_are_capped(make_client, staff_user, monkeypatch):
    monkeypatch.setattr(list_views, "COUNT_CAP", 10)
    response = make_client(staff_user).get("/ordres/", {"practice_kind": "exclusive"})
    assert response.context["total_kind"] == "more_than"
    assert "Plus de 10 lignes" in response.text
    assert len(response.context["rows"]) == 25


def test_boolean_column_without_value():
    column = BooleanColumn("Actif").bind("is_active", None)
    assert column.cell(type("R", (), {"is_active": None})()) == "—"
