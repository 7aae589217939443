"""WSGI entry point: `gunicorn samensterk.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samensterk.settings")
application = get_wsgi_application()

# Never serve on the published development key (ImproperlyConfigured stops gunicorn's workers).
from samensterk.core.checks import refuse_to_serve_insecurely  # noqa: E402

refuse_to_serve_insecurely()

# Import every view now (once in gunicorn's master with --preload), not in a user's first request:
# the URLconf pulls in the income parameter files and the PDF library, seconds on a loaded machine
# (benchmarks/bench_dashboard.py, "first request").
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018 - the import is the point
