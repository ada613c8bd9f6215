"""The mail registry's pages: list, register, an item with its trail and actions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from courrier import permissions, selectors
from courrier.choices import Direction, MailStatus
from courrier.filtersets.mail import MailItemFilterSet
from courrier.forms.mail import AttachForm, CloseForm, FileIntoForm, MailItemForm, ReplyForm, RouteForm
from courrier.services import filing
from courrier.services import mail as services
from courrier.services.contacts import contact_save
from courrier.tables.mail import MailItemTable
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.files import private_file_response
from opq_intranet.core.forms import add_service_errors
from opq_intranet.core.history import history_for
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import HISTORY_PREVIEW, ObjectHistoryView


def _visible_item(request, pk):
    return get_object_or_404(selectors.items_visible_to(request.user), pk=pk)


class ItemListView(ObjectListView):
    filterset_class = MailItemFilterSet
    table_class = MailItemTable
    title = gettext_lazy("Mail registry")
    export_name = "registre-courrier"
    actions_template = "courrier/_item_list_actions.html"

    def get_queryset(self):
        return selectors.items_visible_to(self.request.user)

    @property
    def estimate_unfiltered_count(self):
        # The mail room sees the whole registry: estimate rather than count 200 000 rows.
        return permissions.is_mail_room(self.request.user)


def item_register(request):
    if not permissions.is_mail_room(request.user):
        raise PermissionDenied
    initial = {"direction": Direction.INCOMING, "received_on": timezone.localdate()}
    form = MailItemForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                item = form.save(commit=False)
                new_contact = form.new_contact()
                if new_contact is not None:
                    item.contact = contact_save(contact=new_contact, user=request.user)
                services.mail_register(item=item, user=request.user, uploads=form.cleaned_data["attachments"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(reference)s is registered.") % {"reference": item.reference})
            return redirect(item)
    status = 422 if form.errors else 200
    return render(request, "courrier/item_form.html", {"form": form, "title": _("Register mail")}, status=status)


def item_edit(request, pk):
    item = _visible_item(request, pk)
    if not permissions.is_mail_room(request.user):
        raise PermissionDenied
    form = MailItemForm(request.POST or None, instance=item, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.mail_update(item=form.save(commit=False), user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(reference)s is saved.") % {"reference": item.reference})
            return redirect(item)
    status = 422 if form.errors else 200
    title = _("Correct %(reference)s") % {"reference": item.reference}
    return render(request, "courrier/item_form.html", {"form": form, "title": title, "object": item}, status=status)


def item_detail(request, pk, *, forms=None):
    item = _visible_item(request, pk)
    if item.is_restricted:
        confidential_access_log(request=request, obj=item)
    can_handle = permissions.can_handle(request.user, item)
    pending = item.status in (MailStatus.REGISTERED, MailStatus.ROUTED, MailStatus.IN_PROGRESS)
    forms = forms or {}
    context = {
        "object": item,
        "attachments": item.attachments.select_related("stored_file", "added_by"),
        "routing": item.routing.select_related("from_unit", "from_assignee", "to_unit", "to_assignee", "by"),
        "replies": selectors.items_visible_to(request.user).filter(in_reply_to=item),
        "mandates": item.mandates.all(),
        "access_request": getattr(item, "access_request", None),
        "can_handle": can_handle,
        "can_take": can_handle and item.status in (MailStatus.REGISTERED, MailStatus.ROUTED),
        "is_mail_room": permissions.is_mail_room(request.user),
        "handles_access": permissions.handles_access_requests(request.user),
        "pending": pending,
        "route_form": forms.get("route") or RouteForm(initial={"unit": item.routed_unit_id}),
        "reply_form": forms.get("reply")
        or ReplyForm(initial={"sent_on": timezone.localdate(), "subject": f"Re : {item.subject}"}),
        "attach_form": forms.get("attach") or AttachForm(),
        "close_form": forms.get("close") or CloseForm(initial={"closed_on": timezone.localdate()}),
        "file_form": forms.get("file") or FileIntoForm(user=request.user),
        "history": history_for(item, limit=HISTORY_PREVIEW),
        "history_url_name": "courrier:item_history",
    }
    status = 422 if any(f.errors for f in forms.values()) else 200
    return render(request, "courrier/item_detail.html", context, status=status)


def _action(request, pk, form_class, key, act, success, files=False):
    """POST of one of the item page's forms: call the service, or show the page with the errors."""
    item = _visible_item(request, pk)
    form = form_class(request.POST, request.FILES) if files else form_class(request.POST)
    if form.is_valid():
        try:
            act(item, form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(item)
    return item_detail(request, pk, forms={key: form})


@require_POST
def item_route(request, pk):
    def act(item, form):
        services.mail_route(item=item, user=request.user, **form.cleaned_data)

    return _action(request, pk, RouteForm, "route", act, _("The item is routed."))


@require_POST
def item_take(request, pk):
    item = _visible_item(request, pk)
    try:
        services.mail_take(item=item, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You are handling this item."))
    return redirect(item)


@require_POST
def item_reply(request, pk):
    def act(item, form):
        reply = form.save(commit=False)
        services.mail_reply(item=item, user=request.user, reply=reply, uploads=form.cleaned_data["attachments"])

    return _action(request, pk, ReplyForm, "reply", act, _("The reply is registered; the item is answered."), True)


@require_POST
def item_attach(request, pk):
    def act(item, form):
        services.mail_attach(item=item, user=request.user, uploads=form.cleaned_data["attachments"])

    return _action(request, pk, AttachForm, "attach", act, _("The files are attached."), files=True)


@require_POST
def item_file(request, pk):
    item = _visible_item(request, pk)
    form = FileIntoForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            filing.mail_file(item=item, user=request.user, record_file=form.cleaned_data["record_file"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The item and its replies are filed in %(reference)s.") % form.cleaned_data)
            return redirect(item)
    return item_detail(request, pk, forms={"file": form})


@require_POST
def item_close(request, pk):
    def act(item, form):
        services.mail_close(item=item, user=request.user, closed_on=form.cleaned_data["closed_on"])

    return _action(request, pk, CloseForm, "close", act, _("The item is closed."))


def attachment_download(request, pk, attachment_pk):
    """An item's attachment, for those who may see the item (404 otherwise), the read logged."""
    item = _visible_item(request, pk)
    attachment = get_object_or_404(item.attachments.select_related("stored_file"), pk=attachment_pk)
    if item.is_restricted:
        confidential_access_log(request=request, obj=item, action="download")
    return private_file_response(attachment.stored_file)


class ItemHistoryView(ObjectHistoryView):
    def get_queryset(self):
        return selectors.items_visible_to(self.request.user)
