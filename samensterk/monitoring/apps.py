from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "samensterk.monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        # The dashboard's summary follows the programme's changes: the programme sends the signal
        # inside its transaction and knows nothing of monitoring (programme/signals.py).
        from samensterk.programme.signals import trajectories_changed

        from .summary import summary_refresh

        def _refresh(sender, trajectory_ids, **kwargs):
            summary_refresh(trajectory_ids=trajectory_ids)

        trajectories_changed.connect(_refresh, dispatch_uid="monitoring.summary_refresh", weak=False)
