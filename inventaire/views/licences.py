"""Software licences: the list, a licence's page with its seats (give one from the page),
its form, its history, and releasing a seat."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inventaire import permissions, selectors, services
from inventaire.filtersets import LicenceFilterSet
from inventaire.forms import LicenceForm, SeatForm
from inventaire.models import Licence, Seat
from inventaire.tables import LicenceTable
from inventaire.views.assets import HOME
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    EmbeddedActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

LICENCES = ("inventaire:licence_list", _("Licences"))


class LicenceListView(ObjectListView):
    filterset_class = LicenceFilterSet
    table_class = LicenceTable
    title = _("Software licences")
    export_name = "licences"
    template_name = "inventaire/licence_list.html"
    actions_template = "inventaire/_licence_list_actions.html"

    def get_queryset(self):
        return selectors.licences()


class LicenceMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = LICENCES

    def get_queryset(self):
        return selectors.licences()


class LicenceDetailView(LicenceMixin, ObjectDetailView):
    template_name = "inventaire/licence_detail.html"
    history_url_name = "inventaire:licence_history"

    def get_actions(self, obj):
        return [Action(_("Change"), reverse("inventaire:licence_edit", args=[obj.pk]))]

    def get_extra_context(self, obj, bound_forms):
        page = selectors.licence_page(obj)
        page["seat_form"] = bound_forms.get("seat") or SeatForm()
        return page


class LicenceHistoryView(LicenceMixin, ObjectHistoryView):
    pass


class LicenceEditView(LicenceMixin, ObjectEditView):
    form_class = LicenceForm
    title = _("Software licence")
    success_message = _("The licence %(object)s is saved.")

    def new_object(self):
        return Licence()

    def save(self, form, obj):
        return services.licence_save(licence=form.save(commit=False), user=self.request.user)


class SeatAssignView(LicenceMixin, EmbeddedActionView):
    form_class = SeatForm
    detail_view = LicenceDetailView
    form_key = "seat"
    success_message = _("The seat is given.")

    def allowed(self, user, obj):
        return permissions.manages(user)

    def perform(self, form, obj):
        data = form.cleaned_data
        services.seat_assign(licence=obj, user=self.request.user, holder=data.get("holder"), asset=data.get("asset"))


class SeatReleaseView(LicenceMixin, EmbeddedActionView):
    detail_view = LicenceDetailView
    form_key = "release"
    success_message = _("The seat is released.")

    def allowed(self, user, obj):
        return permissions.manages(user)

    def perform(self, form, obj):
        seat = get_object_or_404(Seat, pk=self.kwargs["seat_pk"], licence=obj)
        services.seat_release(seat=seat, user=self.request.user)
