"""The meeting plan builder's form: date, place and group, the timed blocks, the chosen
statements and questions. Used to print (nothing stored) and to keep a plan for a session."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Question, Statement
from .plan import BLOCK_KINDS, MAX_BLOCKS, MAX_MINUTES, Block

# Empty rows under the suggested blocks, to add a block without JavaScript.
EXTRA_ROWS = 3


class BlockForm(forms.Form):
    title = forms.CharField(label=_("Block"), max_length=120, required=False, strip=True)
    minutes = forms.IntegerField(
        label=_("Minutes"),
        required=False,
        min_value=1,
        max_value=MAX_MINUTES,
        error_messages={
            "invalid": _("Minutes must be a whole number."),
            "min_value": _("A block lasts at least 1 minute."),
            "max_value": _("A block lasts at most %(limit_value)s minutes."),
        },
    )
    kind = forms.CharField(required=False, widget=forms.HiddenInput, max_length=32)

    def clean_kind(self) -> str:
        kind = self.cleaned_data.get("kind") or ""
        return kind if kind in BLOCK_KINDS else ""  # an unknown kind only loses its materials

    def clean(self):
        data = super().clean()
        title, minutes = data.get("title"), data.get("minutes")
        if title and minutes is None and "minutes" not in self.errors:
            self.add_error("minutes", _("How many minutes does this block take?"))
        if minutes is not None and not title:
            self.add_error("title", _("Give this block a title, or clear its minutes."))
        return data

    def block(self) -> Block | None:
        data = self.cleaned_data
        if not data.get("title"):
            return None
        return Block(title=data["title"], minutes=data["minutes"], kind=data.get("kind") or "")


class BaseBlockFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.blocks():
            raise forms.ValidationError(_("A plan needs at least one block with a title and minutes."))

    def blocks(self) -> list[Block]:
        return [b for b in (f.block() for f in self.forms if f.is_valid()) if b is not None]


BlockFormSet = forms.formset_factory(
    BlockForm,
    formset=BaseBlockFormSet,
    extra=0,
    max_num=MAX_BLOCKS,
    validate_max=True,
    absolute_max=MAX_BLOCKS,
)


def block_formset(data=None, *, blocks: list[Block] | None = None) -> BaseBlockFormSet:
    """The blocks as a formset: bound to ``data``, or filled with ``blocks`` and a few empty rows."""
    if data is not None:
        return BlockFormSet(data, prefix="block")
    initial = [{"title": b.title, "minutes": b.minutes, "kind": b.kind} for b in blocks or []]
    initial = initial[:MAX_BLOCKS]
    initial += [{}] * max(0, min(EXTRA_ROWS, MAX_BLOCKS - len(initial)))
    return BlockFormSet(initial=initial, prefix="block")


class MeetingPlanForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as year-month-day, for example 2026-12-01.")},
    )
    start = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Enter the time as hours:minutes, for example 19:00.")},
    )
    place = forms.CharField(label=_("Place"), max_length=120, required=False, strip=True)
    group = forms.CharField(
        label=_("Group"),
        max_length=120,
        required=False,
        strip=True,
        help_text=_(
            "A name for the group, for example “Noord, Tuesday evening”. Never names of participants."
        ),
    )
    statements = forms.MultipleChoiceField(
        label=_("Statements"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("There is no statement “%(value)s”. Choose from the list.")},
    )
    questions = forms.MultipleChoiceField(
        label=_("Questions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("There is no question “%(value)s”. Choose from the list.")},
    )
    sheets = forms.BooleanField(
        label=_("Add the flip-over sheets of the chosen statements and questions"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, statements: list[Statement], questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].widget.attrs["aria-describedby"] = "id_group-help"
        self.fields["statements"].choices = [(s.slug, s.slug) for s in statements]
        self.fields["questions"].choices = [(str(q.pk), str(q.pk)) for q in questions]
        self._statements = {s.slug: s for s in statements}
        self._questions = {str(q.pk): q for q in questions}

    def chosen_statements(self) -> list[Statement]:
        return [self._statements[s] for s in self.cleaned_data.get("statements") or []]

    def chosen_questions(self) -> list[Question]:
        return [self._questions[q] for q in self.cleaned_data.get("questions") or []]
