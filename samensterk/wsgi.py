"""WSGI entry point: `gunicorn samensterk.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samensterk.settings")
application = get_wsgi_application()

# Never serve on the published development key (ImproperlyConfigured stops gunicorn's workers).
from samensterk.core.checks import refuse_to_serve_insecurely  # noqa: E402

refuse_to_serve_insecurely()

# Import every view now (once in gunicorn's master with --preload), not in a user's first request:
# the URLconf pulls in the income parameter files and the PDF library, seconds on a loaded machine;
# and fill the URL table and load the translations of each language, which every page's language
# switch needs (0.2 s more). benchmarks/bench_dashboard.py, "first request".
from django.conf import settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

for _code, _name in settings.LANGUAGES:
    with translation.override(_code):
        reverse("home")
