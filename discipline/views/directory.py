"""PLACEHOLDER (to be replaced by the directory pages being written): every view answers 404."""

from django.http import Http404
from django.views import View


class _Placeholder(View):
    def get(self, request, *args, **kwargs):
        raise Http404

    post = get


CouncilListView = CouncilEditView = CouncilDetailView = CouncilHistoryView = _Placeholder
ChairListView = ChairEditView = ChairDetailView = ChairHistoryView = _Placeholder
UnavailabilityAddView = UnavailabilityRemoveView = _Placeholder
MemberListView = MemberEditView = MemberDetailView = MemberHistoryView = _Placeholder
