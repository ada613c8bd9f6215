"""Forms of a category and of a location."""

from django import forms

from inventaire.models import Category, Location


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name", "kind", "posture", "has_storage", "life_months", "residual_percent", "is_active"]


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = ["site", "floor", "room", "description", "is_active"]
