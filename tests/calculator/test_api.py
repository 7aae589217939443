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
        ({**HOUSEHOLD, "year": 2025}, "year"),  # not offered: a kinderopvangtoeslag figure was not found
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


@pytest.mark.parametrize(
    ("household", "field", "code"),
    [
        ({**HOUSEHOLD, "her": "a string"}, "her", "not_an_object"),
        ({**HOUSEHOLD, "housing": [900]}, "housing", "not_an_object"),
        ({**HOUSEHOLD, "children": [True, 8]}, "children[0]", "not_a_whole_number"),
        ({**HOUSEHOLD, "children": [4.5]}, "children[0]", "not_a_whole_number"),
        ({**HOUSEHOLD, "year": 2026.5}, "year", "unknown_year"),
        ({**HOUSEHOLD, "year": "2026"}, "year", "unknown_year"),
        ({**HOUSEHOLD, "rent": 900}, "rent", "unknown_field"),
        ({**HOUSEHOLD, "housing": {"rent": "900"}}, "housing.rent", "not_a_number"),
        ({**HOUSEHOLD, "housing": {"rent": 10**9}}, "housing.rent", "too_large"),
        ({**HOUSEHOLD, "partner": {"situation": "works", "gross_month": 2600, "net_month": 2000}}, "partner", "wage_required"),
        ({**HOUSEHOLD, "bijstand": {"vrijlating": "yes"}}, "bijstand.vrijlating", "not_a_boolean"),
        ({**HOUSEHOLD, "childcare": [{"child": 5, "type": "bso", "hourly_price": 9}]}, "childcare[0].child", "unknown_child"),
    ],
)  # fmt: skip
def test_a_malformed_household_is_refused_not_reshaped(client, household, field, code):
    response = post(client, {"household": household})
    assert response.status_code == 422
    assert (field, code) in [(e["field"], e["code"]) for e in response.json()["errors"]]


def test_the_same_codes_as_the_engine_and_the_cli():
    from samensterk.income.household import HouseholdInvalid, parse_household

    with pytest.raises(HouseholdInvalid) as e:
        parse_household({**HOUSEHOLD, "children": [True, 8]})
    assert e.value.errors[0]["field"] == "children[0]" and e.value.errors[0]["code"] == "not_a_whole_number"


def test_a_body_over_the_upload_limit_is_a_json_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post(client, {"household": HOUSEHOLD, "padding": "x" * 2000})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"] == "The request body is too large."


def test_the_schema_states_the_years_the_partner_wage_rule_and_the_child_index(client):
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert schemas["HouseholdIn"]["properties"]["year"]["enum"] == [
        2026
    ]  # only years with every figure known
    assert (
        "exactly one of gross_month, net_month, or hourly_wage"
        in schemas["PartnerIn"]["properties"]["situation"]["description"]
    )
    assert "Index into children" in schemas["ChildcareIn"]["properties"]["child"]["description"]
    assert schemas["HousingIn"]["properties"]["rent"]["anyOf"][0]["maximum"] == 10000


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


def test_it_is_rate_limited(client, monkeypatch):
    """The limit itself (API_RATE, 120 a minute) is a constant; a small one keeps the test inside
    one minute's window on a busy machine."""
    from django.core.cache import cache

    from samensterk.calculator import api

    assert api.API_RATE == "120/m"
    monkeypatch.setattr(api, "API_RATE", "5/m")
    cache.clear()
    responses = [post(client, {"household": {"year": 2026}}) for _ in range(6)]
    assert [r.status_code for r in responses] == [200] * 5 + [429]
    assert responses[-1].json()["detail"].startswith("Too many requests")
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


@pytest.mark.parametrize(
    ("household", "valid"),
    [
        ({**HOUSEHOLD, "partner": {"situation": "works", "gross_month": 2600}}, True),
        ({**HOUSEHOLD, "partner": {"situation": "works", "hourly_wage": 15, "hours_week": 36}}, True),
        ({**HOUSEHOLD, "partner": {"situation": "bijstand"}}, True),
        ({**HOUSEHOLD, "partner": {"situation": "works"}}, False),
        ({**HOUSEHOLD, "partner": {"situation": "works", "gross_month": 2600, "net_month": 2000}}, False),
        ({**HOUSEHOLD, "partner": {"situation": "works", "hourly_wage": 15}}, False),
        ({**HOUSEHOLD, "children": [4, 8], "childcare": [{"child": 1, "type": "bso", "hourly_price": 9}]}, True),
        ({**HOUSEHOLD, "children": [4, 8], "childcare": [{"child": 2, "type": "bso", "hourly_price": 9}]}, False),
        ({**HOUSEHOLD, "children": [], "childcare": [{"child": 0, "type": "bso", "hourly_price": 9}]}, False),
        ({**HOUSEHOLD, "children": [4.0, 8]}, True),
        ({**HOUSEHOLD, "children": [4.5, 8]}, False),
    ],
)  # fmt: skip
def test_the_published_schema_and_the_api_give_the_same_verdict(client, household, valid):
    """The rules that span fields are in the schema itself, so a client that validates against it
    gets the API's verdict before sending (a validator of the schema, not our own code, decides)."""
    import jsonschema_rs

    openapi = client.get("/api/openapi.json").json()
    schema = {"$ref": "#/components/schemas/HouseholdIn", "components": openapi["components"]}
    assert jsonschema_rs.Draft202012Validator(schema).is_valid(household) is valid
    assert post(client, {"household": household}).status_code == (200 if valid else 422)
