"""`make audit` (scripts/audit.py) reads pip-audit's and npm audit's reports: vulnerable is exit 1,
clean exit 0, and a database that did not answer is exit 3, never a clean bill. No network: the tools'
answers are given."""

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent.parent / "scripts" / "audit.py"
spec = importlib.util.spec_from_file_location("audit_script", SCRIPT)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def answer(monkeypatch, stdout, service="pypi"):
    monkeypatch.setattr(audit, "python_service", lambda: service)
    monkeypatch.setattr(
        subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 1, stdout=json.dumps(stdout), stderr="")
    )


def test_a_known_vulnerability_is_listed_and_exits_1(monkeypatch, capsys):
    deps = [{"name": "django", "version": "5.2.1", "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.2"]}]},
            {"name": "six", "version": "1.17.0", "vulns": []}]  # fmt: skip
    answer(monkeypatch, {"dependencies": deps})
    assert audit.audit_python() == audit.VULNERABLE
    assert "django==5.2.1: PYSEC-1 (fixed in 5.2.2)" in capsys.readouterr().out


def test_clean_pins_exit_0(monkeypatch, capsys):
    answer(monkeypatch, {"dependencies": [{"name": "six", "version": "1.17.0", "vulns": []}]})
    assert audit.audit_python() == audit.CLEAN
    assert "no known vulnerability in 1 pinned packages" in capsys.readouterr().out


def test_a_database_that_knows_none_of_the_pins_is_unreachable_not_clean(monkeypatch, capsys):
    skipped = {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited"}
    answer(monkeypatch, {"dependencies": [skipped]})
    assert audit.audit_python() == audit.UNREACHABLE
    assert "NOT checked" in capsys.readouterr().out


def test_no_service_at_all_is_unreachable(monkeypatch, capsys):
    monkeypatch.setattr(audit, "python_service", lambda: None)
    assert audit.audit_python() == audit.UNREACHABLE
    assert "UNREACHABLE" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("report", "code"),
    [
        ({"message": "405 Method Not Allowed", "error": {"summary": ""}}, audit.UNREACHABLE),
        ({"metadata": {"vulnerabilities": {"high": 1, "total": 1}}, "vulnerabilities": {"x": {}}}, audit.VULNERABLE),
        ({"metadata": {"vulnerabilities": {"total": 0}, "dependencies": {"total": 12}}}, audit.CLEAN),
    ],
)
def test_npm_audits_answer(monkeypatch, report, code):
    monkeypatch.setattr(audit.shutil, "which", lambda name: "/usr/bin/npm")
    answer(monkeypatch, report)
    assert audit.audit_npm() == code
