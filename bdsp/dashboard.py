"""BDSP panels: the order's returns on the portal home; returns to review on Mon travail."""

from django.utils.translation import gettext_lazy as _

from bdsp import permissions, selectors
from bdsp.choices import ReturnStatus
from bdsp.models import AnnualReturn
from opq_intranet.core.registry.dashboard import Panel, register


def order_returns(request):
    """The order's latest returns and the open years not started yet; for a déclarant, the
    button that starts a year and the one that continues a return (a reader sees the state)."""
    user = request.user
    if not user.is_partner:
        return {"returns": [], "open_years": []}
    returns = list(
        selectors.returns_visible_to(user).filter(superseded=False).order_by("-reporting_year__year", "-version")[:5]
    )
    started = {r.reporting_year_id for r in returns}
    open_years = [y for y in selectors.open_years() if y.pk not in started]
    return {
        "returns": returns,
        "open_years": open_years,
        "can_start": permissions.is_filer(user),
        "editable": {r.pk for r in returns if permissions.can_edit_return(user, r)},
    }


def returns_to_review(request):
    pending = AnnualReturn.objects.filter(status=ReturnStatus.SUBMITTED).select_related(
        "professional_order", "reporting_year"
    )
    return {"returns": list(pending.order_by("submitted_at")[:8]), "count": pending.count()}


register(
    Panel(
        key="bdsp.order_returns",
        title=_("Annual returns"),
        template="bdsp/panels/order_returns.html",
        permission="bdsp.use_portal",
        get_context=order_returns,
        audience="portal",
        order=10,
    )
)
register(
    Panel(
        key="bdsp.to_review",
        title=_("Returns to review"),
        template="bdsp/panels/to_review.html",
        permission="bdsp.review_returns",
        get_context=returns_to_review,
        order=30,
    )
)
