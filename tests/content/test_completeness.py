"""Everything the toolkit contains is in the app (issue: all four methods, all statements, all nine
principles, in nl, en, ar and one more)."""

import re

import pytest
from django.conf import settings

from samensterk.toolkit.loader import toolkit_load
from samensterk.toolkit.models import (
    LearningPoint,
    Method,
    Principle,
    Question,
    Recommendation,
    RecruitmentCriterion,
    Statement,
    Translation,
    WorkForm,
)

TOOLKIT = settings.BASE_DIR.parent / "shared" / "toolkit" / "toolkit-samen-sterk-met-werk.txt"
LANGUAGES = ["en", "ar", "tr"]


@pytest.fixture
def loaded(db):
    toolkit_load(content_dir=settings.CONTENT_DIR)


def test_the_toolkit_counts(loaded):
    assert Method.objects.count() == 4
    assert Principle.objects.count() == 9
    assert LearningPoint.objects.count() == 6
    assert Recommendation.objects.count() >= 6
    assert RecruitmentCriterion.objects.exists()
    assert Statement.objects.count() >= 12
    huis = WorkForm.objects.get(name__icontains="Huis van vroeger")
    assert huis.questions.count() >= 8
    for method in Method.objects.all():
        assert method.steps.exists(), method
        assert method.composition in {"men", "mixed"}


def test_both_group_compositions_are_present(loaded):
    assert set(Method.objects.values_list("composition", flat=True)) == {"men", "mixed"}


@pytest.mark.skipif(not TOOLKIT.exists(), reason="the shared toolkit text is not beside this checkout")
def test_every_example_statement_of_the_toolkit_is_in_the_bank(loaded):
    """The toolkit's statements under 'Voorbeelden van stellingen zijn:' are all in the bank."""
    text = TOOLKIT.read_text(encoding="utf-8")
    bank = " ".join(Statement.objects.values_list("text", flat=True)).lower()
    found = 0
    for block in re.findall(r"Voorbeelden van stellingen zijn:(.*?)(?:\n- |\n\n\n)", text, flags=re.S):
        for line in block.splitlines():
            line = line.strip().lstrip("«+•* ").strip()
            if len(line) > 12:
                # compare on the first words: OCR fixes may change a letter at the end
                assert " ".join(line.lower().split()[:4]) in bank, line
                found += 1
    assert found >= 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_is_translated(loaded, language):
    for model in (Method, WorkForm, Question, Statement, Principle, LearningPoint, Recommendation):
        ids = set(model.objects.values_list("pk", flat=True))
        translated = set(
            Translation.objects.filter(
                language=language,
                content_type__model=model._meta.model_name,
                content_type__app_label="toolkit",
            ).values_list("object_id", flat=True)
        )
        assert ids <= translated, (
            f"{model.__name__}: {len(ids - translated)} without a {language} translation"
        )
