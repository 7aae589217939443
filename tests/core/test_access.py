"""The access helpers: members see their organisations, outsiders get 404, funders cannot edit."""

import pytest
from django.http import Http404

from samensterk.access import organisation_for, organisations_for


@pytest.mark.django_db
class TestOrganisationAccess:
    def test_a_member_sees_and_may_edit_their_organisation(self, personas):
        org, can_edit = organisation_for(personas["facilitator"], "test-men")
        assert org == personas["orgs"]["men"]
        assert can_edit is True

    def test_it_hides_other_orgs(self, personas):
        with pytest.raises(Http404):
            organisation_for(personas["outsider"], "test-men")
        assert list(organisations_for(personas["outsider"])) == [personas["orgs"]["other"]]

    def test_an_unknown_slug_looks_the_same_as_a_hidden_one(self, personas):
        with pytest.raises(Http404):
            organisation_for(personas["facilitator"], "does-not-exist")

    def test_a_funder_reads_but_may_not_edit(self, personas):
        _org, can_edit = organisation_for(personas["funder"], "test-other")
        assert can_edit is False

    def test_anonymous_sees_nothing(self, personas):
        from django.contrib.auth.models import AnonymousUser

        assert organisations_for(AnonymousUser()).count() == 0
        with pytest.raises(Http404):
            organisation_for(AnonymousUser(), "test-men")

    def test_alliance_staff_see_every_organisation(self, personas):
        from samensterk.accounts.models import Organisation

        staff = personas["staff"]
        assert organisations_for(staff).count() == Organisation.objects.count()
        _org, can_edit = organisation_for(staff, "test-women")
        assert can_edit is True

    def test_a_staff_role_outside_the_alliance_gives_no_staff_rights(self, personas):
        from samensterk.accounts.models import Membership, User

        pretender = User.objects.create_user(username="pretender", password="a-long-test-password")
        Membership.objects.create(
            user=pretender, organisation=personas["orgs"]["other"], role=Membership.Role.STAFF
        )
        assert list(organisations_for(pretender)) == [personas["orgs"]["other"]]


@pytest.mark.django_db
class TestRolesPerRequest:
    """A user's roles are read once per request; outside a request every check reads them anew."""

    def test_one_query_for_the_roles_however_many_checks(self, personas, django_assert_num_queries):
        from samensterk.access import is_alliance_staff, is_funder, works_in_programme
        from samensterk.accounts.roles import _roles_memo

        user = personas["staff"]
        token = _roles_memo.set({})
        try:
            with django_assert_num_queries(1):
                assert is_alliance_staff(user)
                assert works_in_programme(user)
                assert not is_funder(user)
        finally:
            _roles_memo.reset(token)

    def test_outside_a_request_a_new_role_is_seen_at_once(self, personas):
        from samensterk.access import is_alliance_staff
        from samensterk.accounts.models import Membership

        user = personas["outsider"]
        assert not is_alliance_staff(user)
        Membership.objects.create(
            user=user, organisation=personas["orgs"]["alliance"], role=Membership.Role.STAFF
        )
        assert is_alliance_staff(user)

    def test_my_work_reads_the_roles_once(self, client, personas, programme, django_assert_max_num_queries):
        from django.urls import reverse

        client.force_login(personas["facilitator"])
        # Session, user, roles, and the page's own lists (before the memo: 21 with five staff checks);
        # 13 since the next sessions' "prepare" links read their methods' meetings (one prefetch).
        with django_assert_max_num_queries(13):
            assert client.get(reverse("programme:home")).status_code == 200
