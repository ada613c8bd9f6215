"""The access law's deadlines on real dates, each expected date checked by hand on a calendar.

Art. 47: 20 calendar days after receipt; art. 47 par. 2: extended once by 10 days (30 days
after receipt) with a notice sent before the first deadline expires; art. 52 of the Loi
d'interprétation: a deadline on a jour férié (a Sunday or a day of art. 61) moves to the next
day that is not one; a Saturday is not a jour férié; the Office's closure days move nothing.
"""

from datetime import date

import pytest

from courrier import deadlines
from opq_intranet.core.models import OfficeClosure

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("received_on", "expected", "why"),
    [
        # The letter of the IT master plan: received Friday 13 December 2019, answered the 19th.
        (date(2019, 12, 13), date(2020, 1, 2), "Thursday 2 January is not a jour férié under I-16"),
        (date(2026, 3, 2), date(2026, 3, 23), "the 20th day is Sunday 22 March: Monday"),
        (date(2026, 3, 1), date(2026, 3, 21), "the 20th day is a Saturday: it stands"),
        (date(2026, 3, 17), date(2026, 4, 7), "the 20th day is Easter Monday 6 April: Tuesday"),
        (date(2026, 3, 14), date(2026, 4, 4), "Good Friday 3 April: Saturday 4 April, not a jour férié"),
        (date(2026, 6, 4), date(2026, 6, 25), "the 20th day is 24 June, the Fête nationale"),
        (date(2026, 6, 10), date(2026, 6, 30), "an ordinary Tuesday"),
        (date(2026, 6, 11), date(2026, 7, 2), "1 July (Canada Day) is a jour férié"),
        (date(2026, 12, 5), date(2026, 12, 26), "Christmas, then Saturday 26 December (an Office closure)"),
    ],
)
def test_the_response_deadline(received_on, expected, why):
    OfficeClosure.objects.get_or_create(date=date(2026, 12, 26), defaults={"label": "Fermeture des fêtes"})
    assert deadlines.response_deadline(received_on) == expected, why


@pytest.mark.parametrize(
    ("received_on", "expected"),
    [
        (date(2026, 3, 2), date(2026, 4, 1)),  # 30 days: Wednesday 1 April
        (date(2026, 3, 7), date(2026, 4, 7)),  # 30 days: Easter Monday 6 April → Tuesday
        (date(2026, 12, 5), date(2027, 1, 4)),  # 30 days: Monday 4 January 2027
        (date(2026, 5, 9), date(2026, 6, 8)),  # 30 days: Monday 8 June
    ],
)
def test_the_extended_deadline_is_30_days_after_receipt(received_on, expected):
    assert deadlines.extended_deadline(received_on) == expected


def test_the_extension_notice_must_be_sent_by_the_first_deadline():
    received = date(2026, 3, 2)  # first deadline: Monday 23 March (the 22nd is a Sunday)
    assert deadlines.extension_allowed(received, date(2026, 3, 23))
    assert not deadlines.extension_allowed(received, date(2026, 3, 24))


def test_the_review_deadline_is_30_days_after_the_decision():
    assert deadlines.review_deadline(date(2026, 6, 1)) == date(2026, 7, 2)  # 1 July is a jour férié
    assert deadlines.review_deadline(date(2019, 12, 19)) == date(2020, 1, 18)  # a Saturday stands
