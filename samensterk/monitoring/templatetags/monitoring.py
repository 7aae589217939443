from django import template

from samensterk.monitoring.suppression import rounded

register = template.Library()


@register.filter
def answer_for(data, statement_pk) -> int | None:
    """The value chosen for a statement in submitted form data, to keep it after an error."""
    value = data.get(f"s{statement_pk}") if data else None
    return int(value) if value in {"1", "2", "3", "4", "5"} else None


@register.filter
def absolute(value: int) -> int:
    return abs(int(value))


@register.filter
def signed(value: int) -> str:
    """+3, 0, -2: a change written with its direction."""
    value = int(value)
    return f"+{value}" if value > 0 else str(value)


@register.filter
def rounded_count(value: int) -> int:
    """A count of answers as the dashboard shows counts: rounded to multiples of 5."""
    return rounded(value)
