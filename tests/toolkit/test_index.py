"""The methods library's overview page."""

import pytest
from django.utils.html import escape

from samensterk.toolkit.models import Method
from tests.toolkit.helpers import DRAFT, fallback_marker, url

pytestmark = pytest.mark.django_db


def test_it_lists_the_methods_and_links_every_part(client, toolkit_content):
    response = client.get(url("index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert Method.objects.count() == 4
    for method in Method.objects.all():
        assert escape(method.name) in html
        assert url("method", method.slug) in html
    for name in ("statements", "workforms", "checklist", "recommendations", "insights"):
        assert url(name) in html


def test_it_works_in_arabic(client, toolkit_content, translate):
    method = Method.objects.order_by("order").first()
    translate(method, name="طريقة الاختبار", summary="ملخص الاختبار")
    html = client.get(url("index", lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="rtl">طريقة الاختبار' in html


def test_it_rejects_post(client):
    assert client.post(url("index")).status_code == 405


def test_it_labels_an_unreviewed_translation(client, toolkit_content, translate):
    translate(Method.objects.first(), name="طريقة الاختبار", reviewed=False)
    assert DRAFT in client.get(url("index", lang="ar")).content.decode()


def test_it_shows_no_label_for_reviewed_translations(client, toolkit_content, all_reviewed):
    all_reviewed()
    assert DRAFT not in client.get(url("index", lang="ar")).content.decode()


def test_it_falls_back_to_dutch_marked_as_dutch(client, toolkit_content, untranslate):
    method = Method.objects.first()
    untranslate(method)
    assert fallback_marker(method.name) in client.get(url("index", lang="ar")).content.decode()
