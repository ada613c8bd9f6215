"""Fill French translations into locale/fr/LC_MESSAGES/django.po from a small JSON file.

    .venv/bin/python scripts/translate.py --missing          # list what needs a translation
    .venv/bin/python scripts/translate.py translations.json  # {"msgid": "msgstr" or [singular, plural]}

An entry with a context (`pgettext`, `{% translate "File" context "…" %}`) is keyed
"context\u0004msgid", as gettext itself does; --missing prints it that way.

Fuzzy guesses from makemessages are never kept: each entry given here replaces them.
Needs polib (requirements-dev.txt).
"""

import json
import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/fr/LC_MESSAGES/django.po"


def key_of(entry):
    return f"{entry.msgctxt}\u0004{entry.msgid}" if entry.msgctxt else entry.msgid


def needs_work(entry):
    return not entry.translated() or "fuzzy" in entry.flags


def main(argv):
    po = polib.pofile(str(CATALOGUE))
    if argv[:1] == ["--missing"]:
        for entry in filter(needs_work, po):
            print(json.dumps(key_of(entry), ensure_ascii=False), entry.msgid_plural or "")
        return 0
    wanted = json.loads(Path(argv[0]).read_text())
    for entry in po:
        if key_of(entry) not in wanted:
            continue
        text = wanted[key_of(entry)]
        if entry.msgid_plural:
            entry.msgstr_plural = {0: text[0], 1: text[1]}
        else:
            entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = None
    po.save()
    left = [e.msgid for e in po if needs_work(e)]
    print(f"{len(left)} entries still need a translation", *left, sep="\n")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
