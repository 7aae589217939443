"""Times "earlier today" that stay today, whatever the hour the tests run.

A meeting that "started 90 minutes ago" was yesterday (in Amsterdam) when the tests ran between
midnight and 01:30: it then had no companion on "My work" and its questionnaire link had expired.
``earlier_today`` keeps the order and the "already started" of such times but squeezes them into
the part of today that has passed.
"""

import datetime as dt

from django.utils import timezone

# The longest "minutes ago" the tests ask for; shorter ones are squeezed by the same factor.
LONGEST = dt.timedelta(minutes=120)


def earlier_today(minutes: float) -> dt.datetime:
    """``minutes`` before now, or proportionally less when today (local time) is younger than LONGEST."""
    now = timezone.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    factor = min(1.0, (now - midnight) / LONGEST)
    return now - dt.timedelta(minutes=minutes) * factor
