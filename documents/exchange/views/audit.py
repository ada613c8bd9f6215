"""Exchange spaces: a space's audit trail (a list, exportable) and "Verser au dossier" (an action
on a file), both for the Office's members of the space only."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.exchange import permissions, selectors, services
from documents.exchange.filtersets import ExchangeEventFilterSet
from documents.exchange.forms import FileIntoRecordsForm
from documents.exchange.models import ExchangeEvent
from documents.exchange.permissions import EXCHANGE_RULE
from documents.exchange.tables import ExchangeEventTable
from documents.exchange.views.spaces import SPACES
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import ObjectActionView


class AuditListView(ObjectListView):
    """Who did what, when, in one space; a partner of the space is refused (403), anyone who
    does not see the space gets 404."""

    access_rule = EXCHANGE_RULE
    filterset_class = ExchangeEventFilterSet
    table_class = ExchangeEventTable
    template_name = "documents/exchange/audit_list.html"
    estimate_unfiltered_count = False  # one space's rows, not the table's

    def get_queryset(self):
        user = self.request.user
        self.space = get_object_or_404(selectors.spaces_visible_to(user), pk=self.kwargs["space_pk"])
        if not permissions.can_see_audit(user, self.space):
            raise PermissionDenied
        self.title = _("Audit trail of %(space)s") % {"space": self.space}
        self.export_name = f"journal-espace-{self.space.pk}"
        return ExchangeEvent.objects.filter(space=self.space).select_related("user", "link")

    def get_context_data(self, **kwargs):
        return super().get_context_data(space=self.space, **kwargs)


class FileIntoRecordsView(ObjectActionView):
    """ "Verser au dossier": the file's current version becomes a record of a records file the
    person may edit (documents' services check it again)."""

    access_rule = EXCHANGE_RULE
    template_name = "documents/exchange/file_into_records.html"
    form_class = FileIntoRecordsForm
    breadcrumb_list = SPACES
    confirm_label = gettext_lazy("File into records")
    title = gettext_lazy("File into a records file")

    def get_queryset(self):
        visible = selectors.files_visible_to(self.request.user).filter(space_id=self.kwargs["space_pk"])
        return visible.select_related("filed_record__record_file", "current_version__created_by")

    def refuse(self, obj):
        if not permissions.can_file_into_records(self.request.user, obj.space):
            raise PermissionDenied
        return None

    def get_breadcrumbs(self, obj):
        crumbs = super().get_breadcrumbs(obj)
        return [*crumbs[:-1], (str(obj.space), obj.space.get_absolute_url()), crumbs[-1]]

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "user": self.request.user}

    def get_initial(self, obj):
        version = obj.current_version
        day = timezone.localdate(version.created_at) if version is not None else timezone.localdate()
        return {"title": obj.name, "record_date": day}

    def get_extra_context(self, obj):
        return {"shared_file": obj, "expires_on": services.expiry_of(obj)}

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.shared_file_file_into(
            shared_file=obj,
            user=self.request.user,
            record_file=data["record_file"],
            title=data["title"],
            record_date=data["record_date"],
            request=self.request,
        )

    def get_success_message(self, result):
        return _("The file is filed into %(file)s as the record “%(record)s”.") % {
            "file": result.record_file.reference,
            "record": result.title,
        }

    def get_success_url(self, result):
        return self.get_object().get_absolute_url()
