"""Share and drop links: created and revoked by the Office's read-write members, opened by
anyone who holds the secret URL.

- The secret (`secrets.token_urlsafe(32)`) is shown once; only its SHA-256 is stored, and a
  link is found by the digest of what the visitor sent (a unique index lookup: no comparison
  of secrets that could leak by timing).
- A link expires at the end of the day its creator chose (Québec time), at most
  `settings.EXCHANGE_LINK_MAX_DAYS` days ahead; its password is kept as Django's password hash.
- A wrong password counts against the link and against the visitor's address
  (`accounts/throttling.py`, shared by every worker); past the limit even the right password
  is refused until the window passes.
- A download is claimed by one conditional UPDATE (`download_count < max_downloads`), so two
  downloads at the same moment never pass the limit.
- Every access through a link is an event of the space's audit trail, with the address.
"""

import hashlib
import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from documents.exchange import permissions
from documents.exchange.choices import EventAction, LinkKind, LinkState
from documents.exchange.models import Folder, SharedFile, ShareLink
from documents.exchange.services.audit import event_log
from opq_intranet.accounts.throttling import SlidingWindowLimit, client_ip

SECRET_BYTES = 32
PASSWORD_MIN_LENGTH = 8
# Wrong passwords: per link (whatever the address) and per address (whatever the link).
PASSWORD_WINDOW_SECONDS = 15 * 60
PASSWORD_TRIES_PER_LINK = 5
PASSWORD_TRIES_PER_ADDRESS = 20
# The links whose password this browser gave, in its session (link ids).
SESSION_KEY = "exchange_unlocked_links"


def secret_digest(secret):
    return hashlib.sha256(str(secret).encode()).hexdigest()


def link_state(link, now=None):
    """Active, expired, revoked or used up (a drop link is never used up)."""
    now = now or timezone.now()
    if link.revoked_at is not None:
        return LinkState.REVOKED
    if link.expires_at <= now:
        return LinkState.EXPIRED
    if link.kind == LinkKind.DOWNLOAD and link.max_downloads is not None and link.download_count >= link.max_downloads:
        return LinkState.USED_UP
    return LinkState.ACTIVE


def latest_expiry_date(today=None):
    return (today or timezone.localdate()) + timedelta(days=settings.EXCHANGE_LINK_MAX_DAYS)


def expiry_moment(day):
    """A link chosen to last until `day` works through that whole day, Québec time."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def check_expiry_date(day, today=None):
    """A French ValidationError for a date in the past or beyond the Office's maximum."""
    today = today or timezone.localdate()
    if day < today:
        raise ValidationError(_("The expiry date cannot be in the past."), code="past")
    latest = latest_expiry_date(today)
    if day > latest:
        raise ValidationError(
            _("A link lasts at most %(days)s days: choose a date up to %(date)s.")
            % {"days": settings.EXCHANGE_LINK_MAX_DAYS, "date": date_format(latest, "SHORT_DATE_FORMAT")},
            code="too_far",
        )


def _folder_ids_under(space, folder):
    """The ids of `folder` and of every folder below it (one query)."""
    children = {}
    for pk, parent_id in Folder.objects.filter(space=space).values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, todo = set(), [folder.pk if folder is not None else None]
    while todo:
        current = todo.pop()
        for child in children.get(current, []):
            if child not in found:
                found.add(child)
                todo.append(child)
    if folder is not None:
        found.add(folder.pk)
    return found


@transaction.atomic
def link_create(
    *,
    space,
    user,
    kind,
    expires_on,
    label="",
    shared_file=None,
    folder=None,
    password="",
    max_downloads=None,
    request=None,
):
    """A new link to `shared_file`, or to `folder` (None with no file: the space's root).
    Returns `(link, secret)`: the secret is never stored, the caller shows it once."""
    if not permissions.can_share(user, space):
        raise PermissionDenied
    if (shared_file is not None and shared_file.space_id != space.pk) or (
        folder is not None and folder.space_id != space.pk
    ):
        raise PermissionDenied
    if shared_file is not None and not shared_file.is_available:
        raise ValidationError(_("This file was deleted; it cannot be shared."))
    if kind == LinkKind.DROP:
        if shared_file is not None:
            raise ValidationError(_("A drop link receives files into a folder, not into a file."))
        if max_downloads is not None:
            raise ValidationError(_("A drop link serves no download: it has no download limit."))
    check_expiry_date(expires_on)
    if password and len(password) < PASSWORD_MIN_LENGTH:
        raise ValidationError(
            _("The password must have at least %(count)s characters.") % {"count": PASSWORD_MIN_LENGTH}
        )
    secret = secrets.token_urlsafe(SECRET_BYTES)
    link = ShareLink(
        space=space,
        kind=kind,
        shared_file=shared_file,
        folder=folder if shared_file is None else None,
        label=label.strip(),
        digest=secret_digest(secret),
        expires_at=expiry_moment(expires_on),
        password_hash=make_password(password) if password else "",
        max_downloads=max_downloads if kind == LinkKind.DOWNLOAD else None,
        created_by=user,
    )
    link.full_clean()
    link.save()
    event_log(
        space=space,
        action=EventAction.LINK_CREATED,
        user=user,
        link=link,
        shared_file=shared_file,
        object_name=link_target_name(link),
        detail=_link_detail(link),
        request=request,
    )
    return link, secret


def link_target_name(link):
    if link.shared_file_id is not None:
        return link.shared_file.name
    if link.folder_id is not None:
        return link.folder.name
    return link.space.name


def _link_detail(link):
    parts = [link.get_kind_display(), link.label, f"→ {timezone.localtime(link.expires_at):%Y-%m-%d %H:%M}"]
    if link.has_password:
        parts.append(_("password"))
    if link.max_downloads:
        parts.append(_("limit %(count)s") % {"count": link.max_downloads})
    return " · ".join(part for part in parts if part)


@transaction.atomic
def link_revoke(*, link, user, request=None):
    """The link stops working at once; its row and its trail stay."""
    link = ShareLink.objects.select_for_update().select_related("space").get(pk=link.pk)
    if not permissions.can_share(user, link.space):
        raise PermissionDenied
    if link.revoked_at is not None:
        raise ValidationError(_("This link is already revoked."))
    link.revoked_at = timezone.now()
    link.revoked_by = user
    link.full_clean()
    link.save(update_fields=["revoked_at", "revoked_by"])
    event_log(
        space=link.space,
        action=EventAction.LINK_REVOKED,
        user=user,
        link=link,
        shared_file=link.shared_file,
        object_name=link_target_name(link),
        detail=link.label,
        request=request,
    )
    return link


# --- The visitor's side ---------------------------------------------------------------------


def link_find(secret):
    """The link whose secret this is, or None (whatever its state)."""
    if not secret or len(secret) > 200:
        return None
    return (
        ShareLink.objects.select_related("space", "shared_file__current_version__stored_file", "folder")
        .filter(digest=secret_digest(secret))
        .first()
    )


def link_usable(link, now=None):
    """Whether the link opens anything: active, in an open space, its file still there."""
    if link is None or link_state(link, now) != LinkState.ACTIVE or not link.space.is_active:
        return False
    return link.shared_file_id is None or link.shared_file.is_available


def _refusal_reason(link):
    state = link_state(link)
    if state != LinkState.ACTIVE:
        return str(state.label)
    return _("Its file or its space is no longer available.")


def link_refused(*, link, request):
    """Log a visit of a link that no longer opens anything (the page is the same for all)."""
    event_log(
        space=link.space,
        action=EventAction.LINK_REFUSED,
        link=link,
        object_name=link_target_name(link),
        detail=_refusal_reason(link),
        request=request,
    )


def link_opened(*, link, request, detail=""):
    event_log(
        space=link.space,
        action=EventAction.LINK_OPENED,
        link=link,
        shared_file=link.shared_file,
        object_name=link_target_name(link),
        detail=detail,
        request=request,
    )


def password_limits():
    return (
        SlidingWindowLimit("share-link-password", PASSWORD_TRIES_PER_LINK, PASSWORD_WINDOW_SECONDS),
        SlidingWindowLimit("share-link-password-ip", PASSWORD_TRIES_PER_ADDRESS, PASSWORD_WINDOW_SECONDS),
    )


def link_password_wait(*, link, request):
    """Seconds the visitor must wait before trying a password again (0: now)."""
    per_link, per_address = password_limits()
    return max(per_link.seconds_to_wait(link.pk), per_address.seconds_to_wait(client_ip(request)))


def link_unlocked(link, request):
    return not link.has_password or link.pk in request.session.get(SESSION_KEY, [])


def link_unlock(*, link, password, request):
    """Check the password: True opens the link for this browser's session (this link only);
    a wrong one is logged and counted. The caller asks `link_password_wait` first."""
    if check_password(password or "", link.password_hash):
        unlocked = [pk for pk in request.session.get(SESSION_KEY, []) if pk != link.pk]
        request.session[SESSION_KEY] = [*unlocked, link.pk][-20:]
        return True
    per_link, per_address = password_limits()
    per_link.hit(link.pk)
    per_address.hit(client_ip(request))
    event_log(
        space=link.space,
        action=EventAction.LINK_PASSWORD_WRONG,
        link=link,
        object_name=link_target_name(link),
        request=request,
    )
    return False


def link_files(link, folder=None):
    """What a share link to a folder shows in `folder` (the link's own folder by default):
    its subfolders and its available files, each one query."""
    folder = folder if folder is not None else link.folder
    subfolders = list(Folder.objects.filter(space_id=link.space_id, parent=folder).order_by("name", "pk"))
    files = list(
        SharedFile.objects.filter(
            space_id=link.space_id, folder=folder, deleted_at__isnull=True, purged_at__isnull=True
        )
        .select_related("current_version__stored_file")
        .order_by("name", "pk")
    )
    return subfolders, files


def link_folder(link, folder_pk):
    """A folder a share link to a folder reaches (its own, or one below it) and the path to
    it from the link's folder (excluded), or None. One query."""
    if link.kind != LinkKind.DOWNLOAD or link.shared_file_id is not None:
        return None
    folders = {f.pk: f for f in Folder.objects.filter(space_id=link.space_id).only("pk", "parent_id", "name")}
    path, current = [], folders.get(folder_pk)
    while current is not None and current.pk != link.folder_id and len(path) <= len(folders):
        path.insert(0, current)
        current = folders.get(current.parent_id)
    reached = (current is not None and current.pk == link.folder_id) or (current is None and link.folder_id is None)
    if not path or not reached:
        return None
    return path[-1], path


def link_file(link, file_pk=None):
    """The available file a share link serves: its own file, or (`file_pk`) one in its folder
    or below; None for anything else, and always for a drop link."""
    if link.kind != LinkKind.DOWNLOAD:
        return None
    if link.shared_file_id is not None:
        return link.shared_file if file_pk in (None, link.shared_file_id) and link.shared_file.is_available else None
    if file_pk is None:
        return None
    shared_file = (
        SharedFile.objects.filter(space_id=link.space_id, pk=file_pk, deleted_at__isnull=True, purged_at__isnull=True)
        .select_related("current_version__stored_file")
        .first()
    )
    if shared_file is None or shared_file.current_version_id is None:
        return None
    folder_ids = _folder_ids_under(link.space, link.folder)
    if link.folder_id is None:
        folder_ids.add(None)  # the space's root itself
    return shared_file if shared_file.folder_id in folder_ids else None


@transaction.atomic
def link_download(*, link, shared_file, request):
    """Count one download through the link, or refuse it (False) when the link has just
    expired, been revoked or used up. One conditional UPDATE: two downloads at once never
    pass the limit."""
    now = timezone.now()
    claimed = (
        ShareLink.objects.filter(pk=link.pk, kind=LinkKind.DOWNLOAD, revoked_at__isnull=True, expires_at__gt=now)
        .filter(Q(max_downloads__isnull=True) | Q(download_count__lt=F("max_downloads")))
        .update(download_count=F("download_count") + 1)
    )
    if not claimed:
        link_refused(link=link, request=request)
        return False
    SharedFile.objects.filter(pk=shared_file.pk).update(last_activity_at=now)
    event_log(
        space=link.space,
        action=EventAction.DOWNLOADED,
        link=link,
        shared_file=shared_file,
        detail=f"v{shared_file.current_version.number}",
        request=request,
    )
    return True
