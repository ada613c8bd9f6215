"""The single access policy of the intranet.

Every URL is resolved to an `AccessRule`, and `AccessPolicyMiddleware` applies it before the
view runs. A view says who it is for with the `access()` decorator (function views and the
result of `as_view()`) or an `access_rule` class attribute (class-based views). A view that
says nothing is a staff view guarded by its app's `access_permission`: secure by default.

Audiences:
- PUBLIC: anyone, signed in or not (login, password reset, health check).
- SIGN_IN: the steps of signing in and out, for any signed-in person before their second
  factor: the landing after the password, two-factor enrolment (and its link from IT) and
  verification, sign-out.
- ACCOUNT: the person's own account (profile, password, the "no application yet" page): any
  signed-in person, with their second factor passed when their account has one to pass
  (partners, and accounts whose first device comes from IT: `User.first_device_from_it`).
- USER: any signed-in person, partners with their second factor verified (private file
  downloads, whose owner object then decides).
- PORTAL: partners of a professional order or a partner organisation (verified second factor,
  `accounts.access_portal`, and the rule's `permissions`) and staff who may see every order
  (`accounts.view_all_orders`) or hold one of the rule's `staff_any_of` (the exchange spaces,
  which staff share with partners: each sees only their spaces, in the selectors).
- STAFF: Office staff holding the permission(s); partners get 403 whatever the URL.
- ADMIN: the Django admin; staff with `is_staff` and a verified second factor.
- API: the orders' API; the view authenticates the request itself (token) and checks the
  account (bdsp/api): the middleware lets it through, like a public page.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.apps import apps


class Audience(StrEnum):
    PUBLIC = "public"
    SIGN_IN = "sign_in"
    ACCOUNT = "account"
    USER = "user"
    PORTAL = "portal"
    STAFF = "staff"
    ADMIN = "admin"
    API = "api"


@dataclass(frozen=True)
class AccessRule:
    """Who may open a view: the audience, every permission of `permissions`, and at least one
    of `any_of` when given (e.g. the mail room or the person responsible for access). For the
    portal, `permissions` apply to partners and `staff_any_of` lets staff in besides those
    who see every order."""

    audience: Audience = Audience.STAFF
    permissions: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    staff_any_of: tuple[str, ...] = ()

    @property
    def needs_second_factor(self):
        """Whether the rule's pages can ask for a second factor at all (`second_factor_required`
        says for whom)."""
        return self.audience not in (Audience.PUBLIC, Audience.SIGN_IN, Audience.API)


def access(audience=Audience.STAFF, *permissions):
    """Declare who a view is for: `@access(Audience.STAFF, "accounts.access_bdsp")`, or
    `@access(SOME_RULE)` with an `AccessRule` the app defines (e.g. with `any_of`)."""
    rule = audience if isinstance(audience, AccessRule) else AccessRule(Audience(audience), tuple(permissions))

    def decorate(view):
        view.access_rule = rule
        return view

    return decorate


ADMIN_RULE = AccessRule(Audience.ADMIN)
INTRANET_RULE = AccessRule(Audience.STAFF, ("accounts.access_intranet",))
PORTAL_RULE = AccessRule(Audience.PORTAL)


def rule_for(view_func, resolver_match):
    """The rule that applies to a resolved view (see the module docstring)."""
    rule = getattr(view_func, "access_rule", None)
    if rule is None:
        rule = getattr(getattr(view_func, "view_class", None), "access_rule", None)
    if rule is not None:
        return rule
    if resolver_match is not None and "admin" in resolver_match.namespaces:
        return ADMIN_RULE
    app_config = _app_config_of(view_func)
    permission = getattr(app_config, "access_permission", None)
    if permission:
        return AccessRule(Audience.STAFF, (permission,))
    return INTRANET_RULE


def _app_config_of(view_func):
    module = getattr(view_func, "__module__", "") or ""
    view_class = getattr(view_func, "view_class", None)
    if view_class is not None:
        module = view_class.__module__
    return apps.get_containing_app_config(module)


def second_factor_required(user, rule):
    """Whether `user` must have passed their second factor to open a page of `rule`: partners
    on every page past the sign-in steps; staff on the Django admin, and on their own account
    pages when their first device comes from IT (admin rights, or marked so by IT)."""
    if not rule.needs_second_factor:
        return False
    if user.is_partner or rule.audience == Audience.ADMIN:
        return True
    return rule.audience == Audience.ACCOUNT and user.first_device_from_it


def user_may(user, rule):
    """Whether a signed-in user satisfies the rule's audience and permissions (not 2FA)."""
    if rule.audience in (Audience.PUBLIC, Audience.SIGN_IN, Audience.ACCOUNT, Audience.USER):
        return True
    if rule.audience == Audience.ADMIN:
        return user.is_office_staff and user.is_active and user.is_staff
    if rule.audience == Audience.PORTAL:
        if user.is_partner:
            return all(user.has_perm(p) for p in ("accounts.access_portal", *rule.permissions))
        return user.has_perm("accounts.view_all_orders") or any(user.has_perm(p) for p in rule.staff_any_of)
    # STAFF: every staff page needs the basic intranet right on top of its own.
    needed = ("accounts.access_intranet", *rule.permissions)
    if not (user.is_office_staff and all(user.has_perm(p) for p in needed)):
        return False
    return not rule.any_of or any(user.has_perm(p) for p in rule.any_of)
