from .access_log import ConfidentialAccess
from .calendar import OfficeClosure
from .files import PrivateFile
from .notifications import Notification
from .numbering import NumberSequence
from .reference import OrgUnit, PartnerOrganisation, ProfessionalOrder, Site
from .schedule import ScheduledRun
from .seed import SeedRecord

__all__ = [
    "ConfidentialAccess",
    "Notification",
    "NumberSequence",
    "OfficeClosure",
    "OrgUnit",
    "PartnerOrganisation",
    "PrivateFile",
    "ProfessionalOrder",
    "ScheduledRun",
    "SeedRecord",
    "Site",
]
