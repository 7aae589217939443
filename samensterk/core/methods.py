"""HEAD and OPTIONS for every page, so uptime monitors and clients that probe first get answers.

Views declare what they accept with Django's require_GET / require_POST / require_safe. Rather
than touch every view, this middleware:
- answers HEAD by running the view as GET and dropping the body (headers and Content-Length stay),
  as HTTP asks; a GET view must be safe, so this changes nothing on the server;
- answers OPTIONS with 204 and the Allow header the view's own 405 reports, plus HEAD and OPTIONS.
  A view that accepts OPTIONS itself (class-based views, the API) answers it unchanged;
- answers PUT, PATCH and DELETE with 405 before the CSRF check would answer 403 (no page of ours
  takes them; the API under /api/ answers for itself). The Allow header is the view's own, found
  as for OPTIONS; the view itself never runs with the refused method.
"""

from __future__ import annotations


def _allow_header(allowed: str) -> str:
    methods = [m.strip().upper() for m in allowed.split(",") if m.strip()]
    if "GET" in methods and "HEAD" not in methods:
        methods.append("HEAD")
    if "OPTIONS" not in methods:
        methods.append("OPTIONS")
    return ", ".join(methods)


REFUSED = frozenset({"PUT", "PATCH", "DELETE"})
OWN_METHODS_PREFIXES = ("/api/",)


class HeadAndOptionsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in REFUSED or request.path_info.startswith(OWN_METHODS_PREFIXES):
            return None
        from django.http import HttpResponseNotAllowed

        method, request.method = request.method, "OPTIONS"
        try:
            probe = view_func(request, *view_args, **view_kwargs)
        finally:
            request.method = method
        allowed = probe["Allow"] if probe.has_header("Allow") else "GET, POST"
        response = HttpResponseNotAllowed([])
        response["Allow"] = _allow_header(allowed)
        return response

    def __call__(self, request):
        method = request.method
        if method == "HEAD":
            request.method = "GET"
            response = self.get_response(request)
            request.method = "HEAD"
            return self._without_body(response)
        response = self.get_response(request)
        if response.status_code == 405 and response.has_header("Allow"):
            allow = _allow_header(response["Allow"])
            if method == "OPTIONS":
                response = self._options(allow)
            else:
                response["Allow"] = allow
        return response

    @staticmethod
    def _options(allow: str):
        from django.http import HttpResponse

        response = HttpResponse(status=204)
        response["Allow"] = allow
        return response

    @staticmethod
    def _without_body(response):
        if response.status_code == 405 and response.has_header("Allow"):
            response["Allow"] = _allow_header(response["Allow"])
        if response.streaming:
            # The file behind a FileResponse is still closed by the server's final close().
            response.streaming_content = []
            return response
        length = len(response.content)
        response.content = b""
        response["Content-Length"] = str(length)
        return response
