"""The translation review of issue #24: the meaning errors stay fixed, and the review record is complete.

Each fix is pinned with words that exist only in that language, so the test fails if the old
wording (or a Dutch leftover) comes back. The record (content/i18n/REVIEW.yaml) is a machine
review: it must cover every translated item and must never mark a translation reviewed.
"""

import shutil
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from samensterk.toolkit.models import Meeting, Method, Translation, WorkForm
from tests.toolkit.helpers import url

pytestmark = pytest.mark.django_db

I18N = Path(settings.CONTENT_DIR) / "i18n"
LANGUAGES = ("en", "ar", "tr")


def fields(obj, language: str) -> dict:
    return obj.translations.get(language=language).fields


def page(client, name: str, *args, lang: str) -> str:
    response = client.get(url(name, *args, lang=lang))
    assert response.status_code == 200
    return response.content.decode()


def test_method_1_names_mutilation_not_circumcision(client, toolkit_content):
    ar = page(client, "method", "huiskamergesprekken", lang="ar")
    assert "تشويه الأعضاء التناسلية الأنثوية" in ar
    assert "ختان" not in ar
    tr = page(client, "method", "huiskamergesprekken", lang="tr")
    assert "kadın genital mutilasyonu" in tr
    assert "sünnet" not in tr


def test_arabic_partner_is_not_the_wife_in_method_2(toolkit_content):
    method = Method.objects.get(slug="workshopreeks-gelijke-kansen")
    assert "الزوجة" not in fields(method, "ar")["characteristics"]
    assert "شريك الحياة" in fields(method, "ar")["characteristics"]
    conversation = WorkForm.objects.get(slug="groepsgesprek-rolverdeling")
    for field in ("summary", "instructions"):
        assert "الزوج" not in fields(conversation, "ar")[field], field
    assert "شريك الحياة" in fields(conversation, "ar")["instructions"]


def test_arabic_huis_questions_address_the_whole_room(toolkit_content):
    """Plural address (أنتم), not one man (أنتَ): the sheets are used with women in the room."""
    questions = {
        q.slug: fields(q, "ar")["text"]
        for q in WorkForm.objects.get(slug="huis-van-vroeger-huis-van-nu").questions.all()
    }
    assert len(questions) == 8
    assert "وُلدتم" in questions["q1"] and "وُلدتَ" not in questions["q1"]
    assert "نشأتم" in questions["q2"]
    assert "تأخذون" in questions["q6"] and "أسرتك" not in questions["q6"]
    assert "أنتم" in questions["q7"] and "راضٍ" not in questions["q7"]
    assert "تتحدّثون" in questions["q8"]


def test_turkish_method_2_says_child_rearing_debates(client, toolkit_content):
    tr = page(client, "meeting", "workshopreeks-gelijke-kansen", 1, lang="tr")  # shows every_meeting
    assert "çocuk yetiştirme tartışmaları" in tr
    assert "eğitim tartışmaları" not in tr


def test_no_dutch_workform_name_in_translated_plan_builders(client, toolkit_content):
    with_huis = [
        m for m in Meeting.objects.select_related("method") if any(b.get("kind") == "huis" for b in m.blocks)
    ]
    assert with_huis
    name = {
        "en": "The house of then, the house of now",
        "ar": "بيت الأمس، بيت اليوم",
        "tr": "Dünün evi, bugünün evi",
    }
    for meeting in with_huis:
        for lang in LANGUAGES:
            html = page(client, "meeting_plan", meeting.method.slug, meeting.number, lang=lang)
            # The toolkit's section heading ("Methodiek 3, Uitgelicht: werkvorm 'Huis van vroeger,
            # Huis van nu'") is quoted in Dutch on purpose; the block names and labels are not.
            assert html.count("Huis van vroeger") == html.count("werkvorm &#x27;Huis van vroeger"), (
                meeting,
                lang,
            )
            assert name[lang] in html, (meeting, lang)


def test_english_every_meeting_text_names_the_work_form_in_english(client, toolkit_content):
    for slug in ("dialoogsessies-mannen", "dialoogsessies-mannen-en-vrouwen"):
        assert "Huis van vroeger" not in fields(Method.objects.get(slug=slug), "en")["every_meeting"]
        html = page(client, "meeting", slug, 1, lang="en")  # the meeting page shows every_meeting
        assert "The house of then, the house of now" in html
        assert "Huis van vroeger" not in html.replace("werkvorm &#x27;Huis van vroeger", "")


# --- the review record -----------------------------------------------------------------------


def translated_item_ids(language: str) -> set[str]:
    """Every item in content/i18n/<language>/, as "<file>" or "<file>#<slug|step-…|question-…|meeting-N>"."""
    ids = set()
    for path in sorted((I18N / language).rglob("*.yaml")):
        rel = path.relative_to(I18N / language).as_posix()
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "items" in data:
            data = data["items"]
        if isinstance(data, list):
            for item in data:
                ids.add(f"{rel}#{item['slug']}")
                ids.update(f"{rel}#{r['slug']}" for r in item.get("recommendations") or [])
            continue
        ids.add(rel)
        ids.update(f"{rel}#step-{s['slug']}" for s in data.get("steps") or [])
        ids.update(f"{rel}#question-{q['slug']}" for q in data.get("questions") or [])
        ids.update(f"{rel}#meeting-{m['number']}" for m in data.get("meetings") or [])
    return ids


def review_record() -> dict:
    return yaml.safe_load((I18N / "REVIEW.yaml").read_text(encoding="utf-8"))


def test_the_review_record_covers_every_translated_item():
    record = review_record()
    for language in LANGUAGES:
        entries = record["content"][language]
        recorded = {e["id"] for e in entries}
        assert translated_item_ids(language) <= recorded, language
        for entry in entries:
            assert entry["method"] and entry["result"] in ("ok", "fixed"), entry
            assert entry["result"] == "ok" or entry.get("fix"), entry


def test_the_review_record_covers_every_ui_catalogue():
    record = review_record()
    for language in LANGUAGES:
        assert record["ui"][language], language
        for entry in record["ui"][language]:
            assert entry["source"] and entry["method"] and entry["result"], entry


def test_the_machine_review_never_marks_a_translation_reviewed(db, tmp_path):
    """Only a person in the admin marks an item reviewed; the loader reads reviewed from the
    translation files (all false) and never from the review record, even one that says true."""
    from samensterk.toolkit.loader import toolkit_load

    assert all("reviewed" not in entry for lang in LANGUAGES for entry in review_record()["content"][lang])
    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    record = content / "i18n" / "REVIEW.yaml"
    record.write_text("reviewed: true\n" + record.read_text(encoding="utf-8"), encoding="utf-8")
    toolkit_load(content_dir=content)
    assert Translation.objects.exists()
    assert not Translation.objects.filter(reviewed=True).exists()


def test_arabic_ui_says_partner_not_husband():
    """The calculator's partner is any partner (married or not), as the msgid says."""
    from django.utils import translation

    with translation.override("ar"):
        for msgid in ("Her partner's situation", "Partner's wage per month", "Partner's net wage"):
            text = translation.gettext(msgid)
            assert "شريك" in text and "زوج" not in text, msgid
