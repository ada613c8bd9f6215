"""The contacts directory: people and organisations, the 46 orders included."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from courrier import selectors
from courrier.filtersets.mail import ContactFilterSet
from courrier.forms.mail import ContactForm
from courrier.models import Contact
from courrier.services.contacts import contact_save
from courrier.tables.mail import ContactTable
from opq_intranet.core.forms import add_service_errors
from opq_intranet.core.history import history_for
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import HISTORY_PREVIEW

ITEMS_SHOWN = 20


class ContactListView(ObjectListView):
    filterset_class = ContactFilterSet
    table_class = ContactTable
    title = gettext_lazy("Contacts")
    export_name = "contacts"
    actions_template = "courrier/_contact_list_actions.html"

    def get_queryset(self):
        return Contact.objects.all()


def contact_detail(request, pk):
    contact = get_object_or_404(Contact.objects.select_related("professional_order"), pk=pk)
    items = selectors.items_visible_to(request.user).filter(contact=contact)
    context = {
        "object": contact,
        "items": items[:ITEMS_SHOWN],
        "items_shown": ITEMS_SHOWN,
        "history": history_for(contact, limit=HISTORY_PREVIEW),
    }
    return render(request, "courrier/contact_detail.html", context)


def _contact_form(request, contact, title):
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            saved = contact_save(contact=form.save(commit=False), user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The contact %(name)s is saved.") % {"name": saved})
            return redirect(saved)
    status = 422 if form.errors else 200
    return render(
        request, "courrier/contact_form.html", {"form": form, "title": title, "object": contact}, status=status
    )


def contact_create(request):
    return _contact_form(request, None, _("New contact"))


def contact_edit(request, pk):
    contact = get_object_or_404(Contact, pk=pk)
    return _contact_form(request, contact, _("Change the contact"))


@require_GET
def contact_options(request):
    """The options of a contact select, for its search box (htmx)."""
    query = request.GET.get("contact_search", "").strip()
    selected = request.GET.get("selected", "")
    contacts = selectors.contact_options(query)
    context = {"contacts": contacts, "selected": int(selected) if selected.isdigit() else None}
    return render(request, "courrier/_contact_options.html", context)
