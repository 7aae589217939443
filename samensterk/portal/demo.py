"""A clearly fictional demo dataset: organisations and people that do not exist.

Real organisations appear only where the toolkit credits them as developers of a method (in the
content). Every name here starts with "Demo" so nobody mistakes it for real data.
"""

from __future__ import annotations

import base64

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from samensterk.accounts.models import Membership, Organisation, User
from samensterk.accounts.twofactor import SECOND_FACTOR_ROLES
from samensterk.core.audit import audit_record
from samensterk.core.models import AuditAction
from samensterk.core.staff import staff_group_sync
from samensterk.programme.demo import demo_programme_load

DEMO_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105 - fictional accounts on a local demo database
# The demo coordinators and demo-staf need a second login step (accounts/twofactor.py). Their
# authenticator shares this published key ("SamenSterkDemoOnly!!"): `manage.py demo_totp` prints
# the current code, or add DEMO_TOTP_BASE32 to an authenticator app. Fictional, local only.
DEMO_TOTP_KEY = b"SamenSterkDemoOnly!!".hex()
DEMO_TOTP_BASE32 = base64.b32encode(b"SamenSterkDemoOnly!!").decode()  # KNQW2ZLOKN2GK4TLIRSW232PNZWHSIJB

DEMO_ORGANISATIONS = [
    ("Demo Vrouwenorganisatie Noord", "demo-vrouwen-noord", Organisation.Kind.WOMEN, "Noord"),
    ("Demo Mannenplatform Noord", "demo-mannen-noord", Organisation.Kind.MEN, "Noord"),
    ("Demo Vrouwencentrum Zuidoost", "demo-vrouwen-zuidoost", Organisation.Kind.WOMEN, "Zuidoost"),
    ("Demo Vadersnetwerk Zuidoost", "demo-vaders-zuidoost", Organisation.Kind.MEN, "Zuidoost"),
    ("Demo Alliantiebureau", "demo-alliantie", Organisation.Kind.ALLIANCE, ""),
    ("Demo Fonds Gelijke Kansen", "demo-fonds", Organisation.Kind.FUNDER, ""),
]

# username, organisation slug, role. Usernames are roles, not people.
DEMO_USERS = [
    ("demo-gespreksleider", "demo-mannen-noord", Membership.Role.FACILITATOR),
    ("demo-trainer", "demo-mannen-noord", Membership.Role.TRAINER),
    ("demo-coordinator", "demo-vrouwen-noord", Membership.Role.COORDINATOR),
    ("demo-gespreksleider-zuidoost", "demo-vaders-zuidoost", Membership.Role.FACILITATOR),
    ("demo-coordinator-zuidoost", "demo-vrouwen-zuidoost", Membership.Role.COORDINATOR),
    ("demo-trainer-zuidoost", "demo-vaders-zuidoost", Membership.Role.TRAINER),
    ("demo-staf", "demo-alliantie", Membership.Role.STAFF),
    ("demo-fonds", "demo-fonds", Membership.Role.FUNDER),
]


def demo_load(*, actor=None) -> dict[str, int]:
    """Create the demo organisations, users and memberships; running it twice changes nothing."""
    created = {"organisations": 0, "users": 0, "memberships": 0, "trajectories": 0}
    with transaction.atomic():
        orgs = {}
        for name, slug, kind, district in DEMO_ORGANISATIONS:
            org, new = Organisation.objects.get_or_create(
                slug=slug, defaults={"name": name, "kind": kind, "district": district, "is_demo": True}
            )
            orgs[slug] = org
            created["organisations"] += new
        for username, org_slug, role in DEMO_USERS:
            # Fictional addresses (example.org is reserved for examples): e-mail alerts in `make run`
            # are printed on the console, never sent.
            user, new = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org"}
            )
            if new:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = role == Membership.Role.STAFF
                user.save(update_fields=["password", "is_staff"])
            elif not user.email:  # a demo database from before the alerts
                user.email = f"{username}@example.org"
                user.save(update_fields=["email"])
            created["users"] += new
            _m, new = Membership.objects.get_or_create(
                user=user, organisation=orgs[org_slug], defaults={"role": role}
            )
            created["memberships"] += new
        for username, _org_slug, role in DEMO_USERS:
            if role in SECOND_FACTOR_ROLES:
                _d, new = TOTPDevice.objects.get_or_create(
                    user=User.objects.get(username=username),
                    name="demo authenticator",
                    defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
                )
                created["devices"] = created.get("devices", 0) + new
        # demo-staf gets the alliance staff group, so /admin/ shows what staff may manage.
        group, _count = staff_group_sync()
        for username, _org_slug, role in DEMO_USERS:
            if role == Membership.Role.STAFF:
                User.objects.get(username=username).groups.add(group)
        users = {u.username: u for u in User.objects.filter(username__in=[row[0] for row in DEMO_USERS])}
        created["trajectories"] = demo_programme_load(users, orgs)
        if any(created.values()):
            audit_record(actor=actor, action=AuditAction.DEMO_LOAD, detail=created)
    return created
