"""Forms of the exchange spaces: spaces, folders and members."""

import math

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.exchange import permissions
from documents.exchange.choices import MemberAccess
from documents.exchange.models import GIGABYTE, ExchangeSpace, Folder, SpaceMember
from opq_intranet.accounts.models import User
from opq_intranet.core.models import OrgUnit, PartnerOrganisation, ProfessionalOrder
from opq_intranet.core.selectors import holders_of


class SpaceForm(forms.ModelForm):
    """A space: its partner (an order or an organisation, exactly one), its unit, who reads and
    who writes, how long files are kept and how much it holds (in GB; the model keeps bytes)."""

    quota_gb = forms.IntegerField(label=_("Quota (GB)"), min_value=1, max_value=100_000)

    class Meta:
        model = ExchangeSpace
        fields = [
            "name",
            "professional_order",
            "organisation",
            "owner_unit",
            "description",
            "unit_access",
            "partner_access",
            "retention_days",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "professional_order": _("An order, or else a partner organisation: one of the two."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        space = self.instance
        self.fields["professional_order"].queryset = ProfessionalOrder.objects.filter(is_active=True)
        self.fields["organisation"].queryset = PartnerOrganisation.objects.filter(is_active=True)
        self.fields["owner_unit"].queryset = OrgUnit.objects.filter(is_active=True)
        self.fields["professional_order"].required = False
        self.fields["organisation"].required = False
        if space.pk:
            # The partner never changes: the files shared with it never become another's.
            self.fields["professional_order"].queryset = ProfessionalOrder.objects.all()
            self.fields["organisation"].queryset = PartnerOrganisation.objects.all()
            for name in ("professional_order", "organisation"):
                self.fields[name].disabled = True
            self.fields["professional_order"].help_text = _("The partner of a space never changes.")
        if not permissions.can_choose_space_unit(user):
            self.fields["owner_unit"].disabled = True
            self.fields["owner_unit"].queryset = OrgUnit.objects.filter(pk=space.owner_unit_id or user.org_unit_id)
            self.fields["owner_unit"].help_text = _("A space belongs to your unit.")
        self.initial.setdefault("quota_gb", math.ceil(space.quota_bytes / GIGABYTE))

    def clean(self):
        cleaned = super().clean()
        order, organisation = cleaned.get("professional_order"), cleaned.get("organisation")
        if not self.instance.pk and "professional_order" not in self.errors and "organisation" not in self.errors:
            if order is None and organisation is None:
                self.add_error(
                    "professional_order", _("Choose the professional order or the partner organisation of the space.")
                )
            elif order is not None and organisation is not None:
                message = _("A space is shared with one partner: choose an order or an organisation, not both.")
                self.add_error("organisation", message)
        return cleaned

    def save(self, commit=True):
        space = super().save(commit=False)
        space.quota_bytes = self.cleaned_data["quota_gb"] * GIGABYTE
        if commit:
            space.save()
        return space

    def validate_constraints(self):
        pass  # one partner: said above in French, by field; the service full_cleans


class CloseSpaceForm(forms.Form):
    pass


class FolderForm(forms.ModelForm):
    class Meta:
        model = Folder
        fields = ["name"]
        labels = {"name": _("Folder name")}


class MemberPersonField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        where = obj.org_unit.name if obj.is_office_staff and obj.org_unit_id else ""
        if obj.is_partner:
            where = str(obj.professional_order or obj.partner_organisation or "")
        name = obj.get_full_name() or obj.username
        return f"{name} · {where}" if where else name


class MemberForm(forms.ModelForm):
    """A person named on the space: a staff member of any unit, or a user of the space's own
    partner (the service refuses anyone else, in French)."""

    user = MemberPersonField(label=_("Person"), queryset=User.objects.none())

    class Meta:
        model = SpaceMember
        fields = ["user", "access"]

    def __init__(self, *args, space, **kwargs):
        super().__init__(*args, **kwargs)
        self.space = space
        people = holders_of("documents.use_exchange").select_related(
            "org_unit", "professional_order", "partner_organisation"
        )
        staff = people.filter(kind="staff")
        if space.professional_order_id is not None:
            partners = people.filter(kind="partner", professional_order_id=space.professional_order_id)
        else:
            partners = people.filter(kind="partner", partner_organisation_id=space.organisation_id)
        if self.instance.pk:
            self.fields["user"].queryset = User.objects.filter(pk=self.instance.user_id)
            self.fields["user"].disabled = True
        elif self.is_bound:
            # Any account may be posted: the service says, in French, who may not be named.
            self.fields["user"].queryset = User.objects.all()
        else:
            self.fields["user"].queryset = (staff | partners).order_by("last_name", "first_name", "pk")
        self.fields["access"].choices = MemberAccess.choices

    def validate_unique(self):
        pass  # the service adds or changes the person's row
