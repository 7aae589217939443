"""The home page: three ways in (the methods library, tomorrow's statements, the calculator)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from samensterk.toolkit.selectors import method_list


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"methods": method_list()})
