"""Plausible French text for seeded records: sentences in the Office's own vocabulary.

Not lorem ipsum: the search benchmark needs words with realistic frequencies, common ones
(ordre, dossier, membre) and rare ones (a professional order's name, a statute's article).
"""

import random

SUBJECTS = [
    "Le syndic de l'ordre",
    "Le conseil de discipline",
    "La direction des affaires juridiques",
    "Le comité d'inspection professionnelle",
    "L'Office des professions du Québec",
    "Le Commissaire à l'admission aux professions",
    "La présidente du conseil d'administration",
    "Le secrétaire de l'ordre",
    "Le comité de révision",
    "La direction du soutien et de la surveillance des ordres",
    "Le Tribunal des professions",
    "Le ministre responsable de l'application des lois professionnelles",
    "L'administrateur nommé par l'Office",
    "La technicienne en gestion documentaire",
]
VERBS = [
    "a transmis",
    "a examiné",
    "recommande d'approuver",
    "demande des précisions sur",
    "a reçu",
    "confirme la réception de",
    "a analysé",
    "propose de modifier",
    "a autorisé",
    "a refusé",
    "présente",
    "a déposé",
    "doit réviser",
    "a publié",
]
OBJECTS = [
    "la demande de permis fondée sur une équivalence de diplôme",
    "le rapport annuel de l'exercice financier",
    "la plainte disciplinaire déposée contre un membre",
    "le projet de règlement sur la formation continue obligatoire",
    "la décision sur sanction rendue dans les 90 jours",
    "le programme de surveillance générale de l'exercice",
    "les états financiers vérifiés",
    "la demande d'accès à des documents détenus par l'organisme",
    "le contrat de services professionnels",
    "le procès-verbal de la séance du comité de direction",
    "la politique de gestion documentaire et le calendrier de conservation",
    "l'avis juridique concernant l'exercice illégal de la profession",
    "la liste des membres radiés du tableau",
    "la reconnaissance d'une équivalence de formation acquise hors du Québec",
    "le budget de fonctionnement et les prévisions de revenus",
    "la cotisation annuelle des membres",
    "le rapport d'inspection professionnelle",
    "la demande de révision de la décision du syndic",
    "l'entente de reconnaissance mutuelle des qualifications",
    "le plan stratégique et ses indicateurs",
]
COMPLEMENTS = [
    "conformément au Code des professions (RLRQ, c. C-26)",
    "dans le délai prescrit de 45 jours",
    "à la suite de la rencontre du",
    "selon l'article 86.0.1 du Code des professions",
    "avant la prochaine assemblée générale annuelle",
    "en vertu de la Loi sur l'accès aux documents des organismes publics",
    "pour l'Ordre des infirmières et infirmiers du Québec",
    "pour l'Ordre des ingénieurs du Québec",
    "pour l'Ordre des comptables professionnels agréés du Québec",
    "pour le Barreau du Québec",
    "pour l'Ordre des pharmaciens du Québec",
    "pour l'Ordre des psychologues du Québec",
    "pour l'Ordre des architectes du Québec",
    "pour l'Ordre des dentistes du Québec",
    "pour la Chambre des notaires du Québec",
    "pour l'Ordre des travailleurs sociaux et des thérapeutes conjugaux et familiaux",
    "au bureau de Montréal",
    "au bureau de Québec",
    "après consultation du conseil interprofessionnel",
    "sous réserve de l'approbation du gouvernement",
    "et en informe les membres par courriel",
    "malgré l'absence de quorum",
]
CLOSINGS = [
    "Un suivi sera fait au cours du prochain trimestre.",
    "Les documents originaux sont conservés au dossier.",
    "Le dossier est transmis pour information.",
    "Aucune autre mesure n'est requise pour le moment.",
    "Une réponse écrite est attendue dans les 30 jours.",
    "Les renseignements personnels ont été caviardés.",
    "La version signée est jointe à la présente.",
]


def sentence(rng):
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(COMPLEMENTS)}."


def paragraph(rng, sentences=4):
    parts = [sentence(rng) for _index in range(sentences)]
    if rng.random() < 0.5:
        parts.append(rng.choice(CLOSINGS))
    return " ".join(parts)


def document_text(rng, paragraphs=3):
    return "\n\n".join(paragraph(rng, rng.randint(3, 6)) for _index in range(paragraphs))


def sentence_pool(size, seed=2026):
    """Distinct sentences for the database to assemble texts from (full scale)."""
    rng = random.Random(seed)
    pool = {sentence(rng) for _index in range(size * 2)}
    pool.update(CLOSINGS)
    return sorted(pool)[:size]
