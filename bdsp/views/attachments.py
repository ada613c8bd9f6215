"""Documents attached to a return (the annual report first), on the return's page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bdsp import selectors, services
from bdsp.forms import AttachmentForm
from opq_intranet.accounts.access import Audience, access


def _back(annual_return):
    return redirect(f"{annual_return.get_absolute_url()}#attachments-title")


@access(Audience.PORTAL)
@require_POST
def attachment_add(request, pk):
    annual_return = get_object_or_404(selectors.returns_visible_to(request.user), pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return _back(annual_return)
    try:
        attachment = services.attachment_add(
            annual_return=annual_return,
            user=request.user,
            kind=form.cleaned_data["kind"],
            uploaded=form.cleaned_data["file"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is attached to the return.") % {"name": attachment.file.original_name})
    return _back(annual_return)


@access(Audience.PORTAL)
@require_POST
def attachment_remove(request, pk, attachment_id):
    annual_return = get_object_or_404(selectors.returns_visible_to(request.user), pk=pk)
    try:
        services.attachment_remove(annual_return=annual_return, user=request.user, attachment_id=attachment_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The document was taken off the return."))
    return _back(annual_return)
