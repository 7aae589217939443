"""One work form: purpose, instructions, materials, questions and the methods that use it."""

import pytest
from django.utils.html import escape

from samensterk.toolkit.models import Question, WorkForm
from tests.toolkit.helpers import DRAFT, fallback_marker, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def workform(toolkit_content):
    return WorkForm.objects.filter(questions__isnull=False).distinct().first()


def test_it_shows_the_instructions_and_questions(client, workform):
    response = client.get(url("workform", workform.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(workform.name) in html
    for q in workform.questions.all():
        assert escape(q.text) in html
    for method in workform.methods.all():
        assert url("method", method.slug) in html


def test_it_works_in_arabic(client, workform, translate):
    question = workform.questions.first()
    translate(question, text="ما رأيك في هذا؟")
    html = client.get(url("workform", workform.slug, lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="rtl">ما رأيك في هذا؟' in html


def test_it_rejects_post(client, workform):
    assert client.post(url("workform", workform.slug)).status_code == 405


def test_an_unknown_work_form_is_404(client, toolkit_content):
    assert client.get(url("workform", "no-such-work-form")).status_code == 404


def test_it_labels_an_unreviewed_translation(client, workform, translate):
    translate(workform.questions.first(), text="ما رأيك في هذا؟", reviewed=False)
    assert DRAFT in client.get(url("workform", workform.slug, lang="ar")).content.decode()


def test_it_shows_no_label_for_reviewed_translations(client, workform, all_reviewed):
    all_reviewed()
    assert DRAFT not in client.get(url("workform", workform.slug, lang="ar")).content.decode()


def test_it_falls_back_to_dutch_marked_as_dutch(client, workform, untranslate):
    question: Question = workform.questions.first()
    untranslate(question)
    assert (
        fallback_marker(question.text)
        in client.get(url("workform", workform.slug, lang="ar")).content.decode()
    )
