"""django-axes in front of Django's password check."""

from axes.backends import AxesBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from samensterk.core.proxy import request_client_address


def client_failures(request) -> int:
    """Failed logins from this client, for any account, within the lockout time."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(
        ip_address=request_client_address(request), attempt_time__gte=since
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return total or 0


class LockoutBackend(AxesBackend):
    """Refuses a locked-out account-and-client pair, or a client that guessed too often, before
    the password is even compared.

    django-axes locks the combination of account and client (AXES_LOCKOUT_PARAMETERS), so ten
    wrong passwords typed somewhere else never lock the real person out of their own phone. On top
    of that one client may fail LOGIN_CLIENT_FAILURE_LIMIT times over all accounts: guessing from
    one place stops there, and only there.

    Every login form (ours and /admin/login/) passes the request. Code that authenticates
    without one (Django's test client, the shell) has no client to count, so axes steps aside and
    ModelBackend decides alone, instead of axes raising an error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        if client_failures(request) >= settings.LOGIN_CLIENT_FAILURE_LIMIT:
            request.axes_locked_out = True  # AxesMiddleware answers with our 429 page
            raise AxesBackendPermissionDenied("too many failed logins from this client")
        return super().authenticate(request, username=username, password=password, **kwargs)
