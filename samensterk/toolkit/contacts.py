"""The organisations the toolkit names, with their public websites only.

The toolkit also prints names, e-mail addresses and phone numbers of staff; this app shows only
the organisations' public websites, so nobody's personal details are republished. Veilig Thuis
is not named in the toolkit: it is this app's addition (the national advice and reporting point
for domestic violence), and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Contact:
    name: str
    url: str
    role: str
    source: str  # the toolkit section naming it, or "" when this app adds it


CONTACTS: list[Contact] = [
    Contact(
        "Stichting HIMILO",
        "https://www.himilo.org",
        _("Developed method 1, the living-room conversations."),
        "Methodiek 1, Contact",
    ),
    Contact(
        "Trias Pedagogica",
        "https://www.triaspedagogica.nl",
        _("Developed method 2, the workshop series 'Gelijke kansen'."),
        "Methodiek 2, Contact",
    ),
    Contact(
        "Mannencentrum Daadkr8",
        "https://daadkr8.amsterdam",
        _("Developed methods 3 and 4, the dialogue sessions."),
        "Methodiek 3 en 4, Contact",
    ),
    Contact(
        "Emancipatiecentrum Vrouw en Vaart",
        "https://vrouwenvaart.nl",
        _("Partner in methods 1, 3 and 4."),
        "Methodiek 3 en 4, Contact",
    ),
    Contact(
        "Blijf Groep",
        "https://www.blijfgroep.nl",
        _("Partner in methods 3 and 4; helps to stop domestic violence and helps everyone involved."),
        "Methodiek 3 en 4",
    ),
    # The women's organisations the toolkit credits per method, without websites: the toolkit
    # prints none, and we do not guess them.
    Contact(
        "Buurvrouwennetwerk Gaasperdam",
        "",
        _("Women's organisation (Amsterdam Zuidoost) that worked with HIMILO on method 1."),
        "Methodiek 1, Contact",
    ),
    Contact(
        "Stichting Vrouwen Vooruit",
        "",
        _("Women's organisation (Amsterdam West) that worked on methods 1 and 2."),
        "Methodiek 1 en 2, Contact",
    ),
    Contact(
        "Buurvrouwennetwerk Gaasperplas",
        "",
        _("Women's organisation (Amsterdam Zuidoost) that worked with Trias Pedagogica on method 2."),
        "Methodiek 2, Contact",
    ),
    Contact(
        "Stichting Malak",
        "",
        _("Women's organisation (Amsterdam Noord) that worked with Trias Pedagogica on method 2."),
        "Methodiek 2, Contact",
    ),
    Contact(
        "Stichting Prachtvrouw",
        "",
        _("Women's organisation (Amsterdam Oost) that worked with Trias Pedagogica on method 2."),
        "Methodiek 2, Contact",
    ),
    Contact(
        "Emancipator",
        "",  # the toolkit prints no website for it
        _("Expertise centre for men's emancipation; worked with the alliance on the design of the pilot."),
        "Inleiding (Meer ruimte voor vrouwen en mannen)",
    ),
    Contact(
        "WOMEN Inc.",
        "https://www.womeninc.nl",
        _("Works on changing norms, policy and structures; the toolkit supports its work."),
        "Leerpunt 6, voetnoot 11",
    ),
    Contact(
        "Pharos Expertisecentrum",
        "https://www.pharos.nl",
        _("Its definition of culture-sensitive work underlies the principles."),
        "Principes, voetnoot 5",
    ),
    Contact(
        "Samen Sterk met Werk",
        "https://www.samensterkmetwerk.nl",
        _("The alliance that made the toolkit."),
        "Slotpagina (contact)",
    ),
    Contact(
        "Veilig Thuis",
        "https://veiligthuis.nl",
        _(
            "Advice and reporting point for domestic violence and child abuse: call 0800-2000, free, day and night."
        ),
        "",
    ),
]
