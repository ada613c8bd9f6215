"""The rules the regulation's form now carries (every indicator answered, each total equal to
its categories, the main counts compared with last year at 20 %) added to the forms already
made, open or in preparation, so that the returns being filled in get them too (the demo's
open year among them). A closed year's returns are final: its form is left as it was.

Only a rule whose indicators all exist in the form, with what it needs, is added; a rule whose
code the form already has is kept as the analysts left it, except the members' year-over-year
threshold of the first forms (25 %), now 20 %."""

from django.db import migrations

from bdsp import regulation

OLD_MEMBERS_MESSAGE = "Le nombre de membres varie de plus de 25 % par rapport à l'an dernier : expliquez la variation."


def add_missing_rules(apps, schema_editor):
    ReportingYear = apps.get_model("bdsp", "ReportingYear")
    Indicator = apps.get_model("bdsp", "Indicator")
    IndicatorDimension = apps.get_model("bdsp", "IndicatorDimension")
    ValidationRule = apps.get_model("bdsp", "ValidationRule")
    specific = {code: rule for code, *rule in regulation.RULES}
    for year in ReportingYear.objects.exclude(status="closed"):
        indicators = {i.code: i for i in Indicator.objects.filter(reporting_year=year)}
        with_categories = set(
            IndicatorDimension.objects.filter(indicator__reporting_year=year).values_list("indicator__code", flat=True)
        )
        existing = set(ValidationRule.objects.filter(reporting_year=year).values_list("code", flat=True))
        order = ValidationRule.objects.filter(reporting_year=year).count()
        for code, (kind, indicator_code, params, severity, message) in specific.items():
            indicator = indicators.get(indicator_code)
            named = (
                [params.get(k) for k in ("equals", "start", "other")] + params.get("plus", []) + params.get("minus", [])
            )
            if code in existing or indicator is None or indicator.formula:
                continue
            if any(name and name not in indicators for name in named):
                continue
            if kind == "sum_equals" and indicator_code not in with_categories:
                continue
            ValidationRule.objects.create(
                reporting_year=year, code=code, kind=kind, indicator=indicator, params=params,
                severity=severity, message=message, order=order,
            )  # fmt: skip
            order += 1
        ValidationRule.objects.filter(
            reporting_year=year, code="membres-variation", params={"threshold": 25}, message=OLD_MEMBERS_MESSAGE
        ).update(params={"threshold": 20}, message=specific["membres-variation"][4])


class Migration(migrations.Migration):
    dependencies = [("bdsp", "0005_field_labels_for_history")]

    operations = [migrations.RunPython(add_missing_rules, migrations.RunPython.noop)]
