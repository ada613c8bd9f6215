"""The one user model: staff of the Office, or partners who work for a professional order."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opq_intranet.core.choices import NotificationDelivery
from opq_intranet.core.history import track_history


class UserKind(models.TextChoices):
    STAFF = "staff", _("Office staff")
    PARTNER = "partner", _("Partner (order or organisation)")


@track_history()
class User(AbstractUser):
    kind = models.CharField(_("kind of account"), max_length=10, choices=UserKind.choices, default=UserKind.STAFF)
    professional_order = models.ForeignKey(
        "core.ProfessionalOrder",
        verbose_name=_("professional order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partner_users",
        help_text=_("Required for a professional-order account, empty for staff."),
    )
    partner_organisation = models.ForeignKey(
        "core.PartnerOrganisation",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partner_users",
        help_text=_("For a partner account of an organisation that is not an order (exchange spaces only)."),
    )
    org_unit = models.ForeignKey(
        "core.OrgUnit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    site = models.ForeignKey("core.Site", verbose_name=_("site"), null=True, blank=True, on_delete=models.SET_NULL)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    # The language chosen with the language switch (empty: the Office's, French): emails
    # and the "À traiter" queue are written in it.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)
    notification_delivery = models.CharField(
        _("notification emails"),
        max_length=10,
        choices=NotificationDelivery.choices,
        default=NotificationDelivery.IMMEDIATE,
    )
    second_factor_from_it = models.BooleanField(
        _("first two-step device from IT"),
        default=False,
        help_text=_(
            "The first authenticator app is enrolled only with a one-time link issued by IT, never with "
            "the password alone. Always so for accounts with admin rights."
        ),
    )

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # A partner belongs to exactly one order or one partner organisation and never
            # gets Django admin rights; staff belong to neither.
            models.CheckConstraint(
                condition=(
                    (
                        models.Q(kind=UserKind.PARTNER, is_staff=False, is_superuser=False)
                        & (
                            models.Q(professional_order__isnull=False, partner_organisation__isnull=True)
                            | models.Q(professional_order__isnull=True, partner_organisation__isnull=False)
                        )
                    )
                    | models.Q(kind=UserKind.STAFF, professional_order__isnull=True, partner_organisation__isnull=True)
                ),
                name="accounts_user_kind_order_consistent",
                violation_error_message=_(
                    "A partner account needs its order or its organisation (not both) and cannot have "
                    "administration rights; a staff account has neither."
                ),
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_ci_uniq",
                violation_error_message=_("Another account already uses this email address."),
            ),
        ]
        permissions = [
            # Module access: one per application; roles (groups) grant them.
            ("access_intranet", "Can use the staff intranet"),
            ("access_portal", "Can use the professional-order portal"),
            ("view_all_orders", "Can see the portal data of every professional order"),
            ("access_bdsp", "Can use the BDSP"),
            ("access_discipline", "Can use disciplinary case tracking"),
            ("access_administrateurs", "Can use the administrators and candidates bank"),
            ("access_documents", "Can use records management"),
            ("access_courrier", "Can use mail and mandates"),
            ("access_inventaire", "Can use the asset inventory"),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def get_absolute_url(self):
        return reverse("core:person_detail", args=[self.pk])

    @property
    def is_partner(self):
        return self.kind == UserKind.PARTNER

    @property
    def is_office_staff(self):
        return self.kind == UserKind.STAFF

    @property
    def first_device_from_it(self):
        """Whether this account's first two-step device comes only from a link IT issues
        (marked so by IT, or an account with admin rights); its own account pages then need
        the second factor too."""
        return self.second_factor_from_it or self.is_staff or self.is_superuser


class EnrolmentLink(models.Model):
    """A one-time link with which a person enrols their first two-step device (issued by IT,
    `accounts/enrolment.py`). Only the SHA-256 digest of its secret is kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="enrolment_links"
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("two-step enrolment link")
        verbose_name_plural = _("two-step enrolment links")

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d %H:%M})"
