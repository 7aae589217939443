"""What the programme tells the apps above it, without knowing them.

The programme's services (and its admin) send ``trajectories_changed`` after they changed a
session or a report of these trajectories, inside the same transaction. Monitoring subscribes at
start-up (monitoring/apps.py) to keep its dashboard summary up to date, so the summary commits or
rolls back with the change itself. The programme imports nothing from monitoring.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

# Sent with ``trajectory_ids``: the trajectories whose sessions or reports changed.
trajectories_changed = Signal()


def trajectories_changed_send(trajectory_ids: Iterable[int]) -> None:
    """Tell the subscribers which trajectories changed (synchronously, in the caller's transaction)."""
    ids = sorted(set(trajectory_ids))
    if ids:
        trajectories_changed.send(sender=None, trajectory_ids=ids)
