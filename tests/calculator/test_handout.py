"""The PDF handout: made on request in the chosen language, with the sentence and the lines."""

import re
import shutil
import subprocess

import pytest

from samensterk.calculator.examples import EXAMPLES
from tests.calculator.helpers import url

pytestmark = pytest.mark.django_db
needs_pdftotext = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


@needs_pdftotext
def test_it_makes_a_pdf_with_the_sentence_and_the_lines(client, form_data, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.post(url("calculator:handout"), form_data)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text = " ".join(pdf_text(response.content).split())
    assert "If she works 16 hours a week, your household has" in text
    assert "She works 16 hours a week at" in text  # an explanation line
    assert "Zorgtoeslag" in text and "holiday allowance" in text


@needs_pdftotext
def test_the_handout_is_in_the_chosen_language(client, form_data):
    response = client.post(url("calculator:handout", lang="ar"), form_data)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('samen-sterk-ar.pdf"')


def test_an_example_handout(client):
    response = client.get(url("calculator:example_handout", EXAMPLES[0].slug))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_it_rejects_get(client):
    assert client.get(url("calculator:handout")).status_code == 405


def test_bad_input_is_422_not_a_pdf(client, form_data):
    form_data["children"] = "x"
    response = client.post(url("calculator:handout"), form_data)
    assert response.status_code == 422
    assert 'value="x"' in response.content.decode()


BIJSTAND_SINGLE = {"partner": "none", "children": "2, 5", "rent": "750", "hours": "16", "compare_a": "0"}
SHARING = {"partner": "works", "partner_amount": "2700", "children": "2, 6, 11", "rent": "850",
           "her_wage": "15", "hours": "16", "compare_a": "0", "share_b_his": "32", "share_b_her": "24"}  # fmt: skip


def handout_text(client, data, lang="en") -> str:
    response = client.post(url("calculator:handout", lang=lang), data)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return " ".join(pdf_text(response.content).split())


def arabic_words(text: str) -> set[str]:
    """The words of an Arabic text as pdftotext gives them: it adds bidi marks, may order a line's
    words visually, splits off punctuation and writes a lam-alef ligature as its two letters in
    visual order; so compare words without marks, punctuation, lam and alef."""
    text = re.sub("[\u200e\u200f\u202a-\u202e]", " ", text)
    words = (re.sub("[\u060c:.,()\u0644\u0627\u0623\u0625\u0622]", "", w) for w in text.split())
    return {w for w in words if w}


@needs_pdftotext
def test_a_bijstand_household_gets_the_time_line_in_the_pdf(client):
    text = handout_text(client, BIJSTAND_SINGLE)
    assert "With 16 hours of work a week, compared with not working:" in text
    for label in ("The first six months", "After six months", "After three years"):
        assert label in text
    assert "12.5% of her earnings is kept" in text
    assert "The second and third year" in text  # a period of its own since issue #20
    assert "a year as it really runs" in text  # how the periods are computed
    assert "The municipality decides whether these earnings disregards apply" in text
    assert "Who cares, who earns" not in text  # no wage of his to share


@needs_pdftotext
def test_a_couple_with_his_wage_gets_the_side_by_side_in_the_pdf(client):
    text = handout_text(client, SHARING)
    assert "Who cares, who earns: two ways to split the work" in text
    assert "He 40 h, she 0 h" in text and "He 32 h, she 24 h" in text
    for row in ("Net household income", "His own net income from work", "Her own net income from work",
                "Childcare needed (hours a week)"):  # fmt: skip
        assert row in text
    assert "16–24" in text  # hours of childcare when they split their days (32 + 24 - 40 to 24)
    assert "compared with not working:" not in text  # not on bijstand: no time line


@needs_pdftotext
@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_both_parts_render_in_dutch_and_arabic(client, lang):
    from django.utils import translation

    with translation.override(lang):
        from django.utils.translation import gettext

        title = gettext("Who cares, who earns: two ways to split the work")
        first = gettext("The first six months")
    assert title != "Who cares, who earns: two ways to split the work" and first != "The first six months"
    sharing = handout_text(client, SHARING, lang)
    bijstand = handout_text(client, BIJSTAND_SINGLE, lang)
    if lang == "ar":
        assert arabic_words(title) <= arabic_words(sharing)
        assert arabic_words(first) <= arabic_words(bijstand)
    else:
        assert title in sharing and first in bijstand


COUPLE_ON_BIJSTAND = {"partner": "bijstand", "children": "3, 7", "rent": "", "hours": "16", "compare_a": "0"}


@needs_pdftotext
def test_the_handout_starts_with_the_household_and_every_assumption(client):
    text = handout_text(client, COUPLE_ON_BIJSTAND)
    household = text.index("Your household")
    assert household < text.index("If she works 16 hours a week")
    for fact in (
        "Household: She and her partner; they receive bijstand together",
        "Ages of the children: 3, 7",
        "Her wage: the minimum wage, €",
        "Rent per month: € 700",
        "Childcare: no paid childcare",
        "She is 27 or older: Yes",
        "Hours of paid work per week: 16",
    ):
        assert fact in text, fact
    assumed = text[text.index("What we assumed") : text.index("If she works 16 hours a week")]
    assert "You gave no rent: we counted € 700 a month" in assumed
    assert "You gave no hourly wage for her: we counted the minimum wage" in assumed
    assert "You did not say whether she is 27 or older" in assumed


@needs_pdftotext
def test_the_handout_names_the_partners_wage_and_an_empty_one_as_assumed(client):
    text = handout_text(client, SHARING)
    assert "Her partner's wage: € 2,700 gross a month" in text
    assert (
        "Childcare: child of 2: Day care (dagopvang); child of 6: After-school care (bso); child of 11:"
        in text
    )
    text = handout_text(client, {**SHARING, "partner_amount": ""})
    assert re.search(r"Her partner's wage: € [\d.]+ gross an hour, 40 hours a week", text)
    assert "You gave no wage for her partner: we counted the minimum wage for 40 hours a week" in text


@needs_pdftotext
def test_links_are_titles_not_raw_urls(client):
    text = handout_text(client, COUPLE_ON_BIJSTAND)
    assert "http" not in text and "wetten.overheid.nl/BWBR" not in text
    assert "What you can do next" in text
    assert "Municipality of Amsterdam: bijstand (benefit), rights and duties (amsterdam.nl)" in text


@needs_pdftotext
def test_arabic_household_section_and_amounts_in_reading_order(client):
    from django.utils import translation

    with translation.override("ar"):
        title = translation.gettext("Your household")
        steps = translation.gettext("What you can do next")
    assert title == "أسرتكم"
    text = handout_text(client, COUPLE_ON_BIJSTAND, "ar")
    words = arabic_words(text)
    assert arabic_words(title) <= words and arabic_words(steps) <= words
    # An isolated amount keeps its sign before the euro; without isolation it read "86 €+".
    assert re.search(r"[+\u2212]€\s?\d", text)
    assert not re.search(r"\d\s?€[+\u2212]", text)


def rendered_handout_html(client, monkeypatch, data, lang) -> str:
    """The handout's HTML as it goes to WeasyPrint (the PDF's text layer drops the isolates)."""
    from django.template.loader import render_to_string

    from samensterk.calculator import pdf

    seen = []

    def fake_render_pdf(template, context, request=None, stylesheets=None):
        seen.append(render_to_string(template, context, request=request))
        return b"%PDF-1.7 fake"

    monkeypatch.setattr(pdf, "render_pdf", fake_render_pdf)
    assert client.post(url("calculator:handout", lang=lang), data).status_code == 200
    return seen[0]


LRI, PDI = "\u2066", "\u2069"


def test_arabic_isolates_dutch_terms_and_amounts(client, monkeypatch):
    html = rendered_handout_html(client, monkeypatch, COUPLE_ON_BIJSTAND, "ar")
    assert f"{LRI}€\u00a0700{PDI}" in html  # the rent in the household section
    assert f"{LRI}Zorgtoeslag{PDI}" in html  # a Dutch term in an Arabic line
    assert re.search(f"{LRI}[+\u2212]?€\u00a0[\\d.]+{PDI}", html[html.index('class="sentence"') :])
    # Markup is left alone: no isolate inside a tag or an entity.
    assert not re.search(f"<[^>]*[{LRI}{PDI}][^>]*>", html)
    english = rendered_handout_html(client, monkeypatch, COUPLE_ON_BIJSTAND, "en")
    assert LRI not in english and PDI not in english


@needs_pdftotext
def test_arabic_amounts_have_one_format(client):
    response = client.get(url("calculator:example_handout", "low-wage-three-children", lang="ar"))
    text = " ".join(pdf_text(response.content).split())
    assert "€ 2,700" not in text and "2,700" not in text
    assert "2.700" in text


def test_the_isolate_filter_wraps_terms_and_amounts_and_leaves_markup_alone():
    from django.utils import translation
    from django.utils.safestring import mark_safe

    from samensterk.calculator.templatetags.calculator_text import bidi_isolate

    html = mark_safe(
        '<a href="https://x.nl/a">بعد خصم arbeidskorting (€\u00a092) و +€\u00a086.</a> &amp; Zorg'
    )
    with translation.override("ar"):
        out = bidi_isolate(html)
    assert out.startswith('<a href="https://x.nl/a">')  # the attribute is untouched
    assert f"{LRI}arbeidskorting{PDI} ({LRI}€\u00a092{PDI})" in out
    assert f"{LRI}+€\u00a086{PDI}." in out  # the full stop stays with the Arabic sentence
    assert "&amp;" in out and f"{LRI}Zorg{PDI}" in out
    with translation.override("nl"):
        assert bidi_isolate(html) == html
