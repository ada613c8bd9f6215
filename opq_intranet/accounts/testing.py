"""Signing a user in without the login form, for tests and the benchmark."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_totp_device(user):
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="TOTP", confirmed=True)


def sign_in(client, user, *, verified=True):
    """Log `client` in as `user`; `verified` also marks the second factor as passed."""
    client.force_login(user)
    if verified:
        device = confirmed_totp_device(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
