"""django-axes in front of Django's password check."""

from axes.backends import AxesBackend


class LockoutBackend(AxesBackend):
    """Refuses a locked-out account or client before the password is even compared.

    Every login form (ours and /admin/login/) passes the request. Code that authenticates
    without one (Django's test client, the shell) has no client to count, so axes steps aside and
    ModelBackend decides alone, instead of axes raising an error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
