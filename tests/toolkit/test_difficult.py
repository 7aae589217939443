"""When it gets difficult: per method, the app's own guidance, printable, with the referral path."""

import pytest

from tests.toolkit.helpers import pdf_text, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "slug",
    [
        "huiskamergesprekken",
        "workshopreeks-gelijke-kansen",
        "dialoogsessies-mannen",
        "dialoogsessies-mannen-en-vrouwen",
    ],
)
def test_the_guide_names_the_referral_path(client, toolkit_content, slug):
    page = client.get(url("difficult", slug)).content.decode()
    assert "0800-2000" in page and "Blijf Groep" in page and "112" in page
    assert "provenance-app" in page
    assert url("difficult_pdf", slug) in page


def test_blijf_groep_is_named_as_partner_only_where_it_is(client, toolkit_content):
    assert "partner" in client.get(url("difficult", "dialoogsessies-mannen", lang="en")).content.decode()
    assert (
        "Blijf Groep is a partner"
        not in client.get(url("difficult", "huiskamergesprekken", lang="en")).content.decode()
    )


def test_the_guide_prints(client, toolkit_content, tmp_path):
    response = client.get(url("difficult_pdf", "dialoogsessies-mannen"))
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    assert "0800-2000" in text and "Blijf Groep" in text


def test_unknown_method_404_and_post_405(client, toolkit_content):
    assert client.get(url("difficult", "nope")).status_code == 404
    assert client.post(url("difficult", "dialoogsessies-mannen")).status_code == 405


def test_contacts_show_websites_only(client, toolkit_content):
    page = client.get(url("contacts")).content.decode()
    assert "https://www.himilo.org" in page and "https://www.blijfgroep.nl" in page
    assert "@" not in page.split("<main", 1)[1]  # no e-mail addresses of staff
    assert client.post(url("contacts")).status_code == 405


def test_checklist_has_the_practical_list(client, toolkit_content):
    page = client.get(url("checklist", lang="en")).content.decode()
    assert "A soft ball" in page and "Interpreter arranged" in page


def test_method_3_statement_filter_is_no_dead_end(client, toolkit_content):
    page = client.get(url("statements", query="method=dialoogsessies-mannen")).content.decode()
    assert "borrowed-note" in page
    assert page.count('class="statement-text"') == 12


def test_huis_van_vroeger_questions_print_as_flipover_sheets(client, toolkit_content, tmp_path):
    from tests.toolkit.helpers import pdf_pages

    response = client.get(url("workform_flipover", "huis-van-vroeger-huis-van-nu"))
    assert response.status_code == 200
    assert pdf_pages(response.content, tmp_path) == 8
    assert "Waar stond je wieg?" in " ".join(pdf_text(response.content, tmp_path, page=1).split())
    assert client.get(url("workform_flipover", "subgroepen")).status_code == 404  # no questions
    page = client.get(url("workform", "huis-van-vroeger-huis-van-nu")).content.decode()
    assert url("workform_flipover", "huis-van-vroeger-huis-van-nu") in page
    assert "provenance-toolkit" in page


def test_app_written_fields_are_labelled_on_the_work_form(client, toolkit_content):
    page = client.get(url("workform", "filmfragment")).content.decode()
    assert page.count("provenance-app") == 3  # purpose, materials, instructions
    assert (
        "provenance-app" not in client.get(url("workform", "huis-van-vroeger-huis-van-nu")).content.decode()
    )


def test_content_fixes(client, toolkit_content):
    insights = client.get(url("insights")).content.decode()
    assert "De toolkit roept werkgevers" not in insights and "een van de geïnterviewden" in insights
    recs = client.get(url("recommendations")).content.decode()
    assert "Pas maatschappelijke normen" not in recs and "WOMEN Inc." in recs
    method = client.get(url("method", "dialoogsessies-mannen", lang="tr")).content.decode()
    assert "Niet vast" not in method


METHODS = [
    "huiskamergesprekken",
    "workshopreeks-gelijke-kansen",
    "dialoogsessies-mannen",
    "dialoogsessies-mannen-en-vrouwen",
]


def test_each_guide_cites_the_toolkit_only_where_it_says_it(client, toolkit_content):
    """Every passage of the toolkit in a guide is cited to the section it is in; a guide cites
    another method only where it borrows a passage, and then names that method."""
    import html
    import re

    from samensterk.toolkit import guide
    from samensterk.toolkit.models import Method

    for method in Method.objects.filter(slug__in=METHODS):
        page = client.get(url("difficult", method.slug, lang="en")).content.decode()
        heated = page.split('id="heated-heading"', 1)[1].split('id="disclosure-heading"', 1)[0]
        cited = [html.unescape(c) for c in re.findall(r'<cite lang="nl" dir="ltr">([^<]*)</cite>', heated)]
        advice = guide.guide_for(method).toolkit
        assert cited == [a.section for a in advice]
        for a in advice:
            assert a.method == method.slug or a.section.startswith("Methodiek 4")
        assert "provenance-app" in heated  # the app's own steps are marked as such
        struggle = "struggle over positions" in heated
        assert struggle == (method.slug in ("dialoogsessies-mannen", "dialoogsessies-mannen-en-vrouwen"))
    # the struggle over positions is in method 4's section only: method 3's guide cites it there
    m3 = client.get(url("difficult", "dialoogsessies-mannen", lang="en")).content.decode()
    struggle_at = m3.index("struggle over positions")
    assert (
        m3.rfind("Methodiek 4: Dialoogsessies met mannen en vrouwen samen", 0, struggle_at)
        > m3.rfind("<cite", 0, struggle_at) - 200
    )


@pytest.mark.parametrize("slug", ["huiskamergesprekken", "workshopreeks-gelijke-kansen"])
def test_methods_1_and_2_get_no_flipover_agreements_or_ball_as_toolkit_advice(client, toolkit_content, slug):
    page = client.get(url("difficult", slug, lang="en")).content.decode()
    assert "Point to the dialogue agreements on the flip-over" not in page
    assert "Use the ball again" not in page
    assert "Let one person speak at a time" in page
    assert "for this method these steps are this app's suggestion" in page


def test_the_plan_pdf_of_method_2_summarises_its_own_guide(client, toolkit_content, tmp_path):
    from tests.toolkit.test_meeting_plan import plan_data

    response = client.post(url("meeting_plan_pdf", "workshopreeks-gelijke-kansen", 1, lang="en"), plan_data())
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "let one person speak at a time" in text and "give the ball back" not in text


def test_contacts_list_every_organisation_the_toolkit_credits(client, toolkit_content):
    page = client.get(url("contacts")).content.decode()
    for name in (
        "Emancipator",
        "Stichting HIMILO",
        "Trias Pedagogica",
        "Daadkr8",
        "Vrouw en Vaart",
        "Blijf Groep",
        "Buurvrouwennetwerk Gaasperdam",
        "Buurvrouwennetwerk Gaasperplas",
        "Stichting Malak",
        "Stichting Prachtvrouw",
        "Stichting Vrouwen Vooruit",
    ):
        assert name in page, name


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_contacts_page_is_reachable_from_the_library_and_the_guide(client, toolkit_content, lang):
    contacts = url("contacts", lang=lang)
    assert f'href="{contacts}"' in client.get(url("index", lang=lang)).content.decode()
    assert (
        f'href="{contacts}"'
        in client.get(url("difficult", "dialoogsessies-mannen", lang=lang)).content.decode()
    )
