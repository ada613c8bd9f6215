"""Production logs: every record is one JSON object on one line of stderr (what systemd's
journal keeps), with its time, level, logger, message and the request id nginx gave."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# Runs under production settings in a process of its own: a command's log, then a request
# answered 404 (Django logs it as a warning, with the request attached).
SCRIPT = """
import logging
import django
django.setup()
from django.test import Client, override_settings
# No collectstatic here: the 404 page's assets from the plain storage.
override_settings(STORAGES={
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
logging.getLogger("opq.operations").warning("disque à %s %%", 91)
Client().get("/pas-une-page/", HTTP_X_REQUEST_ID="4f1c2a9e0b7d4c3a", secure=True)
Client().get("/pas-une-page/", HTTP_X_REQUEST_ID='bad"id\\nINJECTED', secure=True)
"""


def production_stderr():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="opq_intranet.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="testserver",
        LOG_LEVEL="INFO",
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_every_log_line_is_a_json_object_with_the_request_id():
    lines = [line for line in production_stderr().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # fails on any line that is not JSON
    assert len(records) >= 3
    for record in records:
        assert {"time", "level", "logger", "message", "request_id"} <= record.keys()
    command = next(r for r in records if r["logger"] == "opq.operations")
    assert (command["level"], command["message"], command["request_id"]) == ("WARNING", "disque à 91 %", "")
    assert command["time"][:4].isdigit() and "T" in command["time"]
    requests = [r for r in records if r["logger"] == "django.request"]
    assert [r["request_id"] for r in requests] == ["4f1c2a9e0b7d4c3a", ""]  # a forged id is dropped
    assert all(r["level"] == "WARNING" and "Not Found" in r["message"] for r in requests)
    assert "INJECTED" not in "\n".join(lines)
