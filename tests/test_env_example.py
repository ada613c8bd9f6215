"""Every variable the settings read is documented in .env.example."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def variables_read_by_settings():
    names = set()
    for path in (ROOT / "opq_intranet" / "settings").glob("*.py"):
        names |= set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z_]+)\"", path.read_text()))
    return names


def variables_read_by_scripts():
    names = set()
    for path in (ROOT / "scripts").glob("*.sh"):
        names |= set(re.findall(r"\$\{(LOCAL_PG_[A-Z_]+)", path.read_text()))
    return names


def test_env_example_documents_every_variable():
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), flags=re.MULTILINE))
    missing = (variables_read_by_settings() | variables_read_by_scripts()) - documented
    assert not missing, f"undocumented in .env.example: {sorted(missing)}"
    assert "DJANGO_SECRET_KEY" in documented
