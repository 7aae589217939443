from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samensterk.core"
    label = "core"
    verbose_name = _("Core: layout, audit log, demo data")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401 - registers the deploy check for the secret key

        post_migrate.connect(_create_cache_table, sender=self)


def _create_cache_table(using="default", **kwargs):
    """`migrate` also creates the database cache's table (rate limits), so no deploy step forgets it."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
