"""A case's pages: the list, opening a case, its page (every view logged), its corrections,
and the actions that move it (service, panel, count, withdrawal, closing, non-publication
orders). Each action is a page with its form (core's ObjectActionView) and one service."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discipline import permissions, selectors, services
from discipline.choices import CaseStatus
from discipline.filtersets import CaseFilterSet
from discipline.forms import (
    CaseEditForm,
    CaseOpenForm,
    CountForm,
    DateOnlyForm,
    LiftForm,
    PanelForm,
    ProtectionOrderForm,
    ServeForm,
)
from discipline.models import Case, NonPublicationOrder
from discipline.services.decisions import DECISION_MOVES
from discipline.tables import CaseTable
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

HOME = ("discipline:index", _("Disciplinary cases"))
CASES = ("discipline:case_list", _("Cases"))


class CaseListView(ObjectListView):
    filterset_class = CaseFilterSet
    table_class = CaseTable
    title = _("Cases")
    export_name = "dossiers-disciplinaires"
    template_name = "discipline/case_list.html"
    actions_template = "discipline/_case_list_actions.html"

    def get_queryset(self):
        return selectors.cases_for_list()


class CaseMixin:
    breadcrumb_home = HOME
    breadcrumb_list = CASES

    def get_queryset(self):
        return selectors.cases()


def case_actions(user, case):
    """The buttons of a case's page: only those this person may use in the case's status."""
    if not permissions.can_change_case(user, case):
        return []
    pk, actions = case.pk, []
    actions.append(Action(_("Correct"), reverse("discipline:case_edit", args=[pk]), "outline-secondary"))
    if not case.served_on:
        actions.append(Action(_("Record the service"), reverse("discipline:case_serve", args=[pk])))
    if permissions.can_assign_panel(user, case):
        actions.append(Action(_("Panel"), reverse("discipline:case_panel", args=[pk]), icon="people"))
    if case.chair_id:
        actions.append(
            Action(
                _("Schedule a hearing"), reverse("discipline:hearing_schedule", args=[pk]), "primary", "calendar-plus"
            )
        )
    if case.urgent or any(case.status in sources for sources, _target in DECISION_MOVES.values()):
        actions.append(
            Action(_("Record a decision"), reverse("discipline:decision_record", args=[pk]), "primary", "journal-check")
        )
    if case.status in (CaseStatus.GUILT_DECIDED, CaseStatus.SANCTION_DECIDED, CaseStatus.REJECTED):
        actions.append(Action(_("Record an appeal"), reverse("discipline:appeal_file", args=[pk])))
    if case.status in (CaseStatus.GUILT_DECIDED, CaseStatus.SANCTION_DECIDED):
        actions.append(Action(_("Close"), reverse("discipline:case_close", args=[pk]), "outline-secondary"))
    if permissions.can_see_protected(user, case):
        actions.append(
            Action(
                _("Non-publication order"),
                reverse("discipline:protection_order", args=[pk]),
                "outline-secondary",
                "eye-slash",
            )
        )
    if services.can_move(case, CaseStatus.WITHDRAWN):
        actions.append(Action(_("Withdrawal"), reverse("discipline:case_withdraw", args=[pk]), "outline-danger"))
    return actions


class CaseDetailView(CaseMixin, ObjectDetailView):
    template_name = "discipline/case_detail.html"
    history_url_name = "discipline:case_history"

    def get_queryset(self):
        return selectors.cases_for_page(self.request.user)

    def get(self, request, *args, **kwargs):
        # The history preview shows the names as typed: not to those an order keeps them from.
        case = self.get_object()
        permissions.remember_chair(request.user, case.viewer_chair_id, case.viewer_chair_senior)
        self.show_history = permissions.can_see_protected(request.user, case) or not case.protected
        return super().get(request, *args, **kwargs)

    def on_read(self, obj):
        # The respondent's name and permit are personal information: every view is logged.
        confidential_access_log(request=self.request, obj=obj)

    def get_actions(self, obj):
        return case_actions(self.request.user, obj)

    def get_extra_context(self, obj, bound_forms):
        page = selectors.case_page(obj, self.request.user)
        page["can_change"] = permissions.can_change_case(self.request.user, obj)
        return page


class CaseHistoryView(CaseMixin, ObjectHistoryView):
    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        if (
            not permissions.can_see_protected(request.user, obj)
            and obj.protection_orders.filter(lifted_on__isnull=True).exists()
        ):
            # The history shows the names as they were typed: not for a chair not assigned.
            raise PermissionDenied
        confidential_access_log(request=request, obj=obj, action="history")
        return super().get(request, *args, **kwargs)


class CaseOpenView(CaseMixin, ObjectEditView):
    access_rule = permissions.MANAGE_RULE
    form_class = CaseOpenForm
    template_name = "discipline/case_open.html"
    title = _("Open a case")
    submit_label = _("Open the case")

    def new_object(self):
        return Case()

    def get_initial(self, obj):
        return {"filed_on": timezone.localdate()}

    def get_success_message(self, result):
        return _("The case %(number)s is open.") % {"number": result.number}

    def save(self, form, obj):
        return services.case_open(case=form.save(commit=False), user=self.request.user, counts=form.counts())


class CaseActionView(CaseMixin, ObjectActionView):
    """An action on an active case, by the Bureau's people."""

    access_rule = permissions.MANAGE_RULE

    def refuse(self, obj):
        if not permissions.can_change_case(self.request.user, obj):
            raise PermissionDenied
        return None

    def get_title(self, obj):
        return f"{self.title} · {obj.number}"


class CaseEditView(CaseActionView):
    form_class = CaseEditForm
    title = _("Correct the case")
    confirm_label = _("Save")
    success_message = _("The case %(object)s is saved.")

    def get_form_kwargs(self, obj):
        kwargs = super().get_form_kwargs(obj)
        kwargs["instance"] = obj
        return kwargs

    def perform(self, form, obj):
        return services.case_update(case=form.save(commit=False), user=self.request.user)


class CaseServeView(CaseActionView):
    form_class = ServeForm
    title = _("Service of the complaint")
    success_message = _("The service of %(object)s is recorded.")

    def perform(self, form, obj):
        return services.case_serve(case=obj, user=self.request.user, served_on=form.cleaned_data["served_on"])


class CasePanelView(CaseActionView):
    form_class = PanelForm
    title = _("Panel")
    confirm_label = _("Assign the panel")
    question = _("The senior chair assigns the chair and the two council members who hear the case (art. 115.7).")
    success_message = _("The panel of %(object)s is saved.")

    def refuse(self, obj):
        if not (permissions.can_assign_panel(self.request.user, obj) and obj.is_active):
            raise PermissionDenied
        return None

    def get_form(self, obj):
        return self.form_class(case=obj, **self.get_form_kwargs(obj))

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.case_assign_panel(
            case=obj, user=self.request.user, chair=data["chair"], members=data["members"]
        )


class CountAddView(CaseActionView):
    form_class = CountForm
    title = _("Add a count")
    success_message = _("The count is added to %(object)s.")

    def perform(self, form, obj):
        data = form.cleaned_data
        services.count_add(
            case=obj,
            user=self.request.user,
            description=data["description"],
            provisions=data["provisions"],
            derogatory_act=data["derogatory_act"],
        )


class CaseWithdrawView(CaseActionView):
    form_class = DateOnlyForm
    title = _("Withdrawal of the complaint")
    question = _("The complaint is withdrawn: the case ends.")
    danger = True
    confirm_label = _("Record the withdrawal")
    success_message = _("The withdrawal of %(object)s is recorded.")

    def get_initial(self, obj):
        return {"on": timezone.localdate()}

    def perform(self, form, obj):
        return services.case_withdraw(case=obj, user=self.request.user, on=form.cleaned_data["on"])


class CaseCloseView(CaseActionView):
    form_class = DateOnlyForm
    title = _("Close the case")
    question = _("The appeal delay has passed without appeal: the case is closed.")
    confirm_label = _("Close the case")
    success_message = _("The case %(object)s is closed.")

    def get_initial(self, obj):
        return {"on": timezone.localdate()}

    def perform(self, form, obj):
        return services.case_close(case=obj, user=self.request.user, on=form.cleaned_data["on"])


class ProtectionOrderView(CaseActionView):
    form_class = ProtectionOrderForm
    title = _("Non-publication order")
    question = _(
        "What the order covers is hidden from every roll, report, export and PDF of the case, and from "
        "the chairs not assigned to it (art. 142)."
    )
    confirm_label = _("Record the order")
    success_message = _("The order is recorded on %(object)s.")

    def refuse(self, obj):
        super().refuse(obj)
        if not permissions.can_see_protected(self.request.user, obj):
            raise PermissionDenied
        return None

    def get_form_kwargs(self, obj):
        kwargs = super().get_form_kwargs(obj)
        kwargs["instance"] = NonPublicationOrder(ordered_on=timezone.localdate())
        return kwargs

    def perform(self, form, obj):
        services.protection_order_place(case=obj, user=self.request.user, order=form.save(commit=False))


class ProtectionLiftView(CaseActionView):
    form_class = LiftForm
    title = _("Lift the order")
    confirm_label = _("Lift the order")
    success_message = _("The order is lifted.")

    def refuse(self, obj):
        super().refuse(obj)
        self.order = get_object_or_404(NonPublicationOrder, pk=self.kwargs["order_pk"], case=obj)
        if not permissions.can_see_protected(self.request.user, obj):
            raise PermissionDenied
        return None

    def get_initial(self, obj):
        return {"lifted_on": timezone.localdate()}

    def perform(self, form, obj):
        services.protection_order_lift(
            order=self.order, user=self.request.user, lifted_on=form.cleaned_data["lifted_on"]
        )
