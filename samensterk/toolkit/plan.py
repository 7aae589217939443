"""Meeting plans: the vocabulary of programme blocks and the arithmetic of a timed plan.

The toolkit gives no timings (except method 2's two-hour workshops) and no per-meeting agenda for
most meetings. The blocks and minutes here are this app's suggestions; every page and PDF that
shows them says so. The block labels are interface text (translated in the .po catalogues), the
content files only name a kind and its minutes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class BlockKind:
    label: str
    workform: str = ""  # slug of the work form the block suggests; the facilitator can change it


BLOCK_KINDS: dict[str, BlockKind] = {
    "arrival": BlockKind(_("Arrival, with tea or something to eat")),
    "meal": BlockKind(_("Shared meal")),
    # Method 3: the toolkit combines the meetings with a meal or a drink and starts each with the
    # check-in, but does not say when the meal is; the label says that its place is our idea.
    "meal_app": BlockKind(_("Meal or a drink together (when: this app's idea)")),
    "checkin": BlockKind(_("Check-in with the ball"), "check-in-met-bal"),
    "make_agreements": BlockKind(_("What is a dialogue? Making the dialogue agreements"), "dialoogafspraken"),
    "agreements": BlockKind(
        _("Hang up the dialogue agreements, repeat them where needed"), "dialoogafspraken"
    ),
    "statements": BlockKind(_("Statements with the ball"), "stellingen-en-bal"),
    "subgroups": BlockKind(_("Statements or questions in subgroups"), "subgroepen"),
    "huis": BlockKind(_("The house of then, the house of now"), "huis-van-vroeger-huis-van-nu"),
    "interview": BlockKind(_("Interview with an expert by experience"), "interview-ervaringsdeskundige"),
    "group_conversation": BlockKind(
        _("Group conversation about the division of roles at home"), "groepsgesprek-rolverdeling"
    ),
    "card_game": BlockKind(_("Card game 'Op één lijn'"), "kaartspel-op-een-lijn"),
    "film": BlockKind(_("Group conversation after a film clip"), "filmfragment"),
    "reverse_roles": BlockKind(_("Question: what if the roles were reversed?"), "rollen-omdraaien"),
    "theme_information": BlockKind(_("Information and questions on the theme")),
    "guest": BlockKind(_("Conversation with someone from the women's organisation")),
    "introduction": BlockKind(_("Introduction by the coordinator of the women's organisation")),
    "training_goals": BlockKind(_("The goals of the conversations and the experiences of women")),
    "conversation": BlockKind(_("Conversation: the role of men in women's paid work")),
    "practice": BlockKind(_("Practising a living-room conversation")),
    "involving": BlockKind(_("How to involve other men")),
    "finance": BlockKind(_("Finances (run by the external company)")),
    "break": BlockKind(_("Break")),
    "look_back": BlockKind(_("Looking back on the series: what do you take with you?")),
    "closing": BlockKind(_("Closing round: what do you take home?")),
    "afterwards": BlockKind(_("Afterwards: talk with the trainer and fill in the report form")),
}

# Work forms whose blocks use statements: a plan with one of them offers the statement choice.
STATEMENT_WORKFORMS = frozenset({"stellingen-en-bal", "subgroepen"})

# Blocks that close a meeting: a block the facilitator adds goes before them.
CLOSING_KINDS = frozenset({"closing", "afterwards"})

# What a facilitator may type: generous, but a plan is one page, not an essay.
MAX_BLOCKS = 12
MAX_MINUTES = 600


@dataclass
class Block:
    """One block of a plan. ``workform`` is what the facilitator chose (its materials and sheets
    follow it); ``kind`` only remembers which suggestion a block started as."""

    title: str
    minutes: int
    kind: str = ""
    workform: str = ""

    @classmethod
    def from_stored(cls, data: dict) -> Block:
        """A block of a kept plan. Plans kept before blocks had a chosen work form take the one
        their kind suggested."""
        kind = data.get("kind") or ""
        workform = data.get("workform")
        if workform is None:
            workform = BLOCK_KINDS[kind].workform if kind in BLOCK_KINDS else ""
        return cls(title=data["title"], minutes=data["minutes"], kind=kind, workform=workform)

    def stored(self) -> dict:
        return {"title": self.title, "minutes": self.minutes, "kind": self.kind, "workform": self.workform}


def suggested_blocks(meeting) -> list[Block]:
    """The app's suggested programme for ``meeting``, labelled in the active language."""
    return [
        Block(
            title=str(BLOCK_KINDS[b["kind"]].label),
            minutes=b["minutes"],
            kind=b["kind"],
            workform=BLOCK_KINDS[b["kind"]].workform,
        )
        for b in meeting.blocks
        if b.get("kind") in BLOCK_KINDS
    ]


def uses_statements(blocks: list[Block]) -> bool:
    return any(b.workform in STATEMENT_WORKFORMS for b in blocks)


def add_point(blocks: list[Block]) -> int:
    """Where new blocks go: before the closing round (and what follows it), else before the last
    block (method 1's closing session ends with its meal), else at the start."""
    for i, block in enumerate(blocks):
        if block.kind in CLOSING_KINDS:
            return i
    return max(0, len(blocks) - 1)


@dataclass(frozen=True)
class LengthCheck:
    """The plan's total against the length the toolkit gives for a meeting of the method."""

    total: int
    toolkit_minutes: int | None

    @property
    def over(self) -> int:
        return max(0, self.total - self.toolkit_minutes) if self.toolkit_minutes else 0

    @property
    def under(self) -> int:
        return max(0, self.toolkit_minutes - self.total) if self.toolkit_minutes else 0


def length_check(blocks: list[Block], toolkit_minutes: int | None) -> LengthCheck:
    return LengthCheck(total=total_minutes(blocks), toolkit_minutes=toolkit_minutes)


@dataclass
class TimedBlock:
    block: Block
    start_minute: int
    end_minute: int
    start: dt.time | None = None
    end: dt.time | None = None

    @property
    def span(self) -> str:
        """ "0:15–0:30" from the start, or clock times when the plan has a start time."""
        if self.start and self.end:
            return f"{self.start:%H:%M}–{self.end:%H:%M}"
        return f"{_clock(self.start_minute)}–{_clock(self.end_minute)}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def timed(blocks: list[Block], start: dt.time | None = None) -> list[TimedBlock]:
    """Blocks with their start and end, counted from 0:00 or from ``start``."""
    rows, at = [], 0
    base = dt.datetime.combine(dt.date(2000, 1, 1), start) if start else None
    for block in blocks:
        row = TimedBlock(block=block, start_minute=at, end_minute=at + block.minutes)
        if base is not None:
            row.start = (base + dt.timedelta(minutes=at)).time()
            row.end = (base + dt.timedelta(minutes=at + block.minutes)).time()
        rows.append(row)
        at += block.minutes
    return rows


def total_minutes(blocks: list[Block]) -> int:
    return sum(b.minutes for b in blocks)


# The practical checklist for planning a meeting: this app's own list, shown on the checklist
# page and in every plan PDF. The toolkit names the ball, the flip-over, interpreters when
# needed and a meal or tea; the rest is ordinary preparation.
PRACTICAL_CHECKLIST = (
    _(
        "Room booked: a familiar place (community centre, neighbourhood room, living room), chairs in a circle"
    ),
    _("Co-trainer or co-facilitator confirmed"),
    _("Interpreter arranged, if the group needs one"),
    _("Food or tea and something to drink"),
    _("A soft ball"),
    _("Flip-over, paper and markers; the dialogue agreements sheet"),
    _("Statement and question sheets printed"),
    _("Participants reminded of the day and time"),
    _("Childcare or accessibility, if needed"),
    _("The trainer's phone number at hand, and the referral path when it gets difficult"),
)
