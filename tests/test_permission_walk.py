"""Every URL pattern of the project, with every persona: no page shows another organisation's data,
report text reaches only its readers, and anonymous visitors reach only public pages.

The URLs are not listed by hand: the walk reads the URL configuration, so a page added later is
walked too. Each path parameter is filled with every candidate value of its kind (the ids and
slugs of both worlds in the `programme` fixture), so "another organisation's object" is always
among the URLs tried.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# Marker strings of the personas' own world (tests/conftest.py `programme`).
OWN_TRAJECTORY = "Test Noord voorjaar"
REPORT_TEXT = ("Testuitkomst", "Testcitaat", "Testreflectie")
# The outsider's world: nobody but the outsider (and alliance staff, names only) may see it.
OTHER_TRAJECTORY = "Test Andere trajectory"

# Pages anyone may open without an account (prefix match on the path without a language prefix).
PUBLIC = (
    "/",
    "/toolkit/",
    "/calculator/",
    "/login/",
    "/healthz",
    "/api/",
    "/monitoring/q/",
    "/account/",  # the second-factor pages answer anonymous visitors by sending them to log in
    "/companion/sw.js",
)
SKIP_PREFIXES = ("/admin/",)  # the admin has its own login and permission checks (tested in tests/core)
PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if "(?P<" in route or route.startswith("^"):
                # i18n_patterns' language prefix: walk its children without a prefix (Dutch).
                if "LocalePrefixPattern" in type(entry.pattern).__name__:
                    yield from _patterns(entry, prefix)
                continue
            yield from _patterns(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            if route.startswith("^"):
                continue  # regex routes (static, media in debug): nothing of ours
            yield prefix + route


def _candidates(world) -> dict[str, list[str]]:
    ids = {
        str(obj.pk)
        for obj in [
            world["trajectory"],
            world["other_trajectory"],
            world["other_session"],
            *world["sessions"],
        ]
    }
    slugs = ["test-men", "test-women", "test-other", "test-other-men", "test-alliance-office", "test-methode"]
    return {
        "int": sorted(ids),
        "slug": slugs,
        "str": ["not-a-token"],
        "path": ["x"],
        "uuid": ["00000000-0000-0000-0000-000000000000"],
    }


def _urls(world) -> list[str]:
    candidates = _candidates(world)
    urls = set()
    for route in _patterns():
        path = "/" + route
        if path.startswith(SKIP_PREFIXES):
            continue
        params = PARAM.findall(path)
        variants = [path]
        for conv, name in params:
            values = candidates.get(conv or "str", ["x"])
            token = f"<{conv + ':' if conv else ''}{name}>"
            variants = [v.replace(token, value, 1) for v in variants for value in values]
        urls.update(variants)
    return sorted(urls)


def _get(client, url):
    response = client.get(url)
    body = b""
    if response.status_code == 200 and not getattr(response, "streaming", False):
        body = response.content
    return response.status_code, body.decode("utf-8", errors="replace")


@pytest.fixture
def walk(client, personas, programme):
    urls = _urls(programme)
    assert any("/programme/sessions/" in u for u in urls), "the walk found the programme's URLs"

    def run(who):
        if who == "anonymous":
            client.logout()
        else:
            client.force_login(personas[who])
        return {url: _get(client, url) for url in urls}

    return run


def _showing(pages, marker):
    return sorted(url for url, (status, body) in pages.items() if marker in body)


# One walk per persona (a walk is a few hundred requests), every rule checked on it.
RULES = {
    # persona: (markers that must never show, markers that must show somewhere)
    "facilitator": ((OTHER_TRAJECTORY,), (OWN_TRAJECTORY, REPORT_TEXT[0])),
    "trainer": ((OTHER_TRAJECTORY,), (OWN_TRAJECTORY, REPORT_TEXT[0])),
    "coordinator": ((OTHER_TRAJECTORY,), (OWN_TRAJECTORY, REPORT_TEXT[0])),
    "staff": (REPORT_TEXT, (OWN_TRAJECTORY, OTHER_TRAJECTORY)),
    "outsider": ((OWN_TRAJECTORY, *REPORT_TEXT), (OTHER_TRAJECTORY,)),
    "funder": ((OWN_TRAJECTORY, OTHER_TRAJECTORY, *REPORT_TEXT), ()),
    "anonymous": ((OWN_TRAJECTORY, OTHER_TRAJECTORY, *REPORT_TEXT), ()),
}


@pytest.mark.parametrize("who", list(RULES))
def test_no_page_shows_what_the_persona_may_not_see(walk, who):
    never, somewhere = RULES[who]
    pages = walk(who)
    for marker in never:
        assert _showing(pages, marker) == [], (who, marker)
    # The walk can fail: what the persona may see is found, so the markers are detectable.
    for marker in somewhere:
        assert _showing(pages, marker), (who, marker)
    assert [url for url, (status, _b) in pages.items() if status >= 500] == []
    if who == "anonymous":
        private_ok = [
            url for url, (status, _b) in pages.items() if status == 200 and not url.startswith(PUBLIC)
        ]
        assert private_ok == []


# --- the escalations of issue #21: each one is tried, and each one is refused ------------------

from html.parser import HTMLParser  # noqa: E402


class _FormFields(HTMLParser):
    """The values a browser would send for the first form with method=post (the admin's change form)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select = None
        self._textarea = None
        self._done = False
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._done:
            return
        if (
            tag == "form"
            and attrs.get("method", "").lower() == "post"
            and attrs.get("id", "").endswith("_form")
        ):
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file"):
                return
            self.data.setdefault(name, []).append(attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            if self._textarea:
                self.data[self._textarea][0] = self.data[self._textarea][0].lstrip("\n")
            self._textarea = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True


def _admin_form(client, path) -> dict:
    response = client.get(path)
    assert response.status_code == 200, path
    parser = _FormFields()
    parser.feed(response.content.decode())
    assert parser.data, "the change form was found"
    return parser.data


@pytest.fixture
def admin_staff(personas):
    """Alliance staff with /admin/ access through the "Alliance staff" group, as in production."""
    from samensterk.core.staff import staff_group_sync

    group, _count = staff_group_sync()
    staff = personas["staff"]
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    staff.groups.add(group)
    return staff


def _report_urls(programme):
    session = programme["report"].session
    return [f"/programme/sessions/{session.pk}/report/", f"/programme/sessions/{session.pk}/report.pdf"]


def _staff_reads_nothing(client, programme):
    for path in _report_urls(programme):
        assert client.get(path).status_code == 404, path


class TestEscalationsAreRefused:
    def test_staff_assigning_themselves_in_the_app(self, client, personas, programme):
        staff = personas["staff"]
        trajectory = programme["trajectory"]
        client.force_login(staff)
        data = {
            "name": trajectory.name,
            "method": trajectory.method_id,
            "partnership": trajectory.partnership_id,
            "district": trajectory.district,
            "starts_on": trajectory.starts_on.isoformat(),
            "status": trajectory.status,
            "trainer": staff.pk,
            "coordinator": staff.pk,
            "facilitators": [staff.pk],
        }
        response = client.post(f"/en/programme/trajectories/{trajectory.pk}/edit/", data)
        assert response.status_code == 422
        trajectory.refresh_from_db()
        assert trajectory.trainer == personas["trainer"] and staff not in trajectory.facilitators.all()
        session = programme["sessions"][1]
        response = client.post(
            f"/en/programme/sessions/{session.pk}/edit/",
            {
                "number": session.number,
                "kind": session.kind,
                "starts_at": session.starts_at.strftime("%Y-%m-%dT%H:%M"),
                "place": session.place,
                "language": "nl",
                "status": session.status,
                "facilitators": [staff.pk],
            },
        )
        assert response.status_code == 422
        assert staff not in session.facilitators.all()
        _staff_reads_nothing(client, programme)

    def test_staff_assigning_themselves_in_the_trajectory_admin(self, client, admin_staff, programme):
        trajectory = programme["trajectory"]
        client.force_login(admin_staff)
        path = f"/admin/programme/trajectory/{trajectory.pk}/change/"
        data = _admin_form(client, path)
        # The form as the admin shows it saves (the test can fail the other way too).
        assert client.post(path, data).status_code == 302
        for field, value in (("trainer", [str(admin_staff.pk)]), ("facilitators", [str(admin_staff.pk)])):
            response = client.post(path, {**data, field: value})
            assert response.status_code == 200, field  # the form again, with the error
        trajectory.refresh_from_db()
        assert trajectory.trainer_id != admin_staff.pk and admin_staff not in trajectory.facilitators.all()
        _staff_reads_nothing(client, programme)

    def test_staff_assigning_themselves_in_the_session_admin(self, client, admin_staff, programme):
        session = programme["report"].session
        client.force_login(admin_staff)
        path = f"/admin/programme/session/{session.pk}/change/"
        data = _admin_form(client, path)
        assert client.post(path, data).status_code == 302
        response = client.post(path, {**data, "facilitators": [str(admin_staff.pk)]})
        assert response.status_code == 200
        assert admin_staff not in session.facilitators.all()
        _staff_reads_nothing(client, programme)

    def test_a_stale_assignment_grants_nothing(self, client, personas, programme):
        """Written straight into the database (an old row, a shell): access still says no."""
        staff = personas["staff"]
        trajectory = programme["trajectory"]
        trajectory.trainer = staff
        trajectory.coordinator = staff
        trajectory.save()
        trajectory.facilitators.add(staff)
        programme["report"].session.facilitators.add(staff)
        client.force_login(staff)
        _staff_reads_nothing(client, programme)
        # A trainer who left the organisation no longer reads or debriefs.
        personas["trainer"].memberships.all().delete()
        client.force_login(personas["trainer"])
        for path in _report_urls(programme):
            assert client.get(path).status_code == 404, path

    def test_moving_a_trajectory_with_reports(self, client, personas, programme, admin_staff):
        from django.core.exceptions import ValidationError

        from samensterk.core.models import AuditEvent
        from samensterk.programme import services
        from samensterk.programme.models import Partnership

        trajectory = programme["trajectory"]
        other = programme["other_trajectory"].partnership
        # /admin/
        client.force_login(admin_staff)
        path = f"/admin/programme/trajectory/{trajectory.pk}/change/"
        data = _admin_form(client, path)
        response = client.post(path, {**data, "partnership": [str(other.pk)]})
        assert response.status_code == 200
        # the app: the trainer also works in a second partnership they may manage
        second = Partnership.objects.create(
            men_organisation=personas["orgs"]["men"], women_organisation=personas["orgs"]["other"]
        )
        client.force_login(personas["trainer"])
        form = {
            "name": trajectory.name,
            "method": trajectory.method_id,
            "partnership": second.pk,
            "district": trajectory.district,
            "starts_on": trajectory.starts_on.isoformat(),
            "status": trajectory.status,
            "trainer": personas["trainer"].pk,
            "coordinator": personas["coordinator"].pk,
            "facilitators": [personas["facilitator"].pk],
        }
        response = client.post(f"/en/programme/trajectories/{trajectory.pk}/edit/", form)
        assert response.status_code == 422
        assert "stays with its partnership" in response.content.decode()
        # the service itself
        with pytest.raises(ValidationError):
            services.trajectory_update(
                actor=personas["trainer"], trajectory=trajectory, data={"partnership": second}
            )
        trajectory.refresh_from_db()
        assert trajectory.partnership_id == programme["partnership"].pk
        assert not AuditEvent.objects.filter(action="trajectory.move").exists()

    def test_moving_a_trajectory_without_reports_is_audited_with_old_and_new(self, personas, programme):
        from samensterk.core.models import AuditEvent
        from samensterk.programme import services
        from samensterk.programme.models import Partnership, SessionReport

        SessionReport.objects.all().delete()
        trajectory = programme["trajectory"]
        old = trajectory.partnership_id
        second = Partnership.objects.create(
            men_organisation=personas["orgs"]["men"], women_organisation=personas["orgs"]["other"]
        )
        services.trajectory_update(
            actor=personas["trainer"],
            trajectory=trajectory,
            data={"partnership": second, "coordinator": None},
        )
        event = AuditEvent.objects.filter(action="trajectory.move").first()
        assert event.detail == {"old_partnership": old, "new_partnership": second.pk}

    def test_a_coordinator_pairing_with_a_stranger(self, client, personas, programme):
        from samensterk.programme.models import Partnership

        stranger = Organisation_of(programme)
        client.force_login(personas["coordinator"])
        response = client.post(
            "/en/programme/partnerships/",
            {"men_organisation": stranger.pk, "women_organisation": personas["orgs"]["women"].pk},
        )
        assert response.status_code == 302  # a proposal, nothing more
        partnership = Partnership.objects.get(
            men_organisation=stranger, women_organisation=personas["orgs"]["women"]
        )
        assert partnership.status == "proposed"
        # ...so the stranger's people cannot be picked, and nothing of theirs shows.
        response = client.post(
            "/en/programme/trajectories/new/",
            {
                "name": "Test via een vreemde",
                "method": programme["method"].pk,
                "partnership": partnership.pk,
                "district": "west",
                "starts_on": "2026-01-05",
                "status": "planned",
                "trainer": personas["outsider"].pk,
                "coordinator": personas["coordinator"].pk,
            },
        )
        assert response.status_code == 422
        assert not programme["method"].trajectories.filter(name="Test via een vreemde").exists()
        for path in (
            f"/en/programme/trajectories/{programme['other_trajectory'].pk}/",
            "/en/programme/trajectories/",
        ):
            assert OTHER_TRAJECTORY not in client.get(path).content.decode()


def Organisation_of(programme):  # noqa: N802 - reads as a noun in the test above
    """The stranger: the men's organisation of the outsider's own partnership."""
    return programme["other_trajectory"].partnership.men_organisation


def test_a_move_in_the_admin_is_audited_with_old_and_new(client, admin_staff, personas, programme):
    from samensterk.core.models import AuditEvent
    from samensterk.programme.models import Partnership, SessionReport

    SessionReport.objects.all().delete()  # without reports a trajectory may move
    trajectory = programme["trajectory"]
    old = trajectory.partnership_id
    second = Partnership.objects.create(
        men_organisation=personas["orgs"]["men"], women_organisation=personas["orgs"]["other"]
    )
    client.force_login(admin_staff)
    path = f"/admin/programme/trajectory/{trajectory.pk}/change/"
    data = _admin_form(client, path)
    response = client.post(path, {**data, "partnership": [str(second.pk)], "coordinator": [""]})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="trajectory.move", organisation=personas["orgs"]["men"])
    assert event.actor == admin_staff
    assert event.detail == {"old_partnership": old, "new_partnership": second.pk}
