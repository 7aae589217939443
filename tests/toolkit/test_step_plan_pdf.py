"""The old step plan PDFs: meeting plans replaced them (issue 24), their addresses redirect."""

import pytest

from samensterk.toolkit.models import Method
from tests.toolkit.helpers import url

pytestmark = pytest.mark.django_db


def test_a_step_with_a_meeting_of_its_title_redirects_to_that_meetings_plan(client, toolkit_content):
    response = client.get(url("step_plan_pdf", "workshopreeks-gelijke-kansen", "bijeenkomst-3"))
    assert response.status_code == 301
    assert response["Location"] == url("meeting_plan", "workshopreeks-gelijke-kansen", 3)


def test_another_step_redirects_to_the_meetings_of_its_method(client, toolkit_content):
    response = client.get(url("step_plan_pdf", "dialoogsessies-mannen", "werving", lang="ar"))
    assert response.status_code == 301
    assert response["Location"] == url("meetings", "dialoogsessies-mannen", lang="ar")


def test_every_old_step_address_redirects_and_unknown_ones_are_404(client, toolkit_content):
    for method in Method.objects.all():
        for step in method.steps.all():
            assert client.get(url("step_plan_pdf", method.slug, step.slug)).status_code == 301
    assert client.get(url("step_plan_pdf", "huiskamergesprekken", "nope")).status_code == 404
    assert client.get(url("step_plan_pdf", "nope", "werving")).status_code == 404
