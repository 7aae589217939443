"""Flip-over sheets: one statement per A4 landscape page, in the chosen language, Dutch underneath."""

import unicodedata

import pytest

from samensterk.toolkit.models import Method, Statement, Theme, Translation
from tests.toolkit.helpers import pdf_page_size, pdf_pages, pdf_text, url

pytestmark = pytest.mark.django_db

A4_LANDSCAPE = (841.89, 595.28)


def _plain(text: str) -> str:
    """pdftotext's output without bidi control marks and with presentation forms folded, one space."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def test_one_page_per_statement_on_a4_landscape(client, toolkit_content, tmp_path):
    theme = Theme.objects.get(slug="geld")
    response = client.get(url("statements_flipover", query="theme=geld"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="statements-geld-nl.pdf"'
    assert pdf_pages(response.content, tmp_path) == theme.statements.count()
    width, height = pdf_page_size(response.content, tmp_path)
    assert (round(width), round(height)) == (round(A4_LANDSCAPE[0]), round(A4_LANDSCAPE[1]))
    for page, statement in enumerate(theme.statements.order_by("order", "slug"), start=1):
        assert _plain(statement.text) in _plain(pdf_text(response.content, tmp_path, page=page))


def test_all_statements_without_filters(client, toolkit_content, tmp_path):
    response = client.get(url("statements_flipover"))
    assert pdf_pages(response.content, tmp_path) == Statement.objects.count()


def test_arabic_with_the_dutch_text_underneath(client, toolkit_content, translate, tmp_path):
    statements = list(Theme.objects.get(slug="geld").statements.order_by("order", "slug"))
    translate(statements[0], text="المال يجلب السعادة للجميع")
    response = client.get(url("statements_flipover", query="theme=geld&lang=ar&dutch=1"))
    assert response.status_code == 200
    assert pdf_pages(response.content, tmp_path) == len(statements)
    first = _plain(pdf_text(response.content, tmp_path, page=1))
    for word in "المال يجلب السعادة للجميع".split():
        assert word in first
    assert _plain(statements[0].text) in first


def test_without_dutch_underneath_only_the_chosen_language(client, toolkit_content, translate, tmp_path):
    statement = Theme.objects.get(slug="geld").statements.order_by("order", "slug").first()
    translate(statement, text="المال يجلب السعادة للجميع")
    response = client.get(url("statements_flipover", query="theme=geld&lang=ar"))
    first = _plain(pdf_text(response.content, tmp_path, page=1))
    assert "السعادة" in first
    assert _plain(statement.text) not in first


def test_the_language_defaults_to_the_pages_language(client, toolkit_content, translate, tmp_path):
    statement = Theme.objects.get(slug="geld").statements.order_by("order", "slug").first()
    translate(statement, text="المال يجلب السعادة للجميع")
    response = client.get(url("statements_flipover", lang="ar", query="theme=geld"))
    assert response["Content-Disposition"] == 'attachment; filename="statements-geld-ar.pdf"'
    assert "السعادة" in _plain(pdf_text(response.content, tmp_path, page=1))


def test_a_missing_translation_prints_the_dutch_text(client, toolkit_content, untranslate, tmp_path):
    statement = Theme.objects.get(slug="geld").statements.order_by("order", "slug").first()
    untranslate(statement)
    response = client.get(url("statements_flipover", query="theme=geld&lang=ar&dutch=1"))
    first = _plain(pdf_text(response.content, tmp_path, page=1))
    assert first.count(_plain(statement.text)) == 1  # shown once, not repeated underneath


def test_a_very_long_statement_still_fits_one_page(client, toolkit_content, tmp_path):
    long_text = " ".join(["Een heel lange stelling over werk, zorg en geld in het gezin."] * 12)
    statement = Statement.objects.create(slug="s-long", text=long_text, audience="all")
    statement.themes.add(Theme.objects.get(slug="geld"))
    response = client.get(url("statements_flipover", query="theme=geld"))
    assert pdf_pages(response.content, tmp_path) == Theme.objects.get(slug="geld").statements.count()


@pytest.mark.parametrize(
    "query",
    ["lang=xx", "dutch=maybe", "theme=no-such-theme", "method=no-such-method", "audience=aliens"],
)
def test_bad_parameters_are_a_400_with_a_message(client, toolkit_content, query):
    response = client.get(url("statements_flipover", query=query))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert 'role="alert"' in html
    assert query.split("=")[1] in html


def test_no_matching_statements_is_a_404_with_a_message(client, toolkit_content):
    response = client.get(url("statements_flipover", query="q=zzzzzz"))
    assert response.status_code == 404
    assert 'role="alert"' in response.content.decode()


def test_it_rejects_post(client, toolkit_content):
    assert client.post(url("statements_flipover")).status_code == 405


def test_it_is_rate_limited(client, toolkit_content):
    statuses = [client.get(url("statements_flipover", query="lang=xx")).status_code for _ in range(31)]
    assert statuses[:30] == [400] * 30
    assert statuses[30] == 429


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_a_methods_statements_one_per_page(client, toolkit_content, translate, tmp_path, lang):
    """Done-criterion of the issue: a method's statements, one per page, in Arabic and in Dutch."""
    method = Method.objects.get(slug="huiskamergesprekken")
    statements = list(method.statements.order_by("order", "slug"))
    assert statements
    expected = {}
    for n, statement in enumerate(statements):
        arabic = f"عبارة الاختبار رقم {n} عن العمل"
        translate(statement, text=arabic)
        expected[statement.pk] = arabic if lang == "ar" else statement.text
    response = client.get(url("statements_flipover", query=f"method={method.slug}&lang={lang}"))
    assert response.status_code == 200
    assert pdf_pages(response.content, tmp_path) == len(statements)
    for page, statement in enumerate(statements, start=1):
        text = _plain(pdf_text(response.content, tmp_path, page=page))
        for word in expected[statement.pk].split():
            assert word in text


@pytest.mark.parametrize("reviewed", [False, True])
def test_an_unreviewed_translation_is_labelled_on_its_sheet(
    client, toolkit_content, translate, tmp_path, reviewed
):
    from django.utils.translation import gettext, override

    Translation.objects.filter(language="ar").update(reviewed=True)
    statement = Theme.objects.get(slug="geld").statements.order_by("order", "slug").first()
    translate(statement, text="المال يجلب السعادة للجميع", reviewed=reviewed)
    with override("ar"):
        label = _plain(gettext("draft translation"))
    response = client.get(url("statements_flipover", query="theme=geld&lang=ar"))
    assert pdf_pages(response.content, tmp_path) == Theme.objects.get(slug="geld").statements.count()
    first = _plain(pdf_text(response.content, tmp_path, page=1))
    assert (label in first) is (not reviewed)
