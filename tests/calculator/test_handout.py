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
