"""TOTP enrolment with a QR code, recovery codes, verification, replacing a device."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from opq_intranet.accounts import otp

pytestmark = pytest.mark.django_db


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_enrolment_page_shows_a_qr_code_and_the_key(make_client, partner_user):
    client = make_client(partner_user, verified=False)
    response = client.get("/compte/deux-etapes/activer/")
    assert response.status_code == 200
    assert response.context["qr_code"].startswith("data:image/png;base64,")
    device = TOTPDevice.objects.get(user=partner_user, confirmed=False)
    assert response.context["secret"].replace(" ", "") in otp.secret_for_display(device).replace(" ", "")
    # Reloading the page keeps the same pending key (the person may be scanning it).
    client.get("/compte/deux-etapes/activer/")
    assert TOTPDevice.objects.filter(user=partner_user).count() == 1


def test_enrolment_with_the_right_code_activates_and_gives_recovery_codes(make_client, partner_user):
    client = make_client(partner_user, verified=False)
    client.get("/compte/deux-etapes/activer/")
    device = TOTPDevice.objects.get(user=partner_user)
    response = client.post("/compte/deux-etapes/activer/", {"token": current_code(device)})
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    device.refresh_from_db()
    assert device.confirmed
    # The session is now verified: the portal opens.
    assert client.get("/portail/").status_code == 200


def test_enrolment_with_a_wrong_code_changes_nothing(make_client, partner_user):
    client = make_client(partner_user, verified=False)
    client.get("/compte/deux-etapes/activer/")
    response = client.post("/compte/deux-etapes/activer/", {"token": "000000"})
    assert response.status_code == 200
    assert response.context["form"].errors["token"]
    assert not TOTPDevice.objects.filter(user=partner_user, confirmed=True).exists()
    assert not StaticToken.objects.filter(device__user=partner_user).exists()
    assert client.get("/portail/").status_code == 302


def enrolled(partner_user):
    device = TOTPDevice.objects.create(user=partner_user, name="TOTP", confirmed=True)
    codes = otp.regenerate_recovery_codes(user=partner_user)
    return device, codes


def test_verification_with_the_app_code(make_client, partner_user):
    device, _codes = enrolled(partner_user)
    client = make_client(partner_user, verified=False)
    assert client.get("/portail/")["Location"].startswith("/compte/deux-etapes/verifier/")
    response = client.post("/compte/deux-etapes/verifier/?next=/portail/", {"token": current_code(device)})
    assert response["Location"] == "/portail/"
    assert client.get("/portail/").status_code == 200


def test_a_recovery_code_works_once(make_client, partner_user):
    _device, codes = enrolled(partner_user)
    client = make_client(partner_user, verified=False)
    assert client.post("/compte/deux-etapes/verifier/", {"token": codes[0]}).status_code == 302
    second = make_client(partner_user, verified=False)
    response = second.post("/compte/deux-etapes/verifier/", {"token": codes[0]})
    assert response.status_code == 200
    assert response.context["form"].errors["token"]


def test_wrong_code_is_refused(make_client, partner_user):
    enrolled(partner_user)
    client = make_client(partner_user, verified=False)
    response = client.post("/compte/deux-etapes/verifier/", {"token": "123456"})
    assert response.status_code == 200
    assert response.context["form"].errors["token"]
    assert client.get("/portail/").status_code == 302


def test_a_password_alone_cannot_replace_the_device(make_client, partner_user):
    """Someone with a stolen password must not be able to enrol their own phone."""
    enrolled(partner_user)
    client = make_client(partner_user, verified=False)
    response = client.get("/compte/deux-etapes/activer/")
    assert response["Location"].startswith("/compte/deux-etapes/verifier/")
    assert TOTPDevice.objects.filter(user=partner_user).count() == 1


def test_a_verified_person_can_replace_their_device(make_client, partner_user):
    client = make_client(partner_user)  # verified with a confirmed device
    old = TOTPDevice.objects.get(user=partner_user, confirmed=True)
    client.get("/compte/deux-etapes/activer/")
    pending = TOTPDevice.objects.get(user=partner_user, confirmed=False)
    client.post("/compte/deux-etapes/activer/", {"token": current_code(pending)})
    assert list(TOTPDevice.objects.filter(user=partner_user).values_list("pk", flat=True)) == [pending.pk]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()


def test_right_after_a_wrong_code_even_the_right_one_must_wait(make_client, partner_user):
    """django-otp throttles after a failure; the person is told to wait, not that the code is wrong."""
    device, _codes = enrolled(partner_user)
    client = make_client(partner_user, verified=False)
    client.post("/compte/deux-etapes/verifier/", {"token": "123456"})
    response = client.post("/compte/deux-etapes/verifier/", {"token": current_code(device)})
    assert response.status_code == 200
    assert "1" in response.context["form"].errors["token"][0]
    assert client.get("/portail/").status_code == 302
    # Once the pause is over, the current code works.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None, throttling_failure_count=0)
    response = client.post("/compte/deux-etapes/verifier/", {"token": current_code(device)})
    assert response.status_code == 302
