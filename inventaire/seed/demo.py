"""Demo data of the inventory (`manage.py seed_demo`): the categories with their life and
residual value, the rooms of the Québec and Montréal offices, and the assets (600 at the demo
scale, 8 000 at full scale) bought over five years: each staff member's laptop, screens, phone,
desk and chair, the rooms' printers and screens, the stock, and the past: laptops replaced
after four years (checked in, then disposed of with their wipe proof noted), repairs, a loss.

The past is written in bulk (history triggers off: a seed's rows have no "created" event);
then the present runs through the services: Marie Tremblay's new laptop and screen, handed
over by Daniel Morin (inventaire.morin) and waiting for her acknowledgement on Mon équipement,
a stock-taking of the Québec office's floor 10 under way, and four software licences (one
expiring within 60 days).
Idempotent: nothing is added once assets exist.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from inventaire import services
from inventaire.choices import AssetStatus, CategoryKind, DisposalReason, Encryption, MovementKind, Posture
from inventaire.models import Asset, Assignment, Campaign, Category, HandOver, Licence, Location, Movement, Seat
from inventaire.services.assets import TAG_PREFIX, TAG_SERIES, TAG_YEAR
from opq_intranet.accounts.models import User
from opq_intranet.core.history import history_triggers_off
from opq_intranet.core.models import Site
from opq_intranet.core.numbering import reserve_numbers
from opq_intranet.core.selectors import active_staff

TECHNICIAN = "inventaire.morin"
STORY_HOLDER = "marie.tremblay"
ASSETS = {"demo": 600, "full": 8000}
YEARS = 5
# name, kind, posture, holds data, life (months), residual %, (makers and models), unit cost
CATEGORIES = [
    ("Bureau de travail", CategoryKind.FURNITURE, Posture.NONE, False, 180, "0", [("Steelcase", "Ology")], 950),
    ("Chaise", CategoryKind.FURNITURE, Posture.NONE, False, 120, "0", [("Herman Miller", "Aeron")], 1200),
    ("Classeur", CategoryKind.FURNITURE, Posture.NONE, False, 240, "0", [("Global", "Latéral 4 tiroirs")], 480),
    ("Table de réunion", CategoryKind.FURNITURE, Posture.NONE, False, 180, "0", [("Teknion", "Expansion")], 2100),
    ("Poste de travail", CategoryKind.IT, Posture.WORKSTATION, True, 60, "5", [("Dell", "OptiPlex 7020")], 1350),
    (
        "Ordinateur portable",
        CategoryKind.IT,
        Posture.LAPTOP,
        True,
        48,
        "5",
        [("Dell", "Latitude 7450"), ("Lenovo", "ThinkPad T14")],
        1890,
    ),
    ("Écran", CategoryKind.IT, Posture.NONE, False, 72, "0", [("Dell", "P2425H"), ("LG", "27BR650")], 320),
    (
        "Téléphone intelligent",
        CategoryKind.IT,
        Posture.MOBILE,
        True,
        36,
        "0",
        [("Apple", "iPhone 15"), ("Samsung", "Galaxy A55")],
        980,
    ),
    ("Tablette", CategoryKind.IT, Posture.MOBILE, True, 48, "0", [("Apple", "iPad 10")], 650),
    (
        "Imprimante",
        CategoryKind.IT,
        Posture.NONE,
        True,
        60,
        "0",
        [("HP", "LaserJet M611"), ("Ricoh", "IM C3000")],
        2400,
    ),
    ("Serveur", CategoryKind.IT, Posture.NONE, True, 60, "10", [("Dell", "PowerEdge R760")], 14500),
    ("Équipement réseau", CategoryKind.IT, Posture.NONE, False, 84, "0", [("Cisco", "Catalyst 9300")], 6200),
    ("Autre équipement TI", CategoryKind.IT, Posture.NONE, False, 48, "0", [("Logitech", "Rally Bar")], 3100),
]
ROOMS = {
    "quebec": [("10", f"10.{n:02d}") for n in range(1, 31)] + [("10", "10.M")],
    "montreal": [("15", f"15.{n:02d}") for n in range(1, 16)] + [("15", "15.M")],
}
STOREROOM = {"quebec": "10.M", "montreal": "15.M"}
SUPPLIERS = ["Centre de services partagés du Québec", "Insight Canada", "Bureau en Gros Entreprise", "CDW Canada"]
OS_VERSIONS = [("Windows 11", "24H2"), ("Windows 11", "23H2"), ("Windows 10", "22H2")]
PER_PERSON = ["Ordinateur portable", "Écran", "Écran", "Bureau de travail", "Chaise"]


def _categories():
    made = {}
    for name, kind, posture, storage, life, residual, _models, _cost in CATEGORIES:
        made[name], _ = Category.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "posture": posture,
                "has_storage": storage,
                "life_months": life,
                "residual_percent": Decimal(residual),
            },
        )
    return made


def _locations():
    rooms = {}
    for site in Site.objects.all():
        for floor, room in ROOMS.get(site.code, []):
            description = "Magasin" if room == STOREROOM[site.code] else ""
            rooms[(site.code, room)], _ = Location.objects.get_or_create(
                site=site, floor=floor, room=room, defaults={"description": description}
            )
    return rooms


class Past:
    """The rows of five years, built in memory and written at once."""

    def __init__(self, technician, today, rng):
        self.technician, self.today, self.rng = technician, today, rng
        self.assets, self.assignments, self.movements, self.handovers = [], [], [], []
        self.handover_of = {}

    def day(self, since):
        span = max((self.today - since).days, 1)
        return since + timedelta(days=self.rng.randrange(span))

    def asset(self, category, spec, bought, location, status=AssetStatus.IN_STOCK):
        maker, model = self.rng.choice(spec[6])
        asset = Asset(
            category=category,
            manufacturer=maker,
            model_name=model,
            serial_number=f"{maker[:2].upper()}{self.rng.randrange(10**9):09d}",
            status=status,
            location=location,
            purchased_on=bought,
            supplier=self.rng.choice(SUPPLIERS),
            invoice_number=f"F-{bought.year}-{self.rng.randrange(1, 9999):04d}",
            cost=(Decimal(spec[7]) * Decimal(self.rng.choice(["0.9", "1", "1", "1.1"]))).quantize(Decimal("0.01")),
            warranty_ends_on=bought + timedelta(days=365 * (3 if category.kind == CategoryKind.IT else 5)),
            created_by=self.technician,
        )
        if category.kind == CategoryKind.IT:
            asset.hostname = f"OPQ-{category.pk:02d}-{len(self.assets):05d}"
            if category.posture in (Posture.LAPTOP, Posture.WORKSTATION):
                asset.os_name, asset.os_version = self.rng.choices(OS_VERSIONS, weights=[6, 3, 1])[0]
                asset.disk_encryption = self.rng.choices(
                    [Encryption.YES, Encryption.NO, Encryption.UNKNOWN], [17, 2, 1]
                )[0]
            if category.posture == Posture.MOBILE:
                asset.os_name = "iOS" if maker == "Apple" else "Android"
                asset.mdm_enrolled = self.rng.random() < 0.9
            asset.verified_on = self.day(max(bought, self.today - timedelta(days=365)))
        self.assets.append(asset)
        self.movements.append(
            Movement(asset=asset, kind=MovementKind.REGISTERED, on=bought, by=self.technician, location=location)
        )
        return asset

    def hand_over(self, asset, person, on, *, until=None):
        key = (person.pk, on)
        handover = self.handover_of.get(key)
        if handover is None:
            acknowledged = timezone.make_aware(datetime.combine(on + timedelta(days=self.rng.randrange(3)), time(10)))
            handover = HandOver(holder=person, handed_on=on, handed_by=self.technician, acknowledged_at=acknowledged)
            self.handover_of[key] = handover
            self.handovers.append(handover)
        self.assignments.append(
            Assignment(
                asset=asset,
                holder=person,
                handover=handover,
                checked_out_on=on,
                checked_out_by=self.technician,
                checked_in_on=until,
                checked_in_by=self.technician if until else None,
                confirmed_on=self.day(max(on, self.today - timedelta(days=300))) if until is None else None,
            )
        )
        self.movements.append(
            Movement(asset=asset, kind=MovementKind.CHECKED_OUT, on=on, by=self.technician, holder=person)
        )
        if until:
            self.movements.append(
                Movement(asset=asset, kind=MovementKind.CHECKED_IN, on=until, by=self.technician, holder=person)
            )
        else:
            asset.status, asset.holder = AssetStatus.ASSIGNED, person

    def write(self):
        first = reserve_numbers(TAG_SERIES, len(self.assets), year=TAG_YEAR)
        for n, asset in enumerate(self.assets):
            asset.tag = f"{TAG_PREFIX}{first + n:06d}"
        Asset.objects.bulk_create(self.assets, batch_size=2000)
        HandOver.objects.bulk_create(self.handovers, batch_size=2000)
        Assignment.objects.bulk_create(self.assignments, batch_size=5000)
        Movement.objects.bulk_create(self.movements, batch_size=5000)


def _build(past, categories, rooms, staff, size):
    rng, today = past.rng, past.today
    start = today - timedelta(days=365 * YEARS)
    specs = {spec[0]: spec for spec in CATEGORIES}
    sites = {code: [loc for (c, _r), loc in rooms.items() if c == code] for code in ROOMS}
    storeroom = {code: rooms[(code, STOREROOM[code])] for code in ROOMS}

    def new(name, bought, location):
        return past.asset(categories[name], specs[name], bought, location)

    # Each person's equipment; a laptop older than its life was replaced (the old one disposed of).
    for person in staff:
        site = "montreal" if person.site_id and person.site.code == "montreal" else "quebec"
        office = rng.choice(sites[site])
        for name in PER_PERSON:
            bought = past.day(start)
            asset = new(name, bought, office)
            if name == "Ordinateur portable" and (today - bought).days > 365 * 3:
                replaced = bought + timedelta(days=365 * 3 + rng.randrange(200))
                if replaced < today:
                    past.hand_over(asset, person, bought + timedelta(days=7), until=replaced)
                    asset.status, asset.location = AssetStatus.DISPOSED, storeroom[site]
                    asset.disposed_on, asset.disposal_reason = replaced + timedelta(days=30), DisposalReason.RECYCLED
                    asset.disposal_note = "Effacement certifié (démo)"
                    past.movements.append(
                        Movement(asset=asset, kind=MovementKind.DISPOSED, on=asset.disposed_on, by=past.technician)
                    )
                    asset = new(name, replaced - timedelta(days=7), office)
                    past.hand_over(asset, person, replaced)
                    continue
            past.hand_over(asset, person, min(bought + timedelta(days=7), today))
        if rng.random() < 0.4:
            phone = new("Téléphone intelligent", past.day(start), office)
            past.hand_over(phone, person, min(phone.purchased_on + timedelta(days=3), today))
    # The rooms' shared equipment and the stock, up to the scale's size.
    shared = [
        "Imprimante",
        "Écran",
        "Table de réunion",
        "Classeur",
        "Autre équipement TI",
        "Poste de travail",
        "Tablette",
    ]
    while len(past.assets) < size - 3:
        site = rng.choice(list(ROOMS))
        name = rng.choice(shared)
        location = storeroom[site] if rng.random() < 0.3 else rng.choice(sites[site])
        asset = new(name, past.day(start), location)
        roll = rng.random()
        if roll < 0.03:
            asset.status = AssetStatus.IN_REPAIR
            past.movements.append(
                Movement(
                    asset=asset,
                    kind=MovementKind.REPAIR_SENT,
                    on=past.day(today - timedelta(days=30)),
                    by=past.technician,
                )
            )
        elif roll < 0.04:
            asset.status = AssetStatus.LOST
            past.movements.append(
                Movement(
                    asset=asset, kind=MovementKind.LOST, on=past.day(today - timedelta(days=200)), by=past.technician
                )
            )
    for code in ROOMS:
        new("Serveur", past.day(start), storeroom[code])
        new("Équipement réseau", past.day(start), storeroom[code])


def _story(technician, categories, rooms):
    """Marie Tremblay's new laptop and screen, waiting for her acknowledgement."""
    holder = User.objects.filter(username=STORY_HOLDER).first()
    if holder is None:
        return
    office = rooms[("quebec", "10.12")]
    today = timezone.localdate()
    laptop = services.asset_register(
        asset=Asset(
            category=categories["Ordinateur portable"],
            manufacturer="Dell",
            model_name="Latitude 7450",
            serial_number="DL7450-DEMO-0001",
            location=office,
            purchased_on=today - timedelta(days=10),
            supplier=SUPPLIERS[0],
            invoice_number="F-DEMO-0001",
            cost=Decimal("1890.00"),
            warranty_ends_on=today + timedelta(days=3 * 365),
            hostname="OPQ-POR-DEMO1",
            os_name="Windows 11",
            os_version="24H2",
            disk_encryption=Encryption.YES,
        ),
        user=technician,
    )
    screen = services.asset_register(
        asset=Asset(
            category=categories["Écran"],
            manufacturer="Dell",
            model_name="P2425H",
            serial_number="DLP24-DEMO-0001",
            location=office,
            purchased_on=today - timedelta(days=10),
            cost=Decimal("320.00"),
        ),
        user=technician,
    )
    services.check_out(
        assets=[laptop, screen], user=technician, on=today, holder=holder, note="Remplacement du portable"
    )


def _stock_taking(technician, rooms):
    """A stock-taking of the Québec office's floor 10 under way: rooms 10.01 to 10.05 scanned,
    one asset of 10.06 found in 10.05, a tag nobody knows."""
    today = timezone.localdate()
    campaign = services.campaign_open(
        campaign=Campaign(site=rooms[("quebec", "10.01")].site, floor="10", opened_on=today, note="Inventaire annuel"),
        user=technician,
    )
    for n in range(1, 6):
        room = rooms[("quebec", f"10.{n:02d}")]
        for asset in Asset.objects.filter(location=room, status__in=(AssetStatus.IN_STOCK, AssetStatus.ASSIGNED)):
            services.campaign_scan(campaign=campaign, user=technician, tag=asset.tag, location=room)
    stray = Asset.objects.filter(location=rooms[("quebec", "10.06")], status=AssetStatus.IN_STOCK).first()
    if stray:
        services.campaign_scan(campaign=campaign, user=technician, tag=stray.tag, location=rooms[("quebec", "10.05")])
    services.campaign_scan(campaign=campaign, user=technician, tag="OPQ-ANCIEN-17", location=rooms[("quebec", "10.05")])


def _licences(technician, staff):
    """The Office's software licences, one expiring within 60 days (its warning is due)."""
    today = timezone.localdate()
    specs = [
        ("Microsoft 365 E3", "Microsoft", "CSPQ-M365-2025", 100, "41.00", today + timedelta(days=400)),
        ("Adobe Acrobat Pro", "Adobe", "VIP-88412", 12, "24.99", today + timedelta(days=40)),
        ("Antivirus des postes", "ESET", "CSPQ-AV-2024", 200, "9.50", today + timedelta(days=200)),
        ("Logiciel de gestion documentaire", "Constellio", "", 20, None, None),
    ]
    for name, vendor, reference, seats, cost, expires_on in specs:
        licence = services.licence_save(
            licence=Licence(
                name=name,
                vendor=vendor,
                reference=reference,
                seats=seats,
                cost=Decimal(cost) if cost else None,
                starts_on=today - timedelta(days=365),
                expires_on=expires_on,
            ),
            user=technician,
        )
        holders = staff[: min(len(staff), seats // 2)]
        Seat.objects.bulk_create(
            Seat(licence=licence, holder=person, assigned_on=licence.starts_on, assigned_by=technician)
            for person in holders
        )


def generate(scale, log):
    technician = User.objects.filter(username=TECHNICIAN).first()
    if technician is None or Asset.objects.exists():
        log("    the assets are already there" if technician else "    needs the demo accounts (core.accounts)")
        return
    size = ASSETS.get(scale, ASSETS["demo"])
    staff = list(active_staff().select_related("site").exclude(username=STORY_HOLDER).order_by("pk"))
    with transaction.atomic():
        categories = _categories()
        rooms = _locations()
        past = Past(technician, timezone.localdate(), random.Random(f"inventaire-{scale}"))
        _build(past, categories, rooms, staff, size)
        with history_triggers_off("inventaire_asset", "inventaire_handover"):
            past.write()
        _story(technician, categories, rooms)
        _stock_taking(technician, rooms)
        _licences(technician, staff)
    log(
        f"    {len(past.assets) + 2} assets, {len(past.assignments) + 2} assignments, "
        f"{len(past.movements)} journal lines"
    )
