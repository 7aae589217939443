"""Helpers for the session companion's tests: URLs per language and a JSON POST."""

from __future__ import annotations

import json
import uuid

from django.urls import reverse
from django.utils.translation import override


def url(name: str, *args, lang: str = "nl") -> str:
    with override(lang):
        return reverse(f"companion:{name}", args=args)


def totals_payload(**overrides) -> dict:
    data = {
        "turns_men": 6,
        "turns_women": 4,
        "seconds_men": 300,
        "seconds_women": 200,
        "interruptions": 2,
        "checkin_turns": 3,
        "statements": [],
        "run": str(uuid.uuid4()),
        "revision": 1,
    }
    data.update(overrides)
    return data


def post_json(client, path: str, data) -> object:
    body = data if isinstance(data, (str, bytes)) else json.dumps(data)
    return client.post(path, body, content_type="application/json")
