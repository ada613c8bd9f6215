"""The annual return's content, from the Règlement sur le rapport annuel d'un ordre professionnel.

Used to build the first year's form (`services.form_create_from_regulation`); later years
are copies that analysts adjust. Section numbers refer to the regulation. Codes are
stable across years: statistics follow an indicator by its code.
"""

# code: (label, [(category code, label), ...])
DIMENSIONS = {
    "sexe": (
        "Sexe",
        [("f", "Femmes"), ("h", "Hommes"), ("x", "Autre ou non précisé")],
    ),
    "region": (
        "Région administrative",
        [
            ("01", "Bas-Saint-Laurent"),
            ("02", "Saguenay–Lac-Saint-Jean"),
            ("03", "Capitale-Nationale"),
            ("04", "Mauricie"),
            ("05", "Estrie"),
            ("06", "Montréal"),
            ("07", "Outaouais"),
            ("08", "Abitibi-Témiscamingue"),
            ("09", "Côte-Nord"),
            ("10", "Nord-du-Québec"),
            ("11", "Gaspésie–Îles-de-la-Madeleine"),
            ("12", "Chaudière-Appalaches"),
            ("13", "Laval"),
            ("14", "Lanaudière"),
            ("15", "Laurentides"),
            ("16", "Montérégie"),
            ("17", "Centre-du-Québec"),
            ("hq", "Hors Québec"),
        ],
    ),
    "base-permis": (
        "Fondement de la demande de permis",
        [
            ("diplome", "Diplôme reconnu donnant ouverture au permis"),
            ("equiv-diplome", "Équivalence de diplôme"),
            ("equiv-formation", "Équivalence de la formation"),
            ("hors-qc", "Autorisation légale d'exercer hors du Québec"),
        ],
    ),
    "permis-particulier": (
        "Permis particulier (fondement légal)",
        [
            ("temp-37", "Permis temporaire (art. 37 de la Charte de la langue française)"),
            ("temp-41", "Permis temporaire (art. 41 du Code des professions)"),
            ("restrictif-42-1", "Permis restrictif temporaire (art. 42.1 du Code des professions)"),
            ("special-42-2", "Permis spécial (art. 42.2 du Code des professions)"),
        ],
    ),
    "classe-cotisation": (
        "Classe de cotisation",
        [("reguliere", "Cotisation régulière"), ("reduite", "Cotisation réduite"), ("retraite", "Membre retraité")],
    ),
    "motif-radiation": (
        "Motif de la radiation du tableau",
        [
            ("cotisation", "Non-paiement de la cotisation"),
            ("discipline", "Décision disciplinaire"),
            ("retraite", "Retraite ou démission"),
            ("deces", "Décès"),
            ("autre", "Autre motif"),
        ],
    ),
    "nature-plainte": (
        "Nature de la plainte",
        [
            ("sexuel", "Inconduite de nature sexuelle"),
            ("competence", "Compétence professionnelle"),
            ("integrite", "Intégrité et comportement"),
            ("autre", "Autre"),
        ],
    ),
    "plaignant": ("Plaignant", [("syndic", "Syndic ou syndic adjoint"), ("autre", "Autre personne (plainte privée)")]),
    "issue-decision": (
        "Issue de la décision",
        [
            ("culpabilite", "Déclaration de culpabilité"),
            ("acquittement", "Acquittement"),
            ("retrait", "Retrait ou rejet de la plainte"),
        ],
    ),
    "sanction": (
        "Sanction imposée",
        [
            ("reprimande", "Réprimande"),
            ("amende", "Amende"),
            ("radiation-temp", "Radiation temporaire"),
            ("radiation-perm", "Radiation permanente"),
            ("limitation", "Limitation ou suspension du droit d'exercer"),
            ("autre", "Autre sanction"),
        ],
    ),
    "poste-revenus": (
        "Poste de revenus",
        [
            ("cotisations", "Cotisations"),
            ("admission", "Admission et permis"),
            ("formation", "Formation continue"),
            ("autres", "Autres revenus"),
        ],
    ),
    "activite": (
        "Activité",
        [
            ("admission", "Admission"),
            ("inspection", "Inspection professionnelle"),
            ("syndic", "Bureau du syndic"),
            ("discipline", "Conseil de discipline"),
            ("formation", "Formation continue"),
            ("administration", "Administration générale"),
            ("autres", "Autres activités"),
        ],
    ),
    "fonds": (
        "Fonds",
        [
            ("general", "Fonds d'administration générale"),
            ("assurance", "Fonds d'assurance"),
            ("autres", "Autres fonds"),
        ],
    ),
}

# (code, title, help, [indicators]); indicator: (code, label, type, [dimensions], formula, help)
SECTIONS = [
    (
        "permis",
        "Délivrance des permis (art. 9 et 10)",
        "Demandes de permis reçues et traitées pendant l'exercice, selon leur fondement.",
        [
            ("permis-recues", "Demandes de permis reçues", "integer", ["base-permis"], "", ""),
            ("permis-accordees", "Demandes de permis accordées", "integer", ["base-permis"], "", ""),
            ("permis-refusees", "Demandes de permis refusées", "integer", ["base-permis"], "", ""),
            (
                "permis-en-attente",
                "Demandes en attente à la fin de l'exercice",
                "integer",
                ["base-permis"],
                "",
                "",
            ),
            (
                "permis-particuliers",
                "Permis temporaires, restrictifs et spéciaux délivrés",
                "integer",
                ["permis-particulier"],
                "",
                "",
            ),
            (
                "part-equivalence",
                "Part des permis accordés par équivalence",
                "percentage",
                [],
                "100 * (permis_accordees['equiv-diplome'] + permis_accordees['equiv-formation']) / permis_accordees",
                "Calculé : permis accordés par équivalence de diplôme ou de formation, sur le total accordé.",
            ),
        ],
    ),
    (
        "tableau",
        "Tableau de l'ordre (art. 21)",
        "Membres inscrits au tableau, entrées et sorties pendant l'exercice.",
        [
            ("membres-debut", "Membres inscrits au début de l'exercice", "integer", [], "", ""),
            ("inscriptions", "Inscriptions au tableau pendant l'exercice", "integer", [], "", ""),
            ("premieres-inscriptions", "Dont premières inscriptions", "integer", [], "", ""),
            ("radiations", "Radiations du tableau", "integer", ["motif-radiation"], "", ""),
            ("membres-fin", "Membres inscrits à la fin de l'exercice", "integer", [], "", ""),
            ("membres-region", "Membres à la fin de l'exercice, par région", "integer", ["region"], "", ""),
            ("membres-sexe", "Membres à la fin de l'exercice, par sexe", "integer", ["sexe"], "", ""),
            ("membres-cotisation", "Membres par classe de cotisation", "integer", ["classe-cotisation"], "", ""),
            ("limitations", "Membres dont le droit d'exercer est limité", "integer", [], "", ""),
            ("suspensions", "Membres dont le droit d'exercer est suspendu", "integer", [], "", ""),
            (
                "part-femmes",
                "Part des femmes parmi les membres",
                "percentage",
                [],
                "100 * membres_sexe['f'] / membres_fin",
                "Calculé : femmes inscrites à la fin de l'exercice, sur le total des membres.",
            ),
        ],
    ),
    (
        "discipline",
        "Conseil de discipline (art. 18)",
        "Activités du conseil de discipline pendant l'exercice.",
        [
            ("audiences", "Journées d'audience", "integer", [], "", ""),
            ("plaintes-nature", "Plaintes reçues, par nature", "integer", ["nature-plainte"], "", ""),
            ("plaintes-plaignant", "Plaintes reçues, par plaignant", "integer", ["plaignant"], "", ""),
            ("decisions-issue", "Décisions rendues, par issue", "integer", ["issue-decision"], "", ""),
            ("decisions-sanction", "Sanctions imposées", "integer", ["sanction"], "", ""),
            ("decisions-delibere", "Décisions prises en délibéré", "integer", [], "", ""),
            (
                "decisions-90-jours",
                "Dont décisions rendues dans les 90 jours de la prise en délibéré",
                "integer",
                [],
                "",
                "",
            ),
            ("appels", "Décisions portées en appel au Tribunal des professions", "integer", [], "", ""),
        ],
    ),
    (
        "finances",
        "États financiers (art. 23 et 24)",
        "Montants en dollars, arrondis au dollar.",
        [
            ("revenus", "Revenus, par poste", "money", ["poste-revenus"], "", ""),
            ("depenses-activite", "Dépenses, par activité", "money", ["activite"], "", ""),
            ("depenses-fonds", "Dépenses, par fonds", "money", ["fonds"], "", ""),
            (
                "rapport-annuel-depose",
                "Le rapport annuel a été déposé à l'assemblée générale",
                "boolean",
                [],
                "",
                "",
            ),
        ],
    ),
]

# (code, kind, indicator, params, severity, message): the rules the regulation's figures must
# meet, written one by one; RULES adds those every indicator gets (below).
SPECIFIC_RULES = [
    ("permis-recues-total", "sum_equals", "permis-recues", {}, "blocking",
     "Le total des demandes reçues doit égaler la somme des demandes par fondement."),
    ("permis-accordees-total", "sum_equals", "permis-accordees", {}, "blocking",
     "Le total des permis accordés doit égaler la somme par fondement."),
    ("permis-refusees-total", "sum_equals", "permis-refusees", {}, "blocking",
     "Le total des demandes refusées doit égaler la somme par fondement."),
    ("permis-traitees", "less_or_equal", "permis-accordees", {"other": "permis-recues", "plus": ["permis-refusees"]},
     "warning", "Les demandes accordées et refusées dépassent les demandes reçues : vérifiez les demandes reportées."),
    ("membres-fin-requis", "required", "membres-fin", {}, "blocking",
     "Indiquez le nombre de membres à la fin de l'exercice."),
    ("membres-debut-requis", "required", "membres-debut", {}, "blocking",
     "Indiquez le nombre de membres au début de l'exercice."),
    ("membres-bilan", "balance", "membres-fin",
     {"start": "membres-debut", "plus": ["inscriptions"], "minus": ["radiations"]}, "blocking",
     "Les membres à la fin doivent égaler les membres au début, plus les inscriptions, moins les radiations."),
    ("premieres-inscriptions", "less_or_equal", "premieres-inscriptions", {"other": "inscriptions"}, "blocking",
     "Les premières inscriptions ne peuvent dépasser les inscriptions."),
    ("membres-region", "sum_equals", "membres-region", {"equals": "membres-fin"}, "blocking",
     "La somme des membres par région doit égaler le total des membres à la fin de l'exercice."),
    ("membres-sexe", "sum_equals", "membres-sexe", {"equals": "membres-fin"}, "blocking",
     "La somme des membres par sexe doit égaler le total des membres à la fin de l'exercice."),
    ("membres-cotisation", "sum_equals", "membres-cotisation", {"equals": "membres-fin"}, "warning",
     "La somme des membres par classe de cotisation diffère du total des membres."),
    ("radiations-total", "sum_equals", "radiations", {}, "blocking",
     "Le total des radiations doit égaler la somme des radiations par motif."),
    ("membres-variation", "year_over_year", "membres-fin", {"threshold": 20}, "warning",
     "Le nombre de membres varie de plus de 20 % par rapport à l'an dernier : expliquez la variation."),
    ("audiences-plage", "range", "audiences", {"min": 0, "max": 1000}, "blocking",
     "Le nombre de journées d'audience doit être entre 0 et 1 000."),
    ("plaintes-coherence", "sum_equals", "plaintes-plaignant", {"equals": "plaintes-nature"}, "blocking",
     "Les plaintes par plaignant doivent totaliser les plaintes par nature."),
    ("decisions-90-jours", "less_or_equal", "decisions-90-jours", {"other": "decisions-delibere"}, "blocking",
     "Les décisions rendues dans les 90 jours ne peuvent dépasser les décisions prises en délibéré."),
    ("revenus-total", "sum_equals", "revenus", {}, "blocking",
     "Le total des revenus doit égaler la somme des postes."),
    ("depenses-coherence", "sum_equals", "depenses-fonds", {"equals": "depenses-activite"}, "blocking",
     "Les dépenses par fonds doivent totaliser les dépenses par activité."),
]  # fmt: skip

# The main counts: a change of more than 20 % from the order's accepted return of the
# previous year asks for an explanation.
MAIN_COUNTS = ("membres-debut", "membres-fin", "inscriptions", "radiations", "permis-accordees", "revenus",
               "depenses-activite")  # fmt: skip
YEAR_OVER_YEAR_THRESHOLD = 20


def _rules_every_indicator_gets():
    """Each indicator answered (a value, 0, "no activity" or "not applicable", s. 2); each
    total equal to the sum of its categories (or computed from them when left blank); the
    main counts compared with last year. Those written in SPECIFIC_RULES are not repeated."""
    written = {
        (kind, indicator) for _code, kind, indicator, params, *_rest in SPECIFIC_RULES if not params.get("equals")
    }
    rules = []
    for _section, _title, _help, rows in SECTIONS:
        for code, label, _type, dimensions, formula, _ind_help in rows:
            if formula:
                continue  # computed, never typed
            if ("required", code) not in written:
                message = f"Répondez à « {label} » : un nombre, 0, « aucune activité » ou « sans objet »."
                rules.append((f"{code}-requis", "required", code, {}, "blocking", message))
            if dimensions and ("sum_equals", code) not in written:
                message = f"Le total de « {label} » doit égaler la somme de ses catégories."
                rules.append((f"{code}-somme", "sum_equals", code, {}, "blocking", message))
            if code in MAIN_COUNTS and ("year_over_year", code) not in written:
                message = (
                    f"« {label} » varie de plus de {YEAR_OVER_YEAR_THRESHOLD} % par rapport à l'an dernier : "
                    "expliquez la variation."
                )
                params = {"threshold": YEAR_OVER_YEAR_THRESHOLD}
                rules.append((f"{code}-variation", "year_over_year", code, params, "warning", message))
    return rules


RULES = SPECIFIC_RULES + _rules_every_indicator_gets()
