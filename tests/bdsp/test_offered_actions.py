"""Every action the return page offers works for the person it is offered to, and every action it
does not offer is refused: for each kind of person and each state of a return.

The page's forms and links are read from its HTML; each action is then tried (and rolled back),
as the person would by clicking it: an offered one must succeed (a redirect without an error
message), one not offered must not (403, 404, 405, 422, or an error message)."""

import re

import pytest
from django.contrib.messages import get_messages
from django.db import transaction
from django.urls import reverse

from bdsp import services
from bdsp.models import AnnualReturn
from tests.bdsp.conftest import dates, fill, submit
from tests.bdsp.test_attachments import pdf

pytestmark = pytest.mark.django_db

# The actions of the return page, with what a person would post.
ACTIONS = {
    "general_save": lambda r: {"fiscal_year_end": "2026-03-31", "general_meeting_date": "2026-06-04"},
    "section_save": lambda r: {"edit_version": str(r.edit_version), "v__audiences__": "9"},
    "return_submit": lambda r: {"attestation": "Julie Pelletier, secrétaire", "confirm": "on"},
    "xlsx_import": None,  # the page's own template, sent back unchanged
    "attachment_add": lambda r: {"kind": "annual_report", "file": pdf()},
    "return_reopen": lambda r: {"reason": "Une erreur dans les radiations."},
    "return_accept": lambda r: {},
    "return_send_back": lambda r: {"message": "Vérifiez les audiences."},
    "comment_add": lambda r: {"text": "Un commentaire.", "indicator": "", "section": ""},
    "value_flag": lambda r: {"indicator": "membres-debut", "followup": "on", "note": "À suivre."},
}


class Rollback(Exception):
    pass


def url_of(name, annual_return):
    if name == "section_save":
        return reverse("bdsp_portal:section_save", args=[annual_return.pk, "discipline"])
    return reverse(f"bdsp_portal:{name}", args=[annual_return.pk])


def offered(client, annual_return):
    """The actions whose form or link the page shows (any section for the section's form)."""
    page = client.get(reverse("bdsp_portal:return_detail", args=[annual_return.pk]) + "?section=discipline")
    assert page.status_code == 200
    targets = {target.split("#")[0] for target in re.findall(r'(?:action|href)="([^"]+)"', page.text)}
    return {name for name in ACTIONS if url_of(name, annual_return) in targets}


def succeeds(client, name, annual_return):
    """Try the action and undo it: True when it did what it says."""
    annual_return.refresh_from_db()  # the edit version the page was loaded with
    if name == "xlsx_import":
        from django.core.files.uploadedfile import SimpleUploadedFile

        template = client.get(reverse("bdsp_portal:xlsx_template", args=[annual_return.pk])).content
        data = {"workbook": SimpleUploadedFile("declaration.xlsx", template)}
    else:
        data = ACTIONS[name](annual_return)
    outcome = {}
    try:
        with transaction.atomic():
            response = client.post(url_of(name, annual_return), data)
            errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
            outcome["ok"] = response.status_code == 302 and not errors
            outcome["status"] = response.status_code
            raise Rollback
    except Rollback:
        pass
    return outcome["ok"], outcome["status"]


def draft(draft_return, filer, clean_entries):
    fill(draft_return, filer, clean_entries)
    dates(draft_return, filer)
    return draft_return


def submitted(draft_return, filer, clean_entries, analyst):
    return submit(draft_return, filer, clean_entries)


def returned(draft_return, filer, clean_entries, analyst):
    submit(draft_return, filer, clean_entries)
    return services.return_send_back(annual_return=draft_return, user=analyst, message="Vérifiez.")


def accepted(draft_return, filer, clean_entries, analyst):
    submit(draft_return, filer, clean_entries)
    return services.return_accept(annual_return=draft_return, user=analyst)


def being_amended(draft_return, filer, clean_entries, analyst):
    """Accepted, with an amendment already started: it cannot be amended a second time."""
    accepted(draft_return, filer, clean_entries, analyst)
    services.return_reopen(annual_return=draft_return, user=filer, reason="Erreur dans les radiations.")
    return AnnualReturn.objects.get(pk=draft_return.pk)


def superseded(draft_return, filer, clean_entries, analyst):
    accepted(draft_return, filer, clean_entries, analyst)
    amendment = services.return_reopen(annual_return=draft_return, user=filer, reason="Erreur.")
    services.return_submit(annual_return=amendment, user=filer, attestation="Julie Pelletier")
    services.return_accept(annual_return=amendment, user=analyst)
    return AnnualReturn.objects.get(pk=draft_return.pk)


STATES = {
    "draft": lambda *args: draft(*args[:3]),
    "submitted": submitted,
    "returned": returned,
    "accepted": accepted,
    "being_amended": being_amended,
    "superseded": superseded,
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("person", ["filer", "reader", "analyst"])
def test_offered_means_allowed(make_client, request, draft_return, filer, analyst, clean_entries, state, person):
    annual_return = STATES[state](draft_return, filer, clean_entries, analyst)
    client = make_client(request.getfixturevalue(person))
    shown = offered(client, annual_return)
    if person == "reader":
        assert shown == set()  # a reader reads and downloads, and changes nothing
    for name in ACTIONS:
        ok, status = succeeds(client, name, annual_return)
        if name in shown:
            assert ok, f"{person} is offered {name} on a {state} return, which answers {status}"
        else:
            assert not ok, f"{person} can {name} a {state} return, but the page does not offer it"
