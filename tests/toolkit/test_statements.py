"""The statement bank: GET filters (method, theme, audience, search), htmx partial, bad input."""

import pytest
from django.utils.html import escape

from samensterk.toolkit.models import Statement, Theme
from tests.toolkit.helpers import DRAFT, fallback_marker, url

pytestmark = pytest.mark.django_db


def _texts_shown(html: str) -> set[str]:
    return {s.text for s in Statement.objects.all() if escape(s.text) in html}


def test_it_lists_every_statement_without_filters(client, toolkit_content):
    response = client.get(url("statements"))
    assert response.status_code == 200
    assert _texts_shown(response.content.decode()) == {s.text for s in Statement.objects.all()}


@pytest.mark.parametrize("field", ["theme", "method"])
def test_it_filters(client, toolkit_content, field):
    statement = Statement.objects.filter(themes__isnull=False, methods__isnull=False).first()
    value = {
        "theme": lambda: statement.themes.first().slug,
        "method": lambda: statement.methods.first().slug,
    }[field]()
    lookup = {"theme": "themes__slug", "method": "methods__slug"}[field]
    expected = {s.text for s in Statement.objects.filter(**{lookup: value})}
    html = client.get(url("statements", query=f"{field}={value}")).content.decode()
    assert _texts_shown(html) == expected
    assert 0 < len(expected) < Statement.objects.count()


# Issue 24: the audience filter used to be tested with the statement's own value; "all" is no
# option any more (it counts for groups of men and for mixed groups), so it is tested per option.
def test_every_audience_option_returns_statements(client, toolkit_content):
    from samensterk.toolkit import selectors

    options = selectors.audience_options()
    assert [value for value, _label in options] == ["men", "mixed"]
    for value, _label in options:
        html = client.get(url("statements", query=f"audience={value}")).content.decode()
        matches = selectors.AUDIENCE_MATCHES[value]
        expected = {s.text for s in Statement.objects.filter(audience__in=matches)}
        assert expected and _texts_shown(html) == expected
    # method 1's statements are used with men and in its mixed closing session: both find them
    s001 = Statement.objects.get(slug="s001").text
    for value in ("men", "mixed"):
        assert s001 in _texts_shown(client.get(url("statements", query=f"audience={value}")).content.decode())
    page = client.get(url("statements")).content.decode()
    assert '<option value="women"' not in page and '<option value="all"' not in page
    assert ">Iedereen</option>" not in page
    assert "Groepen mannen en gemengde groepen" in page  # s001's tag says how the toolkit uses it


def test_the_search_finds_statements_with_all_words(client, toolkit_content):
    html = client.get(url("statements", query="q=vrouw+werk")).content.decode()
    shown = _texts_shown(html)
    expected = {
        s.text for s in Statement.objects.all() if "vrouw" in s.text.lower() and "werk" in s.text.lower()
    }
    assert len(expected) >= 3 and shown == expected


def test_the_search_ignores_accents_and_case(client, toolkit_content):
    text = "Als de vrouw buitenshuis gaat werken, wordt zij slecht beïnvloed."
    assert text in _texts_shown(client.get(url("statements", query="q=BEINVLOED")).content.decode())
    assert text in _texts_shown(client.get(url("statements", query="q=beïnvloed")).content.decode())


def test_a_method_without_statements_says_so(client, toolkit_content):
    response = client.get(url("statements", query="method=workshopreeks-gelijke-kansen"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "without-statements" in page and "werkt in de toolkit niet met stellingen" in page
    assert url("method", "workshopreeks-gelijke-kansen") in page


def test_it_searches_the_dutch_text(client, toolkit_content):
    html = client.get(url("statements", query="q=luiers")).content.decode()
    assert _texts_shown(html) == {s.text for s in Statement.objects.filter(text__icontains="luiers")}


def test_it_searches_the_readers_translation(client, toolkit_content, translate):
    statement = Statement.objects.first()
    translate(statement, text="جملة فريدة للاختبار")
    html = client.get(url("statements", lang="ar", query="q=فريدة")).content.decode()
    assert "جملة فريدة للاختبار" in html
    assert html.count('class="statement-text"') == 1


def test_it_works_in_arabic(client, toolkit_content, translate):
    translate(Statement.objects.first(), text="جملة للاختبار")
    html = client.get(url("statements", lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="rtl">جملة للاختبار' in html


def test_it_rejects_post(client, toolkit_content):
    assert client.post(url("statements")).status_code == 405


@pytest.mark.parametrize("field", ["theme", "method", "audience"])
def test_an_unknown_filter_value_is_a_400_that_keeps_the_input(client, toolkit_content, field):
    response = client.get(url("statements", query=f"{field}=no-such-thing&q=mijn+zoekwoord"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "no-such-thing" in html  # the message names what was wrong
    assert 'role="alert"' in html
    assert 'value="mijn zoekwoord"' in html  # what the user typed is kept
    assert 'aria-invalid="true"' in html


def test_a_too_long_search_is_a_400(client, toolkit_content):
    assert client.get(url("statements", query="q=" + "x" * 500)).status_code == 400


def test_htmx_gets_only_the_results_and_the_count(client, toolkit_content):
    theme = Theme.objects.get(slug="geld")
    response = client.get(url("statements", query=f"theme={theme.slug}"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="statement-count" hx-swap-oob="innerHTML"' in html
    assert _texts_shown(html) == {s.text for s in theme.statements.all()}
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client, toolkit_content):
    response = client.get(
        url("statements", query="theme=geld"),
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()


def test_the_flipover_form_carries_the_filters(client, toolkit_content):
    html = client.get(url("statements", query="theme=geld&audience=mixed")).content.decode()
    assert url("statements_flipover") in html
    assert '<input type="hidden" name="theme" value="geld">' in html
    assert '<input type="hidden" name="audience" value="mixed">' in html


def test_nothing_found_says_so(client, toolkit_content):
    response = client.get(url("statements", query="q=zzzzzz"))
    assert response.status_code == 200
    assert 'class="empty-results"' in response.content.decode()


def test_it_labels_an_unreviewed_translation(client, toolkit_content, translate):
    translate(Statement.objects.first(), text="جملة للاختبار", reviewed=False)
    assert DRAFT in client.get(url("statements", lang="ar")).content.decode()


def test_it_shows_no_label_for_reviewed_translations(client, toolkit_content, all_reviewed):
    all_reviewed()
    assert DRAFT not in client.get(url("statements", lang="ar")).content.decode()


def test_it_falls_back_to_dutch_marked_as_dutch(client, toolkit_content, untranslate):
    statement = Statement.objects.first()
    untranslate(statement)
    assert fallback_marker(statement.text) in client.get(url("statements", lang="ar")).content.decode()


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_number_of_queries_does_not_grow_with_the_content(
    client, toolkit_content, django_assert_max_num_queries, lang
):
    with django_assert_max_num_queries(8):
        client.get(url("statements", lang=lang))
    with django_assert_max_num_queries(8):
        client.get(url("statements", lang=lang, query="theme=geld&q=geld"))
