from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompanionConfig(AppConfig):
    name = "samensterk.companion"
    verbose_name = _("Session companion")
