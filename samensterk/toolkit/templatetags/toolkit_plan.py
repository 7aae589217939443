"""``{% prepare_url session %}``: the meeting plan of a session, its date, time and place filled in."""

from django import template
from django.urls import reverse

from samensterk.toolkit.selectors import meeting_number_for_session

register = template.Library()


@register.simple_tag
def prepare_url(session) -> str:
    """The plan builder for the session's meeting (``?session=`` fills in its date, time and
    place, or its kept plan); the method's meetings when the session matches no meeting."""
    method = session.trajectory.method
    number = meeting_number_for_session(session)
    if number is None:
        return reverse("toolkit:meetings", args=[method.slug])
    return f"{reverse('toolkit:meeting_plan', args=[method.slug, number])}?session={session.pk}"
