"""The vacancies: seats vacant now, or becoming vacant within 6 or 12 months (selectors.vacancies)."""

from django.utils.translation import gettext_lazy as _

from administrateurs import permissions, selectors
from administrateurs.filtersets import VacancyFilterSet
from administrateurs.tables import VacancyTable
from opq_intranet.core.lists.views import ObjectListView


class VacancyListView(ObjectListView):
    access_rule = permissions.MANAGE_RULE
    filterset_class = VacancyFilterSet
    table_class = VacancyTable
    title = _("Vacancies")
    export_name = "sieges-vacants"
    template_name = "administrateurs/vacancy_list.html"
    estimate_unfiltered_count = False  # a grouped query: the table's estimate says nothing

    def get_queryset(self):
        return selectors.vacancies()
