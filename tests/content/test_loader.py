"""load_toolkit: the content files become rows, idempotently, and admin edits survive a reload."""

import shutil
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command

from samensterk.core.models import AuditEvent
from samensterk.toolkit.loader import ContentError, toolkit_load
from samensterk.toolkit.models import Method, Principle, Statement, Translation


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of content/ that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, target)
    return target


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_toolkit")  # each test loads content/ into empty tables itself
class TestLoadToolkit:
    def test_running_it_twice_changes_nothing(self):
        first = toolkit_load(content_dir=settings.CONTENT_DIR)
        assert first["created"] > 0
        rows = (Method.objects.count(), Statement.objects.count(), Translation.objects.count())
        events = AuditEvent.objects.count()
        second = toolkit_load(content_dir=settings.CONTENT_DIR)
        assert second["created"] == second["updated"] == second["removed"] == 0
        assert second["unchanged"] == sum(first.values())
        assert (Method.objects.count(), Statement.objects.count(), Translation.objects.count()) == rows
        assert AuditEvent.objects.count() == events  # nothing changed, nothing audited

    def test_the_management_command_reports_counts(self, capsys):
        call_command("load_toolkit")
        assert "created" in capsys.readouterr().out

    def test_an_admin_edit_survives_a_reload_of_unchanged_files(self):
        toolkit_load(content_dir=settings.CONTENT_DIR)
        principle = Principle.objects.order_by("order").first()
        principle.title = "Edited in the admin"
        principle.save()
        toolkit_load(content_dir=settings.CONTENT_DIR)
        principle.refresh_from_db()
        assert principle.title == "Edited in the admin"

    def test_a_changed_file_wins(self, content_copy):
        toolkit_load(content_dir=content_copy)
        path = content_copy / "principles.yaml"
        items = yaml.safe_load(path.read_text())
        items[0]["title"] = "Nieuwe titel uit het bestand"
        path.write_text(yaml.safe_dump(items, allow_unicode=True))
        counts = toolkit_load(content_dir=content_copy)
        assert counts["updated"] == 1
        assert Principle.objects.get(slug=items[0]["slug"]).title == "Nieuwe titel uit het bestand"
        assert AuditEvent.objects.filter(action="toolkit.load").count() == 2

    def test_an_item_removed_from_the_files_is_removed(self, content_copy):
        toolkit_load(content_dir=content_copy)
        path = content_copy / "statements.yaml"
        items = yaml.safe_load(path.read_text())
        gone = items.pop()
        path.write_text(yaml.safe_dump(items, allow_unicode=True))
        toolkit_load(content_dir=content_copy)
        assert not Statement.objects.filter(slug=gone["slug"]).exists()

    def test_an_unknown_slug_is_an_error_and_changes_nothing(self, content_copy):
        path = content_copy / "statements.yaml"
        items = yaml.safe_load(path.read_text())
        items[0]["themes"] = ["no-such-theme"]
        path.write_text(yaml.safe_dump(items, allow_unicode=True))
        with pytest.raises(ContentError, match="no-such-theme"):
            toolkit_load(content_dir=content_copy)
        assert Statement.objects.count() == 0
        with pytest.raises(CommandError, match="nothing changed"):
            call_command("load_toolkit", content_dir=str(content_copy))

    def test_translations_are_unreviewed_rows_per_item_and_language(self):
        toolkit_load(content_dir=settings.CONTENT_DIR)
        method = Method.objects.order_by("order").first()
        languages = set(method.translations.values_list("language", flat=True))
        assert {"en"} <= languages
        assert not method.translations.filter(reviewed=True).exists()


def test_meetings_load_with_their_translations(db):
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType

    from samensterk.toolkit.loader import toolkit_load
    from samensterk.toolkit.models import Meeting, Method, Translation

    toolkit_load(content_dir=settings.CONTENT_DIR)
    described = Meeting.objects.exclude(toolkit_text="")
    ct = ContentType.objects.get_for_model(Meeting)
    for language in ("en", "ar", "tr"):
        translated = set(
            Translation.objects.filter(content_type=ct, language=language).values_list("object_id", flat=True)
        )
        assert set(described.values_list("pk", flat=True)) <= translated, language
    for method in Method.objects.all():
        assert method.every_meeting and method.partners_line and method.source
        assert [m.number for m in method.meetings.all()] == list(range(1, method.meetings.count() + 1))
        for meeting in method.meetings.all():
            assert meeting.blocks, meeting  # every meeting has the app's suggested programme


def test_a_meeting_with_an_unknown_block_kind_is_refused(db, tmp_path):
    import shutil

    from django.conf import settings

    from samensterk.toolkit.loader import ContentError, toolkit_load

    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    path = content / "methods" / "dialoogsessies-mannen.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("kind: huis,", "kind: nonsense,"), encoding="utf-8"
    )
    with pytest.raises(ContentError, match="bad block"):
        toolkit_load(content_dir=content)
