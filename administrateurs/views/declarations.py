"""What a candidate declares and sends, from the candidate's page: links with orders, preferred
bodies (ranked), CV and letters (each download logged), and the consent's renewal. The forms sit
on the candidate's page (POST only); refused, the page comes back with the form bound, in 422."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from administrateurs import permissions, selectors, services
from administrateurs.forms import ConsentForm, DocumentForm, LinkForm, PreferenceForm
from administrateurs.models import BoardPreference, CandidateDocument, CandidateLink
from administrateurs.services.preferences import DOWN, UP
from administrateurs.views.candidates import CandidateDetailView, CandidateMixin, refuse_purged
from opq_intranet.accounts.access import access
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.files import private_file_response
from opq_intranet.core.views.generic import EmbeddedActionView, ObjectActionView

DIRECTIONS = {"monter": UP, "descendre": DOWN}


class DeclarationView(CandidateMixin, EmbeddedActionView):
    detail_view = CandidateDetailView

    def allowed(self, user, obj):
        return permissions.manages(user)


class LinkAddView(DeclarationView):
    form_class = LinkForm
    form_key = "link"
    success_message = _("The link is declared.")

    def perform(self, form, obj):
        data = form.cleaned_data
        services.link_add(
            candidate=obj,
            user=self.request.user,
            order=data["order"],
            kind=data["kind"],
            details=data["details"],
            declared_on=data["declared_on"],
        )


class LinkRemoveView(DeclarationView):
    form_key = "link_remove"
    success_message = _("The link is withdrawn.")

    def perform(self, form, obj):
        link = get_object_or_404(CandidateLink, pk=self.kwargs["link_pk"], candidate=obj)
        services.link_remove(link=link, user=self.request.user)


class PreferenceAddView(DeclarationView):
    form_class = PreferenceForm
    form_key = "preference"
    success_message = _("The body is added to the preferences.")

    def perform(self, form, obj):
        services.preference_add(candidate=obj, user=self.request.user, body=form.cleaned_data["body"])


class PreferenceRemoveView(DeclarationView):
    form_key = "preference_remove"
    success_message = _("The body is taken off the preferences.")

    def perform(self, form, obj):
        preference = get_object_or_404(BoardPreference, pk=self.kwargs["preference_pk"], candidate=obj)
        services.preference_remove(preference=preference, user=self.request.user)


class PreferenceMoveView(DeclarationView):
    form_key = "preference_move"
    success_message = _("The preferences are ranked again.")

    def perform(self, form, obj):
        preference = get_object_or_404(BoardPreference, pk=self.kwargs["preference_pk"], candidate=obj)
        direction = DIRECTIONS.get(self.kwargs["direction"])
        if direction is None:
            raise Http404
        services.preference_move(preference=preference, user=self.request.user, direction=direction)


class DocumentAddView(DeclarationView):
    form_class = DocumentForm
    form_key = "document"
    success_message = _("The document is added.")

    def perform(self, form, obj):
        data = form.cleaned_data
        services.document_add(candidate=obj, user=self.request.user, kind=data["kind"], uploaded=data["uploaded"])


class DocumentRemoveView(CandidateMixin, ObjectActionView):
    danger = True
    confirm_label = _("Destroy the document")
    success_message = _("The document is destroyed.")

    def refuse(self, obj):
        self.document = get_object_or_404(
            CandidateDocument.objects.select_related("file"), pk=self.kwargs["document_pk"], candidate=obj
        )
        return refuse_purged(self.request, obj)

    def get_title(self, obj):
        return _("Destroy a document · %(candidate)s") % {"candidate": obj}

    def get_question(self, obj):
        return _("Destroy the document « %(name)s » (%(kind)s)? Its content is deleted for good.") % {
            "kind": self.document.get_kind_display(),
            "name": self.document.file.original_name,
        }

    def perform(self, form, obj):
        services.document_remove(document=self.document, user=self.request.user)


@require_GET
@access(permissions.MANAGE_RULE)
def document_download(request, pk, document_pk):
    """A candidate's file, for the Nominations role, each download logged (personal information)."""
    candidate = get_object_or_404(selectors.candidates(), pk=pk)
    document = get_object_or_404(CandidateDocument.objects.select_related("file"), pk=document_pk, candidate=candidate)
    if not permissions.can_read_documents(request.user, candidate):
        raise Http404
    confidential_access_log(request=request, obj=candidate, action="download")
    return private_file_response(document.file)


class ConsentRenewView(CandidateMixin, ObjectActionView):
    form_class = ConsentForm
    confirm_label = _("Renew the consent")
    success_message = _("The consent of %(object)s is renewed.")

    def refuse(self, obj):
        return refuse_purged(self.request, obj)

    def get_initial(self, obj):
        return {"consent_on": timezone.localdate()}

    def get_title(self, obj):
        return _("Renew the consent · %(candidate)s") % {"candidate": obj}

    def get_question(self, obj):
        return _("The candidate confirmed that their candidacy stays in the bank for another year.")

    def perform(self, form, obj):
        return services.candidate_renew_consent(
            candidate=obj, user=self.request.user, consent_on=form.cleaned_data["consent_on"]
        )
