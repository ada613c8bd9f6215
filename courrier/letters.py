"""The letters of an access request, in French as the Office sends them: the response (with
the notice of recourse, art. 135) and the notice extending the deadline (art. 47 par. 2).

Their wording is in templates (courrier/templates/courrier/letters/), plain text where a
blank line separates paragraphs and "## " starts a heading, so that the person responsible
for access can adjust it without touching code.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from courrier import deadlines
from courrier.choices import AccessDecision
from opq_intranet.core import pdf


def _story(text):
    story = []
    for block in text.strip().split("\n\n"):
        block = block.strip()
        if not block:
            continue
        if block.startswith("## "):
            story.append(pdf.heading(block[3:]))
        else:
            story.extend([pdf.paragraph(" ".join(line.strip() for line in block.splitlines())), pdf.spacer()])
    return story


def _render(template, access_request, title, **extra):
    with translation.override("fr"):
        context = {
            "request": access_request,
            "item": access_request.mail_item,
            "contact": access_request.mail_item.contact,
            "officer": access_request.handled_by,
            "today": timezone.localdate(),
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
