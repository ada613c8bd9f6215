"""What the tests of a candidate's declarations share: the Nominations officer, a
candidate, a small PDF, the pages' URLs and the kinds of users who may not reach them."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opq_intranet.accounts.roles import Role
from tests.administrateurs.factories import CandidateFactory
from tests.factories import UserFactory

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
OTHERS = ["staff_user", "staff_without_role", "partner_user", "other_partner_user"]


def make_officer():
    return UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS], first_name="Isabelle", last_name="Leblanc")


def make_candidate(officer, **fields):
    values = {"first_name": "Hélène", "last_name": "Bouchard", "email": "helene.bouchard@example.qc.ca"}
    return CandidateFactory(created_by=officer, **(values | fields))


def pdf(name="cv-helene-bouchard.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def url(name, *args):
    return reverse(f"administrateurs:{name}", args=args)
