"""Exchange spaces: the list, a space's page and its folders' pages, creating and changing a
space, closing and reopening it, folders, and the members page.

Every page declares EXCHANGE_RULE (partners of an order or an organisation, staff who use the
spaces); what each person sees is scoped by the selectors (another partner's space is 404),
and what they may do is asked of documents.exchange.permissions (403 otherwise).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.exchange import permissions, selectors, services
from documents.exchange.filtersets import ExchangeSpaceFilterSet
from documents.exchange.forms import CloseSpaceForm, FolderForm, MemberForm, SpaceForm
from documents.exchange.models import ExchangeSpace, Folder, SpaceMember
from documents.exchange.permissions import EXCHANGE_RULE
from documents.exchange.tables import ExchangeSpaceTable, quota_bar
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.querystring import query_id
from opq_intranet.core.views.generic import (
    Action,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

SPACES = ("exchange:space_list", gettext_lazy("Exchange spaces"))


def space_crumbs(space, folders=()):
    """Spaces › the space › its folders, each a link."""
    crumbs = [(SPACES[1], reverse(SPACES[0])), (str(space), space.get_absolute_url())]
    crumbs += [(str(folder), reverse("exchange:folder_detail", args=[space.pk, folder.pk])) for folder in folders]
    return crumbs


class SpaceMixin:
    """Pages under a space: the space is the URL's `pk`, among the person's spaces."""

    access_rule = EXCHANGE_RULE

    def get_space(self):
        if not hasattr(self, "_space"):
            self._space = get_object_or_404(selectors.spaces_visible_to(self.request.user), pk=self.kwargs["pk"])
        return self._space


# --- Spaces -------------------------------------------------------------------------------


class SpaceListView(ObjectListView):
    access_rule = EXCHANGE_RULE
    filterset_class = ExchangeSpaceFilterSet
    table_class = ExchangeSpaceTable
    title = gettext_lazy("Exchange spaces")
    export_name = "espaces-d-echange"
    template_name = "documents/exchange/space_list.html"
    actions_template = "documents/exchange/space_list_actions.html"
    estimate_unfiltered_count = False  # scoped to the person

    def get_queryset(self):
        return selectors.space_list_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_create"] = permissions.can_create_space(self.request.user)
        return context


class SpaceDetailView(ObjectDetailView):
    """A space's root: its folders, its files, the quota, the members and the upload zone."""

    access_rule = EXCHANGE_RULE
    template_name = "documents/exchange/space_detail.html"
    history_url_name = "exchange:space_history"
    breadcrumb_list = SPACES

    def get(self, request, *args, **kwargs):
        # The partner reads the trail of what was shared (audit), not the Office's settings history.
        self.show_history = request.user.is_office_staff
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.spaces_visible_to(self.request.user)

    def get_folder(self, obj):
        return None

    def on_read(self, obj):
        # The news of new files in this space leaves the person's queue once they look.
        services.space_news_read(space=obj, user=self.request.user)

    def get_extra_context(self, obj, bound_forms):
        page = selectors.space_page(obj, self.request.user, self.get_folder(obj))
        self.page = page
        quota = quota_bar(obj.used_bytes, obj.quota_bytes, obj.used_percent)
        return {**page, **permissions.space_rights(self.request.user, page["access"]), "quota_bar": quota}

    def get_breadcrumbs(self, obj):
        return space_crumbs(obj)

    def get_actions(self, space):
        page = self.page
        allowed = permissions.space_rights(self.request.user, page["access"])
        folder = page["folder"]
        actions = []
        if allowed["can_write"]:
            url = reverse("exchange:folder_create", args=[space.pk])
            if folder is not None:
                url += f"?parent={folder.pk}"
            actions.append(Action(_("New folder"), url, icon="folder-plus"))
        if allowed["can_share"]:
            url = reverse("exchange:link_create", args=[space.pk])
            if folder is not None:
                url += f"?folder={folder.pk}"
            actions.append(Action(_("Share"), url, "outline-primary", "link-45deg"))
        actions.append(
            Action(_("Members"), reverse("exchange:member_list", args=[space.pk]), "outline-secondary", "people")
        )
        if allowed["can_see_audit"]:
            actions.append(Action(_("Links"), reverse("exchange:link_list", args=[space.pk]), "outline-secondary"))
            actions.append(
                Action(_("Journal"), reverse("exchange:audit_list", args=[space.pk]), "outline-secondary", "journal")
            )
        if allowed["can_administer"]:
            actions.append(Action(_("Change"), reverse("exchange:space_edit", args=[space.pk])))
            actions.append(
                Action(_("Close the space"), reverse("exchange:space_close", args=[space.pk]), "outline-danger")
            )
        elif not space.is_active and permissions.can_reopen(self.request.user, space):
            actions.append(Action(_("Reopen the space"), reverse("exchange:space_reopen", args=[space.pk])))
        return actions


class FolderDetailView(SpaceDetailView):
    """A folder of a space: the same page, inside the folder."""

    template_name = "documents/exchange/folder_detail.html"
    pk_url_kwarg = "folder_pk"

    def get(self, request, *args, **kwargs):
        self.show_history = False
        return ObjectDetailView.get(self, request, *args, **kwargs)

    def get_object(self):
        if not hasattr(self, "_object"):
            spaces = selectors.spaces_visible_to(self.request.user)
            folder = get_object_or_404(
                Folder.objects.filter(space__in=spaces.values("pk")).select_related(
                    "space__professional_order", "space__organisation", "space__owner_unit"
                ),
                pk=self.kwargs["folder_pk"],
                space_id=self.kwargs["pk"],
            )
            space = folder.space
            self._folder = folder
            self._object = space
        return self._object

    def get_folder(self, obj):
        return self._folder

    def get_breadcrumbs(self, obj):
        crumbs = space_crumbs(obj, self.page["folder_path"])
        return [*crumbs[:-1], (crumbs[-1][0], None)]


class SpaceHistoryView(ObjectHistoryView):
    access_rule = EXCHANGE_RULE
    breadcrumb_list = SPACES

    def get_queryset(self):
        user = self.request.user
        return selectors.spaces_visible_to(user) if user.is_office_staff else ExchangeSpace.objects.none()


class SpaceEditView(ObjectEditView):
    """A new space (no `pk`), for the person's unit unless they may choose it; or a change."""

    access_rule = EXCHANGE_RULE
    form_class = SpaceForm
    template_name = "documents/exchange/space_form.html"
    breadcrumb_list = SPACES

    def get_queryset(self):
        return selectors.spaces_visible_to(self.request.user)

    def new_object(self):
        return ExchangeSpace(owner_unit_id=self.request.user.org_unit_id)

    def refuse(self, obj):
        user = self.request.user
        allowed = permissions.can_administer(user, obj) if obj.pk else permissions.can_create_space(user)
        if not allowed:
            raise PermissionDenied

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "user": self.request.user}

    def get_title(self, obj):
        return _("Change the space %(name)s") % {"name": obj.name} if obj.pk else _("New exchange space")

    def save(self, form, obj):
        return services.space_save(space=form.save(commit=False), user=self.request.user, request=self.request)

    def get_success_message(self, result):
        return _("The space %(name)s is saved.") % {"name": result.name}


class SpaceCloseView(ObjectActionView):
    access_rule = EXCHANGE_RULE
    form_class = CloseSpaceForm
    breadcrumb_list = SPACES
    title = gettext_lazy("Close the space")
    confirm_label = gettext_lazy("Close the space")
    question = gettext_lazy(
        "Close %(object)s? Its partner no longer sees it and the Office reads it only; it can be reopened."
    )
    success_message = gettext_lazy("The space %(object)s is closed.")

    def get_queryset(self):
        return selectors.spaces_visible_to(self.request.user)

    def refuse(self, obj):
        if not obj.is_active:
            messages.info(self.request, _("This space is already closed."))
            return redirect(obj)
        if not permissions.can_administer(self.request.user, obj):
            raise PermissionDenied
        return None

    def perform(self, form, obj):
        return services.space_close(space=obj, user=self.request.user, request=self.request)


class SpaceReopenView(SpaceCloseView):
    title = gettext_lazy("Reopen the space")
    confirm_label = gettext_lazy("Reopen the space")
    question = gettext_lazy("Reopen %(object)s? Its partner sees it again.")
    success_message = gettext_lazy("The space %(object)s is open again.")

    def refuse(self, obj):
        if obj.is_active:
            messages.info(self.request, _("This space is already open."))
            return redirect(obj)
        if not permissions.can_reopen(self.request.user, obj):
            raise PermissionDenied
        return None

    def perform(self, form, obj):
        return services.space_reopen(space=obj, user=self.request.user, request=self.request)


# --- Folders ------------------------------------------------------------------------------


class FolderMixin(SpaceMixin):
    pk_url_kwarg = "folder_pk"

    def get_queryset(self):
        return Folder.objects.filter(space=self.get_space()).select_related("parent")

    def refuse(self, obj):
        if not permissions.can_write(self.request.user, self.get_space()):
            raise PermissionDenied

    def get_breadcrumbs(self, obj):
        return space_crumbs(self.get_space())

    def get_cancel_url(self, obj):
        return self._place(obj.parent if obj.pk is None else obj)

    def _place(self, folder):
        space = self.get_space()
        return reverse("exchange:folder_detail", args=[space.pk, folder.pk]) if folder else space.get_absolute_url()


class FolderEditView(FolderMixin, ObjectEditView):
    """A new folder (in `?parent=`, or at the root) or a new name."""

    form_class = FolderForm

    def new_object(self):
        space = self.get_space()
        parent_pk = query_id(self.request, "parent")
        parent = get_object_or_404(Folder, pk=parent_pk, space=space) if parent_pk is not None else None
        return Folder(space=space, parent=parent)

    def get_title(self, obj):
        return _("Rename the folder %(name)s") % {"name": obj.name} if obj.pk else _("New folder")

    def save(self, form, obj):
        return services.folder_save(folder=form.save(commit=False), user=self.request.user, request=self.request)

    def get_success_message(self, result):
        return _("The folder %(name)s is saved.") % {"name": result.name}


class FolderDeleteView(FolderMixin, ObjectActionView):
    """Delete an empty folder; one that still holds something is refused, in French, in 422."""

    form_class = CloseSpaceForm
    danger = True
    title = gettext_lazy("Delete the folder")
    confirm_label = gettext_lazy("Delete the folder")
    question = gettext_lazy("Delete the folder %(object)s? Only an empty folder can be deleted.")
    success_message = gettext_lazy("The folder %(object)s is deleted.")

    def get_cancel_url(self, obj):
        return self._place(obj)

    def perform(self, form, obj):
        self._parent = obj.parent
        services.folder_delete(folder=obj, user=self.request.user, request=self.request)
        return obj

    def get_success_url(self, result):
        return self._place(self._parent)


# --- Members ------------------------------------------------------------------------------


class MemberListView(ObjectDetailView):
    """Who is a member: the unit's staff and the partner's users by default, and the people
    named on the space (another unit's staff, a partner user limited to reading)."""

    access_rule = EXCHANGE_RULE
    template_name = "documents/exchange/member_list.html"
    show_history = False

    def get_queryset(self):
        return selectors.spaces_visible_to(self.request.user)

    def get_extra_context(self, obj, bound_forms):
        self.access = permissions.access_of(self.request.user, obj)
        return {
            **selectors.space_members_page(obj),
            **permissions.space_rights(self.request.user, self.access),
            "space": obj,
        }

    def get_breadcrumbs(self, obj):
        return [*space_crumbs(obj), (_("Members"), None)]

    def get_actions(self, space):
        if not permissions.space_rights(self.request.user, self.access)["can_administer"]:
            return []
        return [Action(_("Add a member"), reverse("exchange:member_create", args=[space.pk]), "primary", "plus-lg")]


class MemberMixin(SpaceMixin):
    pk_url_kwarg = "member_pk"

    def get_queryset(self):
        return SpaceMember.objects.filter(space=self.get_space()).select_related("user")

    def refuse(self, obj):
        if not permissions.can_administer(self.request.user, self.get_space()):
            raise PermissionDenied

    def get_breadcrumbs(self, obj):
        space = self.get_space()
        return [*space_crumbs(space), (_("Members"), reverse("exchange:member_list", args=[space.pk]))]

    def get_cancel_url(self, obj):
        return reverse("exchange:member_list", args=[self.get_space().pk])

    def get_success_url(self, result):
        return self.get_cancel_url(result)


class MemberEditView(MemberMixin, ObjectEditView):
    form_class = MemberForm

    def new_object(self):
        return SpaceMember(space=self.get_space())

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "space": self.get_space()}

    def get_title(self, obj):
        return _("Access of %(person)s") % {"person": obj.user} if obj.pk else _("Add a member")

    def save(self, form, obj):
        return services.member_set(
            space=self.get_space(),
            person=form.cleaned_data["user"],
            access=form.cleaned_data["access"],
            user=self.request.user,
            request=self.request,
        )

    def get_success_message(self, result):
        return _("%(person)s: %(access)s.") % {"person": result.user, "access": result.get_access_display()}


class MemberRemoveView(MemberMixin, ObjectActionView):
    form_class = CloseSpaceForm
    title = gettext_lazy("Remove a member")
    confirm_label = gettext_lazy("Remove")
    question = gettext_lazy(
        "Remove %(object)s from the space? They keep the access their unit or their partner gives, if any."
    )
    success_message = gettext_lazy("The member is removed.")

    def get_question(self, obj):
        return self.question % {"object": obj.user}

    def perform(self, form, obj):
        services.member_remove(member=obj, user=self.request.user, request=self.request)
        return obj
