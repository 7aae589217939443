from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top layer: what composes several apps (the home page, the demo data).

    Layers point down only: accounts and core import no app; toolkit, calculator, programme,
    companion and monitoring import those below them; portal may import any of them.
    """

    name = "samensterk.portal"
    verbose_name = _("Portal")
