"""The planning checklist: the principles and the recruitment criteria as checkboxes (nothing stored)."""

import pytest
from django.utils.html import escape

from samensterk.toolkit.models import Principle, RecruitmentCriterion
from tests.toolkit.helpers import DRAFT, fallback_marker, url

pytestmark = pytest.mark.django_db


def test_it_lists_every_principle_and_criterion_with_a_labelled_checkbox(client, toolkit_content):
    response = client.get(url("checklist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert Principle.objects.count() == 9
    for p in Principle.objects.all():
        assert escape(p.title) in html
        assert f'<input type="checkbox" id="principle-{p.slug}"' in html
        assert f'<label for="principle-{p.slug}">' in html
    for c in RecruitmentCriterion.objects.all():
        assert escape(c.title) in html
    assert "<form" not in html.split('id="main"')[1]  # nothing is sent or stored


def test_it_works_in_arabic(client, toolkit_content, translate):
    translate(Principle.objects.first(), title="بيئة مألوفة")
    html = client.get(url("checklist", lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "بيئة مألوفة" in html


def test_it_rejects_post(client):
    assert client.post(url("checklist")).status_code == 405


def test_it_labels_an_unreviewed_translation(client, toolkit_content, translate):
    translate(Principle.objects.first(), title="بيئة مألوفة", reviewed=False)
    assert DRAFT in client.get(url("checklist", lang="ar")).content.decode()


def test_it_shows_no_label_for_reviewed_translations(client, toolkit_content, all_reviewed):
    all_reviewed()
    assert DRAFT not in client.get(url("checklist", lang="ar")).content.decode()


def test_it_falls_back_to_dutch_marked_as_dutch(client, toolkit_content, untranslate):
    principle = Principle.objects.first()
    untranslate(principle)
    assert fallback_marker(principle.title) in client.get(url("checklist", lang="ar")).content.decode()
