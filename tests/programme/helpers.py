"""Shared bits of the programme's view tests: URLs and a login per persona."""

from django.urls import reverse
from django.utils import translation

PASSWORD = "a-long-test-password"
PERSONAS = ["facilitator", "trainer", "coordinator", "outsider", "staff", "funder"]


def url(name: str, *args) -> str:
    """The English URL (/en/...): the tests read English text, whatever language ran before."""
    with translation.override("en"):
        return reverse(f"programme:{name}", args=args)


def as_(client, personas, who: str):
    client.force_login(personas[who])
    return client
