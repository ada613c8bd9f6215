"""Reads of confidential content are logged: who, when, what."""

import logging

import pytest
from django.test import RequestFactory

from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.models import ConfidentialAccess, ProfessionalOrder

pytestmark = pytest.mark.django_db


def test_a_read_is_recorded_and_logged(staff_user, caplog):
    order = ProfessionalOrder.objects.get(code="barreau")
    request = RequestFactory().get("/dossiers/12/?onglet=plainte")
    request.user = staff_user
    with caplog.at_level(logging.INFO, logger="opq.access"):
        entry = confidential_access_log(request=request, obj=order, action="download")
    stored = ConfidentialAccess.objects.get(pk=entry.pk)
    assert stored.user == staff_user
    assert (stored.object_label, stored.object_id, stored.object_repr) == (
        "core.ProfessionalOrder",
        str(order.pk),
        order.name,
    )
    assert stored.action == "download"
    assert stored.path == "/dossiers/12/?onglet=plainte"
    assert stored.accessed_at is not None
    assert f"object=core.ProfessionalOrder#{order.pk}" in caplog.text
