"""The mandates' pages: the list, a mandate with its notes and links, its forms, and what is due
by unit. Every staff member of the app reads them; who may change them is courrier/permissions.py
(403 otherwise), and the services check it again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier import permissions, selectors, services
from courrier.choices import MandateStatus, Priority
from courrier.filtersets import MandateFilterSet
from courrier.forms import DueUnitForm, FileLinkForm, MailLinkForm, MandateForm, NoteForm, StatusForm, UnlinkForm
from courrier.models import Mandate
from courrier.tables import MandateTable
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    EmbeddedActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

MANDATES = ("courrier:mandate_list", _("Mandates"))

# --- The list and what is due -----------------------------------------------------------------


class MandateListView(ObjectListView):
    filterset_class = MandateFilterSet
    table_class = MandateTable
    title = _("Mandates")
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
    MandateStatus.WAITING: _("Set waiting"),
    MandateStatus.DONE: _("Mark done"),
    MandateStatus.CANCELLED: _("Cancel the mandate"),
}


def status_buttons(mandate):
    """[(status, button label, style)] of the moves the mandate may make."""
    buttons = []
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
        buttons.append((status.value, label, style))
    return buttons


class MandateMixin:
    breadcrumb_home = ("courrier:index", _("Mail and mandates"))
    breadcrumb_list = MANDATES

    def get_queryset(self):
        return selectors.mandates_for_page(self.request.user)


class MandateDetailView(MandateMixin, ObjectDetailView):
    template_name = "courrier/mandates/mandate_detail.html"
    history_url_name = "courrier:mandate_history"

    def get_actions(self, obj):
        if not permissions.can_edit_mandate(self.request.user, obj):
            return []
        return [Action(_("Change"), reverse("courrier:mandate_edit", args=[obj.pk]))]

    def get_extra_context(self, obj, bound_forms):
        can_change = permissions.can_change_mandate(self.request.user, obj)
        unlink = bound_forms.get("unlink")
        return {
            **selectors.mandate_page(obj, self.request.user),
            "can_change": can_change,
            "status_actions": status_buttons(obj) if can_change else [],
            "status_form": bound_forms.get("status") or StatusForm(),
            "note_form": bound_forms.get("note") or NoteForm(),
            "mail_form": bound_forms.get("mail") or MailLinkForm(),
            "file_form": bound_forms.get("file") or FileLinkForm(),
            "link_error": " ".join(e for errors in unlink.errors.values() for e in errors) if unlink else "",
            "today": timezone.localdate(),
        }


class MandateHistoryView(MandateMixin, ObjectHistoryView):
    """The reminders' bookkeeping (last_reminder) is kept out of the history by the model."""


class MandateEditView(MandateMixin, ObjectEditView):
    """Create a mandate (no `pk`: the person is its requester) or change an active one."""

    form_class = MandateForm
    template_name = "courrier/mandates/mandate_form.html"

    def new_object(self):
        return Mandate()

    def refuse(self, obj):
        user = self.request.user
        if not obj.pk:
            if not permissions.can_create_mandate(user):
                raise PermissionDenied
            return None
        if not permissions.can_change_mandate(user, obj):
            raise PermissionDenied
        if not obj.is_active:
            messages.error(self.request, _("This mandate is done or cancelled: reopen it first."))
            return redirect(obj)
        return None

    def get_initial(self, obj):
        return {} if obj.pk else {"priority": Priority.NORMAL}

    def get_title(self, obj):
        if obj.pk:
            return _("Change the mandate %(reference)s") % {"reference": obj.reference}
        return _("New mandate")

    def get_success_message(self, result):
        if self.kwargs.get("pk"):
            return _("The mandate is saved.")
        return _("The mandate %(reference)s is created.") % {"reference": result.reference}

    def save(self, form, obj):
        mandate, user, helpers = form.save(commit=False), self.request.user, form.cleaned_data["helpers"]
        if self.kwargs.get("pk"):
            return services.mandate_update(mandate=mandate, user=user, helpers=helpers)
        return services.mandate_create(mandate=mandate, user=user, helpers=helpers)


class MandateActionView(MandateMixin, EmbeddedActionView):
    detail_view = MandateDetailView

    def allowed(self, user, obj):
        return permissions.can_change_mandate(user, obj)


class MandateStatusView(MandateActionView):
    form_class = StatusForm
    form_key = "status"

    def perform(self, form, obj):
        status, note = form.cleaned_data["status"], form.cleaned_data["note"]
        return services.mandate_set_status(mandate=obj, user=self.request.user, status=status, note=note)

    def get_success_message(self, result):
        return _("The mandate is now %(status)s.") % {"status": result.get_status_display().lower()}


class MandateNoteView(MandateActionView):
    form_class = NoteForm
    form_key = "note"
    success_message = _("The note is added.")

    def perform(self, form, obj):
        services.mandate_add_note(mandate=obj, user=self.request.user, text=form.cleaned_data["text"])


class MandateLinksView(MandateActionView):
    """Link a mail item or a file by its number, or unlink one (the button says which)."""

    LINKS = {
        "mail": (MailLinkForm, services.mandate_link_mail),
        "file": (FileLinkForm, services.mandate_link_file),
    }

    def get_form(self, obj):
        post = self.request.POST
        if "unlink_mail" in post or "unlink_file" in post:
            self.form_key = "unlink"
        elif "mail-reference" in post:
            self.form_key = "mail"
        elif "file-reference" in post:
            self.form_key = "file"
        else:
            self.form_key = "unlink"
        self.form_class = self.LINKS[self.form_key][0] if self.form_key in self.LINKS else UnlinkForm
        return super().get_form(obj)

    def perform(self, form, obj):
        user, data = self.request.user, form.cleaned_data
        if self.form_key in self.LINKS:
            linked = self.LINKS[self.form_key][1](mandate=obj, user=user, reference=data["reference"])
            self.message = _("%(reference)s is linked to the mandate.") % {"reference": linked.reference}
        elif data["unlink_mail"] is not None:
            item = services.mandate_unlink_mail(mandate=obj, user=user, item_id=data["unlink_mail"])
            self.message = _("The mail item %(reference)s is unlinked.") % {"reference": item.reference}
        else:
            record_file = services.mandate_unlink_file(mandate=obj, user=user, file_id=data["unlink_file"])
            self.message = _("The file %(reference)s is unlinked.") % {"reference": record_file.reference}

    def get_success_message(self, result):
        return self.message
