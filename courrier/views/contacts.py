"""The contacts directory: people and organisations, the 46 orders included."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from courrier import permissions, selectors, services
from courrier.filtersets import ContactFilterSet
from courrier.forms import ContactForm
from courrier.models import Contact
from courrier.tables import ContactTable
from opq_intranet.accounts.access import access
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.querystring import query_id
from opq_intranet.core.views.generic import Action, ObjectDetailView, ObjectEditView

CONTACTS = ("courrier:contact_list", _("Contacts"))


class ContactListView(ObjectListView):
    access_rule = permissions.CONTACTS_RULE
    filterset_class = ContactFilterSet
    table_class = ContactTable
    title = _("Contacts")
    export_name = "contacts"
    actions_template = "courrier/_contact_list_actions.html"

    def get_queryset(self):
        return Contact.objects.all()


class ContactMixin:
    access_rule = permissions.CONTACTS_RULE
    breadcrumb_list = CONTACTS

    def object_label(self, obj):
        return obj.name

    def get_queryset(self):
        return Contact.objects.select_related("professional_order")


class ContactDetailView(ContactMixin, ObjectDetailView):
    template_name = "courrier/contact_detail.html"

    def get_actions(self, obj):
        if not permissions.can_change_contact(self.request.user, obj):
            return []
        return [Action(_("Change"), reverse("courrier:contact_edit", args=[obj.pk]))]

    def get_extra_context(self, obj, bound_forms):
        return selectors.contact_page(obj, self.request.user)


class ContactEditView(ContactMixin, ObjectEditView):
    """Add a contact (no `pk`) or correct one."""

    form_class = ContactForm

    def new_object(self):
        return Contact()

    def refuse(self, obj):
        if not permissions.can_change_contact(self.request.user, obj):
            raise PermissionDenied

    def get_title(self, obj):
        return _("Change the contact") if obj.pk else _("New contact")

    def get_success_message(self, result):
        return _("The contact %(name)s is saved.") % {"name": result}

    def save(self, form, obj):
        return services.contact_save(contact=form.save(commit=False), user=self.request.user)


@access(permissions.CONTACTS_RULE)
@require_GET
def contact_options(request):
    """The options of a contact select, for its search box (htmx)."""
    query = request.GET.get("contact_search", "").strip()
    contacts = selectors.contact_options(query)
    context = {"contacts": contacts, "selected": query_id(request, "selected")}
    return render(request, "courrier/_contact_options.html", context)
