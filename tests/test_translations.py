"""French is the default language and must be complete."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO_FILE = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
SOURCE_DIRS = [
    "opq_intranet",
    "templates",
    "bdsp",
    "discipline",
    "administrateurs",
    "documents",
    "courrier",
    "inventaire",
]
TEMPLATE_STRING = re.compile(r"\{%\s*(?:translate|trans)\s+\"((?:[^\"\\]|\\.)*)\"")
DOCSTRING = re.compile(r'"""[\s\S]*?"""')
PYTHON_STRING = re.compile(r"(?<![\w.])(?:_|gettext|gettext_lazy|pgettext_lazy)\(\s*\"((?:[^\"\\]|\\.)*)\"\s*\)")


def po_msgids():
    text = PO_FILE.read_text()
    ids = set()
    for block in re.findall(r'^msgid ((?:".*"\n)+)', text, flags=re.MULTILINE):
        ids.add("".join(re.findall(r'"(.*)"', block)).encode().decode("unicode_escape").encode("latin-1").decode())
    return ids


def source_strings():
    found = {}
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*"):
            if "migrations" in path.parts or path.suffix not in (".py", ".html", ".txt"):
                continue
            text = path.read_text()
            if path.suffix == ".py":
                text = DOCSTRING.sub("", text)  # examples in docstrings are not UI strings
            pattern = PYTHON_STRING if path.suffix == ".py" else TEMPLATE_STRING
            for match in pattern.finditer(text):
                found[match.group(1).replace('\\"', '"')] = path.relative_to(ROOT)
    return found


def test_every_french_entry_is_translated_and_none_is_fuzzy():
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(PO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


def test_every_string_in_the_code_is_in_the_catalogue():
    known = po_msgids()
    missing = {text: str(path) for text, path in source_strings().items() if text not in known}
    assert not missing, f"run makemessages and translate: {missing}"
