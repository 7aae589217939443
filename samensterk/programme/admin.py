"""The admin, for the rare tasks (the daily flow has its own pages). Report text is not here:
reading it must go through the audited report page, so the admin does not register it."""

from django import forms
from django.contrib import admin

from samensterk.access import TEAM_ROLES
from samensterk.accounts.models import User

from . import services, team
from .models import FacilitatorRecruitment, Intervision, Partnership, Session, Training, Trajectory
from .signals import trajectories_changed_send

# Only people with a team role can be offered on a team; team.py then checks the partnership.
TEAM_PEOPLE = User.objects.filter(memberships__role__in=TEAM_ROLES).distinct()


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "is_active", "is_demo"]
    list_filter = ["status", "is_active", "is_demo"]

    def get_readonly_fields(self, request, obj=None):
        # Swapping an organisation would hand the partnership's reports to another one.
        return ["men_organisation", "women_organisation"] if obj is not None else []


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


class TrajectoryAdminForm(forms.ModelForm):
    """The app's team rule (team.py) in /admin/: staff cannot put themselves on a team, and a
    trajectory with reports keeps its partnership."""

    class Meta:
        model = Trajectory
        fields = "__all__"  # noqa: DJ007 - the ModelAdmin decides which fields it shows

    def clean(self):
        data = super().clean()
        before = Trajectory.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        errors = team.trajectory_team_errors(
            partnership=data.get("partnership"),
            trainer=data.get("trainer"),
            coordinator=data.get("coordinator"),
            facilitators=data.get("facilitators") or [],
            trajectory=before,
        )
        for field, message in errors.items():
            self.add_error(field if field in self.fields else None, message)
        return data


class SessionAdminForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = "__all__"  # noqa: DJ007 - the ModelAdmin decides which fields it shows

    def clean(self):
        data = super().clean()
        trajectory = data.get("trajectory") or getattr(self.instance, "trajectory", None)
        if trajectory is not None:
            errors = team.session_team_errors(
                trajectory=trajectory, facilitators=data.get("facilitators") or []
            )
            for field, message in errors.items():
                self.add_error(field, message)
        return data


class _TeamChoices:
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in ("trainer", "coordinator"):
            kwargs["queryset"] = TEAM_PEOPLE
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "facilitators":
            kwargs["queryset"] = TEAM_PEOPLE
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Trajectory)
class TrajectoryAdmin(_TeamChoices, _KeepsTheSummary, admin.ModelAdmin):
    form = TrajectoryAdminForm
    list_display = ["name", "method", "district", "status", "starts_on", "is_demo"]
    list_filter = ["status", "district", "method", "is_demo"]
    search_fields = ["name"]
    filter_horizontal = ["facilitators"]
    inlines = [SessionInline]

    def save_model(self, request, obj, form, change):
        old = Trajectory.objects.filter(pk=obj.pk).values_list("partnership_id", flat=True).first()
        super().save_model(request, obj, form, change)
        if change and old is not None and old != obj.partnership_id:
            services.trajectory_moved(actor=request.user, trajectory=obj, old_partnership_id=old)


@admin.register(Session)
class SessionAdmin(_TeamChoices, _KeepsTheSummary, admin.ModelAdmin):
    form = SessionAdminForm
    list_display = ["__str__", "starts_at", "status", "men_count", "women_count"]
    list_filter = ["status", "kind", "place"]
    filter_horizontal = ["facilitators"]

    def get_readonly_fields(self, request, obj=None):
        # A meeting (and its report) stays with its trajectory, as the trajectory with its partnership.
        return ["trajectory"] if obj is not None else []


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
