from django import template

register = template.Library()


@register.filter
def answer_for(data, statement_pk) -> int | None:
    """The value chosen for a statement in submitted form data, to keep it after an error."""
    value = data.get(f"s{statement_pk}") if data else None
    return int(value) if value in {"1", "2", "3", "4", "5"} else None
