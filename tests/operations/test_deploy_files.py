"""deploy/: the systemd units are valid, and the numbers in the nginx site and the units agree
with the application's settings (a limit changed on one side shows here)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from documents.exchange.tus import CHUNK_MARGIN_BYTES

DEPLOY = Path(__file__).resolve().parent.parent.parent / "deploy"
SITE = (DEPLOY / "nginx" / "opq-intranet.conf").read_text()
SERVICE = (DEPLOY / "systemd" / "opq-intranet.service").read_text()
MB = 1024 * 1024


def body_limits():
    """client_max_body_size per location, in bytes: {"server": …, "<location regex>": …}."""
    limits, location = {}, "server"
    for line in SITE.splitlines():
        line = line.strip()
        if match := re.match(r"location\s+(.+?)\s*\{", line):
            location = match.group(1)
        elif line == "}":
            location = "server"
        elif match := re.match(r"client_max_body_size (\d+)m;", line):
            limits[location] = int(match.group(1)) * MB
    return limits


def test_upload_limits_match_the_settings():
    limits = body_limits()
    assert limits["server"] >= settings.PRIVATE_FILE_MAX_BYTES
    assert limits["server"] < 2 * settings.PRIVATE_FILE_MAX_BYTES  # no bigger than the forms need
    tus = next(v for k, v in limits.items() if "televersements" in k)
    assert settings.EXCHANGE_UPLOAD_CHUNK_BYTES + CHUNK_MARGIN_BYTES <= tus < 2 * settings.EXCHANGE_UPLOAD_CHUNK_BYTES
    whole = next(v for k, v in limits.items() if "deposer" in k)
    assert whole >= settings.EXCHANGE_MAX_FILE_BYTES


def test_gunicorn_outlasts_the_virus_scan_and_nginx_waits_for_it():
    timeout = int(re.search(r"--timeout (\d+)", SERVICE).group(1))
    assert timeout > settings.CLAMAV_TIMEOUT
    upload_waits = [int(s) for s in re.findall(r"proxy_read_timeout (\d+)s;", SITE)]
    assert max(upload_waits) >= timeout


def test_the_units_run_what_the_readme_says():
    assert "gunicorn opq_intranet.wsgi" in SERVICE and "--workers 4" in SERVICE
    assert "--bind unix:/run/opq-intranet/gunicorn.sock" in SERVICE
    assert "ListenStream=/run/opq-intranet/gunicorn.sock" in (DEPLOY / "systemd" / "opq-intranet.socket").read_text()
    assert "server unix:/run/opq-intranet/gunicorn.sock" in SITE
    for hardening in ("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes"):
        assert hardening in SERVICE
    assert "ReadWritePaths=/var/lib/opq-intranet/private" in SERVICE
    scheduled = (DEPLOY / "systemd" / "opq-intranet-scheduled.service").read_text()
    assert "manage.py run_scheduled" in scheduled and "Type=oneshot" in scheduled
    timer = (DEPLOY / "systemd" / "opq-intranet-scheduled.timer").read_text()
    assert "Unit=opq-intranet-scheduled.service" in timer and "OnCalendar=" in timer
    backup = (DEPLOY / "systemd" / "opq-intranet-backup.service").read_text()
    assert "manage.py backup" in backup and "ReadWritePaths=/var/backups/opq-intranet" in backup
    assert "Unit=opq-intranet-backup.service" in (DEPLOY / "systemd" / "opq-intranet-backup.timer").read_text()
    assert "/var/backups/opq-intranet " in (DEPLOY / "tmpfiles" / "opq-intranet.conf").read_text()
    # The private files' internal location is the one the env file names.
    assert "location /_private_files/ {\n        internal;" in SITE
    assert "alias /var/lib/opq-intranet/private/;" in SITE
    assert "/var/lib/opq-intranet/private " in (DEPLOY / "tmpfiles" / "opq-intranet.conf").read_text()


def test_systemd_accepts_the_units(tmp_path):
    """`systemd-analyze verify` on the units, with paths and users that exist here."""
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed (Debian package 'systemd')")
    swaps = {
        "/srv/opq-intranet/.venv/bin/gunicorn": "/bin/true",
        "/srv/opq-intranet/.venv/bin/python": "/bin/true",
        "User=opq-intranet": "User=root",
        "Group=opq-intranet": "Group=root",
        "SocketUser=opq-intranet": "SocketUser=root",
        "SocketGroup=www-data": "SocketGroup=root",
    }
    names = []
    for unit in sorted((DEPLOY / "systemd").iterdir()):
        text = unit.read_text()
        for old, new in swaps.items():
            text = text.replace(old, new)
        (tmp_path / unit.name).write_text(text)
        names.append(f"./{unit.name}")
    result = subprocess.run(
        [analyze, "verify", *names], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    problems = [line for line in result.stderr.splitlines() if str(tmp_path) in line or "Unknown" in line]
    assert result.returncode == 0 and not problems, result.stderr
