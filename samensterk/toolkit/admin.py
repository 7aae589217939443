"""The toolkit is editable in the admin: every item with its translations inline."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericStackedInline

from .models import (
    FinancialTool,
    Insight,
    LearningPoint,
    Method,
    MethodStep,
    Principle,
    Question,
    Recommendation,
    RecruitmentCriterion,
    Statement,
    Theme,
    Translation,
    WorkForm,
)


class TranslationInline(GenericStackedInline):
    model = Translation
    extra = 0
    fields = ["language", "fields", "reviewed"]


class ContentAdmin(admin.ModelAdmin):
    inlines = [TranslationInline]
    search_fields = ["slug"]
    list_display = ["__str__", "slug", "order"]
    readonly_fields = ["slug"]


class MethodStepInline(admin.StackedInline):
    model = MethodStep
    extra = 0
    fields = ["order", "slug", "title", "theme", "description", "duration_minutes", "workforms"]
    filter_horizontal = ["workforms"]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["order", "slug", "text"]


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    extra = 0
    fields = ["order", "slug", "audience", "text"]


@admin.register(Method)
class MethodAdmin(ContentAdmin):
    inlines = [MethodStepInline, TranslationInline]
    search_fields = ["slug", "name"]
    filter_horizontal = ["workforms"]


@admin.register(WorkForm)
class WorkFormAdmin(ContentAdmin):
    inlines = [QuestionInline, TranslationInline]
    search_fields = ["slug", "name"]


@admin.register(Statement)
class StatementAdmin(ContentAdmin):
    list_display = ["text", "audience", "slug"]
    list_filter = ["audience", "methods", "themes"]
    search_fields = ["slug", "text"]
    filter_horizontal = ["methods", "themes"]


@admin.register(LearningPoint)
class LearningPointAdmin(ContentAdmin):
    inlines = [RecommendationInline, TranslationInline]


for model in (
    Theme,
    Principle,
    RecruitmentCriterion,
    Insight,
    FinancialTool,
    MethodStep,
    Question,
    Recommendation,
):
    admin.site.register(model, ContentAdmin)


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "language", "reviewed"]
    list_filter = ["language", "reviewed", "content_type"]
