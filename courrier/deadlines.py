"""Legal deadlines of access-to-information requests, from core's calendar service.

- Art. 47 of the access law (RLRQ c. A-2.1): the response is due within 20 days of the
  request's receipt. The days are calendar days, counted from the day after receipt.
- Art. 47 par. 2: before that deadline expires, the responsible person may extend it once, by
  at most 10 days, with a written notice to the applicant. The 10 days extend the 20-day
  period: the extended deadline is 30 days after receipt.
- Art. 52 of the Loi d'interprétation (RLRQ c. I-16): a deadline that expires on a jour férié
  (a Sunday or a day of art. 61) moves to the next day that is not one. The Office's own
  closure days (2 January, 26 December…) do not move it.
- Art. 135: a request for review to the Commission d'accès à l'information within 30 days of
  the decision.
"""

from opq_intranet.core.calendar import legal_deadline

RESPONSE_DAYS = 20
EXTENSION_DAYS = 10
REVIEW_DAYS = 30


def response_deadline(received_on):
    return legal_deadline(received_on, RESPONSE_DAYS)


def extended_deadline(received_on):
    return legal_deadline(received_on, RESPONSE_DAYS + EXTENSION_DAYS)


def extension_allowed(received_on, notice_on):
    """The notice must be sent before the first deadline expires (on its last day at the latest)."""
    return notice_on <= response_deadline(received_on)


def review_deadline(decided_on):
    return legal_deadline(decided_on, REVIEW_DAYS)
