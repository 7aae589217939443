"""The toolkit as data: methods, work forms, statements, questions, principles, recommendations.

Dutch text lives on the rows themselves; every other language is one Translation row per
(item, language) holding the translated fields, with a ``reviewed`` flag. Missing fields fall
back to Dutch (see selectors.localize). Rows are created by ``manage.py load_toolkit`` from
``content/`` and can be edited in the admin afterwards: ``source_hash`` lets the loader tell an
unchanged file (keep the admin's edit) from a changed one (take the file).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Translation(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=8)
    fields = models.JSONField(_("translated fields"), default=dict)
    reviewed = models.BooleanField(
        _("reviewed by a native speaker"), default=False, help_text=_("Unreviewed translations show a label.")
    )
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_translation_per_language"
            )
        ]
        indexes = [models.Index(fields=["content_type", "language"])]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} [{self.language}]"


class ContentItem(models.Model):
    """Common to every toolkit item: a stable slug from the content files, an order, translations."""

    translatable_fields: tuple[str, ...] = ()

    slug = models.SlugField(_("slug"), max_length=80)
    order = models.PositiveIntegerField(_("order"), default=0)
    # Provenance, shown on every page and PDF: the toolkit section the text comes from (its Dutch
    # heading, as printed), the printed page where the OCR kept it, and the fields the app wrote
    # itself (those are labelled "added by this app", never "from the toolkit").
    source = models.CharField(_("toolkit section"), max_length=300, blank=True)
    page = models.PositiveSmallIntegerField(_("toolkit page"), null=True, blank=True)
    app_fields = models.JSONField(_("fields written by this app"), default=list, blank=True)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    translations = GenericRelation(Translation)

    class Meta:
        abstract = True
        ordering = ["order", "slug"]


class Theme(ContentItem):
    translatable_fields = ("name",)
    name = models.CharField(_("name"), max_length=120)

    class Meta(ContentItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="theme_slug_unique")]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class WorkForm(ContentItem):
    translatable_fields = ("name", "summary", "purpose", "instructions", "materials")
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    instructions = models.TextField(_("instructions"), blank=True)
    materials = models.TextField(_("materials"), blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"), null=True, blank=True)

    class Meta(ContentItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="workform_slug_unique")]
        verbose_name = _("work form")
        verbose_name_plural = _("work forms")

    def __str__(self) -> str:
        return self.name


class Question(ContentItem):
    translatable_fields = ("text",)
    workform = models.ForeignKey(WorkForm, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"))

    class Meta(ContentItem.Meta):
        constraints = [models.UniqueConstraint(fields=["workform", "slug"], name="question_slug_unique")]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]


class Method(ContentItem):
    class Composition(models.TextChoices):
        MEN = "men", _("Men")
        MIXED = "mixed", _("Mixed group")

    translatable_fields = (
        "name",
        "summary",
        "goal",
        "target_group",
        "roles",
        "characteristics",
        "every_meeting",
        "partners_line",
    )
    name = models.CharField(_("name"), max_length=200)
    developed_by = models.CharField(_("developed by"), max_length=300, blank=True)
    partners = models.JSONField(_("partner organisations"), default=list, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    composition = models.CharField(_("group composition"), max_length=8, choices=Composition.choices)
    meetings_count = models.PositiveIntegerField(_("number of meetings"), null=True, blank=True)
    meeting_minutes = models.PositiveIntegerField(_("length of a meeting (minutes)"), null=True, blank=True)
    roles = models.TextField(_("roles"), blank=True)
    characteristics = models.TextField(_("characteristics and working elements"), blank=True)
    # What the toolkit says for every meeting of the series (check-in, agreements, food...).
    every_meeting = models.TextField(_("what the toolkit says for every meeting"), blank=True)
    # "developed by X in cooperation with Y" as a sentence, so it can be translated.
    partners_line = models.CharField(_("developed by (sentence)"), max_length=300, blank=True)
    workforms = models.ManyToManyField(WorkForm, blank=True, related_name="methods")

    class Meta(ContentItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="method_slug_unique")]
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def __str__(self) -> str:
        return self.name


class MethodStep(ContentItem):
    translatable_fields = ("title", "theme", "description")
    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"), null=True, blank=True)
    workforms = models.ManyToManyField(WorkForm, blank=True, related_name="steps")

    class Meta(ContentItem.Meta):
        constraints = [models.UniqueConstraint(fields=["method", "slug"], name="step_slug_unique")]
        verbose_name = _("step or meeting")
        verbose_name_plural = _("steps and meetings")

    def __str__(self) -> str:
        return f"{self.method}: {self.title}"


class Meeting(ContentItem):
    """One meeting of a method's series, the unit a facilitator prepares.

    ``toolkit_text`` is what the toolkit says about this particular meeting (empty: it says
    nothing, and the page says so). ``blocks`` is this app's suggested programme, never the
    toolkit's: a list of ``{"kind": <block kind>, "minutes": int}`` (see toolkit/plan.py).
    """

    translatable_fields = ("title", "toolkit_text")
    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="meetings")
    number = models.PositiveSmallIntegerField(_("number in the series"))
    title = models.CharField(_("title"), max_length=200, blank=True)
    toolkit_text = models.TextField(_("what the toolkit says about this meeting"), blank=True)
    extra = models.BooleanField(
        _("outside the core series"),
        default=False,
        help_text=_("For example the three finance meetings after method 4's six dialogue meetings."),
    )
    blocks = models.JSONField(_("suggested blocks (this app's suggestion)"), default=list, blank=True)

    class Meta(ContentItem.Meta):
        ordering = ["method", "number"]
        constraints = [
            models.UniqueConstraint(fields=["method", "number"], name="meeting_number_unique"),
            models.UniqueConstraint(fields=["method", "slug"], name="meeting_slug_unique"),
        ]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.method}: {self.number}"


class Statement(ContentItem):
    class Audience(models.TextChoices):
        MEN = "men", _("Men")
        WOMEN = "women", _("Women")
        MIXED = "mixed", _("Mixed group")
        # Groups of men and mixed groups: how the toolkit uses method 1's statements.
        ALL = "all", _("Groups of men and mixed groups")

    translatable_fields = ("text",)
    text = models.TextField(_("statement"))
    audience = models.CharField(_("audience"), max_length=8, choices=Audience.choices, default=Audience.ALL)
    methods = models.ManyToManyField(Method, blank=True, related_name="statements")
    themes = models.ManyToManyField(Theme, blank=True, related_name="statements")

    class Meta(ContentItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="statement_slug_unique")]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return self.text[:80]


class TitledItem(ContentItem):
    translatable_fields = ("title", "body")
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)

    class Meta(ContentItem.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.title


class Principle(TitledItem):
    class Meta(TitledItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="principle_slug_unique")]
        verbose_name = _("principle for a safe dialogue")
        verbose_name_plural = _("principles for a safe dialogue")


class LearningPoint(TitledItem):
    class Meta(TitledItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="learningpoint_slug_unique")]
        verbose_name = _("learning point")
        verbose_name_plural = _("learning points")


class Recommendation(ContentItem):
    class Audience(models.TextChoices):
        ORGANISATIONS = "organisations", _("For organisations")
        POLICY = "policy", _("For policy makers")

    translatable_fields = ("text",)
    learning_point = models.ForeignKey(
        LearningPoint, on_delete=models.CASCADE, related_name="recommendations"
    )
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices)
    text = models.TextField(_("recommendation"))

    class Meta(ContentItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="recommendation_slug_unique")]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:80]


class RecruitmentCriterion(TitledItem):
    class Meta(TitledItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="criterion_slug_unique")]
        verbose_name = _("recruitment criterion")
        verbose_name_plural = _("recruitment criteria")


class Insight(TitledItem):
    class Meta(TitledItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="insight_slug_unique")]
        verbose_name = _("insight")
        verbose_name_plural = _("insights")


class FinancialTool(TitledItem):
    url = models.URLField(_("link"), blank=True)

    class Meta(TitledItem.Meta):
        constraints = [models.UniqueConstraint(fields=["slug"], name="financialtool_slug_unique")]
        verbose_name = _("financial-information tool")
        verbose_name_plural = _("financial-information tools")


class MeetingPlan(models.Model):
    """A plan a facilitator kept for one session of their trajectory.

    Holds no participant data: the group field is a label such as "Noord, spring group", and the
    form says so. Plans that are only printed are never stored.
    """

    session = models.OneToOneField(
        "programme.Session",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_plan",
        verbose_name=_("session"),
    )
    method = models.ForeignKey(Method, on_delete=models.PROTECT, related_name="+", verbose_name=_("method"))
    # The meeting's number, not a foreign key: reloading the content may recreate meeting rows.
    meeting_number = models.PositiveSmallIntegerField(_("meeting"))
    date = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=120, blank=True)
    group = models.CharField(_("group"), max_length=120, blank=True)
    # [{"title": str, "minutes": int}], in order; the titles are what the facilitator typed.
    blocks = models.JSONField(_("blocks"), default=list, blank=True)
    statements = models.ManyToManyField(Statement, blank=True, related_name="+", verbose_name=_("statements"))
    questions = models.ManyToManyField(Question, blank=True, related_name="+", verbose_name=_("questions"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting plan")
        verbose_name_plural = _("meeting plans")

    def __str__(self) -> str:
        return f"{self.method} #{self.meeting_number}"
