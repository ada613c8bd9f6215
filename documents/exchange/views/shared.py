"""Share and drop links, the visitor's side, under /partage/<secret>/: the only pages open to
someone without an account (Audience.PUBLIC: they work the same for a signed-in person).

Plain class-based views rather than core's object pages: they are outside the intranet's
shell (no navigation, breadcrumbs, history or actions), and their object is found by the
digest of a secret, never by an id. Each answers with `Referrer-Policy: strict-origin` (the
secret is in the URL's path: no request, not even to this site, carries it as a referrer;
`no-referrer` would make the browser send `Origin: null` with the forms, which Django's CSRF
check refuses) and `X-Robots-Tag: noindex`; `no-store` is global.

- An unknown, revoked, expired or used-up link (or one whose file or space is gone) answers
  the same page, "This link is no longer valid", in 404; a known one logs LINK_REFUSED.
- A password link asks for its password first; wrong tries are throttled per link and per
  address (services/links.py), 429 past the limit.
- A share link shows its file, or its folder's files and subfolders, each downloaded by a
  POST (a link checker that follows URLs spends no download), counted and logged.
- A drop link shows only an upload form; after a file, "Received: <its name>" only. The same
  link takes resumable uploads at /partage/<secret>/televerser/ (tus, documents/exchange/tus.py,
  with the drop link as the upload's target: CSRF on, the page's token in X-CSRFToken).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from documents.exchange import services
from documents.exchange.choices import LinkKind
from documents.exchange.forms import DropForm, LinkPasswordForm
from documents.exchange.services import links as link_services
from documents.exchange.tus import TusEndpoint, UploadTarget
from opq_intranet.accounts.access import AccessRule, Audience, access
from opq_intranet.core.files import private_file_response

PUBLIC_RULE = AccessRule(Audience.PUBLIC)
REFUSED = 422
# The names of the files this browser sent through each drop link, shown once.
SESSION_RECEIVED = "exchange_received"


def public_headers(response):
    response["Referrer-Policy"] = "strict-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def invalid_page(request):
    return render(request, "documents/exchange/shared/invalid.html", status=404)


class LinkView(View):
    """Resolves `secret` to a usable link (else the "no longer valid" page, in 404), checks
    the kind of link the page is for (`kinds`) and, for a password link, that this browser
    gave it (else the password page)."""

    access_rule = PUBLIC_RULE
    kinds = (LinkKind.DOWNLOAD, LinkKind.DROP)
    http_method_names = ["get", "post", "head"]

    def dispatch(self, request, secret, *args, **kwargs):
        return public_headers(self.resolve(request, secret, *args, **kwargs))

    def resolve(self, request, secret, *args, **kwargs):
        link = link_services.link_find(secret)
        if link is None:
            return invalid_page(request)
        if not link_services.link_usable(link):
            link_services.link_refused(link=link, request=request)
            return invalid_page(request)
        if link.kind not in self.kinds:
            # A drop link never serves or lists what is there, whatever the URL tried.
            link_services.link_refused(link=link, request=request)
            return invalid_page(request)
        self.link, self.secret = link, secret
        if not link_services.link_unlocked(link, request) and not self.open_before_password:
            return redirect("share:open", secret)
        return super().dispatch(request, *args, **kwargs)

    open_before_password = False

    def render(self, template, context=None, status=200):
        context = {
            "link": self.link,
            "space": self.link.space,
            "secret": self.secret,
            "max_size": settings.EXCHANGE_MAX_FILE_BYTES,
            **(context or {}),
        }
        return render(self.request, f"documents/exchange/shared/{template}", context, status=status)


class LinkOpenView(LinkView):
    """The link's page: its password form, its file, its folder, or its drop form. A POST
    here is a password."""

    open_before_password = True

    def get(self, request):
        if not link_services.link_unlocked(self.link, request):
            link_services.link_opened(link=self.link, request=request, detail=_("password asked"))
            return self.password_page(LinkPasswordForm())
        link_services.link_opened(link=self.link, request=request)
        if self.link.kind == LinkKind.DROP:
            received = request.session.pop(SESSION_RECEIVED, {}).get(str(self.link.pk), [])
            return self.render("drop.html", {"form": DropForm(), "received": received})
        if self.link.shared_file_id is not None:
            return self.render("file.html", {"shared_file": self.link.shared_file})
        subfolders, files = link_services.link_files(self.link)
        return self.render("folder.html", {"subfolders": subfolders, "files": files, "path": []})

    def post(self, request):
        if link_services.link_unlocked(self.link, request):
            return redirect("share:open", self.secret)
        wait = link_services.link_password_wait(link=self.link, request=request)
        if wait:
            response = self.render("too_many.html", {"minutes": max(1, round(wait / 60))}, status=429)
            response["Retry-After"] = str(wait)
            return response
        form = LinkPasswordForm(request.POST)
        if not form.is_valid():
            return self.password_page(form, status=REFUSED)
        if not link_services.link_unlock(link=self.link, password=form.cleaned_data["password"], request=request):
            form.add_error("password", _("This password is not the link's."))
            return self.password_page(form, status=REFUSED)
        return redirect("share:open", self.secret)

    def password_page(self, form, status=200):
        form.fields["password"].widget.attrs["autofocus"] = True
        return self.render("password.html", {"form": form}, status=status)


class LinkFolderView(LinkView):
    """A subfolder of a share link's folder."""

    kinds = (LinkKind.DOWNLOAD,)
    http_method_names = ["get", "head"]

    def get(self, request, folder_pk):
        found = link_services.link_folder(self.link, folder_pk)
        if found is None:
            return invalid_page(request)
        folder, path = found
        link_services.link_opened(link=self.link, request=request, detail=folder.name)
        subfolders, files = link_services.link_files(self.link, folder)
        return self.render("folder.html", {"folder": folder, "path": path, "subfolders": subfolders, "files": files})


class LinkDownloadView(LinkView):
    """A file through a share link: a POST (counted, logged, never past the limit); a GET
    leads back to the link's page."""

    kinds = (LinkKind.DOWNLOAD,)

    def get(self, request, file_pk=None):
        if link_services.link_file(self.link, file_pk) is None:
            return invalid_page(request)
        return redirect("share:open", self.secret)

    def post(self, request, file_pk=None):
        shared_file = link_services.link_file(self.link, file_pk)
        if shared_file is None:
            return invalid_page(request)
        if not link_services.link_download(link=self.link, shared_file=shared_file, request=request):
            return invalid_page(request)
        stored = shared_file.current_version.stored_file
        if stored.content_destroyed_at is not None:
            return invalid_page(request)
        return private_file_response(stored, filename=shared_file.name)


class LinkDropView(LinkView):
    """A file sent through a drop link (multipart form), into the link's folder."""

    kinds = (LinkKind.DROP,)
    http_method_names = ["post"]

    def post(self, request):
        form = DropForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                version = services.file_store(
                    space=self.link.space,
                    folder=self.link.folder,
                    uploaded=form.cleaned_data["uploaded"],
                    user=None,
                    link=self.link,
                    request=request,
                )
            except ValidationError as error:
                form.add_error("uploaded", error.messages)
            except PermissionDenied:
                return invalid_page(request)
            else:
                received = request.session.get(SESSION_RECEIVED, {})
                names = received.get(str(self.link.pk), [])
                received[str(self.link.pk)] = [*names, version.shared_file.name][-20:]
                request.session[SESSION_RECEIVED] = received
                return redirect("share:open", self.secret)
        return self.render("drop.html", {"form": form, "received": []}, status=REFUSED)


# --- Resumable uploads through a drop link (the tus protocol; function views: protocol endpoints).


def drop_target(request, *, secret):
    """A drop link's upload target: the link's folder, sent by the link (no person). Anything
    but a usable drop link answers 404; a password link not yet opened in this browser, 403."""
    link = link_services.link_find(secret)
    if link is None:
        raise Http404
    if not link_services.link_usable(link) or link.kind != LinkKind.DROP:
        link_services.link_refused(link=link, request=request)
        raise Http404
    if not link_services.link_unlocked(link, request):
        raise PermissionDenied
    return UploadTarget(space=link.space, folder=link.folder, link=link)


def _drop_location(upload, *, secret):
    return reverse("share:upload_resource", args=[secret, upload.uuid])


drop_endpoint = TusEndpoint(authorize=drop_target, location=_drop_location)


@access(PUBLIC_RULE)
def upload_collection(request, secret):
    """OPTIONS and POST (a new upload) through a drop link."""
    return public_headers(drop_endpoint.collection(request, secret=secret))


@access(PUBLIC_RULE)
def upload_resource(request, secret, uid):
    """HEAD, PATCH and DELETE of an upload through a drop link (its own uploads only)."""
    return public_headers(drop_endpoint.resource(request, uid, secret=secret))
