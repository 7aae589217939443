"""The session plan of one meeting as an A4 PDF."""

import unicodedata

import pytest

from samensterk.toolkit.models import Method, Principle
from tests.toolkit.helpers import pdf_page_size, pdf_pages, pdf_text, url

pytestmark = pytest.mark.django_db


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cf").split())


@pytest.fixture
def step_with_questions(toolkit_content):
    for method in Method.objects.order_by("order"):
        for step in method.steps.order_by("order"):
            if any(wf.questions.exists() for wf in step.workforms.all()):
                return step
    pytest.fail("no step with a work form with questions in the content")


def test_it_prints_the_meeting_with_work_forms_questions_and_principles(
    client, step_with_questions, tmp_path
):
    step = step_with_questions
    response = client.get(url("step_plan_pdf", step.method.slug, step.slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{step.method.slug}-{step.slug}-nl.pdf"'
    width, height = pdf_page_size(response.content, tmp_path)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait
    assert pdf_pages(response.content, tmp_path) >= 1
    text = _plain(pdf_text(response.content, tmp_path))
    assert _plain(step.method.name).casefold() in text.casefold()  # printed in capitals
    assert _plain(step.title) in text
    for wf in step.workforms.all():
        assert _plain(wf.name) in text
        for q in wf.questions.all():
            assert _plain(q.text) in text
    for principle in Principle.objects.all():
        assert _plain(principle.title) in text


def test_it_prints_in_arabic(client, step_with_questions, translate, tmp_path):
    step = step_with_questions
    translate(step, title="لقاء الاختبار")
    response = client.get(url("step_plan_pdf", step.method.slug, step.slug, lang="ar"))
    assert response.status_code == 200
    text = _plain(pdf_text(response.content, tmp_path))
    assert "لقاء" in text and "الاختبار" in text


def test_an_unknown_step_is_404(client, toolkit_content):
    method = Method.objects.first()
    assert client.get(url("step_plan_pdf", method.slug, "no-such-step")).status_code == 404
    assert client.get(url("step_plan_pdf", "no-such-method", "x")).status_code == 404


def test_it_rejects_post(client, step_with_questions):
    step = step_with_questions
    assert client.post(url("step_plan_pdf", step.method.slug, step.slug)).status_code == 405
