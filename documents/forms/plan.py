"""Forms of the classification plan and the retention schedule."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.choices import CopyKind, Medium
from documents.models import CopyRule, RecordClass, RetentionRule
from opq_intranet.core.forms import DateInput
from opq_intranet.core.models import OrgUnit


class RecordClassForm(forms.ModelForm):
    class Meta:
        model = RecordClass
        fields = ["code", "title", "parent", "retention_rule", "description", "keywords", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "keywords": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"code": {"unique": _("Another class already has this code.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = RecordClass.objects.only("code", "title", "path")
        if self.instance.pk:  # not under itself or its own subclasses
            parents = parents.exclude(path__startswith=self.instance.path)
        self.fields["parent"].queryset = parents
        self.fields["retention_rule"].queryset = RetentionRule.objects.only("number", "title")


class RetentionRuleForm(forms.ModelForm):
    holding_units = forms.ModelMultipleChoiceField(
        label=_("Holding units"),
        queryset=OrgUnit.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The units that hold the principal copy; any other unit holds a secondary copy."),
    )

    class Meta:
        model = RetentionRule
        fields = [
            "number",
            "title",
            "description",
            "legal_references",
            "approval_status",
            "banq_approved_on",
            "essential",
            "confidential",
            "notes",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "legal_references": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "banq_approved_on": DateInput,
        }
        error_messages = {"number": {"unique": _("Another rule already has this number.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["holding_units"].initial = list(self.instance.holding_units.all())


class CopyRuleForm(forms.ModelForm):
    class Meta:
        model = CopyRule
        fields = [
            "copy_kind",
            "medium",
            "active_period",
            "active_basis",
            "basis_event",
            "semi_active_period",
            "final_disposal",
            "sorting_note",
        ]
        widgets = {"sorting_note": forms.TextInput}


class BaseCopyRuleFormSet(forms.BaseInlineFormSet):
    def clean(self):
        # Before Django's own uniqueness check, whose message names the fields in code.
        seen = set()
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form) or not hasattr(form, "cleaned_data"):
                continue
            key = (form.cleaned_data.get("copy_kind"), form.cleaned_data.get("medium"))
            if key in seen:
                raise forms.ValidationError(
                    _("One period per copy and medium: %(copy)s on %(medium)s is given twice.")
                    % {"copy": CopyKind(key[0]).label.lower(), "medium": Medium(key[1]).label.lower()},
                    code="duplicate",
                )
            seen.add(key)
        super().clean()


CopyRuleFormSet = forms.inlineformset_factory(
    RetentionRule,
    CopyRule,
    form=CopyRuleForm,
    formset=BaseCopyRuleFormSet,
    extra=2,
    max_num=4,
    can_delete=True,
    min_num=1,
    validate_min=True,
)


class RetentionRuleWithCopiesForm(RetentionRuleForm):
    """A rule with its copy rules (the inline formset `copy_rules`): valid only together."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.copy_rules = CopyRuleFormSet(self.data if self.is_bound else None, instance=self.instance, prefix="copies")

    def is_valid(self):
        return all([super().is_valid(), self.copy_rules.is_valid()])


class PlanImportForm(forms.Form):
    workbook = forms.FileField(label=_("The plan's workbook (XLSX)"))
