from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django_ratelimit.decorators import ratelimit

from samensterk.calculator.api import api as calculator_api
from samensterk.core import offline
from samensterk.core import views as core_views
from samensterk.portal import views as portal_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # One service worker for every language: at the root, its scope covers the whole site.
    path("sw.js", offline.service_worker, name="service_worker"),
    # The admin login counts against the same per-address limit as ours; django-axes locks out
    # repeated failures on both (settings AXES_*), and the admin sits behind the second factor.
    path("admin/login/", ratelimit(key="ip", rate="10/m", method="POST", block=True)(admin.site.login)),
    path("admin/", admin.site.urls),
    path("api/", calculator_api.urls),
]

# Dutch at "/", the other languages under "/en/", "/ar/", "/tr/".
urlpatterns += i18n_patterns(
    path("", portal_views.home, name="home"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("toolkit/", include("samensterk.toolkit.urls")),
    path("calculator/", include("samensterk.calculator.urls")),
    path("programme/", include("samensterk.programme.urls")),
    path("companion/", include("samensterk.companion.urls")),
    path("monitoring/", include("samensterk.monitoring.urls")),
    # Password guessing is slowed down per address; the 11th attempt in a minute gets the 429 page.
    path(
        "login/",
        ratelimit(key="ip", rate="10/m", method="POST", block=True)(auth_views.LoginView.as_view()),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("samensterk.accounts.urls")),
    prefix_default_language=False,
)

handler404 = "samensterk.core.errors.not_found"
handler500 = "samensterk.core.errors.server_error"
