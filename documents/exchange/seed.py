"""Exchange spaces' demo and scale data (`seed_demo`), registered through documents/seed.

Demo: the Conseil interprofessionnel du Québec as a partner organisation with its user
`partenaire.ciq` (password and second factor as every demo account), and four spaces (three
orders, the Conseil) with folders and small real PDFs stored through the files service, as
their members would have uploaded them. Full: one space per order, about 20 files each.
Idempotent: organisations, accounts and spaces by name; files only in a space that has none.
"""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from documents.exchange import services
from documents.exchange.choices import MemberAccess
from documents.exchange.models import ExchangeSpace, Folder, SpaceMember
from opq_intranet.accounts.models import User, UserKind
from opq_intranet.accounts.roles import Role
from opq_intranet.core import pdf
from opq_intranet.core.models import OrgUnit, PartnerOrganisation, ProfessionalOrder
from opq_intranet.core.registry.seed import Generator, register
from opq_intranet.core.seed import DEMO_PASSWORD

ADMINISTRATOR = "gd.gagnon"  # the records manager administers every space
STAFF = "marie.tremblay"  # of the Direction du soutien aux ordres (dso)
ORGANISATION = ("Conseil interprofessionnel du Québec", "echanges@ciq.qc.ca")
ORGANISATION_USER = ("partenaire.ciq", "Mélanie", "Rousseau")

# name, order code (or None: the organisation), unit code, description,
# [(folder, parent folder or None)], [(file name, folder or None, uploaded by "staff" | "partner")]
DEMO_SPACES = [
    (
        "Échanges avec l'Ordre des infirmières et infirmiers",
        "infirmieres",
        "dso",
        "Documents échangés avec l'Ordre : rapports annuels, correspondance, projets de règlement.",
        [("Rapports annuels", None), ("2026", "Rapports annuels"), ("Correspondance", None)],
        [
            ("demande-de-renseignements.pdf", "Correspondance", "staff"),
            ("reponse-de-l-ordre.pdf", "Correspondance", "partner"),
            ("rapport-annuel-2026.pdf", "2026", "partner"),
            ("grille-d-analyse.pdf", None, "staff"),
        ],
    ),
    (
        "Échanges avec l'Ordre des ingénieurs",
        "ingenieurs",
        "dso",
        "Suivi de la réforme de la Loi sur les ingénieurs.",
        [("Projet de règlement", None)],
        [("projet-de-reglement-v2.pdf", "Projet de règlement", "staff"), ("commentaires.pdf", None, "partner")],
    ),
    (
        "Barreau du Québec : avis juridiques",
        "barreau",
        "daj",
        "",
        [("Avis", None)],
        [("avis-juridique-2026-03.pdf", "Avis", "staff")],
    ),
    (
        "Conseil interprofessionnel du Québec",
        None,
        "dso",
        "Travaux communs de l'Office et du Conseil.",
        [("Comité de liaison", None)],
        [("ordre-du-jour.pdf", "Comité de liaison", "staff"), ("compte-rendu.pdf", "Comité de liaison", "partner")],
    ),
]
FULL_FILES_PER_SPACE = 20


def generate(scale, log):
    organisation = _organisation(log)
    administrator = User.objects.get(username=ADMINISTRATOR)
    units = {u.code: u for u in OrgUnit.objects.all()}
    orders = {o.code: o for o in ProfessionalOrder.objects.all()}
    for name, order_code, unit_code, description, folders, files in DEMO_SPACES:
        partner = orders[order_code] if order_code else organisation
        space = _space(name, partner, units[unit_code], description, administrator)
        if space.files.exists():
            continue
        made = {}
        for folder_name, parent in folders:
            made[folder_name] = services.folder_save(
                folder=Folder(space=space, parent=made.get(parent), name=folder_name), user=administrator
            )
        staff = User.objects.filter(username=STAFF).first() if unit_code == "dso" else administrator
        partner_user = _partner_user(space)
        for file_name, folder, side in files:
            uploader = partner_user if side == "partner" and partner_user else staff or administrator
            _store(space, file_name, made.get(folder), uploader)
    # The order's reader reads only (a named member limited to reading).
    reader = User.objects.filter(username="lecteur.infirmieres").first()
    nurses = ExchangeSpace.objects.filter(professional_order__code="infirmieres").order_by("pk").first()
    if reader and nurses and not SpaceMember.objects.filter(space=nurses, user=reader).exists():
        services.member_set(space=nurses, person=reader, access=MemberAccess.READ, user=administrator)
    log(f"{len(DEMO_SPACES)} exchange spaces")
    if scale == "full":
        _full(orders, units, administrator, log)


def _organisation(log):
    name, email = ORGANISATION
    organisation, _created = PartnerOrganisation.objects.get_or_create(name=name, defaults={"email": email})
    username, first, last = ORGANISATION_USER
    user, created = User.objects.update_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@demo.opq.gouv.qc.ca",
            "kind": UserKind.PARTNER,
            "professional_order": None,
            "partner_organisation": organisation,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    user.groups.set([Group.objects.get(name=str(Role.PARTNER))])
    return organisation


def _space(name, partner, unit, description, administrator):
    is_order = isinstance(partner, ProfessionalOrder)
    space = ExchangeSpace.objects.filter(
        name=name, **({"professional_order": partner} if is_order else {"organisation": partner})
    ).first()
    if space is not None:
        return space
    space = ExchangeSpace(
        name=name,
        professional_order=partner if is_order else None,
        organisation=None if is_order else partner,
        owner_unit=unit,
        description=description,
    )
    return services.space_save(space=space, user=administrator)


def _partner_user(space):
    people = User.objects.filter(kind=UserKind.PARTNER, is_active=True).order_by("pk")
    if space.professional_order_id:
        people = people.filter(professional_order_id=space.professional_order_id, groups__name=Role.ORDER_DECLARANT)
    else:
        people = people.filter(partner_organisation_id=space.organisation_id)
    return people.first()


def _store(space, file_name, folder, user, content=None):
    title = file_name.removesuffix(".pdf").replace("-", " ").capitalize()
    content = content or pdf.render(
        [pdf.heading(title), pdf.paragraph(f"{space.name}. Document de démonstration.")], title=title
    )
    upload = SimpleUploadedFile(file_name, content, content_type="application/pdf")
    return services.file_store(space=space, uploaded=upload, user=user, folder=folder)


def _full(orders, units, administrator, log):
    """One space per order, owned in turn by the units that work with the orders."""
    owners = [units[code] for code in ("dso", "daj", "dra") if code in units]
    content = pdf.render([pdf.heading("Pièce échangée"), pdf.paragraph("Document de volume.")], title="Pièce")
    made = 0
    for index, order in enumerate(sorted(orders.values(), key=lambda o: o.code)):
        space = _space(f"Échanges avec {order.name}", order, owners[index % len(owners)], "", administrator)
        if space.files.exists():
            continue
        with transaction.atomic():
            folders = [
                services.folder_save(folder=Folder(space=space, name=name), user=administrator)
                for name in ("Correspondance", "Rapports", "Règlements")
            ]
            for number in range(FULL_FILES_PER_SPACE):
                folder = folders[number % len(folders)] if number % 4 else None
                _store(space, f"piece-{number + 1:02d}.pdf", folder, administrator, content)
        made += 1
    log(f"{made} more exchange spaces of {FULL_FILES_PER_SPACE} files (one per order)")


register(Generator(key="documents.exchange", order=95, run=generate))
