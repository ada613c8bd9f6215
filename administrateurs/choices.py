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
