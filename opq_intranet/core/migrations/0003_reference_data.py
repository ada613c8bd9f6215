"""The 46 professional orders, the Office's two sites and its units.

Orders: Code des professions, annexe I; 25 exclusive-practice professions (art. 32) and 21
reserved-title professions (art. 36). Codes are the short forms the Office uses in files.
"""

from django.db import migrations

EXCLUSIVE = "exclusive"
TITLE = "reserved_title"

ORDERS = [
    ("acupuncteurs", "Ordre des acupuncteurs du Québec", "Acupuncteur", EXCLUSIVE),
    ("adma", "Ordre des administrateurs agréés du Québec", "Administrateur agréé", TITLE),
    ("agronomes", "Ordre des agronomes du Québec", "Agronome", EXCLUSIVE),
    ("architectes", "Ordre des architectes du Québec", "Architecte", EXCLUSIVE),
    ("arpenteurs", "Ordre des arpenteurs-géomètres du Québec", "Arpenteur-géomètre", EXCLUSIVE),
    ("audioprothesistes", "Ordre des audioprothésistes du Québec", "Audioprothésiste", EXCLUSIVE),
    ("barreau", "Barreau du Québec", "Avocat", EXCLUSIVE),
    ("chimistes", "Ordre des chimistes du Québec", "Chimiste", EXCLUSIVE),
    ("chiropraticiens", "Ordre des chiropraticiens du Québec", "Chiropraticien", EXCLUSIVE),
    ("cpa", "Ordre des comptables professionnels agréés du Québec", "Comptable professionnel agréé", EXCLUSIVE),
    (
        "orientation",
        "Ordre des conseillers et conseillères d'orientation du Québec",
        "Conseiller d'orientation",
        TITLE,
    ),
    (
        "crha",
        "Ordre des conseillers en ressources humaines et en relations industrielles agréés du Québec",
        "Conseiller en ressources humaines agréé",
        TITLE,
    ),
    ("criminologues", "Ordre des criminologues du Québec", "Criminologue", TITLE),
    ("dentistes", "Ordre des dentistes du Québec", "Dentiste", EXCLUSIVE),
    ("denturologistes", "Ordre des denturologistes du Québec", "Denturologiste", EXCLUSIVE),
    ("dietetistes", "Ordre des diététistes-nutritionnistes du Québec", "Diététiste-nutritionniste", TITLE),
    ("ergotherapeutes", "Ordre des ergothérapeutes du Québec", "Ergothérapeute", TITLE),
    ("evaluateurs", "Ordre des évaluateurs agréés du Québec", "Évaluateur agréé", TITLE),
    ("geologues", "Ordre des géologues du Québec", "Géologue", EXCLUSIVE),
    ("huissiers", "Chambre des huissiers de justice du Québec", "Huissier de justice", EXCLUSIVE),
    ("hygienistes", "Ordre des hygiénistes dentaires du Québec", "Hygiéniste dentaire", TITLE),
    ("infirmieres", "Ordre des infirmières et infirmiers du Québec", "Infirmière", EXCLUSIVE),
    (
        "inf-auxiliaires",
        "Ordre des infirmières et infirmiers auxiliaires du Québec",
        "Infirmière auxiliaire",
        TITLE,
    ),
    ("ingenieurs", "Ordre des ingénieurs du Québec", "Ingénieur", EXCLUSIVE),
    ("ing-forestiers", "Ordre des ingénieurs forestiers du Québec", "Ingénieur forestier", EXCLUSIVE),
    ("inhalotherapeutes", "Ordre professionnel des inhalothérapeutes du Québec", "Inhalothérapeute", TITLE),
    ("medecins", "Collège des médecins du Québec", "Médecin", EXCLUSIVE),
    ("veterinaires", "Ordre des médecins vétérinaires du Québec", "Médecin vétérinaire", EXCLUSIVE),
    ("notaires", "Chambre des notaires du Québec", "Notaire", EXCLUSIVE),
    ("opticiens", "Ordre des opticiens d'ordonnances du Québec", "Opticien d'ordonnances", EXCLUSIVE),
    ("optometristes", "Ordre des optométristes du Québec", "Optométriste", EXCLUSIVE),
    (
        "orthophonistes",
        "Ordre des orthophonistes et audiologistes du Québec",
        "Orthophoniste, audiologiste",
        TITLE,
    ),
    ("pharmaciens", "Ordre des pharmaciens du Québec", "Pharmacien", EXCLUSIVE),
    ("physiotherapie", "Ordre professionnel de la physiothérapie du Québec", "Physiothérapeute", TITLE),
    ("podiatres", "Ordre des podiatres du Québec", "Podiatre", EXCLUSIVE),
    (
        "psychoeducateurs",
        "Ordre des psychoéducateurs et psychoéducatrices du Québec",
        "Psychoéducateur",
        TITLE,
    ),
    ("psychologues", "Ordre des psychologues du Québec", "Psychologue", TITLE),
    ("sages-femmes", "Ordre des sages-femmes du Québec", "Sage-femme", EXCLUSIVE),
    ("sexologues", "Ordre professionnel des sexologues du Québec", "Sexologue", TITLE),
    ("tech-dentaires", "Ordre des techniciens et techniciennes dentaires du Québec", "Technicien dentaire", TITLE),
    (
        "imagerie",
        "Ordre des technologues en imagerie médicale, en radio-oncologie et en électrophysiologie médicale du Québec",
        "Technologue en imagerie médicale, en radio-oncologie ou en électrophysiologie médicale",
        EXCLUSIVE,
    ),
    ("technologistes", "Ordre professionnel des technologistes médicaux du Québec", "Technologiste médical", TITLE),
    ("technologues", "Ordre des technologues professionnels du Québec", "Technologue professionnel", TITLE),
    (
        "traducteurs",
        "Ordre des traducteurs, terminologues et interprètes agréés du Québec",
        "Traducteur, terminologue, interprète agréé",
        TITLE,
    ),
    (
        "travailleurs-sociaux",
        "Ordre des travailleurs sociaux et des thérapeutes conjugaux et familiaux du Québec",
        "Travailleur social, thérapeute conjugal et familial",
        TITLE,
    ),
    ("urbanistes", "Ordre des urbanistes du Québec", "Urbaniste", TITLE),
]

SITES = [
    ("quebec", "Bureau de Québec", "800, place D'Youville, 10e étage, Québec (Québec)  G1R 5Z3"),
    ("montreal", "Bureau de Montréal", "500, boulevard René-Lévesque Ouest, bureau 15.00, Montréal (Québec)  H2Z 1W7"),
]

# (code, name, parent code, site code)
UNITS = [
    ("pres", "Présidence", None, "quebec"),
    ("sg", "Secrétariat général", "pres", "quebec"),
    ("daj", "Direction des affaires juridiques", "pres", "quebec"),
    ("dso", "Direction du soutien et de la surveillance des ordres", "pres", "quebec"),
    ("dra", "Direction de la recherche et de l'analyse", "pres", "quebec"),
    ("dcom", "Direction des communications", "pres", "quebec"),
    ("dsa", "Direction des services administratifs", "pres", "quebec"),
    ("sti", "Service des technologies de l'information", "dsa", "quebec"),
    ("sgd", "Service de la gestion documentaire et du courrier", "dsa", "quebec"),
    ("cap", "Commissaire à l'admission aux professions", None, "montreal"),
    ("bpcd", "Bureau des présidents des conseils de discipline", None, "montreal"),
]


def load(apps, schema_editor):
    ProfessionalOrder = apps.get_model("core", "ProfessionalOrder")
    Site = apps.get_model("core", "Site")
    OrgUnit = apps.get_model("core", "OrgUnit")
    for code, name, profession, kind in ORDERS:
        ProfessionalOrder.objects.update_or_create(
            code=code, defaults={"name": name, "profession": profession, "practice_kind": kind}
        )
    sites = {}
    for code, name, address in SITES:
        sites[code], _ = Site.objects.update_or_create(code=code, defaults={"name": name, "address": address})
    units = {}
    for code, name, parent, site in UNITS:
        units[code], _ = OrgUnit.objects.update_or_create(
            code=code, defaults={"name": name, "parent": units.get(parent), "site": sites[site]}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0002_postgres_extensions")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
