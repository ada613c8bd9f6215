"""Who reads the inventory's private files: a hand-over's acknowledgement PDF by its holder
and the Inventaire role; a disposed asset's wipe proof and a campaign's report by the role only."""

from inventaire import permissions
from inventaire.models import Asset, Campaign, HandOver
from opq_intranet.core.files import register_reader


def register_file_readers():
    register_reader(HandOver, lambda user, handover: handover.holder_id == user.pk or permissions.manages(user))
    register_reader(Asset, lambda user, asset: permissions.manages(user))
    register_reader(Campaign, lambda user, campaign: permissions.manages(user))
