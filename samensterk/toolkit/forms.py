"""The meeting plan builder's form: date, place and group, the timed blocks, the chosen
statements and questions. Used to print (nothing stored) and to keep a plan for a session."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Question, Statement
from .plan import MAX_BLOCKS, MAX_MINUTES, Block, add_point

# Empty rows before the closing round, to add a block without JavaScript.
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
    # The work form is chosen visibly: its materials and question sheets follow this choice.
    workform = forms.ChoiceField(
        label=_("Work form"),
        required=False,
        error_messages={"invalid_choice": _("There is no work form “%(value)s”. Choose one from the list.")},
    )
    # Which suggestion the block started as (not shown; it decides nothing the facilitator sees).
    kind = forms.CharField(required=False, widget=forms.HiddenInput, max_length=32)

    def __init__(self, *args, workforms: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workform"].choices = [("", _("No work form"))] + [
            (wf.slug, wf.name) for wf in workforms or []
        ]

    def clean(self):
        data = super().clean()
        title, minutes = data.get("title"), data.get("minutes")
        # An empty title drops the block, whatever its minutes (the page says so).
        if title and minutes is None and "minutes" not in self.errors:
            self.add_error("minutes", _("How many minutes does this block take?"))
        return data

    def block(self) -> Block | None:
        data = self.cleaned_data
        if not data.get("title"):
            return None
        return Block(
            title=data["title"],
            minutes=data["minutes"],
            kind=data.get("kind") or "",
            workform=data.get("workform") or "",
        )


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


def block_formset(data=None, *, blocks: list[Block] | None = None, workforms=None) -> BaseBlockFormSet:
    """The blocks as a formset: bound to ``data``, or filled with ``blocks`` and a few empty rows
    before the closing round. ``workforms``: the localized work forms a block can use."""
    kwargs = {"prefix": "block", "form_kwargs": {"workforms": workforms or []}}
    if data is not None:
        return BlockFormSet(data, **kwargs)
    blocks = list(blocks or [])[:MAX_BLOCKS]
    rows = [{"title": b.title, "minutes": b.minutes, "kind": b.kind, "workform": b.workform} for b in blocks]
    at = add_point(blocks)
    rows[at:at] = [{}] * max(0, min(EXTRA_ROWS, MAX_BLOCKS - len(rows)))
    return BlockFormSet(initial=rows, **kwargs)


_ROW_FIELDS = ("title", "minutes", "workform", "kind")


def move_row(data, move: str):
    """``data`` (the POSTed plan) with one block row moved: ``move`` is "up-3" or "down-3".

    Returns a mutable copy, or None when ``move`` names no row that can move that way. Only the
    rows' own fields are swapped, so everything else the facilitator typed stays as it was.
    """
    direction, _sep, index = move.partition("-")
    try:
        index, total = int(index), int(data.get("block-TOTAL_FORMS", ""))
    except ValueError:
        return None
    other = index - 1 if direction == "up" else index + 1 if direction == "down" else -1
    total = min(total, MAX_BLOCKS)
    if not (0 <= index < total and 0 <= other < total):
        return None
    moved = data.copy()
    for name in _ROW_FIELDS:
        a, b = f"block-{index}-{name}", f"block-{other}-{name}"
        moved[a], moved[b] = data.get(b, ""), data.get(a, "")
    return moved


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
