"""IT issues a person's one-time link to enrol their first two-step device (accounts/enrolment.py).

    manage.py issue_enrolment_link declarant.infirmieres [--hours 72]

Prints the link (and a QR code of it, to show on a screen); hand it to the person through
another channel than their password. A new link replaces the person's unused ones.
"""

import io
from datetime import timedelta

import qrcode
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from opq_intranet.accounts.enrolment import DEFAULT_VALIDITY, enrolment_link_issue
from opq_intranet.accounts.models import User


class Command(BaseCommand):
    help = "Issue a one-time link with which a person enrols their first two-step device."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--hours",
            type=int,
            default=int(DEFAULT_VALIDITY.total_seconds() // 3600),
            help="How long the link stays valid (hours, 1 to 720).",
        )

    def handle(self, username, hours, **options):
        if not 1 <= hours <= 720:
            raise CommandError("--hours must be between 1 and 720.")
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active account is named {username}.")
        link, url = enrolment_link_issue(user=user, validity=timedelta(hours=hours))
        expires = timezone.localtime(link.expires_at)
        self.stdout.write(f"Enrolment link for {user.get_full_name() or user.username} ({user.username}):")
        self.stdout.write(url)
        self.stdout.write(f"Valid once, until {expires:%Y-%m-%d %H:%M}.")
        self.stdout.write("Hand it over by another channel than the password.")
        code = qrcode.QRCode(border=1)
        code.add_data(url)
        text = io.StringIO()
        code.print_ascii(out=text)
        self.stdout.write(text.getvalue())
