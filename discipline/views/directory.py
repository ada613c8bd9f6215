"""The directory's pages: the councils, the chairs (with the periods they cannot sit) and the
council members: lists, pages, forms and history.

Everyone with the app reads them (accounts.access_discipline, the app's own guard); the
Bureau's people write them (MANAGE_RULE, and the services check it again).
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from discipline import permissions, selectors, services
from discipline.filtersets import ChairFilterSet, CouncilFilterSet, MemberFilterSet
from discipline.forms import ChairForm, CouncilForm, MemberForm, UnavailabilityForm
from discipline.models import Chair, Council, CouncilMember
from discipline.permissions import MANAGE_RULE
from discipline.tables import ChairTable, CouncilTable, MemberTable
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.querystring import query_id
from opq_intranet.core.views.generic import (
    Action,
    EmbeddedActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

HOME = ("discipline:index", gettext_lazy("Disciplinary cases"))
COUNCILS = ("discipline:council_list", gettext_lazy("Disciplinary councils"))
CHAIRS = ("discipline:chair_list", gettext_lazy("Chairs"))
MEMBERS = ("discipline:member_list", gettext_lazy("Council members"))


class DirectoryListView(ObjectListView):
    template_name = "discipline/directory/list.html"
    actions_template = "discipline/directory/_list_actions.html"
    directory = ""  # the tab of the directory's navigation: councils, chairs, members
    create_url_name = ""
    create_label = ""


class DirectoryMixin:
    """An object of the directory: its page is `detail_url_name` (the breadcrumbs, the edit
    form's cancel and success links and the history's way back lead there)."""

    breadcrumb_home = HOME
    detail_url_name = ""

    def detail_url(self, obj):
        return reverse(self.detail_url_name, args=[obj.pk])

    def get_breadcrumbs(self, obj):
        crumbs = super().get_breadcrumbs(obj)
        if obj is not None and getattr(obj, "pk", None):
            crumbs[-1] = (crumbs[-1][0], self.detail_url(obj))
        return crumbs

    def get_success_url(self, result):
        return self.detail_url(result)

    def get_cancel_url(self, obj):
        if obj is not None and getattr(obj, "pk", None):
            return self.detail_url(obj)
        return reverse(self.breadcrumb_list[0])


def change_action(user, url_name, obj):
    """The page's "Change" button, for the Bureau's people only."""
    if not permissions.can_edit_directory(user):
        return []
    return [Action(_("Change"), reverse(url_name, args=[obj.pk]))]


# --- Councils -------------------------------------------------------------------------------------


class CouncilMixin(DirectoryMixin):
    breadcrumb_list = COUNCILS
    detail_url_name = "discipline:council_detail"

    def get_queryset(self):
        return selectors.councils()


class CouncilListView(DirectoryListView):
    filterset_class = CouncilFilterSet
    table_class = CouncilTable
    title = gettext_lazy("Disciplinary councils")
    export_name = "conseils-de-discipline"
    directory = "councils"
    create_url_name = "discipline:council_create"
    create_label = gettext_lazy("New council")

    def get_queryset(self):
        return selectors.councils()


class CouncilDetailView(CouncilMixin, ObjectDetailView):
    template_name = "discipline/directory/council_detail.html"
    history_url_name = "discipline:council_history"

    def get_extra_context(self, obj, bound_forms):
        return selectors.council_page(obj)

    def get_actions(self, obj):
        actions = change_action(self.request.user, "discipline:council_edit", obj)
        if actions:
            url = f"{reverse('discipline:member_create')}?council={obj.pk}"
            actions.append(Action(_("New member"), url, style="primary", icon="person-plus"))
        return actions


class CouncilHistoryView(CouncilMixin, ObjectHistoryView):
    pass


class CouncilEditView(CouncilMixin, ObjectEditView):
    """A new council (no `pk`) or a change; its number stays once it has cases (the service)."""

    access_rule = MANAGE_RULE
    form_class = CouncilForm

    def get_queryset(self):
        return Council.objects.select_related("order")

    def new_object(self):
        return Council()

    def get_title(self, obj):
        if obj.pk:
            return _("Change the council %(council)s") % {"council": obj}
        return _("New disciplinary council")

    def save(self, form, obj):
        return services.council_save(council=form.save(commit=False), user=self.request.user)

    def get_success_message(self, result):
        return _("The council %(council)s is saved.") % {"council": result}


# --- Chairs ---------------------------------------------------------------------------------------


class ChairMixin(DirectoryMixin):
    breadcrumb_list = CHAIRS
    detail_url_name = "discipline:chair_detail"

    def get_queryset(self):
        return selectors.chairs()


class ChairListView(DirectoryListView):
    filterset_class = ChairFilterSet
    table_class = ChairTable
    title = gettext_lazy("Chairs")
    export_name = "presidents"
    directory = "chairs"
    create_url_name = "discipline:chair_create"
    create_label = gettext_lazy("New chair")

    def get_queryset(self):
        return selectors.chairs()


class ChairDetailView(ChairMixin, ObjectDetailView):
    template_name = "discipline/directory/chair_detail.html"
    history_url_name = "discipline:chair_history"

    def get_extra_context(self, obj, bound_forms):
        return {
            **selectors.chair_page(obj),
            "can_manage": permissions.can_edit_directory(self.request.user),
            "away_form": bound_forms.get("away") or UnavailabilityForm(),
            "remove_form": bound_forms.get("remove"),
        }

    def get_actions(self, obj):
        return change_action(self.request.user, "discipline:chair_edit", obj)


class ChairHistoryView(ChairMixin, ObjectHistoryView):
    pass


class ChairEditView(ChairMixin, ObjectEditView):
    """A new chair (no `pk`) or a change; a new senior chair takes the title (the service)."""

    access_rule = MANAGE_RULE
    form_class = ChairForm

    def get_queryset(self):
        return Chair.objects.select_related("user")

    def new_object(self):
        return Chair()

    def get_title(self, obj):
        return _("Change %(chair)s") % {"chair": obj} if obj.pk else _("New chair")

    def save(self, form, obj):
        return services.chair_save(chair=form.save(commit=False), user=self.request.user)

    def get_success_message(self, result):
        return _("%(chair)s is saved.") % {"chair": result}


class ChairActionView(ChairMixin, EmbeddedActionView):
    """A form of the chair's page; refused, the page is shown again with it bound, in 422."""

    access_rule = MANAGE_RULE
    detail_view = ChairDetailView

    def get_queryset(self):
        return Chair.objects.all()

    def allowed(self, user, obj):
        return permissions.can_edit_directory(user)


class UnavailabilityAddView(ChairActionView):
    form_class = UnavailabilityForm
    form_key = "away"
    success_message = gettext_lazy("The period is recorded: no hearing can be scheduled then.")

    def perform(self, form, obj):
        services.unavailability_add(chair=obj, user=self.request.user, **form.cleaned_data)


class UnavailabilityRemoveView(ChairActionView):
    """The period of the URL's `period_pk`, of this chair only (404 otherwise)."""

    form_key = "remove"
    success_message = gettext_lazy("The period is removed.")

    def refuse(self, obj):
        super().refuse(obj)
        self.period = get_object_or_404(obj.unavailabilities, pk=self.kwargs["period_pk"])
        return None

    def perform(self, form, obj):
        services.unavailability_remove(period=self.period, user=self.request.user)


# --- Council members ------------------------------------------------------------------------------


class MemberMixin(DirectoryMixin):
    breadcrumb_list = MEMBERS
    detail_url_name = "discipline:member_detail"

    def get_queryset(self):
        return selectors.members()


class MemberListView(DirectoryListView):
    filterset_class = MemberFilterSet
    table_class = MemberTable
    title = gettext_lazy("Council members")
    export_name = "membres-des-conseils"
    directory = "members"
    create_url_name = "discipline:member_create"
    create_label = gettext_lazy("New member")

    def get_queryset(self):
        return selectors.members()


class MemberDetailView(MemberMixin, ObjectDetailView):
    template_name = "discipline/directory/member_detail.html"
    history_url_name = "discipline:member_history"

    def get_actions(self, obj):
        return change_action(self.request.user, "discipline:member_edit", obj)


class MemberHistoryView(MemberMixin, ObjectHistoryView):
    pass


class MemberEditView(MemberMixin, ObjectEditView):
    """A new member (no `pk`), of the council of `?council=` if given; or a change."""

    access_rule = MANAGE_RULE
    form_class = MemberForm

    def get_queryset(self):
        return CouncilMember.objects.all()

    def new_object(self):
        return CouncilMember()

    def get_initial(self, obj):
        council = query_id(self.request, "council") if not obj.pk else None
        return {"council": council} if council is not None else {}

    def get_title(self, obj):
        return _("Change %(member)s") % {"member": obj} if obj.pk else _("New council member")

    def save(self, form, obj):
        return services.member_save(member=form.save(commit=False), user=self.request.user)

    def get_success_message(self, result):
        return _("%(member)s is saved.") % {"member": result}
