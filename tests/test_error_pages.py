"""Error pages use the site's layout and say what to do; a refused save gives the person's text back."""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from tests.canvases.test_editing import editor_post
from workbench.teams.models import Membership, Role


def test_a_missing_page_uses_the_site_layout(client_for, people):
    response = client_for("viewer").get("/canvases/999999/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Mission Workbench" in page and "There is nothing at this address" in page
    assert "Back to your teams" in page


def test_a_refused_page_uses_the_site_layout(client_for, canvas):
    response = client_for("viewer").get(reverse("canvases:edit", kwargs={"pk": canvas.pk}))
    page = response.content.decode()
    assert response.status_code == 403
    assert "You cannot do that here" in page and "ask one of the team's owners" in page


def test_the_server_error_page_renders_without_a_request():
    page = render_to_string("500.html")  # Django renders it with no request and no context processors
    assert "Something went wrong on our side" in page and "Mission Workbench" in page


def test_a_server_error_answers_with_the_page(people, settings):
    client = Client(raise_request_exception=False)
    settings.ROOT_URLCONF = "tests.error_urls"
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


@pytest.mark.django_db
def test_an_editor_demoted_while_typing_keeps_the_text(client_for, people, canvas):
    client = client_for("editor")
    data = editor_post(canvas.document, 1, statement="By 2030, every child eats a hot lunch: typed with care.")
    Membership.objects.filter(team=people["team"], user=people["editor"]).update(role=Role.VIEWER)
    response = client.post(reverse("canvases:edit", kwargs={"pk": canvas.pk}), data)
    page = response.content.decode()
    assert response.status_code == 403
    assert "no longer lets you edit this canvas, so nothing was saved" in page
    assert "typed with care" in page
    canvas.refresh_from_db()
    assert "typed with care" not in canvas.document["statement"]
