from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samensterk.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from . import signals  # noqa: F401 - security events in the log, without personal data
