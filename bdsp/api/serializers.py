"""The API's JSON shapes (documented in the OpenAPI schema)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bdsp.choices import ValueState


class CategorySerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    help_text = serializers.CharField()
    value_type = serializers.CharField()
    choices = serializers.ListField(child=serializers.CharField())
    derived = serializers.BooleanField(help_text=_("Computed by the Office: never sent."))
    categories = CategorySerializer(many=True, help_text=_('Send the total with key "" and each category.'))


class SectionSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    indicators = IndicatorSerializer(many=True)


class RuleSerializer(serializers.Serializer):
    code = serializers.CharField()
    kind = serializers.CharField()
    indicator = serializers.CharField()
    severity = serializers.CharField()
    message = serializers.CharField()


class FormSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    status = serializers.CharField()
    sections = SectionSerializer(many=True)
    rules = RuleSerializer(many=True)


class ReturnSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField(source="reporting_year.year")
    version = serializers.IntegerField()
    status = serializers.CharField()
    due_date = serializers.DateField(allow_null=True)
    edit_version = serializers.IntegerField(help_text=_("Send it back with values to detect concurrent changes."))


class ValueSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    key = serializers.CharField(required=False, allow_blank=True, default="")
    value = serializers.CharField(required=False, allow_blank=True, allow_null=True, default="")
    state = serializers.ChoiceField(choices=ValueState.choices, required=False, default=ValueState.VALUE)
    explanation = serializers.CharField(required=False, allow_blank=True, default="")


class FindingSerializer(serializers.Serializer):
    rule = serializers.CharField(source="rule_code")
    severity = serializers.CharField()
    message = serializers.CharField()
    indicator = serializers.CharField(source="indicator_code")
    key = serializers.CharField(source="category_key")


class ReturnDetailSerializer(ReturnSummarySerializer):
    values = ValueSerializer(many=True)
    findings = FindingSerializer(many=True)


class ValuesInputSerializer(serializers.Serializer):
    edit_version = serializers.IntegerField(required=False)
    values = ValueSerializer(many=True)


class StartSerializer(serializers.Serializer):
    year = serializers.IntegerField()
