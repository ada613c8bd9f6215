"""What a non-publication order covers is hidden whatever its case, accents and spacing."""

from discipline.redaction import MASK, redact


def test_a_covered_name_is_hidden_in_any_spelling():
    mask = str(MASK)
    text = "Plainte contre Éloïse Côté; ELOISE  COTE a répondu; eloïse côté."
    assert redact(text, ["Éloïse Côté"]) == f"Plainte contre {mask}; {mask} a répondu; {mask}."


def test_several_words_and_nothing_else_is_touched():
    text = "Le patient Marc Roy, dossier 123, vu par Dre Lavoie."
    result = redact(text, ["Marc Roy", "dossier 123"])
    assert "Marc Roy" not in result and "dossier 123" not in result
    assert result.endswith("vu par Dre Lavoie.")
    assert redact(text, []) == text
    assert redact("", ["Marc Roy"]) == ""
