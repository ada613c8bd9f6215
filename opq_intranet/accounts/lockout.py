"""django-axes with two limits: failures per username from one address (`AXES_FAILURE_LIMIT`),
and failures from one address whatever the usernames (`AXES_IP_FAILURE_LIMIT`, password
spraying). Attempts are stored in axes' tables in PostgreSQL, which every worker shares.

Axes compares one count with one limit; `get_failures` therefore reports, for the address's
count, the username limit once the address limit is reached (and one less before). A
successful sign-in clears only that username's failures from that address: an attacker's
own account cannot wipe the address's count.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        for parameter, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            if parameter == "ip_address":
                failures = limit if failures >= settings.AXES_IP_FAILURE_LIMIT else min(failures, limit - 1)
            worst = max(worst, failures)
        return worst

    def reset_user_attempts(self, request, credentials=None):
        """After a success: the failures of this username from this address only."""
        attempts = self.filter_user_attempts(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        count = 0
        for parameter, queryset in zip(parameters, attempts, strict=True):
            if parameter != "ip_address":
                count += queryset.delete()[0]
        return count
