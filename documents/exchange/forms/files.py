"""Forms of the exchange spaces: a file's page (new version, comment, rename) and the plain
upload of a new file (the form for anyone without the drag-and-drop zone)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.exchange.models import FileComment, SharedFile


class FileUploadForm(forms.Form):
    """A new file, sent in one request (the drag-and-drop zone resumes large ones)."""

    uploaded = forms.FileField(label=_("File"))


class NewVersionForm(forms.Form):
    uploaded = forms.FileField(
        label=_("New version"), help_text=_("A file of the same type; it becomes the current version.")
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=FileComment._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RenameForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=SharedFile._meta.get_field("name").max_length,
        help_text=_("The extension stays the same."),
    )
