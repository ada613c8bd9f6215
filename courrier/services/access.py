"""Access-to-information requests, from the incoming letter to the response and its review.

Open the request on its mail item (the deadline follows from the receipt date), extend it
once with a notice sent before the deadline, decide, answer with the generated letter (it is
registered as the outgoing reply), close; record the requests for review.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courrier import deadlines, letters, permissions
from courrier.choices import (
    DECISIONS_WITH_ARTICLES,
    AccessDecision,
    AccessRequestStatus,
    Channel,
    Direction,
    MailStatus,
    MailType,
    ReviewOutcome,
)
from courrier.models import AccessRequest, MailAttachment, MailItem, ReviewRequest
from courrier.services.mail import _number
from courrier.services.search_vector import mail_search_refresh
from opq_intranet.core.files import private_file_store
from opq_intranet.core.numbering import next_reference


def _require_officer(user):
    if not permissions.handles_access_requests(user):
        raise PermissionDenied


def _locked(access_request):
    return (
        AccessRequest.objects.select_for_update()
        .select_related("mail_item__contact", "handled_by")
        .get(pk=access_request.pk)
    )


def clean_articles(raw):
    """ "53, 54 et 14" → ["14", "53", "54"]: the article numbers of the law, as typed."""
    parts = raw.replace(";", ",").replace(" et ", ",").split(",") if isinstance(raw, str) else raw
    articles = sorted({p.strip().removeprefix("art.").strip() for p in parts if p.strip()}, key=_article_order)
    bad = [a for a in articles if not a.replace(".", "").isalnum() or not a[0].isdigit()]
    if bad:
        raise ValidationError({"articles": _("Not an article number: %(bad)s") % {"bad": ", ".join(bad)}})
    return articles


def _article_order(article):
    digits = "".join(ch for ch in article if ch.isdigit() or ch == ".").split(".")[0]
    return (int(digits) if digits else 0, article)


@transaction.atomic
def access_request_open(*, mail_item, user, documents_requested):
    """Register the access request that an incoming item carries; its deadline runs from receipt."""
    _require_officer(user)
    item = MailItem.objects.select_for_update().get(pk=mail_item.pk)
    if item.direction != Direction.INCOMING:
        raise ValidationError(_("An access request is an incoming item."))
    if AccessRequest.objects.filter(mail_item=item).exists():
        raise ValidationError(_("This item already has its access request."))
    documents_requested = (documents_requested or "").strip()  # required: never the item's subject
    if not documents_requested:
        raise ValidationError({"documents_requested": _("Say which documents are requested.")})
    access_request = AccessRequest(
        mail_item=item,
        received_on=item.received_on,
        documents_requested=documents_requested,
        deadline=deadlines.response_deadline(item.received_on),
        handled_by=user,
    )
    access_request.full_clean(exclude=["reference"])
    access_request.reference = next_reference("courrier.access", prefix="DA", year=item.received_on.year)
    access_request.save()
    item.mail_type = MailType.ACCESS_REQUEST
    item.reply_due_on = access_request.deadline
    if item.status in (MailStatus.REGISTERED, MailStatus.ROUTED):
        item.status = MailStatus.IN_PROGRESS
    if item.assignee_id is None:
        item.assignee, item.routed_unit_id = user, item.routed_unit_id or user.org_unit_id
    item.save()
    return access_request


def _register_letter(access_request, user, *, sent_on, subject, content, name):
    """An outgoing item in reply to the request, with the letter attached as PDF."""
    request_item = access_request.mail_item
    letter = MailItem(
        direction=Direction.OUTGOING,
        sent_on=sent_on,
        channel=Channel.EMAIL if request_item.channel == Channel.EMAIL else Channel.POST,
        contact=request_item.contact,
        subject=subject,
        mail_type=MailType.LETTER,
        confidentiality=request_item.confidentiality,
        routed_unit_id=request_item.routed_unit_id,
        assignee=user,
        in_reply_to=request_item,
        status=MailStatus.CLOSED,
        closed_on=sent_on,
        registered_by=user,
    )
    letter.full_clean(exclude=["reference"])
    letter.reference = _number(letter)
    letter.save()
    stored = private_file_store(
        uploaded=ContentFile(content, name=name), owner=letter, user=user, allowed_types={"application/pdf"}
    )
    MailAttachment.objects.create(mail_item=letter, stored_file=stored, text="", added_by=user)
    mail_search_refresh([letter.pk])
    return letter


@transaction.atomic
def access_request_extend(*, access_request, user, notice_on, reason):
    """Extend the deadline once by 10 days (art. 47 par. 2), with the notice sent to the applicant."""
    _require_officer(user)
    access_request = _locked(access_request)
    if access_request.status != AccessRequestStatus.OPEN:
        raise ValidationError(_("This request is already answered."))
    if access_request.extended_on:
        raise ValidationError(_("The deadline can be extended only once."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the extension: the notice states it.")})
    if notice_on < access_request.received_on or notice_on > timezone.localdate():
        raise ValidationError({"notice_on": _("The notice is sent between the receipt and today.")})
    if not deadlines.extension_allowed(access_request.received_on, notice_on):
        raise ValidationError(
            {
                "notice_on": _("The deadline of %(deadline)s has expired: it can no longer be extended.")
                % {"deadline": access_request.deadline}
            }
        )
    access_request.extended_on = notice_on
    access_request.extension_reason = reason.strip()
    access_request.extended_deadline = deadlines.extended_deadline(access_request.received_on)
    access_request.save()
    _register_letter(
        access_request,
        user,
        sent_on=notice_on,
        subject=_("Extension of the deadline: %(reference)s") % {"reference": access_request.reference},
        content=letters.extension_notice(access_request),
        name=f"{access_request.reference}-prolongation.pdf",
    )
    item = access_request.mail_item
    item.reply_due_on = access_request.extended_deadline
    item.save(update_fields=["reply_due_on"])
    return access_request


@transaction.atomic
def access_request_decide(
    *, access_request, user, decision, articles, referred_to="", notes="", documents_concerned=""
):
    """Record the decision (before answering): which articles a refusal relies on, where a referral goes."""
    _require_officer(user)
    access_request = _locked(access_request)
    if access_request.status != AccessRequestStatus.OPEN:
        raise ValidationError(_("This request is already answered: its decision no longer changes."))
    articles = clean_articles(articles)
    if decision in DECISIONS_WITH_ARTICLES and not articles:
        raise ValidationError({"articles": _("Give the articles of the law this decision relies on.")})
    if decision == AccessDecision.REFERRED and not referred_to.strip():
        raise ValidationError({"referred_to": _("Name the body the request is referred to (art. 48).")})
    access_request.decision = decision
    access_request.articles = articles if decision in DECISIONS_WITH_ARTICLES else []
    access_request.referred_to = referred_to.strip() if decision == AccessDecision.REFERRED else ""
    access_request.decision_notes = notes
    access_request.documents_concerned = documents_concerned
    access_request.full_clean()
    access_request.save()
    return access_request


@transaction.atomic
def access_request_answer(*, access_request, user, answered_on):
    """Send the response: the letter, with the notice of recourse, registered as the reply."""
    _require_officer(user)
    access_request = _locked(access_request)
    if access_request.status != AccessRequestStatus.OPEN:
        raise ValidationError(_("This request is already answered."))
    if not access_request.decision:
        raise ValidationError(_("Record the decision before answering."))
    if answered_on < access_request.received_on or answered_on > timezone.localdate():
        raise ValidationError({"answered_on": _("The response is dated between the receipt and today.")})
    access_request.decided_on = answered_on
    access_request.status = AccessRequestStatus.ANSWERED
    access_request.response = _register_letter(
        access_request,
        user,
        sent_on=answered_on,
        subject=_("Response to the access request %(reference)s") % {"reference": access_request.reference},
        content=letters.response_letter(access_request),
        name=f"{access_request.reference}-reponse.pdf",
    )
    access_request.save()
    item = access_request.mail_item
    item.status = MailStatus.ANSWERED
    item.save(update_fields=["status"])
    return access_request


@transaction.atomic
def access_request_close(*, access_request, user):
    _require_officer(user)
    access_request = _locked(access_request)
    if access_request.status != AccessRequestStatus.ANSWERED:
        raise ValidationError(_("Only an answered request is closed."))
    access_request.status = AccessRequestStatus.CLOSED
    access_request.save(update_fields=["status"])
    item = access_request.mail_item
    item.status, item.closed_on = MailStatus.CLOSED, timezone.localdate()
    item.save(update_fields=["status", "closed_on"])
    return access_request


@transaction.atomic
def review_request_add(*, access_request, user, received_on, commission_reference="", notes=""):
    """The Commission notifies a request for review (art. 135) of the decision."""
    _require_officer(user)
    access_request = _locked(access_request)
    if access_request.status == AccessRequestStatus.OPEN:
        raise ValidationError(_("A review concerns a decision: answer the request first."))
    if received_on < access_request.received_on or received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The notice is dated between the request and today.")})
    review = ReviewRequest(
        access_request=access_request,
        received_on=received_on,
        commission_reference=commission_reference,
        notes=notes,
        recorded_by=user,
    )
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def review_request_decide(*, review, user, outcome, decided_on):
    _require_officer(user)
    review = ReviewRequest.objects.select_for_update().get(pk=review.pk)
    if outcome == ReviewOutcome.PENDING:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    if decided_on < review.received_on:
        raise ValidationError({"decided_on": _("The Commission decides after it is seized.")})
    review.outcome, review.decided_on = outcome, decided_on
    review.full_clean()
    review.save()
    return review
