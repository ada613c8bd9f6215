"""Documents attached to a return (the annual report first), on the return's page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bdsp import permissions, selectors, services
from bdsp.forms import AttachmentForm
from bdsp.views.returns import ATTACHMENT_ID, ReturnActionView
from opq_intranet.accounts.access import access


def _back(annual_return):
    return redirect(f"{annual_return.get_absolute_url()}#attachments-title")


class AttachmentAddView(ReturnActionView):
    """Attach a document; a refused file is shown on the return page, bound, in 422."""

    form_class = AttachmentForm
    form_key = "attachment"
    title = gettext_lazy("Attached documents")
    confirm_label = gettext_lazy("Attach")

    def refuse(self, obj):
        if not permissions.can_edit_return(self.request.user, obj):
            raise PermissionDenied

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "auto_id": ATTACHMENT_ID}  # the import form has a "file" too

    def perform(self, form, obj):
        attachment = services.attachment_add(
            annual_return=obj,
            user=self.request.user,
            kind=form.cleaned_data["kind"],
            uploaded=form.cleaned_data["file"],
        )
        self.saved_name = attachment.file.original_name

    def get_success_message(self, result):
        return _("%(name)s is attached to the return.") % {"name": self.saved_name}

    def get_success_url(self, result):
        return f"{result.get_absolute_url()}#attachments-title"


@access(permissions.PORTAL_RULE)
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
