"""The app's URLs plus one bare page: the baseline the page benchmarks compare against.

The bare page is a template view with no data of its own: it extends the site's layout (navigation,
static files, messages, the signed-in person) and shows one paragraph. Any page costs at least this.
"""

from django.shortcuts import render
from django.urls import include, path


def bare(request):
    return render(request, "bench/bare.html")


urlpatterns = [path("__bare__/", bare), path("", include("workbench.urls"))]
