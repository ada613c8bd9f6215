"""Mon équipement: every staff member's own equipment. They acknowledge a hand-over (once for
all its items; its PDF is kept and theirs to download), confirm once a year that they still
hold each item, and open the page of an asset they hold; anyone else's asset is not found."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from inventaire import permissions, selectors, services
from inventaire.forms import ConfirmHoldingsForm
from opq_intranet.accounts.access import access
from opq_intranet.core.views.generic import REFUSED


def _page(request, *, form=None, status=200):
    page = selectors.my_equipment(request.user)
    page["confirm_form"] = form or ConfirmHoldingsForm(holding=page["due"], initial={"assignments": []})
    page["breadcrumbs"] = [(_("My equipment"), None)]
    return render(request, "inventaire/my_equipment.html", page, status=status)


@access(permissions.OWN_EQUIPMENT_RULE)
def my_equipment(request):
    return _page(request)


@access(permissions.OWN_EQUIPMENT_RULE)
@require_POST
def acknowledge(request, pk):
    handover = selectors.handover_of(request.user, pk)
    if handover is None:
        raise Http404
    try:
        services.handover_acknowledge(handover=handover, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you: your acknowledgement is recorded, and its PDF is kept below."))
    return redirect("inventaire:my_equipment")


@access(permissions.OWN_EQUIPMENT_RULE)
@require_POST
def confirm(request):
    page = selectors.my_equipment(request.user)
    form = ConfirmHoldingsForm(request.POST, holding=page["due"])
    if not form.is_valid():
        return _page(request, form=form, status=REFUSED)
    try:
        count = services.holdings_confirm(user=request.user, assignment_ids=form.cleaned_data["assignments"])
    except ValidationError as error:
        form.add_error(None, error.messages)
        return _page(request, form=form, status=REFUSED)
    messages.success(
        request,
        ngettext("Thank you: %(count)s item confirmed.", "Thank you: %(count)s items confirmed.", count)
        % {"count": count},
    )
    return redirect("inventaire:my_equipment")


@access(permissions.OWN_EQUIPMENT_RULE)
def my_asset(request, pk):
    asset = selectors.my_asset(request.user, pk)
    if asset is None:
        raise Http404
    context = {
        "asset": asset,
        "breadcrumbs": [(_("My equipment"), reverse("inventaire:my_equipment")), (asset.tag, None)],
    }
    return render(request, "inventaire/my_asset.html", context)
