"""One cache rule: every key starts with the release, so nothing kept outlives the code that made it; a kept
page part shows every change on the next view; no viewer is handed another person's token."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse

from workbench import caching
from workbench.canvases import services as canvases
from workbench.canvases.models import Canvas
from workbench.pdf.services import template_digest
from workbench.release import release_key

RELEASE_FILES = {
    "workbench/canvases/views.py": "def canvas_detail(request): ...\n",
    "workbench/checker/data/words.tsv": "bold\tambitious\n",
    "workbench/checker/data/rules.toml": "[budget-stated]\nseverity = 'warning'\n",
    "workbench/document/mission-canvas-1.schema.json": '{"type": "object"}\n',
    "templates/canvases/canvas_detail.html": "<h1>{{ canvas.title }}</h1>\n",
    "templates/registration/password_reset_subject.txt": "Your password\n",
}


@pytest.fixture
def release_dir(tmp_path):
    for name, text in {**RELEASE_FILES, "README.md": "# Mission Workbench\n", "static/site.css": "h1{}"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def test_the_release_key_is_the_same_for_the_same_files(release_dir):
    assert release_key(release_dir, "1.0") == release_key(release_dir, "1.0")
    assert release_key(release_dir, "1.0").startswith("1.0-")


@pytest.mark.parametrize("name", sorted(RELEASE_FILES))
def test_a_changed_template_code_or_data_file_is_a_new_release(release_dir, name):
    before = release_key(release_dir, "1.0")
    (release_dir / name).write_text((release_dir / name).read_text() + " ")
    assert release_key(release_dir, "1.0") != before


def test_an_added_removed_or_renamed_file_and_a_new_version_are_each_a_new_release(release_dir):
    keys = {release_key(release_dir, "1.0"), release_key(release_dir, "1.1")}
    (release_dir / "templates/canvases/_row.html").write_text("<tr></tr>")
    keys.add(release_key(release_dir, "1.0"))
    (release_dir / "templates/canvases/_row.html").rename(release_dir / "templates/canvases/_line.html")
    keys.add(release_key(release_dir, "1.0"))
    (release_dir / "templates/canvases/_line.html").unlink()
    (release_dir / "workbench/canvases/views.py").unlink()
    keys.add(release_key(release_dir, "1.0"))
    assert len(keys) == 5


def test_files_outside_the_release_leave_the_key_alone(release_dir):
    before = release_key(release_dir, "1.0")
    (release_dir / "README.md").write_text("# Renamed\n")
    (release_dir / "static/site.css").write_text("h1{color:red}")
    (release_dir / "workbench/__pycache__").mkdir()
    (release_dir / "workbench/__pycache__/views.cpython-311.pyc").write_bytes(b"\0")
    assert release_key(release_dir, "1.0") == before


def test_every_key_of_the_shared_cache_starts_with_this_release():
    assert settings.RELEASE == release_key(settings.BASE_DIR)
    assert settings.CACHES["default"]["KEY_PREFIX"] == settings.RELEASE
    assert cache.make_key("one-pager:abc").startswith(f"{settings.RELEASE}:")


def test_a_new_release_reads_nothing_the_old_one_kept_even_from_a_shared_cache():
    old = LocMemCache("shared", {"KEY_PREFIX": "0.1.0-aaaa"})
    new = LocMemCache("shared", {"KEY_PREFIX": "0.1.0-bbbb"})
    old.set("editor:same-key", "<input name='old_field'>")
    assert new.get("editor:same-key") is None
    assert old.get("editor:same-key") == "<input name='old_field'>"


def test_a_pdf_key_names_the_print_templates_not_the_release(settings):
    before = caching.pdf_key(template_digest(), "canvas", 1, 3, "a4")
    settings.RELEASE = "0.1.0-another"
    assert caching.pdf_key(template_digest(), "canvas", 1, 3, "a4") == before
    assert caching.pdf_key("another-digest", "canvas", 1, 3, "a4") != before


def test_keys_differ_by_what_the_part_shows(canvas):
    assert caching.canvas_page_key(canvas, can_waive=True) != caching.canvas_page_key(canvas, can_waive=False)
    assert caching.editor_key(canvas, can_waive=True) != caching.canvas_page_key(canvas, can_waive=True)
    before = caching.canvas_page_key(canvas, can_waive=False)
    canvases.save_canvas(
        canvas=canvas, user=canvas.updated_by, document={**canvas.document, "near_term": "Now"}, base_revision=1
    )
    assert caching.canvas_page_key(Canvas.objects.get(pk=canvas.pk), can_waive=False) != before


def _viewer(factory):
    request = factory.get("/")
    request.user = AnonymousUser()
    get_token(request)  # the viewer's own secret
    return request


def test_a_kept_part_carries_each_viewers_own_token(db, monkeypatch):
    form = engines["django"].from_string("<form>{% csrf_token %}<input name='body'></form>")
    monkeypatch.setattr(caching, "render_to_string", lambda name, context: form.render(context))
    factory = RequestFactory()
    first, second = _viewer(factory), _viewer(factory)
    for request in (first, second, first):
        html = caching.kept_fragment(request, "kept-part:test", "a form", dict)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]
    assert caching.CSRF_SLOT in cache.get("kept-part:test")["part"]  # kept with the slot, never with a token


def test_without_a_key_nothing_is_kept(db):
    assert [caching.kept(None, lambda n=n: n) for n in (1, 2)] == [1, 2]
    assert [caching.kept("kept-part:n", lambda n=n: n) for n in (1, 2)] == [1, 1]


def test_an_edit_shows_on_the_canvas_page_and_the_editor_at_once(client_for, canvas, people):
    detail = reverse("canvases:detail", kwargs={"pk": canvas.pk})
    edit = reverse("canvases:edit", kwargs={"pk": canvas.pk})
    for role in ("owner", "editor"):  # kept for both kinds of rights
        client = client_for(role)
        assert "Good food for everyone" in client.get(detail).content.decode()
        assert "Good food for everyone" in client.get(edit).content.decode()
    canvases.save_canvas(
        canvas=canvas,
        user=people["editor"],
        document={**canvas.document, "title": "Hot meals for all", "near_term": "Kitchens in every school"},
        base_revision=1,
    )
    for role in ("owner", "editor"):
        client = client_for(role)
        for url in (detail, edit):
            page = client.get(url).content.decode()
            assert "Hot meals for all" in page and "Kitchens in every school" in page
            assert caching.CSRF_SLOT not in page
