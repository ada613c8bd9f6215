"""Bodies and their seats: the bodies' list, a body's page (its seats, the parity of the
Office's appointees, art. 78's minimum), its form and history; a seat's page with its terms,
its history, and a direct appointment to it."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from administrateurs import permissions, selectors, services
from administrateurs.filtersets import BodyFilterSet
from administrateurs.forms import AppointForm, BodyForm
from administrateurs.models import Body
from administrateurs.tables import BodyTable
from administrateurs.views.candidates import HOME
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

BODIES = ("administrateurs:body_list", _("Bodies"))


class BodyListView(ObjectListView):
    access_rule = permissions.MANAGE_RULE
    filterset_class = BodyFilterSet
    table_class = BodyTable
    title = _("Bodies")
    export_name = "instances"
    template_name = "administrateurs/body_list.html"
    actions_template = "administrateurs/_body_list_actions.html"

    def get_queryset(self):
        return selectors.bodies()


class BodyMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = BODIES

    def get_queryset(self):
        return Body.objects.select_related("order")


class BodyDetailView(BodyMixin, ObjectDetailView):
    template_name = "administrateurs/body_detail.html"
    history_url_name = "administrateurs:body_history"

    def get_actions(self, obj):
        return [Action(_("Change"), reverse("administrateurs:body_edit", args=[obj.pk]), "outline-secondary")]

    def get_extra_context(self, obj, bound_forms):
        return selectors.body_page(obj)


class BodyHistoryView(BodyMixin, ObjectHistoryView):
    pass


class BodyEditView(BodyMixin, ObjectEditView):
    form_class = BodyForm
    title = _("Body")
    success_message = _("The body %(object)s is saved.")

    def new_object(self):
        return Body()

    def save(self, form, obj):
        return services.body_save(body=form.save(commit=False), user=self.request.user)


class SeatMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = BODIES

    def get_queryset(self):
        return selectors.seats()

    def get_breadcrumbs(self, obj):
        crumbs = super().get_breadcrumbs(obj)
        return [*crumbs[:-1], (str(obj.body), obj.body.get_absolute_url()), (self.object_label(obj), crumbs[-1][1])]

    def object_label(self, obj):
        return _("Seat %(number)s") % {"number": obj.number}


class SeatDetailView(SeatMixin, ObjectDetailView):
    template_name = "administrateurs/seat_detail.html"
    history_url_name = "administrateurs:seat_history"

    def get_actions(self, obj):
        if not (obj.is_active and obj.body.is_active):
            return []
        return [Action(_("Appoint"), reverse("administrateurs:seat_appoint", args=[obj.pk]), "primary", "person-check")]

    def get_extra_context(self, obj, bound_forms):
        return selectors.seat_page(obj)


class SeatHistoryView(SeatMixin, ObjectHistoryView):
    pass


class SeatAppointView(SeatMixin, ObjectActionView):
    """A direct appointment (the matching's "appoint" calls the same service)."""

    form_class = AppointForm
    confirm_label = _("Appoint")
    success_message = _("The appointment is recorded.")

    def get_title(self, obj):
        return _("Appoint to %(seat)s") % {"seat": obj}

    def get_question(self, obj):
        years = obj.body.term_years
        return ngettext(
            "The term lasts %(years)s year from its first day.",
            "The term lasts %(years)s years from its first day.",
            years,
        ) % {"years": years}

    def get_initial(self, obj):
        return {"starts_on": timezone.localdate(), "decided_on": timezone.localdate()}

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.term_appoint(
            seat=obj,
            candidate=data["candidate"],
            starts_on=data["starts_on"],
            resolution_number=data["resolution_number"],
            decided_on=data["decided_on"],
            user=self.request.user,
        )
