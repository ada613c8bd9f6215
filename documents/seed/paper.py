"""Paper records demo and scale data: storage spaces at both sites, boxes, loans.

Runs after the files' generator (documents/seed/records.py) and works with the paper and
hybrid files it finds; with none, it only creates the spaces. Idempotent: spaces by code,
boxes and loans only when there are none yet.

Demo: through the services, as the records manager would (numbered boxes put in spaces of
their unit's site, files put in them, a loan overdue, one out, one returned). Full: about
2 000 boxes of 12 files and 600 loans, bulk-inserted.
"""

import random
from datetime import timedelta
from itertools import groupby

from django.db import connection
from django.utils import timezone

from documents import selectors, services
from documents.choices import FileMedium, LifecycleStage
from documents.models import Box, BoxStatus, PaperLoan, RecordFile, StorageSpace
from opq_intranet.accounts.models import User, UserKind
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.models import NumberSequence, OrgUnit, Site
from opq_intranet.core.registry.seed import Generator, register

RECORDS_MANAGER = "gd.gagnon"
BOX_CAPACITY = 12

# (code, site code, room, shelf, capacity in boxes, description)
DEMO_SPACES = [
    ("Q-10.12-A", "quebec", "Salle 10.12 (voûte)", "Rayonnage A", 40, "Dossiers actifs des directions de Québec."),
    ("Q-10.12-B", "quebec", "Salle 10.12 (voûte)", "Rayonnage B", 40, "Dossiers actifs des directions de Québec."),
    ("Q-RC-03", "quebec", "Entrepôt du rez-de-chaussée", "Rayonnage 3", 120, "Dossiers semi-actifs."),
    ("M-15.04-A", "montreal", "Salle 15.04", "Rayonnage A", 30, "Dossiers actifs du bureau de Montréal."),
    ("M-15.04-B", "montreal", "Salle 15.04", "Rayonnage B", 30, "Dossiers semi-actifs du bureau de Montréal."),
]
FULL_SPACES_PER_SITE = {"quebec": 20, "montreal": 8}
FULL_SPACE_CAPACITY = 100
FULL_BOXED_FILES = 24_000
FULL_LOANS = 600


def generate(scale, log):
    _spaces(scale, log)
    paper = RecordFile.objects.exclude(medium=FileMedium.DIGITAL).exclude(stage=LifecycleStage.DISPOSED)
    if not paper.exists():
        log("    no paper file yet: spaces only")
        return
    if scale == "full":
        _full_boxes(paper, log)
        _full_loans(paper, log)
    else:
        manager = User.objects.filter(username=RECORDS_MANAGER).first()
        if manager is None:
            log("    needs the records manager's account")
            return
        _demo_boxes(paper, manager, log)
        _demo_loans(paper, manager, log)


def _spaces(scale, log):
    sites = {s.code: s for s in Site.objects.all()}
    rows = [row for row in DEMO_SPACES if row[1] in sites]
    if scale == "full":
        for site_code, count in FULL_SPACES_PER_SITE.items():
            prefix = "Q" if site_code == "quebec" else "M"
            rows += [
                (f"{prefix}-ENT-{n:02d}", site_code, "Entrepôt", f"Rayonnage {n}", FULL_SPACE_CAPACITY, "")
                for n in range(1, count + 1)
                if site_code in sites
            ]
    created = 0
    for code, site_code, room, shelf, capacity, description in rows:
        _space, was_created = StorageSpace.objects.get_or_create(
            code=code,
            defaults={
                "site": sites[site_code],
                "room": room,
                "shelf": shelf,
                "capacity": capacity,
                "description": description,
            },
        )
        created += was_created
    log(f"    {created} storage spaces added ({len(rows)} in the seed)")


def _space_for(unit, spaces, semi_active):
    """A space of the unit's site with room (semi-active boxes go to the warehouse shelves)."""
    site_id = unit.site_id
    candidates = [s for s in spaces if s.site_id == site_id and s.room_left > 0] or [
        s for s in spaces if s.room_left > 0
    ]
    if semi_active:
        candidates.sort(key=lambda s: "semi" not in s.description.lower())
    space = candidates[0] if candidates else None
    if space is not None:
        space.room_left -= 1
    return space


def _spaces_with_room():
    """Spaces in use, each with `room_left` (its free places), in code order."""
    spaces = list(selectors.spaces().filter(is_active=True).order_by("code"))
    for space in spaces:
        space.room_left = space.free
    return spaces


# --- Demo: through the services ---------------------------------------------------------------------


def _demo_boxes(paper, manager, log):
    if Box.objects.exists():
        log("    boxes are already there")
        return
    spaces = _spaces_with_room()
    files = list(paper.select_related("org_unit").order_by("org_unit__code", "opened_on", "pk"))
    by_unit = {}
    for record_file in files:
        by_unit.setdefault(record_file.org_unit, []).append(record_file)
    boxes = 0
    for unit, unit_files in by_unit.items():
        semi_active = all(f.stage == LifecycleStage.SEMI_ACTIVE for f in unit_files)
        box = services.box_create(
            box=Box(
                org_unit=unit,
                storage_space=_space_for(unit, spaces, semi_active),
                capacity=BOX_CAPACITY,
                status=BoxStatus.SEMI_ACTIVE if semi_active else BoxStatus.ACTIVE,
                notes=f"Dossiers papier : {unit.name}",
            ),
            user=manager,
        )
        boxes += 1
        for record_file in unit_files[:BOX_CAPACITY]:
            services.file_put_in_box(record_file=record_file, box=box, user=manager)
    # One empty box waiting in transit, as there always is one on the clerk's trolley.
    services.box_create(box=Box(org_unit=manager.org_unit or files[0].org_unit, capacity=BOX_CAPACITY), user=manager)
    log(f"    {boxes + 1} boxes, {min(len(files), boxes * BOX_CAPACITY)} files in them")


def _borrower_for(record_file, people, manager):
    """Someone of another unit for an open file, the unit's own staff (or the manager) otherwise."""
    restricted = record_file.confidentiality in (ConfidentialityLevel.PERSONAL, ConfidentialityLevel.CONFIDENTIAL)
    if restricted:
        same_unit = [p for p in people if p.org_unit_id == record_file.org_unit_id]
        return same_unit[0] if same_unit else manager
    others = [p for p in people if p.org_unit_id != record_file.org_unit_id and p.pk != manager.pk]
    return others[0] if others else manager


def _demo_loans(paper, manager, log):
    if PaperLoan.objects.exists():
        log("    loans are already there")
        return
    today = timezone.localdate()
    people = list(
        User.objects.filter(
            kind=UserKind.STAFF, is_active=True, username__in=("marie.tremblay", "bp.cote", "courrier.roy")
        )
        .select_related("org_unit")
        .order_by("username")
    )
    preferred = {"marie.tremblay": 0, "bp.cote": 1}
    people.sort(key=lambda p: preferred.get(p.username, 9))
    files = list(paper.order_by("opened_on", "pk")[:3])
    # (days ago it was lent, returned days ago or None): overdue, out, returned.
    plans = [(45, None), (10, None), (60, 40)]
    made = 0
    for record_file, (days_ago, returned_days_ago) in zip(files, plans, strict=False):
        borrower = _borrower_for(record_file, people, manager)
        people = people[1:] + people[:1]  # a different person each time
        loan = services.loan_create(
            record_file=record_file,
            borrower=borrower,
            user=manager,
            lent_on=today - timedelta(days=days_ago),
            note="Prêt pour consultation.",
        )
        if returned_days_ago is not None:
            services.loan_return(loan=loan, user=manager, returned_on=today - timedelta(days=returned_days_ago))
        made += 1
    log(f"    {made} loans")


# --- Full scale: bulk ---------------------------------------------------------------------------------


def _full_boxes(paper, log):
    if Box.objects.exists():
        log(f"    {Box.objects.count()} boxes are already there")
        return
    rng = random.Random(1212)
    creator = User.objects.filter(username=RECORDS_MANAGER).first() or User.objects.filter(is_superuser=True).first()
    spaces = _spaces_with_room()
    rows = list(
        paper.filter(box__isnull=True)
        .order_by("org_unit_id", "stage", "opened_on", "pk")
        .values_list("pk", "org_unit_id", "stage")[:FULL_BOXED_FILES]
    )
    units = {u.pk: u for u in OrgUnit.objects.all()}
    year = timezone.localdate().year
    last = (
        NumberSequence.objects.filter(series=services.BOX_SERIES, year=year)
        .values_list("last_value", flat=True)
        .first()
        or 0
    )
    boxes, contents = [], []
    for unit_id, unit_rows in groupby(rows, key=lambda row: row[1]):
        unit_rows = list(unit_rows)
        start = 0
        while start < len(unit_rows):
            size = BOX_CAPACITY - (2 if rng.random() < 0.3 else 0)  # about one box in three has room
            chunk = unit_rows[start : start + size]
            start += size
            semi_active = all(stage == LifecycleStage.SEMI_ACTIVE for _pk, _unit, stage in chunk)
            last += 1
            boxes.append(
                Box(
                    number=f"B{year}-{last:05d}",
                    org_unit_id=unit_id,
                    storage_space=_space_for(units[unit_id], spaces, semi_active),
                    capacity=BOX_CAPACITY,
                    status=BoxStatus.SEMI_ACTIVE if semi_active else BoxStatus.ACTIVE,
                    created_by=creator,
                )
            )
            contents.append([pk for pk, _unit, _stage in chunk])
    Box.objects.bulk_create(boxes, batch_size=2000)
    NumberSequence.objects.update_or_create(series=services.BOX_SERIES, year=year, defaults={"last_value": last})
    file_ids, box_ids = [], []
    for box, box_files in zip(boxes, contents, strict=True):
        file_ids += box_files
        box_ids += [box.pk] * len(box_files)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE documents_recordfile AS f SET box_id = v.box_id
            FROM unnest(%s::bigint[], %s::bigint[]) AS v(file_id, box_id)
            WHERE f.id = v.file_id
            """,
            [file_ids, box_ids],
        )
    log(f"    {len(boxes)} boxes, {len(file_ids)} files in them")


def _full_loans(paper, log):
    if PaperLoan.objects.exists():
        log(f"    {PaperLoan.objects.count()} loans are already there")
        return
    rng = random.Random(600)
    today = timezone.localdate()
    manager = User.objects.filter(username=RECORDS_MANAGER).first() or User.objects.filter(is_superuser=True).first()
    people = list(User.objects.filter(kind=UserKind.STAFF, is_active=True).values_list("pk", flat=True))
    open_levels = (ConfidentialityLevel.PUBLIC, ConfidentialityLevel.INTERNAL)
    files = list(paper.filter(confidentiality__in=open_levels).order_by("?").values_list("pk", flat=True)[:FULL_LOANS])
    loans = []
    for index, file_id in enumerate(files):
        returned = index % 2 == 0  # half returned; the others lent in the last two months
        lent_on = today - timedelta(days=rng.randrange(50, 400) if returned else rng.randrange(1, 60))
        loans.append(
            PaperLoan(
                record_file_id=file_id,
                borrower_id=rng.choice(people),
                lent_by=manager,
                lent_on=lent_on,
                due_on=services.default_due_on(lent_on),
                returned_on=lent_on + timedelta(days=rng.randrange(3, 45)) if returned else None,
                returned_to=manager if returned else None,
            )
        )
    PaperLoan.objects.bulk_create(loans, batch_size=2000)
    log(f"    {len(loans)} loans")


register(Generator(key="documents.paper", order=90, run=generate))
