"""The professional-order portal: the only part of the intranet facing the internet."""

from django.shortcuts import render

from opq_intranet.accounts.access import Audience, access
from opq_intranet.core.registry.dashboard import panels_for


@access(Audience.PORTAL)
def portal_home(request):
    user = request.user
    context = {
        "order": user.professional_order if user.is_partner else None,
        # A partner organisation's user (exchange spaces only) has no order.
        "organisation": user.partner_organisation if user.is_partner else None,
        "panels": panels_for(request, "portal"),
    }
    return render(request, "core/portal_home.html", context)
