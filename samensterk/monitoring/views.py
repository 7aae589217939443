"""Monitoring pages: the dashboard and its exports, the awareness questionnaire, the counts import.

Thin views: access through samensterk/access.py (outsiders get 404), reads through selectors,
changes through services. The dashboard shows suppressed aggregates only, to every role.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import IntegrityError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.translation import get_language, gettext_lazy, ngettext, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from samensterk.access import dashboard_scope_for, session_for, trajectory_for
from samensterk.accounts.models import Organisation
from samensterk.core.pdf import pdf_response, render_pdf
from samensterk.toolkit.selectors import localize

from . import charts, exports, selectors, services
from .awareness import awareness_results
from .cache import cached
from .forms import DashboardFilterForm
from .imports import COLUMNS, parse_counts
from .models import QuestionnaireRound
from .queries import Filters

# --- dashboard --------------------------------------------------------------------------------


def _dashboard(request: HttpRequest):
    """The scope, the bound filter form and (when the filters are valid) the suppressed tables."""
    scope = dashboard_scope_for(request.user)
    quarters = selectors.available_quarters(scope)
    choices = selectors.filter_choices(scope)
    form = DashboardFilterForm(request.GET or None, quarters=quarters, choices=choices)
    if request.GET and not form.is_valid():
        return scope, form, None
    filters = form.filters() if form.is_valid() else Filters()

    def build():
        return selectors.dashboard(scope, filters, quarters=quarters, choices=choices)

    # The tables once per version of the data (cache.py); the charts are requests of their own.
    data = cached("dashboard", scope, filters, build)
    return scope, form, data


# Each chart: the table it draws, the columns drawn as bars, its title.
CHARTS = {
    "district": ("district", ["men", "women"], gettext_lazy("Participants per district")),
    "quarter": ("quarter", ["held", "cancelled"], gettext_lazy("Sessions per quarter")),
    "themes": ("themes", ["n"], gettext_lazy("Themes raised in the reports")),
}


def _chart_table(data: selectors.Dashboard, key: str) -> selectors.Table:
    table, _columns, _title = CHARTS[key]
    return data.themes if table == "themes" else data.table(table)


def _draw(data: selectors.Dashboard, key: str) -> str:
    _table, columns, title = CHARTS[key]
    return charts.bar_chart_svg(_chart_table(data, key), columns, title=str(title), chart_id=f"chart-{key}")


def _charts(data: selectors.Dashboard) -> dict[str, str]:
    """Every chart drawn, for the PDF; an empty table gets no chart (it says nothing the table does not)."""
    return {key: _draw(data, key) if _chart_table(data, key).rows else "" for key in CHARTS}


def _summary(data: selectors.Dashboard) -> dict[str, str]:
    """The headline figures (suppressed) for the short texts of the page and the PDF."""
    total = data.table("district").total
    cols = [k for k, _label in selectors.REACH_COLUMNS]
    return {key: str(total.cells[cols.index(key)]) for key in cols}


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    scope, form, data = _dashboard(request)
    context = {
        "form": form,
        "data": data,
        "scope": scope,
        "query": request.GET.urlencode(),
        "rounding_note": selectors.ROUNDING_NOTE,
    }
    if data is None:
        return render(request, "monitoring/dashboard.html", context, status=400)
    # The charts inline (SVG written directly, well under a millisecond each); an empty table gets none.
    context.update(charts=_charts(data), summary=_summary(data))
    return render(request, "monitoring/dashboard.html", context)


@require_GET
def chart(request: HttpRequest, key: str) -> HttpResponse:
    """One chart of the dashboard as an SVG image (the page itself draws them inline), with the same
    scope and filters as the page (the same 404 for outsiders, the same suppressed figures)."""
    if key not in CHARTS:
        raise Http404
    scope, form, data = _dashboard(request)
    if data is None:
        return HttpResponse(
            _("These filters are not valid."), status=400, content_type="text/plain; charset=utf-8"
        )
    if not _chart_table(data, key).rows:
        raise Http404
    svg = cached(f"chart-{key}", scope, data.filters, lambda: _draw(data, key))
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


def _export_organisation(scope) -> Organisation | None:
    if scope.organisation_ids:
        return Organisation.objects.filter(pk=scope.organisation_ids[0]).first()
    return None


def _bad_filters(request, form, scope) -> HttpResponse:
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "form": form,
            "data": None,
            "scope": scope,
            "query": request.GET.urlencode(),
            "rounding_note": selectors.ROUNDING_NOTE,
        },
        status=400,
    )


@require_GET
def export_csv(request: HttpRequest, delimiter: str = ",") -> HttpResponse:
    """The CSV with commas, or (``delimiter`` ";", its own URL) for Excel set to Dutch."""
    scope, form, data = _dashboard(request)
    if data is None:
        return _bad_filters(request, form, scope)
    services.export_record(
        actor=request.user, kind="csv", filters=data.filters, organisation=_export_organisation(scope)
    )
    response = HttpResponse(
        exports.dashboard_csv(data, delimiter=delimiter), content_type="text/csv; charset=utf-8"
    )
    name = "samen-sterk-monitoring-excel-nl.csv" if delimiter == ";" else "samen-sterk-monitoring.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    scope, form, data = _dashboard(request)
    if data is None:
        return _bad_filters(request, form, scope)
    services.export_record(
        actor=request.user, kind="xlsx", filters=data.filters, organisation=_export_organisation(scope)
    )
    response = HttpResponse(
        exports.dashboard_xlsx(data),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="samen-sterk-monitoring.xlsx"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@ratelimit(key="user_or_ip", rate="20/m", block=True)  # a PDF costs a second of CPU
def export_pdf(request: HttpRequest) -> HttpResponse:
    scope, form, data = _dashboard(request)
    if data is None:
        return _bad_filters(request, form, scope)
    services.export_record(
        actor=request.user, kind="pdf", filters=data.filters, organisation=_export_organisation(scope)
    )
    context = {
        "data": data,
        "charts": _charts(data),
        "summary": _summary(data),
        "filters": exports.filter_description(data),
        "language": get_language(),
        "rounding_note": selectors.ROUNDING_NOTE,
    }
    content = render_pdf("monitoring/report_pdf.html", context, request=request)
    return pdf_response(content, "samen-sterk-report.pdf")


# --- awareness questionnaire ------------------------------------------------------------------


def _qr_svg(url: str, label: str) -> str:
    """The link as a QR code, drawn here as inline SVG: no request leaves the page."""
    import segno

    svg = segno.make(url, error="m").svg_inline(
        scale=4, dark="#1b1b1b", light="#ffffff", omitsize=True, svgclass="qr-code"
    )
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def _session_for_questionnaire(user, pk):
    """The session if the user runs it (its facilitator, or a manager of the trajectory)."""
    session, can = session_for(user, pk)
    if not (can.write_report or can.edit):
        raise Http404
    return session


@require_http_methods(["GET", "POST"])
def session_questionnaire(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_for_questionnaire(request.user, pk)
    error = ""
    if request.method == "POST":
        moment = request.POST.get("moment", "")
        if moment not in QuestionnaireRound.Moment.values:
            error = _("Choose the first or the last meeting.")
        else:
            try:
                services.questionnaire_open(session=session, moment=moment, actor=request.user)
            except services.QuestionnaireError as exc:
                error = str(exc)
            else:
                return redirect("monitoring:session_questionnaire", pk=session.pk)
    rounds = []
    for round_ in session.questionnaire_rounds.annotate(responses_n=Count("responses")):
        with override(settings.LANGUAGE_CODE):  # the shortest link: no language prefix
            url = request.build_absolute_uri(reverse("monitoring:answer", args=[round_.token]))
        rounds.append(
            {
                "round": round_,
                "url": url,
                "qr": _qr_svg(url, _("QR code of the questionnaire link")),
                "open": round_.expires_at > timezone.now(),
            }
        )
    context = {
        "session": session,
        "rounds": rounds,
        "moments": QuestionnaireRound.Moment.choices,
        "error": error,
    }
    return render(request, "monitoring/session_questionnaire.html", context, status=400 if error else 200)


def _answers_from(post, statements) -> tuple[dict[int, int], list[int]]:
    """Statement id -> 1..5 from the form, and the ids left unanswered or out of the scale."""
    answers, missing = {}, []
    for st in statements:
        value = post.get(f"s{st.pk}", "")
        if value in {"1", "2", "3", "4", "5"}:
            answers[st.pk] = int(value)
        else:
            missing.append(st.pk)
    return answers, missing


@require_http_methods(["GET", "POST"])
def round_paper(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator types in one paper form at a time."""
    round_ = get_object_or_404(QuestionnaireRound.objects.select_related("session"), pk=pk)
    session = _session_for_questionnaire(request.user, round_.session_id)
    statements = localize(round_.statements.order_by("order", "slug"))
    missing: list[int] = []
    if request.method == "POST":
        answers, missing = _answers_from(request.POST, statements)
        if not missing:
            services.questionnaire_answer(round_=round_, answers=answers, on_paper=True, actor=request.user)
            messages.success(request, _("The paper answers are saved. Enter the next form, or go back."))
            return redirect("monitoring:round_paper", pk=round_.pk)
    context = {
        "round": round_,
        "session": session,
        "statements": statements,
        "missing": missing,
        "chosen": request.POST if request.method == "POST" else {},
        "scale": SCALE,
    }
    return render(request, "monitoring/round_paper.html", context, status=400 if missing else 200)


SCALE = [
    (1, gettext_lazy("Disagree strongly")),
    (2, gettext_lazy("Disagree")),
    (3, gettext_lazy("Neither agree nor disagree")),
    (4, gettext_lazy("Agree")),
    (5, gettext_lazy("Agree strongly")),
]
ANSWERED_COOKIE = "ssmw-answered-{}"
# Answers one client address may give to one round. A group on the venue's wifi shares one
# address (~20 phones), so this is well above a group; a script with a fresh cookie per answer
# stops here. Counted in the shared cache, under a keyed hash of the address (never stored).
ANSWERS_PER_ADDRESS = 30


def _address_key(request: HttpRequest, round_: QuestionnaireRound) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = salted_hmac("monitoring.answer-address", address).hexdigest()[:24]
    return f"monitoring:answers:{round_.pk}:{digest}"


def _answer_refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "monitoring/answer_closed.html", {"message": message}, status=status)


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="60/m", method="POST", block=True)
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The anonymous questionnaire on a phone: no login, nothing about the person is kept."""
    round_ = get_object_or_404(QuestionnaireRound, token=token)
    if round_.expires_at <= timezone.now() or round_.voided_at is not None:
        return render(request, "monitoring/answer_closed.html", {}, status=410)
    cookie = ANSWERED_COOKIE.format(round_.pk)
    if request.COOKIES.get(cookie):
        return render(request, "monitoring/answer_thanks.html", {"again": True})
    statements = localize(round_.statements.order_by("order", "slug"))
    missing: list[int] = []
    if request.method == "POST":
        answers, missing = _answers_from(request.POST, statements)
        address_key = _address_key(request, round_)
        if not missing and (cache.get(address_key) or 0) >= ANSWERS_PER_ADDRESS:
            return _answer_refused(
                request,
                _("Too many answers came from this network. Ask the facilitator for a paper form."),
                429,
            )
        if not missing:
            try:
                services.questionnaire_answer(round_=round_, answers=answers)
            except services.QuestionnaireFull as exc:
                return _answer_refused(request, str(exc), 429)
            except services.QuestionnaireError as exc:
                return _answer_refused(request, str(exc), 410)
            timeout = max(int((round_.expires_at - timezone.now()).total_seconds()), 1)
            if not cache.add(address_key, 1, timeout):
                cache.incr(address_key)
            response = render(request, "monitoring/answer_thanks.html", {"again": False})
            # A note on this phone that it answered, so a double tap does not count twice. It
            # holds no identity and the server keeps no copy of it.
            max_age = max(int((round_.expires_at - timezone.now()).total_seconds()), 0)
            response.set_cookie(cookie, "1", max_age=max_age, httponly=True, samesite="Lax")
            return response
    context = {
        "round": round_,
        "statements": statements,
        "missing": missing,
        "chosen": request.POST if request.method == "POST" else {},
        "scale": SCALE,
    }
    response = render(request, "monitoring/answer.html", context, status=400 if missing else 200)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def trajectory_awareness(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory, can = trajectory_for(request.user, pk)
    context = {"trajectory": trajectory, "can_void": can.edit, **awareness_results(trajectory)}
    return render(request, "monitoring/awareness.html", context)


@require_POST
def round_void(request: HttpRequest, pk: int) -> HttpResponse:
    """Void a round's answers (a suspected flood): the trajectory's managers and alliance staff."""
    round_ = get_object_or_404(QuestionnaireRound.objects.select_related("session"), pk=pk)
    trajectory, can = trajectory_for(request.user, round_.session.trajectory_id)
    if not can.edit:
        raise Http404
    if request.POST.get("confirm") != "void":
        context = {
            "trajectory": trajectory,
            "can_void": True,
            "void_error": round_.pk,
            **awareness_results(trajectory),
        }
        return render(request, "monitoring/awareness.html", context, status=400)
    count = services.questionnaire_void(round_=round_, actor=request.user)
    messages.success(
        request,
        ngettext("%(count)s answer voided.", "%(count)s answers voided.", count) % {"count": count},
    )
    return redirect("monitoring:trajectory_awareness", pk=trajectory.pk)


# --- earlier counts import --------------------------------------------------------------------

IMPORT_SESSION_KEY = "monitoring-import"


def _import_scope(user):
    scope = dashboard_scope_for(user)
    if not scope.can_import:
        raise Http404  # funders read, they do not add figures
    return scope


@require_http_methods(["GET", "POST"])
def import_counts(request: HttpRequest) -> HttpResponse:
    """Upload a file: every row is checked and shown; nothing is stored until the whole file is valid."""
    scope = _import_scope(request.user)
    context: dict = {"columns": COLUMNS}
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            context["errors"] = [(0, _("Choose a file to check."))]
            status = 400
        else:
            parsed = parse_counts(upload.name, upload.read(), organisation_ids=scope.organisation_ids)
            context.update(parsed=parsed, errors=parsed.errors, filename=upload.name)
            if parsed.valid:
                key = uuid.uuid4().hex
                request.session[IMPORT_SESSION_KEY] = {"key": key, "rows": parsed.rows}
                context["confirm_key"] = key
            else:
                status = 400
    return render(request, "monitoring/import.html", context, status=status)


@require_POST
def import_counts_confirm(request: HttpRequest) -> HttpResponse:
    scope = _import_scope(request.user)
    pending = request.session.get(IMPORT_SESSION_KEY) or {}
    if not pending or pending.get("key") != request.POST.get("key"):
        context = {"columns": COLUMNS, "errors": [(0, _("Check the file again before importing it."))]}
        return render(request, "monitoring/import.html", context, status=400)
    try:
        count = services.earlier_counts_import(
            rows=pending["rows"], actor=request.user, organisation=_export_organisation(scope)
        )
    except IntegrityError:
        context = {
            "columns": COLUMNS,
            "errors": [(0, _("Some of these counts were imported in the meantime. Check the file again."))],
        }
        return render(request, "monitoring/import.html", context, status=409)
    finally:
        request.session.pop(IMPORT_SESSION_KEY, None)
    messages.success(
        request,
        ngettext(
            "%(count)s row of earlier counts imported.", "%(count)s rows of earlier counts imported.", count
        )
        % {"count": count},
    )
    return redirect("monitoring:dashboard")
