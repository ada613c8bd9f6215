"""The mail registry's pages: list, register, an item with its trail and actions."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier import permissions, selectors, services
from courrier.choices import Direction
from courrier.filtersets import MailItemFilterSet
from courrier.forms import AttachForm, CloseForm, FileIntoForm, MailItemForm, ReplyForm, RouteForm
from courrier.models import MailItem
from courrier.tables import MailItemTable
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.files import private_file_response
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    EmbeddedActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

REGISTRY = ("courrier:item_list", _("Mail registry"))


class ItemListView(ObjectListView):
    filterset_class = MailItemFilterSet
    table_class = MailItemTable
    title = _("Mail registry")
    export_name = "registre-courrier"
    actions_template = "courrier/_item_list_actions.html"

    def get_queryset(self):
        return selectors.items_visible_to(self.request.user)

    @property
    def estimate_unfiltered_count(self):
        # The mail room sees the whole registry: estimate rather than count 200 000 rows.
        return permissions.is_mail_room(self.request.user)


class ItemMixin:
    """An item the person may see (404 otherwise)."""

    breadcrumb_list = REGISTRY

    def get_queryset(self):
        return selectors.items_visible_to(self.request.user)


class ItemDetailView(ItemMixin, ObjectDetailView):
    template_name = "courrier/item_detail.html"
    history_url_name = "courrier:item_history"

    def get_queryset(self):
        return selectors.item_with_access_request(super().get_queryset())

    def on_read(self, obj):
        if obj.is_restricted:
            confidential_access_log(request=self.request, obj=obj)

    def page(self, obj):
        if not hasattr(self, "_page"):
            self._page = selectors.item_page(obj, self.request.user)
        return self._page

    def get_actions(self, obj):
        user, actions = self.request.user, []
        if permissions.can_open_access_request(user, obj, self.page(obj)["access_request"]):
            url = reverse("courrier:access_create", args=[obj.pk])
            actions.append(Action(_("Open the access request"), url, "outline-primary"))
        if permissions.can_correct(user, obj):
            actions.append(Action(_("Correct"), reverse("courrier:item_edit", args=[obj.pk]), "outline-secondary"))
        return actions

    def get_extra_context(self, obj, bound_forms):
        user, today = self.request.user, timezone.localdate()
        return {
            **self.page(obj),
            "can_take": permissions.can_take(user, obj),
            "can_route": permissions.can_route(user, obj),
            "can_reply": permissions.can_reply(user, obj),
            "can_attach": permissions.can_attach(user, obj),
            "can_file": permissions.can_file(user, obj),
            "can_close": permissions.can_close(user, obj),
            "handles_access": permissions.handles_access_requests(user),
            "take_form": bound_forms.get("take"),
            "route_form": bound_forms.get("route") or RouteForm(initial={"unit": obj.routed_unit_id}),
            "reply_form": bound_forms.get("reply")
            or ReplyForm(initial={"sent_on": today, "subject": f"Re : {obj.subject}"}),
            "attach_form": bound_forms.get("attach") or AttachForm(),
            "close_form": bound_forms.get("close") or CloseForm(initial={"closed_on": today}),
            "file_form": bound_forms.get("file") or FileIntoForm(user=user),
        }


class ItemEditView(ItemMixin, ObjectEditView):
    """Register an item (no `pk`) or correct one: the mail room."""

    form_class = MailItemForm
    template_name = "courrier/item_form.html"

    def new_object(self):
        return MailItem()

    def refuse(self, obj):
        if not permissions.can_correct(self.request.user, obj):
            raise PermissionDenied

    def get_initial(self, obj):
        return {} if obj.pk else {"direction": Direction.INCOMING, "received_on": timezone.localdate()}

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "editing": bool(obj.pk)}

    def get_title(self, obj):
        return _("Correct %(reference)s") % {"reference": obj.reference} if obj.pk else _("Register mail")

    @property
    def submit_label(self):
        return _("Save") if self.get_object().pk else _("Register")

    def get_success_message(self, result):
        if self.kwargs.get("pk"):
            message = _("The changes to %(reference)s are saved.")
        else:
            message = _("%(reference)s is registered.")
        return message % {"reference": result.reference}

    def save(self, form, obj):
        item, user = form.save(commit=False), self.request.user
        if obj.pk:
            return services.mail_update(item=item, user=user)
        uploads = form.cleaned_data["attachments"]
        return services.mail_register(item=item, user=user, uploads=uploads, new_contact=form.new_contact())


class ItemActionView(ItemMixin, EmbeddedActionView):
    """A form of the item's page; refused, the page again with the form bound (422)."""

    detail_view = ItemDetailView

    def allowed(self, user, obj):
        return permissions.can_handle(user, obj)


class ItemRouteView(ItemActionView):
    form_class = RouteForm
    form_key = "route"
    success_message = _("The item is routed.")

    def perform(self, form, obj):
        services.mail_route(item=obj, user=self.request.user, **form.cleaned_data)


class ItemTakeView(ItemActionView):
    form_key = "take"
    success_message = _("You are handling this item.")

    def perform(self, form, obj):
        services.mail_take(item=obj, user=self.request.user)


class ItemReplyView(ItemActionView):
    form_class = ReplyForm
    form_key = "reply"
    success_message = _("The reply is registered; the item is answered.")

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "instance": MailItem()}  # the reply, not the item

    def perform(self, form, obj):
        reply = form.save(commit=False)
        services.mail_reply(item=obj, user=self.request.user, reply=reply, uploads=form.cleaned_data["attachments"])


class ItemAttachView(ItemActionView):
    form_class = AttachForm
    form_key = "attach"
    success_message = _("The files are attached.")

    def perform(self, form, obj):
        services.mail_attach(item=obj, user=self.request.user, uploads=form.cleaned_data["attachments"])


class ItemFileView(ItemActionView):
    form_class = FileIntoForm
    form_key = "file"

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "user": self.request.user}

    def perform(self, form, obj):
        self.filed_in = form.cleaned_data["reference"]
        services.mail_file(item=obj, user=self.request.user, record_file=form.cleaned_data["record_file"])

    def get_success_message(self, result):
        return _("The item and its replies are filed in %(reference)s.") % {"reference": self.filed_in}


class ItemCloseView(ItemActionView):
    form_class = CloseForm
    form_key = "close"
    success_message = _("The item is closed.")

    def perform(self, form, obj):
        services.mail_close(item=obj, user=self.request.user, closed_on=form.cleaned_data["closed_on"])


def attachment_download(request, pk, attachment_pk):
    """An item's attachment, for those who may see the item (404 otherwise), the read logged."""
    item = get_object_or_404(selectors.items_visible_to(request.user), pk=pk)
    attachment = get_object_or_404(item.attachments.select_related("stored_file"), pk=attachment_pk)
    if item.is_restricted:
        confidential_access_log(request=request, obj=item, action="download")
    return private_file_response(attachment.stored_file)


class ItemHistoryView(ItemMixin, ObjectHistoryView):
    pass
