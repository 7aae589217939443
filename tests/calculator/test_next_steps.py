"""What you can do next: the steps that follow from the answers, on the page (and the handout,
tests/calculator/test_handout.py), each with its official page."""

import re

import pytest
from django.utils import translation

from samensterk.calculator.next_steps import STEPS

from .helpers import url

pytestmark = pytest.mark.django_db
COUPLE_ON_BIJSTAND = {"partner": "bijstand", "children": "3, 7", "rent": "750", "hours": "16"}
HE_EARNS = {"partner": "works", "partner_amount": "2700", "children": "2, 6", "rent": "850", "hours": "16"}
OFFICIAL = ("belastingdienst.nl", "uwv.nl", "amsterdam.nl", "wetten.overheid.nl")


def steps(client, data, lang="en") -> list[str]:
    html = client.post(url("calculator:index", lang=lang), data).content.decode()
    return re.findall(r'<li data-step="([a-z_]+)">', html)


def test_every_step_has_an_official_page():
    assert len({s.key for s in STEPS}) == len(STEPS)
    for step in STEPS:
        assert step.url.startswith("https://") and any(host in step.url for host in OFFICIAL), step.key
        assert step.source_title and step.text


def test_a_couple_on_bijstand_gets_the_bijstand_steps(client):
    got = steps(client, COUPLE_ON_BIJSTAND)
    assert {"loonheffingskorting", "report_income", "vrijlating", "toeslagen_income"} <= set(got)
    assert "kinderopvangtoeslag" not in got  # he is at home: no paid childcare


def test_a_single_mother_on_bijstand_is_told_to_ask_about_the_childcare_own_share(client):
    # Day care for a child of 2 at her 16 hours: the toeslag pays 96%, the rest is hers.
    got = steps(client, {"partner": "none", "children": "2", "rent": "650", "hours": "16"})
    assert got.index("kinderopvangtoeslag") < got.index("childcare_own_share")
    assert "childcare_own_share" not in steps(
        client, HE_EARNS
    )  # not on bijstand: no bijzondere bijstand to ask


def test_the_own_share_is_said_as_an_assumption_until_the_gemeente_is_said_to_pay_it(client):
    single = {"partner": "none", "children": "2", "rent": "650", "hours": "16"}
    assumption = "The part of the childcare the toeslag leaves is counted as your cost"
    default = client.post(url("calculator:index"), single).content.decode()
    assert assumption in default
    paid = client.post(url("calculator:index"), {**single, "childcare_own_share": "yes"}).content.decode()
    assert assumption not in paid and "Gemeente: the own share of childcare" in paid
    assert "childcare_own_share" not in re.findall(r'<li data-step="([a-z_]+)">', paid)


def test_under_27_there_is_no_disregard_to_ask_about(client):
    got = steps(client, {**COUPLE_ON_BIJSTAND, "her_27": "no"})
    assert "vrijlating" not in got and "report_income" in got


def test_a_couple_where_he_earns_gets_the_toeslag_steps_only(client):
    got = steps(client, HE_EARNS)
    assert got == ["kinderopvangtoeslag", "toeslagen_income"]


def test_no_steps_when_she_does_not_work(client):
    assert steps(client, {**HE_EARNS, "hours": "0"}) == []


def test_the_steps_are_marked_as_our_own_advice_and_link_their_source(client):
    html = client.post(url("calculator:index"), HE_EARNS).content.decode()
    section = html[html.index('id="next-steps"') : html.index("</section>", html.index('id="next-steps"'))]
    assert "Our own advice, from your answers." in section
    assert (
        'href="https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/toeslagen/aanvragen/"'
        in section
    )
    assert "Belastingdienst: applying for a toeslag</a>" in section


@pytest.mark.parametrize("lang", ["nl", "ar", "tr"])
def test_the_steps_are_in_the_chosen_language(client, lang):
    with translation.override(lang):
        title = translation.gettext("What you can do next")
        text = translation.gettext(STEPS[1].text)
    assert title != "What you can do next" and text != STEPS[1].text
    html = client.post(url("calculator:index", lang=lang), COUPLE_ON_BIJSTAND).content.decode()
    plain = html.replace("\u2066", "").replace("\u2069", "")
    assert title in plain and text in plain
    # In Arabic the Dutch terms are isolated, so the words around them stay in reading order.
    assert ("\u2066gemeente\u2069" in html) == (lang == "ar")
