"""Small template helpers shared by every part of the app."""

from django import template
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

# The content files use blank-line paragraphs and "- " bullet lines; nothing else is interpreted.


@register.filter(needs_autoescape=True)
def paragraphs(text, autoescape=True):
    """Render plain text with blank-line paragraphs and ``- `` bullets as <p> and <ul>, escaped."""
    esc = conditional_escape if autoescape else (lambda s: s)
    out = []
    for block in str(text or "").strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "* ")) for line in lines):
            out.append(
                format_html_join("", "<li>{}</li>", ((line[2:],) for line in lines)).join(["<ul>", "</ul>"])
            )
        else:
            out.append("<p>" + "<br>".join(esc(line) for line in lines) + "</p>")
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped  # nosec B308, B703


@register.filter
def bullet_lines(text):
    """The lines of a text as a list, without bullet marks (for checklists)."""
    return [
        line.strip()[2:] if line.strip()[:2] in ("- ", "* ") else line.strip()
        for line in str(text or "").splitlines()
        if line.strip()
    ]


@register.filter
def language_name_local(code):
    """A language's name in that language itself, for the language switch."""
    from django.utils.translation import get_language_info

    return get_language_info(code)["name_local"]


@register.filter
def lang_of(item, field):
    """The language a localized field is shown in (Dutch where the translation is missing)."""
    getter = getattr(item, "lang_of", None)
    return getter(field) if getter else ""


@register.filter
def lang_attrs(item, field):
    """` lang=".." dir=".."` for a localized field, so Dutch fallback text is marked and runs left to right."""
    from django.utils.html import format_html
    from django.utils.translation import get_language_info

    lang = lang_of(item, field)
    if not lang:
        return ""
    try:
        rtl = get_language_info(lang)["bidi"]
    except KeyError:
        rtl = False
    return format_html(' lang="{}" dir="{}"', lang, "rtl" if rtl else "ltr")
