"""A step (meeting) page: description, work forms with questions, previous/next, the PDF link."""

import pytest
from django.utils.html import escape

from samensterk.toolkit.models import Method
from tests.toolkit.helpers import DRAFT, fallback_marker, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def method(toolkit_content):
    return Method.objects.get(slug="huiskamergesprekken")


def test_it_shows_the_step_with_its_work_forms_and_neighbours(client, method):
    steps = list(method.steps.order_by("order"))
    middle = steps[1]
    response = client.get(url("step", method.slug, middle.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(middle.title) in html
    assert f'rel="prev" href="{url("step", method.slug, steps[0].slug)}"' in html
    assert f'rel="next" href="{url("step", method.slug, steps[2].slug)}"' in html
    # Meeting plans replaced the step's own plan PDF (issue 24): the step leads to the meetings.
    assert url("step_plan_pdf", method.slug, middle.slug) not in html
    assert url("meetings", method.slug) in html


def test_it_shows_the_work_forms_with_instructions_and_questions(client, toolkit_content):
    for method in Method.objects.all():
        for step in method.steps.all():
            workforms = list(step.workforms.all())
            questions = [q for wf in workforms for q in wf.questions.all()]
            if questions:
                html = client.get(url("step", method.slug, step.slug)).content.decode()
                for wf in workforms:
                    assert escape(wf.name) in html
                for q in questions:
                    assert escape(q.text) in html
                return
    pytest.fail("no step with a work form with questions in the content")


def test_the_first_step_has_no_previous_and_the_last_no_next(client, method):
    steps = list(method.steps.order_by("order"))
    first = client.get(url("step", method.slug, steps[0].slug)).content.decode()
    last = client.get(url("step", method.slug, steps[-1].slug)).content.decode()
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_it_works_in_arabic(client, method, translate):
    step = method.steps.order_by("order").first()
    translate(step, title="التعارف", description="وصف الخطوة")
    html = client.get(url("step", method.slug, step.slug, lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="rtl">التعارف' in html


def test_it_rejects_post(client, method):
    step = method.steps.first()
    assert client.post(url("step", method.slug, step.slug)).status_code == 405


def test_an_unknown_step_or_a_step_of_another_method_is_404(client, method):
    mine = set(method.steps.values_list("slug", flat=True))
    other = next(s for s in Method.objects.exclude(pk=method.pk)[0].steps.all() if s.slug not in mine)
    assert client.get(url("step", method.slug, "no-such-step")).status_code == 404
    assert client.get(url("step", method.slug, other.slug)).status_code == 404


def test_it_labels_an_unreviewed_translation(client, method, translate):
    step = method.steps.first()
    translate(step, title="التعارف", reviewed=False)
    assert DRAFT in client.get(url("step", method.slug, step.slug, lang="ar")).content.decode()


def test_it_shows_no_label_for_reviewed_translations(client, method, all_reviewed):
    all_reviewed()
    step = method.steps.first()
    assert DRAFT not in client.get(url("step", method.slug, step.slug, lang="ar")).content.decode()


def test_it_falls_back_to_dutch_marked_as_dutch(client, method, untranslate):
    step = method.steps.first()
    untranslate(step)
    html = client.get(url("step", method.slug, step.slug, lang="ar")).content.decode()
    assert fallback_marker(step.title) in html
