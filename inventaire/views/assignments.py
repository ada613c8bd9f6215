"""Check-out and check-in: one page each, for one asset (its page's button fills the tag in)
or a whole list of scanned tags; and a person's equipment history, for the Inventaire role."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from inventaire import permissions, selectors, services
from inventaire.forms import CheckInForm, CheckOutForm
from inventaire.views.assets import ASSETS, HOME
from opq_intranet.accounts.access import access
from opq_intranet.core.views.generic import ObjectEditView


class TagsFormView(ObjectEditView):
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = ASSETS
    template_name = "inventaire/tags_form.html"

    def get_initial(self, obj):
        return {"tags": self.request.GET.get("tags", "")}

    def get_success_url(self, result):
        assets = self.assets
        return assets[0].get_absolute_url() if len(assets) == 1 else reverse("inventaire:asset_list")


class CheckOutView(TagsFormView):
    form_class = CheckOutForm
    nav_tab = "check_out"
    title = _("Check out")
    submit_label = _("Check out")

    def save(self, form, obj):
        data = form.cleaned_data
        self.assets = form.assets
        return services.check_out(
            assets=form.assets,
            user=self.request.user,
            on=data["on"],
            holder=data["holder"],
            location=data["location"],
            note=data["note"],
        )

    def get_success_message(self, result):
        count = len(self.assets)
        if result is not None:
            return ngettext(
                "%(count)s asset handed over to %(holder)s: they acknowledge it on Mon équipement.",
                "%(count)s assets handed over to %(holder)s: they acknowledge them on Mon équipement.",
                count,
            ) % {"count": count, "holder": result.holder}
        return ngettext("%(count)s asset checked out.", "%(count)s assets checked out.", count) % {"count": count}


class CheckInView(TagsFormView):
    form_class = CheckInForm
    nav_tab = "check_in"
    title = _("Check in")
    submit_label = _("Check in")

    def save(self, form, obj):
        data = form.cleaned_data
        self.assets = form.assets
        return services.check_in(
            assets=form.assets, user=self.request.user, on=data["on"], location=data["location"], note=data["note"]
        )

    def get_success_message(self, result):
        count = len(self.assets)
        return ngettext("%(count)s asset checked in.", "%(count)s assets checked in.", count) % {"count": count}


@access(permissions.MANAGE_RULE)
def person_equipment(request, pk):
    """Everything one staff member held and holds (the role's view of a person)."""
    person = get_object_or_404(selectors.staff_members(), pk=pk)
    context = {
        "person": person,
        "assignments": list(selectors.person_assignments(person)[:200]),
        "breadcrumbs": [(HOME[1], reverse(HOME[0])), (str(person), None)],
    }
    return render(request, "inventaire/person.html", context)
