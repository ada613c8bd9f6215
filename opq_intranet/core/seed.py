"""Demo accounts and Office closure days. Staff accounts get their roles and units.

Every demo account's password is DEMO_PASSWORD (listed in the README). Partner accounts set
up their authenticator app at first sign-in, as real ones do.
"""

import random
from datetime import date

from django.contrib.auth.models import Group
from django.db import transaction

from opq_intranet.accounts.models import User, UserKind
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OfficeClosure, OrgUnit, ProfessionalOrder, Site
from opq_intranet.core.registry.seed import Generator, register

DEMO_PASSWORD = "opq-demo-2026"  # noqa: S105 - demo data only, documented in the README

# username, first name, last name, job title, unit code, roles
STAFF_ACCOUNTS = [
    ("admin.ti", "Louis", "Bergeron", "Conseiller en infrastructure", "sti", [Role.STAFF, Role.IT_ADMIN]),
    ("marie.tremblay", "Marie", "Tremblay", "Conseillère", "dso", [Role.STAFF]),
    ("gd.gagnon", "Sylvie", "Gagnon", "Technicienne en gestion documentaire", "sgd", [Role.STAFF, Role.RECORDS]),
    ("courrier.roy", "Nathalie", "Roy", "Agente de secrétariat", "sgd", [Role.STAFF, Role.MAIL]),
    ("bp.cote", "Jacques", "Côté", "Greffier", "bpcd", [Role.STAFF, Role.DISCIPLINE]),
    ("bp.corriveau", "Marie-Josée", "Corriveau", "Présidente en chef", "bpcd", [Role.STAFF, Role.DISCIPLINE]),
    ("bp.lemieux", "Pierre", "Lemieux", "Président", "bpcd", [Role.STAFF, Role.DISCIPLINE]),
    (
        "nominations.leblanc",
        "Isabelle",
        "Leblanc",
        "Conseillère aux nominations",
        "sg",
        [Role.STAFF, Role.APPOINTMENTS],
    ),
    ("bdsp.bouchard", "Marc", "Bouchard", "Analyste", "dra", [Role.STAFF, Role.BDSP_ANALYST]),
    ("inventaire.morin", "Daniel", "Morin", "Technicien en informatique", "sti", [Role.STAFF, Role.INVENTORY]),
    ("sans.role", "Paul", "Gauthier", "Stagiaire", "dcom", []),
    ("dsa.lefebvre", "Hélène", "Lefebvre", "Directrice des services administratifs", "dsa", [Role.STAFF]),
]
# Unit code -> the username of its manager (OrgUnit.manager: signs for the unit, e.g. it
# validates the unit's disposition lists; a unit without one has them validated by the
# records manager).
UNIT_MANAGERS = {"dsa": "dsa.lefebvre"}
# username, first name, last name, order code, role
PARTNER_ACCOUNTS = [
    ("declarant.infirmieres", "Julie", "Pelletier", "infirmieres", Role.ORDER_DECLARANT),
    ("lecteur.infirmieres", "André", "Lavoie", "infirmieres", Role.ORDER_READER),
    ("declarant.ingenieurs", "Chantal", "Fortin", "ingenieurs", Role.ORDER_DECLARANT),
]
# The Office's usual closure days beyond the legal holidays (the holiday season).
CLOSURES = [
    ((12, 24), "Veille de Noël"),
    ((12, 26), "Congé des Fêtes"),
    ((12, 31), "Veille du jour de l'An"),
    ((1, 2), "Congé des Fêtes"),
]

FIRST_NAMES = ["Sophie", "Martin", "Catherine", "François", "Geneviève", "Pierre", "Annie", "Éric", "Julie", "Yves"]
LAST_NAMES = ["Bélanger", "Lévesque", "Ouellet", "Girard", "Caron", "Poulin", "Simard", "Boucher", "Dubé", "Mercier"]
OFFICE_HEADCOUNT = 81


def generate(scale, log):
    groups = {g.name: g for g in Group.objects.all()}
    units = {u.code: u for u in OrgUnit.objects.all()}
    sites = {s.code: s for s in Site.objects.all()}
    for username, first, last, title, unit_code, roles in STAFF_ACCOUNTS:
        unit = units[unit_code]
        user = _account(username, first, last, kind=UserKind.STAFF, job_title=title, org_unit=unit, site=unit.site)
        if Role.IT_ADMIN in roles:
            User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
        user.groups.set([groups[str(r)] for r in roles])
    for unit_code, username in UNIT_MANAGERS.items():
        OrgUnit.objects.filter(code=unit_code).update(manager=User.objects.get(username=username))
    orders = {o.code: o for o in ProfessionalOrder.objects.all()}
    for username, first, last, order_code, role in PARTNER_ACCOUNTS:
        user = _account(username, first, last, kind=UserKind.PARTNER, professional_order=orders[order_code])
        user.groups.set([groups[str(role)]])
    log(f"{len(STAFF_ACCOUNTS)} staff and {len(PARTNER_ACCOUNTS)} partner demo accounts")
    if scale == "full":
        _fill_office(groups, units, sites, log)
    for year in range(date.today().year - 1, date.today().year + 2):
        for (month, day), label in CLOSURES:
            closure = date(year, month, day)
            if closure.weekday() < 5:  # a closure on a weekend means nothing
                OfficeClosure.objects.get_or_create(date=closure, defaults={"label": label})


def _account(username, first, last, **fields):
    user, created = User.objects.update_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.opq.gouv.qc.ca", **fields},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _fill_office(groups, units, sites, log):
    """Up to the Office's 81 staff, spread over the units, each with the Personnel role."""
    rng = random.Random(81)
    existing = User.objects.filter(kind=UserKind.STAFF).count()
    unit_list = list(units.values())
    staff_group = groups[str(Role.STAFF)]
    with transaction.atomic():
        for i in range(existing, OFFICE_HEADCOUNT):
            unit = rng.choice(unit_list)
            user = _account(
                f"employe{i:03d}",
                rng.choice(FIRST_NAMES),
                rng.choice(LAST_NAMES),
                kind=UserKind.STAFF,
                job_title="Professionnel",
                org_unit=unit,
                site=unit.site or sites["quebec"],
            )
            user.groups.add(staff_group)
    log(f"office filled to {OFFICE_HEADCOUNT} staff")


register(Generator(key="core.accounts", order=10, run=generate))
