"""Worked example households a facilitator opens with one click.

They are fictional and varied on purpose, so a group can discuss a real-looking case without
anyone sharing their own figures. Each is the calculator form's data, so an example goes through
exactly the same path as a family's own answers. They are identified by slug in the URL: that is
safe because they describe nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Example:
    slug: str
    title: str
    summary: str
    data: dict = field(default_factory=dict)

    def form_data(self) -> dict:
        """The example as the calculator form's POST data (strings, as a browser sends them)."""
        base = {"hours": "16", "compare_a": "0", "childcare": "auto", "partner_amount_kind": "gross"}
        return {**base, **self.data}


EXAMPLES = [
    Example(
        slug="bijstand-couple",
        title=_("Couple on bijstand, two children"),
        summary=_(
            "Samira and Youssef (fictional) receive bijstand as a couple. Their children are 3 and 7. "
            "The rent is € 680. Samira could start at the minimum wage; Youssef would look after "
            "the children while she works."
        ),
        data={"partner": "bijstand", "children": "3, 7", "rent": "680", "childcare": "no"},
    ),
    Example(
        slug="low-wage-three-children",
        title=_("He earns a low wage, three children"),
        summary=_(
            "Ahmet (fictional) works full time for € 2,700 gross a month. He and Elif have three "
            "children of 2, 6 and 11 and pay € 850 rent. Elif could work for € 15 an hour; the "
            "youngest would go to day care, the other two to after-school care."
        ),
        data={
            "partner": "works",
            "partner_amount": "2700",
            "partner_amount_kind": "gross",
            "children": "2, 6, 11",
            "rent": "850",
            "her_wage": "15",
        },
    ),
    Example(
        slug="single-mother",
        title=_("Single mother, two children"),
        summary=_(
            "Fatima (fictional) raises her children of 1 and 5 alone and receives bijstand. "
            "The rent is € 720. She could work at the minimum wage with the children in day care "
            "and after-school care."
        ),
        data={"partner": "none", "children": "1, 5", "rent": "720"},
    ),
    Example(
        slug="partner-no-income",
        title=_("Partner without income, no childcare"),
        summary=_(
            "Amina and Karim (fictional) live on Karim's savings for a while: no income, no bijstand. "
            "Their children are 9 and 14 and look after themselves after school. The rent is € 790."
        ),
        data={"partner": "no_income", "children": "9, 14", "rent": "790", "childcare": "no"},
    ),
]
BY_SLUG = {e.slug: e for e in EXAMPLES}
