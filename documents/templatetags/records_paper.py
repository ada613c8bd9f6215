"""The paper side of a file's page: its box, its open loan, and the records manager's forms.

    {% load records_paper %}
    {% file_paper_card object %}

An inclusion tag: the card costs two queries (the box with its place, the open loan), three
with the lending form (its list of staff). A form of the card refused by its action comes
back bound in the page's `paper_forms` ({form key: form}, documents/views/files.py).
"""

from django import template
from django.utils import timezone

from documents.choices import FileMedium, LifecycleStage
from documents.forms import LoanForm, PutInBoxForm, ReturnForm
from documents.permissions import can_manage_plan
from documents.selectors import file_paper_state

register = template.Library()


@register.inclusion_tag("documents/_file_paper.html", takes_context=True)
def file_paper_card(context, record_file):
    request = context["request"]
    is_paper = record_file.medium != FileMedium.DIGITAL
    state = file_paper_state(record_file) if (is_paper or record_file.box_id) else None
    can_manage = can_manage_plan(request.user)
    writable = can_manage and is_paper and record_file.stage != LifecycleStage.DISPOSED
    today = timezone.localdate()
    bound = context.get("paper_forms") or {}
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "record_file": record_file,
        "state": state,
        "show": state is not None,
        "can_manage": can_manage,
        "writable": writable,
        "today": today,
        "box_form": PutInBoxForm(auto_id="box_%s") if writable else None,
        "loan_form": (
            LoanForm(auto_id="loan_%s", initial={"lent_on": today})
            if writable and state and not state.open_loan
            else None
        ),
        "return_form": ReturnForm(auto_id="return_%s", initial={"returned_on": today}),
        "take_out_form": bound.get("take_out"),
    }
