"""A return's steps hand it to the analysts or back to the order, through core's notify()."""

import pytest
from django.core import mail
from django.urls import reverse

from bdsp import services
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import Notification
from opq_intranet.core.notifications import open_notifications_for
from tests.bdsp.conftest import submit
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def queue(person):
    return [(n.key, n.target) for n in open_notifications_for(person).items]


@pytest.fixture
def second_filer(filer):
    from tests.factories import PartnerFactory

    return PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=filer.professional_order)


def test_a_submitted_return_waits_in_the_analysts_queue(
    draft_return, filer, reader, other_filer, analyst, clean_entries, django_capture_on_commit_callbacks
):
    staff_without_the_role = UserFactory(roles=[Role.STAFF])
    with django_capture_on_commit_callbacks(execute=True):
        submit(draft_return, filer, clean_entries)
    assert queue(analyst) == [("bdsp.return_submitted", draft_return)]
    for person in (filer, reader, other_filer, staff_without_the_role):
        assert queue(person) == []
    [message] = mail.outbox
    assert message.to == [analyst.email]
    assert message.subject == "Déclaration annuelle à examiner : Ordre des infirmières et infirmiers du Québec, 2025"
    assert f"/portail/declarations/{draft_return.pk}/" in message.body
    assert Notification.objects.get(recipient=analyst).url == f"/portail/declarations/{draft_return.pk}/"


def test_returned_for_correction_goes_to_the_orders_declarants_then_clears_on_resubmission(
    draft_return, filer, second_filer, reader, other_filer, analyst, clean_entries, django_capture_on_commit_callbacks
):
    submit(draft_return, filer, clean_entries)
    with django_capture_on_commit_callbacks(execute=True):
        services.return_send_back(annual_return=draft_return, user=analyst, message="Les audiences manquent.")
    assert queue(analyst) == []  # the analysts' work is done
    assert queue(filer) == queue(second_filer) == [("bdsp.return_returned", draft_return)]
    assert queue(reader) == queue(other_filer) == []  # a reader does not file; another order never hears
    assert sorted(m.to[0] for m in mail.outbox) == sorted([filer.email, second_filer.email])
    assert "Les audiences manquent." in mail.outbox[0].body
    assert mail.outbox[0].subject == "Votre déclaration annuelle 2025 vous est retournée pour correction"

    services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier, secrétaire")
    assert queue(filer) == queue(second_filer) == []
    assert queue(analyst) == [("bdsp.return_submitted", draft_return)]


def test_an_accepted_return_leaves_the_analysts_queue_and_tells_the_order(
    draft_return, filer, analyst, clean_entries, django_capture_on_commit_callbacks
):
    other_analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST])
    submit(draft_return, filer, clean_entries)
    assert queue(other_analyst) == [("bdsp.return_submitted", draft_return)]
    with django_capture_on_commit_callbacks(execute=True):
        services.return_accept(annual_return=draft_return, user=analyst)
    assert queue(analyst) == queue(other_analyst) == []
    assert queue(filer) == [("bdsp.return_accepted", draft_return)]
    assert [m.subject for m in mail.outbox] == ["Votre déclaration annuelle 2025 est acceptée"]
    # The news is old once an amendment is opened.
    services.return_reopen(annual_return=draft_return, user=filer, reason="Erreur dans les radiations")
    assert queue(filer) == []


def test_the_news_of_an_accepted_return_leaves_a_declarants_queue_once_they_open_it(
    draft_return, filer, second_filer, analyst, clean_entries, make_client
):
    submit(draft_return, filer, clean_entries)
    services.return_accept(annual_return=draft_return, user=analyst)
    assert queue(filer) == queue(second_filer) == [("bdsp.return_accepted", draft_return)]
    make_client(filer).get(reverse("bdsp_portal:return_detail", args=[draft_return.pk]))
    assert queue(filer) == []
    assert queue(second_filer) == [("bdsp.return_accepted", draft_return)]  # not read by them yet


def test_each_step_through_the_pages_emails_whom_it_hands_the_return_to(
    make_client, draft_return, filer, second_filer, reader, other_filer, analyst, clean_entries,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    """Submitted: the analysts; returned for correction and accepted: the order's déclarants
    (never its reader, nor another order); each email links to the return."""
    from tests.bdsp.conftest import dates, fill

    fill(draft_return, filer, clean_entries)
    dates(draft_return, filer)
    link = f"/portail/declarations/{draft_return.pk}/"
    signed = {"attestation": "Julie Pelletier, secrétaire", "confirm": "on"}
    order_side, office = make_client(filer), make_client(analyst)

    def step(client, name, data):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse(f"bdsp_portal:{name}", args=[draft_return.pk]), data)
        assert response.status_code == 302, name
        assert all(link in message.body for message in mail.outbox)
        return sorted(address for message in mail.outbox for address in message.to)

    assert step(order_side, "return_submit", signed) == [analyst.email]
    assert step(office, "return_send_back", {"message": "Vérifiez les audiences."}) == sorted(
        [filer.email, second_filer.email]
    )
    assert "Vérifiez les audiences." in mail.outbox[0].body
    assert step(order_side, "return_submit", signed) == [analyst.email]
    assert step(office, "return_accept", {}) == sorted([filer.email, second_filer.email])
    assert mail.outbox[0].subject == "Votre déclaration annuelle 2025 est acceptée"
    assert reader.email not in {m.to[0] for m in mail.outbox} and other_filer.email not in {
        m.to[0] for m in mail.outbox
    }
