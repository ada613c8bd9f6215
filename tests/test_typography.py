"""French typography as the Office québécois de la langue française writes it: a space before
the colon ("Code : 1000"), in the catalogue and in templates that join a translated text to
a colon; one empty choice label in every form."""

import re
from pathlib import Path

import polib
from django import forms

from opq_intranet.core.forms import FastSelect

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale/fr/LC_MESSAGES/django.po"
# A colon used as punctuation: after a character that is not a space, before a space or the end.
COLON_WITHOUT_SPACE = re.compile(r"(?<=[^\s\u00a0\u202f]):(?=[\s\u00a0]|$)")
# In a template, a translated text or a value followed by ": " (the colon outside the text);
# inside {% blocktranslate %} the colon is the English source's, translated with it.
TEMPLATE_COLON = re.compile(r"(%\}|\}\}|</[a-z]+>):\s")
BLOCK_TRANSLATIONS = re.compile(r"\{% blocktranslate.*?\{% endblocktranslate %\}", re.DOTALL)
SKIPPED_FOLDERS = {".venv", "node_modules", "var", ".git", "tests"}


def test_the_french_catalogue_puts_a_space_before_each_colon():
    wrong = []
    for entry in polib.pofile(str(CATALOGUE)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if COLON_WITHOUT_SPACE.search(text):
                wrong.append(f"{entry.msgid!r} -> {text!r}")
    assert not wrong, "A space before the colon (« Code : 1000 »):\n" + "\n".join(wrong)


def test_the_rule_catches_a_missing_space():
    assert COLON_WITHOUT_SPACE.search("Code: 1000")
    assert not COLON_WITHOUT_SPACE.search("Code : 1000")
    assert not COLON_WITHOUT_SPACE.search("Code\u00a0: 1000")
    assert not COLON_WITHOUT_SPACE.search("https://opq.gouv.qc.ca à 13:45")


def templates():
    for path in ROOT.rglob("*"):
        if path.suffix in {".html", ".txt"} and not SKIPPED_FOLDERS & set(path.relative_to(ROOT).parts):
            yield path


def test_no_template_joins_a_text_to_a_colon_outside_its_translation():
    """`{% translate "History" %}: {{ object }}` reads "Historique: …" in French: the colon
    belongs inside the translated text, where each language places it (alone, it is
    `{% translate ":" context "between a label and its value" %}`)."""
    wrong = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:120]}"
        for path in templates()
        for number, line in enumerate(
            BLOCK_TRANSLATIONS.sub(lambda block: "\n" * block.group().count("\n"), path.read_text()).splitlines(),
            start=1,
        )
        if TEMPLATE_COLON.search(line.replace("://", ""))
    ]
    assert not wrong, "\n".join(wrong)


class PickForm(forms.Form):
    unit = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)
    fast = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False, widget=FastSelect)


def test_an_empty_choice_reads_the_same_in_every_form():
    html = str(PickForm())
    assert "---------" not in html
    assert html.count("— choisir —") == 2
