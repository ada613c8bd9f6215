"""A candidate's CV and letters: private files (core.files), stored with the candidacy as their
owner and downloaded only through the app's own view, which logs each download. Removing one
destroys its content; the stored file's row stays, under a neutral name, as the trace that a
file existed (its size and SHA-256)."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from administrateurs.choices import DocumentKind
from administrateurs.models import CandidateDocument
from administrateurs.services.candidates import require_manager
from administrateurs.services.links import locked
from opq_intranet.core.files import DOCUMENT_TYPES, accepted_names, private_file_destroy_content, private_file_store

MAX_DOCUMENTS = 20


@transaction.atomic
def document_add(*, candidate, user, kind, uploaded):
    require_manager(user)
    candidate = locked(candidate)
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Choose the kind of document.")})
    if uploaded is None:
        raise ValidationError({"uploaded": _("Choose the file to add.")})
    if CandidateDocument.objects.filter(candidate=candidate).count() >= MAX_DOCUMENTS:
        raise ValidationError(_("A candidacy holds at most %(count)s documents.") % {"count": MAX_DOCUMENTS})
    try:
        stored = private_file_store(uploaded=uploaded, owner=candidate, user=user, allowed_types=DOCUMENT_TYPES)
    except ValidationError as error:
        if error.code == "type":  # said with the types people know, never a MIME type
            message = _("This file is not of an accepted type (%(types)s).") % {"types": accepted_names(DOCUMENT_TYPES)}
            raise ValidationError({"uploaded": message}) from error
        raise ValidationError({"uploaded": error.messages}) from error
    return CandidateDocument.objects.create(candidate=candidate, kind=kind, file=stored, added_by=user)


def destroy(document):
    """Destroy the document's content, name its stored file neutrally, delete the document.
    Returns what was destroyed, as the purge log states it."""
    stored = document.file
    description = _("%(kind)s (%(size)s bytes, SHA-256 %(sha)s)") % {
        "kind": DocumentKind(document.kind).label,
        "size": stored.size,
        "sha": stored.sha256[:12],
    }
    private_file_destroy_content(stored)
    stored.original_name = f"{document.kind}-{document.pk}{PurePath(stored.original_name).suffix.lower()}"
    stored.save(update_fields=["original_name"])
    document.delete()
    return description


@transaction.atomic
def document_remove(*, document, user):
    require_manager(user)
    candidate = locked(document.candidate)
    document = CandidateDocument.objects.select_related("file").filter(pk=document.pk, candidate=candidate).first()
    if document is None:
        raise ValidationError(_("This document is no longer in the candidacy."))
    destroy(document)
