"""API tokens of the orders' accounts, kept as a SHA-256 digest: a copy of the database
gives nobody the means to call the API in an order's name."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def digest(key):
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def issue(self, user):
        """Replace the account's token with a new one; the clear key is returned only here."""
        key = secrets.token_urlsafe(32)
        self.filter(user=user).delete()
        self.create(user=user, key_digest=digest(key), prefix=key[:6])
        return key

    def matching(self, key):
        return self.select_related("user").filter(key_digest=digest(key)).first()


class ApiToken(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_token", verbose_name=_("account")
    )
    key_digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("first characters"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.user} ({self.prefix}…)"
