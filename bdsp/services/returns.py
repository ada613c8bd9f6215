"""The life of an annual return: start, fill in, submit, return for correction, accept, amend."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bdsp import permissions, selectors
from bdsp.choices import ReturnStatus, YearStatus
from bdsp.models import AnnualReturn, ReturnAttachment, ReturnComment, ReturnEvent, ReturnValue
from bdsp.pdf import return_pdf
from bdsp.services.values import parse_value
from bdsp.validation import run_rules
from opq_intranet.accounts.models import UserKind
from opq_intranet.core.calendar import legal_deadline
from opq_intranet.core.files import private_file_store
from opq_intranet.core.notifications import notifications_done, notify, people_with_permission

# Due 45 days after the order's annual general meeting (regulation, s. 3).
RETURN_DUE_DAYS = 45
VALUE_FIELDS = ("state", "number", "text", "date", "boolean")
# Notifications (core/notifications.py): a submitted return waits for the analysts; a
# returned one for the order's déclarants; an accepted one is news for them.
SUBMITTED, RETURNED, ACCEPTED = "bdsp.return_submitted", "bdsp.return_returned", "bdsp.return_accepted"
# A reminder of the due date (bdsp/reminders.py) waits for the déclarants until they submit.
REMINDER = "bdsp.return_reminder"


class ReturnConflict(Exception):
    """Someone else saved the return since this form was loaded."""


def _locked(annual_return):
    return (
        AnnualReturn.objects.select_for_update()
        .select_related("reporting_year", "professional_order")
        .get(pk=annual_return.pk)
    )


def _transition(annual_return, user, to_status, message=""):
    event = ReturnEvent.objects.create(
        annual_return=annual_return, by=user, from_status=annual_return.status, to_status=to_status, message=message
    )
    annual_return.status = to_status
    return event


def _require_filer(user, annual_return):
    if not permissions.can_file(user, annual_return.professional_order):
        raise PermissionDenied
    if not annual_return.is_editable:
        raise ValidationError(_("This return was submitted: it can no longer be changed."))


def _require_reviewer(user):
    if not permissions.can_review(user):
        raise PermissionDenied


def _notify(annual_return, key, recipients, **context):
    name = key.removeprefix("bdsp.")
    notify(
        recipients=recipients,
        key=key,
        target=annual_return,
        url=reverse("bdsp_portal:return_detail", args=[annual_return.pk]),
        subject_template=f"bdsp/email/{name}_subject.txt",
        body_template=f"bdsp/email/{name}.txt",
        context={"annual_return": annual_return, **context},
    )


def _analysts():
    """The staff who review returns (the campaign's pages)."""
    return people_with_permission("bdsp.review_returns", kind=UserKind.STAFF)


def _declarants(order):
    """The order's active déclarants (as bdsp/reminders.py finds them)."""
    return people_with_permission("bdsp.file_return", kind=UserKind.PARTNER, professional_order=order)


@transaction.atomic
def return_start(*, order, reporting_year, user):
    """The order's return for an open year; started once, then found again."""
    if not permissions.can_file(user, order):
        raise PermissionDenied
    existing = selectors.current_return(order, reporting_year)
    if existing is not None:
        return existing
    if reporting_year.status != YearStatus.OPEN:
        raise ValidationError(_("The %(year)s return is not open.") % {"year": reporting_year.year})
    annual_return = AnnualReturn(professional_order=order, reporting_year=reporting_year)
    annual_return.full_clean()
    annual_return.save()
    ReturnEvent.objects.create(annual_return=annual_return, by=user, to_status=ReturnStatus.DRAFT)
    return annual_return


@transaction.atomic
def return_save_general(*, annual_return, user, fiscal_year_end, general_meeting_date):
    """The order's fiscal year and general meeting; the due date follows from the meeting."""
    annual_return = _locked(annual_return)
    _require_filer(user, annual_return)
    if fiscal_year_end and general_meeting_date and general_meeting_date < fiscal_year_end:
        raise ValidationError(
            {"general_meeting_date": _("The general meeting comes after the end of the fiscal year.")}
        )
    annual_return.fiscal_year_end = fiscal_year_end
    annual_return.general_meeting_date = general_meeting_date
    annual_return.due_date = legal_deadline(general_meeting_date, RETURN_DUE_DAYS) if general_meeting_date else None
    annual_return.full_clean()
    annual_return.save()
    return annual_return


@transaction.atomic
def return_save_values(*, annual_return, user, entries, expected_version=None):
    """Save cells typed by the order; all or nothing. Return the findings of the rules.

    `entries`: dicts with `indicator` (code), `key` (category, "" for the total), `raw`
    (what was typed), optionally `state` (no_activity / not_applicable) and `explanation`.
    `expected_version` is the edit_version the form was loaded with: if someone saved since,
    ReturnConflict is raised and nothing changes.
    """
    annual_return = _locked(annual_return)
    _require_filer(user, annual_return)
    if expected_version is not None and expected_version != annual_return.edit_version:
        raise ReturnConflict
    form = selectors.form_definition(annual_return.reporting_year)
    parsed, errors = {}, {}
    for entry in entries:
        code, key = entry["indicator"], entry.get("key", "")
        indicator = form.indicators.get(code)
        if indicator is None or indicator.is_derived or (key and key not in indicator.keys):
            errors[f"{code}|{key}"] = _("This field does not exist in the form.")
            continue
        try:
            fields = parse_value(indicator, entry.get("raw"), entry.get("state") or "value")
        except ValidationError as error:
            errors[f"{code}|{key}"] = error.messages[0]
            continue
        fields["explanation"] = (entry.get("explanation") or "").strip()
        parsed[(code, key)] = (indicator, fields)
    if errors:
        raise ValidationError(errors)
    existing = selectors.return_values(annual_return)
    changed = 0
    for (code, key), (indicator, fields) in parsed.items():
        value = existing.get((code, key))
        if value is None:
            if _is_blank(fields):
                continue
            value = ReturnValue(annual_return=annual_return, indicator_id=indicator.id, category_key=key)
        elif all(getattr(value, f) == fields[f] for f in (*VALUE_FIELDS, "explanation")):
            continue
        for name, field_value in fields.items():
            setattr(value, name, field_value)
        value.updated_by = user
        value.save()
        existing[(code, key)] = value
        changed += 1
    if changed:
        annual_return.edit_version += 1
        annual_return.last_saved_at = timezone.now()
        annual_return.last_saved_by = user
        annual_return.save(update_fields=["edit_version", "last_saved_at", "last_saved_by"])
    return run_rules(selectors.return_data(annual_return, existing))


def _is_blank(fields):
    return fields["state"] == "value" and all(fields[f] in (None, "") for f in ("number", "text", "date", "boolean"))


@transaction.atomic
def return_submit(*, annual_return, user, attestation):
    """Submit with the signed attestation; refused while a blocking rule fails."""
    annual_return = _locked(annual_return)
    _require_filer(user, annual_return)
    errors = []
    if not (attestation or "").strip():
        errors.append(_("Sign the attestation: type your name and your title."))
    if not annual_return.fiscal_year_end or not annual_return.general_meeting_date:
        errors.append(_("Give the end of the fiscal year and the date of the annual general meeting."))
    findings = run_rules(selectors.return_data(annual_return))
    errors.extend(f.message for f in findings if f.blocking)
    if errors:
        raise ValidationError(errors)
    annual_return.attestation = attestation.strip()
    annual_return.submitted_at = timezone.now()
    annual_return.submitted_by = user
    event = _transition(annual_return, user, ReturnStatus.SUBMITTED)
    annual_return.save()
    event.copy = _submitted_copy(annual_return, user)
    event.save(update_fields=["copy"])
    notifications_done(target=annual_return, key=RETURNED)
    notifications_done(target=annual_return, key=REMINDER)
    _notify(annual_return, SUBMITTED, _analysts())
    return annual_return


def return_remind(*, annual_return, stage):
    """Remind the order's déclarants of the due date (`stage`: "j30", "j7" or "late"); the
    reminder stays in their queue until the return is submitted. Returns whom it reached."""
    notifications = notify(
        recipients=_declarants(annual_return.professional_order),
        key=REMINDER,
        target=annual_return,
        url=reverse("bdsp_portal:return_detail", args=[annual_return.pk]),
        subject_template="bdsp/email/reminder_subject.txt",
        body_template="bdsp/email/reminder.txt",
        context={"annual_return": annual_return, "stage": stage},
    )
    annual_return.last_reminder_sent = stage
    annual_return.save(update_fields=["last_reminder_sent"])
    return [notification.recipient for notification in notifications]


def return_news_read(*, annual_return, user):
    """The news of an accepted return leaves the person's queue once they open the return."""
    if annual_return.status == ReturnStatus.ACCEPTED:
        notifications_done(target=annual_return, key=ACCEPTED, recipient=user)


def _submitted_copy(annual_return, user):
    """The PDF of the return as submitted, stored so the order can always get it back."""
    content = return_pdf(annual_return, attachments=list(annual_return.attachments.select_related("file")))
    name = f"declaration-{annual_return.reporting_year.year}-{annual_return.professional_order.code}"
    name += f"-v{annual_return.version}-{timezone.localtime(annual_return.submitted_at):%Y%m%d-%H%M}.pdf"  # Quebec time
    return private_file_store(
        uploaded=ContentFile(content, name=name), owner=annual_return, user=user, allowed_types={"application/pdf"}
    )


@transaction.atomic
def return_send_back(*, annual_return, user, message):
    """Return a submitted return to the order for correction, with the reason."""
    _require_reviewer(user)
    annual_return = _locked(annual_return)
    if annual_return.status != ReturnStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted return can be returned for correction."))
    if not (message or "").strip():
        raise ValidationError(_("Say what the order must correct."))
    _transition(annual_return, user, ReturnStatus.RETURNED, message.strip())
    annual_return.save()
    notifications_done(target=annual_return, key=SUBMITTED)
    _notify(annual_return, RETURNED, _declarants(annual_return.professional_order), message=message.strip())
    return annual_return


@transaction.atomic
def return_accept(*, annual_return, user):
    """Accept a submitted return: it is locked, and replaces the version it amends."""
    _require_reviewer(user)
    annual_return = _locked(annual_return)
    if annual_return.status != ReturnStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted return can be accepted."))
    annual_return.accepted_at = timezone.now()
    annual_return.accepted_by = user
    _transition(annual_return, user, ReturnStatus.ACCEPTED)
    annual_return.save()
    if annual_return.amends_id:
        AnnualReturn.objects.filter(pk=annual_return.amends_id).update(superseded=True)
    notifications_done(target=annual_return, key=SUBMITTED)
    _notify(annual_return, ACCEPTED, _declarants(annual_return.professional_order))
    return annual_return


@transaction.atomic
def return_reopen(*, annual_return, user, reason):
    """Corrections after acceptance (s. 3): a new version, the accepted one stays visible."""
    annual_return = _locked(annual_return)
    order = annual_return.professional_order
    if not (permissions.can_file(user, order) or permissions.can_review(user)):
        raise PermissionDenied
    if annual_return.status != ReturnStatus.ACCEPTED or annual_return.superseded:
        raise ValidationError(_("Only the accepted return in force can be amended."))
    if AnnualReturn.objects.filter(amends=annual_return).exists():
        raise ValidationError(_("An amendment of this return is already in progress."))
    if not (reason or "").strip():
        raise ValidationError(_("Give the reason for the amendment."))
    amendment = AnnualReturn.objects.create(
        professional_order=order,
        reporting_year=annual_return.reporting_year,
        version=annual_return.version + 1,
        amends=annual_return,
        amendment_reason=reason.strip(),
        fiscal_year_end=annual_return.fiscal_year_end,
        general_meeting_date=annual_return.general_meeting_date,
        due_date=annual_return.due_date,
    )
    ReturnValue.objects.bulk_create(
        ReturnValue(
            annual_return=amendment,
            indicator_id=v.indicator_id,
            category_key=v.category_key,
            explanation=v.explanation,
            updated_by=user,
            **{f: getattr(v, f) for f in VALUE_FIELDS},
        )
        for v in annual_return.values.all()
    )
    # The documents too: the same stored files, which the amendment may replace.
    ReturnAttachment.objects.bulk_create(
        ReturnAttachment(annual_return=amendment, kind=a.kind, file_id=a.file_id, added_by_id=a.added_by_id)
        for a in annual_return.attachments.all()
    )
    ReturnEvent.objects.create(annual_return=amendment, by=user, to_status=ReturnStatus.DRAFT, message=reason.strip())
    notifications_done(target=annual_return, key=ACCEPTED)  # the news is old: an amendment is on its way
    return amendment


@transaction.atomic
def comment_add(*, annual_return, user, text, indicator_code=None, key=""):
    """An analyst's comment on a field or on the whole return."""
    _require_reviewer(user)
    if not (text or "").strip():
        raise ValidationError({"text": _("The comment is empty.")})
    indicator_id = None
    if indicator_code:
        form = selectors.form_definition(annual_return.reporting_year)
        if indicator_code not in form.indicators:
            raise ValidationError(_("This field does not exist in the form."))
        indicator_id = form.indicators[indicator_code].id
    return ReturnComment.objects.create(
        annual_return=annual_return, indicator_id=indicator_id, category_key=key, author=user, text=text.strip()
    )


@transaction.atomic
def value_flag(*, annual_return, user, indicator_code, key="", followup=True, note=""):
    """Mark a value for follow-up, with the analyst's private note."""
    _require_reviewer(user)
    updated = ReturnValue.objects.filter(
        annual_return=annual_return, indicator__code=indicator_code, category_key=key
    ).update(followup=followup, followup_note=note.strip())
    if not updated:
        raise ValidationError(_("This value has not been filled in."))
