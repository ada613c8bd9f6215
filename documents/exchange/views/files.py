"""Exchange spaces: a file's page (versions, comments, preview), its downloads, a new version,
comments, renaming and deleting; and the plain upload of a new file into a space or folder.

Every view declares EXCHANGE_RULE; the file is looked up among the person's files of the
space in the URL (selectors: another space's or another partner's file is 404), and what
the person may do is asked of documents.exchange.permissions (403 otherwise).
`file_preview`, `file_download` and `version_download` are function views: they answer a
file, not a page.
"""

from csp.constants import SELF
from csp.decorators import csp_replace
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from documents.exchange import permissions, selectors, services
from documents.exchange.forms import CommentForm, FileUploadForm, NewVersionForm, RenameForm
from documents.exchange.models import Folder
from documents.exchange.permissions import EXCHANGE_RULE
from documents.exchange.views.spaces import space_crumbs
from opq_intranet.accounts.access import access
from opq_intranet.core.files import private_file_response
from opq_intranet.core.querystring import query_id
from opq_intranet.core.views.generic import (
    Action,
    EmbeddedActionView,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
)


def place_url(space, folder):
    """The page of the folder a file is in, or of the space's root."""
    return folder.get_absolute_url() if folder is not None else space.get_absolute_url()


class FileMixin:
    """Pages of one file: the URL's `pk` among the person's files of the URL's space."""

    access_rule = EXCHANGE_RULE

    def get_queryset(self):
        return selectors.space_files_visible_to(self.request.user, self.kwargs["space_pk"])

    def get_breadcrumbs(self, obj):
        return [*space_crumbs(obj.space), (str(obj), obj.get_absolute_url())]

    def unavailable(self, obj):
        """A deleted or purged file takes no action: back to its page, which says why."""
        messages.error(self.request, _("This file was deleted or purged; it can no longer be changed."))
        return redirect(obj)


class FileDetailView(FileMixin, ObjectDetailView):
    """The file: where it is, its current version (previewed when a PDF or an image), every
    version, the comments, and the forms of what the person may do."""

    template_name = "documents/exchange/file_detail.html"

    def get(self, request, *args, bound_forms=None, **kwargs):
        # The Office's history of the file (renamed, deleted); the partner reads the audit trail.
        self.show_history = request.user.is_office_staff
        self.is_refusal = bool(bound_forms)
        return super().get(request, *args, bound_forms=bound_forms, **kwargs)

    def on_read(self, obj):
        self.page = selectors.file_page(obj, self.request.user)
        if not self.is_refusal:  # a refused form shown again is not a new look at the file
            services.shared_file_viewed(
                shared_file=obj, user=self.request.user, access=self.page["access"], request=self.request
            )

    def get_extra_context(self, obj, bound_forms):
        page = self.page
        self.rights = permissions.file_rights(self.request.user, obj, page["access"])
        return {
            **page,
            **self.rights,
            "breadcrumbs": [*space_crumbs(obj.space, page["folder_path"]), (str(obj), None)],
            "version_form": bound_forms.get("version") or NewVersionForm(),
            "comment_form": bound_forms.get("comment") or CommentForm(),
        }

    def get_actions(self, obj):
        def url(name):
            return reverse(f"exchange:{name}", args=[obj.space_id, obj.pk])

        actions = []
        if self.rights["can_download"]:
            actions.append(Action(_("Download"), url("file_download"), "primary", "download"))
        if self.rights["can_write"]:
            actions.append(Action(_("Rename"), url("file_rename"), icon="pencil"))
            actions.append(Action(_("Delete"), url("file_delete"), "outline-danger", "trash"))
        if self.rights["can_share"]:
            share = reverse("exchange:link_create", args=[obj.space_id]) + f"?file={obj.pk}"
            actions.append(Action(_("Share"), share, icon="link-45deg"))
        if self.rights["can_file"]:
            actions.append(Action(_("File into records"), url("file_into_records"), "outline-secondary", "archive"))
        return actions


# --- The file's content: preview and downloads (function views: they answer a file). -------


def _version_or_404(request, space_pk, pk, number=None):
    version = selectors.servable_version(request.user, space_pk, pk, number)
    if version is None:
        raise Http404
    return version


@require_GET
@access(EXCHANGE_RULE)
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": [SELF]})
def file_preview(request, space_pk, pk):
    """The current version shown in the file's page: a PDF in an <iframe> (framed by this
    site only), an image in an <img>; any other type, or no content, is 404."""
    version = _version_or_404(request, space_pk, pk)
    try:
        stored = services.version_preview(version=version, user=request.user, request=request)
    except ValidationError:
        raise Http404 from None
    # A browser cannot show a PDF under CSP sandbox; an image in an <img> runs nothing either way.
    return private_file_response(
        stored,
        filename=version.shared_file.name,
        inline=True,
        sandbox=stored.mime_type != "application/pdf",
    )


def _download(request, version, filename):
    try:
        stored = services.version_download(version=version, user=request.user, request=request)
    except ValidationError:
        raise Http404 from None
    return private_file_response(stored, filename=filename)


@require_GET
@access(EXCHANGE_RULE)
def file_download(request, space_pk, pk):
    """The current version, under the file's name."""
    version = _version_or_404(request, space_pk, pk)
    return _download(request, version, version.shared_file.name)


@require_GET
@access(EXCHANGE_RULE)
def version_download(request, space_pk, pk, number):
    """One version by its number, its name marked with it (rapport-v2.pdf)."""
    version = _version_or_404(request, space_pk, pk, number)
    name = version.shared_file.name
    stem, dot, extension = name.rpartition(".")
    filename = f"{stem}-v{number}.{extension}" if dot and stem else f"{name}-v{number}"
    return _download(request, version, filename)


# --- Forms of the file's page (new version, comment) and its own pages (rename, delete). ---


class FileActionView(FileMixin, EmbeddedActionView):
    """A form of the file's page: refused, the page is shown again with it bound, in 422."""

    detail_view = FileDetailView


class FileNewVersionView(FileActionView):
    """The plain upload of a new version (the page's fallback to the drag-and-drop zone)."""

    form_class = NewVersionForm
    form_key = "version"

    def allowed(self, user, obj):
        return permissions.can_write(user, obj.space)

    def refuse(self, obj):
        super().refuse(obj)
        return None if obj.is_available else self.unavailable(obj)

    def perform(self, form, obj):
        try:
            version = services.shared_file_upload(
                space=obj.space,
                uploaded=form.cleaned_data["uploaded"],
                user=self.request.user,
                shared_file=obj,
                request=self.request,
            )
        except ValidationError as error:
            raise ValidationError({"uploaded": error.messages}) from error
        self.version = version
        return obj

    def get_success_message(self, result):
        return _("Version %(number)s of %(name)s is saved.") % {"number": self.version.number, "name": result.name}


class FileCommentView(FileActionView):
    form_class = CommentForm
    form_key = "comment"
    success_message = gettext_lazy("Your comment is added.")

    def allowed(self, user, obj):
        return permissions.can_comment(user, obj.space)

    def refuse(self, obj):
        super().refuse(obj)
        return None if obj.is_available else self.unavailable(obj)

    def perform(self, form, obj):
        services.shared_file_comment(
            shared_file=obj, user=self.request.user, body=form.cleaned_data["body"], request=self.request
        )
        return obj

    def get_success_url(self, result):
        return f"{result.get_absolute_url()}#comments-title"


class FileWriteMixin(FileMixin):
    """A page of its own for a writer (rename, delete)."""

    def refuse(self, obj):
        if not permissions.can_write(self.request.user, obj.space):
            raise PermissionDenied
        return None if obj.is_available else self.unavailable(obj)


class FileRenameView(FileWriteMixin, ObjectEditView):
    form_class = RenameForm
    submit_label = gettext_lazy("Rename")

    def get_initial(self, obj):
        return {"name": obj.name}

    def get_title(self, obj):
        return _("Rename %(name)s") % {"name": obj.name}

    def save(self, form, obj):
        return services.shared_file_rename(shared_file=obj, user=self.request.user, name=form.cleaned_data["name"])

    def get_success_message(self, result):
        return _("The file is now named %(name)s.") % {"name": result.name}


class FileDeleteView(FileWriteMixin, ObjectActionView):
    danger = True
    title = gettext_lazy("Delete the file")
    confirm_label = gettext_lazy("Delete the file")
    question = gettext_lazy(
        "Delete %(object)s? It leaves the space's lists and takes no new version; the audit trail keeps its trace."
    )
    success_message = gettext_lazy("The file %(object)s is deleted.")

    def perform(self, form, obj):
        return services.shared_file_delete(shared_file=obj, user=self.request.user, request=self.request)

    def get_success_url(self, result):
        return place_url(result.space, result.folder)


# --- A new file, in one request (the space's and folder's plain upload form). --------------


class FileUploadView(ObjectEditView):
    """A new file in the space of the URL, in the folder of `?folder=` (or at its root): the
    form for anyone without the drag-and-drop zone, keyboard first. A refusal (type, size,
    quota, virus) answers 422 with its French message and leaves nothing."""

    access_rule = EXCHANGE_RULE
    form_class = FileUploadForm
    pk_url_kwarg = "space_pk"
    template_name = "documents/exchange/file_upload.html"
    submit_label = gettext_lazy("Upload")

    def get_queryset(self):
        return selectors.spaces_visible_to(self.request.user)

    def get_folder(self, space):
        if not hasattr(self, "_folder"):
            folder_pk = query_id(self.request, "folder")
            self._folder = get_object_or_404(Folder, pk=folder_pk, space=space) if folder_pk is not None else None
        return self._folder

    def refuse(self, space):
        if not permissions.can_write(self.request.user, space):
            raise PermissionDenied
        self.get_folder(space)  # another space's folder: 404 before the form is read
        return None

    def get_breadcrumbs(self, space):
        folder = self.get_folder(space)
        return space_crumbs(space, selectors.folder_path(space, folder.pk if folder else None))

    def get_title(self, space):
        folder = self.get_folder(space)
        if folder is None:
            return _("Upload a file to %(space)s") % {"space": space}
        return _("Upload a file to the folder %(folder)s") % {"folder": folder}

    def get_cancel_url(self, space):
        return place_url(space, self.get_folder(space))

    def get_extra_context(self, space):
        return {"space": space, "folder": self.get_folder(space), "limits": services.upload_limits(space)}

    def save(self, form, space):
        try:
            return services.shared_file_upload(
                space=space,
                uploaded=form.cleaned_data["uploaded"],
                user=self.request.user,
                folder=self.get_folder(space),
                request=self.request,
            )
        except ValidationError as error:
            raise ValidationError({"uploaded": error.messages}) from error

    def get_success_message(self, version):
        return _("%(name)s is uploaded.") % {"name": version.shared_file.name}

    def get_success_url(self, version):
        return place_url(version.shared_file.space, self.get_folder(version.shared_file.space))
