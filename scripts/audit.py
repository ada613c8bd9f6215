#!/usr/bin/env python
"""Known vulnerabilities in the pinned packages: Python (pip-audit) and npm (npm audit).

    .venv/bin/python scripts/audit.py          (make audit)

Python: pip-audit on requirements.txt and requirements-dev.txt as pinned (--no-deps: every pin is exact,
nothing is resolved or installed), against OSV when api.osv.dev answers, else PyPI's JSON API.
npm: `npm audit` on package-lock.json, against the npm registry's advisories.

Exit 0: both databases answered and nothing is known. Exit 1: a vulnerability is known (listed).
Exit 3: a database could not be reached (or answered nothing usable): NOT a clean bill, say so.
"""

import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN, VULNERABLE, UNREACHABLE = 0, 1, 3
REQUIREMENTS = ["requirements.txt", "requirements-dev.txt"]


def reachable(url, data=None):
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 — fixed https URLs
            json.load(response)
            return True
    except (urllib.error.URLError, OSError, ValueError):
        return False


def python_service():
    osv = json.dumps({"package": {"name": "django", "ecosystem": "PyPI"}, "version": "5.2"}).encode()
    if reachable("https://api.osv.dev/v1/query", osv):
        return "osv"
    # pip-audit asks PyPI per version (/pypi/<name>/<version>/json): probe that, not the project page.
    if reachable("https://pypi.org/pypi/pip/24.0/json"):
        return "pypi"
    return None


def audit_python():
    service = python_service()
    if service is None:
        print(
            "audit: Python: UNREACHABLE: neither OSV (https://api.osv.dev) nor PyPI's JSON API "
            "(https://pypi.org/pypi/<name>/<version>/json) answered; the pins were NOT checked"
        )
        return UNREACHABLE
    pip_audit = ROOT / ".venv" / "bin" / "pip-audit"
    command = [str(pip_audit), "--no-deps", "--disable-pip", "--progress-spinner", "off", "--format", "json"]
    command += ["--vulnerability-service", service]
    for requirements in REQUIREMENTS:
        command += ["-r", requirements]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        report = json.loads(result.stdout)
    except ValueError:
        print(f"audit: Python: UNREACHABLE or failed: pip-audit said: {result.stderr.strip()[-500:]}")
        return UNREACHABLE
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            print(f"audit: Python: {dependency['name']}=={dependency['version']}: {vuln['id']} (fixed in {fixed})")
    if vulnerable:
        print(f"audit: Python: {len(vulnerable)} of {len(dependencies)} pinned packages have known vulnerabilities")
        return VULNERABLE
    if skipped and len(skipped) == len(dependencies):
        print(
            f"audit: Python: UNREACHABLE: {service} answered for none of the {len(dependencies)} pins "
            f"({skipped[0]['skip_reason']}); the pins were NOT checked"
        )
        return UNREACHABLE
    if skipped:
        names = ", ".join(d["name"] for d in skipped)
        print(f"audit: Python: not checked (not on {service}): {names}")
    print(f"audit: Python: no known vulnerability in {len(dependencies) - len(skipped)} pinned packages ({service})")
    return UNREACHABLE if skipped else CLEAN


def audit_npm():
    npm = shutil.which("npm")
    if npm is None:
        print("audit: npm: UNREACHABLE: npm is not installed (scripts/system-deps.sh installs it)")
        return UNREACHABLE
    result = subprocess.run(  # noqa: S603
        [npm, "audit", "--json", "--package-lock-only"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    try:
        report = json.loads(result.stdout)
    except ValueError:
        report = {}
    if "error" in report or "metadata" not in report:
        why = report.get("message") or (report.get("error") or {}).get("summary") or result.stderr.strip()[-300:]
        print(f"audit: npm: UNREACHABLE: the registry's advisory database did not answer ({why}); NOT checked")
        return UNREACHABLE
    counts = report["metadata"]["vulnerabilities"]
    for name, vuln in sorted(report.get("vulnerabilities", {}).items()):
        fix = vuln.get("fixAvailable")
        print(f"audit: npm: {name} ({vuln.get('severity')}): {vuln.get('range')}; fix available: {fix}")
    total = counts.get("total", 0)
    checked = report["metadata"].get("dependencies", {}).get("total", "?")
    if total:
        print(f"audit: npm: {total} known vulnerabilities ({', '.join(f'{k} {v}' for k, v in counts.items() if v)})")
        return VULNERABLE
    print(f"audit: npm: no known vulnerability in {checked} packages of package-lock.json")
    return CLEAN


def main():
    results = [audit_python(), audit_npm()]
    if VULNERABLE in results:
        return VULNERABLE
    if UNREACHABLE in results:
        print(
            "audit: INCOMPLETE: a vulnerability database could not be reached (exit 3); "
            "retry, or audit from a machine that reaches it"
        )
        return UNREACHABLE
    print("audit: clean")
    return CLEAN


if __name__ == "__main__":
    sys.exit(main())
