"""Passwords an attacker tries first, beyond Django's list of common passwords."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

KEYBOARD_ROWS = (
    "qwertyuiopasdfghjklzxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
    "1234567890",
    "abcdefghijklmnopqrstuvwxyz",
)
# Words anyone guessing a password for this site tries first.
GUESSED_WORDS = ("samensterk", "password", "wachtwoord", "welkom", "welcome", "admin", "parola", "sifre")


def _is_sequence(text: str) -> bool:
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return len(steps) == 1 and steps <= {-1, 0, 1}


def _is_repetition(text: str) -> bool:
    return any(
        len(text) % size == 0 and text == text[:size] * (len(text) // size)
        for size in range(1, len(text) // 2 + 1)
    )


def _is_keyboard_walk(text: str) -> bool:
    return any(text in row or text in row[::-1] for row in KEYBOARD_ROWS)


class GuessablePasswordValidator:
    """Refuses runs (abcdefghijkl), repetitions (abcabcabcabc), keyboard walks (qwertyuiopas…)
    and passwords built around the site's name or the word "password" in our languages."""

    def validate(self, password: str, user=None) -> None:
        lowered = password.lower()
        if _is_sequence(lowered) or _is_repetition(lowered) or _is_keyboard_walk(lowered):
            raise ValidationError(
                _("This password is a pattern that is guessed quickly. Use a few unrelated words."),
                code="password_pattern",
            )
        if any(word in lowered for word in GUESSED_WORDS):
            raise ValidationError(
                _("This password contains a word that is guessed first. Use a few unrelated words."),
                code="password_guessed_word",
            )

    def get_help_text(self) -> str:
        return _("Your password cannot be a run of letters, a keyboard row, or contain the word password.")
