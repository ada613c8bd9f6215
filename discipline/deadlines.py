"""The legal delays of a disciplinary case, each computed here and nowhere else, on core's
calendar service (opq_intranet/core/calendar.py). Checked on hand-computed dates in
tests/discipline/test_deadlines.py.

- Urgent track (art. 122.0.2, immediate provisional suspension or restriction): the hearing
  must begin within 10 days of the service of the application, and the decision follow
  within DISCIPLINE_URGENT_DECISION_DAYS (10) days of the end of the hearing. The Code's
  delays before the council are counted as the Loi d'interprétation does (art. 52: a delay
  that expires on a jour férié moves to the next day that is not; a Saturday stands).
- Decision under advisement (art. 154.1): within 90 days of the day the matter was taken
  under advisement; the Bureau flags a case at 60 days and at 90.
- Appeal to the Tribunal des professions (art. 164): within 30 days of the service of the
  decision; the appeal of a decision that finds the respondent guilty runs from the service
  of the decision on sanction. The appeal is brought "conformément au Code de procédure
  civile", so its delay is counted as that Code counts (art. 82-83: a delay that expires on a
  Saturday, a Sunday, a jour férié, 26 December or 2 January moves to the next day that is not).
- Enforceable (art. 158): at the expiry of the appeal delay, or from its service when the
  council orders provisional execution; an appeal suspends it (art. 166), except for the
  decisions art. 166 lists as enforceable notwithstanding appeal.
"""

from datetime import timedelta

from django.conf import settings

from discipline.choices import DecisionStage, SanctionKind, Verdict
from opq_intranet.core.calendar import legal_deadline

URGENT_HEARING_DAYS = 10
ADVISEMENT_DAYS = 90
ADVISEMENT_WARNING_DAYS = 60
APPEAL_DAYS = 30

# Art. 166, second paragraph: enforceable notwithstanding appeal (par. 3 and 4: permanent
# striking off, revocations, permanent restriction or suspension, and the temporary striking
# off of a derogatory act of art. 59.1).
ENFORCEABLE_NOTWITHSTANDING_APPEAL = (
    SanctionKind.PERMANENT_STRIKING_OFF,
    SanctionKind.PERMIT_REVOCATION,
    SanctionKind.SPECIALIST_REVOCATION,
)


def urgent_decision_days():
    return getattr(settings, "DISCIPLINE_URGENT_DECISION_DAYS", 10)


def urgent_hearing_deadline(served_on):
    """The last day the hearing of an urgent case may begin (art. 122.0.2)."""
    if served_on is None:
        return None
    return legal_deadline(served_on, URGENT_HEARING_DAYS)


def urgent_decision_deadline(hearing_ended_on):
    """The last day of the decision on an urgent application, from the end of its hearing."""
    if hearing_ended_on is None:
        return None
    return legal_deadline(hearing_ended_on, urgent_decision_days())


def advisement_deadline(advisement_on):
    """Art. 154.1: the decision within 90 days of the taking under advisement."""
    if advisement_on is None:
        return None
    return legal_deadline(advisement_on, ADVISEMENT_DAYS)


def rendered_within_advisement_delay(advisement_on, rendered_on):
    """Whether a decision taken under advisement was rendered within art. 154.1's delay."""
    return rendered_on <= advisement_deadline(advisement_on)


def advisement_flag(advisement_on, today):
    """ "late" past the 90-day deadline, "warning" from the 60th day, "" before (or none)."""
    if advisement_on is None:
        return ""
    if today > advisement_deadline(advisement_on):
        return "late"
    if (today - advisement_on).days >= ADVISEMENT_WARNING_DAYS:
        return "warning"
    return ""


def appeal_deadline(served_on):
    """The last day to appeal a decision served on `served_on` (art. 164, counted as the Code
    de procédure civile counts)."""
    if served_on is None:
        return None
    return legal_deadline(served_on, APPEAL_DAYS, civil_procedure=True)


def finds_guilt(decision, counts):
    """A decision on guilt that finds the respondent guilty of at least one count: its appeal
    runs from the decision on sanction (art. 164, last sentence)."""
    return decision.stage == DecisionStage.GUILT and any(count.verdict == Verdict.GUILTY for count in counts)


def decision_appeal_deadline(decision, counts, sanction_decision=None):
    """The appeal deadline of `decision` (None while it does not run yet)."""
    if finds_guilt(decision, counts):
        return appeal_deadline(sanction_decision.served_on) if sanction_decision is not None else None
    return appeal_deadline(decision.served_on)


def enforceable_on(decision, *, sanctions=(), appealed=False):
    """The day `decision` becomes enforceable (art. 158), or None while it is not (not served
    yet, or suspended by an appeal, art. 166)."""
    if decision.served_on is None:
        return None
    if decision.provisional_execution:
        return decision.served_on
    if appealed and not any(s.kind in ENFORCEABLE_NOTWITHSTANDING_APPEAL for s in sanctions):
        return None
    return appeal_deadline(decision.served_on) + timedelta(days=1)
