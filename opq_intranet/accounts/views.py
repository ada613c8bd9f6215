"""Sign-in, sign-out, password reset and the second factor."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import i18n
from django.views.decorators.http import require_GET, require_http_methods

from opq_intranet.accounts import enrolment, otp, selectors, throttling
from opq_intranet.accounts.access import Audience, access
from opq_intranet.accounts.forms import LoginForm, NotificationPreferenceForm, TokenForm
from opq_intranet.accounts.landing import after_password_url, landing_url
from opq_intranet.core.redirects import safe_next_url

logger = logging.getLogger(__name__)


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session_expired"] = self.request.session.pop("opq_session_expired", False)
        return context

    def get_default_redirect_url(self):
        return reverse("accounts:after_login")

    def get_success_url(self):
        """The second factor first (for partners), then the `next` the person asked for if
        they may open it, else their home: never a page that refuses them."""
        next_url = self.get_redirect_url()  # Django's check: a path on this site, or ""
        if not next_url:
            return self.get_default_redirect_url()
        return after_password_url(self.request.user, next_url)


@access(Audience.SIGN_IN)
def after_login(request):
    """Where a person lands after their password: their second factor, then their home."""
    return redirect(after_password_url(request.user, safe_next_url(request, "")))


@access(Audience.ACCOUNT)
def no_app(request):
    """The home of an account that opens no application yet: says so, and whom to ask."""
    return render(request, "accounts/no_app.html", {"it_team": selectors.it_team()})


@access(Audience.SIGN_IN)
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Enrol an authenticator app: scan the QR code, type the first code.

    A stolen password alone must not let anyone enrol their own phone: replacing an existing
    device needs the current one first, and the first device of an account marked by IT
    (`User.first_device_from_it`) needs the one-time link IT issued (accounts/enrolment.py),
    which also lets a person who lost their phone enrol a new one.
    """
    user = request.user
    link = enrolment.link_in_session(request)
    has_device = otp.has_confirmed_device(user)
    if has_device and not user.is_verified() and link is None:
        return redirect(f"{reverse('accounts:otp_verify')}?next={reverse('accounts:otp_setup')}")
    if not has_device and user.first_device_from_it and link is None:
        return render(request, "accounts/otp_from_it.html", {"it_team": selectors.it_team()}, status=403)
    device = otp.pending_totp_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # django-otp refuses every code for a while after a wrong one: check that first.
        wait = otp.seconds_to_wait(device)
        codes = None
        if not wait:
            with transaction.atomic():
                codes = otp.confirm_enrolment(request=request, device=device, token=form.cleaned_data["token"])
                if codes is not None and link is not None:
                    enrolment.spend(request, link)
        if codes is not None:
            messages.success(request, _("Two-step verification is now active on your account."))
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next_url": landing_url(user, safe_next_url(request, ""))},
            )
        form.add_error(
            "token", _refusal(wait, _("This code is not valid. Check the time on your phone and try the current code."))
        )
    context = {
        "form": form,
        "qr_code": otp.qr_code_data_uri(device),
        "secret": otp.secret_for_display(device),
        "next": safe_next_url(request, ""),
    }
    return render(request, "accounts/otp_setup.html", context)


@access(Audience.SIGN_IN)
@require_GET
def otp_enrolment_link(request, token):
    """The one-time link IT issued: opened by its own account (signed in with the password),
    it lets the enrolment page accept a first device."""
    link = enrolment.link_for_token(token)
    if link is None or link.user_id != request.user.pk:
        return render(request, "accounts/enrolment_link_invalid.html", {"it_team": selectors.it_team()}, status=404)
    enrolment.remember(request, link)
    return redirect("accounts:otp_setup")


@access(Audience.SIGN_IN)
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    if request.user.is_verified():
        return redirect(landing_url(request.user, safe_next_url(request, "")))
    if not otp.has_confirmed_device(request.user):
        return redirect("accounts:otp_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = otp.throttled_seconds(request.user)
        if not wait and otp.verify_second_factor(request=request, token=form.cleaned_data["token"]):
            return redirect(landing_url(request.user, safe_next_url(request, "")))
        form.add_error("token", _refusal(wait, _("This code is not valid or has already been used.")))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": safe_next_url(request, "")})


def _refusal(wait, message):
    """The refusal message: a plain "not valid", or how long to wait when throttled."""
    if wait:
        return ngettext(
            "Too many wrong codes: wait %(seconds)s second, then type the current code.",
            "Too many wrong codes: wait %(seconds)s seconds, then type the current code.",
            wait,
        ) % {"seconds": wait}
    return message


@access(Audience.ACCOUNT)
@require_http_methods(["GET", "POST"])
def profile(request):
    """The person's account; POST saves how they hear of new work (422 when refused)."""
    form = NotificationPreferenceForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.instance.save(update_fields=["notification_delivery"])
        messages.success(request, _("Your notification preference is saved."))
        return redirect("accounts:profile")
    context = {"has_device": otp.has_confirmed_device(request.user), "preference_form": form}
    return render(request, "accounts/profile.html", context, status=422 if form.errors else 200)


@access(Audience.PUBLIC)
def set_language(request):
    """Django's language switch; a signed-in person's choice is also kept on their account,
    so that the emails and the "À traiter" entries written to them are in that language."""
    response = i18n.set_language(request)
    language = request.POST.get("language")
    user = request.user
    supported = {code for code, _name in settings.LANGUAGES}
    if request.method == "POST" and user.is_authenticated and language in supported and language != user.language:
        user.language = language
        user.save(update_fields=["language"])
    return response


# Django's views, with our templates and declared as public or signed-in.
logout_view = access(Audience.SIGN_IN)(auth_views.LogoutView.as_view())
password_change = access(Audience.ACCOUNT)(
    auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html", success_url=reverse_lazy("accounts:password_change_done")
    )
)
password_change_done = access(Audience.ACCOUNT)(
    auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html")
)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, limited in the shared cache: at most 3 emails per address and 10
    requests per source address an hour (settings.PASSWORD_RESET_PER_*). Past the address's
    limit the page answers exactly as always (sending nothing), so that it never tells
    whether an account exists; past the source address's, it says to wait (429)."""

    def form_valid(self, form):
        per_address, per_ip = throttling.password_reset_limits()
        if not per_ip.hit(throttling.client_ip(self.request)):
            form.add_error(None, _("Too many password reset requests from your network address. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if per_address.hit(form.cleaned_data["email"].strip().casefold()):
            return super().form_valid(form)
        logger.warning("Password reset: emails to one address held back for the hour.")
        return HttpResponseRedirect(self.get_success_url())


password_reset = access(Audience.PUBLIC)(
    PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
    )
)
password_reset_done = access(Audience.PUBLIC)(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)
password_reset_confirm = access(Audience.PUBLIC)(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = access(Audience.PUBLIC)(
    auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html")
)
login_view = access(Audience.PUBLIC)(LoginView.as_view())
