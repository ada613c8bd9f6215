"""Mon travail: what is due for the signed-in person, from every app's panel."""

from django.shortcuts import render

from opq_intranet.accounts.access import INTRANET_RULE, access
from opq_intranet.core.registry.dashboard import panels_for


@access(INTRANET_RULE.audience, *INTRANET_RULE.permissions)
def dashboard(request):
    return render(request, "core/dashboard.html", {"panels": panels_for(request, "staff")})
