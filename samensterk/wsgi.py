"""WSGI entry point: `gunicorn samensterk.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samensterk.settings")
application = get_wsgi_application()

# Never serve on the published development key (ImproperlyConfigured stops gunicorn's workers).
from samensterk.core.checks import refuse_to_serve_insecurely  # noqa: E402

refuse_to_serve_insecurely()
