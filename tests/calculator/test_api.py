"""The JSON API: the full curve, explanations, 422 with field errors, OpenAPI schema, no 500."""

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/calculator/simulate"
HOUSEHOLD = {
    "year": 2026,
    "her": {"hourly_wage": None},
    "partner": {"situation": "works", "gross_month": 2600},
    "children": [4, 8],
    "housing": {"rent": 900},
    "childcare": [{"child": 0, "type": "bso", "hours_month": 40, "hourly_price": 9.5}],
}


def post(client, body, **extra):
    extra.setdefault("HTTP_ACCEPT_LANGUAGE", "en")  # explanation lines in the English source strings
    return client.post(URL, body, content_type="application/json", **extra)


def test_it_returns_the_whole_curve_explained(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = post(client, {"household": HOUSEHOLD, "hours": 16})
    assert response.status_code == 200
    data = response.json()
    assert data["hours"] == list(range(41))
    assert len(data["components"]["net_household"]) == 41
    assert set(data["components"]) >= {"zorgtoeslag", "kinderopvangtoeslag", "financially_independent"}
    assert data["explanation"][0]["text"].startswith("She works 16 hours a week")
    assert all("source" in line for line in data["explanation"])
    assert set(data["independence_hours"]) == {"financial", "economic"}
    assert isinstance(data["cliffs"], list) and isinstance(data["missing"], list)
    assert data["comparison"]["to_hours"] == 16


@pytest.mark.parametrize(
    ("household", "field"),
    [
        ({**HOUSEHOLD, "children": [4, 30]}, "children[1]"),
        ({**HOUSEHOLD, "children": ["four"]}, "children[0]"),
        ({**HOUSEHOLD, "year": 1999}, "year"),
        ({**HOUSEHOLD, "housing": {"rent": -5}}, "housing.rent"),
        ({**HOUSEHOLD, "partner": {"situation": "astronaut"}}, "partner.situation"),
    ],
)
def test_bad_input_is_a_422_with_field_errors(client, household, field):
    response = post(client, {"household": household})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert field in [e["field"] for e in errors]
    assert all(e["message"] and e["code"] for e in errors)


def test_a_body_without_household_names_the_missing_field(client):
    response = post(client, {**HOUSEHOLD})
    assert response.status_code == 422
    assert "household" in [e["field"] for e in response.json()["errors"]]


def test_broken_json_is_a_4xx_not_a_500(client):
    assert post(client, "{not json").status_code == 400
    assert post(client, "[]").status_code == 422
    assert post(client, {"household": HOUSEHOLD, "hours": 41}).status_code == 422


def test_it_rejects_the_wrong_method(client):
    assert client.get(URL).status_code == 405


def test_the_openapi_schema_lists_the_endpoint(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert "/api/calculator/simulate" in schema["paths"]
    assert "422" in schema["paths"]["/api/calculator/simulate"]["post"]["responses"]


def test_it_is_rate_limited(client, settings):
    from django.core.cache import cache

    cache.clear()
    codes = [post(client, {"household": {"year": 2026}}).status_code for _ in range(125)]
    assert codes[0] == 200 and codes[-1] == 429
    cache.clear()


def test_the_bijstand_options(client):
    single = {"year": 2026, "partner": {"situation": "none"}, "children": [1, 5], "housing": {"rent": 700}}
    plain = post(client, {"household": single, "hours": 12}).json()
    kept = post(client, {"household": {**single, "bijstand": {"vrijlating": True}}, "hours": 12}).json()
    assert kept["components"]["net_household"][12] > plain["components"]["net_household"][12]


def test_explanations_follow_accept_language(client):
    english = post(client, {"household": HOUSEHOLD}).json()["explanation"][0]["text"]
    dutch = post(client, {"household": HOUSEHOLD}, HTTP_ACCEPT_LANGUAGE="nl").json()["explanation"][0]["text"]
    assert "€ 1,0" in english or "€\u00a01,0" in english  # English grouping
    assert dutch  # Dutch money format, translated where the .po has the line
    assert ("1.0" in dutch) or ("1,0" in dutch)
