"""The list of work forms."""

import pytest
from django.utils.html import escape

from samensterk.toolkit.models import WorkForm
from tests.toolkit.helpers import DRAFT, fallback_marker, url

pytestmark = pytest.mark.django_db


def test_it_lists_every_work_form(client, toolkit_content):
    response = client.get(url("workforms"))
    assert response.status_code == 200
    html = response.content.decode()
    assert WorkForm.objects.exists()
    for wf in WorkForm.objects.all():
        assert escape(wf.name) in html
        assert url("workform", wf.slug) in html


def test_it_works_in_arabic(client, toolkit_content, translate):
    translate(WorkForm.objects.first(), name="عمل بالعبارات")
    html = client.get(url("workforms", lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "عمل بالعبارات" in html


def test_it_rejects_post(client):
    assert client.post(url("workforms")).status_code == 405


def test_it_labels_an_unreviewed_translation(client, toolkit_content, translate):
    translate(WorkForm.objects.first(), name="عمل بالعبارات", reviewed=False)
    assert DRAFT in client.get(url("workforms", lang="ar")).content.decode()


def test_it_shows_no_label_for_reviewed_translations(client, toolkit_content, all_reviewed):
    all_reviewed()
    assert DRAFT not in client.get(url("workforms", lang="ar")).content.decode()


def test_it_falls_back_to_dutch_marked_as_dutch(client, toolkit_content, untranslate):
    wf = WorkForm.objects.first()
    untranslate(wf)
    assert fallback_marker(wf.name) in client.get(url("workforms", lang="ar")).content.decode()
