"""The insights from the sessions and the financial-information tools."""

import pytest
from django.utils.html import escape

from samensterk.toolkit.models import FinancialTool, Insight
from tests.toolkit.helpers import DRAFT, fallback_marker, url

pytestmark = pytest.mark.django_db


def test_it_shows_the_insights_and_the_tools_with_their_links(client, toolkit_content):
    response = client.get(url("insights"))
    assert response.status_code == 200
    html = response.content.decode()
    for insight in Insight.objects.all():
        assert escape(insight.title) in html
    for tool in FinancialTool.objects.all():
        assert escape(tool.title) in html
        assert f'href="{escape(tool.url)}"' in html


def test_it_works_in_arabic(client, toolkit_content, translate):
    translate(Insight.objects.first(), title="الثقة والأمان")
    html = client.get(url("insights", lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "الثقة والأمان" in html


def test_it_rejects_post(client):
    assert client.post(url("insights")).status_code == 405


def test_it_labels_an_unreviewed_translation(client, toolkit_content, translate):
    translate(FinancialTool.objects.first(), title="أداة الحساب", reviewed=False)
    assert DRAFT in client.get(url("insights", lang="ar")).content.decode()


def test_it_shows_no_label_for_reviewed_translations(client, toolkit_content, all_reviewed):
    all_reviewed()
    assert DRAFT not in client.get(url("insights", lang="ar")).content.decode()


def test_it_falls_back_to_dutch_marked_as_dutch(client, toolkit_content, untranslate):
    insight = Insight.objects.first()
    untranslate(insight)
    assert fallback_marker(insight.title) in client.get(url("insights", lang="ar")).content.decode()
