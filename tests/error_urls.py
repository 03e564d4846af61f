"""A server error on purpose, to see the page people get."""

from django.urls import include, path


def boom(request):
    raise RuntimeError("a fault for the error page test")


urlpatterns = [path("boom/", boom), path("", include("workbench.urls"))]
