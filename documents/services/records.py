"""Records inside a file: added by the file's unit, digital ones versioned and indexed."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import connection, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from documents.choices import Medium
from documents.extraction import extract_text
from documents.models import Record, RecordVersion
from documents.services.files import _require_editor
from opq_intranet.core.files import private_file_store
from opq_intranet.core.fulltext import CONFIG as SEARCH_CONFIG

# Weights: the title counts most, then keywords and description, then the text itself.
REFRESH_SQL = f"""
UPDATE documents_record AS r SET search_vector =
    setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(r.title, '')), 'A')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(r.keywords, '') || ' ' || coalesce(r.author, '')
        || ' ' || coalesce(r.description, '')), 'B')
 || setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(v.text, '')), 'C')
FROM documents_record AS r2 LEFT JOIN documents_recordversion AS v ON v.id = r2.current_version_id
WHERE r.id = r2.id AND r.id = ANY(%s)
"""  # noqa: S608 - the only interpolation is a constant


def record_search_refresh(record_ids):
    """Recompute the search vector of these records (one statement)."""
    with connection.cursor() as cursor:
        cursor.execute(REFRESH_SQL, [list(record_ids)])


@transaction.atomic
def record_add(*, record, user, uploaded=None, comment=""):
    """File a record in its file; a digital record comes with its first version."""
    _require_editor(user, record.record_file)
    if record.medium == Medium.DIGITAL and uploaded is None:
        raise ValidationError({"uploaded": _("A digital record comes with its file.")})
    if record.medium == Medium.PAPER and uploaded is not None:
        raise ValidationError({"uploaded": _("A paper record has no file: say where it is kept.")})
    record.created_by = user
    record.full_clean(exclude=["current_version"])
    record.save()
    if uploaded is not None:
        record.current_version = record_version_add(record=record, user=user, uploaded=uploaded, comment=comment)
    else:
        record_search_refresh([record.pk])
    return record


@transaction.atomic
def record_add_copy(
    *, record_file, user, title, stored_file=None, record_date=None, author="", keywords="", location=""
):
    """For other apps (mail): file a record whose content is a copy of a file they store; the
    copy belongs to the record and follows its file's retention rule, the original stays.
    Without a stored file, the record is a paper one kept at `location`."""
    record = Record(
        record_file=record_file,
        title=title[:300],
        medium=Medium.DIGITAL if stored_file else Medium.PAPER,
        record_date=record_date,
        author=author,
        keywords=keywords,
        location=location,
    )
    if stored_file is None:
        return record_add(record=record, user=user)
    with stored_file.content.open("rb") as handle:
        return record_add(record=record, user=user, uploaded=File(handle, name=stored_file.original_name))


@transaction.atomic
def record_version_add(*, record, user, uploaded, comment=""):
    """A new version: stored with its SHA-256, its text extracted and indexed."""
    record = Record.objects.select_for_update().select_related("record_file").get(pk=record.pk)
    _require_editor(user, record.record_file)
    if record.medium != Medium.DIGITAL:
        raise ValidationError(_("A paper record has no versions."))
    try:
        stored = private_file_store(uploaded=uploaded, owner=record, user=user)
    except ValidationError as error:
        raise ValidationError({"uploaded": error.messages}) from error
    with stored.content.open("rb") as handle:
        text = extract_text(handle, stored.mime_type)
    number = (record.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = RecordVersion.objects.create(
        record=record, number=number, stored_file=stored, text=text, comment=comment, created_by=user
    )
    record.current_version = version
    record.save(update_fields=["current_version"])
    record_search_refresh([record.pk])
    return version


@transaction.atomic
def record_update(*, record, user):
    _require_editor(user, record.record_file)
    record.full_clean(exclude=["current_version"])
    record.save()
    record_search_refresh([record.pk])
    return record
