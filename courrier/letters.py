"""The letters of an access request, in French as the Office sends them: the response (with
the notice of recourse, art. 135) and the notice extending the deadline (art. 47 par. 2).

Each opens with the Office's letterhead (`LETTERHEAD`), then the date, the applicant's name
and postal address (`Contact.address_lines`). Their wording is in templates
(courrier/templates/courrier/letters/), plain text where a blank line separates paragraphs,
each line break within one is kept (an address, a signature: name, title and role each on
its own line) and "## " starts a heading, so that the person responsible for access can
adjust it without touching code.
"""

from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from django.utils import timezone, translation
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph

from courrier import deadlines
from courrier.choices import AccessDecision
from opq_intranet.core import pdf

# The Office's name and address, as its letters are headed.
LETTERHEAD = (
    "Office des professions du Québec",
    "800, place D'Youville, 10e étage",
    "Québec (Québec)  G1R 5Z3",
)


def french_list(values):
    """["53"] → "53"; ["53", "54"] → "53 et 54"; ["53", "54", "59"] → "53, 54 et 59"."""
    values = [str(v) for v in values]
    if len(values) < 2:
        return "".join(values)
    return f"{', '.join(values[:-1])} et {values[-1]}"


def _lines(lines, *, bold_first=False):
    """One paragraph whose lines stay lines."""
    marked = [escape(pdf.text(line)) for line in lines]
    if bold_first and marked:
        marked[0] = f"<b>{marked[0]}</b>"
    return Paragraph("<br/>".join(marked), pdf.STYLES["body"])


def _story(text):
    story = [_lines(LETTERHEAD, bold_first=True), pdf.spacer(0.8 * cm)]
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("## "):
            story.append(pdf.heading(" ".join([lines[0][3:], *lines[1:]])))
        else:
            story.extend([_lines(lines), pdf.spacer()])
    return story


def _render(template, access_request, title, **extra):
    with translation.override("fr"):
        context = {
            "request": access_request,
            "item": access_request.mail_item,
            "contact": access_request.mail_item.contact,
            "officer": access_request.handled_by,
            "today": timezone.localdate(),
            "articles": french_list(access_request.articles),
            **extra,
        }
        text = render_to_string(template, context)
        return pdf.render(_story(text), title=title, subject=access_request.reference)


def response_letter(access_request):
    decided_on = access_request.decided_on or timezone.localdate()
    return _render(
        "courrier/letters/response.txt",
        access_request,
        f"Réponse à la demande d'accès {access_request.reference}",
        decisions=AccessDecision,
        decided_on=decided_on,
        review_by=deadlines.review_deadline(decided_on),
    )


def extension_notice(access_request):
    return _render(
        "courrier/letters/extension.txt",
        access_request,
        f"Prolongation du délai : demande d'accès {access_request.reference}",
    )
