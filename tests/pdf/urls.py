"""The app's URLs with the PDF downloads included, for as long as the root URLconf lacks them."""

from django.urls import include, path

from workbench.urls import urlpatterns as app_urlpatterns

_included = any(getattr(pattern, "namespace", None) == "pdf" for pattern in app_urlpatterns)
urlpatterns = app_urlpatterns if _included else [*app_urlpatterns, path("", include("workbench.pdf.urls"))]
