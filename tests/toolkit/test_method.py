"""A method's page: its facts and its steps as a numbered path."""

import pytest
from django.utils.html import escape

from samensterk.toolkit.models import Method
from tests.toolkit.helpers import DRAFT, fallback_marker, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def method(toolkit_content):
    return Method.objects.get(slug="huiskamergesprekken")


def test_it_shows_the_facts_and_the_steps_in_order(client, method):
    response = client.get(url("method", method.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(method.developed_by) in html
    for partner in method.partners:
        assert escape(partner) in html
    for wf in method.workforms.all():
        assert url("workform", wf.slug) in html
    positions = [html.index(url("step", method.slug, s.slug)) for s in method.steps.order_by("order")]
    assert positions == sorted(positions) and len(positions) == method.steps.count()
    assert 'class="steps step-path"' in html


def test_it_works_in_arabic(client, method, translate):
    translate(method, name="حوارات في البيت", goal="هدف الطريقة")
    html = client.get(url("method", method.slug, lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "حوارات في البيت" in html and "هدف الطريقة" in html


def test_it_rejects_post(client, method):
    assert client.post(url("method", method.slug)).status_code == 405


def test_an_unknown_method_is_404(client, toolkit_content):
    assert client.get(url("method", "no-such-method")).status_code == 404


def test_it_labels_an_unreviewed_translation(client, method, translate):
    translate(method, name="حوارات في البيت", reviewed=False)
    assert DRAFT in client.get(url("method", method.slug, lang="ar")).content.decode()


def test_it_shows_no_label_for_reviewed_translations(client, method, all_reviewed):
    all_reviewed()
    assert DRAFT not in client.get(url("method", method.slug, lang="ar")).content.decode()


def test_it_falls_back_to_dutch_marked_as_dutch(client, method, translate):
    translate(method, name="حوارات في البيت")  # the goal is not translated
    html = client.get(url("method", method.slug, lang="ar")).content.decode()
    assert ' lang="nl" dir="ltr"><p>' + escape(method.goal.splitlines()[0]) in html
    assert fallback_marker(method.name) not in html


def test_it_links_the_statements_of_the_method(client, method):
    html = client.get(url("method", method.slug)).content.decode()
    assert url("statements", query=f"method={method.slug}") in html


def test_it_links_the_flipover_sheets_of_the_method(client, method):
    html = client.get(url("method", method.slug)).content.decode()
    assert url("statements_flipover", query=f"method={method.slug}") in html
