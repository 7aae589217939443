# Placeholder route so the layout renders; the calculator page replaces it.
from django.urls import path

from samensterk.core.views import home

app_name = "calculator"
urlpatterns = [path("", home, name="index")]
