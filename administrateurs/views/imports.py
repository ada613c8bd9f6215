"""Importing candidacies from a spreadsheet: upload, every row checked (the problems listed by
row in French, nothing saved), a preview of a clean file, then the import on confirmation (all
or none). The file waits between the preview and the confirmation in the shared cache (30
minutes, for the person who sent it only). Not an object page: a form with its preview."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from administrateurs import candidate_import, permissions
from administrateurs.forms import CandidateImportForm
from administrateurs.views.candidates import CANDIDATES, HOME
from opq_intranet.accounts.access import access
from opq_intranet.core import import_stash
from opq_intranet.core.downloads import download_response
from opq_intranet.core.spreadsheets import XLSX
from opq_intranet.core.views.generic import REFUSED

PREVIEW_ROWS = 50
SCOPE = "administrateurs"


def _page(request, form, *, checked=None, token="", status=200):
    context = {
        "form": form,
        "checked": checked,
        "token": token,
        "preview": checked.candidates[:PREVIEW_ROWS] if checked and not checked.problems else [],
        "breadcrumbs": [(HOME[1], reverse(HOME[0])), (CANDIDATES[1], reverse(CANDIDATES[0])), (_("Import"), None)],
    }
    return render(request, "administrateurs/candidate_import.html", context, status=status)


@access(permissions.MANAGE_RULE)
def candidate_import_template(request):
    return download_response(
        candidate_import.template_xlsx(), filename="modele-import-candidatures.xlsx", content_type=XLSX
    )


@access(permissions.MANAGE_RULE)
def import_candidates(request):
    if request.method != "POST":
        return _page(request, CandidateImportForm())
    token = request.POST.get("token", "")
    if token:
        return _confirm(request, token)
    form = CandidateImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, status=REFUSED)
    upload = form.cleaned_data["spreadsheet"]
    content = upload.read()
    checked = candidate_import.check_file(upload.name, content)
    if checked.problems:
        return _page(request, form, checked=checked, status=REFUSED)
    token = import_stash.stash(SCOPE, request.user, upload.name, content)
    return _page(request, CandidateImportForm(), checked=checked, token=token)


def _confirm(request, token):
    kept = import_stash.kept(SCOPE, request.user, token)
    if kept is None:
        messages.error(request, _("The preview has expired: send the file again."))
        return redirect("administrateurs:candidate_import")
    checked = candidate_import.check_file(*kept)  # checked again: candidacies may have been entered since
    if checked.problems:
        return _page(request, CandidateImportForm(), checked=checked, status=REFUSED)
    try:
        count = candidate_import.import_candidates(checked, user=request.user)
    except ValidationError as error:
        checked.problems = [candidate_import.Problem("", message) for message in error.messages]
        return _page(request, CandidateImportForm(), checked=checked, status=REFUSED)
    import_stash.discard(SCOPE, request.user, token)
    messages.success(
        request, ngettext("%(count)s candidacy imported.", "%(count)s candidacies imported.", count) % {"count": count}
    )
    return redirect("administrateurs:candidate_list")
