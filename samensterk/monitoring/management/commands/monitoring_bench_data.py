"""Generate a large, clearly fictional dataset for the dashboard benchmark (benchmarks/bench_dashboard.py).

    manage.py monitoring_bench_data [--sessions 100000] [--organisations 300] [--seed 1]

Organisations are named "Bench ..." and marked as demo data; sessions get counts, held sessions
a submitted report with ticked themes and follow-up flags, and no text at all. Runs once per
database: with bench organisations present it stops unless --replace is given.
"""

from __future__ import annotations

import datetime as dt
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from samensterk.accounts.models import Organisation, User
from samensterk.monitoring.summary import summary_rebuild
from samensterk.programme.models import District, Partnership, Session, SessionReport, Trajectory
from samensterk.toolkit.models import Method, Theme

SESSIONS_PER_TRAJECTORY = 10
BATCH = 5000


class Command(BaseCommand):
    help = "Generate fictional organisations, trajectories, sessions and reports for the dashboard benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--sessions", type=int, default=100_000)
        parser.add_argument("--organisations", type=int, default=300)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--replace", action="store_true", help="delete earlier bench data first")

    def handle(self, *args, sessions: int, organisations: int, seed: int, replace: bool, **options):
        rng = random.Random(seed)  # noqa: S311 - fictional data, repeatable from the seed
        bench = Organisation.objects.filter(slug__startswith="bench-")
        if bench.exists():
            if not replace:
                raise CommandError("Bench data exists already; use --replace to make it again.")
            Trajectory.objects.filter(partnership__men_organisation__in=bench).delete()
            Partnership.objects.filter(men_organisation__in=bench).delete()
            bench.delete()
        with transaction.atomic():
            counts = self._generate(rng, sessions, organisations)
            # Made with bulk_create, round the services: count it all for the dashboard.
            summary_rebuild()
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items()))

    def _generate(self, rng, n_sessions, n_orgs):
        districts = [d for d, _label in District.choices if d != "other"]
        orgs = Organisation.objects.bulk_create(
            Organisation(
                name=f"Bench {'Mannen' if i % 2 == 0 else 'Vrouwen'}organisatie {i:03d}",
                slug=f"bench-{i:03d}",
                kind=Organisation.Kind.MEN if i % 2 == 0 else Organisation.Kind.WOMEN,
                district=rng.choice(districts),
                is_demo=True,
            )
            for i in range(n_orgs)
        )
        men = [o for o in orgs if o.kind == Organisation.Kind.MEN]
        women = [o for o in orgs if o.kind == Organisation.Kind.WOMEN]
        partnerships = Partnership.objects.bulk_create(
            Partnership(men_organisation=m, women_organisation=w, is_demo=True)
            for m, w in zip(men, women, strict=False)
        )
        methods = list(Method.objects.all()) or [
            Method.objects.create(slug="bench-methode", name="Bench methode", composition="men")
        ]
        themes = list(Theme.objects.all()) or [
            Theme.objects.create(slug=f"bench-thema-{i}", name=f"Bench thema {i}", order=i) for i in range(8)
        ]
        facilitator, _new = User.objects.get_or_create(username="bench-gespreksleider")
        n_traj = max(n_sessions // SESSIONS_PER_TRAJECTORY, 1)
        first_day = dt.date(2024, 1, 1)
        trajectories = Trajectory.objects.bulk_create(
            (
                Trajectory(
                    name=f"Bench trajectory {i}",
                    method=rng.choice(methods),
                    partnership=rng.choice(partnerships),
                    district=rng.choice(districts),
                    starts_on=first_day + dt.timedelta(days=rng.randrange(0, 3 * 365 - 80)),
                    status=rng.choice(list(Trajectory.Status.values)),
                    is_demo=True,
                )
                for i in range(n_traj)
            ),
            batch_size=BATCH,
        )
        session_rows = []
        for t in trajectories:
            start = timezone.make_aware(dt.datetime.combine(t.starts_on, dt.time(19)))
            for number in range(1, SESSIONS_PER_TRAJECTORY + 1):
                status = rng.choices(["held", "cancelled", "planned"], weights=[85, 8, 7])[0]
                held = status == "held"
                men_count = rng.randint(2, 14) if held else None
                women_count = rng.randint(0, 6) if held else None
                session_rows.append(
                    Session(
                        trajectory=t,
                        number=number,
                        starts_at=start + dt.timedelta(days=7 * (number - 1)),
                        place=Session.Place.COMMUNITY_CENTRE,
                        status=status,
                        men_count=men_count,
                        women_count=women_count,
                        first_time_count=rng.randint(0, men_count + women_count) if held else None,
                    )
                )
        created = Session.objects.bulk_create(session_rows, batch_size=BATCH)
        Through = Session.facilitators.through
        Through.objects.bulk_create(
            (Through(session_id=s.pk, user_id=facilitator.pk) for s in created[::50]), batch_size=BATCH
        )
        reports = SessionReport.objects.bulk_create(
            (
                SessionReport(
                    session=s,
                    status=SessionReport.Status.SUBMITTED,
                    followup_financial=rng.random() < 0.2,
                    followup_referral=rng.random() < 0.05,
                    safety_signal=rng.random() < 0.01,
                    submitted_at=s.starts_at,
                )
                for s in created
                if s.status == "held"
            ),
            batch_size=BATCH,
        )
        ThemeLink = SessionReport.themes.through
        links = []
        for r in reports:
            for theme in rng.sample(themes, k=min(2, len(themes))):
                links.append(ThemeLink(sessionreport_id=r.pk, theme_id=theme.pk))
        ThemeLink.objects.bulk_create(links, batch_size=BATCH)
        return {
            "organisations": len(orgs),
            "partnerships": len(partnerships),
            "trajectories": len(trajectories),
            "sessions": len(created),
            "reports": len(reports),
            "theme ticks": len(links),
        }
