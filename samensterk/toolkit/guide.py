"""When it gets difficult: what the toolkit says per method, and this app's own steps.

The toolkit gives no procedure for heated moments or disclosures. What it does say, it says in
one method's section; the guide of a method cites only that method's section, or names the method
a passage comes from (method 3 borrows method 4's warning, both being dialogue sessions). Everything
else is this app's own advice and is marked so. Dialogue agreements on a flip-over and the ball are
in the toolkit for methods 3 and 4 only, so the guides of methods 1 and 2 do not lean on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

M1 = "huiskamergesprekken"
M2 = "workshopreeks-gelijke-kansen"
M3 = "dialoogsessies-mannen"
M4 = "dialoogsessies-mannen-en-vrouwen"

# The toolkit's sections as printed (Dutch), the same strings as the methods' ``source``.
SECTIONS = {
    M1: "Methodiek 1: Huiskamergesprekken door getrainde gespreksleiders",
    M2: "Methodiek 2: Workshopreeks 'Gelijke kansen'",
    M3: "Methodiek 3: Dialoogsessies met mannen",
    M4: "Methodiek 4: Dialoogsessies met mannen en vrouwen samen",
}


@dataclass(frozen=True)
class Advice:
    """A passage of the toolkit, summarised, with the method whose section holds it."""

    text: Promise
    method: str  # slug of the method in whose section the toolkit says it

    @property
    def section(self) -> str:
        return SECTIONS[self.method]


_STRUGGLE = Advice(
    _(
        "The toolkit warns that a lively conversation can turn into a struggle over positions in which participants feel unsafe; the trainer stays alert and reminds the group of the dialogue agreements."
    ),
    M4,
)
_REPEAT_AGREEMENTS = Advice(
    _("Repeating the dialogue agreements at the start of a new meeting gives structure and safety."), M4
)
_SPEAKERS = Advice(
    _(
        "Women often talk more easily in a group, so the men can end up in the background: as a trainer, watch who gets to speak."
    ),
    M4,
)
_AGREEMENTS_CLEAR = Advice(
    _("The dialogue agreements must be clear to everyone, and the group must stand behind them."), M3
)
_BALL = Advice(_("Whoever has the ball speaks; the others listen."), M3)
_PHONE = Advice(
    _(
        "During the conversations the HIMILO trainer can be reached by phone; after every conversation the facilitator and the trainer talk it through."
    ),
    M1,
)
_KEY_POSITION = Advice(
    _("The facilitator has a key position in keeping the conversation constructive for all participants."), M1
)
_OPEN = Advice(
    _(
        "The guidance is open, supportive and without prejudice, with attention to the participants' world and migration background."
    ),
    M2,
)
_KNOWN_TRAINER = Advice(
    _("Because the fathers already know the trainer, it is easier for them to talk about the subject."), M2
)

TOOLKIT_ADVICE: dict[str, tuple[Advice, ...]] = {
    M1: (_KEY_POSITION, _PHONE),
    M2: (_OPEN, _KNOWN_TRAINER),
    # Method 3's section describes the agreements and the ball; the warning about a struggle over
    # positions is in method 4's section only, and is cited to it.
    M3: (_AGREEMENTS_CLEAR, _BALL, _STRUGGLE),
    M4: (_STRUGGLE, _REPEAT_AGREEMENTS, _SPEAKERS),
}

_STOP = _("Stop the conversation calmly and say what you see: strong opinions, and that this is allowed.")
_FLIPOVER = _("Point to the dialogue agreements on the flip-over and read the one that matters out loud.")
_GIVE_BALL = _("Use the ball again: only the person with the ball speaks; let everyone finish.")
_HOW_WE_TALK = _(
    "Remind the group how you agreed to talk with each other, for example that everyone may finish."
)
_ONE_AT_A_TIME = _("Let one person speak at a time, and let everyone finish.")
_EXPERIENCE = _(
    "Ask what someone has experienced, not who is right. A dialogue is not about convincing each other."
)
_BREAK = _("If it does not calm down: a short break. One trainer talks with the people involved apart.")
_AFTER = _(
    "Afterwards: talk it through with your co-trainer or trainer and note it in the report, without names."
)

_WITH_AGREEMENTS = (_STOP, _FLIPOVER, _GIVE_BALL, _EXPERIENCE, _BREAK, _AFTER)
_WITHOUT_AGREEMENTS = (_STOP, _HOW_WE_TALK, _ONE_AT_A_TIME, _EXPERIENCE, _BREAK, _AFTER)

_SUMMARY_WITH = _(
    "A discussion turns heated: stop, point to the dialogue agreements, give the ball back, ask what someone experienced rather than who is right."
)
_SUMMARY_WITHOUT = _(
    "A discussion turns heated: stop, remind the group how you agreed to talk, let one person speak at a time, ask what someone experienced rather than who is right."
)


@dataclass(frozen=True)
class Guide:
    method: str
    toolkit: tuple[Advice, ...]  # what the toolkit says, each cited to its method's section
    steps: tuple[Promise, ...]  # this app's own steps for a heated discussion
    summary: Promise  # the same in one line, for the plan PDF

    @property
    def uses_agreements(self) -> bool:
        return self.method in (M3, M4)


def guide_for(method) -> Guide:
    """The guide of ``method`` (a Method or a localized one)."""
    slug = method.slug
    with_agreements = slug in (M3, M4)
    return Guide(
        method=slug,
        toolkit=TOOLKIT_ADVICE.get(slug, ()),
        steps=_WITH_AGREEMENTS if with_agreements else _WITHOUT_AGREEMENTS,
        summary=_SUMMARY_WITH if with_agreements else _SUMMARY_WITHOUT,
    )
