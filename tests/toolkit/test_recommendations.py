"""The learning points with their recommendations for organisations and for policy."""

import pytest
from django.utils.html import escape

from samensterk.toolkit.models import LearningPoint, Recommendation
from tests.toolkit.helpers import DRAFT, fallback_marker, url

pytestmark = pytest.mark.django_db


def test_it_shows_every_learning_point_with_its_recommendations(client, toolkit_content):
    response = client.get(url("recommendations"))
    assert response.status_code == 200
    html = response.content.decode()
    assert LearningPoint.objects.count() == 6
    for lp in LearningPoint.objects.all():
        assert escape(lp.title) in html
    for rec in Recommendation.objects.all():
        assert escape(rec.text.strip().splitlines()[0]) in html
    assert Recommendation.objects.filter(audience="policy").exists()


def test_it_works_in_arabic(client, toolkit_content, translate):
    translate(LearningPoint.objects.first(), title="الثقة كأساس")
    html = client.get(url("recommendations", lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "الثقة كأساس" in html


def test_it_rejects_post(client):
    assert client.post(url("recommendations")).status_code == 405


def test_it_labels_an_unreviewed_translation(client, toolkit_content, translate):
    translate(Recommendation.objects.first(), text="استثمر في العلاقات", reviewed=False)
    assert DRAFT in client.get(url("recommendations", lang="ar")).content.decode()


def test_it_shows_no_label_for_reviewed_translations(client, toolkit_content, all_reviewed):
    all_reviewed()
    assert DRAFT not in client.get(url("recommendations", lang="ar")).content.decode()


def test_it_falls_back_to_dutch_marked_as_dutch(client, toolkit_content, untranslate):
    lp = LearningPoint.objects.first()
    untranslate(lp)
    assert fallback_marker(lp.title) in client.get(url("recommendations", lang="ar")).content.decode()
