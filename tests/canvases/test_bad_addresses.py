"""Addresses a person can type wrong get a clear message, never a server error or a different page."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("a=99999999999999999999&b=1", "99999999999999999999"),
        ("a=abc&b=1", "abc"),
        ("a=1&b=-3", "-3"),
        ("a=1&b=%D9%A3", "٣"),  # an Arabic-Indic digit is not a revision number here
        ("a=7&b=1", "7"),
    ],
)
def test_compare_with_a_revision_that_does_not_exist_says_which(client_for, canvas, query, named):
    client = client_for("viewer")
    url = reverse("canvases:compare", kwargs={"pk": canvas.pk}) + "?" + query
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("canvases:history", kwargs={"pk": canvas.pk})
    page = response.content.decode()
    assert f"There is no revision &#x27;{named}&#x27;" in page or f"There is no revision '{named}'" in page
    assert "choose two revisions between 1 and 1" in page


def test_compare_with_good_numbers_still_compares(client_for, canvas):
    response = client_for("viewer").get(reverse("canvases:compare", kwargs={"pk": canvas.pk}) + "?a=1&b=1")
    assert response.status_code == 200
