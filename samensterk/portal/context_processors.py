"""Context for every page that needs the apps above core (the menu asks the access rules)."""

from django.http import Http404

from samensterk import access


def navigation(request):
    """Which sections the menu offers this user. Lazy: pages that do not draw the menu (PDFs,
    partials) ask nothing of the database."""
    user = getattr(request, "user", None)

    def may_monitor() -> bool:
        try:
            access.dashboard_scope_for(user)
        except Http404:
            return False
        return True

    return {"may_monitor": may_monitor}
