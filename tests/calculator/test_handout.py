"""The PDF handout: made on request in the chosen language, with the sentence and the lines."""

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
