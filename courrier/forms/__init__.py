"""Forms of the mail app, one module per sub-domain (mail, mandates, access); callers import
from here."""

from documents.forms import FileIntoForm  # records management's filing form, shared

from .access import AnswerForm, DecisionForm, ExtendForm, OpenForm, ReportForm, ReviewForm, ReviewOutcomeForm
from .mail import (
    AttachForm,
    CloseForm,
    ContactChoiceField,
    ContactForm,
    ContactSelect,
    MailItemForm,
    MailSearchForm,
    ReplyForm,
    RouteForm,
)
from .mandates import (
    DueUnitForm,
    FileLinkForm,
    MailLinkForm,
    MandateForm,
    NoteForm,
    PeopleChoiceField,
    PersonChoiceField,
    StatusForm,
    UnlinkForm,
    assignable_people,
)

__all__ = [
    "AnswerForm",
    "AttachForm",
    "CloseForm",
    "ContactChoiceField",
    "ContactForm",
    "ContactSelect",
    "DecisionForm",
    "DueUnitForm",
    "ExtendForm",
    "FileIntoForm",
    "FileLinkForm",
    "MailItemForm",
    "MailLinkForm",
    "MailSearchForm",
    "MandateForm",
    "NoteForm",
    "OpenForm",
    "PeopleChoiceField",
    "PersonChoiceField",
    "ReplyForm",
    "ReportForm",
    "ReviewForm",
    "ReviewOutcomeForm",
    "RouteForm",
    "StatusForm",
    "UnlinkForm",
    "assignable_people",
]
