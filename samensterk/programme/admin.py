"""The admin, for the rare tasks (the daily flow has its own pages). Report text is not here:
reading it must go through the audited report page, so the admin does not register it."""

from django.contrib import admin

from .models import FacilitatorRecruitment, Intervision, Partnership, Session, Training, Trajectory
from .signals import trajectories_changed_send


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["__str__", "is_active", "is_demo"]
    list_filter = ["is_active", "is_demo"]


class _KeepsTheSummary:
    """The dashboard counts from a summary the programme services keep in step; an edit here must
    keep it too, or the dashboard shows old counts until `manage.py monitoring_summary --rebuild`."""

    def _trajectory_ids(self, objects) -> list[int]:
        return [getattr(obj, "trajectory_id", None) or obj.pk for obj in objects]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # after the inline sessions too
        trajectories_changed_send(self._trajectory_ids([form.instance]))

    def delete_model(self, request, obj):
        ids = self._trajectory_ids([obj])
        super().delete_model(request, obj)
        trajectories_changed_send(ids)

    def delete_queryset(self, request, queryset):
        ids = self._trajectory_ids(queryset)
        super().delete_queryset(request, queryset)
        trajectories_changed_send(ids)


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = [
        "number",
        "kind",
        "starts_at",
        "place",
        "status",
        "men_count",
        "women_count",
        "first_time_count",
    ]


@admin.register(Trajectory)
class TrajectoryAdmin(_KeepsTheSummary, admin.ModelAdmin):
    list_display = ["name", "method", "district", "status", "starts_on", "is_demo"]
    list_filter = ["status", "district", "method", "is_demo"]
    search_fields = ["name"]
    filter_horizontal = ["facilitators"]
    inlines = [SessionInline]


@admin.register(Session)
class SessionAdmin(_KeepsTheSummary, admin.ModelAdmin):
    list_display = ["__str__", "starts_at", "status", "men_count", "women_count"]
    list_filter = ["status", "kind", "place"]
    filter_horizontal = ["facilitators"]


@admin.register(FacilitatorRecruitment)
class FacilitatorRecruitmentAdmin(admin.ModelAdmin):
    list_display = ["facilitator", "organisation", "status", "recorded_on"]
    list_filter = ["status", "organisation"]


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ["organisation", "part", "held_on", "trainer"]
    filter_horizontal = ["attendees"]


@admin.register(Intervision)
class IntervisionAdmin(admin.ModelAdmin):
    list_display = ["organisation", "held_on"]
    filter_horizontal = ["participants"]
