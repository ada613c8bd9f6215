"""Records-management demo and scale data: a plan of 576 classes (over 1 000 at full scale) and 252 rules.

The plan follows the shape of a Quebec public body's plan: series of common administrative
functions and of the Office's own missions, subseries, then the usual kinds of files. Each
subseries takes a rule, and kinds of files that the schedule treats apart (minutes, policies,
contracts, …) take their own. Periods are typical of the government's common schedule.
"""

import random
from datetime import date

from documents.choices import ApprovalStatus, CopyKind, FinalDisposal, Medium, PeriodBasis
from documents.models import PATH_SEPARATOR, CopyRule, RecordClass, RetentionRule
from opq_intranet.core.models import OrgUnit
from opq_intranet.core.registry.seed import Generator, register

SERIES = [
    ("1000", "Administration générale", "sg", [
        "Constitution et historique", "Planification stratégique", "Conseil et comités de direction",
        "Reddition de comptes", "Vérification interne", "Gestion des risques", "Relations gouvernementales",
    ]),
    ("2000", "Ressources humaines", "dsa", [
        "Dotation", "Dossiers du personnel", "Rémunération", "Formation et perfectionnement",
        "Santé et sécurité au travail", "Relations de travail", "Évaluation du rendement",
    ]),
    ("3000", "Ressources financières", "dsa", [
        "Budget", "Comptabilité", "Comptes fournisseurs", "Revenus et facturation",
        "Vérification financière", "Approvisionnement", "Contrats de services",
    ]),
    ("4000", "Ressources matérielles et immobilières", "dsa", [
        "Locaux", "Biens et équipements", "Sécurité des lieux", "Parc automobile",
        "Télécommunications", "Inventaire", "Entretien",
    ]),
    ("5000", "Ressources informationnelles", "sti", [
        "Architecture et systèmes", "Sécurité de l'information", "Soutien aux utilisateurs",
        "Gestion documentaire", "Courrier", "Accès à l'information", "Protection des renseignements personnels",
    ]),
    ("6000", "Communications", "dcom", [
        "Relations avec les médias", "Publications", "Site Web et médias sociaux", "Événements",
        "Plaintes et commentaires du public", "Campagnes d'information", "Identité visuelle",
    ]),
    ("7000", "Affaires juridiques", "daj", [
        "Avis juridiques", "Litiges", "Réglementation des ordres", "Projets de loi et de règlement",
        "Ententes et conventions", "Enquêtes", "Tutelles et administrateurs nommés",
    ]),
    ("8000", "Encadrement du système professionnel", "dso", [
        "Surveillance des ordres", "Rapports annuels des ordres", "Admission aux professions",
        "Reconnaissance des compétences", "Intégration professionnelle", "Recherche et analyse", "Nominations",
    ]),
    ("9000", "Discipline", "bpcd", [
        "Dossiers disciplinaires", "Audiences", "Décisions et sanctions", "Appels",
        "Présidents des conseils", "Statistiques disciplinaires", "Formation des membres des conseils",
    ]),
]  # fmt: skip
# Kinds of files under each subseries, and whether the schedule gives them a rule of their own.
KINDS = [
    ("01", "Politiques, directives et procédures", "policies"),
    ("02", "Correspondance", None),
    ("03", "Procès-verbaux et comptes rendus", "minutes"),
    ("04", "Rapports et bilans", None),
    ("05", "Projets", None),
    ("06", "Contrats et ententes", "contracts"),
    ("07", "Statistiques", None),
    ("08", "Dossiers de suivi", None),
]
# (active, basis, semi-active, disposal) of the principal copy, by kind of rule.
PRINCIPAL = {
    "policies": (999, PeriodBasis.OPENING, 5, FinalDisposal.PERMANENT),
    "minutes": (888, PeriodBasis.OPENING, 10, FinalDisposal.PERMANENT),
    "contracts": (2, PeriodBasis.CLOSING, 5, FinalDisposal.DESTRUCTION),
}
ORDINARY = [
    (2, PeriodBasis.CLOSING, 5, FinalDisposal.DESTRUCTION),
    (3, PeriodBasis.CLOSING, 7, FinalDisposal.SORTING),
    (5, PeriodBasis.OPENING, 5, FinalDisposal.DESTRUCTION),
    (1, PeriodBasis.CLOSING, 6, FinalDisposal.PERMANENT),
]


def _copy_rules(rule, principal, rng):
    active, basis, semi, disposal = principal
    rows = []
    for medium in (Medium.PAPER, Medium.DIGITAL):
        rows.append(
            CopyRule(
                rule=rule,
                copy_kind=CopyKind.PRINCIPAL,
                medium=medium,
                active_period=active,
                active_basis=basis,
                semi_active_period=semi,
                final_disposal=disposal,
                sorting_note="Conserver les documents de synthèse et un échantillon." if disposal == "T" else "",
            )
        )
    rows.append(
        CopyRule(
            rule=rule,
            copy_kind=CopyKind.SECONDARY,
            medium=Medium.PAPER,
            active_period=rng.choice((1, 2)),
            active_basis=PeriodBasis.CLOSING,
            semi_active_period=0,
            final_disposal=FinalDisposal.DESTRUCTION,
        )
    )
    return rows


# At full scale the plan grows past 1 000 classes (DESIGN.md: the tree stays fast): the
# kinds of files get subdivisions by year group, which inherit their parent's rule.
FULL_SCALE_CLASSES = 1_000
SUBDIVISIONS = ("Antérieurs à 2016", "2016 à 2020", "Depuis 2021")


def generate(scale, log):
    if RecordClass.objects.exists():
        log("    the plan is already there")
        if scale == "full":
            _deepen(log)
        return
    _build(log)
    if scale == "full":
        _deepen(log)


def _deepen(log):
    missing = FULL_SCALE_CLASSES - RecordClass.objects.count()
    if missing <= 0:
        return
    leaves = RecordClass.objects.filter(depth=2).order_by("path")
    added = []
    for leaf in leaves:
        if leaf.children.exists():
            continue
        for number, title in enumerate(SUBDIVISIONS, start=1):
            code = f"{leaf.code}-{number}"
            added.append(
                RecordClass(code=code, title=title, parent=leaf, depth=3, path=f"{leaf.path}{PATH_SEPARATOR}{code}")
            )
        if len(added) >= missing:
            break
    RecordClass.objects.bulk_create(added)
    log(f"    {len(added)} subdivisions: {RecordClass.objects.count()} classes")


def _build(log):
    rng = random.Random(2026)
    units = {u.code: u for u in OrgUnit.objects.all()}
    rules, copy_rules, holdings = [], [], []
    classes = []

    def add_rule(number, title, unit_code, principal):
        approved = rng.random() < 0.85
        rule = RetentionRule(
            number=number,
            title=title,
            legal_references="Loi sur les archives (RLRQ, c. A-21.1), art. 7-8",
            approval_status=ApprovalStatus.APPROVED if approved else ApprovalStatus.SUBMITTED,
            banq_approved_on=date(2023, 5, 17) if approved else None,
            essential=principal[3] == FinalDisposal.PERMANENT and rng.random() < 0.5,
            confidential=unit_code in ("bpcd", "daj") or "personnel" in title.lower(),
        )
        rules.append(rule)
        copy_rules.extend(_copy_rules(rule, principal, rng))
        if unit_code in units:
            holdings.append((rule, units[unit_code]))
        return rule

    for code, title, unit_code, subseries in SERIES:
        root = RecordClass(code=code, title=title, path=code, depth=0)
        classes.append(root)
        for index, sub_title in enumerate(subseries, start=1):
            sub_code = f"{code[0]}{index}00"
            rule = add_rule(f"{sub_code}", sub_title, unit_code, rng.choice(ORDINARY))
            sub = RecordClass(code=sub_code, title=sub_title, parent=root, retention_rule=rule, depth=1)
            sub.path = f"{root.path}{PATH_SEPARATOR}{sub_code}"
            classes.append(sub)
            for kind_code, kind_title, special in KINDS:
                leaf_code = f"{sub_code[:2]}{kind_code}"
                own_rule = None
                if special:
                    own_rule = add_rule(
                        f"{leaf_code}", f"{sub_title} : {kind_title.lower()}", unit_code, PRINCIPAL[special]
                    )
                leaf = RecordClass(
                    code=leaf_code,
                    title=kind_title,
                    parent=sub,
                    retention_rule=own_rule,
                    depth=2,
                    keywords=f"{sub_title.lower()} {kind_title.lower()}",
                )
                leaf.path = f"{sub.path}{PATH_SEPARATOR}{leaf_code}"
                classes.append(leaf)

    RetentionRule.objects.bulk_create(rules)
    CopyRule.objects.bulk_create(copy_rules)
    RetentionRule.holding_units.through.objects.bulk_create(
        RetentionRule.holding_units.through(retentionrule_id=rule.pk, orgunit_id=unit.pk) for rule, unit in holdings
    )
    for depth in (0, 1, 2):  # parents first, so their ids exist
        level = [c for c in classes if c.depth == depth]
        for c in level:
            c.parent_id = c.parent.pk if c.parent else None
        RecordClass.objects.bulk_create(level)
    log(f"    {len(classes)} classes, {len(rules)} retention rules")


register(Generator(key="documents.plan", order=40, run=generate))
