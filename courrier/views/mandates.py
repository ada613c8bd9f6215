"""The mandates' pages: the list, a mandate with its notes and links, its forms, and what is due
by unit. Every staff member of the app reads them; changes go through the services, which say
who may make them (403 otherwise)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from courrier import permissions, selectors, services
from courrier.choices import MandateStatus, Priority
from courrier.filtersets import MandateFilterSet
from courrier.forms import DueUnitForm, FileLinkForm, MailLinkForm, MandateForm, NoteForm, StatusForm
from courrier.tables import MandateTable
from opq_intranet.core.forms import add_service_errors
from opq_intranet.core.history import history_for
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import HISTORY_PREVIEW, ObjectHistoryView


def _mandate(request, pk):
    mandate = selectors.mandate_for_page(request.user, pk)
    if mandate is None:
        raise Http404
    return mandate


# --- The list and what is due -----------------------------------------------------------------


class MandateListView(ObjectListView):
    filterset_class = MandateFilterSet
    table_class = MandateTable
    title = gettext_lazy("Mandates")
    export_name = "mandats"
    actions_template = "courrier/mandates/_list_actions.html"
    template_name = "courrier/mandates/mandate_list.html"

    def get_queryset(self):
        return selectors.mandates_for_list(self.request.user)


DUE_SHOWN = 10  # for one unit; with every unit on the page, the five most urgent of each
DUE_SHOWN_ALL_UNITS = 5


def mandate_due(request):
    """Overdue and due-this-week mandates grouped by unit (three queries with the unit list)."""
    today = timezone.localdate()
    form = DueUnitForm(request.GET or None)
    unit = form.cleaned_data["unit"] if form.is_valid() else None
    groups = selectors.due_by_unit(today, unit=unit, per_unit=DUE_SHOWN if unit else DUE_SHOWN_ALL_UNITS)
    for group in groups:
        group["sections"] = [
            (_("Overdue"), group["overdue"], group["overdue_count"], "overdue"),
            (_("Due this week"), group["this_week"], group["this_week_count"], "due_this_week"),
        ]
    context = {
        "form": form,
        "groups": groups,
        "today": today,
        "week_end": selectors.week_end(today),
    }
    return render(request, "courrier/mandates/mandate_due.html", context)


# --- A mandate ---------------------------------------------------------------------------------


STATUS_ACTIONS = {
    MandateStatus.WAITING: gettext_lazy("Set waiting"),
    MandateStatus.DONE: gettext_lazy("Mark done"),
    MandateStatus.CANCELLED: gettext_lazy("Cancel the mandate"),
}


def _status_actions(mandate):
    """[(status, button label, style)] of the moves the mandate may make."""
    actions = []
    for status in services.allowed_statuses(mandate):
        if status == MandateStatus.IN_PROGRESS:
            if mandate.status == MandateStatus.OPEN:
                label = _("Start")
            elif mandate.status == MandateStatus.WAITING:
                label = _("Resume")
            else:
                label = _("Reopen")
        else:
            label = STATUS_ACTIONS[status]
        style = "btn-outline-danger" if status == MandateStatus.CANCELLED else "btn-outline-primary"
        actions.append((status.value, label, style))
    return actions


def _mandate_page(request, mandate, *, status=200, **forms_given):
    user = request.user
    notes = list(selectors.notes_of(mandate))
    context = {
        "object": mandate,
        "helpers": list(mandate.helpers.all()),
        "notes": notes,
        "items": list(selectors.linked_items(mandate, user)),
        "files": list(selectors.linked_files(mandate, user)),
        "can_change": permissions.can_change_mandate(user, mandate),
        "status_actions": _status_actions(mandate),
        "status_form": forms_given.get("status_form") or StatusForm(),
        "note_form": forms_given.get("note_form") or NoteForm(),
        "mail_form": forms_given.get("mail_form") or MailLinkForm(),
        "file_form": forms_given.get("file_form") or FileLinkForm(),
        "link_error": forms_given.get("link_error"),
        "today": timezone.localdate(),
        "history": history_for(mandate, limit=HISTORY_PREVIEW),
        "history_url_name": "courrier:mandate_history",
    }
    return render(request, "courrier/mandates/mandate_detail.html", context, status=status)


def mandate_detail(request, pk):
    return _mandate_page(request, _mandate(request, pk))


class MandateHistoryView(ObjectHistoryView):
    """The reminders' bookkeeping (last_reminder) is kept out of the history by the model."""

    def get_queryset(self):
        return selectors.mandates_visible_to(self.request.user)


def mandate_create(request):
    if not permissions.can_create_mandate(request.user):
        raise PermissionDenied
    form = MandateForm(request.POST or None, initial={"priority": Priority.NORMAL})
    if request.method == "POST" and form.is_valid():
        try:
            mandate = services.mandate_create(
                mandate=form.save(commit=False), user=request.user, helpers=form.cleaned_data["helpers"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The mandate %(reference)s is created.") % {"reference": mandate.reference})
            return redirect(mandate)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "courrier/mandates/mandate_form.html", {"form": form, "title": _("New mandate")}, status=status
    )


def mandate_edit(request, pk):
    mandate = _mandate(request, pk)
    if not permissions.can_change_mandate(request.user, mandate):
        raise PermissionDenied
    if not mandate.is_active:
        messages.error(request, _("This mandate is done or cancelled: reopen it first."))
        return redirect(mandate)
    form = MandateForm(request.POST or None, instance=mandate)
    if request.method == "POST" and form.is_valid():
        try:
            services.mandate_update(
                mandate=form.save(commit=False), user=request.user, helpers=form.cleaned_data["helpers"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The mandate is saved."))
            return redirect(mandate)
    status = 422 if request.method == "POST" else 200
    title = _("Change the mandate %(reference)s") % {"reference": mandate.reference}
    return render(
        request,
        "courrier/mandates/mandate_form.html",
        {"form": form, "title": title, "object": mandate},
        status=status,
    )


@require_POST
def mandate_status(request, pk):
    mandate = _mandate(request, pk)
    if not permissions.can_change_mandate(request.user, mandate):
        raise PermissionDenied
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            mandate = services.mandate_set_status(
                mandate=mandate, user=request.user, status=form.cleaned_data["status"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The mandate is now %(status)s.") % {"status": mandate.get_status_display().lower()}
            )
            return redirect(mandate)
    return _mandate_page(request, mandate, status_form=form, status=422)


@require_POST
def mandate_note(request, pk):
    mandate = _mandate(request, pk)
    if not permissions.can_change_mandate(request.user, mandate):
        raise PermissionDenied
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.mandate_add_note(mandate=mandate, user=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The note is added."))
            return redirect(mandate)
    return _mandate_page(request, mandate, note_form=form, status=422)


@require_POST
def mandate_links(request, pk):
    """Link a mail item or a file by its number, or unlink one (the button says which)."""
    mandate = _mandate(request, pk)
    if not permissions.can_change_mandate(request.user, mandate):
        raise PermissionDenied
    post = request.POST
    try:
        if "unlink_mail" in post:
            item = services.mandate_unlink_mail(mandate=mandate, user=request.user, item_id=_id(post["unlink_mail"]))
            messages.success(request, _("The mail item %(reference)s is unlinked.") % {"reference": item.reference})
            return redirect(mandate)
        if "unlink_file" in post:
            record_file = services.mandate_unlink_file(
                mandate=mandate, user=request.user, file_id=_id(post["unlink_file"])
            )
            messages.success(request, _("The file %(reference)s is unlinked.") % {"reference": record_file.reference})
            return redirect(mandate)
    except ValidationError as error:
        return _mandate_page(request, mandate, link_error=" ".join(error.messages), status=422)
    if "mail-reference" in post:
        return _link(request, mandate, MailLinkForm(post), services.mandate_link_mail, "mail_form")
    if "file-reference" in post:
        return _link(request, mandate, FileLinkForm(post), services.mandate_link_file, "file_form")
    return _mandate_page(request, mandate, link_error=_("Say what to link or unlink."), status=422)


def _id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Say what to link or unlink.")) from None


def _link(request, mandate, form, link, form_name):
    if form.is_valid():
        try:
            linked = link(mandate=mandate, user=request.user, reference=form.cleaned_data["reference"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(reference)s is linked to the mandate.") % {"reference": linked.reference})
            return redirect(mandate)
    return _mandate_page(request, mandate, status=422, **{form_name: form})
