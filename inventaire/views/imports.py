"""Importing assets from a spreadsheet: upload, every row checked (the problems listed by row
in French, nothing saved), a preview of a clean file, then the import on confirmation. The
file waits between the preview and the confirmation in the shared cache (30 minutes, for the
person who sent it only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inventaire import asset_import, permissions
from inventaire.views.assets import ASSETS, HOME
from opq_intranet.accounts.access import access
from opq_intranet.core import import_stash
from opq_intranet.core.downloads import download_response
from opq_intranet.core.forms import SpreadsheetImportForm
from opq_intranet.core.spreadsheets import XLSX
from opq_intranet.core.views.generic import REFUSED

PREVIEW_ROWS = 50
SCOPE = "inventaire"


class AssetImportForm(SpreadsheetImportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spreadsheet"].help_text = gettext_lazy("One row per asset, with the template's columns.")


def _page(request, form, *, checked=None, token="", status=200):
    context = {
        "form": form,
        "checked": checked,
        "token": token,
        "preview": checked.assets[:PREVIEW_ROWS] if checked and not checked.problems else [],
        "breadcrumbs": [(HOME[1], reverse(HOME[0])), (ASSETS[1], reverse(ASSETS[0])), (_("Import"), None)],
    }
    return render(request, "inventaire/asset_import.html", context, status=status)


@access(permissions.MANAGE_RULE)
def asset_import_template(request):
    return download_response(asset_import.template_xlsx(), filename="modele-import-actifs.xlsx", content_type=XLSX)


@access(permissions.MANAGE_RULE)
def import_assets(request):
    if request.method != "POST":
        return _page(request, AssetImportForm())
    token = request.POST.get("token", "")
    if token:
        return _confirm(request, token)
    form = AssetImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, status=REFUSED)
    upload = form.cleaned_data["spreadsheet"]
    content = upload.read()
    checked = asset_import.check_file(upload.name, content)
    if checked.problems:
        return _page(request, form, checked=checked, status=REFUSED)
    token = import_stash.stash(SCOPE, request.user, upload.name, content)
    return _page(request, AssetImportForm(), checked=checked, token=token)


def _confirm(request, token):
    kept = import_stash.kept(SCOPE, request.user, token)
    if kept is None:
        messages.error(request, _("The preview has expired: send the file again."))
        return redirect("inventaire:asset_import")
    checked = asset_import.check_file(*kept)  # checked again: assets may have been added since
    if checked.problems:
        return _page(request, AssetImportForm(), checked=checked, status=REFUSED)
    try:
        count = asset_import.import_assets(checked, user=request.user)
    except ValidationError as error:
        checked.problems = [asset_import.Problem("", message) for message in error.messages]
        return _page(request, AssetImportForm(), checked=checked, status=REFUSED)
    import_stash.discard(SCOPE, request.user, token)
    messages.success(request, _("%(count)s assets imported.") % {"count": count})
    return redirect("inventaire:asset_list")
