"""Enumerations of the administrators' bank: Quebec's administrative regions, languages,
gender (optional, for the parity figures only) and a candidacy's status."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Region(models.TextChoices):
    """Quebec's 17 administrative regions (their official numbers)."""

    BAS_SAINT_LAURENT = "01", "Bas-Saint-Laurent"
    SAGUENAY = "02", "Saguenay–Lac-Saint-Jean"
    CAPITALE_NATIONALE = "03", "Capitale-Nationale"
    MAURICIE = "04", "Mauricie"
    ESTRIE = "05", "Estrie"
    MONTREAL = "06", "Montréal"
    OUTAOUAIS = "07", "Outaouais"
    ABITIBI = "08", "Abitibi-Témiscamingue"
    COTE_NORD = "09", "Côte-Nord"
    NORD_DU_QUEBEC = "10", "Nord-du-Québec"
    GASPESIE = "11", "Gaspésie–Îles-de-la-Madeleine"
    CHAUDIERE_APPALACHES = "12", "Chaudière-Appalaches"
    LAVAL = "13", "Laval"
    LANAUDIERE = "14", "Lanaudière"
    LAURENTIDES = "15", "Laurentides"
    MONTEREGIE = "16", "Montérégie"
    CENTRE_DU_QUEBEC = "17", "Centre-du-Québec"


class Gender(models.TextChoices):
    UNDECLARED = "", _("Not declared")
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Another identity")


class CandidacyStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("candidacy status", "Received")
    UNDER_REVIEW = "under_review", pgettext_lazy("candidacy status", "Under review")
    ELIGIBLE = "eligible", pgettext_lazy("candidacy status", "Eligible")
    IN_BANK = "in_bank", pgettext_lazy("candidacy status", "In the bank")
    APPOINTED = "appointed", pgettext_lazy("candidacy status", "Appointed")
    WITHDRAWN = "withdrawn", pgettext_lazy("candidacy status", "Withdrawn")
    EXPIRED = "expired", pgettext_lazy("candidacy status", "Expired")


class LinkKind(models.TextChoices):
    """A declared link with an order: the first two make the candidate ineligible for that
    order's board (art. 78: a public representative is neither a member of the order nor an
    officer of a body that defends its members' interests)."""

    MEMBER = "member", _("Member of the order")
    INTEREST_BODY = "interest_body", _("Officer of a body that defends the members' interests")
    OTHER = "other", _("Other link (to be assessed)")


DISQUALIFYING_LINKS = frozenset({LinkKind.MEMBER, LinkKind.INTEREST_BODY})


class DocumentKind(models.TextChoices):
    CV = "cv", _("Curriculum vitæ")
    LETTER = "letter", _("Letter")
    OTHER = "other", _("Other document")


class BodyKind(models.TextChoices):
    BOARD = "board", _("Board of directors")
    REVIEW_COMMITTEE = "review", _("Review committee")
    OTHER = "other", _("Other body")


class TermEnd(models.TextChoices):
    EXPIRED = "expired", pgettext_lazy("term end", "Term completed")
    RESIGNED = "resigned", pgettext_lazy("term end", "Resigned")
    REVOKED = "revoked", pgettext_lazy("term end", "Revoked")
    DECEASED = "deceased", pgettext_lazy("term end", "Deceased")


class ProposalStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("proposal status", "Pending")
    APPOINTED = "appointed", pgettext_lazy("proposal status", "Appointed")
    ENDED = "ended", pgettext_lazy("proposal status", "Ended")


class ObligationKind(models.TextChoices):
    """What an appointee owes before their first meeting."""

    TRAINING = "training", _("Governance and ethics training")
    DECLARATION = "declaration", _("Solemn declaration")


class MeetingKind(models.TextChoices):
    REGULAR = "regular", pgettext_lazy("meeting kind", "Regular meeting")
    SPECIAL = "special", pgettext_lazy("meeting kind", "Special meeting")
    COMMITTEE = "committee", pgettext_lazy("meeting kind", "Committee meeting")


# --- obligations, meetings and allowances -------------------------------------------


class DueWindow(models.TextChoices):
    """The obligations list's filter on the due date."""

    OVERDUE = "overdue", _("Overdue")
    SOON = "soon", _("Due within 30 days")


class ObligationShown(models.TextChoices):
    """Which obligations the list shows besides those to complete (its default)."""

    COMPLETED = "completed", pgettext_lazy("obligations", "Completed")
    ALL = "all", pgettext_lazy("obligations", "All, completed included")
