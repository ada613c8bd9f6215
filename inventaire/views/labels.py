"""The label sheet: a PDF of asset labels on the stock chosen, for the tags typed or for the
asset list as filtered (its filters come along in the query string)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from inventaire import permissions, selectors
from inventaire.filtersets import AssetFilterSet
from inventaire.forms.reports import LabelSheetForm
from inventaire.label_sheets import label_sheets_pdf
from inventaire.views.assets import ASSETS, HOME
from opq_intranet.accounts.access import access
from opq_intranet.core.downloads import download_response
from opq_intranet.core.views.generic import REFUSED

MAX_LABELS = 1000
OWN_PARAMETERS = {"preset", "tags", "skip", "csrfmiddlewaretoken"}


def _selected(form, filterset):
    """The assets to label, or None with the form's error."""
    tags = selectors.parse_tags(form.cleaned_data["tags"])
    if tags:
        found, unknown = selectors.assets_by_tags(tags)
        if unknown:
            form.add_error("tags", _("No asset has these tags: %(tags)s.") % {"tags": ", ".join(unknown)})
            return None
        return found
    if not filterset.is_valid():
        form.add_error(None, _("The list's filters are not valid: go back to the list."))
        return None
    assets = list(filterset.qs.order_by("tag")[: MAX_LABELS + 1])
    if not assets or len(assets) > MAX_LABELS:
        form.add_error(None, _("Between 1 and %(max)s labels at once: narrow the list.") % {"max": MAX_LABELS})
        return None
    return assets


@access(permissions.MANAGE_RULE)
def label_sheet(request):
    filters = request.GET.copy()
    for name in OWN_PARAMETERS:
        filters.pop(name, None)
    filterset = AssetFilterSet(filters, queryset=selectors.assets_for_list(filters.get("status", "")), request=request)
    form = LabelSheetForm(
        request.GET if "preset" in request.GET else None,
        initial={"preset": "avery-5160", "tags": request.GET.get("tags", "")},
    )
    if form.is_bound and form.is_valid():
        assets = _selected(form, filterset)
        if assets is not None:
            content = label_sheets_pdf(
                assets, preset_key=form.cleaned_data["preset"], skip=form.cleaned_data["skip"] or 0
            )
            return download_response(content, filename="etiquettes-actifs.pdf", content_type="application/pdf")
    context = {
        "form": form,
        "filters": [(name, value) for name, values in filters.lists() for value in values],
        "list_url": f"{reverse('inventaire:asset_list')}?{filters.urlencode()}",
        "breadcrumbs": [(HOME[1], reverse(HOME[0])), (ASSETS[1], reverse(ASSETS[0])), (_("Labels"), None)],
    }
    status = REFUSED if form.is_bound and form.errors else 200
    return render(request, "inventaire/label_sheet.html", context, status=status)
