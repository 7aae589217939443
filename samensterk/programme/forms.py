"""Forms of the programme. They validate input; they never decide who may see what (access.py
does) and never save (services.py does)."""

from __future__ import annotations

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from samensterk.accounts.models import Membership, Organisation, User
from samensterk.toolkit.models import Method, RecruitmentCriterion, Statement, Theme
from samensterk.toolkit.selectors import localize, statements_for_method

from . import team
from .models import (
    FacilitatorRecruitment,
    Partnership,
    Session,
    SessionReport,
    SignalAction,
    Training,
    Trajectory,
)

NO_NAMES = _("No names, addresses or phone numbers of participants.")

# Working languages of the groups: the app's own languages and the families' languages the
# toolkit names. Codes are ISO 639 (prs = Dari, zgh = Tamazight).
GROUP_LANGUAGES = [
    ("nl", _("Dutch")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("so", _("Somali")),
    ("prs", _("Dari")),
    ("zgh", _("Tamazight")),
    ("en", _("English")),
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _people(organisations, roles):
    return User.objects.filter(
        memberships__organisation__in=organisations, memberships__role__in=roles, is_active=True
    ).distinct()


class UserChoiceMixin:
    """Users are shown by username: the app stores no more of them than login needs."""

    def label_from_instance(self, obj):
        return obj.get_username()


class UserChoice(UserChoiceMixin, forms.ModelChoiceField):
    pass


class UsersChoice(UserChoiceMixin, forms.ModelMultipleChoiceField):
    pass


class PartnershipForm(forms.Form):
    men_organisation = forms.ModelChoiceField(
        label=_("Men's organisation"), queryset=Organisation.objects.filter(kind=Organisation.Kind.MEN)
    )
    women_organisation = forms.ModelChoiceField(
        label=_("Women's organisation"), queryset=Organisation.objects.filter(kind=Organisation.Kind.WOMEN)
    )

    def __init__(self, *args, allowed: set[int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # None means any organisation (alliance staff); otherwise one side must be the user's own.
        self.allowed = allowed

    def clean(self):
        data = super().clean()
        men, women = data.get("men_organisation"), data.get("women_organisation")
        if men and women:
            if self.allowed is not None and not ({men.pk, women.pk} & self.allowed):
                raise forms.ValidationError(_("One of the two organisations must be your own."))
            if Partnership.objects.filter(men_organisation=men, women_organisation=women).exists():
                raise forms.ValidationError(_("These two organisations already work together."))
        return data


class TrajectoryForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=GROUP_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    trainer = UserChoice(label=_("Trainer"), queryset=User.objects.none())
    coordinator = UserChoice(label=_("Coordinator"), queryset=User.objects.none())
    facilitators = UsersChoice(
        label=_("Facilitators"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Trajectory
        fields = [
            "name",
            "method",
            "partnership",
            "district",
            "starts_on",
            "ends_on",
            "languages",
            "status",
            "trainer",
            "coordinator",
            "facilitators",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        self.fields["method"].queryset = Method.objects.all()
        self.fields["method"].label_from_instance = lambda method: localize([method])[0].name
        orgs = Organisation.objects.filter(
            Q(partnerships_as_men__in=partnerships) | Q(partnerships_as_women__in=partnerships)
        )
        self.fields["trainer"].queryset = _people(orgs, [Membership.Role.TRAINER])
        self.fields["coordinator"].queryset = _people(orgs, [Membership.Role.COORDINATOR])
        self.fields["facilitators"].queryset = _people(orgs, [Membership.Role.FACILITATOR])
        self.fields["name"].help_text = _("For example: Noord, spring 2026. No names of participants.")

    def clean(self):
        data = super().clean()
        partnership = data.get("partnership")
        if partnership is None:
            return data
        # The one team rule (team.py), shared with the service and the admin.
        errors = team.trajectory_team_errors(
            partnership=partnership,
            trainer=data.get("trainer"),
            coordinator=data.get("coordinator"),
            facilitators=data.get("facilitators", []),
            trajectory=Trajectory.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None,
        )
        for field, message in errors.items():
            self.add_error(field, message)
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last meeting cannot be before the first."))
        return data


class SessionForm(forms.ModelForm):
    facilitators = UsersChoice(
        label=_("Facilitators"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    language = forms.ChoiceField(label=_("Language of the session"), choices=GROUP_LANGUAGES)

    class Meta:
        model = Session
        fields = [
            "number",
            "kind",
            "starts_at",
            "place",
            "language",
            "interpreter_present",
            "status",
            "facilitators",
        ]
        widgets = {"starts_at": DateTimeInput()}

    def __init__(self, *args, trajectory: Trajectory, **kwargs):
        super().__init__(*args, **kwargs)
        self.trajectory = trajectory
        partnership = trajectory.partnership
        self.fields["facilitators"].queryset = _people(
            [partnership.men_organisation_id, partnership.women_organisation_id],
            [Membership.Role.FACILITATOR],
        )
        self.fields["starts_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def clean_number(self):
        number = self.cleaned_data["number"]
        clash = self.trajectory.sessions.filter(number=number)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("This trajectory already has a meeting with this number."))
        return number

    def clean_facilitators(self):
        facilitators = self.cleaned_data["facilitators"]
        for message in team.session_team_errors(
            trajectory=self.trajectory, facilitators=facilitators
        ).values():
            raise forms.ValidationError(message)
        return facilitators


class ReportForm(forms.Form):
    """The report after a session: five minutes on a phone. Every field may stay empty in a draft."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    # The statement codes the companion had proposed when this form was drawn (see
    # services._set_relations): an unticked one among them is the facilitator's choice.
    companion_offered = forms.CharField(widget=forms.HiddenInput, required=False, max_length=20_000)
    men_count = forms.IntegerField(label=_("Men present"), min_value=0, max_value=500, required=False)
    women_count = forms.IntegerField(label=_("Women present"), min_value=0, max_value=500, required=False)
    first_time_count = forms.IntegerField(
        label=_("Of whom here for the first time"), min_value=0, max_value=1000, required=False
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes discussed"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    statements = forms.ModelMultipleChoiceField(
        label=_("Statements used"),
        queryset=Statement.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    outcomes = forms.CharField(
        label=_("Main outcomes"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000, required=False
    )
    quotes = forms.CharField(
        label=_("Anonymised quotes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    atmosphere = forms.TypedChoiceField(
        label=_("How safe and open was the atmosphere?"),
        # The scale says what its ends mean; the middle speaks for itself.
        choices=[
            (1, _("1: not safe or open")),
            (2, "2"),
            (3, "3"),
            (4, "4"),
            (5, _("5: very safe and open")),
        ],
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )
    followup_financial = forms.BooleanField(
        label=_("Someone asked for financial information"), required=False
    )
    followup_referral = forms.BooleanField(label=_("Someone needs a referral to help"), required=False)
    safety_signal = forms.TypedChoiceField(
        label=_("Did you notice a safety signal (for example, worry about violence at home)?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda value: value == "yes",
        empty_value=False,
        widget=forms.RadioSelect,
        initial="no",
        required=False,
    )
    reflection = forms.CharField(
        label=_("Your reflection"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )

    FREE_TEXT = ("outcomes", "quotes", "reflection")

    def __init__(self, *args, session: Session, language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Most used first: what this trajectory's reports ticked most often, then the toolkit's order.
        used_here = Q(sessionreport__session__trajectory=session.trajectory_id)
        self.fields["themes"].queryset = Theme.objects.annotate(
            used=Count("sessionreport", filter=used_here)
        ).order_by("-used", "order", "slug")
        themes = localize(self.fields["themes"].queryset, language)
        self.fields["themes"].label_from_instance = lambda theme: _name_of(themes, theme).name
        report = SessionReport.objects.filter(session=session).only("companion_totals").first()
        proposed = (report.companion_totals or {}).get("statements", []) if report else []
        # The method's deck (toolkit.selectors.statements_for_method) and whatever the companion
        # showed (a kept meeting plan may choose others).
        deck = statements_for_method(session.trajectory.method)
        self.fields["statements"].queryset = (
            Statement.objects.filter(Q(pk__in=deck.values("pk")) | Q(slug__in=proposed))
            .annotate(used=Count("sessionreport", filter=used_here))
            .order_by("-used", "order", "slug")
        )
        statements = localize(self.fields["statements"].queryset, language)
        self.fields["statements"].label_from_instance = lambda st: _name_of(statements, st).text
        for name in self.FREE_TEXT:
            self.fields[name].help_text = NO_NAMES

    def clean(self):
        data = super().clean()
        men, women, first = data.get("men_count"), data.get("women_count"), data.get("first_time_count")
        if first is not None and first > (men or 0) + (women or 0):
            self.add_error("first_time_count", _("More people here for the first time than were present."))
        return data

    def clean_companion_offered(self) -> list[str]:
        return [slug for slug in self.cleaned_data["companion_offered"].split(",") if slug][:500]

    def report_data(self) -> dict:
        """The cleaned values the services take (the key is passed on its own)."""
        return {name: value for name, value in self.cleaned_data.items() if name != "submission_key"}

    @classmethod
    def initial_from(cls, report: SessionReport | None, session: Session) -> dict:
        initial = {
            "men_count": session.men_count,
            "women_count": session.women_count,
            "first_time_count": session.first_time_count,
        }
        if report is not None:
            initial.update(
                {name: getattr(report, name) for name in ("outcomes", "quotes", "atmosphere", "reflection")}
            )
            initial.update(
                followup_financial=report.followup_financial,
                followup_referral=report.followup_referral,
                safety_signal="yes" if report.safety_signal else "no",
                themes=list(report.themes.all()),
                statements=list(report.statements.all()),
                companion_offered=",".join((report.companion_totals or {}).get("statements", [])),
            )
        return initial


def _name_of(localized, obj):
    for item in localized:
        if item.obj.pk == obj.pk:
            return item
    return localize([obj])[0]


class DebriefForm(forms.Form):
    discussed_on = forms.DateField(label=_("Discussed on"), widget=DateInput())
    notes = forms.CharField(
        label=_("Short notes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=NO_NAMES,
    )


class SignalActionForm(forms.Form):
    """What the trainer or coordinator did about a safety signal."""

    action = forms.ChoiceField(
        label=_("What was done?"), choices=SignalAction.choices, widget=forms.RadioSelect
    )
    referred_to = forms.CharField(
        label=_("Referred to"),
        max_length=120,
        required=False,
        help_text=_("An organisation or service, for example Veilig Thuis. No names of participants."),
    )
    acted_on = forms.DateField(label=_("Date"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("action") == SignalAction.REFERRED and not data.get("referred_to", "").strip():
            self.add_error("referred_to", _("Say to which organisation or service."))
        return data


class _PoolForm(forms.Form):
    """The pool's forms offer only the organisation's own people."""

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        members = User.objects.filter(memberships__organisation=organisation, is_active=True).distinct()
        for field in self.fields.values():
            if isinstance(field, UserChoiceMixin):
                field.queryset = members


class RecruitmentForm(_PoolForm):
    facilitator = UserChoice(label=_("Facilitator"), queryset=User.objects.none())
    criteria_met = forms.ModelMultipleChoiceField(
        label=_("Criteria met"),
        queryset=RecruitmentCriterion.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    status = forms.ChoiceField(label=_("Status"), choices=FacilitatorRecruitment.Status.choices)
    recorded_on = forms.DateField(label=_("Date"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        criteria = localize(RecruitmentCriterion.objects.all())
        self.fields["criteria_met"].label_from_instance = lambda c: _name_of(criteria, c).title


class TrainingForm(_PoolForm):
    part = forms.TypedChoiceField(label=_("Part"), choices=Training.Part.choices, coerce=int)
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    attendees = UsersChoice(
        label=_("Attended"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )


class IntervisionForm(_PoolForm):
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    participants = UsersChoice(
        label=_("Who took part"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    notes = forms.CharField(
        label=_("Short notes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=NO_NAMES,
    )


class OrganisationDeleteForm(forms.Form):
    """The confirmation step of deleting all of an organisation's data: its short name typed again."""

    confirm = forms.CharField(max_length=100, strip=True)

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["confirm"].label = _("Type the short name %(slug)s to confirm") % {
            "slug": organisation.slug
        }
        self.fields["confirm"].widget.attrs.update(
            autocomplete="off", spellcheck="false", autocapitalize="none"
        )

    def clean_confirm(self):
        value = self.cleaned_data["confirm"]
        if value != self.organisation.slug:
            raise forms.ValidationError(_("This is not the organisation's short name. Nothing was deleted."))
        return value
