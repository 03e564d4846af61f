"""Production settings: the deploy check, the Content-Security-Policy, rate-limited sign-in, CSRF."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parent.parent


def test_deploy_check_is_clean_with_production_settings():
    env = {
        # The browser tests allow sync ORM calls under Playwright's event loop; production never does.
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}},
        "SECRET_KEY": "a-production-like-secret-key-of-sufficient-length-and-randomness-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "workbench.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_a_secret_key_production_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize("url", ["/accounts/login/", "/examples/", "/checker/"])
def test_every_page_carries_a_strict_csp(client, db, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_signed_in_pages_carry_the_csp_too(client_for, canvas):
    response = client_for("editor").get(reverse("canvases:edit", kwargs={"pk": canvas.pk}))
    assert "script-src 'self'" in response["Content-Security-Policy"]


def _locked_out_viewer(settings) -> Client:
    """A client that typed the viewer's password wrong as often as the lockout allows."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(3):
        client.post(reverse("login"), {"username": "viewer", "password": "wrong"})
    return client


def test_repeated_wrong_passwords_lock_the_sign_in(people, settings):
    client = _locked_out_viewer(settings)
    url = reverse("login")
    response = client.post(url, {"username": "viewer", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    # Another person is not locked out by it.
    assert client.post(url, {"username": "editor", "password": PASSWORD}).status_code == 302


def test_a_completed_password_reset_lifts_the_lockout(people, settings, mailoutbox, django_capture_on_commit_callbacks):
    import re

    client = _locked_out_viewer(settings)
    login = reverse("login")
    assert client.post(login, {"username": "viewer", "password": PASSWORD}).status_code == 429

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": people["viewer"].email})
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mailoutbox[-1].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "a brand new passphrase 2030"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert client.post(login, {"username": "viewer", "password": new}).status_code == 302


def test_form_posts_need_the_csrf_token(people, canvas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["owner"])
    response = client.post(reverse("canvases:delete", kwargs={"pk": canvas.pk}))
    assert response.status_code == 403
    canvas.refresh_from_db()
    assert canvas.deleted_at is None
