"""An organisation's facilitator pool: recruitment against the four criteria, training, intervision."""

import pytest

from samensterk.core.models import AuditEvent
from samensterk.programme.models import FacilitatorRecruitment, Intervision, Training
from samensterk.toolkit.models import RecruitmentCriterion

from .helpers import as_, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def criteria(db):
    return [RecruitmentCriterion.objects.create(slug=f"test-c{n}", title=f"Criterium {n}") for n in range(4)]


def test_the_trainer_records_recruitment_training_and_intervision(client, personas, programme, criteria):
    client = as_(client, personas, "trainer")
    facilitator = personas["facilitator"]
    response = client.post(
        url("pool_record", "test-men", "recruitment"),
        {
            "facilitator": facilitator.pk,
            "criteria_met": [c.pk for c in criteria[:3]],
            "status": "recruited",
            "recorded_on": "2026-03-01",
        },
    )
    assert response.status_code == 302
    recruitment = FacilitatorRecruitment.objects.get(facilitator=facilitator)
    assert recruitment.criteria_met.count() == 3
    for part in (1, 2):
        client.post(
            url("pool_record", "test-men", "training"),
            {"part": part, "held_on": f"2026-03-0{part + 1}", "attendees": [facilitator.pk]},
        )
    client.post(
        url("pool_record", "test-men", "intervision"),
        {"held_on": "2026-04-01", "participants": [facilitator.pk], "notes": "Tips over stiltes."},
    )
    assert Training.objects.filter(organisation=personas["orgs"]["men"]).count() == 2
    assert Intervision.objects.get().notes == "Tips over stiltes."
    html = client.get(url("pool", "test-men")).content.decode()
    assert "3 criteria met" in html and "trained (both half-days)" in html
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"facilitator.recruit", "training.record", "intervision.record"} <= actions


def test_bad_input_keeps_what_was_typed(client, personas, programme):
    response = as_(client, personas, "trainer").post(
        url("pool_record", "test-men", "intervision"), {"held_on": "soon", "notes": "Bewaarde notitie"}
    )
    assert response.status_code == 422
    assert "Bewaarde notitie" in response.content.decode()


def test_people_of_another_organisation_cannot_be_chosen(client, personas, programme):
    response = as_(client, personas, "trainer").post(
        url("pool_record", "test-men", "training"),
        {"part": 1, "held_on": "2026-03-01", "attendees": [personas["outsider"].pk]},
    )
    assert response.status_code == 422
    assert not Training.objects.exists()


def test_a_facilitator_reads_but_may_not_record(client, personas, programme):
    client = as_(client, personas, "facilitator")
    html = client.get(url("pool", "test-men")).content.decode()
    assert "Record a recruitment" not in html
    response = client.post(url("pool_record", "test-men", "intervision"), {"held_on": "2026-04-01"})
    assert response.status_code == 404
    assert not Intervision.objects.exists()


def test_it_hides_other_orgs(client, personas, programme):
    for who in ("outsider", "funder", "coordinator"):
        assert as_(client, personas, who).get(url("pool", "test-men")).status_code == 404, who
    assert as_(client, personas, "staff").get(url("pool", "test-men")).status_code == 200


def test_an_unknown_kind_is_404(client, personas, programme):
    assert as_(client, personas, "trainer").post(url("pool_record", "test-men", "other")).status_code == 404


def test_it_rejects_get_on_record_and_post_on_the_page(client, personas, programme):
    client = as_(client, personas, "trainer")
    assert client.get(url("pool_record", "test-men", "training")).status_code == 405
    assert client.post(url("pool", "test-men")).status_code == 405
