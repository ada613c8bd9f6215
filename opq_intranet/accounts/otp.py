"""Second factor: TOTP enrolment with a QR code, recovery codes, verification."""

import base64
import io
import math

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
PENDING_DEVICE_NAME = "enrolment"


def pending_totp_device(user):
    """The unconfirmed device being enrolled; created on first call, reused after."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=PENDING_DEVICE_NAME).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, confirmed=False, name=PENDING_DEVICE_NAME)
    return device


def secret_for_display(device):
    """The key in base32, grouped by four, for people who type it into their app."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_uri(device):
    """The otpauth:// URL as a PNG data URI (allowed by the CSP's img-src data:)."""
    return qr_png_data_uri(device.config_url)


def qr_png_data_uri(text):
    """`text` as a QR code in a PNG data URI."""
    image = qrcode.make(text, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def seconds_to_wait(device):
    """Seconds before the device accepts another code after failures (django-otp throttling)."""
    allowed, info = device.verify_is_allowed()
    if allowed:
        return 0
    locked_until = (info or {}).get("locked_until")
    if locked_until is None:
        return 1
    return max(1, math.ceil((locked_until - timezone.now()).total_seconds()))


def throttled_seconds(user):
    """The wait imposed by the person's app device, if failures made it refuse codes for now."""
    waits = [seconds_to_wait(d) for d in TOTPDevice.objects.filter(user=user, confirmed=True)]
    return max(waits, default=0)


@transaction.atomic
def confirm_enrolment(*, request, device, token):
    """Check the first code; on success keep this device only and return recovery codes."""
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.name = "TOTP"
    device.save(update_fields=["confirmed", "name"])
    codes = regenerate_recovery_codes(user=device.user)
    otp_login(request, device)
    return codes


@transaction.atomic
def regenerate_recovery_codes(*, user):
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="Codes de récupération", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=c) for c in codes)
    return codes


def verify_second_factor(*, request, token):
    """A TOTP code or an unused recovery code; marks the session verified when it matches."""
    device = match_token(request.user, token.replace(" ", ""))
    if device is None:
        return False
    otp_login(request, device)
    return True


def has_confirmed_device(user):
    return any(True for _device in devices_for_user(user, confirmed=True))
