"""Issue #21: JSON and htmx requests get 401 (not a redirect to the login page) before login or
before the second factor; pages still redirect."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_url(programme):
    return f"/en/programme/sessions/{programme['sessions'][1].pk}/report/draft/"


def test_a_page_still_redirects_to_login(client, draft_url):
    response = client.get("/en/programme/")
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_X_REQUESTED_WITH": "fetch"},
        {"HTTP_ACCEPT": "application/json"},
        {"HTTP_HX_REQUEST": "true"},
    ],
)
def test_script_requests_get_401_before_login(client, draft_url, headers):
    response = client.post(draft_url, {"outcomes": "x"}, **headers)
    assert response.status_code == 401
    assert response.json()["error"] == "login_required"
    if "HTTP_HX_REQUEST" in headers:
        assert "/login/" in response["HX-Redirect"]


def test_a_json_body_gets_401_too(client, programme):
    response = client.post(
        f"/en/companion/sessions/{programme['sessions'][1].pk}/totals/",
        data="{}",
        content_type="application/json",
    )
    assert response.status_code == 401


@pytest.mark.second_factor
def test_script_requests_get_401_before_the_second_factor(client, personas, programme):
    client.force_login(personas["coordinator"])  # password done, no code typed yet
    page = client.get("/en/programme/")
    assert page.status_code == 302 and "/account/two-factor/" in page["Location"]
    response = client.get("/en/programme/", HTTP_HX_REQUEST="true")
    assert response.status_code == 401
    assert "/account/two-factor/" in response["HX-Redirect"]
    response = client.get("/en/programme/", HTTP_ACCEPT="application/json")
    assert response.status_code == 401
