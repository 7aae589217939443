"""A database that is down gives a friendly 503 page, other failures a plain 500: never a trace."""

from unittest import mock

import pytest
from django.db import OperationalError


@pytest.fixture
def quiet_client(client):
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
class TestServerErrors:
    def test_database_down_gives_503_with_retry_after(self, quiet_client):
        with mock.patch(
            "samensterk.portal.views.method_list", side_effect=OperationalError("connection refused")
        ):
            response = quiet_client.get("/en/")
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        html = response.content.decode()
        assert "The service is briefly unavailable." in html
        assert "connection refused" not in html and "Traceback" not in html

    def test_the_503_page_does_not_touch_the_database(self, quiet_client, django_assert_num_queries):
        with mock.patch("samensterk.portal.views.method_list", side_effect=OperationalError("down")):
            with django_assert_num_queries(0):
                response = quiet_client.get("/en/")
        assert response.status_code == 503

    def test_a_bug_gives_500_without_details(self, quiet_client):
        with mock.patch("samensterk.portal.views.method_list", side_effect=KeyError("secret-detail")):
            response = quiet_client.get("/en/")
        assert response.status_code == 500
        html = response.content.decode()
        assert "Something went wrong on our side." in html
        assert "secret-detail" not in html
