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
