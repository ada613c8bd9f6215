"""Assets from a spreadsheet (XLSX or CSV), every field of an asset: one row per asset, the
columns of TEMPLATE_HEADERS. Every row is checked first (unknown category or room, a tag or a
serial number given twice or already taken, a bad date or amount, …) and reported in French
by row; nothing is saved unless the whole file is clean. A clean file is shown as a preview
first and imported on confirmation (views/imports.py)."""

from contextlib import suppress
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from inventaire import services
from inventaire.choices import Encryption
from inventaire.labels import TAG_PATTERN
from inventaire.models import Asset, Category, Location
from opq_intranet.core.files import sniff_mime_type
from opq_intranet.core.spreadsheets import cell_text, read_csv, read_workbook, xlsx_bytes

COLUMNS = [
    ("tag", "Étiquette"),
    ("category", "Catégorie"),
    ("manufacturer", "Fabricant"),
    ("model_name", "Modèle"),
    ("serial_number", "Numéro de série"),
    ("description", "Description"),
    ("site", "Bureau"),
    ("floor", "Étage"),
    ("room", "Local"),
    ("purchased_on", "Date d’achat"),
    ("supplier", "Fournisseur"),
    ("invoice_number", "Numéro de facture"),
    ("cost", "Coût"),
    ("warranty_ends_on", "Fin de la garantie"),
    ("life_months", "Durée de vie (mois)"),
    ("hostname", "Nom d’hôte"),
    ("os_name", "Système d’exploitation"),
    ("os_version", "Version du système"),
    ("disk_encryption", "Chiffrement du disque"),
    ("mdm_enrolled", "Sous gestion des appareils"),
    ("verified_on", "Dernière vérification"),
    ("notes", "Notes"),
]
TEMPLATE_HEADERS = [header for _name, header in COLUMNS]
MAX_ROWS, MAX_COLUMNS, MAX_CELLS = 10_000, 40, 400_000
ENCRYPTION = {"oui": Encryption.YES, "non": Encryption.NO, "inconnu": Encryption.UNKNOWN, "": Encryption.UNKNOWN}
YES_NO = {"oui": True, "non": False, "": False}
LENGTHS = {name: Asset._meta.get_field(name).max_length for name, _h in COLUMNS if name in {
    "manufacturer", "model_name", "serial_number", "description", "supplier", "invoice_number", "hostname", "os_name",
    "os_version"}}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    row: int | str
    message: str


@dataclass
class Checked:
    """The file's assets, ready to save, and its problems (the assets count only without)."""

    assets: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def template_xlsx():
    return xlsx_bytes([("Actifs", [TEMPLATE_HEADERS])])


def read_rows(name, content):
    """[(row number, {column: text})] of the file, or a ValidationError on the file itself."""
    if name.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("The CSV file is not in UTF-8: save it again as « CSV UTF-8 ».")) from error
        first_line = text.lstrip("\ufeff").partition("\n")[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","  # Excel in French
        rows = read_csv(text, max_rows=MAX_ROWS + 1, max_columns=MAX_COLUMNS, max_cells=MAX_CELLS, delimiter=delimiter)
    else:
        upload = SimpleUploadedFile(name, content)
        upload.content_type = sniff_mime_type(upload)
        rows = read_workbook(upload, max_rows=MAX_ROWS + 1, max_columns=MAX_COLUMNS, max_cells=MAX_CELLS)[0][1]
    if not rows:
        raise ValidationError(_("The file is empty."))
    header = [cell_text(value).lstrip("\ufeff").lower() for value in rows[0]]
    expected = [h.lower() for h in TEMPLATE_HEADERS]
    missing = [h for h, low in zip(TEMPLATE_HEADERS, expected, strict=True) if low not in header]
    if missing:
        raise ValidationError(_("Columns missing from the first row: %(columns)s.") % {"columns": ", ".join(missing)})
    index = {name: header.index(head) for (name, _h), head in zip(COLUMNS, expected, strict=True)}
    read = []
    for number, values in enumerate(rows[1:], start=2):
        cells = [cell_text(v) for v in values]
        if not any(cells):
            continue
        cells += [""] * (len(header) - len(cells))
        read.append((number, {name: cells[position] for name, position in index.items()}))
    return read


def _date(value, label, problems, row):
    if not value:
        return None
    day = None
    with suppress(ValueError):  # a date that does not exist (2026-02-30)
        day = parse_date(value[:10])
    if day is None:
        problems.append(
            Problem(row, _("%(column)s: « %(value)s » is not a date (2026-03-31).") % {"column": label, "value": value})
        )
    return day


def check(read):
    """Every row checked against the database and the rest of the file."""
    checked = Checked()
    problems = checked.problems
    categories = {c.name.lower(): c for c in Category.objects.filter(is_active=True)}
    rooms = {
        (loc.site.code.lower(), loc.floor.lower(), loc.room.lower()): loc
        for loc in Location.objects.filter(is_active=True).select_related("site")
    }
    rooms.update({(loc.site.name.lower(), f, r): loc for (_c, f, r), loc in list(rooms.items())})
    taken_tags = set(Asset.objects.values_list("tag", flat=True))
    taken_serials = {
        (m.lower(), n.lower(), s.lower()) for m, n, s in Asset.objects.exclude(serial_number="").values_list(
            "manufacturer", "model_name", "serial_number")
    }  # fmt: skip
    seen_tags, seen_serials = {}, {}
    labels = dict(COLUMNS)
    for row, cells in read:
        before = len(problems)
        tag = cells["tag"].upper()
        if tag and not TAG_PATTERN.match(tag):
            problems.append(
                Problem(row, _("The tag « %(tag)s » holds capitals, digits and dashes only (3 to 30).") % {"tag": tag})
            )
        elif tag in taken_tags:
            problems.append(Problem(row, _("The tag %(tag)s is already an asset's.") % {"tag": tag}))
        elif tag and tag in seen_tags:
            problems.append(
                Problem(row, _("The tag %(tag)s is also on row %(other)s.") % {"tag": tag, "other": seen_tags[tag]})
            )
        if tag:
            seen_tags.setdefault(tag, row)
        category = categories.get(cells["category"].lower())
        if category is None:
            problems.append(Problem(row, _("No category is named « %(name)s ».") % {"name": cells["category"]}))
        location = None
        if cells["site"] or cells["floor"] or cells["room"]:
            key = (cells["site"].lower(), cells["floor"].lower(), cells["room"].lower())
            location = rooms.get(key)
            if location is None:
                problems.append(Problem(row, _("No room %(room)s on floor %(floor)s of « %(site)s ».") % {
                    "room": cells["room"], "floor": cells["floor"], "site": cells["site"]}))  # fmt: skip
        serial = (cells["manufacturer"].lower(), cells["model_name"].lower(), cells["serial_number"].lower())
        if cells["serial_number"]:
            if serial in taken_serials:
                problems.append(
                    Problem(
                        row,
                        _("An asset of this make and model already has the serial number %(serial)s.")
                        % {"serial": cells["serial_number"]},
                    )
                )
            elif serial in seen_serials:
                problems.append(
                    Problem(
                        row,
                        _("The serial number %(serial)s of this model is also on row %(other)s.")
                        % {"serial": cells["serial_number"], "other": seen_serials[serial]},
                    )
                )
            seen_serials.setdefault(serial, row)
        for name, limit in LENGTHS.items():
            if len(cells[name]) > limit:
                problems.append(
                    Problem(
                        row, _("%(column)s: at most %(limit)s characters.") % {"column": labels[name], "limit": limit}
                    )
                )
        cost = None
        if cells["cost"]:
            try:
                cost = Decimal(cells["cost"].replace("\u00a0", "").replace(" ", "").replace("$", "").replace(",", "."))
                if cost < 0 or cost >= Decimal("1e8") or cost != cost.quantize(Decimal("0.01")):
                    raise InvalidOperation
            except InvalidOperation:
                problems.append(
                    Problem(row, _("Cost: « %(value)s » is not an amount (1890.00).") % {"value": cells["cost"]})
                )
                cost = None
        life = None
        if cells["life_months"]:
            if not cells["life_months"].isdigit() or not 1 <= int(cells["life_months"]) <= 600:
                problems.append(Problem(row, _("Expected life: a number of months from 1 to 600.")))
            else:
                life = int(cells["life_months"])
        encryption = ENCRYPTION.get(cells["disk_encryption"].lower())
        if encryption is None:
            problems.append(Problem(row, _("Disk encryption: « oui », « non » or « inconnu ».")))
        managed = YES_NO.get(cells["mdm_enrolled"].lower())
        if managed is None:
            problems.append(Problem(row, _("Device management: « oui » or « non ».")))
        purchased_on = _date(cells["purchased_on"], labels["purchased_on"], problems, row)
        warranty_ends_on = _date(cells["warranty_ends_on"], labels["warranty_ends_on"], problems, row)
        verified_on = _date(cells["verified_on"], labels["verified_on"], problems, row)
        if len(problems) > before:
            continue
        asset = Asset(
            category=category, location=location, cost=cost, life_months=life, disk_encryption=encryption,
            mdm_enrolled=managed, purchased_on=purchased_on, warranty_ends_on=warranty_ends_on, verified_on=verified_on,
            notes=cells["notes"],
            **{name: cells[name] for name in LENGTHS},
        )  # fmt: skip
        checked.assets.append((row, tag, asset))
    return checked


def check_file(name, content):
    try:
        read = read_rows(name, content)
    except ValidationError as error:
        return Checked(problems=[Problem("", error.messages[0])])
    return check(read)


@transaction.atomic
def import_assets(checked, *, user):
    """Register every checked asset through the service (its own checks again); all or none."""
    for row, tag, asset in checked.assets:
        try:
            services.asset_register(asset=asset, user=user, tag=tag)
        except ValidationError as error:
            raise ValidationError(f"{_('Row')} {row} : {' '.join(error.messages)}") from error
    return len(checked.assets)
