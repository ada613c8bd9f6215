"""The intranet as it runs in production: gunicorn with production settings, then nginx in
front with the repo's own site configuration (deploy/nginx/opq-intranet.conf, adapted to
loopback: ports above 1024, a self-signed certificate, a temporary prefix).

gunicorn runs in another process, so it reads this test's committed rows (transactional
test database) with the same secret key, which makes a session signed in here valid there.
Every process started here is stopped here. Without openssl or nginx (Debian's package,
installed when missing and possible), the part that needs it skips and says why.
"""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import Client
from django.urls import reverse

from opq_intranet.accounts.roles import Role
from opq_intranet.accounts.testing import sign_in
from opq_intranet.core.models import OrgUnit
from tests.exchange.factories import ExchangeSpaceFactory, stored_pdf
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parent.parent.parent
SITE_CONF = ROOT / "deploy" / "nginx" / "opq-intranet.conf"
GUNICORN = Path(sys.executable).with_name("gunicorn")
PASSWORD = "un-mot-de-passe-de-service-2026"
X_ACCEL_PREFIX = "/_private_files"

pytestmark = pytest.mark.django_db(transaction=True)


# --- Helpers ------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url_of_this_test():
    """The database this test (and its xdist worker) writes to, for the other process."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def production_env(secret_key, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PRIVATE_", "AXES_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="opq_intranet.settings.production",
        DJANGO_SECRET_KEY=secret_key,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        **extra,
    )
    return env


class Process:
    """A child in its own process group, stopped (TERM, then KILL) by `stop()`."""

    def __init__(self, args, *, env, log):
        self.log = log
        with open(log, "wb") as out:
            self.popen = subprocess.Popen(
                args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def output(self):
        return Path(self.log).read_text(errors="replace")[-3000:]

    def stop(self):
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=5)


def request(connect, method, path, *, headers=None, body=None):
    conn = connect()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.msg, response.read()
    finally:
        conn.close()


def wait_until_up(process, connect, path="/healthz", seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            pytest.fail(f"the server stopped:\n{process.output()}")
        try:
            status, _headers, _body = request(connect, "GET", path)
            if status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    pytest.fail(f"no answer on {path} after {seconds} s:\n{process.output()}")


def cookie(headers, name):
    return next((c for c in headers.get_all("Set-Cookie") or [] if c.startswith(f"{name}=")), None)


def assert_secure_cookie(set_cookie):
    assert set_cookie, "cookie not set"
    flags = [part.strip().lower() for part in set_cookie.split(";")]
    assert "secure" in flags and "httponly" in flags and "samesite=lax" in flags, set_cookie


# --- Fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, as `make serve` makes one."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed (Debian package 'openssl')")
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"),
            *("-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return cert, key


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic with production settings: the manifest the pages' asset URLs come from."""
    root = tmp_path_factory.mktemp("static")
    env = production_env(secrets.token_urlsafe(50), DJANGO_STATIC_ROOT=str(root))
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (root / "staticfiles.json").exists()
    return root


@contextlib.contextmanager
def _no_service_start():
    """Install the package without starting Debian's own nginx service on port 80 (the test runs
    its own instance and stops it): Debian's policy-rc.d says no to every start meanwhile."""
    policy = Path("/usr/sbin/policy-rc.d")
    if policy.exists():
        yield
        return
    policy.write_text("#!/bin/sh\n# Written by tests/operations/test_serve.py while it installs nginx.\nexit 101\n")
    policy.chmod(0o755)
    try:
        yield
    finally:
        policy.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def nginx():
    """Debian's nginx binary: installed with apt-get when missing and we are root."""
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    if not found and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-q", "-o", "DPkg::Lock::Timeout=120", "nginx"]
        with _no_service_start():
            if subprocess.run(install, env=env, capture_output=True, timeout=300, check=False).returncode != 0:
                subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=300, check=False)
                subprocess.run(install, env=env, capture_output=True, timeout=300, check=False)
        found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    if not found:
        pytest.skip("nginx is not installed and could not be (Debian package 'nginx', as root)")
    return found


@pytest.fixture
def secret_key(settings):
    """One key for this process and gunicorn's: sessions made here are valid there."""
    settings.SECRET_KEY = secrets.token_urlsafe(50)
    return settings.SECRET_KEY


@pytest.fixture
def media(settings):
    # Short, and readable by nginx's worker (a system user unless we run as root).
    root = Path(tempfile.mkdtemp(prefix="opq-serve-"))
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = root / "private"
    settings.PRIVATE_MEDIA_ROOT.mkdir()
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def staff_with_password(reference_data, settings):
    """A staff member whose password production's hasher can check (the tests use MD5)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    user = UserFactory(roles=[Role.STAFF], username="service.test")
    user.password = make_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


# --- `make serve`: gunicorn alone, production settings, its own TLS --------------------------------


def test_make_serve_answers_the_sign_in_page_with_production_headers(tmp_path, static_root, staff_with_password):
    """scripts/serve.sh, what `make serve` runs once the demo data is in: its certificate, its
    session secret, gunicorn with production settings."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed (Debian package 'openssl')")
    port = free_port()
    env = production_env(
        "overridden-by-serve.sh",
        DATABASE_URL=database_url_of_this_test(),
        DJANGO_STATIC_ROOT=str(static_root),
        SERVE_PORT=str(port),
        SERVE_WORKERS="1",
        SERVE_DIR=str(tmp_path / "serve"),
        SERVE_COLLECTSTATIC="0",  # the fixture ran the same collectstatic
    )
    server = Process([str(ROOT / "scripts" / "serve.sh")], env=env, log=tmp_path / "serve.log")
    cert = tmp_path / "serve" / "cert.pem"
    connect = lambda: http.client.HTTPSConnection(  # noqa: E731
        "127.0.0.1", port, timeout=10, context=ssl.create_default_context(cafile=str(cert))
    )
    try:
        wait_until_up(server, connect)
        status, headers, body = request(connect, "GET", "/connexion/")
        assert status == 200, body[:500]
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in headers["Cache-Control"]
        csrf_cookie = cookie(headers, "opq_csrftoken")
        assert_secure_cookie(csrf_cookie)
        # The page's assets are the manifest's hashed names.
        assert re.search(rb"/static/css/[\w.-]+\.[0-9a-f]{12}\.css", body)

        # Signing in sets the session cookie with the same flags.
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        form = f"username=service.test&password={PASSWORD}&csrfmiddlewaretoken={token}"
        status, headers, body = request(
            connect,
            "POST",
            "/connexion/",
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": csrf_cookie.split(";")[0],
                "Referer": f"https://127.0.0.1:{port}/connexion/",
            },
        )
        assert status == 302, body[:800]
        session = cookie(headers, "opq_session")
        assert_secure_cookie(session)
        status, _headers, body = request(connect, "GET", headers["Location"], headers={"Cookie": session.split(";")[0]})
        assert status in (200, 302)
        assert b'name="password"' not in body  # not the sign-in form again
    finally:
        server.stop()
    assert server.popen.returncode is not None


# --- nginx in front: the repo's site configuration ------------------------------------------------


def loopback_site(*, prefix, http_port, https_port, cert, key, upstream, static_root, private_root):
    """deploy/nginx/opq-intranet.conf with loopback's ports, paths and certificate. Each
    replaced line must be in the file: a change there shows here."""
    text = SITE_CONF.read_text()
    replacements = [
        ("    listen [::]:80;\n", ""),
        ("    listen [::]:443 ssl http2;\n", ""),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl;"),
        ("return 301 https://$host$request_uri;", f"return 301 https://$host:{https_port}$request_uri;"),
        ("server_name intranet.opq.gouv.qc.ca portail.opq.gouv.qc.ca;", "server_name 127.0.0.1 localhost;"),
        ("/etc/ssl/opq-intranet/fullchain.pem", str(cert)),
        ("/etc/ssl/opq-intranet/privkey.pem", str(key)),
        ("unix:/run/opq-intranet/gunicorn.sock", f"unix:{upstream}"),
        ("/var/lib/opq-intranet/static/", f"{static_root}/"),
        ("/var/lib/opq-intranet/private/", f"{private_root}/"),
        ("/var/log/nginx/opq-intranet.access.log", f"{prefix}/access.log"),
        ("/var/log/nginx/opq-intranet.error.log", f"{prefix}/error.log"),
    ]
    for old, new in replacements:
        assert old in text, f"{old!r} is no longer in {SITE_CONF.name}"
        text = text.replace(old, new)
    return text


def nginx_conf(prefix, site):
    """A main configuration around the site, everything in `prefix` (Debian's nginx.conf
    does the same around sites-enabled/)."""
    mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else ""
    user = "user root;" if os.geteuid() == 0 else ""  # the temporary files are root's
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = "".join(f"{kind}_temp_path {prefix}/{kind};\n" for kind in kinds)
    return f"""{user}
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    {mime}
    default_type application/octet-stream;
    {temp}
    include {prefix}/site.conf;
}}
"""


def test_nginx_serves_static_and_private_files_after_the_permission_check(
    certificate, static_root, nginx, secret_key, media, reference_data
):
    cert, key = certificate
    prefix = media / "nginx"
    prefix.mkdir()
    upstream = media / "gunicorn.sock"
    http_port, https_port = free_port(), free_port()
    # A file in an exchange space: its unit's member may read it, a member of another unit may not.
    member = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="daj"))
    outsider = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="dcom"))
    space = ExchangeSpaceFactory()
    version = stored_pdf(space=space, user=member, name="avis-juridique.pdf", text="Avis")
    content = version.stored_file.content.open("rb").read()
    download = reverse("exchange:file_download", args=[space.pk, version.shared_file.pk])
    sessions = {}
    for name, user in (("member", member), ("outsider", outsider)):
        client = sign_in(Client(), user)
        sessions[name] = f"opq_session={client.cookies['opq_session'].value}"

    env = production_env(
        secret_key,
        DATABASE_URL=database_url_of_this_test(),
        DJANGO_STATIC_ROOT=str(static_root),
        PRIVATE_MEDIA_ROOT=str(media / "private"),
        PRIVATE_FILE_X_ACCEL_PREFIX=X_ACCEL_PREFIX,
        AXES_PROXY_COUNT="1",
    )
    gunicorn_args = [str(GUNICORN), "opq_intranet.wsgi", "--bind", f"unix:{upstream}", "--workers", "2"]
    gunicorn_args += ["--no-control-socket", "--error-logfile", "-"]
    site = loopback_site(
        prefix=prefix,
        http_port=http_port,
        https_port=https_port,
        cert=cert,
        key=key,
        upstream=upstream,
        static_root=static_root,
        private_root=media / "private",
    )
    (prefix / "site.conf").write_text(site)
    (prefix / "nginx.conf").write_text(nginx_conf(prefix, site))
    checked = subprocess.run(
        [nginx, "-t", "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(prefix / "nginx.conf")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr

    context = ssl.create_default_context(cafile=str(cert))
    https = lambda: http.client.HTTPSConnection("127.0.0.1", https_port, timeout=10, context=context)  # noqa: E731
    plain = lambda: http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)  # noqa: E731
    app = Process(gunicorn_args, env=env, log=media / "gunicorn.log")
    proxy = None
    try:
        proxy = Process(
            [nginx, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(prefix / "nginx.conf")],
            env=os.environ.copy(),
            log=prefix / "stdout.log",
        )
        wait_until_up(app, https)

        # Plain HTTP only redirects.
        status, headers, _ = request(plain, "GET", "/connexion/")
        assert status == 301 and headers["Location"] == f"https://127.0.0.1:{https_port}/connexion/"

        # A page through the proxy: Django's headers, each once (HSTS is not nginx's).
        status, headers, body = request(https, "GET", "/connexion/")
        assert status == 200
        assert headers.get_all("Strict-Transport-Security") == ["max-age=31536000; includeSubDomains; preload"]
        assert len(headers.get_all("Content-Security-Policy")) == 1
        assert_secure_cookie(cookie(headers, "opq_csrftoken"))

        # A static file from STATIC_ROOT, by nginx, cached a year.
        css = re.search(rb"/static/css/[\w.-]+\.[0-9a-f]{12}\.css", body).group(0).decode()
        status, headers, _ = request(https, "GET", css)
        assert status == 200
        assert "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers["Cache-Control"]

        # The member gets the bytes, with the view's headers; nginx never shows its redirect.
        status, headers, body = request(https, "GET", download, headers={"Cookie": sessions["member"]})
        assert status == 200, body[:300]
        assert body == content
        assert headers["Content-Type"] == "application/pdf"
        assert headers["Content-Disposition"] == 'attachment; filename="avis-juridique.pdf"'
        assert headers["Content-Security-Policy"] == "sandbox"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in headers["Cache-Control"]
        assert headers.get_all("Strict-Transport-Security") == ["max-age=31536000; includeSubDomains; preload"]
        assert "X-Accel-Redirect" not in headers
        # nginx serves ranges: a long download resumes where it stopped.
        ranged = {"Cookie": sessions["member"], "Range": "bytes=0-4"}
        status, headers, body = request(https, "GET", download, headers=ranged)
        assert (status, body) == (206, content[:5])

        # Another unit's member: 404, and no byte of the file.
        status, headers, body = request(https, "GET", download, headers={"Cookie": sessions["outsider"]})
        assert status == 404 and content not in body
        # The internal location is not reachable from outside, even with the file's exact name.
        status, _headers, body = request(https, "GET", f"{X_ACCEL_PREFIX}/{version.stored_file.content.name}")
        assert status == 404 and content not in body

        # An upload beyond the limit is refused by nginx before gunicorn reads a byte.
        too_big = {"Content-Length": str(60 * 1024 * 1024), "Content-Type": "text/plain"}
        status, _headers, _ = request(https, "POST", "/connexion/", headers=too_big)
        assert status == 413

        # The health check through the proxy.
        status, _headers, body = request(https, "GET", "/healthz")
        assert status == 200 and b'"ok"' in body
        # nginx's access log names each request by the id gunicorn's log lines carry.
        log = (prefix / "access.log").read_text()
        assert re.search(rf'"GET {re.escape(download)} HTTP/1.1" 200 {len(content)} .* id=[0-9a-f]{{32}}', log)
    finally:
        if proxy is not None:
            proxy.stop()
        app.stop()
