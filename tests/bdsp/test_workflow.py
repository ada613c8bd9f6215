"""The life of a return: who may do what, and the transitions."""

from datetime import date

import pghistory
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bdsp import selectors, services
from bdsp.choices import ReturnStatus, YearStatus
from bdsp.models import AnnualReturn, ReturnValue
from opq_intranet.core.history import history_for
from tests.bdsp.conftest import dates, entry, fill, submit

pytestmark = pytest.mark.django_db


def test_start_once_then_found_again(year_form, filer, draft_return):
    again = services.return_start(order=filer.professional_order, reporting_year=year_form, user=filer)
    assert again == draft_return
    assert draft_return.status == ReturnStatus.DRAFT


def test_only_a_declarant_of_the_order_starts_it(year_form, filer, reader, other_filer, analyst):
    for person in (reader, other_filer, analyst):
        with pytest.raises(PermissionDenied):
            services.return_start(order=filer.professional_order, reporting_year=year_form, user=person)


def test_a_year_in_preparation_cannot_be_filed(draft_form, filer):
    with pytest.raises(ValidationError):
        services.return_start(order=filer.professional_order, reporting_year=draft_form, user=filer)


def test_due_date_is_45_days_after_the_general_meeting(draft_return, filer):
    # 4 June 2026 + 45 days = Sunday 19 July 2026: extended to Monday 20 July (art. 52).
    updated = dates(draft_return, filer)
    assert updated.due_date == date(2026, 7, 20)


def test_meeting_before_the_end_of_the_fiscal_year_is_refused(draft_return, filer):
    with pytest.raises(ValidationError):
        services.return_save_general(
            annual_return=draft_return,
            user=filer,
            fiscal_year_end=date(2026, 3, 31),
            general_meeting_date=date(2026, 3, 1),
        )


def test_saving_values_reports_the_rules_without_blocking(draft_return, filer):
    findings = fill(draft_return, filer, [entry("membres-debut", "1000"), entry("membres-fin", "900")])
    assert ReturnValue.objects.filter(annual_return=draft_return).count() == 2
    assert "membres-bilan" not in {f.rule_code for f in findings}  # entries and exits unknown yet
    findings = fill(draft_return, filer, [entry("inscriptions", "10"), entry("radiations", "5")])
    assert "membres-bilan" in {f.rule_code for f in findings}


def test_one_bad_value_saves_nothing(draft_return, filer):
    with pytest.raises(ValidationError) as refused:
        fill(draft_return, filer, [entry("membres-debut", "1000"), entry("membres-fin", "mille")])
    assert "membres-fin|" in refused.value.message_dict
    assert not ReturnValue.objects.filter(annual_return=draft_return).exists()


def test_derived_and_unknown_fields_cannot_be_typed(draft_return, filer):
    for bad in (entry("part-femmes", "50"), entry("inexistant", "1"), entry("membres-sexe", "1", key="zz")):
        with pytest.raises(ValidationError):
            fill(draft_return, filer, [bad])


def test_a_stale_form_is_refused(draft_return, filer):
    version = draft_return.edit_version
    services.return_save_values(
        annual_return=draft_return, user=filer, entries=[entry("audiences", "3")], expected_version=version
    )
    with pytest.raises(services.ReturnConflict):
        services.return_save_values(
            annual_return=draft_return, user=filer, entries=[entry("audiences", "4")], expected_version=version
        )
    assert ReturnValue.objects.get(annual_return=draft_return, indicator__code="audiences").number == 3


def test_unchanged_values_are_not_rewritten(draft_return, filer):
    fill(draft_return, filer, [entry("audiences", "3")])
    version = AnnualReturn.objects.get(pk=draft_return.pk).edit_version
    fill(draft_return, filer, [entry("audiences", "3,0")])
    assert AnnualReturn.objects.get(pk=draft_return.pk).edit_version == version


def test_a_reader_cannot_edit(draft_return, reader):
    with pytest.raises(PermissionDenied):
        fill(draft_return, reader, [entry("audiences", "3")])


def test_submit_refused_while_a_blocking_rule_fails(draft_return, filer, clean_entries):
    fill(draft_return, filer, [*clean_entries, entry("membres-fin", "1101")])
    dates(draft_return, filer)
    with pytest.raises(ValidationError) as refused:
        services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier")
    assert any("Les membres à la fin doivent égaler" in m for m in refused.value.messages)
    assert AnnualReturn.objects.get(pk=draft_return.pk).status == ReturnStatus.DRAFT


def test_submit_needs_the_attestation_and_the_dates(draft_return, filer, clean_entries):
    fill(draft_return, filer, clean_entries)
    with pytest.raises(ValidationError) as refused:
        services.return_submit(annual_return=draft_return, user=filer, attestation=" ")
    assert len(refused.value.messages) == 2


def test_full_cycle_submit_return_correct_resubmit_accept(draft_return, filer, analyst, clean_entries):
    submit(draft_return, filer, clean_entries)
    # Submitted: the order can no longer change it.
    with pytest.raises(ValidationError):
        fill(draft_return, filer, [entry("audiences", "3")])
    services.comment_add(
        annual_return=draft_return, user=analyst, text="Vérifiez ce nombre.", indicator_code="audiences"
    )
    services.return_send_back(annual_return=draft_return, user=analyst, message="Les audiences manquent.")
    assert AnnualReturn.objects.get(pk=draft_return.pk).status == ReturnStatus.RETURNED
    fill(draft_return, filer, [entry("audiences", "12")])
    services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier, secrétaire")
    accepted = services.return_accept(annual_return=draft_return, user=analyst)
    assert accepted.status == ReturnStatus.ACCEPTED and accepted.accepted_by == analyst
    trail = list(accepted.workflow_events.values_list("from_status", "to_status"))
    assert trail == [
        ("", "draft"),
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "accepted"),
    ]


def test_only_an_analyst_returns_or_accepts(draft_return, filer, clean_entries, other_filer):
    submit(draft_return, filer, clean_entries)
    for person in (filer, other_filer):
        with pytest.raises(PermissionDenied):
            services.return_accept(annual_return=draft_return, user=person)
        with pytest.raises(PermissionDenied):
            services.return_send_back(annual_return=draft_return, user=person, message="x")


def test_returning_needs_a_reason_and_a_submitted_return(draft_return, filer, analyst, clean_entries):
    with pytest.raises(ValidationError):
        services.return_accept(annual_return=draft_return, user=analyst)
    submit(draft_return, filer, clean_entries)
    with pytest.raises(ValidationError):
        services.return_send_back(annual_return=draft_return, user=analyst, message="")


def test_amendment_keeps_both_versions(draft_return, filer, analyst, clean_entries):
    submit(draft_return, filer, clean_entries)
    services.return_accept(annual_return=draft_return, user=analyst)
    with pytest.raises(ValidationError):
        services.return_reopen(annual_return=draft_return, user=filer, reason="")
    amendment = services.return_reopen(annual_return=draft_return, user=filer, reason="Erreur dans les radiations")
    assert amendment.version == 2 and amendment.status == ReturnStatus.DRAFT and amendment.amends == draft_return
    assert amendment.values.count() == draft_return.values.count()
    assert selectors.current_return(filer.professional_order, draft_return.reporting_year) == amendment
    with pytest.raises(ValidationError):
        services.return_reopen(annual_return=draft_return, user=filer, reason="encore")
    services.return_submit(annual_return=amendment, user=filer, attestation="Julie Pelletier")
    services.return_accept(annual_return=amendment, user=analyst)
    assert AnnualReturn.objects.get(pk=draft_return.pk).superseded
    assert AnnualReturn.objects.get(pk=draft_return.pk).status == ReturnStatus.ACCEPTED


def test_every_value_change_is_in_the_history(draft_return, filer):
    """Who, when, old, new: per value (the request's user comes from pghistory's middleware)."""
    with pghistory.context(user=filer.pk):
        fill(draft_return, filer, [entry("audiences", "3")])
        fill(draft_return, filer, [entry("audiences", "4")])
    value = ReturnValue.objects.get(annual_return=draft_return, indicator__code="audiences")
    latest = history_for(value)[0]
    assert latest.user == filer
    label = str(ReturnValue._meta.get_field("number").verbose_name)
    change = next(c for c in latest.changes if c.label == label)
    assert (change.before, change.after) == ("3", "4")


def test_analyst_flags_a_value(draft_return, filer, analyst):
    fill(draft_return, filer, [entry("audiences", "3")])
    services.value_flag(annual_return=draft_return, user=analyst, indicator_code="audiences", note="Appeler l'ordre")
    value = ReturnValue.objects.get(annual_return=draft_return, indicator__code="audiences")
    assert value.followup and value.followup_note == "Appeler l'ordre"
    with pytest.raises(PermissionDenied):
        services.value_flag(annual_return=draft_return, user=filer, indicator_code="audiences")


def test_returns_visible_to(draft_return, filer, other_filer, analyst, staff_user, year_form):
    other = services.return_start(order=other_filer.professional_order, reporting_year=year_form, user=other_filer)
    assert list(selectors.returns_visible_to(filer)) == [draft_return]
    assert list(selectors.returns_visible_to(other_filer)) == [other]
    assert set(selectors.returns_visible_to(analyst)) == {draft_return, other}
    assert not selectors.returns_visible_to(staff_user).exists()


def test_a_closed_year_is_frozen_and_cannot_be_started(year_form, other_filer):
    year_form.status = YearStatus.CLOSED
    year_form.save()
    assert year_form.is_frozen
    with pytest.raises(ValidationError):
        services.return_start(order=other_filer.professional_order, reporting_year=year_form, user=other_filer)
