"""HEAD and OPTIONS on pages: monitors that probe with HEAD get the page's status and headers."""

import pytest


@pytest.mark.django_db
class TestHeadAndOptions:
    @pytest.mark.parametrize("path", ["/", "/en/", "/en/login/", "/en/toolkit/", "/en/calculator/"])
    def test_head_answers_like_get_without_a_body(self, client, path):
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == get.status_code == 200
        assert head.content == b""
        assert head["Content-Type"] == get["Content-Type"]
        assert int(head["Content-Length"]) == len(get.content)

    def test_head_on_a_missing_page_is_404(self, client):
        assert client.head("/en/no-such-page/").status_code == 404

    def test_options_on_the_home_page(self, client):
        response = client.options("/en/")
        assert response.status_code == 204
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response.content == b""

    def test_a_wrong_method_still_gets_405_with_the_full_allow_header(self, client):
        response = client.post("/en/")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"

    def test_head_never_runs_a_post_only_view_as_post(self, client):
        # logout accepts POST only: HEAD is turned into GET, which the view refuses.
        response = client.head("/en/logout/")
        assert response.status_code == 405


@pytest.mark.django_db
def test_options_on_the_json_api_lists_post():
    from django.test import Client

    response = Client().options("/api/calculator/simulate")
    assert response.status_code == 204
    assert response["Allow"] == "POST, OPTIONS"


@pytest.mark.django_db
class TestRefusedMethods:
    """Issue #21: PUT, PATCH and DELETE on our pages answer 405 (with the view's Allow), not the
    CSRF check's 403; the view never runs with them."""

    @pytest.mark.parametrize("method", ["put", "patch", "delete"])
    def test_a_page_answers_405_not_403(self, method, personas, programme):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(personas["facilitator"])
        session = programme["sessions"][1]
        response = getattr(client, method)(f"/en/programme/sessions/{session.pk}/report/")
        assert response.status_code == 405
        assert response["Allow"] == "GET, POST, HEAD, OPTIONS"
        response = getattr(client, method)("/en/")
        assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"
        assert not hasattr(session, "report") or session.report is None

    def test_anonymous_put_is_405_too(self):
        from django.test import Client

        assert Client(enforce_csrf_checks=True).put("/en/programme/").status_code == 405


@pytest.mark.django_db
def test_the_csrf_failure_page_is_ours_in_the_visitors_language():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/tr/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert 'lang="tr"' in html and 'class="site-header"' in html
    from django.utils import translation

    with translation.override("tr"):
        expected = translation.gettext("This form has expired for safety.")
    assert expected != "This form has expired for safety." and expected in html
