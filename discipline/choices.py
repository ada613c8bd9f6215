"""Enumerations of the disciplinary cases: complainants, statuses, hearings, verdicts, the
art. 156 sanctions, non-publication orders and appeals (Code des professions, RLRQ c. C-26)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ComplainantKind(models.TextChoices):
    """Who brings the complaint (art. 128 and 128.1 of the Code)."""

    SYNDIC = "syndic", _("Syndic of the order")
    ASSISTANT_SYNDIC = "assistant_syndic", _("Assistant syndic")
    AD_HOC_SYNDIC = "ad_hoc_syndic", _("Ad hoc syndic")
    PRIVATE = "private", _("Private complainant")


# Complainants that are the order's syndic in one capacity or another (the BDSP's s. 18 counts
# complaints by syndic and by other complainants).
SYNDIC_KINDS = (ComplainantKind.SYNDIC, ComplainantKind.ASSISTANT_SYNDIC, ComplainantKind.AD_HOC_SYNDIC)


class CaseStatus(models.TextChoices):
    FILED = "filed", pgettext_lazy("case status", "Filed")
    SERVED = "served", pgettext_lazy("case status", "Served")
    GUILT_HEARING = "guilt_hearing", _("Hearing on guilt scheduled")
    GUILT_ADVISEMENT = "guilt_advisement", _("Under advisement (guilt)")
    GUILT_DECIDED = "guilt_decided", _("Decision on guilt")
    SANCTION_HEARING = "sanction_hearing", _("Hearing on sanction scheduled")
    SANCTION_ADVISEMENT = "sanction_advisement", _("Under advisement (sanction)")
    SANCTION_DECIDED = "sanction_decided", _("Decision on sanction")
    GUILTY_PLEA = "guilty_plea", _("Guilty plea (guilt and sanction heard together)")
    APPEALED = "appealed", _("Appealed to the Tribunal des professions")
    CLOSED = "closed", pgettext_lazy("case status", "Closed")
    WITHDRAWN = "withdrawn", pgettext_lazy("case status", "Withdrawn")
    REJECTED = "rejected", pgettext_lazy("case status", "Rejected on preliminary grounds")


# A case that no longer moves (its last decision is final, or there is none to come).
ENDED_STATUSES = (CaseStatus.CLOSED, CaseStatus.WITHDRAWN, CaseStatus.REJECTED)
ADVISEMENT_STATUSES = (CaseStatus.GUILT_ADVISEMENT, CaseStatus.SANCTION_ADVISEMENT)
# Statuses in which the council can still hear the case (a hearing may be scheduled).
HEARABLE_STATUSES = (
    CaseStatus.FILED,
    CaseStatus.SERVED,
    CaseStatus.GUILT_HEARING,
    CaseStatus.GUILT_DECIDED,
    CaseStatus.SANCTION_HEARING,
    CaseStatus.GUILTY_PLEA,
)


class HearingKind(models.TextChoices):
    MANAGEMENT = "management", _("Management conference")
    GUILT = "guilt", _("Hearing on guilt")
    SANCTION = "sanction", _("Hearing on sanction")
    GUILTY_PLEA = "guilty_plea", _("Guilty plea (guilt and sanction)")
    PROVISIONAL = "provisional", _("Provisional measure (art. 122.0.2)")


# Hearings that are the hearing of the complaint itself (the "instruction"), as opposed to a
# management conference: the first one starts the delay "receipt → start of the hearing".
MERITS_HEARINGS = (HearingKind.GUILT, HearingKind.SANCTION, HearingKind.GUILTY_PLEA, HearingKind.PROVISIONAL)


class HearingVenue(models.TextChoices):
    QUEBEC = "quebec", _("Québec")
    MONTREAL = "montreal", _("Montréal")
    VIRTUAL = "virtual", _("Virtual")


class HearingOutcome(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class PostponementRequester(models.TextChoices):
    COMPLAINANT = "complainant", _("The complainant")
    RESPONDENT = "respondent", _("The respondent")
    BOTH = "both", _("Both parties")
    COUNCIL = "council", _("The council")


class DecisionStage(models.TextChoices):
    GUILT = "guilt", _("Decision on guilt")
    SANCTION = "sanction", _("Decision on sanction")
    GUILT_AND_SANCTION = "guilt_and_sanction", _("Decision on guilt and sanction")
    PRELIMINARY = "preliminary", _("Decision on preliminary grounds")
    PROVISIONAL = "provisional", _("Decision on a provisional measure")


# The decisions that end the council's hearing of the complaint: an appeal is of one of them.
FINAL_STAGES = (
    DecisionStage.SANCTION,
    DecisionStage.GUILT_AND_SANCTION,
    DecisionStage.PRELIMINARY,
    DecisionStage.GUILT,
)


class Verdict(models.TextChoices):
    PENDING = "pending", _("Not decided yet")
    GUILTY = "guilty", _("Guilty")
    NOT_GUILTY = "not_guilty", _("Not guilty")
    STAYED = "stayed", _("Stay of proceedings")


class SanctionKind(models.TextChoices):
    """The sanctions of art. 156, first paragraph, and the council's other orders."""

    REPRIMAND = "reprimand", _("Reprimand (156 a)")
    TEMPORARY_STRIKING_OFF = "temporary_striking_off", _("Temporary striking off the roll (156 b)")
    PERMANENT_STRIKING_OFF = "permanent_striking_off", _("Permanent striking off the roll (156 b)")
    FINE = "fine", _("Fine (156 c)")
    REMIT_MONEY = "remit_money", _("Remit a sum of money (156 d)")
    TRANSMIT_DOCUMENT = "transmit_document", _("Transmit or correct a document (156 d.1)")
    PERMIT_REVOCATION = "permit_revocation", _("Revocation of the permit (156 e)")
    SPECIALIST_REVOCATION = "specialist_revocation", _("Revocation of the specialist's certificate (156 f)")
    RESTRICTION = "restriction", _("Restriction of the right to practise (156 g)")
    SUSPENSION = "suspension", _("Suspension of the right to practise (156 g)")
    TRAINING = "training", _("Refresher training recommended (art. 160)")


# Sanctions that take a duration (months) and those that take an amount.
DURATION_SANCTIONS = (SanctionKind.TEMPORARY_STRIKING_OFF, SanctionKind.SUSPENSION, SanctionKind.RESTRICTION)
AMOUNT_SANCTIONS = (SanctionKind.FINE, SanctionKind.REMIT_MONEY)


class ProtectedMatter(models.TextChoices):
    """What a non-publication order of art. 142 covers."""

    NAME = "name", _("A person's name")
    DOCUMENT = "document", _("A document")
    IDENTIFYING_INFORMATION = "identifying", _("Information that identifies a patient or client")


class OrderScope(models.TextChoices):
    NON_DISCLOSURE = "non_disclosure", _("Non-disclosure")
    NON_PUBLICATION = "non_publication", _("Non-publication")
    NON_DISSEMINATION = "non_dissemination", _("Non-dissemination")


class AppealOutcome(models.TextChoices):
    PENDING = "pending", pgettext_lazy("appeal", "Pending")
    DISMISSED = "dismissed", _("Appeal dismissed")
    ALLOWED = "allowed", _("Appeal allowed")
    PARTLY_ALLOWED = "partly_allowed", _("Appeal partly allowed")
    RETURNED = "returned", _("Returned to the council")
    WITHDRAWN = "withdrawn", _("Appeal withdrawn")
