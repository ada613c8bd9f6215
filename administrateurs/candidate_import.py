"""Candidacies from a spreadsheet (XLSX or CSV): one row per candidacy, the columns of
TEMPLATE_HEADERS (the two columns of declared links are optional). Every row is checked first
(a missing name, a region that is neither a code nor a name, a bad or future date, a bad email,
an email given twice in the file or already a candidacy's, an order the intranet does not know
in a link column, a text too long) and reported in French by row; nothing is saved unless the
whole file is clean. A clean file is shown as a preview first and imported on confirmation
(views/imports.py), all or none: each row enters as "received" through the service."""

from contextlib import suppress
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from administrateurs import services
from administrateurs.choices import Gender, LinkKind, Region
from administrateurs.models import Candidate
from opq_intranet.core.files import sniff_mime_type
from opq_intranet.core.models import ProfessionalOrder
from opq_intranet.core.spreadsheets import cell_text, read_csv, read_workbook, xlsx_bytes
from opq_intranet.core.text import strip_accents

COLUMNS = [
    ("first_name", "Prénom"),
    ("last_name", "Nom"),
    ("email", "Courriel"),
    ("phone", "Téléphone"),
    ("city", "Ville"),
    ("region", "Région"),
    ("speaks_french", "Parle français"),
    ("speaks_english", "Parle anglais"),
    ("other_languages", "Autres langues"),
    ("expertise", "Domaines d’expertise"),
    ("governance_experience", "Expérience en gouvernance"),
    ("availability", "Disponibilité"),
    ("gender", "Genre (facultatif)"),
    ("diversity", "Diversité (facultatif)"),
    ("received_on", "Reçue le"),
    ("consent_on", "Consentement donné le"),
    ("notes", "Notes"),
]
# Optional: the orders (names or short codes, separated by « ; ») of each declared link.
LINK_COLUMNS = [
    ("member_of", "Membre de l’ordre", LinkKind.MEMBER),
    ("interest_body_of", "Dirigeant d’un organisme de défense des membres (ordre)", LinkKind.INTEREST_BODY),
    ("other_link_with", "Autre lien avec l’ordre", LinkKind.OTHER),
]
TEMPLATE_HEADERS = [header for _name, header in COLUMNS] + [header for _name, header, _kind in LINK_COLUMNS]
MAX_ROWS, MAX_COLUMNS, MAX_CELLS = 5_000, 30, 150_000
TEXT_FIELDS = ("first_name", "last_name", "phone", "city", "other_languages", "expertise", "availability")
LENGTHS = {name: Candidate._meta.get_field(name).max_length for name in (*TEXT_FIELDS, "email")}
YES_NO = {"oui": True, "non": False}
GENDERS = {"": Gender.UNDECLARED, "non declare": Gender.UNDECLARED, "femme": Gender.WOMAN, "homme": Gender.MAN}
GENDERS |= {"autre": Gender.OTHER, "autre identite": Gender.OTHER}


def normal(text):
    """Text compared as people mean it: no accents, case, dashes or apostrophes' variants."""
    text = strip_accents(str(text)).lower().replace("’", "'")
    for dash in ("–", "—", "-"):
        text = text.replace(dash, " ")
    return " ".join(text.split())


REGIONS = {normal(label): value for value, label in Region.choices}
REGIONS |= {value: value for value in Region.values} | {str(int(value)): value for value in Region.values}


@dataclass(frozen=True)
class Problem:
    row: int | str
    message: str


@dataclass
class Checked:
    """The file's candidacies, ready to save, and its problems (the candidacies count only without)."""

    candidates: list = field(default_factory=list)  # (row, Candidate, [(kind, order)])
    problems: list = field(default_factory=list)


def template_xlsx():
    return xlsx_bytes([("Candidatures", [TEMPLATE_HEADERS])])


def _rows_of(name, content):
    if name.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("The CSV file is not in UTF-8: save it again as « CSV UTF-8 ».")) from error
        first_line = text.lstrip("\ufeff").partition("\n")[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","  # Excel in French
        return read_csv(text, max_rows=MAX_ROWS + 1, max_columns=MAX_COLUMNS, max_cells=MAX_CELLS, delimiter=delimiter)
    upload = SimpleUploadedFile(name, content)
    upload.content_type = sniff_mime_type(upload)
    return read_workbook(upload, max_rows=MAX_ROWS + 1, max_columns=MAX_COLUMNS, max_cells=MAX_CELLS)[0][1]


def read_rows(name, content):
    """[(row number, {column: text})] of the file, or a ValidationError on the file itself."""
    rows = _rows_of(name, content)
    if not rows:
        raise ValidationError(_("The file is empty."))
    header = [normal(cell_text(value).lstrip("\ufeff")) for value in rows[0]]
    missing = [head for _name, head in COLUMNS if normal(head) not in header]
    if missing:
        raise ValidationError(_("Columns missing from the first row: %(columns)s.") % {"columns": ", ".join(missing)})
    index = {name: header.index(normal(head)) for name, head in COLUMNS}
    index |= {name: header.index(normal(head)) for name, head, _kind in LINK_COLUMNS if normal(head) in header}
    read = []
    for number, values in enumerate(rows[1:], start=2):
        cells = [cell_text(v) for v in values]
        if not any(cells):
            continue
        cells += [""] * (len(header) - len(cells))
        read.append((number, {name: cells[position] for name, position in index.items()}))
    return read


class RowCheck:
    """One row's values, each problem added to the file's list with the row's number."""

    def __init__(self, row, cells, problems):
        self.row, self.cells, self.problems = row, cells, problems

    def problem(self, message):
        self.problems.append(Problem(self.row, message))

    def date(self, name, label):
        value = self.cells[name]
        if not value:
            self.problem(_("%(column)s: the date is missing.") % {"column": label})
            return None
        day = None
        with suppress(ValueError):  # a date that does not exist (2026-02-30)
            day = parse_date(value[:10])
        if day is None:
            self.problem(_("%(column)s: « %(value)s » is not a date (2026-03-31).") % {"column": label, "value": value})
        elif day > timezone.localdate():
            self.problem(_("%(column)s: %(value)s is later than today.") % {"column": label, "value": day.isoformat()})
            return None
        return day

    def yes_no(self, name, label, default):
        value = normal(self.cells[name])
        if not value:
            return default
        if value not in YES_NO:
            self.problem(_("%(column)s: « oui » or « non ».") % {"column": label})
            return default
        return YES_NO[value]


def _orders():
    orders = {}
    for order in ProfessionalOrder.objects.all():
        orders[normal(order.name)] = orders[normal(order.code)] = order
    return orders


def check(read):
    """Every row checked against the database and the rest of the file."""
    checked = Checked()
    problems = checked.problems
    labels = dict(COLUMNS) | {name: head for name, head, _kind in LINK_COLUMNS}
    orders = _orders()
    taken = set(Candidate.objects.exclude(email="").annotate(low=Lower("email")).values_list("low", flat=True))
    seen = {}
    for row, cells in read:
        before = len(problems)
        line = RowCheck(row, cells, problems)
        for name in ("first_name", "last_name"):
            if not cells[name]:
                line.problem(_("%(column)s: missing.") % {"column": labels[name]})
        for name, limit in LENGTHS.items():
            if len(cells[name]) > limit:
                line.problem(_("%(column)s: at most %(limit)s characters.") % {"column": labels[name], "limit": limit})
        email = cells["email"].lower()
        if email and len(email) <= LENGTHS["email"]:
            try:
                validate_email(email)
            except ValidationError:
                line.problem(_("Email: « %(value)s » is not an email address.") % {"value": cells["email"]})
            else:
                if email in taken:
                    line.problem(_("The email %(email)s is already a candidacy's.") % {"email": cells["email"]})
                elif email in seen:
                    line.problem(
                        _("The email %(email)s is also on row %(other)s.")
                        % {"email": cells["email"], "other": seen[email]}
                    )
                seen.setdefault(email, row)
        region = REGIONS.get(normal(cells["region"]))
        if not cells["region"]:
            line.problem(_("Region: missing (its number, 01 to 17, or its name)."))
        elif region is None:
            line.problem(
                _("Region: no region has the number or the name « %(value)s » (01 to 17, or its name).")
                % {"value": cells["region"]}
            )
        gender = GENDERS.get(normal(cells["gender"]))
        if gender is None:
            line.problem(_("Gender: « femme », « homme », « autre » or empty."))
        speaks_french = line.yes_no("speaks_french", labels["speaks_french"], True)
        speaks_english = line.yes_no("speaks_english", labels["speaks_english"], False)
        diversity = line.yes_no("diversity", labels["diversity"], False)
        received_on = line.date("received_on", labels["received_on"])
        consent_on = line.date("consent_on", labels["consent_on"])
        links = []
        for name, _head, kind in LINK_COLUMNS:
            for named in filter(None, (part.strip() for part in cells.get(name, "").split(";"))):
                order = orders.get(normal(named))
                if order is None:
                    line.problem(
                        _("%(column)s: no professional order is named « %(name)s ».")
                        % {"column": labels[name], "name": named}
                    )
                elif (kind, order) not in links:
                    links.append((kind, order))
        if len(problems) > before:
            continue
        candidate = Candidate(
            region=region, gender=gender, speaks_french=speaks_french, speaks_english=speaks_english,
            diversity=diversity, received_on=received_on, consent_on=consent_on, email=cells["email"],
            governance_experience=cells["governance_experience"], notes=cells["notes"],
            **{name: cells[name] for name in TEXT_FIELDS},
        )  # fmt: skip
        checked.candidates.append((row, candidate, links))
    return checked


def check_file(name, content):
    try:
        read = read_rows(name, content)
    except ValidationError as error:
        return Checked(problems=[Problem("", error.messages[0])])
    return check(read)


@transaction.atomic
def import_candidates(checked, *, user):
    """Enter every checked candidacy (received) and its links through the services; all or none."""
    for row, candidate, links in checked.candidates:
        try:
            saved = services.candidate_save(candidate=candidate, user=user)
            for kind, order in links:
                services.link_add(candidate=saved, user=user, order=order, kind=kind, declared_on=saved.received_on)
        except ValidationError as error:
            raise ValidationError(
                _("Row %(row)s: %(problems)s") % {"row": row, "problems": " ".join(error.messages)}
            ) from error
    return len(checked.candidates)
