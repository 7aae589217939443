"""What you can do next: a few concrete steps that follow from a household's answers, each with
the official page that says how.

The steps are the app's own guidance (the page and the handout say so); the linked pages are the
official word. Every step is defined once, here, with the condition under which it applies, so the
page and the handout show the same list. The sources were looked up on 7 December 2026:

- one payer for the loonheffingskorting: UWV, "Loonheffingskorting toepassen" ("u mag de
  loonheffingskorting maar 1 keer laten toepassen: op het loon dat u verdient bij 1 werkgever of
  op 1 uitkering");
- reporting income on bijstand: Gemeente Amsterdam, "Bijstandsuitkering" (the rights and duties
  of bijstand, the duty to report income among them);
- the earnings disregards: Participatiewet art. 31 lid 2 onder n (25%, six months, from 27) and r
  (12.5%, a single parent with a child under 12, up to 30 months);
- applying for a toeslag: Belastingdienst, "Ik wil een toeslag aanvragen" (with Mijn toeslagen;
  the kinderopvangtoeslag runs from the first day of childcare);
- the part of childcare the toeslag leaves (the own share): Participatiewet art. 35, bijzondere
  bijstand for necessary costs. Many gemeenten pay that part for a parent who works part time next
  to bijstand (Utrecht, "Kinderopvang, vergoeding eigen bijdrage"; Rotterdam, "Kinderopvang en
  bijstandsuitkering"; Amersfoort, Wormerland). Amsterdam's policy for it was not found, so the
  calculator counts the own share as a cost and this step tells the family to ask;
- a new income: Belastingdienst, "Mijn inkomen verandert - moet ik dat doorgeven aan toeslagen?"
  ("Geef wijzigingen in uw inkomen binnen 4 weken aan ons door", with Mijn toeslagen).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext, gettext_noop

from samensterk.calculator.forms import on_bijstand
from samensterk.income import components as registry


@dataclass(frozen=True)
class Situation:
    """What the steps depend on: read from the answers and the result at the chosen hours."""

    on_bijstand: bool  # the household receives bijstand when she does not work
    bijstand_remains: bool  # and still some at these hours: two payers, a disregard to ask about
    her_27: bool
    works: bool  # she works some hours in the result shown
    childcare_cost: bool  # the household pays for childcare at these hours
    kinderopvangtoeslag: bool  # and a kinderopvangtoeslag is paid
    own_share: bool  # and part of the childcare is left for the household to pay
    toeslagen: bool  # any toeslag is paid at these hours


@dataclass(frozen=True)
class Step:
    key: str
    text: str  # marked with gettext_noop; translated when shown
    source_title: str
    url: str
    applies: Callable[[Situation], bool]


STEPS = (
    Step(
        "loonheffingskorting",
        gettext_noop(
            "Have the loonheffingskorting applied by one payer only: on bijstand that is usually the "
            "gemeente. Tell her employer not to apply it to her wage. If both apply it, you pay it back "
            "after the year."
        ),
        gettext_noop("UWV: applying the loonheffingskorting (only one payer)"),
        "https://www.uwv.nl/particulieren/overige-onderwerpen/toeslag-van-uwv/detail/"
        "inkomsten-verhogen-en-besparen-op-uitgaven/loonheffingskorting-toepassen",
        lambda s: s.bijstand_remains and s.works,
    ),
    Step(
        "report_income",
        gettext_noop(
            "Tell the gemeente before she starts, and pass on her payslip every month: the bijstand is "
            "then lowered by what she earns, so nothing has to be paid back later."
        ),
        gettext_noop("Municipality of Amsterdam: bijstand (benefit), rights and duties"),
        "https://www.amsterdam.nl/werk-inkomen/bijstandsuitkering/",
        lambda s: s.on_bijstand and s.works,
    ),
    Step(
        "vrijlating",
        gettext_noop(
            "Ask the gemeente about the earnings disregard (vrijlating): from 27, 25% of what she earns "
            "can be kept for six months, and a single parent with a child under 12 can then keep 12.5% "
            "for up to 30 months."
        ),
        gettext_noop("Participatiewet, article 31 (the earnings disregards)"),
        "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel31",
        lambda s: s.bijstand_remains and s.her_27 and s.works,
    ),
    Step(
        "kinderopvangtoeslag",
        gettext_noop(
            "Apply for kinderopvangtoeslag in Mijn toeslagen as soon as you have the childcare contract, "
            "before the childcare starts: the toeslag runs from the first day of childcare."
        ),
        gettext_noop("Belastingdienst: applying for a toeslag"),
        "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/toeslagen/aanvragen/",
        lambda s: s.childcare_cost and s.kinderopvangtoeslag,
    ),
    Step(
        "childcare_own_share",
        gettext_noop(
            "Ask the gemeente whether it pays the part of the childcare that the kinderopvangtoeslag "
            "leaves (bijzondere bijstand): many gemeenten do for a parent who works part time next to "
            "bijstand. The calculation counts that part as a cost."
        ),
        gettext_noop("Participatiewet, article 35 (bijzondere bijstand)"),
        "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel35",
        lambda s: s.on_bijstand and s.works and s.own_share,
    ),
    Step(
        "toeslagen_income",
        gettext_noop(
            "Change the expected income for the year in Mijn toeslagen within four weeks of her start, so "
            "the toeslagen follow the new income and you do not have to pay a large amount back later."
        ),
        gettext_noop("Belastingdienst: my income changes, do I pass it on for toeslagen?"),
        "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/toeslagen/"
        "wijzigingen_doorgeven/welke_wijzigingen_moet_ik_doorgeven/werk_inkomen_en_vermogen/mijn_inkomen_verandert/",
        lambda s: s.toeslagen and s.works,
    ),
)


def situation(answers: dict, calc, hours: int) -> Situation:
    """The situation of a household from the form's cleaned answers and its calculation."""
    c = calc.c

    def paid(key: str, h: int = hours) -> bool:
        return float(c[key][h]) >= 0.5

    return Situation(
        on_bijstand=on_bijstand(answers) and paid("bijstand", 0),
        bijstand_remains=on_bijstand(answers) and paid("bijstand"),
        her_27=answers.get("her_27") != "no",
        works=hours > 0,
        childcare_cost=paid("childcare_cost"),
        kinderopvangtoeslag=paid("kinderopvangtoeslag"),
        # Left to the household: not where the answers say the gemeente pays it already.
        own_share=float(c["childcare_cost"][hours])
        - float(c["kinderopvangtoeslag"][hours])
        - float(c["gemeente_childcare"][hours])
        >= 0.5,
        toeslagen=any(paid(key) for key in registry.TOESLAGEN),
    )


def steps_for(situation: Situation) -> list[dict]:
    """The steps that apply, in the active language, in the order a family takes them."""
    return [
        {
            "key": step.key,
            "text": gettext(step.text),
            "source": gettext(step.source_title),
            "url": step.url,
            "host": urlsplit(step.url).hostname.removeprefix("www."),
        }
        for step in STEPS
        if step.applies(situation)
    ]
