"""Decisions and appeals: record a decision (its verdict per count, its art. 156 sanctions per
count, its PDF), its service, an appeal to the Tribunal des professions and its outcome.

Checked here, each once:
- a decision on guilt gives every count a verdict; a decision on sanction gives every count
  found guilty at least one sanction, and none to the others;
- a fine is from 2 500 $ to 62 500 $ per count (art. 156 c);
- a count of a derogatory act of art. 59.1 gets a striking off of at least five years (unless
  the council found a shorter one justified) and a fine (art. 156, second paragraph);
- an appeal is filed within 30 days of the service of the decision (art. 164).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from discipline import deadlines
from discipline.choices import (
    AMOUNT_SANCTIONS,
    DURATION_SANCTIONS,
    AppealOutcome,
    CaseStatus,
    DecisionStage,
    SanctionKind,
    Verdict,
)
from discipline.models import Appeal, Decision, Sanction
from discipline.services.cases import locked, move, require_manager
from opq_intranet.core.files import private_file_store

FINE_MIN = Decimal("2500")
FINE_MAX = Decimal("62500")
DEROGATORY_MINIMUM_MONTHS = 60  # five years

# From which statuses each kind of decision is rendered, and where it takes the case.
DECISION_MOVES = {
    DecisionStage.GUILT: ((CaseStatus.GUILT_ADVISEMENT, CaseStatus.GUILT_HEARING), CaseStatus.GUILT_DECIDED),
    DecisionStage.SANCTION: (
        (CaseStatus.SANCTION_ADVISEMENT, CaseStatus.SANCTION_HEARING),
        CaseStatus.SANCTION_DECIDED,
    ),
    DecisionStage.GUILT_AND_SANCTION: (
        (CaseStatus.SANCTION_ADVISEMENT, CaseStatus.GUILTY_PLEA),
        CaseStatus.SANCTION_DECIDED,
    ),
    DecisionStage.PRELIMINARY: ((CaseStatus.FILED, CaseStatus.SERVED, CaseStatus.GUILT_HEARING), CaseStatus.REJECTED),
}


@dataclass
class SanctionInput:
    count: object
    kind: str
    months: int | None = None
    amount: Decimal | None = None
    shorter_striking_off_justified: bool = False
    details: str = ""


def _money(amount):
    return f"{int(amount):,}".replace(",", "\u00a0") + "\u00a0$"


def check_sanction(sanction):
    """[French message] of what is wrong with one sanction on its own."""
    problems = []
    label = _("Count %(number)s") % {"number": sanction.count.number}
    if sanction.kind not in SanctionKind.values:
        return [_("%(count)s: choose a sanction of art. 156.") % {"count": label}]
    kind = SanctionKind(sanction.kind)
    if kind in DURATION_SANCTIONS:
        if not sanction.months:
            problems.append(
                _("%(count)s: give the duration, in months, of the %(kind)s.")
                % {"count": label, "kind": kind.label.lower()}
            )
    elif sanction.months:
        problems.append(_("%(count)s: a %(kind)s has no duration.") % {"count": label, "kind": kind.label.lower()})
    if kind in AMOUNT_SANCTIONS:
        if sanction.amount is None or sanction.amount <= 0:
            problems.append(
                _("%(count)s: give the amount of the %(kind)s.") % {"count": label, "kind": kind.label.lower()}
            )
        elif kind == SanctionKind.FINE and not FINE_MIN <= sanction.amount <= FINE_MAX:
            problems.append(
                _(
                    "%(count)s: a fine is at least %(min)s and at most %(max)s per count (art. 156 c); "
                    "%(amount)s was given."
                )
                % {"count": label, "min": _money(FINE_MIN), "max": _money(FINE_MAX), "amount": _money(sanction.amount)}
            )
    elif sanction.amount is not None:
        problems.append(_("%(count)s: a %(kind)s has no amount.") % {"count": label, "kind": kind.label.lower()})
    return problems


def check_derogatory(count, sanctions):
    """Art. 156, second paragraph: the minimum sanctions of a derogatory act of art. 59.1."""
    if not count.derogatory_act:
        return []
    label = _("Count %(number)s") % {"number": count.number}
    problems = []
    kinds = {s.kind for s in sanctions}
    temporary = [s for s in sanctions if s.kind == SanctionKind.TEMPORARY_STRIKING_OFF]
    if SanctionKind.PERMANENT_STRIKING_OFF not in kinds:
        if not temporary:
            problems.append(
                _(
                    "%(count)s is a derogatory act of art. 59.1: it calls for a striking off of at least five years "
                    "(art. 156, second paragraph)."
                )
                % {"count": label}
            )
        elif all(
            (s.months or 0) < DEROGATORY_MINIMUM_MONTHS and not s.shorter_striking_off_justified for s in temporary
        ):
            problems.append(
                _(
                    "%(count)s is a derogatory act of art. 59.1: the striking off is at least five years (60 months), "
                    "unless the council found a shorter one justified."
                )
                % {"count": label}
            )
    if SanctionKind.FINE not in kinds:
        problems.append(
            _("%(count)s is a derogatory act of art. 59.1: it also calls for a fine (art. 156, second paragraph).")
            % {"count": label}
        )
    return problems


def _check_dates(advisement_on, rendered_on, served_on):
    today = timezone.localdate()
    errors = {}
    if rendered_on is None:
        errors["rendered_on"] = _("Give the date of the decision.")
    elif rendered_on > today:
        errors["rendered_on"] = _("The date cannot be later than today.")
    elif advisement_on and rendered_on < advisement_on:
        errors["rendered_on"] = _(
            "The decision cannot precede the day the matter was taken under advisement (%(date)s)."
        ) % {"date": advisement_on.isoformat()}
    if served_on:
        if served_on > today:
            errors["served_on"] = _("The date cannot be later than today.")
        elif rendered_on and served_on < rendered_on:
            errors["served_on"] = _("A decision cannot be served before it is rendered.")
    if errors:
        raise ValidationError(errors)


def _check_verdicts(counts, verdicts):
    missing = [
        c.number for c in counts if verdicts.get(c.pk) not in (Verdict.GUILTY, Verdict.NOT_GUILTY, Verdict.STAYED)
    ]
    if missing:
        raise ValidationError(
            {
                "verdicts": _("Give the verdict on every count (missing: %(counts)s).")
                % {"counts": ", ".join(map(str, missing))}
            }
        )


def _check_sanctions(counts, sanctions, guilty_ids):
    problems = []
    by_count = {c.pk: [] for c in counts}
    for sanction in sanctions:
        if sanction.count.pk not in guilty_ids:
            problems.append(
                _("Count %(number)s: only a count found guilty gets a sanction.") % {"number": sanction.count.number}
            )
            continue
        problems.extend(check_sanction(sanction))
        by_count[sanction.count.pk].append(sanction)
    for count in counts:
        if count.pk in guilty_ids:
            if not by_count[count.pk]:
                problems.append(_("Count %(number)s: give its sanction.") % {"number": count.number})
            else:
                problems.extend(check_derogatory(count, by_count[count.pk]))
    if problems:
        raise ValidationError({"sanctions": problems})


@transaction.atomic
def decision_record(
    *,
    case,
    user,
    stage,
    rendered_on,
    served_on=None,
    verdicts=None,
    sanctions=(),
    costs=None,
    publication_notice=False,
    provisional_execution=False,
    summary="",
    document=None,
):
    """Record a council's decision. `verdicts` is {count id: Verdict} (decisions on guilt, and
    on guilt and sanction); `sanctions` a list of SanctionInput (decisions on sanction)."""
    require_manager(user)
    current = locked(case)
    counts = list(current.counts.all())
    verdicts = verdicts or {}
    sanctions = list(sanctions)
    if stage == DecisionStage.PROVISIONAL:
        if not current.urgent:
            raise ValidationError(_("Only an urgent case (art. 122.0.2) has a decision on a provisional measure."))
        target = None
    elif stage in DECISION_MOVES:
        sources, target = DECISION_MOVES[stage]
        if current.status not in sources:
            raise ValidationError(
                _('A "%(stage)s" cannot be recorded for a case "%(status)s".')
                % {"stage": DecisionStage(stage).label, "status": CaseStatus(current.status).label}
            )
        if stage == DecisionStage.GUILT_AND_SANCTION and any(c.verdict != Verdict.PENDING for c in counts):
            raise ValidationError(_("The verdicts are already given: record a decision on sanction."))
    else:
        raise ValidationError({"stage": _("Choose the kind of decision.")})
    advisement_on = (
        current.advisement_since
        if current.status in (CaseStatus.GUILT_ADVISEMENT, CaseStatus.SANCTION_ADVISEMENT)
        else None
    )
    _check_dates(advisement_on, rendered_on, served_on)

    if stage in (DecisionStage.GUILT, DecisionStage.GUILT_AND_SANCTION):
        _check_verdicts(counts, verdicts)
        for count in counts:
            count.verdict = verdicts[count.pk]
    if stage in (DecisionStage.SANCTION, DecisionStage.GUILT_AND_SANCTION):
        guilty = {c.pk for c in counts if c.verdict == Verdict.GUILTY}
        if not guilty:
            raise ValidationError(_("No count was found guilty: there is no sanction to impose."))
        _check_sanctions(counts, sanctions, guilty)
    elif sanctions:
        raise ValidationError({"sanctions": _("Only a decision on sanction imposes sanctions.")})
    if costs is not None and costs < 0:
        raise ValidationError({"costs": _("The costs cannot be negative.")})

    decision = Decision(
        case=current,
        stage=stage,
        advisement_on=advisement_on,
        rendered_on=rendered_on,
        served_on=served_on,
        costs=costs,
        publication_notice=publication_notice,
        provisional_execution=provisional_execution,
        summary=(summary or "").strip(),
        created_by=user,
    )
    decision.full_clean()
    decision.save()
    if document is not None:
        decision.document = private_file_store(
            uploaded=document, owner=decision, user=user, allowed_types={"application/pdf"}
        )
        decision.save(update_fields=["document"])
    for count in counts:
        if stage in (DecisionStage.GUILT, DecisionStage.GUILT_AND_SANCTION):
            count.save(update_fields=["verdict"])
    Sanction.objects.bulk_create(
        Sanction(
            decision=decision,
            count=s.count,
            kind=s.kind,
            months=s.months or None,
            amount=s.amount,
            shorter_striking_off_justified=s.shorter_striking_off_justified,
            details=(s.details or "").strip(),
        )
        for s in sanctions
    )
    if target is not None:
        move(current, target, today=rendered_on)
        current.advisement_since = None
        current.save(update_fields=["status", "advisement_since", "closed_on"])
    return decision


@transaction.atomic
def decision_serve(*, decision, user, served_on):
    require_manager(user)
    current = Decision.objects.select_for_update().get(pk=decision.pk)
    if current.served_on:
        raise ValidationError({"served_on": _("The decision was already served.")})
    _check_dates(None, current.rendered_on, served_on)
    current.served_on = served_on
    current.save(update_fields=["served_on"])
    return current


@transaction.atomic
def appeal_file(*, case, user, filed_on, appellant, tribunal_number=""):
    """An appeal of the case's last decision to the Tribunal des professions (art. 164)."""
    from discipline.selectors import appeal_deadline_of, appealable_decision

    require_manager(user)
    current = locked(case)
    decision = appealable_decision(current)
    if decision is None or current.status not in (
        CaseStatus.GUILT_DECIDED,
        CaseStatus.SANCTION_DECIDED,
        CaseStatus.REJECTED,
    ):
        raise ValidationError(_("Only a decision that ends the council's hearing of the complaint can be appealed."))
    if current.status == CaseStatus.GUILT_DECIDED and current.counts.filter(verdict=Verdict.GUILTY).exists():
        raise ValidationError(
            _("A decision that finds the respondent guilty is appealed with the decision on sanction (art. 164).")
        )
    deadline = appeal_deadline_of(current)
    errors = {}
    if deadline is None:
        errors["filed_on"] = _("The decision has not been served yet: record its service first.")
    elif filed_on > timezone.localdate():
        errors["filed_on"] = _("The date cannot be later than today.")
    elif filed_on < decision.served_on:
        errors["filed_on"] = _("An appeal cannot precede the service of the decision.")
    elif filed_on > deadline:
        errors["filed_on"] = _(
            "The appeal delay ended on %(date)s (30 days from the service of the decision, art. 164)."
        ) % {"date": deadline.isoformat()}
    if not (appellant or "").strip():
        errors["appellant"] = _("Say who appeals.")
    if errors:
        raise ValidationError(errors)
    appeal = Appeal(
        case=current,
        decision=decision,
        filed_on=filed_on,
        appellant=appellant.strip(),
        tribunal_number=(tribunal_number or "").strip(),
        created_by=user,
    )
    appeal.full_clean()
    appeal.save()
    move(current, CaseStatus.APPEALED)
    current.save(update_fields=["status", "closed_on"])
    return appeal


@transaction.atomic
def appeal_decide(*, appeal, user, outcome, decided_on):
    """The Tribunal's decision: the case closes, or goes back to the council when returned."""
    require_manager(user)
    current = Appeal.objects.select_for_update().get(pk=appeal.pk)
    errors = {}
    if current.outcome != AppealOutcome.PENDING:
        raise ValidationError(_("The outcome of this appeal is already recorded."))
    if outcome not in AppealOutcome.values or outcome == AppealOutcome.PENDING:
        errors["outcome"] = _("Choose the outcome of the appeal.")
    if decided_on is None or decided_on > timezone.localdate():
        errors["decided_on"] = _("The date cannot be later than today.")
    elif decided_on < current.filed_on:
        errors["decided_on"] = _("The Tribunal cannot decide before the appeal is filed.")
    if errors:
        raise ValidationError(errors)
    current.outcome, current.outcome_on = outcome, decided_on
    current.save(update_fields=["outcome", "outcome_on"])
    case = locked(current.case)
    move(case, CaseStatus.GUILT_DECIDED if outcome == AppealOutcome.RETURNED else CaseStatus.CLOSED, today=decided_on)
    case.save(update_fields=["status", "closed_on"])
    return current


def enforceable_on(decision):
    """The day the decision is enforceable (art. 158), from what is recorded."""
    appealed = decision.appeals.exclude(outcome=AppealOutcome.WITHDRAWN).exists()
    return deadlines.enforceable_on(decision, sanctions=list(decision.sanctions.all()), appealed=appealed)
