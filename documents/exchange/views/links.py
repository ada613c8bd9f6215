"""Share and drop links, the member's side: create a link to a file, a folder or the space's
root, list the space's links with their state, revoke one.

Only the Office's read-write members create and revoke links (permissions.can_share); the
Office's members of the space read the list. Another partner's space is 404 (selectors), a
reader or a partner 403. A new link's URL is shown once, on the list, from the session (like
BDSP's API token page): only its SHA-256 is stored.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.exchange import permissions, selectors, services
from documents.exchange.choices import MemberAccess
from documents.exchange.forms import LinkForm
from documents.exchange.permissions import EXCHANGE_RULE
from documents.exchange.services.links import link_state
from documents.exchange.views.spaces import space_crumbs
from opq_intranet.core.querystring import query_id
from opq_intranet.core.views.generic import Action, ObjectActionView, ObjectDetailView, ObjectEditView

# The new link's URL, shown once on the list: {space_pk: (link_pk, url)} for one request.
SESSION_NEW_LINK = "exchange_new_link"


def link_crumbs(space):
    return [*space_crumbs(space), (_("Share links"), reverse("exchange:link_list", args=[space.pk]))]


class SpaceLinksMixin:
    access_rule = EXCHANGE_RULE

    def get_space(self):
        if not hasattr(self, "_space"):
            self._space = get_object_or_404(selectors.spaces_visible_to(self.request.user), pk=self.kwargs["space_pk"])
        return self._space

    def get_cancel_url(self, obj):
        return reverse("exchange:link_list", args=[self.get_space().pk])

    def get_success_url(self, result):
        return self.get_cancel_url(result)


class LinkListView(ObjectDetailView):
    """The space's links: what each opens, for whom, its state, downloads, who created it."""

    access_rule = EXCHANGE_RULE
    template_name = "documents/exchange/link_list.html"
    pk_url_kwarg = "space_pk"
    show_history = False

    def get_queryset(self):
        return selectors.spaces_visible_to(self.request.user)

    def get_object(self):
        space = super().get_object()
        user = self.request.user
        self.access = permissions.access_of(user, space)  # once: no query per check
        if not (user.is_office_staff and self.access is not None):
            raise PermissionDenied  # links are the Office's: partners do not see them
        # permissions.can_share, from the access read above.
        self.may_share = self.access == MemberAccess.WRITE
        return space

    def get_extra_context(self, obj, bound_forms):
        links = list(
            selectors.links_visible_to(self.request.user)
            .filter(space=obj)
            .select_related("revoked_by")
            .order_by("-created_at", "-pk")
        )
        for link in links:
            link.state = link_state(link)
        shown = self.request.session.pop(SESSION_NEW_LINK, None)
        new_link = None
        if shown and shown.get("space") == obj.pk:
            new_link = {"pk": shown["link"], "url": self.request.build_absolute_uri(shown["path"])}
        return {
            "space": obj,
            "links": links,
            "new_link": new_link,
            "may_share": self.may_share,
            "max_days": settings.EXCHANGE_LINK_MAX_DAYS,
        }

    def get_breadcrumbs(self, obj):
        return [*link_crumbs(obj)[:2], (_("Share links"), None)]

    def get_actions(self, space):
        if not self.may_share:
            return []
        return [Action(_("New link"), reverse("exchange:link_create", args=[space.pk]), "primary", "plus-lg")]


class LinkCreateView(SpaceLinksMixin, ObjectEditView):
    """A new link to `?file=<id>`, `?folder=<id>`, or the space's root."""

    template_name = "documents/exchange/link_form.html"
    form_class = LinkForm
    submit_label = gettext_lazy("Create the link")

    def new_object(self):
        space = self.get_space()
        self.shared_file = self.folder = None
        file_id, folder_id = query_id(self.request, "file"), query_id(self.request, "folder")
        if file_id is not None:
            self.shared_file = get_object_or_404(
                space.files.filter(deleted_at__isnull=True, purged_at__isnull=True), pk=file_id
            )
        elif folder_id is not None:
            self.folder = get_object_or_404(space.folders, pk=folder_id)
        return None

    def refuse(self, obj):
        if not permissions.can_share(self.request.user, self.get_space()):
            raise PermissionDenied

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "shared_file": self.shared_file}

    def get_title(self, obj):
        return _("New share link")

    def get_breadcrumbs(self, obj):
        return link_crumbs(self.get_space())

    def get_extra_context(self, obj):
        return {"space": self.get_space(), "target_file": self.shared_file, "target_folder": self.folder}

    def save(self, form, obj):
        data = form.cleaned_data
        link, secret = services.link_create(
            space=self.get_space(),
            user=self.request.user,
            kind=data["kind"],
            expires_on=data["expires_on"],
            label=data["label"],
            shared_file=self.shared_file,
            folder=self.folder,
            password=data["password"],
            max_downloads=data["max_downloads"],
            request=self.request,
        )
        self.request.session[SESSION_NEW_LINK] = {
            "space": link.space_id,
            "link": link.pk,
            "path": reverse("share:open", args=[secret]),
        }
        messages.success(self.request, _("The link is created. Copy it now: it will not be shown again."))
        return link


class LinkRevokeView(SpaceLinksMixin, ObjectActionView):
    danger = True
    confirm_label = gettext_lazy("Revoke the link")
    question = gettext_lazy("Revoke the link “%(object)s”? It stops working at once for whoever holds it.")
    success_message = gettext_lazy("The link “%(object)s” is revoked.")

    def get_queryset(self):
        return selectors.links_visible_to(self.request.user).filter(space=self.get_space())

    def refuse(self, obj):
        if not permissions.can_share(self.request.user, obj.space):
            raise PermissionDenied
        return None

    def get_title(self, obj):
        return _("Revoke a link")

    def get_breadcrumbs(self, obj):
        return link_crumbs(self.get_space())

    def perform(self, form, obj):
        return services.link_revoke(link=obj, user=self.request.user, request=self.request)
