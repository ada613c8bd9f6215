"""The orders' API: read the year's form, start the return, send values. JSON, token auth.

Every query is scoped to the token's order (another order's id answers 404); sending
values needs the déclarant role, and goes through the same service as the portal's page:
same parsing, same rules, all or nothing.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from bdsp import display, selectors, services
from bdsp.api import serializers
from bdsp.models import ReportingYear
from bdsp.validation import run_rules
from opq_intranet.accounts.access import AccessRule, Audience

API_RULE = AccessRule(Audience.API)


class IsOrderAccount(BasePermission):
    """An active account of a professional order with the portal role."""

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.is_partner and user.has_perm("bdsp.use_portal"))


class OrderAPIView(APIView):
    access_rule = API_RULE
    permission_classes = [IsOrderAccount]

    def returns(self):
        return selectors.returns_visible_to(self.request.user)

    def require_filer(self):
        if not self.request.user.has_perm("bdsp.file_return"):
            raise PermissionDenied


def form_payload(reporting_year):
    form = selectors.form_definition(reporting_year)
    return {
        "year": reporting_year.year,
        "status": reporting_year.status,
        "sections": [
            {
                "code": section.code,
                "title": section.title,
                "indicators": [
                    {
                        "code": i.code,
                        "label": i.label,
                        "help_text": i.help_text,
                        "value_type": i.value_type,
                        "choices": i.choices,
                        "derived": i.is_derived,
                        "categories": [{"key": k, "label": i.key_label(k)} for k in i.keys],
                    }
                    for i in indicators
                ],
            }
            for section, indicators in form.sections
        ],
        "rules": [
            {
                "code": r.code,
                "kind": r.kind,
                "indicator": r.indicator_code,
                "severity": r.severity,
                "message": r.message,
            }
            for r in form.rules
        ],
    }


def return_payload(annual_return):
    values = selectors.return_values(annual_return)
    form = selectors.form_definition(annual_return.reporting_year)
    rows = []
    for (code, key), value in sorted(values.items()):
        rows.append(
            {
                "indicator": code,
                "key": key,
                "value": display.show_value(value, form.indicators[code].value_type).replace("\u00a0", ""),
                "state": value.state,
                "explanation": value.explanation,
            }
        )
    return {
        "id": annual_return.pk,
        "year": annual_return.reporting_year.year,
        "version": annual_return.version,
        "status": annual_return.status,
        "due_date": annual_return.due_date,
        "edit_version": annual_return.edit_version,
        "values": rows,
        "findings": serializers.FindingSerializer(
            run_rules(selectors.return_data(annual_return, values)), many=True
        ).data,
    }


class FormView(OrderAPIView):
    @extend_schema(responses=serializers.FormSerializer, summary="Le formulaire d'une année")
    def get(self, request, year):
        reporting_year = get_object_or_404(ReportingYear.objects.exclude(status="preparation"), year=year)
        return Response(form_payload(reporting_year))


class ReturnListView(OrderAPIView):
    @extend_schema(responses=serializers.ReturnSummarySerializer(many=True), summary="Les déclarations de l'ordre")
    def get(self, request):
        returns = self.returns().order_by("-reporting_year__year", "-version")
        return Response(serializers.ReturnSummarySerializer(returns, many=True).data)

    @extend_schema(
        request=serializers.StartSerializer,
        responses={201: serializers.ReturnSummarySerializer},
        summary="Commencer la déclaration d'une année ouverte",
    )
    def post(self, request):
        self.require_filer()
        data = serializers.StartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reporting_year = get_object_or_404(ReportingYear, year=data.validated_data["year"])
        try:
            annual_return = services.return_start(
                order=request.user.professional_order, reporting_year=reporting_year, user=request.user
            )
        except ValidationError as error:
            return Response({"errors": error.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(serializers.ReturnSummarySerializer(annual_return).data, status=status.HTTP_201_CREATED)


class ReturnDetailView(OrderAPIView):
    @extend_schema(
        responses=serializers.ReturnDetailSerializer, summary="Une déclaration, ses valeurs et ses vérifications"
    )
    def get(self, request, pk):
        return Response(return_payload(get_object_or_404(self.returns(), pk=pk)))


class ReturnValuesView(OrderAPIView):
    @extend_schema(
        request=serializers.ValuesInputSerializer,
        responses={200: serializers.ReturnDetailSerializer},
        summary="Déposer des valeurs (tout ou rien)",
        description=(
            "Chaque valeur est vérifiée comme dans le portail. Si une seule est refusée, rien n'est enregistré "
            "et la réponse 400 donne le message de chaque champ (« code|catégorie »). Envoyez edit_version pour "
            "être averti (409) si la déclaration a changé depuis votre lecture."
        ),
    )
    def post(self, request, pk):
        self.require_filer()
        annual_return = get_object_or_404(self.returns(), pk=pk)
        data = serializers.ValuesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entries = [
            {
                "indicator": v["indicator"],
                "key": v["key"],
                "raw": v["value"],
                "state": v["state"],
                "explanation": v["explanation"],
            }
            for v in data.validated_data["values"]
        ]
        try:
            services.return_save_values(
                annual_return=annual_return,
                user=request.user,
                entries=entries,
                expected_version=data.validated_data.get("edit_version"),
            )
        except services.ReturnConflict:
            return Response({"errors": ["edit_version"]}, status=status.HTTP_409_CONFLICT)
        except DjangoPermissionDenied:
            raise PermissionDenied from None
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        annual_return.refresh_from_db()
        return Response(return_payload(annual_return))
